//! Photos on the web: uploads through the API (multipart), the library's JSON, and serving
//! the generated sizes at immutable, content-addressed `/media/` URLs.

use std::collections::HashMap;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value, json};

use super::api::{ApiJson, ApiUser, query_page};
use super::{ApiError, AppError, AppState, PageError};
use crate::domain::{FieldErrors, Problem, optional_text};
use crate::i18n::Phrase;
use crate::media::{self, MediaError, MediaLimits};
use crate::newsroom::Newsroom;
use crate::store::{LeadImage, Media, NewMedia, StoreError, User};

pub fn page_routes() -> Router<AppState> {
    Router::new().route("/media/{name}", get(serve_variant))
}

pub fn api_routes(max_upload: usize) -> Router<AppState> {
    Router::new()
        .route(
            "/media",
            get(list_media)
                .post(upload)
                .layer(DefaultBodyLimit::max(max_upload)),
        )
        .route(
            "/media/{id}",
            get(get_media).patch(update_media).delete(delete_media),
        )
}

/// The words that go with a photo, as a person typed them.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaWords {
    pub alt: Option<String>,
    pub credit: Option<String>,
    pub caption: Option<String>,
}

/// Alt text, credit and caption, checked.
pub type CheckedWords = (String, Option<String>, Option<String>);

impl MediaWords {
    pub fn check(&self) -> Result<CheckedWords, FieldErrors> {
        let mut errors = FieldErrors::new();
        let alt = self.alt.as_deref().unwrap_or("").trim().to_owned();
        if alt.chars().count() > 500 {
            errors.say(
                "alt",
                "alt text is longer than 500 characters",
                Phrase::new("lib-media-alt-too-long").with("limit", 500_i64),
            );
        }
        let credit = errors
            .check(
                "credit",
                optional_text(self.credit.as_deref(), "credit", 200),
            )
            .flatten();
        let caption = errors
            .check(
                "caption",
                optional_text(self.caption.as_deref(), "caption", 1_000),
            )
            .flatten();
        errors.into_result().map(|()| (alt, credit, caption))
    }
}

/// A library photo as the API and the newsroom's scripts see it.
#[derive(Debug, Serialize)]
pub struct MediaView {
    pub id: i64,
    /// The widest JPEG or PNG: the address to use where one image is wanted.
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub credit: Option<String>,
    pub caption: Option<String>,
    pub variants: Vec<Value>,
    pub uploaded_by: Option<String>,
    pub created_at: String,
}

impl MediaView {
    pub fn new(state: &AppState, media: &Media) -> MediaView {
        let settings = state.settings();
        MediaView {
            id: media.id,
            url: fallback_url(media),
            width: media.width,
            height: media.height,
            alt: media.alt.clone(),
            credit: media.credit.clone(),
            caption: media.caption.clone(),
            variants: media
                .variants
                .iter()
                .map(|v| {
                    json!({
                        "width": v.width,
                        "height": v.height,
                        "type": v.mime,
                        "url": media::variant_url(&v.key),
                    })
                })
                .collect(),
            uploaded_by: media.uploaded_by_name.clone(),
            created_at: settings.timezone.format_rfc3339(media.created_at),
        }
    }
}

fn fallback_url(media: &Media) -> String {
    media
        .variants
        .iter()
        .rev()
        .find(|v| v.mime != "image/webp")
        .map(|v| media::variant_url(&v.key))
        .unwrap_or_default()
}

/// `srcset` values and the intrinsic size of a library photo, for a responsive `<picture>`.
#[derive(Debug, Clone, Serialize)]
pub struct Responsive {
    pub webp_srcset: String,
    pub fallback_srcset: String,
    pub fallback_type: String,
    pub src: String,
    pub width: u32,
    pub height: u32,
}

