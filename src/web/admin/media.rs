//! The media library: upload (a plain form, or the editor's script with a progress bar),
//! search, the words that go with each photo, and deleting one no article uses.

use std::collections::HashMap;

use axum::Form;
use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::super::media::{MediaView, MediaWords, may_change, read_upload};
use super::super::session::SignedIn;
use super::{FormData, done, error_map, page, parse_id, render};
use crate::domain::FieldError;
use crate::i18n::Phrase;
use crate::store::Page;
use crate::web::{AppError, AppState, PageError};

const PER_PAGE: u32 = 24;

async fn library_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let search = super::search_words(query);
    let number = super::page_number(query);
    let paged = state
        .store
        .list_media(
            search.as_deref(),
            Page {
                number,
                per_page: PER_PAGE,
            },
        )
        .await?;
    let pages = (paged.total as u32).div_ceil(PER_PAGE).max(1);
    let q = search.clone().unwrap_or_default();
    let link = |n: u32| {
        format!(
            "/admin/media?q={}&page={n}",
            form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
        )
    };
    render(
        state,
        Some(me),
        &me.csrf,
        "media",
        "admin/media.html",
        super::notice(query),
        minijinja::context! {
            items => paged.items.iter().map(|m| MediaView::new(state, m)).collect::<Vec<_>>(),
            total => paged.total,
            q => search,
            error => error,
            max_mib => state.settings().media_max_mib,
            newer => (number > 1).then(|| link(number - 1)),
            older => (number < pages).then(|| link(number + 1)),
        },
        status,
    )
}

pub async fn library(
    State(state): State<AppState>,
    me: SignedIn,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    // The editor's photo picker searches the library as the editor types.
    if super::wants_json(&headers) {
        let paged = state
            .store
            .list_media(
                super::search_words(&query).as_deref(),
                Page {
                    number: 1,
                    per_page: PER_PAGE,
                },
            )
            .await?;
        let items: Vec<MediaView> = paged
            .items
            .iter()
            .map(|m| MediaView::new(&state, m))
            .collect();
        return Ok(Json(json!({ "items": items, "total": paged.total })).into_response());
    }
    library_page(&state, &me, &query, None, StatusCode::OK).await
}

/// An upload from the library's form or the editor's script (which asks for JSON).
pub async fn upload(
    State(state): State<AppState>,
    me: SignedIn,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let json = super::wants_json(&headers);
    let result = match read_upload(multipart, state.settings().media_max_mib).await {
        Ok((bytes, words)) => state.upload_media(bytes, &words, &me.user).await,
        Err(error) => Err(error),
    };
    match result {
        Ok((media, new)) if json => {
            let status = if new {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            Ok((status, Json(MediaView::new(&state, &media))).into_response())
        }
        Ok((media, _)) => Ok(done(&format!("/admin/media/{}", media.id), "uploaded")),
        Err(AppError::Invalid(errors)) => {
            // The library's page and the editor's script show it in the newsroom's language.
            let locale = state.settings().locale.clone();
            let message = errors
                .0
                .first()
                .map_or_else(|| locale.t("lib-media-refused"), |e| e.in_language(&locale));
            if json {
                return Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Json(json!({ "message": message })),
                )
                    .into_response());
            }
            library_page(
                &state,
                &me,
                &HashMap::new(),
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        // The editor's script shows the sentence; a plain form gets the error page.
        Err(AppError::PayloadTooLarge(message)) if json => {
            let refusal = FieldError {
                field: "file".into(),
                message,
                phrase: Some(
                    Phrase::new("lib-media-too-big").with("mib", state.settings().media_max_mib),
                ),
            };
            let message = refusal.in_language(&state.settings().locale);
            Ok((
                StatusCode::PAYLOAD_TOO_LARGE,
                Json(json!({ "message": message })),
            )
                .into_response())
        }
        Err(other) => Err(PageError(other)),
    }
}

async fn item_page(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    query: &HashMap<String, String>,
    values: Option<HashMap<String, String>>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let media = state.store.media_by_id(id).await?;
    let used_by: Vec<serde_json::Value> = state
        .store
        .media_usage(&media.hash)
        .await?
        .into_iter()
        .map(|(id, title)| json!({ "id": id, "title": title }))
        .collect();
    let values = values.unwrap_or_else(|| {
        HashMap::from([
            ("alt".to_owned(), media.alt.clone()),
            (
                "credit".to_owned(),
                media.credit.clone().unwrap_or_default(),
            ),
            (
                "caption".to_owned(),
                media.caption.clone().unwrap_or_default(),
            ),
        ])
    });
    render(
        state,
        Some(me),
        &me.csrf,
        "media",
        "admin/media_item.html",
        super::notice(query),
        minijinja::context! {
            item => MediaView::new(state, &media),
            uploaded => state.settings().dateline(media.created_at),
            used_by => used_by,
            values => values,
            errors => errors,
            can_change => may_change(&me.user, &media).is_ok(),
        },
        status,
    )
}

pub async fn item(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    item_page(
        &state,
        &me,
        parse_id(&id)?,
        &query,
        None,
        HashMap::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn save(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let media = state.store.media_by_id(id).await?;
    may_change(&me.user, &media)?;
    let words = MediaWords {
        alt: form.get("alt").map(str::to_owned),
        credit: form.get("credit").map(str::to_owned),
        caption: form.get("caption").map(str::to_owned),
    };
    match words.check() {
        Ok((alt, credit, caption)) => {
            state
                .store
                .update_media(id, &alt, credit.as_deref(), caption.as_deref())
                .await?;
            Ok(done(&format!("/admin/media/{id}"), "saved"))
        }
        Err(errors) => {
            item_page(
                &state,
                &me,
                id,
                &HashMap::new(),
                Some(form.values()),
                error_map(&errors, &state),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub async fn confirm_delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let media = state.store.media_by_id(parse_id(&id)?).await?;
    let used = state.store.media_usage(&media.hash).await?;
    let consequence = if used.is_empty() {
        json!({"id": "lib-confirm-photo-unused"})
    } else {
        let titles = used
            .iter()
            .map(|(_, t)| format!("“{t}”"))
            .collect::<Vec<_>>()
            .join(", ");
        json!({"id": "lib-confirm-photo-used", "args": {"titles": titles}})
    };
    let name = if media.alt.is_empty() {
        format!("#{}", media.id)
    } else {
        media.alt.clone()
    };
    page(
        &state,
        &me,
        "media",
        "admin/confirm.html",
        &query,
        minijinja::context! {
            title => json!({"id": "lib-confirm-delete-photo", "args": {"name": name}}),
            consequences => [consequence],
            action => format!("/admin/media/{}/delete", media.id),
            button => json!({"id": "lib-delete-the-photo"}),
            back => format!("/admin/media/{}", media.id),
        },
    )
}

pub async fn delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    state.remove_media(parse_id(&id)?, &me.user).await?;
    Ok(done("/admin/media", "deleted"))
}
