//! Video stories (see `crate::video`): uploads through the API, a story's lead video, the
//! files served with HTTP range requests (what players and phones ask for), what the story's
//! page shows (a player with its poster and its size reserved, or a click-to-load
//! placeholder for a video site), and the `VideoObject` JSON-LD.

use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value, json};

use super::api::{ApiJson, ApiUser};
use super::media::Responsive;
use super::{ApiError, AppError, AppState, PageError};
use crate::config::Settings;
use crate::domain::FieldErrors;
use crate::store::{Article, LeadVideo, Video};
use crate::video::{LeadVideoRequest, MAX_VIDEO_MIB, VideoError, Videos};

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/videos",
            post(upload).layer(DefaultBodyLimit::max((MAX_VIDEO_MIB + 1) * 1024 * 1024)),
        )
        .route(
            "/articles/{id}/video",
            get(get_lead).put(put_lead).delete(delete_lead),
        )
}

pub fn page_routes() -> Router<AppState> {
    Router::new().route("/media/video/{name}", get(serve_video))
}

fn video_json(video: &Video) -> Value {
    json!({
        "id": video.id,
        "url": crate::video::video_url(video),
        "type": video.mime,
        "bytes": video.bytes,
    })
}

fn lead_json(lead: Option<&LeadVideo>) -> Json<Value> {
    Json(match lead {
        None => {
            json!({ "video": null, "embed_url": null, "poster_media_id": null, "duration_seconds": null })
        }
        Some(lead) => json!({
            "video": lead.video.as_ref().map(video_json),
            "embed_url": lead.embed_url,
            "poster_media_id": lead.poster.as_ref().map(|m| m.id),
            "duration_seconds": lead.duration_seconds,
        }),
    })
}

/// A lead video as it travels with its story: `url` for a video site's address, or
/// `media_id` for an uploaded file (served at `file_url`), with its poster and duration.
pub(super) fn inline_json(lead: &LeadVideo) -> Value {
    json!({
        "url": lead.embed_url,
        "media_id": lead.video.as_ref().map(|v| v.id),
        "file_url": lead.video.as_ref().map(crate::video::video_url),
        "type": lead.video.as_ref().map(|v| v.mime.clone()),
        "poster_id": lead.poster.as_ref().map(|m| m.id),
        "duration_seconds": lead.duration_seconds,
    })
}

/// The refusal of a video upload, naming the field.
fn refused(message: impl Into<String>) -> ApiError {
    ApiError(AppError::Invalid(FieldErrors::single(
        "file",
        message.into() as String,
    )))
}

/// `POST /videos`: an MP4 or WebM file in the multipart field `file`.
async fn upload(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let mut multipart = multipart.map_err(|_| {
        AppError::UnsupportedMediaType(
            "Send the video as `multipart/form-data`, in a field named `file`.".into(),
        )
    })?;
    let bytes = read_file(&mut multipart).await?;
    let outcome = Videos::new(state.store.as_ref())
        .upload(&bytes, state.media.as_ref(), &user, Timestamp::now())
        .await?;
    let (video, new) = outcome.map_err(|error| refused(error.to_string()))?;
    // A file no story shows yet changes no page.
    state.changed_nothing();
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(video_json(&video))).into_response())
}

/// The `file` field of an upload; past the limit, `413` saying how large a video may be.
pub(super) async fn read_file(multipart: &mut Multipart) -> Result<Vec<u8>, AppError> {
    let too_large = |status: StatusCode, reason: String| {
        AppError::unreadable_body(
            status,
            &reason,
            (MAX_VIDEO_MIB + 1) * 1024 * 1024,
            &VideoError::TooLarge {
                size: MAX_VIDEO_MIB + 1,
                limit: MAX_VIDEO_MIB,
            }
            .to_string(),
        )
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(too_large(error.status(), error.body_text())),
        };
        if field.name() != Some("file") {
            continue;
        }
        return match field.bytes().await {
            Ok(data) => Ok(data.to_vec()),
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(too_large(error.status(), error.body_text()))
            }
            Err(error) => Err(AppError::Invalid(FieldErrors::single(
                "file",
                format!(
                    "The upload stopped before it was complete ({}).",
                    error.body_text()
                ),
            ))),
        };
    }
    Err(AppError::Invalid(FieldErrors::single(
        "file",
        "Send the video in a multipart field named `file`.",
    )))
}

fn article_id(text: &str) -> Result<i64, ApiError> {
    crate::domain::parse_id(text)
        .ok_or_else(|| ApiError(AppError::not_found("An article with this id")))
}

async fn get_lead(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let lead = Videos::new(state.store.as_ref())
        .lead(article_id(&id)?, &user)
        .await?;
    Ok(lead_json(lead.as_ref()))
}

async fn put_lead(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<LeadVideoRequest>,
) -> Result<Json<Value>, ApiError> {
    let lead = Videos::new(state.store.as_ref())
        .set_lead(article_id(&id)?, &request, &user)
        .await?;
    Ok(lead_json(Some(&lead)))
}

