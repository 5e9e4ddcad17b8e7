//! A story's photo gallery in the newsroom (see `crate::galleries`): add photos from the
//! library, give each its caption and credit, and put them in order with Up and Down
//! buttons that work without JavaScript.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::super::session::SignedIn;
use super::{FormData, done, error_map, parse_id, render};
use crate::galleries::{Direction, Galleries, MAX_CAPTION, MAX_CREDIT, MAX_PHOTOS};
use crate::newsroom::NewsroomError;
use crate::store::Page;
use crate::web::{AppError, AppState, PageError};

/// Library photos offered to add, newest first.
const OFFERED: u32 = 24;

async fn gallery_page(
    state: &AppState,
    me: &SignedIn,
    article_id: i64,
    query: &HashMap<String, String>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(article_id).await?;
    let photos = Galleries::new(state.store.as_ref())
        .photos(article_id, &me.user)
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
    let thumb = |media: &crate::store::Media| {
        media
            .variants
            .iter()
            .find(|v| v.mime != "image/webp")
            .map(|v| crate::media::variant_url(&v.key))
            .unwrap_or_default()
    };
    let items: Vec<_> = photos
        .iter()
        .map(|p| {
            json!({
                "position": p.position,
                "thumb": thumb(&p.media),
                "alt": p.media.alt,
                "caption": p.caption,
                "credit": p.credit,
                "library_caption": p.media.caption,
                "library_credit": p.media.credit,
            })
        })
        .collect();
    let offered: Vec<_> = library
        .items
        .iter()
        .map(|m| json!({ "id": m.id, "thumb": thumb(m), "alt": m.alt }))
        .collect();
    render(
        state,
        Some(me),
        &me.csrf,
        "articles",
        "admin/gallery.html",
        super::notice(query),
        minijinja::context! {
            article => json!({ "id": article.id, "title": article.title }),
            items,
            offered,
            errors,
            max_photos => MAX_PHOTOS,
            max_caption => MAX_CAPTION,
            max_credit => MAX_CREDIT,
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
    gallery_page(
        &state,
        &me,
        parse_id(&id)?,
        &query,
        HashMap::new(),
        StatusCode::OK,
    )
    .await
}

fn back(article_id: i64) -> Response {
    done(&format!("/admin/articles/{article_id}/gallery"), "saved")
}

/// The page again with the problem, or the error as it is.
async fn refused(
    state: &AppState,
    me: &SignedIn,
    article_id: i64,
    error: NewsroomError,
) -> Result<Response, PageError> {
    match error {
        NewsroomError::Invalid(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            gallery_page(
                state,
                me,
                article_id,
                &HashMap::new(),
                error_map(&errors, state),
                status,
            )
            .await
        }
        other => Err(other.into()),
    }
}

pub async fn add(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let article_id = parse_id(&id)?;
    let media_id = parse_id(form.text("media_id").trim())?;
    match Galleries::new(state.store.as_ref())
        .add(article_id, media_id, &me.user)
        .await
    {
        Ok(_) => Ok(back(article_id)),
        Err(error) => refused(&state, &me, article_id, error).await,
    }
}

/// Up, Down, Remove, or new words for the photo at a position.
pub async fn change(
    State(state): State<AppState>,
    me: SignedIn,
    Path((id, position, action)): Path<(String, String, String)>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let article_id = parse_id(&id)?;
    let position = usize::try_from(parse_id(&position)?)
        .map_err(|_| PageError(AppError::not_found("This photo")))?;
    let galleries = Galleries::new(state.store.as_ref());
    let outcome = match action.as_str() {
        "up" => {
            galleries
                .move_photo(article_id, position, Direction::Up, &me.user)
                .await
        }
        "down" => {
            galleries
                .move_photo(article_id, position, Direction::Down, &me.user)
                .await
        }
        "remove" => galleries.remove(article_id, position, &me.user).await,
        "words" => {
            galleries
                .describe(
                    article_id,
                    position,
                    &form.text("caption"),
                    &form.text("credit"),
                    &me.user,
                )
                .await
        }
        _ => return Err(PageError(AppError::not_found("This page"))),
    };
    match outcome {
        Ok(_) => Ok(back(article_id)),
        Err(NewsroomError::NotFound) => Err(PageError(AppError::not_found("This photo"))),
        Err(error) => refused(&state, &me, article_id, error).await,
    }
}
