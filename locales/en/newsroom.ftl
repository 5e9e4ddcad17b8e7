# The newsroom's frame (its menu, shared words, confirmations, field refusals) and its
# emails, in the site's language. The pages' own words are in newsroom-stories.ftl,
# newsroom-desk.ftl and newsroom-site.ftl.

## What the newsroom's scripts show (admin.js)
js-upload-refused = The upload was refused ({ $status }).
js-upload-offline = The upload did not reach the server. Check the connection and try again.
js-no-alt = No alt text yet
js-no-photo-matches = No photo matches “{ $query }”.
js-uploading = Uploading { $name }…
js-uploaded = Uploaded: { $width }×{ $height } pixels, in { $sizes } sizes.
js-bold-words = bold words
js-italic-words = words in italics
js-link-prompt = Link to which address? (https://…)
js-link-text = link text
js-quotation-text = A quotation
js-list-item = An item
js-embed-prompt = Address of the YouTube, Vimeo, X, Facebook, Instagram or TikTok post:
js-formatting = Formatting
js-tool-bold-key = B
js-tool-bold = Bold
js-tool-italic-key = I
js-tool-italic = Italic
js-tool-heading-key = H
js-tool-heading = Subheading
js-tool-link = Link
js-tool-quote = Quotation
js-tool-list = List
js-tool-photo-key = Photo
js-tool-photo = Photo from the library
js-tool-embed-key = Embed
js-tool-embed = Embed a video or post
js-search-library = Search the library
js-search-photos = Search the photo library
js-describe-photo = Describe the photo
js-preview-failed = The preview could not be made just now.
js-not-autosaved = Not autosaved.
js-autosave-off = Autosave is off; your text is still here to copy.
js-autosave-paused = Autosave is paused: press Save to see both versions.
js-autosaved = Draft saved automatically at { $time }.
js-autosave-offline = Not autosaved: the server could not be reached. Your text is still here.

## The frame of every newsroom page
nr-newsroom = Newsroom
nr-skip = Skip to the content
nr-menu = Menu
nr-nav-dashboard = Dashboard
nr-nav-articles = Articles
nr-nav-media = Media
nr-nav-stats = Numbers
nr-nav-front = Front page
nr-nav-comments = Comments
nr-nav-sections = Sections
nr-nav-tags = Tags
nr-nav-authors = Authors
nr-nav-pages = Pages
nr-nav-people = People
nr-nav-settings = Settings
nr-nav-menus = Menus
nr-nav-messages = Messages
nr-nav-identity = Identity
nr-nav-ads = Ads
nr-nav-integrations = Integrations
nr-nav-audit = Audit log
nr-view-site = View site
nr-sign-out = Sign out

## Roles and a story's state
role-admin = admin
role-editor = editor
role-author = author
role-contributor = contributor
status-draft = draft
status-review = review
status-scheduled = scheduled
status-published = published

## A field the newsroom refused, shown under it
field-required = This is required.
field-too-long = This is { $count } characters long; the limit is { $limit }.
field-nul = This contains a NUL character; type it again or paste it as plain text.
field-slug = "{ $value }" may only hold lowercase letters, digits and single hyphens between them, like "city-council-votes".
field-email = "{ $value }" is not an email address.
field-url-long = This address is longer than 2,000 characters.
field-url-spaces = An address may not contain spaces, tabs or line breaks.
field-url-backslash = An address may not contain a backslash (\): browsers read it as /, which can lead readers to another site. Use / in paths.
field-url-other-site = An address starting with // names another site: write a path on this site with a single / (like /media/photo-640.jpg), or a whole https:// address.
field-url-no-host = There is no host after the scheme: write it like https://example.com/photo.jpg.
field-url-kind = Write an http(s) address, or a path on this site starting with /.
field-language = "{ $value }" is not a language code; use two or three letters, like "sw", "fr" or "ar".
field-role = "{ $value }" is not a role; choose admin, editor, author or contributor.

## The short confirmation after a change
notice-saved = Saved.
notice-created = Created.
notice-deleted = Deleted.
notice-restored = The revision was restored as a new version.
notice-merged = The tags were merged.
notice-moderated = The comment was updated.
notice-signed-out-elsewhere = You were signed out everywhere else.
notice-password = Your new password is set. Sign in with it.
notice-settings = The settings were saved and are in force.
notice-uploaded = Uploaded. Add alt text, a credit and a caption if it has none yet.
notice-revoked = The integration was revoked; its key no longer works.
notice-submitted = Submitted for review: it is in the editors' queue.
notice-sent-back = Sent back to its writer with your note.
notice-assigned = The story's assignment was saved.
notice-noted = Your note was added. Readers never see notes.
notice-corrected = The note is on the story for readers to see.
notice-amended = The note was amended; its earlier wording is kept in its history.
notice-shared = A preview link was made: it works for 48 hours, or until you withdraw it.
notice-withdrawn = The preview link was withdrawn; it no longer opens.
notice-posted = Posted: readers with the story open see it now.
notice-entry-saved = The entry was saved; open pages show the new text.
notice-entry-deleted = The entry was deleted; it has gone from open pages too.
notice-ended = The live blog has ended: readers see that it is closed.
notice-reopened = The live blog is live again.

# The newsroom's emails. Each email is a subject and paragraphs, joined with a blank line;
# links and quoted text are added by the program.

## A password reset
email-reset-subject = Reset your { $site } password
email-reset-greeting = Hello { $name },
email-reset-asked = Someone asked to reset your password for the { $site } newsroom.
    To choose a new one, open this link within an hour (it works once):
email-reset-ignore = If it was not you, ignore this email: your password stays as it is.

## A reader's message from a contact form
email-contact-subject = { $site }: a message from { $name }
email-contact-wrote = { $name } <{ $email }> wrote through the form on "{ $page }":
email-contact-answer = Answer by replying to this email. Every message is also kept in the newsroom, under Messages.

## The review desk
email-review-waiting-subject = Waiting for review: { $title }
email-review-waiting = { $name } submitted "{ $title }" for review.
email-review-waiting-action = Read it, publish it, or send it back with a note:
email-review-returned-subject = Sent back: { $title }
email-review-returned = { $name } sent "{ $title }" back to you:
