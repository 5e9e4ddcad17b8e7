//! A story's lead video in the newsroom (see `crate::video`): upload an MP4 or WebM file
//! with a poster from the library, or give a YouTube, Vimeo or Facebook address; or take
//! the video away.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use serde_json::json;

use super::super::session::SignedIn;
use super::{FormData, done, error_map, parse_id, render};
use crate::domain::{FieldErrors, Problem};
use crate::i18n::Phrase;
use crate::newsroom::NewsroomError;
use crate::store::Page;
use crate::video::{LeadVideoRequest, MAX_VIDEO_MIB, Videos};
use crate::web::{AppError, AppState, PageError};

/// Library photos offered as posters, newest first.
const OFFERED: u32 = 24;

async fn video_page(
    state: &AppState,
    me: &SignedIn,
    article_id: i64,
    query: &HashMap<String, String>,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(article_id).await?;
    let lead = Videos::new(state.store.as_ref())
        .lead(article_id, &me.user)
        .await?;
    let library = state
        .store
        .list_media(
            None,
            Page {
                number: 1,
                per_page: OFFERED,
            },
        )
        .await?;
    let photos: Vec<_> = library
        .items
        .iter()
        .map(|m| {
            // The template names a photo without alt text by its number.
            let alt: String = m.alt.chars().take(60).collect();
            json!({ "id": m.id, "alt": alt })
        })
        .collect();
    let current = lead.as_ref().map(|lead| {
        json!({
            "file": lead.video.as_ref().map(|v| json!({
                "url": crate::video::video_url(v),
                "type": v.mime,
                "mib": format!("{:.1}", v.bytes as f64 / 1_048_576.0),
            })),
            "embed_url": lead.embed_url,
            "poster": lead.poster.as_ref().map(|p| p.alt.clone()),
            "duration": lead.duration_seconds,
        })
    });
    render(
        state,
        Some(me),
        &me.csrf,
        "articles",
        "admin/video.html",
        super::notice(query),
        minijinja::context! {
            article => json!({ "id": article.id, "title": article.title }),
            current,
            photos,
            values,
            errors,
            max_mib => MAX_VIDEO_MIB,
        },
        status,
    )
}

pub async fn show(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let none = HashMap::new;
    video_page(&state, &me, id, &query, none(), none(), StatusCode::OK).await
}

fn optional_id(text: Option<&str>) -> Option<i64> {
    text.and_then(|t| t.trim().parse::<i64>().ok())
}

fn back(article_id: i64) -> Response {
    done(&format!("/admin/articles/{article_id}/video"), "saved")
}

async fn refused(
    state: &AppState,
    me: &SignedIn,
    article_id: i64,
    values: HashMap<String, String>,
    error: NewsroomError,
) -> Result<Response, PageError> {
    match error {
        NewsroomError::Invalid(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let errors = error_map(&errors, state);
            video_page(
                state,
                me,
                article_id,
                &HashMap::new(),
                values,
                errors,
                status,
            )
            .await
        }
        other => Err(other.into()),
    }
}

/// A video site's address as the lead video.
pub async fn link(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let article_id = parse_id(&id)?;
    let request = LeadVideoRequest {
        video_id: None,
        embed_url: Some(form.text("embed_url")),
        poster_media_id: optional_id(form.get("poster_media_id")),
        duration_seconds: optional_id(form.get("duration_seconds")),
    };
    match Videos::new(state.store.as_ref())
        .set_lead(article_id, &request, &me.user)
        .await
    {
        Ok(_) => Ok(back(article_id)),
        Err(error) => refused(&state, &me, article_id, form.values(), error).await,
    }
}

/// An uploaded file as the lead video (the form sends its token in the address).
pub async fn upload(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let article_id = parse_id(&id)?;
    let mut file = None;
    let mut values = HashMap::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                return Err(PageError(AppError::unreadable_body(
                    error.status(),
                    &error.body_text(),
                    (MAX_VIDEO_MIB + 1) * 1024 * 1024,
                    &format!(
                        "A video may be up to {MAX_VIDEO_MIB} MiB: make it smaller and upload it again."
                    ),
                )));
            }
        };
        let name = field.name().unwrap_or("").to_owned();
        let data = field.bytes().await.map_err(|error| {
            PageError(AppError::unreadable_body(
                error.status(),
                &error.body_text(),
                (MAX_VIDEO_MIB + 1) * 1024 * 1024,
                &format!(
                    "A video may be up to {MAX_VIDEO_MIB} MiB: make it smaller and upload it again."
                ),
            ))
        })?;
        if name == "file" {
            file = Some(data.to_vec());
        } else {
            values.insert(name, String::from_utf8_lossy(&data).into_owned());
        }
    }
    let videos = Videos::new(state.store.as_ref());
    let invalid = |problem: Problem| NewsroomError::Invalid(FieldErrors::single("file", problem));
    let Some(bytes) = file.filter(|f| !f.is_empty()) else {
        let error = invalid(Problem::new(
            "Choose an MP4 or WebM file to upload.",
            Phrase::new("sto-video-no-file"),
        ));
        return refused(&state, &me, article_id, values, error).await;
    };
    let video = match videos
        .upload(&bytes, state.media.as_ref(), &me.user, Timestamp::now())
        .await?
    {
        Ok((video, _)) => video,
        Err(refusal) => {
            return refused(
                &state,
                &me,
                article_id,
                values,
                invalid(Problem::new(refusal.to_string(), refusal.phrase())),
            )
            .await;
        }
    };
    let request = LeadVideoRequest {
        video_id: Some(video.id),
        embed_url: None,
        poster_media_id: optional_id(values.get("poster_media_id").map(String::as_str)),
        duration_seconds: optional_id(values.get("duration_seconds").map(String::as_str)),
    };
    match videos.set_lead(article_id, &request, &me.user).await {
        Ok(_) => Ok(back(article_id)),
        Err(error) => refused(&state, &me, article_id, values, error).await,
    }
}

pub async fn remove(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let article_id = parse_id(&id)?;
    Videos::new(state.store.as_ref())
        .remove_lead(article_id, &me.user)
        .await?;
    Ok(done(
        &format!("/admin/articles/{article_id}/video"),
        "deleted",
    ))
}
