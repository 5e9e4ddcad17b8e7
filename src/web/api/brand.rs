//! `/api/v1/identity` and `/api/v1/ad-slots`: the paper's logo, colour, profiles,
//! principles pages and measurement snippet, and its ad slots, for admins' scripts. The
//! rules are in `crate::identity` and `crate::ads`; saving goes through `web/brand.rs`, as
//! the newsroom's forms do.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ApiJson, ApiUser};
use crate::ads::{Place, SlotChange};
use crate::identity::{IdentityChange, may_change_identity};
use crate::web::brand::{identity_json, slot_json};
use crate::web::{ApiError, AppError, AppState};

pub fn routes(max_upload: usize) -> Router<AppState> {
    Router::new()
        .route("/identity", get(get_identity).patch(patch_identity))
        .route(
            "/identity/logo",
            post(upload_logo)
                .put(logo_from_library)
                .layer(DefaultBodyLimit::max(max_upload)),
        )
        .route("/ad-slots", get(list_slots))
        .route("/ad-slots/sections", get(get_sections).put(put_sections))
        .route("/ad-slots/{place}", get(get_slot).put(put_slot))
}

async fn get_identity(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Value>, ApiError> {
    may_change_identity(&user)?;
    Ok(Json(identity_json(
        &state.settings(),
        &state.brand().identity,
    )))
}

async fn patch_identity(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(change): ApiJson<IdentityChange>,
) -> Result<Json<Value>, ApiError> {
    let identity = state.change_identity(&change, &user).await?;
    Ok(Json(identity_json(&state.settings(), &identity)))
}

/// A new logo, uploaded as a photo is (`multipart/form-data`, field `file`).
async fn upload_logo(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Json<Value>, ApiError> {
    may_change_identity(&user)?;
    let multipart = multipart.map_err(|_| {
        AppError::UnsupportedMediaType(
            "Send the logo as `multipart/form-data`, in a field named `file`.".into(),
        )
    })?;
    let (bytes, _) =
        crate::web::media::read_upload(multipart, state.settings().media_max_mib).await?;
    let identity = state.set_logo(bytes, &user).await?;
    Ok(Json(identity_json(&state.settings(), &identity)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryLogo {
    media_id: i64,
}

/// A photo already in the library becomes the logo.
async fn logo_from_library(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<LibraryLogo>,
) -> Result<Json<Value>, ApiError> {
    let identity = state.logo_from_library(request.media_id, &user).await?;
    Ok(Json(identity_json(&state.settings(), &identity)))
}

fn place(text: &str) -> Result<Place, ApiError> {
    Place::parse(text).ok_or_else(|| {
        ApiError(AppError::NotFound(format!(
            "There is no ad slot \"{text}\"; the slots are header, sidebar, in_article, home_blocks and lists."
        )))
    })
}

async fn list_slots(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Value>, ApiError> {
    may_change_identity(&user)?;
    let slots: Vec<Value> = state.brand().ads.all().iter().map(slot_json).collect();
    Ok(Json(json!({ "slots": slots })))
}

async fn get_slot(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(name): Path<String>,
) -> Result<Json<Value>, ApiError> {
    may_change_identity(&user)?;
    Ok(Json(slot_json(&state.brand().ads.slot(place(&name)?))))
}

async fn put_slot(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(name): Path<String>,
    ApiJson(change): ApiJson<SlotChange>,
) -> Result<Json<Value>, ApiError> {
    let place = place(&name)?;
    let slot = state.change_ad_slot(place, &change, &user).await?;
    Ok(Json(slot_json(&slot)))
}

/// The sections without ads, by slug.
async fn sections_json(state: &AppState) -> Result<Value, ApiError> {
    let brand = state.brand();
    let off: Vec<String> = state
        .memory
        .sections(state.store.as_ref())
        .await?
        .iter()
        .filter(|s| brand.ads.off_in(s.id))
        .map(|s| s.slug.as_str().to_owned())
        .collect();
    Ok(json!({ "off": off }))
}

async fn get_sections(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Value>, ApiError> {
    may_change_identity(&user)?;
    Ok(Json(sections_json(&state).await?))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsOff {
    off: Vec<String>,
}

async fn put_sections(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<SectionsOff>,
) -> Result<Json<Value>, ApiError> {
    may_change_identity(&user)?;
    let sections = state.memory.sections(state.store.as_ref()).await?;
    let mut ids = Vec::new();
    for slug in &request.off {
        match sections.iter().find(|s| s.slug.as_str() == slug) {
            Some(section) => ids.push(section.id),
            None => {
                return Err(ApiError(AppError::Invalid(
                    crate::domain::FieldErrors::single(
                        "off",
                        format!("there is no section \"{slug}\""),
                    ),
                )));
            }
        }
    }
    state.set_ad_free_sections(ids, &user).await?;
    Ok(Json(sections_json(&state).await?))
}
