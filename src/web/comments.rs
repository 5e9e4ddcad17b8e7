//! Comments over HTTP: the public thread and posting (API and plain form), and the
//! moderators' queue in the API.

use std::collections::HashMap;
use std::net::IpAddr;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use super::api::{ApiJson, ApiUser, query_page};
use super::limits::check_same_origin;
use super::public::{CommentFormState, article_page};
use super::reactions::{ClientIp, public_article};
use super::views::CommentView;
use super::{ApiError, AppError, AppState, PageError};
use crate::comments::{self, CommentSubmission, FormProblem, Refusal, Thread};
use crate::domain::FieldErrors;
use crate::i18n::{Arg, Locale};
use crate::store::{Comment, CommentStatus, StoreError, User};

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/articles/{id}/comments",
            get(article_comments).post(post_comment),
        )
        .route("/comments", get(moderation_queue))
        .route(
            "/comments/{id}",
            get(get_comment).patch(moderate).delete(delete_comment),
        )
}

pub fn page_routes() -> Router<AppState> {
    Router::new().route("/article/{slug}/comments", post(post_comment_form))
}

impl AppState {
    fn check_comment_rate(&self, ip: IpAddr) -> Result<(), AppError> {
        self.check_reader_post_rate(ip, "comments")
    }

    /// Readers' posts (comments, contact messages) share one allowance per client, so
    /// spreading them over forms buys no more; `what` names what this one was.
    pub(super) fn check_reader_post_rate(&self, ip: IpAddr, what: &str) -> Result<(), AppError> {
        self.comment_limiter.check(ip).map_err(|wait| {
            let seconds = wait.as_secs().max(1);
            AppError::TooManyRequests {
                retry_after: seconds,
                message: format!(
                    "You have sent several {what} in a short time. Please wait {seconds} second(s) before sending again."
                ),
            }
        })
    }

    /// A moderator changes a comment's status and/or text; the public count and the live
    /// streams follow when the comment enters or leaves the approved ones.
    pub async fn moderate_comment(
        &self,
        id: i64,
        status: Option<CommentStatus>,
        body: Option<&str>,
    ) -> Result<Comment, AppError> {
        let before = self.store.comment_by_id(id).await?;
        let comment = self
            .store
            .update_comment(id, status, body, Timestamp::now())
            .await?;
        let approved_changed = before.status != comment.status
            && (before.status == CommentStatus::Approved
                || comment.status == CommentStatus::Approved);
        if approved_changed {
            self.announce_comment_count(comment.article_id).await?;
        } else if body.is_some() && comment.status == CommentStatus::Approved {
            self.changed(crate::changes::Touched::Story {
                id: comment.article_id,
            });
        } else {
            // Nothing readers see changed (a comment still waiting, or still hidden).
            self.changed_nothing();
        }
        Ok(comment)
    }

    /// Tells readers with the article open how many comments it has now.
    pub async fn announce_comment_count(&self, article_id: i64) -> Result<(), StoreError> {
        // Counts show on the article and on every list it appears in: the pages showing
        // the story go (the notice below does the same on the other instances).
        self.declare_changes();
        self.apply_change(&crate::changes::Touched::Story { id: article_id });
        let counts = self.store.approved_comment_counts(&[article_id]).await?;
        let count = counts.get(&article_id).copied().unwrap_or(0);
        self.live
            .publish(article_id, json!({ "comments": count }).to_string());
        self.peers
            .tell(super::peers::Change::Comments { article_id, count });
        Ok(())
    }
}

/// A refusal to a reader's page form for sending too often, in the page's language (the
/// API's stays English).
pub(super) fn slow_down_in(locale: &Locale, error: AppError) -> AppError {
    match error {
        AppError::TooManyRequests { retry_after, .. } => AppError::TooManyRequests {
            retry_after,
            message: locale.format(
                "reader-wait",
                &[(
                    "count",
                    Arg::Number(i64::try_from(retry_after).unwrap_or(i64::MAX)),
                )],
            ),
        },
        other => other,
    }
}

/// A comment in the public tree: never the email, never a hidden comment's text.
fn public_comment_json(state: &AppState, view: &CommentView, thread: &Thread) -> Value {
    let replies: Vec<Value> = view
        .replies
        .iter()
        .zip(&thread.replies)
        .map(|(v, t)| public_comment_json(state, v, t))
        .collect();
    if view.removed {
        return json!({
            "id": view.id,
            "parent_id": thread.comment.parent_id,
            "removed": true,
            "replies": replies,
        });
    }
    json!({
        "id": view.id,
        "parent_id": thread.comment.parent_id,
        "author_name": view.author_name,
        "body": thread.comment.body,
        "body_html": view.body_html,
        "created_at": view.time.iso,
        "url": format!(
            "{}#comment-{}",
            state.settings().base_url,
            view.id
        ),
        "replies": replies,
    })
}

