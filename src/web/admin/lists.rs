//! A story's numbered list in the newsroom (see `crate::lists`): add and edit items
//! (heading, photo from the library, text), put them in order with Up and Down, and choose
//! whether the numbers count up or down. Every button works without JavaScript.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::super::session::SignedIn;
use super::{FormData, done, error_map, parse_id, render};
use crate::galleries::Direction;
use crate::lists::{ListItemRequest, Lists, MAX_HEADING, MAX_ITEMS, MAX_TEXT};
use crate::newsroom::NewsroomError;
use crate::store::Page;
use crate::web::{AppError, AppState, PageError};

/// Library photos offered for an item, newest first.
const OFFERED: u32 = 24;

/// The add form's values and the problems found, when an item was refused.
#[derive(Default)]
struct Shown {
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
}

async fn list_page(
    state: &AppState,
    me: &SignedIn,
    article_id: i64,
    query: &HashMap<String, String>,
    shown: Shown,
    status: StatusCode,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(article_id).await?;
    let list = Lists::new(state.store.as_ref())
        .list(article_id, &me.user)
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
    let len = list.items.len();
    let items: Vec<_> = list
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            json!({
                "position": item.position,
                "number": crate::lists::number(index, len, list.descending),
                "heading": item.heading,
                "body": item.body,
                "media_id": item.media.as_ref().map(|m| m.id),
            })
        })
        .collect();
    let photos: Vec<_> = library
        .items
        .iter()
        .map(|m| {
            // The template names a photo without alt text by its number.
            let alt: String = m.alt.chars().take(60).collect();
            json!({ "id": m.id, "alt": alt })
        })
        .collect();
    render(
        state,
        Some(me),
        &me.csrf,
        "articles",
        "admin/list.html",
        super::notice(query),
        minijinja::context! {
            article => json!({ "id": article.id, "title": article.title }),
            items,
            descending => list.descending,
            photos,
            values => shown.values,
            errors => shown.errors,
            max_items => MAX_ITEMS,
            max_heading => MAX_HEADING,
            max_text => MAX_TEXT,
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
    list_page(&state, &me, id, &query, Shown::default(), StatusCode::OK).await
}

fn item_request(form: &FormData) -> ListItemRequest {
    let media_id = form.text("media_id").trim().parse::<i64>().ok();
    ListItemRequest {
        heading: form.text("heading"),
        body: Some(form.text("body")),
        media_id,
    }
}

fn back(article_id: i64) -> Response {
    done(&format!("/admin/articles/{article_id}/list"), "saved")
}

async fn refused(
    state: &AppState,
    me: &SignedIn,
    article_id: i64,
    form: &FormData,
    error: NewsroomError,
) -> Result<Response, PageError> {
    match error {
        NewsroomError::Invalid(errors) => {
            let shown = Shown {
                values: form.values(),
                errors: error_map(&errors, state),
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            list_page(state, me, article_id, &HashMap::new(), shown, status).await
        }
        NewsroomError::NotFound => Err(PageError(AppError::not_found("This item"))),
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
    match Lists::new(state.store.as_ref())
        .put_item(article_id, None, &item_request(&form), &me.user)
        .await
    {
        Ok(_) => Ok(back(article_id)),
        Err(error) => refused(&state, &me, article_id, &form, error).await,
    }
}

pub async fn numbering(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let article_id = parse_id(&id)?;
    let descending = form.text("order") == "descending";
    match Lists::new(state.store.as_ref())
        .number(article_id, descending, &me.user)
        .await
    {
        Ok(_) => Ok(back(article_id)),
        Err(error) => refused(&state, &me, article_id, &form, error).await,
    }
}

/// Save, Up, Down or Remove for the item at a position.
pub async fn change(
    State(state): State<AppState>,
    me: SignedIn,
    Path((id, position, action)): Path<(String, String, String)>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let article_id = parse_id(&id)?;
    let position = usize::try_from(parse_id(&position)?)
        .map_err(|_| PageError(AppError::not_found("This item")))?;
    let lists = Lists::new(state.store.as_ref());
    let outcome = match action.as_str() {
        "save" => {
            lists
                .put_item(article_id, Some(position), &item_request(&form), &me.user)
                .await
        }
        "up" => {
            lists
                .move_item(article_id, position, Direction::Up, &me.user)
                .await
        }
        "down" => {
            lists
                .move_item(article_id, position, Direction::Down, &me.user)
                .await
        }
        "remove" => lists.remove(article_id, position, &me.user).await,
        _ => return Err(PageError(AppError::not_found("This page"))),
    };
    match outcome {
        Ok(_) => Ok(back(article_id)),
        Err(error) => refused(&state, &me, article_id, &form, error).await,
    }
}
