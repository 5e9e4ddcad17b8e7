# The newsroom: stories.
# The story formats' own pages: a live blog's composer, a numbered list, reader polls,
# the lead video and the photo gallery, with the refusals their rules give.

## Shared by the story formats' pages
sto-back-to = Back to “{ $title }”
sto-edit-story = Edit the story
sto-view-on-site = View on the site
sto-edit = Edit
sto-delete = Delete
sto-cancel = Cancel
sto-save-changes = Save changes
sto-up = Up
sto-down = Down
sto-optional = (optional)
sto-no-photo = No photo
# A library photo that has no alt text, named by its number.
sto-photo-n = Photo { $id }
# Around a link to the photo library: "From the newest photos of the <library>."
sto-newest-photos-of-the = From the newest photos of the
sto-library = library
sto-nothing-lost = Nothing you typed was lost.
sto-up-to-characters = Up to { $count ->
    [one] { $count } character.
   *[other] { $count } characters.
}

## The live blog's composer (/admin/articles/ID/live)
sto-live-page-title = Live: { $title }
sto-live-state-live = Live
sto-live-state-ended = Ended
sto-live-see-as-reader = See it as readers do
sto-live-not-public = The story is not published yet: readers see these updates once it is.
# $when: the date and time it ended.
sto-live-ended = This live blog ended { $when }. Reopen it below to post again to readers who follow it live.
sto-live-edit-entry = Edit entry { $id }
sto-live-new-update = New update
sto-live-not-saved = The update was not saved. Please correct the marked fields; nothing you wrote was lost.
sto-live-not-posted = The update was not posted. Please correct the marked fields; nothing you wrote was lost.
sto-live-update = Update
sto-live-markdown-hint = Markdown: **bold**, [a link](https://…), a video or post address on a line of its own.
sto-live-title = Title
sto-live-title-hint = (needed for a key event)
sto-live-key-event = Key event
sto-live-pin-to-top = Pin to the top
sto-live-photo = Photo from the library
# "<Upload to the library>, then come back to choose it."
sto-live-upload-link = Upload to the library
sto-live-upload-then = , then come back to choose it.
sto-live-post = Post update
# The heading over the entries posted so far, with how many there are.
sto-live-posted = Posted ({ $count })
sto-live-newest = The newest { $count }; the rest are on the story's page.
sto-live-pinned = Pinned
# A badge: the entry has a photo.
sto-live-has-photo = Photo
# Read by screen readers after Edit, Pin, Unpin and Delete.
sto-live-entry-n = entry { $id }
sto-live-pin = Pin
sto-live-unpin = Unpin
sto-live-delete-warning = Readers' pages lose it at once.
sto-live-delete-entry = Delete this entry
sto-live-none = No updates yet: the first one you post appears on the story's page at once.
sto-live-coverage = Coverage
sto-live-show-entries = Show entries
sto-live-newest-first = Newest first
sto-live-oldest-first = Oldest first
sto-live-save-order = Save order
sto-live-end-hint = When the event is over, end the blog: readers see "This live blog has ended".
sto-live-end = End the live blog
sto-live-reopen = Reopen the live blog
sto-live-unknown-action = "{ $value }" is not something the composer does
sto-live-unknown-order = "{ $value }" is not an order; use newest_first or oldest_first
sto-live-key-event-title = a key event needs a short title for the "Key events" list
sto-live-no-such-photo = there is no photo { $id } in the library; upload it first

## A story's numbered list (/admin/articles/ID/list)
sto-list-page-title = Numbered list: { $title }
sto-list-heading = Numbered list
sto-list-intro = The items readers see under the story's text, each with its number (up to { $count ->
    [one] { $count } item).
   *[other] { $count } items).
}
# Before the refusals, which follow it in the same paragraph.
sto-list-not-saved = The item was not saved:
sto-list-numbers = Numbers
sto-list-count-up = count up (1, 2, 3…)
sto-list-count-down = count down (…3, 2, 1)
sto-list-save-numbering = Save the numbering
sto-list-item-no = No. { $number }
sto-list-item-heading = Heading
sto-list-photo = Photo
sto-list-item-text = Text (Markdown)
sto-list-save-item = Save item { $number }
# Read by screen readers after Up, Down and Remove.
sto-list-item-n = item { $number }
sto-list-remove = Remove
sto-list-none = No items yet.
sto-list-add-heading = Add an item
sto-list-add = Add the item
sto-list-empty = A numbered list needs at least one item: give it a heading.
sto-list-too-many = A numbered list has at most { $limit } items; this one has { $count }.
sto-list-heading-required = The item needs a heading.
sto-list-heading-too-long = The heading is { $count } characters long; the limit is { $limit }.
sto-list-heading-nul = The heading contains a NUL character; type it again or paste it as plain text.
sto-list-text-too-long = The text is { $count } characters long; the limit is { $limit }.
sto-list-photo-gone = A photo of the list is not in the library (it may have been deleted); choose photos from the library.
sto-list-full = A numbered list has at most { $limit } items; it is full.

