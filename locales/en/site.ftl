# Newsdesk's public site in English: the words every reader sees.
# A site changes any of these by putting a file with the same ids in
# DATA/theme/locales/en/ (any name ending .ftl). Syntax: https://projectfluent.org

## The masthead, menus and footer

skip-to-news = Skip to the news
menu = Menu
home = Home
search = Search
search-the-news = Search the news
sections = Sections
# The language's own name, in the language switcher.
language-name = English
languages = Languages
also-in-language = Also in
breaking = Breaking
breaking-news = Breaking news
about-the-site = About the site
corrections = Corrections
follow-site = Follow { $site }
advertisement = Advertisement

## Dates and times. $weekday, $month and $mon (short) come from the lists below.
## date-day and date-full get $weekday and $month, the others $mon; every one gets $day
## and $time, all but date-short-day $year, and date-full $zone.

date-day = { $weekday }, { $month } { $day }, { $year }
date-dateline = { $mon } { $day }, { $year } - { $time }
date-full = { $weekday }, { $month } { $day }, { $year }, { $time } { $zone }
date-short-day = { $mon } { $day }
weekday = { $n ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
month = { $n ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
month-short = { $n ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
time-just-now = just now
time-minutes-ago = { $count ->
    [one] 1 minute ago
   *[other] { $count } minutes ago
}
time-hours-ago = { $count ->
    [one] 1 hour ago
   *[other] { $count } hours ago
}

## Lists of stories

lead-story = Lead story
top-stories = Top stories
latest = Latest
latest-and-popular = Latest and most popular
latest-stories = Latest stories
older-stories = Older stories
newer-stories = Newer stories
more-stories = More stories
page-number = page { $number }
page-of = Page { $number } of { $total }
no-stories-yet = No stories yet
no-stories-help = When the newsroom publishes its first article, it will appear here.
list-empty = Nothing has been published here yet.
list-kind-section = Section
list-kind-topic = Topic
list-kind-author = Author
portrait-of = Portrait of { $name }
most-read = Most read
most-reacted = Most reacted
last-24-hours = Last 24 hours
last-7-days = Last 7 days
no-reads-today = No reads counted yet today.
no-reads-week = No reads counted yet this week.
no-reactions-today = No reactions yet today.
no-reactions-week = No reactions yet this week.
comment-count = { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
comments-word = { $count ->
    [one] comment
   *[other] comments
}

## A story

by = By
and = and
list-comma = ,
by-author = By { $author }
updated = Updated
sponsored-disclosure = Sponsored content: paid for by an advertiser, not written by our newsroom.
original-story = Original story
download-video = Download the video
photos = Photos
photo = photo
all-photos = All photos
photo-of = Photo { $number } of { $total }
n-of-total = { $number } of { $total }
previous = Previous
next = Next
updates = Updates
topics = Topics
related-stories = Related stories
more-from = More from { $section }
share-this-story = Share this story
share-on = Share on
copy-link = Copy link
share = Share…
percent = { $n }%

## Live blogs

live = Live
live-updates = Live updates
live-ended = This live blog has ended.
live-closed = Closed
live-last-updated = Last updated
live-reload = Reload for the latest
live-key-events = Key events
live-key-event = Key event
live-pinned = Pinned
live-pinned-update = Pinned update
live-none = No updates yet.
live-first-here = The first will appear here.
live-more-updates = More updates
live-edited = Edited

## Reactions and comments

reactions-heading = What's Your Reaction?
comments = Comments
comment = Comment
no-comments = No comments yet.
comment-removed = This comment is no longer available.
comment-awaiting = Your comment is awaiting moderation.
reply = Reply
reply-to = Reply to { $name }
leave-comment = Leave a comment
cancel-reply = Cancel reply
comment-not-posted = Your comment was not posted. Please correct the marked fields; nothing you wrote was lost.
form-name = Name
form-email = Email
comment-email-hint = (optional, never shown)
form-leave-empty = Leave this field empty
post-comment = Post comment

## Polls

poll-kicker = Reader poll
poll-your-vote = (your vote)
poll-vote = Vote
poll-change-vote = Change my vote
poll-withdraw = Withdraw my vote
poll-closed = Voting closed.
poll-closed-at = Voting closed { $when }.
poll-final = { $count ->
    [one] 1 vote in all: these are the final results.
   *[other] { $count } votes in all: these are the final results.
}
poll-so-far = { $count ->
    [one] 1 vote so far.
   *[other] { $count } votes so far.
}
poll-closes = Voting closes { $when }.
poll-see-results = See the results
poll-vote-and-results = Your vote and the results
poll-description = A reader poll on “{ $title }”.
poll-back = Back to the story: { $title }
poll-thanks = Thank you: your vote is counted. You can change it or withdraw it until the poll closes.
poll-results-after-vote = The results are shown once you have voted.

## Search

search-title-query = “{ $query }”
search-results-for = Results for “{ $query }”
search-found = { $count ->
    [one] 1 story found.
   *[other] { $count } stories found.
}
search-none = No stories match. Try fewer or different words.
search-help = Type a few words in the search box above: a name, a place, a topic.

## Corrections

on-the-record = On the record
corrections-description = Every correction and clarification { $site } has published, newest first.
corrections-intro = When we get something wrong, we say so here and on the story. Every correction and clarification, newest first.
corrections-none = No corrections or clarifications have been published.

## Site pages and the contact form

contact-heading = Write to us
contact-sent = Thank you: your message was sent to the newsroom.
contact-not-sent = Your message was not sent. Please correct the marked fields; nothing you wrote was lost.
contact-email-hint = (for our answer; never published)
contact-message = Message
contact-send = Send message

## Error pages

error-status = Error { $status }
error-front-page = Go to the front page for the latest news
error-not-found = We couldn't find that page
error-not-found-help = The story may have moved or been taken down, or the link may be mistyped.
error-internal = Something went wrong
error-internal-help = We couldn't show this page just now. Please try again in a moment.
error-gone = This link no longer works
error-gone-help = The link has expired or was withdrawn. Ask whoever sent it for a new one.
error-bad-request = The request could not be read
error-bad-request-help = What was sent could not be read. Go back, check the form and send it again.
error-invalid = Some fields need attention
error-invalid-help = Go back, correct what was refused and send it again.
error-unauthorized = Sign-in required
error-unauthorized-help = Sign in to see this page.
error-forbidden = Not allowed
error-forbidden-help = Your account may not do this. Ask an editor or an admin.
error-conflict = Conflict
error-conflict-help = Someone else changed this at the same time. Go back, reload it and make your change again.
error-unsupported = Unsupported content type
error-unsupported-help = What was sent is not of a kind this address accepts.
error-too-large = Too large
error-too-large-help = What was sent is longer than this address accepts. Shorten it and send it again.
error-method = Method not allowed
error-method-help = This address does not answer that kind of request.
error-too-many = Slow down
error-too-many-help = Too many requests came from your connection in a short time. Wait a minute and try again.
error-unavailable = Not ready
error-unavailable-help = The site cannot answer just now. Please try again in a moment.
note-correction = Correction
note-clarification = Clarification
note-update = Update
note-editors-note = Editor's note

## The labels every site has, before a headline (a site's own labels show as written)
label-live = Live
label-exclusive = Exclusive
label-opinion = Opinion
label-analysis = Analysis
label-explainer = Explainer
label-sponsored = Sponsored
