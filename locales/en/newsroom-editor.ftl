# The newsroom: editor.
# The story editor, the articles list, revisions and their comparison, and the refusals
# these pages show.

## The articles list
ed-articles = Articles
ed-write-article = Write an article
ed-find = Find
ed-find-placeholder = Words in the article
ed-status = Status
ed-any = Any
ed-all = All
ed-section = Section
ed-edition = Edition
ed-source = Source
ed-show = Show
ed-bulk-label = With the ticked stories
ed-bulk-unpublish = Unpublish (back to draft)
ed-bulk-move = Move to section…
ed-bulk-section = Section (for Move)
ed-apply = Apply
ed-choose = Choose
ed-choose-story = Choose “{ $title }”
ed-col-title = Title
ed-col-authors = Authors
ed-col-updated = Updated
ed-col-reads = Reads
ed-col-reactions = Reactions
ed-col-comments = Comments
ed-view = view
ed-no-match = No articles match.
ed-write-one = Write one
ed-pages = Pages
ed-newer = ← Newer
ed-older = Older →
ed-page-of = Page { $number } of { $pages }

## A story's state, as a choice
ed-status-draft = Draft
ed-status-scheduled = Scheduled
ed-status-published = Published

## Where a story's copy came from
ed-source-staff = Staff
ed-source-agency = Agency
ed-source-press_release = Press release
ed-source-syndication = Syndication
ed-source-reader = Reader

## A story's format
ed-format-standard = Standard story
ed-format-live = Live blog
ed-format-gallery = Photo gallery
ed-format-video = Video
ed-format-list = Numbered list

## The editor: its head and notices
ed-title-edit = Edit: { $title }
ed-new-article = New article
ed-edit-article = Edit article
ed-view-on-site = View on the site
ed-preview-as-readers = Preview as readers see it
ed-link-revisions = Revisions
ed-link-gallery = Gallery
ed-link-list = Numbered list
ed-link-video = Video
ed-link-polls = Polls
ed-delete = Delete
ed-review-waiting = Waiting for review
ed-review-since = since { $since }.
ed-review-since-by = since { $since }, sent by { $name }.
ed-review-act = Publish or schedule it, or
ed-review-send-back = send it back with a note
ed-embargoed = Embargoed
ed-embargoed-until = until { $until }: nobody may publish it, or schedule it for before then.
ed-scheduled-label = Scheduled:
ed-scheduled-not-yet = { $when }. It is not published yet.
ed-text-kept = Your text is still in the form below.
ed-read-only = Read-only for you.
ed-not-saved-fields = Not saved: please correct the fields marked below. Nothing you typed was lost.

## When a scheduled story goes live ($time is the clock, $wait how long until then)
ed-goes-live-today = goes live at { $time } ({ $wait })
ed-goes-live-day = goes live at { $time } on { $mon } { $day }, { $year } ({ $wait })
ed-wait-now = now
ed-wait-minutes = { $count ->
    [one] in { $count } minute
   *[other] in { $count } minutes
}
ed-wait-hours = { $count ->
    [one] in { $count } hour
   *[other] in { $count } hours
}
ed-wait-days = { $count ->
    [one] in { $count } day
   *[other] in { $count } days
}

## How long a story has waited for review, on the dashboard
ed-ago-now = just now
ed-ago-minutes = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
}
ed-ago-hours = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
}
ed-ago-days = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}

## The editor: someone else saved first
ed-conflict-title = Someone else saved this article while you were editing
ed-conflict-version = It is now at version { $version }.
ed-conflict-kept = Your changes were not saved over theirs, and nothing is lost
ed-conflict-merge = your text is still in the form below, and theirs is shown here. Merge what you need into the form, then save again; saving now will replace their version with what is in the form.
ed-field = Field
ed-conflict-theirs = Theirs (saved)
ed-conflict-yours = Yours (in the form)
ed-conflict-body = Body: their text → your text
ed-conflict-their-text = Their whole text

## A field that changed between two versions
ed-change-title = Title
ed-change-standfirst = Standfirst
ed-change-slug = Slug
ed-change-status = Status
ed-change-section = Section
ed-change-authors = Authors
ed-change-tags = Tags
ed-change-lead_image = Lead image
ed-change-image_credit = Image credit
ed-change-image_caption = Image caption
ed-change-seo_title = SEO title
ed-change-seo_description = SEO description