/// A comment as moderators see it, with the email and the reason it was held.
fn moderator_json(state: &AppState, comment: &Comment) -> Value {
    json!({
        "id": comment.id,
        "article_id": comment.article_id,
        "parent_id": comment.parent_id,
        "depth": comment.depth,
        "author_name": comment.author_name,
        "author_email": comment.author_email,
        "body": comment.body,
        "status": comment.status,
        "reason": comment.reason,
        "created_at": state.settings().timezone.format_rfc3339(comment.created_at),
        "updated_at": state.settings().timezone.format_rfc3339(comment.updated_at),
    })
}

async fn article_comments(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let article = public_article(&state, &id).await?;
    let comments = state.store.article_comments(article.id).await?;
    let count = comments
        .iter()
        .filter(|c| c.status == CommentStatus::Approved)
        .count();
    let threads = comments::threads(comments, None);
    let items: Vec<Value> = threads
        .iter()
        .map(|t| public_comment_json(&state, &CommentView::new(&state.settings(), t), t))
        .collect();
    Ok(Json(json!({ "count": count, "items": items })))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommentRequest {
    author_name: Option<String>,
    author_email: Option<String>,
    body: Option<String>,
    parent_id: Option<i64>,
    /// The signed token from the article page's comment form, if the client has it.
    form_token: Option<String>,
    /// The form's honeypot; people leave it empty.
    website: Option<String>,
}

/// What the poster is told: spam is reported as waiting, so a bot learns nothing.
fn poster_status(comment: &Comment) -> (&'static str, &'static str) {
    match comment.status {
        CommentStatus::Approved => ("approved", "Your comment is published."),
        _ => ("pending", "Your comment is awaiting moderation."),
    }
}

fn refusal_to_api(refusal: Refusal) -> ApiError {
    match refusal {
        Refusal::Invalid(problems) => ApiError(AppError::Invalid(FormProblem::english(&problems))),
        Refusal::Closed(closed) => {
            ApiError(AppError::Forbidden(closed.in_language(&Locale::english())))
        }
        Refusal::Newsroom(error) => ApiError(error.into()),
    }
}

async fn post_comment(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    ApiJson(request): ApiJson<CommentRequest>,
) -> Result<Response, ApiError> {
    check_same_origin(&headers, &state.settings().base_url)
        .map_err(|message| ApiError(AppError::Forbidden(message)))?;
    let article = public_article(&state, &id).await?;
    state.check_comment_rate(ip)?;
    let now = Timestamp::now();
    let submission = CommentSubmission {
        author_name: request.author_name.unwrap_or_default(),
        author_email: request.author_email,
        body: request.body.unwrap_or_default(),
        parent_id: request.parent_id,
        honeypot: request.website,
        form_age: request
            .form_token
            .map(|token| state.reader_keys.form_age(&token, article.id, now)),
    };
    let (reader, cookie) = state.reader_keys.reader_or_new(&headers);
    let comment = comments::submit(
        state.store.as_ref(),
        &state.settings().comments,
        &article,
        &submission,
        Some(&reader),
        now,
    )
    .await
    .map_err(refusal_to_api)?;
    if comment.status == CommentStatus::Approved {
        state.announce_comment_count(article.id).await?;
    }
    let (status, message) = poster_status(&comment);
    let thread = Thread {
        comment: comment.clone(),
        placeholder: false,
        replies: Vec::new(),
    };
    let view = CommentView::new(&state.settings(), &thread);
    let mut response = (
        StatusCode::CREATED,
        Json(json!({
            "id": comment.id,
            "status": status,
            "message": message,
            "comment": {
                "id": comment.id,
                "parent_id": comment.parent_id,
                "author_name": view.author_name,
                "body_html": view.body_html,
                "created_at": view.time.iso,
                "created_display": view.time.display,
            },
        })),
    )
        .into_response();
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

/// Reads a form body as people's browsers send it; bytes that are not UTF-8 become
/// replacement characters instead of failing the whole post.
pub(super) fn form_fields(body: &[u8]) -> HashMap<String, String> {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

async fn post_comment_form(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, PageError> {
    check_same_origin(&headers, &state.settings().base_url)
        .map_err(|message| PageError(AppError::Forbidden(message)))?;
    let body = body.map_err(|rejection| {
        AppError::unreadable_body(
            rejection.status(),
            &rejection.body_text(),
            super::MAX_BODY_BYTES,
            "Shorten the comment and send it again.",
        )
    })?;
    let now = Timestamp::now();
    let article = match state.store.public_article_by_slug(&slug, now).await {
        Err(StoreError::NotFound) => return Err(PageError(AppError::not_found("This story"))),
        other => other?,
    };
    // The reader is answered in the story's edition's language.
    let locale = state.edition(article.language()).await?.locale;
    state
        .check_comment_rate(ip)
        .map_err(|e| PageError(slow_down_in(&locale, e)))?;
    let fields = form_fields(&body);
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    let parent_text = field("parent_id");
    let submission = CommentSubmission {
        author_name: field("author_name"),
        author_email: Some(field("author_email")),
        body: field("body"),
        parent_id: parent_text.trim().parse().ok(),
        honeypot: fields.get("website").cloned(),
        form_age: fields
            .get("form_token")
            .map(|token| state.reader_keys.form_age(token, article.id, now)),
    };
    let (reader, cookie) = state.reader_keys.reader_or_new(&headers);
    match comments::submit(
        state.store.as_ref(),
        &state.settings().comments,
        &article,
        &submission,
        Some(&reader),
        now,
    )
    .await
    {
        Ok(comment) => {
            if comment.status == CommentStatus::Approved {
                state.announce_comment_count(article.id).await?;
            }
            let location = format!(
                "{}#comment-{}",
                crate::editions::story_path(&article),
                comment.id
            );
            let mut response =
                (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
            if let Some(cookie) = cookie {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Err(Refusal::Invalid(problems)) => {
            // The form comes back with everything the reader typed and each problem by its
            // field, in the page's language.
            let mut form = CommentFormState::default();
            for name in ["author_name", "author_email", "body", "parent_id"] {
                form.values.insert(name.into(), field(name));
            }
            for problem in problems {
                form.errors
                    .entry(problem.field.to_owned())
                    .or_insert_with(|| problem.in_language(&locale));
            }
            article_page(
                &state,
                &article,
                &headers,
                form,
                1,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        // Closed since the reader opened the page: the page again, saying why.
        Err(Refusal::Closed(_)) => {
            article_page(
                &state,
                &article,
                &headers,
                CommentFormState::default(),
                1,
                StatusCode::FORBIDDEN,
            )
            .await
        }
        Err(Refusal::Newsroom(error)) => Err(PageError(error.into())),
    }
}

/// A moderator's edit of a comment's text, cleaned like a reader's.
pub fn moderated_text(text: &str) -> Result<String, String> {
    let cleaned = comments::clean_text(text, false).trim().to_owned();
    if cleaned.is_empty() {
        Err("a comment's text cannot be empty; delete it instead".into())
    } else {
        Ok(cleaned)
    }
}

fn require_moderator(user: &User) -> Result<(), ApiError> {
    if user.role.is_editor() {
        Ok(())
    } else {
        Err(ApiError(AppError::Forbidden(format!(
            "Comments are moderated by editors and admins; you are {}.",
            user.role.with_article()
        ))))
    }
}

async fn moderation_queue(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    require_moderator(&user)?;
    let page = query_page(&query)?;
    let mut errors = FieldErrors::new();
    let status = query
        .get("status")
        .filter(|s| !s.is_empty())
        .and_then(|s| errors.check("status", CommentStatus::parse(s)));
    errors
        .into_result()
        .map_err(|e| ApiError(AppError::Invalid(e)))?;
    let paged = state.store.list_comments(status, page).await?;
    Ok(Json(json!({
        "items": paged.items.iter().map(|c| moderator_json(&state, c)).collect::<Vec<_>>(),
        "page": page.number,
        "per_page": page.per_page,
        "total": paged.total,
    })))
}

fn parse_comment_id(id: &str) -> Result<i64, ApiError> {
    crate::domain::parse_id(id)
        .ok_or_else(|| ApiError(AppError::not_found("A comment with this id")))
}

async fn get_comment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    require_moderator(&user)?;
    let comment = state.store.comment_by_id(parse_comment_id(&id)?).await?;
    Ok(Json(moderator_json(&state, &comment)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModerationRequest {
    status: Option<String>,
    body: Option<String>,
}

async fn moderate(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ModerationRequest>,
) -> Result<Json<Value>, ApiError> {
    require_moderator(&user)?;
    let id = parse_comment_id(&id)?;
    let mut errors = FieldErrors::new();
    let status = request
        .status
        .as_deref()
        .and_then(|s| errors.check("status", CommentStatus::parse(s)));
    let body = request
        .body
        .as_deref()
        .and_then(|text| errors.check("body", moderated_text(text)));
    if status.is_none() && request.body.is_none() && errors.is_empty() {
        errors.add("status", "send a new status, a new body, or both");
    }
    errors
        .into_result()
        .map_err(|e| ApiError(AppError::Invalid(e)))?;
    let comment = state.moderate_comment(id, status, body.as_deref()).await?;
    Ok(Json(moderator_json(&state, &comment)))
}

async fn delete_comment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    require_moderator(&user)?;
    let id = parse_comment_id(&id)?;
    state
        .moderate_comment(id, Some(CommentStatus::Deleted), None)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
