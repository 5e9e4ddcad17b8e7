//! `/api/v1/articles/{id}/entries` and `/api/v1/articles/{id}/live-blog`: a live blog's
//! entries and coverage for scripts and reporters' tools (see `crate::live_blog`). Each
//! change reaches readers with the story open through its live stream.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use jiff::Timestamp;
use serde_json::{Value, json};

use super::{ApiJson, ApiUser, MaybeUser, absolute, created, parse_id};
use crate::domain::FieldErrors;
use crate::live_blog::{CoverageRequest, EntryRequest, LiveBlog, MAX_LISTED, is_live_blog};
use crate::newsroom::NewsroomError;
use crate::store::{Article, Coverage, LiveEntry};
use crate::web::live_blog::EntryAction;
use crate::web::{ApiError, AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/articles/{id}/entries", get(list).post(create))
        .route(
            "/articles/{id}/entries/{entry}",
            get(show).patch(update).delete(remove),
        )
        .route(
            "/articles/{id}/live-blog",
            get(coverage).patch(set_coverage),
        )
}

/// An entry that is not the story's, in words.
fn entry_missing(error: NewsroomError, article_id: i64, entry_id: i64) -> ApiError {
    match error {
        NewsroomError::NotFound => ApiError(AppError::NotFound(format!(
            "Story {article_id} has no entry {entry_id}."
        ))),
        other => other.into(),
    }
}

fn story_missing(error: NewsroomError, article_id: i64) -> ApiError {
    match error {
        NewsroomError::NotFound => ApiError(AppError::NotFound(format!(
            "There is no story {article_id}."
        ))),
        other => other.into(),
    }
}

async fn entry_json(
    state: &AppState,
    article: &Article,
    entry: &LiveEntry,
) -> Result<Value, ApiError> {
    let settings = state.settings();
    let zone = &settings.timezone;
    let url = absolute(&settings, &crate::editions::story_path(article));
    Ok(json!({
        "id": entry.id,
        "article_id": entry.article_id,
        "body": entry.body,
        "title": entry.title,
        "key_event": entry.key_event,
        "pinned": entry.pinned,
        "media_id": entry.media_id,
        "author": entry.author_name,
        "published_at": zone.format_rfc3339(entry.created_at),
        "updated_at": zone.format_rfc3339(entry.updated_at),
        "url": format!("{url}#entry-{}", entry.id),
        "html": state.entry_html(entry, true).await?,
    }))
}

fn coverage_json(state: &AppState, coverage: &Coverage) -> Value {
    let settings = state.settings();
    json!({
        "article_id": coverage.article_id,
        "order": coverage.order,
        "live": coverage.ended_at.is_none(),
        "ended_at": coverage.ended_at.map(|at| settings.timezone.format_rfc3339(at)),
    })
}

/// A live blog readers may see, or one this member may post to.
async fn readable_blog(
    state: &AppState,
    id: &str,
    user: Option<&crate::store::User>,
) -> Result<Article, ApiError> {
    let id = parse_id(id, "article")?;
    let article = state
        .store
        .article_by_id(id)
        .await
        .map_err(|e| story_missing(e.into(), id))?;
    let allowed = article.is_public(Timestamp::now())
        || match user {
            Some(user) => LiveBlog::new(state.store.as_ref())
                .may_post(user, &article)
                .await
                .is_ok(),
            None => false,
        };
    if !allowed {
        return Err(story_missing(NewsroomError::NotFound, id));
    }
    if !is_live_blog(&article) {
        return Err(ApiError(AppError::NotFound(format!(
            "Story {id} is not a live blog, so it has no entries."
        ))));
    }
    Ok(article)
}

