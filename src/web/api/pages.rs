//! `/api/v1/pages` (editors and admins): the site's own pages, with revisions; and
//! `/api/v1/menus` (editors read them, admins replace one): the header and footer menus. The rules are
//! `crate::pages`'.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ApiJson, ApiUser, created, parse_id, time_json};
use crate::config::Settings;
use crate::pages::menus::{self, MenuEntryRequest};
use crate::pages::{PageRequest, Pages, may_change};
use crate::store::{Menu, MenuItem, MenuTarget, SitePage};
use crate::web::{ApiError, AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/pages", get(list).post(create))
        .route("/pages/{id}", get(show).patch(update).delete(delete_page))
        .route("/pages/{id}/revisions", get(revisions))
        .route("/menus", get(list_menus).put(replace_menu))
}

fn page_json(settings: &Settings, page: &SitePage) -> Value {
    let path = crate::editions::path_in(
        page.language,
        &super::super::site_pages::page_path(&page.slug),
    );
    json!({
        "id": page.id,
        "slug": page.slug,
        "title": page.title,
        "body": page.body,
        "seo_title": page.seo_title,
        "seo_description": page.seo_description,
        "contact_form": page.contact_form,
        "language": super::language_code(settings, page.language),
        "version": page.version,
        "url": format!("{}{path}", settings.base_url),
        "created_at": time_json(settings, Some(page.created_at)),
        "updated_at": time_json(settings, Some(page.updated_at)),
    })
}

async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    may_change(&user)?;
    let edition = super::language_filter(&state, &query).await?;
    let settings = state.settings();
    let pages = Pages::new(state.store.as_ref()).list().await?;
    Ok(Json(json!({
        "items": pages
            .iter()
            .filter(|p| edition.is_none_or(|e| crate::store::EditionFilter::of(p.language) == e))
            .map(|p| page_json(&settings, p))
            .collect::<Vec<_>>(),
    })))
}

async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(mut request): ApiJson<PageRequest>,
) -> Result<Response, ApiError> {
    request.language =
        crate::editions::requested_language(request.language, &state.settings().language);
    let page = Pages::new(state.store.as_ref())
        .create(&request, &user, Timestamp::now())
        .await?;
    Ok(created(page_json(&state.settings(), &page)))
}

async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    may_change(&user)?;
    let page = Pages::new(state.store.as_ref())
        .get(parse_id(&id, "page")?)
        .await?;
    Ok(Json(page_json(&state.settings(), &page)))
}

async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(mut request): ApiJson<PageRequest>,
) -> Result<Json<Value>, ApiError> {
    request.language =
        crate::editions::requested_language(request.language, &state.settings().language);
    let page = Pages::new(state.store.as_ref())
        .update(parse_id(&id, "page")?, &request, &user, Timestamp::now())
        .await?;
    Ok(Json(page_json(&state.settings(), &page)))
}

async fn delete_page(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    Pages::new(state.store.as_ref())
        .delete(parse_id(&id, "page")?, &user, Timestamp::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn revisions(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    may_change(&user)?;
    let settings = state.settings();
    let revisions = Pages::new(state.store.as_ref())
        .revisions(parse_id(&id, "page")?)
        .await?;
    let items: Vec<Value> = revisions
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "version": r.version,
                "kind": r.kind,
                "saved_by": r.saved_by_name,
                "saved_at": time_json(&settings, Some(r.saved_at)),
                "title": r.snapshot.title,
                "slug": r.snapshot.slug,
                "body": r.snapshot.body,
            })
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

fn entry_json(item: &MenuItem) -> Value {
    let (target, url) = match &item.target {
        MenuTarget::Section(id) => (format!("section:{id}"), None),
        MenuTarget::Page(id) => (format!("page:{id}"), None),
        MenuTarget::Link(url) => ("link".to_owned(), Some(url.clone())),
    };
    json!({ "label": item.label, "target": target, "url": url })
}

async fn menu_json(state: &AppState, menu: Menu) -> Result<Value, ApiError> {
    let entries = menus::entries(state.store.as_ref(), menu).await?;
    let shown = state.memory.menus(state.store.as_ref()).await?;
    let links = match menu {
        Menu::Header => &shown.header,
        Menu::Footer => &shown.footer,
    };
    Ok(json!({
        "menu": menu.as_str(),
        "items": entries.iter().map(entry_json).collect::<Vec<_>>(),
        "links": links,
    }))
}

async fn list_menus(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Value>, ApiError> {
    may_change(&user)?;
    let mut items = Vec::new();
    for menu in Menu::ALL {
        items.push(menu_json(&state, menu).await?);
    }
    Ok(Json(json!({ "items": items })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MenuRequest {
    /// `header` or `footer`.
    menu: String,
    items: Vec<MenuEntryRequest>,
}

async fn replace_menu(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<MenuRequest>,
) -> Result<Json<Value>, ApiError> {
    let menu = Menu::parse(&request.menu).map_err(|e| {
        ApiError(AppError::Invalid(crate::domain::FieldErrors::single(
            "menu", e,
        )))
    })?;
    menus::save(
        state.store.as_ref(),
        menu,
        &request.items,
        &user,
        Timestamp::now(),
    )
    .await?;
    // The change was recorded; the menus read here are the new ones.
    state.memory.forget_sections();
    Ok(Json(menu_json(&state, menu).await?))
}
