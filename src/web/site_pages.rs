//! The site's own pages for readers (`/about`, `/contact`...) and the contact form's plain
//! post. An address that is no page may be a page's old slug (301) or an imported site's
//! address (301), and is otherwise not found.

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use jiff::Timestamp;
use serde::Serialize;

use super::limits::check_same_origin;
use super::reactions::ClientIp;
use super::{AppError, AppState, PageError};
use crate::changes::Shows;
use crate::domain::Slug;
use crate::editions::Edition;
use crate::newsroom::NewsroomError;
use crate::pages::contact::{self, ContactSubmission};
use crate::store::{SitePage, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new().route("/{slug}", get(show).post(send_message))
}

/// A page's address.
pub fn page_path(slug: &Slug) -> String {
    format!("/{slug}")
}

/// The contact form's contents when a post comes back refused.
#[derive(Debug, Default, Serialize)]
struct ContactFormState {
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
}

/// The page at `slug`, or the answer for an address that is none.
async fn find(
    state: &AppState,
    edition: &Edition,
    slug: &str,
) -> Result<Result<SitePage, Response>, PageError> {
    if Slug::parse(slug).is_ok() {
        match state.store.page_by_slug(slug).await {
            Ok(page) => return Ok(Ok(page)),
            Err(StoreError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
        if let Some(current) = state.store.page_slug_redirect(slug).await? {
            return Ok(Err((
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, page_path(&current))],
            )
                .into_response()));
        }
    }
    match super::public::old_address(state, edition, &format!("/{slug}")).await? {
        Some(moved) => Ok(Err(moved)),
        None => Err(PageError(AppError::not_found("This page"))),
    }
}

async fn show(
    State(state): State<AppState>,
    edition: Edition,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let page = match find(&state, &edition, &slug).await? {
        Ok(page) => page,
        Err(answer) => return Ok(answer),
    };
    let sent = query.contains_key("sent");
    render(
        &state,
        &page,
        ContactFormState::default(),
        sent,
        StatusCode::OK,
    )
    .await
}

async fn render(
    state: &AppState,
    page: &SitePage,
    form: ContactFormState,
    sent: bool,
    status: StatusCode,
) -> Result<Response, PageError> {
    let edition = state.edition(page.language).await?;
    let settings = state.settings_for(&edition);
    let body_html = state.article_body(&page.body).await?;
    let canonical = edition.path(&page_path(&page.slug));
    let contact_form = page.contact_form.then(|| {
        minijinja::context! {
            action => canonical.clone(),
            token => state.reader_keys.contact_form_token(page.id, Timestamp::now()),
            values => form.values,
            errors => form.errors,
            sent,
            max_name => contact::MAX_NAME,
            max_message => contact::MAX_MESSAGE,
        }
    });
    let description = page
        .seo_description
        .clone()
        .unwrap_or_else(|| crate::markdown::plain_text(&page.body, 200));
    let html = state
        .page(
            &edition,
            "page.html",
            minijinja::context! {
                site_page => minijinja::context! {
                    title => page.title.clone(),
                    seo_title => page.seo_title.clone(),
                    description,
                    body_html,
                    updated => settings.timezone.format_dateline(page.updated_at),
                },
                canonical,
                contact_form,
            },
        )
        .await?;
    let mut shows = Shows::default();
    shows.pages.insert(page.id);
    let mut response = (status, html).into_response();
    response.extensions_mut().insert(shows);
    Ok(response)
}

/// A reader's message from a page's contact form (a plain form post that redirects back).
async fn send_message(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, PageError> {
    let body = body.map_err(|rejection| {
        AppError::unreadable_body(
            rejection.status(),
            &rejection.body_text(),
            super::MAX_BODY_BYTES,
            "Shorten the message and send it again.",
        )
    })?;
    let page = match state.store.page_by_slug(&slug).await {
        Ok(page) if page.contact_form => page,
        Ok(_) | Err(StoreError::NotFound) => {
            return Err(PageError(AppError::not_found("This contact form")));
        }
        Err(other) => return Err(other.into()),
    };
    check_same_origin(&headers, &state.settings().base_url)
        .map_err(|message| PageError(AppError::Forbidden(message)))?;
    let locale = state.edition(page.language).await?.locale;
    state
        .check_reader_post_rate(ip, "messages")
        .map_err(|e| PageError(super::comments::slow_down_in(&locale, e)))?;
    let now = Timestamp::now();
    let fields = super::comments::form_fields(&body);
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    let submission = ContactSubmission {
        name: field("name"),
        email: field("email"),
        message: field("message"),
        honeypot: fields.get("website").cloned(),
        form_age: fields
            .get("form_token")
            .map(|token| state.reader_keys.contact_form_age(token, page.id, now)),
    };
    let settings = state.settings();
    match contact::submit(
        state.store.as_ref(),
        &settings.comments,
        &page,
        &submission,
        now,
    )
    .await
    {
        Ok(message) => {
            if message.spam_reason.is_none() {
                state.forward_contact_message(&page, &message).await?;
            }
            let location = format!(
                "{}?sent=1#contact",
                crate::editions::path_in(page.language, &page_path(&page.slug))
            );
            Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response())
        }
        Err(NewsroomError::Invalid(_)) => {
            // Each problem by its field, in the page's language.
            let mut form = ContactFormState::default();
            for name in ["name", "email", "message"] {
                form.values.insert(name.into(), field(name));
            }
            for problem in contact::check(&submission).err().unwrap_or_default() {
                form.errors
                    .entry(problem.field.to_owned())
                    .or_insert_with(|| problem.in_language(&locale));
            }
            render(&state, &page, form, false, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(PageError(other.into())),
    }
}

impl AppState {
    /// Emails a reader's message to the address an admin set, when a relay is configured;
    /// the message is kept in the newsroom either way. Sent in the background: the reader
    /// does not wait for the relay.
    async fn forward_contact_message(
        &self,
        page: &SitePage,
        message: &crate::store::ContactMessage,
    ) -> Result<(), AppError> {
        if !self.mailer.is_configured() {
            return Ok(());
        }
        let Some(to) = contact::recipient(self.store.as_ref()).await? else {
            return Ok(());
        };
        let settings = self.settings();
        let (subject, text) =
            contact::email_text(&settings.site_title, page, message, &settings.locale);
        let mailer = self.mailer.clone();
        let reply_to = message.email.clone();
        tokio::spawn(async move {
            mailer
                .send_with_reply_to(to.as_str(), Some(&reply_to), &subject, &text)
                .await;
        });
        Ok(())
    }
}
