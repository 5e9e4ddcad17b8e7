# What a reader is told after acting on a page: reactions, poll votes, comments, the
# contact form, live updates and sharing, whether the page's script or the server says it.
# A site changes any of these by putting a file with the same ids in
# DATA/theme/locales/en/ (any name ending .ftl). Syntax: https://projectfluent.org

## Reactions. A site's own label in `reactions` is shown as it is; these are the
## shipped kinds' labels.

reaction-like = Like
reaction-dislike = Dislike
reaction-love = Love
reaction-funny = Funny
reaction-angry = Angry
reaction-sad = Sad
reaction-wow = Wow
reaction-choose = Choose one of the reaction buttons under the article.
reaction-not-saved = Your reaction could not be saved. Please try again.
reaction-offline = Your reaction could not be saved. Check your connection and try again.

## Polls

poll-choose = Choose one of the answers, then press Vote.
poll-vote-counted = Thank you: your vote is counted.
poll-vote-withdrawn = Your vote was withdrawn.
poll-has-closed = This poll has closed, so your vote was not counted. Here are its final results.
poll-no-such-answer = That answer is not one of this poll's. Choose one of the answers below.
poll-not-saved = Your vote could not be saved. Please try again.
poll-offline = Your vote could not be saved. Check your connection and try again.

## Comments. The field messages follow the field's label, so they start in lower case.

comment-posting = Posting…
comment-published = Your comment is published.
comment-not-sent = Your comment could not be posted. Please try again.
comment-offline = Your comment could not be posted. Check your connection and try again.
comment-name-missing = your name is required
comment-name-too-long = your name is { $length } characters long; the limit is { $max }
comment-name-shorten = your name is too long; please shorten it
comment-email-invalid = “{ $email }” is not an email address
comment-body-missing = write your comment before posting it
comment-body-too-long = your comment is { $length } characters long; the limit is { $max }. Please shorten it.
comment-body-shorten = your comment is too long; please shorten it
comment-parent-gone = the comment you are replying to is not available
comments-closed = Comments are closed on this article.
comments-closed-after = { $count ->
    [one] Comments closed 1 day after this article was published.
   *[other] Comments closed { $count } days after this article was published.
}

## The contact form

contact-name-missing = your name is required
contact-name-too-long = your name is { $length } characters long; the limit is { $max }
contact-email-missing = your email address is required, so that we can answer
contact-email-invalid = “{ $email }” is not an email address
contact-message-missing = write your message before sending it
contact-message-too-long = your message is { $length } characters long; the limit is { $max }. Please shorten it.

## Too many posts from one connection in a short time

reader-wait = { $count ->
    [one] You have sent a lot in a short time. Please wait 1 second and try again.
   *[other] You have sent a lot in a short time. Please wait { $count } seconds and try again.
}

## Live blogs

live-new-updates = { $count ->
    [one] 1 new update
   *[other] { $count } new updates
}

## Embedded posts and sharing

embed-title = Embedded content
share-copied = Link copied.
share-not-copied = Could not copy: press and hold the link instead.
