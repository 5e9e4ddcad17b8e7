# The newsroom's emails, in the site's language. Each email is a subject and paragraphs,
# joined with a blank line; links and quoted text are added by the program.

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
