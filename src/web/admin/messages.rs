//! Readers' contact messages in the newsroom (admins): the list, one message (marked read
//! as it is opened), deletion, and the address messages are emailed to.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::super::session::SignedIn;
use super::{FormData, done, page, page_number, parse_id, render, require_admin};
use crate::newsroom::NewsroomError;
use crate::pages::contact;
use crate::store::{ContactMessage, Page};
use crate::web::{AppState, PageError};

const PER_PAGE: u32 = 30;

fn message_json(state: &AppState, message: &ContactMessage) -> Value {
    let settings = state.settings();
    json!({
        "id": message.id,
        "name": message.name,
        "email": message.email,
        "message": message.message,
        "excerpt": crate::markdown::plain_text(&message.message, 120),
        "spam_reason": message.spam_reason.as_deref().map(|r| crate::comments::reason_in_language(r, &settings.locale)),
        "received": settings.dateline(message.created_at),
        "unread": message.read_at.is_none(),
    })
}

async fn messages_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    recipient_error: Option<(String, String)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let number = page_number(query);
    let listed = contact::list(
        state.store.as_ref(),
        &me.user,
        Page {
            number,
            per_page: PER_PAGE,
        },
    )
    .await?;
    let recipient = contact::recipient(state.store.as_ref()).await?;
    let pages = (listed.total + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE);
    let (typed, error) = recipient_error.unzip();
    render(
        state,
        Some(me),
        &me.csrf,
        "messages",
        "admin/messages.html",
        super::notice(query),
        minijinja::context! {
            items => listed.items.iter().map(|m| message_json(state, m)).collect::<Vec<_>>(),
            total => listed.total,
            number,
            newer => (number > 1).then(|| format!("/admin/messages?page={}", number - 1)),
            older => (i64::from(number) < pages).then(|| format!("/admin/messages?page={}", number + 1)),
            values => HashMap::from([(
                "recipient".to_owned(),
                typed.unwrap_or_else(|| recipient.map(|r| r.as_str().to_owned()).unwrap_or_default()),
            )]),
            errors => error.map(|e| HashMap::from([("recipient".to_owned(), e)])).unwrap_or_default(),
            relay => state.mailer.is_configured(),
        },
        status,
    )
}

pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    messages_page(&state, &me, &query, None, StatusCode::OK).await
}

pub async fn show(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let message = contact::open(
        state.store.as_ref(),
        &me.user,
        parse_id(&id)?,
        Timestamp::now(),
    )
    .await?;
    // Opening a message changes nothing readers see.
    state.changed_nothing();
    page(
        &state,
        &me,
        "messages",
        "admin/message.html",
        &query,
        minijinja::context! { message => message_json(&state, &message) },
    )
}

pub async fn confirm_delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let message = state.store.contact_message(parse_id(&id)?).await?;
    page(
        &state,
        &me,
        "messages",
        "admin/confirm.html",
        &query,
        minijinja::context! {
            title => json!({ "id": "desk-message-delete-title", "args": { "name": message.name } }),
            consequences => [json!({ "id": "desk-message-delete-consequence" })],
            action => format!("/admin/messages/{}/delete", message.id),
            button => json!({ "id": "desk-message-delete-button" }),
            back => format!("/admin/messages/{}", message.id),
        },
    )
}

pub async fn delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    contact::delete(state.store.as_ref(), &me.user, parse_id(&id)?).await?;
    state.changed_nothing();
    Ok(done("/admin/messages", "deleted"))
}

/// Sets where messages are emailed.
pub async fn set_recipient(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let typed = form.text("recipient");
    match contact::set_recipient(state.store.as_ref(), &typed, &me.user).await {
        Ok(()) => {
            state.changed_nothing();
            Ok(done("/admin/messages", "settings"))
        }
        Err(NewsroomError::Invalid(errors)) => {
            let locale = state.settings().locale.clone();
            let message = errors
                .0
                .first()
                .map(|e| e.in_language(&locale))
                .unwrap_or_default();
            messages_page(
                &state,
                &me,
                &HashMap::new(),
                Some((typed, message)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(PageError(other.into())),
    }
}