impl Responsive {
    pub fn new(media: &Media) -> Responsive {
        let set = |webp: bool| {
            media
                .variants
                .iter()
                .filter(|v| (v.mime == "image/webp") == webp)
                .map(|v| format!("{} {}w", media::variant_url(&v.key), v.width))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let widest = media.variants.iter().rev().find(|v| v.mime != "image/webp");
        Responsive {
            webp_srcset: set(true),
            fallback_srcset: set(false),
            fallback_type: widest.map(|v| v.mime.clone()).unwrap_or_default(),
            src: fallback_url(media),
            width: widest.map_or(media.width, |v| v.width),
            height: widest.map_or(media.height, |v| v.height),
        }
    }
}

impl AppState {
    /// Checks, converts and stores an upload; the same photo uploaded twice is one library
    /// item. Answers the item and whether it is new.
    pub async fn upload_media(
        &self,
        bytes: Vec<u8>,
        words: &MediaWords,
        user: &User,
    ) -> Result<(Media, bool), AppError> {
        let (alt, credit, caption) = words.check().map_err(AppError::Invalid)?;
        let settings = self.settings();
        let limits = MediaLimits {
            max_bytes: settings.media_max_mib as usize * 1024 * 1024,
            max_pixels: u64::from(settings.media_max_megapixels) * 1_000_000,
        };
        // Decoding and resizing are CPU work: off the async threads, so pages keep flowing.
        let processed = tokio::task::spawn_blocking(move || media::process(bytes, limits))
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("image processing stopped: {e}")))?
            .map_err(media_refusal)?;
        match self.store.media_by_hash(&processed.hash).await {
            // The same photo again: words typed with it now fill what the library lacks.
            Ok(existing) => {
                let words = LeadImage {
                    url: fallback_url(&existing),
                    alt,
                    credit,
                    caption,
                };
                let newsroom = Newsroom::new(self.store.as_ref());
                newsroom.keep_photo_words(Some(&words)).await;
                return Ok((self.store.media_by_id(existing.id).await?, false));
            }
            Err(StoreError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
        self.media
            .put(&processed.original_key, &processed.original)
            .await?;
        for variant in &processed.variants {
            self.media.put(&variant.key, &variant.bytes).await?;
        }
        let new = NewMedia {
            hash: processed.hash.clone(),
            original_type: processed.kind.mime().to_owned(),
            original_key: processed.original_key.clone(),
            width: processed.width,
            height: processed.height,
            bytes: processed.original.len() as i64,
            alt,
            credit,
            caption,
            variants: processed
                .variants
                .iter()
                .map(|v| crate::store::MediaVariant {
                    width: v.width,
                    height: v.height,
                    mime: v.mime.to_owned(),
                    key: v.key.clone(),
                })
                .collect(),
            uploaded_by: Some(user.id),
        };
        match self.store.create_media(&new, Timestamp::now()).await {
            Ok(media) => Ok((media, true)),
            // Two uploads of the same photo at once: the other one won; that is this one.
            Err(StoreError::Taken { .. }) => {
                Ok((self.store.media_by_hash(&new.hash).await?, false))
            }
            Err(other) => Err(other.into()),
        }
    }

    /// Removes a photo no article uses, with its files.
    pub async fn remove_media(&self, id: i64, user: &User) -> Result<(), AppError> {
        let current = self.store.media_by_id(id).await?;
        may_change(user, &current)?;
        let media = self.store.delete_media(id).await?;
        for key in std::iter::once(&media.original_key).chain(media.variants.iter().map(|v| &v.key))
        {
            if let Err(error) = self.media.delete(key).await {
                tracing::warn!(%error, key, "could not remove a media file");
            }
        }
        Newsroom::new(self.store.as_ref())
            .audit(
                Some(user),
                "delete photo",
                &format!("photo #{id} \"{}\"", media.alt),
                None,
                Timestamp::now(),
            )
            .await;
        Ok(())
    }
}

impl AppState {
    /// A library photo alone in a paragraph of a rendered body becomes a figure with the
    /// library's caption and credit, as the lead photo is shown.
    pub async fn body_figures(&self, html: &str) -> Result<String, AppError> {
        const OPEN: &str = "<p><img src=\"/media/";
        let mut out = String::with_capacity(html.len() + 256);
        let mut rest = html;
        while let Some(at) = rest.find(OPEN) {
            out.push_str(&rest[..at]);
            let from = &rest[at..];
            let Some(end) = from.find("</p>") else {
                out.push_str(from);
                return Ok(out);
            };
            let image = &from[3..end];
            let alone = image.ends_with('>') && image[1..].find('<').is_none();
            let src = image[10..].split('"').next().unwrap_or("");
            let media = match media::hash_in_url(src).filter(|_| alone) {
                Some(hash) => match self.store.media_by_hash(hash).await {
                    Ok(media) => Some(media),
                    Err(StoreError::NotFound) => None,
                    Err(other) => return Err(other.into()),
                },
                None => None,
            };
            match media.filter(|m| m.caption.is_some() || m.credit.is_some()) {
                Some(media) => {
                    out.push_str("<figure class=\"body-figure\">");
                    out.push_str(image);
                    out.push_str("<figcaption>");
                    if let Some(caption) = &media.caption {
                        out.push_str("<span class=\"caption\">");
                        out.push_str(&escape_text(caption));
                        out.push_str("</span> ");
                    }
                    if let Some(credit) = &media.credit {
                        out.push_str("<span class=\"credit\">");
                        out.push_str(&escape_text(&super::views::credit_line(credit)));
                        out.push_str("</span>");
                    }
                    out.push_str("</figcaption></figure>");
                }
                None => out.push_str(&from[..end + 4]),
            }
            rest = &from[end + 4..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Editors change any photo; others only the ones they uploaded.
pub fn may_change(user: &User, media: &Media) -> Result<(), AppError> {
    if user.role.is_editor() || media.uploaded_by == Some(user.id) {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "As {} you may change only the photos you uploaded; ask an editor to change this one.",
            user.role.with_article()
        )))
    }
}

fn media_refusal(error: MediaError) -> AppError {
    AppError::Invalid(FieldErrors::single(
        "file",
        Problem::new(error.to_string(), error.phrase()),
    ))
}

/// The largest upload body read: the photo limit (`media_max_mib`) and a mebibyte for the
/// form's other fields.
pub fn upload_body_limit(photo_mib: u32) -> usize {
    (photo_mib as usize + 1) * 1024 * 1024
}

/// Reads a multipart upload: the `file` field and the words with it. A body past
/// `upload_body_limit` is `413`, saying how large a photo may be.
pub async fn read_upload(
    mut multipart: Multipart,
    photo_mib: u32,
) -> Result<(Vec<u8>, MediaWords), AppError> {
    let too_large = |status: StatusCode, reason: String| {
        AppError::unreadable_body(
            status,
            &reason,
            upload_body_limit(photo_mib),
            &format!("A photo may be up to {photo_mib} MiB: make it smaller and upload it again."),
        )
    };
    let mut file = None;
    let mut words = MediaWords::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(too_large(error.status(), error.body_text())),
        };
        let name = field.name().unwrap_or("").to_owned();
        let data = match field.bytes().await {
            Ok(data) => data,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(too_large(error.status(), error.body_text()));
            }
            Err(error) => {
                let reason = error.body_text();
                return Err(AppError::Invalid(FieldErrors::single(
                    "file",
                    Problem::new(
                        format!("The upload stopped before it was complete ({reason})."),
                        Phrase::new("lib-media-incomplete").with("reason", reason),
                    ),
                )));
            }
        };
        match name.as_str() {
            "file" => file = Some(data.to_vec()),
            "alt" => words.alt = Some(String::from_utf8_lossy(&data).into_owned()),
            "credit" => words.credit = Some(String::from_utf8_lossy(&data).into_owned()),
            "caption" => words.caption = Some(String::from_utf8_lossy(&data).into_owned()),
            _ => {}
        }
    }
    let file = file.ok_or_else(|| {
        AppError::Invalid(FieldErrors::single(
            "file",
            Problem::new(
                "Send the photo in a multipart field named `file`.",
                Phrase::new("lib-media-no-file"),
            ),
        ))
    })?;
    Ok((file, words))
}