## A story's reader polls (/admin/articles/ID/polls)
sto-polls-page-title = Polls: { $title }
sto-polls-heading = Reader polls
sto-polls-intro = A poll shows under the story's text. Each reader has one vote, which they can change or withdraw until the poll closes; then everyone sees the final results.
sto-poll-answer = Answer
sto-poll-votes = Votes
sto-poll-share = Share
sto-poll-percent = { $percent }%
sto-poll-total = { $count ->
    [one] { $count } vote.
   *[other] { $count } votes.
}
sto-poll-closed-at = Closed { $when }: readers see the final results.
sto-poll-closed = Closed: readers see the final results.
sto-poll-closes = Closes { $when }.
sto-poll-open = Open until you close it.
sto-poll-results-before = Readers see the results before they vote.
sto-poll-results-after = Readers see the results once they have voted.
sto-poll-close-now = Close now
sto-poll-delete = Delete the poll and its votes
sto-polls-none = This story has no poll yet.
sto-poll-add-heading = Add a poll
sto-poll-not-added = The poll was not added: please correct the marked fields. Nothing you typed was lost.
sto-poll-question = Question
sto-poll-answers = Answers
sto-poll-answers-hint = One per line: { $min } to { $max } answers, each up to { $limit } characters.
sto-poll-closes-at = Closes at (optional)
sto-poll-closes-at-hint = In { $zone }. Leave empty to keep it open until you close it.
sto-poll-show-results-before = Show the results before a reader votes
sto-poll-add = Add the poll
sto-poll-too-few = A poll needs at least { $min } options for readers to choose between; it has { $count }. Add another answer.
sto-poll-too-many = A poll has at most { $max } options; this one has { $count }. Merge or drop some.
# $start: the answer's first words.
sto-poll-option-too-long = The answer "{ $start }…" is { $count } characters long; the limit is { $limit }.
sto-poll-option-nul = The answer "{ $start }…" contains a NUL character; type it again or paste it as plain text.
sto-poll-twice = The option "{ $value }" is there twice; each answer must differ.
sto-poll-closes-passed = The closing time has passed; give a time in the future, or none to keep the poll open until you close it.
sto-poll-closes-unreadable = "{ $value }" is not a date and time, like 2026-07-17 18:00

## A story's lead video (/admin/articles/ID/video)
sto-video-page-title = Video: { $title }
sto-video-heading = Lead video
sto-video-intro = A lead video takes the place of the lead photo at the top of the story.
sto-video-now = Now
# Before a link "play it"; $type is the file's type (video/mp4), $size its size.
sto-video-uploaded = An uploaded { $type } file ({ $size } MiB):
sto-video-play = play it
# Before the video's address, shown as a link.
sto-video-from-site = From a video site:
sto-video-click-first = Readers click before anything loads from that site.
# $alt: the poster photo's alt text.
sto-video-poster-is = Poster: { $alt }.
sto-video-no-poster-now = No poster.
sto-video-duration = { $count ->
    [one] Duration: { $count } second.
   *[other] Duration: { $count } seconds.
}
sto-video-remove = Take the video away
sto-video-upload-heading = Upload a video file
sto-video-file = MP4 or WebM file
sto-video-file-hint = Up to { $count } MiB. Judged by its contents, not its name.
sto-video-poster = Poster (shown before it plays)
sto-video-no-poster = No poster
# After "From the newest photos of the <library>."
sto-video-poster-shape = Its shape is the player's.
sto-video-duration-label = Duration in seconds (optional)
sto-video-upload = Upload and use it
sto-video-link-heading = Or use a video from YouTube, Vimeo or Facebook
sto-video-address = The video's address
sto-video-address-hint = Like https://www.youtube.com/watch?v=dQw4w9WgXcQ
sto-video-use = Use this video
sto-video-no-file = Choose an MP4 or WebM file to upload.
sto-video-not-video = This file is not an MP4 or WebM video (judged by its contents, not its name). Export it as MP4 (H.264) or WebM and upload it again.
sto-video-too-large = This video is { $size } MiB; a video may be up to { $limit } MiB. Make it shorter or smaller and upload it again.
sto-video-not-both = Give either an uploaded video or a video's address, not both.
sto-video-none = Upload an MP4 or WebM video, or give a YouTube, Vimeo or Facebook video's address.
sto-video-not-an-address = "{ $value }" is not a YouTube, Vimeo or Facebook video's address; copy it from the video's page, like https://www.youtube.com/watch?v=dQw4w9WgXcQ
sto-video-duration-range = The duration is in seconds, from { $min } to { $max }.
sto-video-gone = The video or the poster photo is not there (it may have been deleted); upload the video again, or choose a poster from the library.

## A story's photo gallery (/admin/articles/ID/gallery)
sto-gallery-page-title = Gallery: { $title }
sto-gallery-heading = Photo gallery
sto-gallery-intro = The photos readers page through, in this order (up to { $count }). A photo's caption and credit here are the gallery's own; left empty, the library's are shown.
sto-gallery-photo-of = Photo { $number } of { $total }
sto-gallery-caption = Caption
sto-gallery-credit = Credit
sto-gallery-save-words = Save the words
# Read by screen readers after "Save the words".
sto-gallery-of-photo = of photo { $number }
# Read by screen readers after Up, Down, "Take out of the gallery" and Add.
sto-gallery-photo-n = photo { $id }
sto-gallery-take-out = Take out of the gallery
sto-gallery-none = No photos yet: add them from the library below.
sto-gallery-add-heading = Add a photo from the library
sto-gallery-add = Add
# "The library is empty: <upload photos> first."
sto-gallery-library-empty = The library is empty:
sto-gallery-upload-link = upload photos
sto-gallery-upload-first = first.
sto-gallery-empty = A gallery needs at least one photo: add photos from the library.
sto-gallery-too-many = A gallery holds at most { $limit } photos; this one has { $count }. Make two galleries, or leave some out.
sto-gallery-photo-gone = One of the photos is not in the library (it may have been deleted); choose photos from the library.
sto-gallery-full = A gallery holds at most { $limit } photos; it is full.
sto-gallery-caption-too-long = The caption is { $count } characters long; the limit is { $limit }.
sto-gallery-caption-nul = The caption contains a NUL character; type it again or paste it as plain text.
sto-gallery-credit-too-long = The credit is { $count } characters long; the limit is { $limit }.
sto-gallery-credit-nul = The credit contains a NUL character; type it again or paste it as plain text.
