//! Numbered lists (see `crate::lists`): the API that saves a story's list, what the story's
//! page shows of it (numbered items with their photos), and its `ItemList` JSON-LD.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Value, json};

use super::api::{ApiJson, ApiUser};
use super::media::Responsive;
use super::views;
use super::{ApiError, AppError, AppState};
use crate::config::Settings;
use crate::lists::{ListRequest, Lists};
use crate::store::{Article, StoryList};

pub fn api_routes() -> Router<AppState> {
    Router::new().route("/articles/{id}/list", get(get_list).put(put_list))
}

fn list_json(list: &StoryList) -> Json<Value> {
    Json(json!({ "items": items_json(list), "descending": list.descending }))
}

/// A list as it travels with its story: `order` and its items.
pub(super) fn inline_json(list: &StoryList) -> Value {
    let order = if list.descending {
        "descending"
    } else {
        "ascending"
    };
    json!({ "order": order, "items": items_json(list) })
}

fn items_json(list: &StoryList) -> Vec<Value> {
    list.items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            json!({
                "position": item.position,
                "number": crate::lists::number(index, list.items.len(), list.descending),
                "heading": item.heading,
                "body": item.body,
                "media_id": item.media.as_ref().map(|m| m.id),
            })
        })
        .collect()
}

fn article_id(text: &str) -> Result<i64, ApiError> {
    crate::domain::parse_id(text)
        .ok_or_else(|| ApiError(AppError::not_found("An article with this id")))
}

async fn get_list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let list = Lists::new(state.store.as_ref())
        .list(article_id(&id)?, &user)
        .await?;
    Ok(list_json(&list))
}

async fn put_list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ListRequest>,
) -> Result<Json<Value>, ApiError> {
    let list = Lists::new(state.store.as_ref())
        .save(article_id(&id)?, &request, &user)
        .await?;
    Ok(list_json(&list))
}

/// One item as the story's page shows it.
#[derive(Debug, Serialize)]
pub struct ListItemView {
    pub number: usize,
    pub heading: String,
    pub body_html: String,
    pub photo: Option<Responsive>,
    pub alt: String,
    pub credit_line: Option<String>,
}

/// A story's numbered list as its page shows it.
#[derive(Debug, Serialize)]
pub struct ListView {
    pub items: Vec<ListItemView>,
    pub descending: bool,
}

impl ListView {
    pub fn new(list: &StoryList) -> Option<ListView> {
        if list.items.is_empty() {
            return None;
        }
        let len = list.items.len();
        Some(ListView {
            items: list
                .items
                .iter()
                .enumerate()
                .map(|(index, item)| ListItemView {
                    number: crate::lists::number(index, len, list.descending),
                    heading: item.heading.clone(),
                    body_html: crate::markdown::render(&item.body),
                    photo: item.media.as_ref().map(Responsive::new),
                    alt: item
                        .media
                        .as_ref()
                        .map(|m| m.alt.clone())
                        .unwrap_or_default(),
                    credit_line: item
                        .media
                        .as_ref()
                        .and_then(|m| m.credit.as_deref())
                        .map(views::credit_line),
                })
                .collect(),
            descending: list.descending,
        })
    }
}

/// `ItemList` with one `ListItem` per item, numbered as the page numbers them.
pub fn list_json_ld(settings: &Settings, article: &Article, list: &StoryList) -> Value {
    let url = super::discovery::absolute(settings, &crate::editions::story_path(article));
    let len = list.items.len();
    let elements: Vec<Value> = list
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let number = crate::lists::number(index, len, list.descending);
            let mut element = json!({
                "@type": "ListItem",
                "position": number,
                "name": item.heading,
                "url": format!("{url}#item-{number}"),
            });
            if let Some(media) = &item.media {
                element["image"] = json!(super::discovery::absolute(
                    settings,
                    &Responsive::new(media).src
                ));
            }
            element
        })
        .collect();
    let order = if list.descending {
        "https://schema.org/ItemListOrderDescending"
    } else {
        "https://schema.org/ItemListOrderAscending"
    };
    json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": article.title,
        "url": url,
        "itemListOrder": order,
        "numberOfItems": len,
        "itemListElement": elements,
    })
}
