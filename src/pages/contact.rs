//! Readers' messages through a page's contact form: what a valid one is, the comment
//! form's bot defences (`comments::bot_reason`, the blocklist), where messages are emailed,
//! and what admins do with them. The sender's address is for admins only.

use jiff::Timestamp;

use crate::comments::{self, ForgedToken, FormProblem, clean_text};
use crate::config::CommentSettings;
use crate::domain::{Email, FieldErrors, Role};
use crate::newsroom::{NewsroomError, NewsroomResult};
use crate::store::{ContactMessage, NewContactMessage, Page, Paged, SitePage, Store, User};

pub const MAX_NAME: usize = comments::MAX_NAME;
pub const MAX_MESSAGE: usize = 5_000;
/// The site value naming where contact messages are emailed.
pub const RECIPIENT_KEY: &str = "contact_recipient";

/// A message as a reader's browser sends it.
#[derive(Debug, Clone, Default)]
pub struct ContactSubmission {
    pub name: String,
    pub email: String,
    pub message: String,
    /// The hidden field people never see and bots fill in.
    pub honeypot: Option<String>,
    /// Seconds since the page with the form was served, from its signed token.
    pub form_age: Option<Result<i64, ForgedToken>>,
}

/// A message's name, address and text, or every problem with them (`reader.ftl`).
pub fn check(submission: &ContactSubmission) -> Result<(String, Email, String), Vec<FormProblem>> {
    let mut problems = Vec::new();
    let name = comments::check_name(
        &submission.name,
        "name",
        ("contact-name-missing", "contact-name-too-long"),
        MAX_NAME,
        &mut problems,
    );
    let email = match submission.email.trim() {
        "" => {
            problems.push(FormProblem::new("email", "contact-email-missing"));
            None
        }
        text => comments::check_email(text, "email", "contact-email-invalid", &mut problems),
    };
    let message = comments::check_text(
        &clean_text(&submission.message, false),
        "message",
        ("contact-message-missing", "contact-message-too-long"),
        MAX_MESSAGE,
        &mut problems,
    );
    match (name, email, message) {
        (Some(name), Some(email), Some(message)) if problems.is_empty() => {
            Ok((name, email, message))
        }
        _ => Err(problems),
    }
}

/// Checks a reader's message and keeps it. A message a defence takes for a bot's is kept
/// with the reason (admins may look) and never emailed; the sender is told the same as
/// anyone, so a bot learns nothing.
pub async fn submit(
    store: &dyn Store,
    settings: &CommentSettings,
    page: &SitePage,
    submission: &ContactSubmission,
    now: Timestamp,
) -> NewsroomResult<ContactMessage> {
    if !page.contact_form {
        return Err(NewsroomError::NotFound);
    }
    let (name, email, message) = check(submission)
        .map_err(|problems| NewsroomError::Invalid(FormProblem::english(&problems)))?;
    // No token at all is a post that did not come from the page: there is no API for it.
    let spam_reason = comments::bot_reason(
        submission.honeypot.as_deref(),
        submission.form_age,
        settings.min_seconds,
    )
    .or_else(|| {
        submission
            .form_age
            .is_none()
            .then(|| "posted without the contact form's timestamp".to_owned())
    })
    .or_else(|| {
        comments::blocked_entry(
            &settings.blocklist,
            &format!("{name} {message} {}", email.as_str()),
        )
        .map(|entry| format!("contains \"{entry}\", which is on the blocklist"))
    });
    Ok(store
        .create_contact_message(
            &NewContactMessage {
                page_id: Some(page.id),
                name,
                email,
                message,
                spam_reason,
            },
            now,
        )
        .await?)
}

/// Where messages are emailed, if an admin set an address.
pub async fn recipient(store: &dyn Store) -> NewsroomResult<Option<Email>> {
    Ok(store
        .site_value(RECIPIENT_KEY)
        .await?
        .and_then(|text| Email::parse(&text).ok()))
}

/// Sets (or with empty text, clears) where messages are emailed; admins only.
pub async fn set_recipient(store: &dyn Store, text: &str, user: &User) -> NewsroomResult<()> {
    may_read(user)?;
    let value = match text.trim() {
        "" => String::new(),
        text => Email::parse(text)
            .map_err(|e| NewsroomError::Invalid(FieldErrors::single("recipient", e)))?
            .as_str()
            .to_owned(),
    };
    Ok(store.set_site_value(RECIPIENT_KEY, &value).await?)
}

/// The email a message becomes: subject and plain text, with the page it came from.
pub fn email_text(
    site_title: &str,
    page: &SitePage,
    message: &ContactMessage,
    locale: &crate::i18n::Locale,
) -> (String, String) {
    (
        locale.format(
            "email-contact-subject",
            &[
                ("site", site_title.into()),
                ("name", message.name.as_str().into()),
            ],
        ),
        format!(
            "{}\n\n{}\n\n{}\n",
            locale.format(
                "email-contact-wrote",
                &[
                    ("name", message.name.as_str().into()),
                    ("email", message.email.as_str().into()),
                    ("page", page.title.as_str().into()),
                ],
            ),
            message.message,
            locale.t("email-contact-answer"),
        ),
    )
}

/// Messages hold readers' addresses: only admins see them.
pub fn may_read(user: &User) -> NewsroomResult<()> {
    if user.role == Role::Admin {
        Ok(())
    } else {
        Err(NewsroomError::Forbidden(format!(
            "Readers' messages are read by admins; you are {}.",
            user.role.with_article()
        )))
    }
}

pub async fn list(
    store: &dyn Store,
    user: &User,
    page: Page,
) -> NewsroomResult<Paged<ContactMessage>> {
    may_read(user)?;
    Ok(store.contact_messages(page).await?)
}

/// One message, marked read as an admin opens it.
pub async fn open(
    store: &dyn Store,
    user: &User,
    id: i64,
    now: Timestamp,
) -> NewsroomResult<ContactMessage> {
    may_read(user)?;
    let message = store.contact_message(id).await?;
    if message.read_at.is_none() {
        store.mark_contact_message_read(id, now).await?;
    }
    Ok(message)
}

pub async fn delete(store: &dyn Store, user: &User, id: i64) -> NewsroomResult<()> {
    may_read(user)?;
    Ok(store.delete_contact_message(id).await?)
}