## The editor: the story's text
ed-headline = Headline
ed-standfirst = Standfirst
ed-standfirst-hint = One or two sentences under the headline.
ed-dateline = Dateline
ed-dateline-hint = Where the story was reported, shown before the first paragraph: NAIROBI —. Leave empty for none.
ed-body = Body
ed-tab-write = Write
ed-preview = Preview
ed-md-hint = Markdown: a blank line between paragraphs,
ed-md-subheading = ## Subheading
ed-md-quote = > quotation
ed-md-link = [link](https://…)
ed-md-image = ![description](image URL)

## The editor: publishing
ed-publishing = Publishing
ed-author-hint = You save drafts and submit them for review; an editor publishes them.
ed-publish-at = Publish at ({ $zone })
ed-publish-at-hint = For Scheduled: when it goes live. Leave empty to publish now.
ed-goes-live-at = Goes live: { $when }
ed-published-at = Published: { $when }
ed-publication-time = Publication time: { $when }
ed-last-saved = Last saved: { $when }
ed-embargo-until = Embargo until ({ $zone })
ed-embargo-until-hint = Nobody may publish it, or schedule it for, before this time. Leave empty for none.
ed-comments-open = Readers may comment
ed-format = Format
ed-live-open = Open the live composer
ed-live-rest = to post updates, pin one and end the coverage.
ed-gallery-choose = Choose the gallery's photos
ed-gallery-save-first = Save a draft, then choose its photos
ed-gallery-rule = a gallery is published with at least one.
ed-video-choose = Upload or link the video
ed-video-save-first = Save a draft, then upload or link its video
ed-video-rule = a video story is published with its video.
ed-list-choose = Write the list's items
ed-list-save-first = Save a draft, then write its items
ed-list-rule = a list is published with at least one.
ed-minor-edit = Minor edit (typo, formatting): readers see no new “Updated” time

## The editor: where the copy came from
ed-copy-source = Where the copy came from
ed-agency = Agency or publication
ed-agency-hint = For agency copy, the byline may be the agency alone (no author ticked): “By PNN”.
ed-source-url = Original URL
ed-source-rights = Rights or usage note
ed-source-rights-hint = For the newsroom: what the agreement allows.

## The editor: section, authors, tags
ed-filed-under = Filed under
ed-choose-section = Choose a section
ed-author-search = Type a name to find an author
ed-tags = Tags
ed-tags-hint = Separate with commas; new tags are created.

## The editor: the lead photo
ed-lead-photo = Lead photo
ed-upload-photo = Upload a photo
ed-from-library = Or choose from the library
ed-library-search = Search alt text, credits, captions
ed-no-alt-yet = No alt text yet
ed-library-empty = No photos in the library yet.
ed-image-url = Image URL
ed-image-url-hint = A photo from the Media library (its address), an https:// address or a path on this site.
ed-image-alt = Alt text
ed-image-alt-hint = What the photo shows, for readers who cannot see it. Required with a photo.
ed-alt-warning = This photo has no alt text: describe it before saving.
ed-image-credit = Credit
ed-image-credit-hint = Shown as “Photo: <credit>.”
ed-image-caption = Caption

## The editor: address and search engines, and its buttons
ed-address-seo = Address and search engines
ed-slug = Slug
ed-slug-hint = Made from the headline if empty. If you change it, the old address redirects here.
ed-seo-title = SEO title
ed-seo-title-hint = Instead of the headline in search results.
ed-seo-description = SEO description
ed-save = Save
ed-submit-review = Submit for review
ed-back-to-articles = Back to articles

## The editor: corrections and updates readers see
ed-corrections-title = Corrections and updates
ed-corrections-public = (readers see these on the story)
ed-corrections-hint = A note stays on the record: it can be amended, never deleted, and every wording is kept. Corrections and clarifications also go on the public
ed-corrections-page = corrections page
ed-typed-kept = What you typed is still in the form.
ed-version = Version { $version }
ed-version-lower = version { $version }
ed-amend-note = Amend this note
ed-note-text = Text
ed-amend = Amend
ed-note-history = { $count ->
    [one] History ({ $count } wording)
   *[other] History ({ $count } wordings)
}
ed-saved = saved { $when }
ed-saved-by = saved { $when } by { $name }
ed-add-note-readers = Add a note for readers
ed-note-kind = Kind
ed-note-kind-correction = Correction
ed-note-kind-clarification = Clarification
ed-note-kind-update = Update
ed-note-kind-editors_note = Editor's note
ed-note-text-hint = Say what was wrong and what is right, in a sentence readers understand.
ed-note-dated = Dated (RFC 3339, optional)
ed-note-dated-hint = Leave empty for now.
ed-publish-note = Publish the note

## The editor: the desk, internal notes and preview links
ed-desk = Desk
ed-desk-internal = (internal: readers never see this)
ed-send-back-label = Send back to the writer with a note
ed-send-back = Send back
ed-assigned-to = Assigned to
ed-nobody = Nobody
ed-assign = Assign
ed-share-preview = Share a preview
ed-share-preview-hint = A link for someone outside the newsroom: it shows the story as readers will see it, works for 48 hours, and search engines never index it.
ed-preview-link = Preview link { $id }
ed-until = until { $when }
ed-withdraw = Withdraw
ed-make-preview = Make a preview link
ed-notes = Notes
ed-no-notes = No notes yet.
ed-add-note-label = Add a note for the newsroom
ed-add-note = Add note

## The story previewed in the public theme: the banner above it
ed-preview-scheduled = Preview: scheduled, { $when }.
ed-preview-published = Preview of the published story.
ed-preview-draft = Preview: this story is a draft; readers cannot see it.

## Deleting a story
ed-delete-title = Delete “{ $title }”?
ed-delete-public = It is published: readers following a link to it will get a “not found” page, and it leaves feeds, search and sitemaps.
ed-delete-unseen = It is not published, so readers never saw it.
ed-delete-everything = Its revisions, reactions and comments are deleted with it. This cannot be undone.
ed-delete-instead = To take it off the site but keep it, set its status to Draft instead.
ed-delete-button = Delete the article

## Revisions
ed-revisions-title = Revisions: { $title }
ed-revisions-of = Revisions of “{ $title }”
ed-back-to-editor = Back to the editor
ed-revisions-hint = Every save is kept, with who made it and when. A save refused because someone else had saved first is kept too, marked “conflict”, so no words are lost. Pick two to compare.
ed-rev-from = From
ed-rev-to = To
ed-rev-version = Version
ed-rev-saved = Saved
ed-rev-by = By
ed-rev-compare-from = Compare from version { $version }
ed-rev-compare-to = Compare to version { $version }
ed-rev-conflict = conflict
ed-rev-current = current
ed-someone-removed = (someone since removed)
ed-restore = Restore
ed-compare-chosen = Compare the two chosen

## Comparing two revisions
ed-compare-title = Compare revisions
ed-compare-heading = Version { $from } → version { $to }
ed-all-revisions = All revisions
ed-compare-summary = “{ $title }”: { $from_at } by { $from_by } → { $to_at } by { $to_by }.
ed-before = Before
ed-after = After
ed-only-body-changed = No field other than the body changed.
ed-restore-version = Restore version { $version }

## Refusals the editor shows under a field or above the form
ed-not-a-time = "{ $value }" is not a date and time, like 2026-07-17 11:32
ed-version-not-number = the form's version is not a number; reload the page
ed-embargo-refusal = This story is under embargo until { $until }: nobody may publish it or schedule it for before then. Schedule it for { $until } or later, or save it as a draft.
ed-not-yours = This article is someone else's: as { $role ->
    [contributor] a contributor
    [editor] an editor
    [admin] an admin
   *[author] an author
} you may change only the articles you created. Ask an editor to change it.
ed-contributor-read-only = This article is { $status }, so it is read-only for a contributor: you may change only your drafts. Ask an editor to make the change, or to set it back to Draft so you can edit it.
ed-no-such-section = there is no section with slug "{ $value }"; create it first with POST /api/v1/sections
ed-authors-required = at least one author slug is required for the byline
ed-authors-required-agency = at least one author slug is required for the byline (agency copy may carry the agency's name instead)
ed-images-without-alt = { $count } image(s) in the body have no description; write what each shows between the brackets, like ![Boats in the harbour](/media/...), or save as a draft
ed-incomplete = the article is incomplete
ed-slug-taken = "{ $value }" is already used; choose another slug
ed-slug-crowded = too many items already use "{ $value }"; choose a slug
ed-too-many-tags = an article may have at most { $count } tags
ed-not-rfc3339 = "{ $value }" is not an RFC 3339 time with an offset, like 2024-07-17T11:32:00+03:00
ed-time-before-1900 = "{ $value }" is before 1900: use a time between the years 1900 and 9999, like 2024-07-17T11:32:00+03:00
ed-schedule-needs-time = a scheduled article needs published_at, the time to publish it
ed-dateline-one-line = a dateline is one line naming a place, like NAIROBI
ed-dateline-too-long = a dateline is at most { $limit } characters, like NAIROBI
ed-agency-required = name the agency the copy came from (like PNN), or choose another source

## Refusals of a note for readers
ed-note-needs-kind = say what the note is: correction, clarification, update or editors_note
ed-note-stays-kind = a { $kind ->
    [clarification] clarification
   *[correction] correction
} stays one on the record; amend its text instead
ed-note-not-empty = write what the note says; a note cannot be emptied or deleted
ed-note-too-long = a note is at most { $limit } characters
ed-note-in-future = a note is dated now or earlier, not in the future
ed-note-before-story = a note is dated after the story was published; leave it empty for now
ed-note-incomplete = the note is incomplete

## Refusals at the desk
ed-no-such-member = there is no such member of the newsroom
ed-member-deactivated = { $name } is deactivated; choose someone who can sign in
ed-desk-note-required = write the note: what should change, or what the desk should know
ed-desk-note-too-long = a note may be up to { $limit } characters

## Refusals above the editor's form or the note form
ed-drafts-only = A contributor saves drafts; an author, editor or admin publishes or schedules them. Save it as a draft and ask an editor to set it to { $status ->
    [scheduled] Scheduled
   *[published] Published
}.
ed-review-first = This newsroom asks authors to submit their stories for review: an editor publishes or schedules them. Submit it for review instead.
ed-editors-note = Only an editor or admin adds or amends corrections and notes readers see; you are { $role ->
    [contributor] a contributor
    [editor] an editor
    [admin] an admin
   *[author] an author
}. Ask an editor.
ed-note-published-first = Notes go on published stories, for readers: publish this story first. Leave the newsroom a desk note instead if it is not out yet.

## Refusals of a bulk action on the articles list, and of the desk's forms
ed-bulk-none = Tick at least one item, then choose what to do with them.
ed-bulk-too-many = Choose at most { $count } items at a time.
ed-bulk-unknown-for-comments = "{ $action }" is not a bulk action for comments; use approve, spam or delete.
ed-bulk-unknown-for-stories = "{ $action }" is not a bulk action for stories; use unpublish, move or delete.
ed-bulk-choose-section = Choose the section to move the stories to.
ed-bulk-nothing-changed = Nothing was changed. “{ $title }”: { $refusal }
ed-compare-choose-two = Choose two revisions to compare.
ed-assign-choose = Choose someone from the list.

## Refusals any newsroom form may show
ed-version-required = send the version you loaded, so a save never overwrites someone else's change unseen
ed-taken = this { $field } is already taken

## The editor's autosave, when a save is refused
ed-autosave-refused = Not saved: { $problems }.
ed-autosave-conflict = Not saved: this article was changed by someone else since you loaded it.

## A story format published without its content
ed-format-gallery-empty = A photo gallery needs its photos before it is published or scheduled: save it as a draft, add photos from the library to its gallery, then publish it.
ed-format-video-empty = A video story needs its video before it is published or scheduled: save it as a draft, upload an MP4 or WebM file or give a YouTube, Vimeo or Facebook address, then publish it.
ed-format-list-empty = A numbered list needs its items before it is published or scheduled: save it as a draft, add at least one item to its list, then publish it.

## A subsection's edition
ed-section-follows-parent = This is a subsection of "{ $name }", and a subsection is in its parent's edition: change the parent's language, or make this a section of its own first.
