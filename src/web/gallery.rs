//! Photo galleries (see `crate::galleries`): the API that saves a story's gallery, what a
//! gallery page shows (one large photo, previous and next, "3 of 12", a strip of
//! thumbnails), each photo's own address (`/article/{slug}/photo/3`), and its JSON-LD.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value, json};

use super::api::{ApiJson, ApiUser};
use super::media::Responsive;
use super::views::credit_line;
use super::{ApiError, AppError, AppState, PageError};
use crate::config::Settings;
use crate::galleries::{Galleries, GalleryRequest};
use crate::store::{Article, GalleryPhoto, StoreError};

pub fn api_routes() -> Router<AppState> {
    Router::new().route("/articles/{id}/gallery", get(get_gallery).put(put_gallery))
}

pub fn page_routes() -> Router<AppState> {
    Router::new().route("/article/{slug}/photo/{number}", get(photo_page))
}

/// One photo as the API answers it.
fn photo_json(photo: &GalleryPhoto) -> Value {
    json!({
        "position": photo.position,
        "media_id": photo.media.id,
        "url": Responsive::new(&photo.media).src,
        "alt": photo.media.alt,
        "width": photo.media.width,
        "height": photo.media.height,
        "caption": photo.caption(),
        "credit": photo.credit(),
    })
}

/// A gallery's photos in order, as the API answers them.
pub(super) fn photos_json(photos: &[GalleryPhoto]) -> Value {
    Value::Array(photos.iter().map(photo_json).collect())
}

fn gallery_json(photos: &[GalleryPhoto]) -> Json<Value> {
    Json(json!({ "photos": photos_json(photos) }))
}

fn article_id(text: &str) -> Result<i64, ApiError> {
    crate::domain::parse_id(text)
        .ok_or_else(|| ApiError(AppError::not_found("An article with this id")))
}

async fn get_gallery(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let photos = Galleries::new(state.store.as_ref())
        .photos(article_id(&id)?, &user)
        .await?;
    Ok(gallery_json(&photos))
}

async fn put_gallery(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<GalleryRequest>,
) -> Result<Json<Value>, ApiError> {
    let photos = Galleries::new(state.store.as_ref())
        .save(article_id(&id)?, &request, &user)
        .await?;
    Ok(gallery_json(&photos))
}

/// One photo as a gallery page shows it.
#[derive(Debug, Serialize)]
pub struct PhotoView {
    pub number: usize,
    /// The photo's own page.
    pub url: String,
    pub responsive: Responsive,
    /// The smallest size, for the strip of thumbnails.
    pub thumb: String,
    pub alt: String,
    pub caption: Option<String>,
    pub credit_line: Option<String>,
}

/// A gallery as a page shows it, open at one photo.
#[derive(Debug, Serialize)]
pub struct GalleryView {
    pub photos: Vec<PhotoView>,
    /// 1 for the first photo.
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl GalleryView {
    /// `photos` open at photo `current` (1 for the first); `None` past the last.
    pub fn new(article: &Article, photos: &[GalleryPhoto], current: usize) -> Option<GalleryView> {
        if current == 0 || current > photos.len() {
            return None;
        }
        let page = |n: usize| photo_path(article, n);
        let views = photos
            .iter()
            .enumerate()
            .map(|(index, photo)| {
                let thumb = photo
                    .media
                    .variants
                    .iter()
                    .find(|v| v.mime != "image/webp")
                    .map(|v| crate::media::variant_url(&v.key))
                    .unwrap_or_default();
                PhotoView {
                    number: index + 1,
                    url: page(index + 1),
                    responsive: Responsive::new(&photo.media),
                    thumb,
                    alt: photo.media.alt.clone(),
                    caption: photo.caption().map(str::to_owned),
                    credit_line: photo.credit().map(credit_line),
                }
            })
            .collect();
        Some(GalleryView {
            photos: views,
            current,
            total: photos.len(),
            previous: (current > 1).then(|| page(current - 1)),
            next: (current < photos.len()).then(|| page(current + 1)),
        })
    }
}

/// The page of a gallery's photo `number`; the first photo's is the story itself.
pub fn photo_path(article: &Article, number: usize) -> String {
    let story = crate::editions::story_path(article);
    if number <= 1 {
        story
    } else {
        format!("{story}/photo/{number}")
    }
}

/// `ImageGallery` with one `ImageObject` per photo, in order.
pub fn gallery_json_ld(settings: &Settings, article: &Article, photos: &[GalleryPhoto]) -> Value {
    let absolute = |path: &str| super::discovery::absolute(settings, path);
    let images: Vec<Value> = photos
        .iter()
        .enumerate()
        .map(|(index, photo)| {
            let src = Responsive::new(&photo.media).src;
            let mut image = json!({
                "@type": "ImageObject",
                "contentUrl": absolute(&src),
                "url": absolute(&photo_path(article, index + 1)),
                "width": { "@type": "QuantitativeValue", "value": photo.media.width, "unitText": "px" },
                "height": { "@type": "QuantitativeValue", "value": photo.media.height, "unitText": "px" },
                "description": photo.media.alt,
                "position": index + 1,
            });
            if let Some(caption) = photo.caption() {
                image["caption"] = json!(caption);
            }
            if let Some(credit) = photo.credit() {
                image["creditText"] = json!(credit);
            }
            image
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "ImageGallery",
        "name": article.title,
        "url": absolute(&crate::editions::story_path(article)),
        "numberOfItems": photos.len(),
        "image": images,
    })
}

/// A gallery photo's own page: the story, open at that photo.
async fn photo_page(
    State(state): State<AppState>,
    Path((slug, number)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let not_found = || PageError(AppError::not_found("This photo"));
    let number: usize = match crate::domain::parse_id(&number) {
        Some(n) => usize::try_from(n).map_err(|_| not_found())?,
        None => return Err(not_found()),
    };
    let article = match state
        .store
        .public_article_by_slug(&slug, Timestamp::now())
        .await
    {
        Err(StoreError::NotFound) => return Err(not_found()),
        other => other?,
    };
    if number == 1 {
        // The first photo's page is the story's.
        return Ok(axum::response::Redirect::permanent(&photo_path(&article, 1)).into_response());
    }
    super::public::article_page_at(
        &state,
        &article,
        &headers,
        super::public::CommentFormState::default(),
        1,
        axum::http::StatusCode::OK,
        Some(number),
    )
    .await
}