/// `?after=` an entry id or an RFC 3339 time, and `?limit=` (1-100, 20 by default).
fn list_query(
    query: &HashMap<String, String>,
) -> Result<(Option<i64>, Option<Timestamp>, u32), ApiError> {
    let mut errors = FieldErrors::new();
    let (mut after_id, mut after_time) = (None, None);
    if let Some(after) = query
        .get("after")
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
    {
        if let Some(id) = crate::domain::parse_id(after) {
            after_id = Some(id);
        } else {
            after_time = errors.check(
                "after",
                after.parse::<Timestamp>().map_err(|_| {
                    format!(
                        "\"{after}\" is neither an entry id nor an RFC 3339 time like \
                         2026-11-30T14:05:00+03:00"
                    )
                }),
            );
        }
    }
    let limit = match query.get("limit") {
        None => 20,
        Some(text) => match text.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_LISTED).contains(&n) => n,
            _ => {
                errors.add(
                    "limit",
                    format!("\"{text}\" is not a limit: use a whole number from 1 to {MAX_LISTED}"),
                );
                20
            }
        },
    };
    errors.into_result().map_err(AppError::Invalid)?;
    Ok((after_id, after_time, limit))
}

async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let article = readable_blog(&state, &id, user.as_ref()).await?;
    let (after_id, after_time, limit) = list_query(&query)?;
    let entries = state
        .store
        .entries_after(article.id, after_id, after_time, limit)
        .await?;
    let (total, _) = state.store.entry_totals(article.id).await?;
    let coverage = state.store.coverage(article.id).await?;
    let mut items = Vec::with_capacity(entries.len());
    for entry in &entries {
        items.push(entry_json(&state, &article, entry).await?);
    }
    Ok(Json(json!({
        "items": items,
        "total": total,
        "coverage": coverage_json(&state, &coverage),
    })))
}

async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, entry)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let article = readable_blog(&state, &id, user.as_ref()).await?;
    let entry_id = parse_id(&entry, "entry")?;
    let entry = state
        .store
        .entry(article.id, entry_id)
        .await
        .map_err(|e| entry_missing(e.into(), article.id, entry_id))?;
    Ok(Json(entry_json(&state, &article, &entry).await?))
}

async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<EntryRequest>,
) -> Result<Response, ApiError> {
    let id = parse_id(&id, "article")?;
    let entry = LiveBlog::new(state.store.as_ref())
        .post(id, &request, &user, Timestamp::now())
        .await
        .map_err(|e| story_missing(e, id))?;
    state.announce_entry(id, entry.id, EntryAction::New).await;
    let article = state.store.article_by_id(id).await?;
    Ok(created(entry_json(&state, &article, &entry).await?))
}

async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, entry)): Path<(String, String)>,
    ApiJson(request): ApiJson<EntryRequest>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "article")?;
    let entry_id = parse_id(&entry, "entry")?;
    let entry = LiveBlog::new(state.store.as_ref())
        .edit(id, entry_id, &request, &user, Timestamp::now())
        .await
        .map_err(|e| entry_missing(e, id, entry_id))?;
    state
        .announce_entry(id, entry.id, EntryAction::Edited)
        .await;
    let article = state.store.article_by_id(id).await?;
    Ok(Json(entry_json(&state, &article, &entry).await?))
}

async fn remove(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, entry)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id = parse_id(&id, "article")?;
    let entry_id = parse_id(&entry, "entry")?;
    LiveBlog::new(state.store.as_ref())
        .delete(id, entry_id, &user, Timestamp::now())
        .await
        .map_err(|e| entry_missing(e, id, entry_id))?;
    state
        .announce_entry(id, entry_id, EntryAction::Deleted)
        .await;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn coverage(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let article = readable_blog(&state, &id, user.as_ref()).await?;
    let coverage = state.store.coverage(article.id).await?;
    Ok(Json(coverage_json(&state, &coverage)))
}

async fn set_coverage(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<CoverageRequest>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "article")?;
    let coverage = LiveBlog::new(state.store.as_ref())
        .set_coverage(id, &request, &user, Timestamp::now())
        .await
        .map_err(|e| story_missing(e, id))?;
    if request.ended.is_some() {
        state.announce_coverage(id).await;
    }
    Ok(Json(coverage_json(&state, &coverage)))
}