async fn upload(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let multipart = multipart.map_err(|_| {
        AppError::UnsupportedMediaType(
            "Send the photo as `multipart/form-data`, in a field named `file`.".into(),
        )
    })?;
    let (bytes, words) = read_upload(multipart, state.settings().media_max_mib).await?;
    let (media, new) = state.upload_media(bytes, &words, &user).await?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(MediaView::new(&state, &media))).into_response())
}

async fn list_media(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let page = query_page(&query)?;
    let paged = state
        .store
        .list_media(query.get("q").map(String::as_str), page)
        .await?;
    Ok(Json(json!({
        "items": paged.items.iter().map(|m| MediaView::new(&state, m)).collect::<Vec<_>>(),
        "page": page.number,
        "per_page": page.per_page,
        "total": paged.total,
    })))
}

fn media_id(text: &str) -> Result<i64, ApiError> {
    super::api::parse_id(text, "photo")
}

async fn get_media(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let media = state.store.media_by_id(media_id(&id)?).await?;
    let used_by: Vec<Value> = state
        .store
        .media_usage(&media.hash)
        .await?
        .into_iter()
        .map(|(id, title)| json!({ "id": id, "title": title }))
        .collect();
    let mut view = serde_json::to_value(MediaView::new(&state, &media))
        .map_err(|e| ApiError(AppError::Internal(e.into())))?;
    view["used_by"] = Value::Array(used_by);
    Ok(Json(view))
}

async fn update_media(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(words): ApiJson<MediaWords>,
) -> Result<Json<MediaView>, ApiError> {
    let id = media_id(&id)?;
    let current = state.store.media_by_id(id).await?;
    may_change(&user, &current)?;
    let merged = MediaWords {
        alt: words.alt.or(Some(current.alt.clone())),
        credit: words.credit.or(current.credit.clone()),
        caption: words.caption.or(current.caption.clone()),
    };
    let (alt, credit, caption) = merged.check().map_err(AppError::Invalid)?;
    let media = state
        .store
        .update_media(id, &alt, credit.as_deref(), caption.as_deref())
        .await?;
    Ok(Json(MediaView::new(&state, &media)))
}

async fn delete_media(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.remove_media(media_id(&id)?, &user).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A generated size, by the name the server gave it. Anything else is "not found": no name
/// from a request is ever joined to a path.
async fn serve_variant(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, PageError> {
    let Some((key, mime)) = media::key_for_url_name(&name) else {
        return Err(PageError(AppError::not_found("This image")));
    };
    let Some(bytes) = state.media.get(&key).await? else {
        return Err(PageError(AppError::not_found("This image")));
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    // The name holds the hash of the photo, so the bytes behind it never change.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}
