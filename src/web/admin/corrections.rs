//! The editor's panel of public notes: add a correction, clarification, update or editor's
//! note to a published story, amend one (its earlier wordings kept), read its history.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::super::session::SignedIn;
use super::{FormData, done, error_map, parse_id};
use crate::newsroom::NewsroomError;
use crate::trust::{CorrectionRequest, Trust};
use crate::web::{AppState, PageError};

/// The story's notes as the editor lists them, each with its history, newest wording first.
pub(super) async fn note_rows(state: &AppState, article_id: i64) -> Result<Vec<Value>, PageError> {
    let settings = state.settings();
    let notes = state
        .store
        .corrections_of(&[article_id])
        .await?
        .remove(&article_id)
        .unwrap_or_default();
    let mut rows = Vec::with_capacity(notes.len());
    for note in notes {
        let history: Vec<Value> = state
            .store
            .correction_history(note.id)
            .await?
            .iter()
            .map(|w| {
                json!({
                    "version": w.version,
                    "kind": w.kind.as_str(),
                    "label": w.kind.label(),
                    "text": w.body,
                    "at": settings.dateline(w.noted_at),
                    "by": w.saved_by_name,
                    "saved": settings.dateline(w.saved_at),
                })
            })
            .collect();
        rows.push(json!({
            "id": note.id,
            "kind": note.kind.as_str(),
            "label": note.kind.label(),
            "text": note.body,
            "at": settings.dateline(note.noted_at),
            "version": note.version,
            "history": history,
        }));
    }
    Ok(rows)
}

/// Reads the note form into the request the API takes.
fn note_request(form: &FormData) -> CorrectionRequest {
    let at = form.text("at");
    CorrectionRequest {
        kind: form.get("kind").map(str::to_owned),
        text: Some(form.text("text")),
        at: (!at.trim().is_empty()).then_some(at),
        version: form.get("version").and_then(|v| v.trim().parse().ok()),
    }
}

pub async fn add(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let result = Trust::new(state.store.as_ref())
        .add_note(id, &note_request(&form), &me.user, Timestamp::now())
        .await;
    finish(&state, &me, id, None, form, result.map(|_| "corrected")).await
}

pub async fn amend(
    State(state): State<AppState>,
    me: SignedIn,
    Path((id, note)): Path<(String, String)>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let note = parse_id(&note)?;
    let result = Trust::new(state.store.as_ref())
        .amend_note(id, note, &note_request(&form), &me.user, Timestamp::now())
        .await;
    finish(&state, &me, id, Some(note), form, result.map(|_| "amended")).await
}

/// Back to the story's notes, or the editor with the note form as it was typed and why it
/// was refused.
async fn finish(
    state: &AppState,
    me: &SignedIn,
    article_id: i64,
    note: Option<i64>,
    form: FormData,
    result: Result<&'static str, NewsroomError>,
) -> Result<Response, PageError> {
    let (status, errors, message) = match result {
        Ok(what) => {
            return Ok(done(
                &format!("/admin/articles/{article_id}#corrections"),
                what,
            ));
        }
        Err(NewsroomError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            error_map(&errors, state),
            None,
        ),
        Err(refusal @ (NewsroomError::InUse(_) | NewsroomError::Forbidden(_))) => {
            let status = match refusal {
                NewsroomError::Forbidden(_) => StatusCode::FORBIDDEN,
                _ => StatusCode::CONFLICT,
            };
            let english = refusal.to_string();
            let phrase = crate::trust::refusal_phrase(&english);
            let message = super::articles::said(english, phrase, &state.settings().locale);
            (status, Default::default(), Some(message))
        }
        Err(other) => return Err(other.into()),
    };
    let article = state.store.article_by_id(article_id).await?;
    let note_form = json!({
        "note": note,
        "values": form.values(),
        "errors": errors,
        "message": message,
    });
    super::articles::editor_with_note_form(state, me, &article, note_form, status).await
}
