//! `/api/v1/articles/{id}/corrections`: the public notes on a story (see `crate::trust`).
//! Editors add and amend them; nobody deletes them; readers may list a public story's.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use jiff::Timestamp;
use serde_json::{Value, json};

use super::{ApiJson, ApiUser, MaybeUser, parse_id, time_json};
use crate::config::Settings;
use crate::store::{Article, Correction, CorrectionWording};
use crate::trust::{CorrectionRequest, Trust};
use crate::web::{ApiError, AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/articles/{id}/corrections", get(list_notes).post(add_note))
        .route(
            "/articles/{id}/corrections/{note}",
            get(note_history).patch(amend_note).delete(refuse_deletion),
        )
}

/// A note as the API shows it.
pub(crate) fn note_json(settings: &Settings, note: &Correction) -> Value {
    json!({
        "id": note.id,
        "kind": note.kind.as_str(),
        "label": note.kind.label(),
        "text": note.body,
        "at": time_json(settings, Some(note.noted_at)),
        "version": note.version,
        "created_at": time_json(settings, Some(note.created_at)),
        "updated_at": time_json(settings, Some(note.updated_at)),
    })
}

fn wording_json(settings: &Settings, wording: &CorrectionWording) -> Value {
    json!({
        "version": wording.version,
        "kind": wording.kind.as_str(),
        "text": wording.body,
        "at": time_json(settings, Some(wording.noted_at)),
        "saved_by": wording.saved_by_name,
        "saved_at": time_json(settings, Some(wording.saved_at)),
    })
}

/// Fills in `corrections` on each article's JSON, asking the store only about stories that
/// have notes.
pub(crate) async fn add_notes(
    state: &AppState,
    items: &mut [(&Article, &mut Value)],
) -> Result<(), ApiError> {
    let ids: Vec<i64> = items
        .iter()
        .filter(|(a, _)| a.noted_at.is_some())
        .map(|(a, _)| a.id)
        .collect();
    let mut notes = if ids.is_empty() {
        Default::default()
    } else {
        state.store.corrections_of(&ids).await?
    };
    let settings = state.settings();
    for (article, value) in items.iter_mut() {
        value["corrections"] = notes
            .remove(&article.id)
            .unwrap_or_default()
            .iter()
            .map(|n| note_json(&settings, n))
            .collect();
    }
    Ok(())
}

async fn list_notes(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let article = state.store.article_by_id(parse_id(&id, "article")?).await?;
    if user.is_none() && !article.is_public(Timestamp::now()) {
        return Err(ApiError(AppError::not_found("This article")));
    }
    let notes = Trust::new(state.store.as_ref()).notes(&article).await?;
    let settings = state.settings();
    Ok(Json(json!({
        "items": notes.iter().map(|n| note_json(&settings, n)).collect::<Vec<_>>(),
    })))
}

async fn add_note(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<CorrectionRequest>,
) -> Result<Response, ApiError> {
    let id = parse_id(&id, "article")?;
    let note = Trust::new(state.store.as_ref())
        .add_note(id, &request, &user, Timestamp::now())
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(note_json(&state.settings(), &note)),
    )
        .into_response())
}

async fn amend_note(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, note)): Path<(String, String)>,
    ApiJson(request): ApiJson<CorrectionRequest>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "article")?;
    let note = parse_id(&note, "note")?;
    let note = Trust::new(state.store.as_ref())
        .amend_note(id, note, &request, &user, Timestamp::now())
        .await?;
    Ok(Json(note_json(&state.settings(), &note)))
}

/// A note with every wording it has had, newest first: for editors.
async fn note_history(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, note)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "article")?;
    let note = parse_id(&note, "note")?;
    let (note, wordings) = Trust::new(state.store.as_ref())
        .history(id, note, &user)
        .await?;
    let settings = state.settings();
    let mut value = note_json(&settings, &note);
    value["history"] = wordings
        .iter()
        .map(|w| wording_json(&settings, w))
        .collect();
    Ok(Json(value))
}

/// A note readers have seen stays on the record: `409` with the reason.
async fn refuse_deletion(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, note)): Path<(String, String)>,
) -> ApiError {
    let (id, note) = match (parse_id(&id, "article"), parse_id(&note, "note")) {
        (Ok(id), Ok(note)) => (id, note),
        (Err(refusal), _) | (_, Err(refusal)) => return refusal,
    };
    Trust::new(state.store.as_ref())
        .refuse_deletion(id, note, &user)
        .await
        .into()
}
