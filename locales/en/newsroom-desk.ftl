# The newsroom: desk. Signing in, the dashboard, people, comment moderation, site
# settings, readers' messages and the audit log.

## Fields several of these pages share
desk-field-email = Email
desk-field-password = Password
desk-field-password-again = Password again
desk-field-new-password = New password
desk-field-new-password-again = New password again
desk-field-your-email = Your email
desk-field-your-name = Your name
desk-password-hint = At least { $count } characters.

## Signing in (login.html)
desk-sign-in = Sign in
desk-login-heading = Sign in to the newsroom
desk-login-forgotten = Forgotten your password?
desk-login-mismatch = That email and password do not match an active account. Check both and try again.
desk-login-throttled = Too many failed sign-ins from your network. Wait { $wait } before trying again.
desk-reset-throttled = Too many requests from your network. Wait { $wait } and try again.
# How long to wait, inside the two sentences above.
desk-wait-seconds = { $count } seconds
desk-wait-minutes = { $count } minutes

## A password reset (reset_request.html, reset.html)
desk-reset-request = Reset your password
desk-reset-sent = If an account has that email, a one-time link to choose a new password has been sent.
desk-reset-sent-hour = It works for one hour. (On a site without email set up, an admin finds the link in the server's log.)
desk-reset-back = Back to sign in
desk-reset-send = Send me a link
desk-reset-choose = Choose a new password
desk-reset-set = Set the password
desk-reset-expired = This link has expired or was already used.
desk-reset-ask-again = Ask for a new one
desk-password-mismatch = the two passwords are not the same
desk-password-too-short = the password is { $count } characters long; use at least { $min }
desk-password-too-long = the password is longer than { $max } characters

## The first admin (setup.html, first_run.html)
desk-setup-title = Set up
desk-setup-heading = Create the first admin
desk-setup-intro = This account can add everyone else. Choose a password of at least { $count } characters.
desk-setup-create = Create the admin and sign in
desk-setup-done = This site is already set up. Sign in, or ask an admin to add you.
desk-setup-invalid = This setup link is not valid. Use the link `newsdesk serve` printed when it started.
desk-first-run-heading = This site has no newsroom yet
# Around the command `newsdesk serve`: "When" [command] "started, it printed ... link".
desk-first-run-when = When
desk-first-run-printed = started, it printed a one-time setup link
desk-first-run-open = Open that link to create the first admin.
desk-first-run-or = Or, on the server, run
# A command typed on the server: keep it as it is, but for the example email and name.
desk-first-run-command = newsdesk user add --email you@example.com --name "Your Name" --role admin

## The dashboard (dashboard.html)
desk-dash-greeting = Good to see you, { $name }
desk-dash-write = Write an article
desk-dash-review = Waiting for review
desk-dash-sent-by = sent by { $name }
desk-dash-someone-removed = someone since removed
desk-dash-assigned = assigned to { $name }
desk-dash-nothing-waiting = Nothing is waiting.
desk-dash-list-draft = Drafts
desk-dash-list-scheduled = Scheduled
desk-dash-list-published = Recently published
desk-dash-all-draft = All drafts
desk-dash-all-scheduled = All scheduled
desk-dash-all-published = All recently published
desk-dash-updated = updated { $when }
desk-dash-none = None.
desk-dash-comments-waiting = { $count } waiting for moderation
desk-dash-no-comments = No comments are waiting.
desk-dash-reads-now = { $count } reads in the last 5 minutes
# Follows the reads of the last minutes, in the same sentence.
desk-dash-reads-today = ; { $count } today
desk-dash-account = Your account
desk-dash-elsewhere = Signed in somewhere you no longer use?
desk-dash-sign-out-elsewhere = Sign out everywhere else

## People (people.html)
desk-people-added = Added.
desk-people-send-link = Send them this one-time link to choose their password (it works for { $hours } hours):
desk-people-invite-link = Invitation link
desk-people-name = Name
desk-people-email = Email
desk-people-role = Role
desk-people-can-sign-in = Can sign in
desk-people-you = (you)
desk-people-role-of = Role of { $name }
desk-people-change = Change
desk-people-yes = yes
desk-people-no = no
desk-people-deactivate = Deactivate
desk-people-reactivate = Reactivate
desk-people-add-someone = Add someone
desk-people-roles-hint = Contributors write drafts; authors publish their own; editors publish anything and run sections, tags and comments; admins also manage people and settings.
desk-people-password-hint = Leave empty to get a one-time link they use to choose their own.
desk-people-add = Add
# The email to someone added without a password (subject, then paragraphs).
desk-invite-subject = You have been added to the { $site } newsroom
desk-invite-greeting = Hello { $name },
desk-invite-added = { $admin } added you to the { $site } newsroom as { $role }.
    Choose your password with this link within 72 hours (it works once):

## Comment moderation (comments.html)
desk-comments-status = Comment status
desk-comments-tab-pending = Waiting
desk-comments-tab-spam = Spam
desk-comments-tab-approved = Approved
desk-comments-total-pending = { $count } pending comment(s).
desk-comments-total-spam = { $count } spam comment(s).
desk-comments-total-approved = { $count } approved comment(s).
desk-comments-with-ticked = With the ticked comments
desk-comments-approve = Approve
desk-comments-mark-spam = Mark as spam
desk-comments-delete = Delete
desk-comments-apply = Apply
desk-comments-choose = Choose the comment by { $name }
# Before the story's title: "· on [title]".
desk-comments-on = on
desk-comments-reply = reply
desk-comments-held-because = Held because: { $reason }
desk-comments-spam = Spam
desk-comments-back-to-waiting = Back to waiting
desk-comments-edit = Edit the text
desk-comments-text = Comment text
desk-comments-save-text = Save the text
desk-comments-nothing = Nothing here.
desk-comments-empty = a comment's text cannot be empty; delete it instead
# Why a comment or a reader's message was held, after "Held because:" or "Held as spam:".
desk-reason-honeypot = filled in the hidden honeypot field, which people never see
desk-reason-forged = the form's timestamp was forged
desk-reason-too-fast = posted { $age } s after the page was served; people take at least { $min } s
desk-reason-no-timestamp = posted without the comment form's timestamp
desk-reason-no-contact-timestamp = posted without the contact form's timestamp
desk-reason-blocklist = contains "{ $entry }", which is on the blocklist
desk-reason-links = contains { $count } links; more than { $max } are held
desk-reason-hold-all = every comment is held for review (moderation: hold_all)
desk-reason-first = first comment from this email address
desk-reason-no-email = no email address, so treated as a first-time commenter

## Pages of a list
desk-pager = Pages
desk-pager-newer = ← Newer
desk-pager-older = Older →

## Site settings (settings.html)
desk-settings-heading = Site settings
# Around the file name newsdesk.toml.
desk-settings-win-over = Saved here, these take effect at once and win over
desk-settings-and-environment = and environment variables.
desk-settings-not-saved = Not saved: please correct the fields marked below.
desk-settings-site-title = Site title
desk-settings-description = Description
desk-settings-timezone = Time zone
desk-settings-timezone-hint = Type to search the list, such as Nairobi or London; dates on the site are shown in it.
desk-settings-per-page = Articles per page
desk-settings-moderation = Comment moderation
desk-settings-moderation-hold_first_time = Hold a commenter's first comment; approve them after
desk-settings-moderation-hold_all = Hold every comment for a moderator
desk-settings-moderation-approve_all = Publish at once unless a spam rule holds it
desk-settings-authors-review = Authors submit their stories for review
desk-settings-authors-review-hint = Contributors always do. When ticked, authors also send stories to the editors' queue instead of publishing them themselves.
desk-settings-reactions = Reactions
desk-settings-reactions-hint = In the order readers see them. The kind is the stored name (lowercase letters); renaming a label keeps the counts. Clear a kind to remove its row; fill an empty row to add one.
desk-settings-kind = Kind
desk-settings-label = Label
desk-settings-emoji = Emoji
desk-settings-order = Order
desk-settings-kind-row = Kind, row { $row }
desk-settings-label-row = Label, row { $row }
desk-settings-emoji-row = Emoji, row { $row }
desk-settings-order-row = Order, row { $row }
desk-settings-save = Save settings
# Refusals shown under a setting.
desk-settings-not-number = "{ $value }" is not a whole number
desk-settings-per-page-range = { $value } is not between { $min } and { $max }
desk-settings-moderation-unknown = "{ $value }" is not a moderation mode
desk-settings-timezone-unknown = "{ $value }" is not an IANA time zone name; use one like Africa/Nairobi, Europe/London or UTC
desk-reactions-none = keep at least one reaction
desk-reactions-too-many = { $count } reactions are listed; a site offers at most { $max }, since each is a button under every article
desk-reactions-twice = "{ $kind }" is listed twice
desk-reactions-kind = "{ $value }" is not a reaction name; use up to 24 lowercase letters, digits, - or _
desk-reactions-label = the label of "{ $kind }" is { $count } characters long; it must be 1 to { $max } characters on one line
desk-reactions-emoji = the emoji of "{ $kind }" is { $count } bytes long; use a single emoji, at most { $max } bytes, or none

## The audit log (audit.html)
desk-audit-when = When
desk-audit-who = Who
desk-audit-did = Did
desk-audit-to = To
desk-audit-detail = Detail
desk-audit-nothing = Nothing yet.
# The log's records, as the rules wrote them in English: what was done...
desk-audit-scheduler = scheduler
desk-audit-did-add-user = add user
desk-audit-did-set-up-the-site = set up the site
desk-audit-did-change-settings = change settings
desk-audit-did-change-role = change role
desk-audit-did-deactivate-user = deactivate user
desk-audit-did-reactivate-user = reactivate user
desk-audit-did-publish = publish
desk-audit-did-schedule = schedule
desk-audit-did-unpublish = unpublish
desk-audit-did-unschedule = unschedule
desk-audit-did-create-draft = create draft
desk-audit-did-delete-article = delete article
desk-audit-did-edit-published = edit published
desk-audit-did-restore-revision = restore revision
desk-audit-did-submit-for-review = submit for review
desk-audit-did-send-back = send back
desk-audit-did-assign = assign
desk-audit-did-add-note = add note
desk-audit-did-share-preview = share preview
desk-audit-did-revoke-preview = revoke preview
desk-audit-did-label-article = label article
desk-audit-did-change-labels = change labels
desk-audit-did-arrange-front-page = arrange front page
desk-audit-did-set-breaking-news = set breaking news
desk-audit-did-clear-breaking-news = clear breaking news
desk-audit-did-moderate-comments = moderate comments
desk-audit-did-merge-tag = merge tag
desk-audit-did-delete-tag = delete tag
desk-audit-did-delete-section = delete section
desk-audit-did-delete-author = delete author
desk-audit-did-link-byline = link byline
desk-audit-did-delete-photo = delete photo
desk-audit-did-create-page = create page
desk-audit-did-edit-page = edit page
desk-audit-did-delete-page = delete page
desk-audit-did-change-menu = change menu
desk-audit-did-create-integration = create integration
desk-audit-did-revoke-integration = revoke integration
desk-audit-did-delete-live-entry = delete live entry
desk-audit-did-end-live-blog = end live blog
desk-audit-did-reopen-live-blog = reopen live blog
desk-audit-did-change-identity = change identity
desk-audit-did-set-logo = set logo
desk-audit-did-change-sections-without-ads = change sections without ads
desk-audit-did-change-ad-slot = change ad slot { $place }
# ...what it was done to...
desk-audit-article = article "{ $title }" (#{ $id })
desk-audit-article-named = article "{ $name }"
desk-audit-page = page "{ $name }"
desk-audit-page-at = page "{ $title }" ({ $path })
desk-audit-section = section "{ $name }"
desk-audit-tag = tag "{ $name }"
desk-audit-author = author "{ $name }"
desk-audit-user = user { $email }
desk-audit-integration = integration { $name }
desk-audit-photo = photo #{ $id } "{ $alt }"
desk-audit-comments = { $count } comment(s)
desk-audit-menu-header = the header menu
desk-audit-menu-footer = the footer menu
desk-audit-subject-site-settings = site settings
desk-audit-subject-the-front-page = the front page
desk-audit-subject-the-banner = the banner
desk-audit-subject-site-identity-and-ads = site identity and ads
desk-audit-subject-story-labels = story labels
# ...and the usual details.
desk-audit-detail-first-admin = first admin
desk-audit-detail-no-label = no label
desk-audit-detail-no-placed-stories = no placed stories
desk-audit-as = as { $role }
desk-audit-for = for { $when }
desk-audit-until = until { $when }
desk-audit-merged-into = merged into "{ $name }"
desk-audit-entries = { $count } entries
desk-audit-restored = version { $from } restored as version { $to }
desk-audit-to-nobody = to nobody
desk-audit-to-someone = to { $name }
desk-audit-bulk-approve = approve: { $list }
desk-audit-bulk-spam = mark as spam: { $list }
desk-audit-bulk-delete = delete: { $list }
desk-audit-key-ending = key ending { $hint }
desk-audit-link = link #{ $id }
desk-audit-link-until = link #{ $id } valid until { $when }
desk-audit-lead = lead: #{ $id }
desk-audit-top = top { $position }: #{ $id }
desk-audit-body-words = body: { $removed } word(s) removed, { $added } added
desk-audit-changed = { $what }: "{ $old }" → "{ $new }"
desk-audit-through-api = { $changes } (through the API)
desk-audit-field-headline = headline
desk-audit-field-site-title = site title
desk-audit-field-description = description
desk-audit-field-time-zone = time zone
desk-audit-field-articles-per-page = articles per page
desk-audit-field-comment-moderation = comment moderation
desk-audit-field-reactions = reactions

## Readers' messages (messages.html, message.html)
desk-messages-intro = What readers sent through the contact form. Their addresses are for answering only: they are never shown on the site.
desk-messages-new = new
desk-messages-held-as-spam = held as spam
desk-messages-pages = Pages of messages
desk-messages-newer = Newer
desk-messages-older = Older
desk-messages-none = No messages yet.
desk-messages-where = Where messages are emailed
# Around the setting's name smtp_url: "No SMTP relay is configured" (smtp_url) ", so ...".
desk-messages-no-relay = No SMTP relay is configured
desk-messages-only-here = , so messages are only kept here.
desk-messages-address = Email address
desk-messages-address-hint = Each message is also sent here, with the reader's address to reply to. Leave empty to keep messages only in the newsroom.
desk-messages-save = Save
desk-message-title = Message from { $name }
desk-message-all = All messages
# Before the sender's name and address.
desk-message-from = From
desk-message-held = Held as spam: { $reason }. It was not emailed.
desk-message-delete = Delete…
desk-message-delete-title = Delete the message from { $name }?
desk-message-delete-consequence = It is gone from the newsroom for good; an email already sent stays in its inbox.
desk-message-delete-button = Delete the message