async fn delete_lead(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Videos::new(state.store.as_ref())
        .remove_lead(article_id(&id)?, &user)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A video's bytes, whole or the one range asked for: `206` with exactly those bytes, or
/// `416` for a range past the end.
async fn serve_video(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let not_found = || PageError(AppError::not_found("This video"));
    let (hash, _) = name.split_once('.').ok_or_else(not_found)?;
    let mime = crate::video::mime_of_name(&name).ok_or_else(not_found)?;
    if hash.len() != 32 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let video = match state.store.video_by_hash(hash).await {
        Ok(video) if video.mime == mime => video,
        Ok(_) | Err(crate::store::StoreError::NotFound) => return Err(not_found()),
        Err(other) => return Err(other.into()),
    };
    let Some(len) = state.media.size(&video.storage_key).await? else {
        return Err(not_found());
    };
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let (status, first, last) = match crate::video::byte_range(range, len) {
        Ok(None) => (StatusCode::OK, 0, len.saturating_sub(1)),
        Ok(Some((first, last))) => (StatusCode::PARTIAL_CONTENT, first, last),
        Err(()) => {
            let mut response = (StatusCode::RANGE_NOT_SATISFIABLE, Body::empty()).into_response();
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{len}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            return Ok(response);
        }
    };
    let end = if len == 0 { 0 } else { last + 1 };
    // The bytes are streamed from the store as they are read, never held whole.
    let Some(bytes) = state
        .media
        .read_range(&video.storage_key, first..end)
        .await?
    else {
        return Err(not_found());
    };
    let mut response = (status, Body::from_stream(bytes)).into_response();
    let out = response.headers_mut();
    out.insert(header::CONTENT_LENGTH, HeaderValue::from(end - first));
    if status == StatusCode::PARTIAL_CONTENT
        && let Ok(value) = HeaderValue::from_str(&format!("bytes {first}-{last}/{len}"))
    {
        out.insert(header::CONTENT_RANGE, value);
    }
    out.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    out.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    // The name holds the hash of the file, so the bytes behind it never change.
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}

/// An uploaded video as the story's page shows it.
#[derive(Debug, Serialize)]
pub struct PlayerView {
    pub src: String,
    pub mime: String,
    pub poster: Option<String>,
    /// The box reserved for the player (the poster's shape, else 16:9).
    pub width: u32,
    pub height: u32,
}

/// A story's lead video as its page shows it: a player, or a video site's placeholder.
#[derive(Debug, Serialize)]
pub struct LeadVideoView {
    pub player: Option<PlayerView>,
    /// The click-to-load placeholder (safe HTML made by `crate::embeds`).
    pub placeholder: Option<String>,
}

impl LeadVideoView {
    pub fn new(article: &Article, lead: &LeadVideo) -> Option<LeadVideoView> {
        if let Some(video) = &lead.video {
            let poster = lead.poster.as_ref().map(Responsive::new);
            let (width, height) = poster.as_ref().map_or((1280, 720), |p| (p.width, p.height));
            return Some(LeadVideoView {
                player: Some(PlayerView {
                    src: crate::video::video_url(video),
                    mime: video.mime.clone(),
                    poster: poster.map(|p| p.src),
                    width,
                    height,
                }),
                placeholder: None,
            });
        }
        let embed = crate::embeds::recognise(lead.embed_url.as_deref()?)?;
        let preview = crate::embeds::Preview {
            title: Some(article.title.clone()),
            thumbnail_url: lead.poster.as_ref().map(|p| Responsive::new(p).src),
        };
        Some(LeadVideoView {
            player: None,
            placeholder: Some(crate::embeds::placeholder(&embed, &preview)),
        })
    }
}

/// `VideoObject`: name, description, thumbnail, upload date, duration when known, and the
/// file (`contentUrl`) or the video site's player (`embedUrl`).
pub fn video_json_ld(settings: &Settings, article: &Article, lead: &LeadVideo) -> Value {
    let absolute = |path: &str| super::discovery::absolute(settings, path);
    let mut object = json!({
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": article.title,
        "description": article.standfirst.clone().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| article.title.clone()),
        "uploadDate": settings.timezone.format_rfc3339(article.published_at.unwrap_or(article.created_at)),
    });
    if let Some(poster) = &lead.poster {
        object["thumbnailUrl"] = json!(absolute(&Responsive::new(poster).src));
    }
    if let Some(seconds) = lead.duration_seconds {
        object["duration"] = json!(crate::video::iso_duration(seconds));
    }
    if let Some(video) = &lead.video {
        object["contentUrl"] = json!(absolute(&crate::video::video_url(video)));
        object["encodingFormat"] = json!(video.mime);
    } else if let Some(embed) = lead.embed_url.as_deref().and_then(crate::embeds::recognise) {
        object["embedUrl"] = json!(embed.frame_url().replace("?autoplay=1", ""));
    }
    object
}
