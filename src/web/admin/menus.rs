//! The header and footer menus in the newsroom (admins): one plain form per menu, its
//! entries in order, each with a position, up and down buttons, and a box to remove it,
//! and a blank entry to add one. Works without scripts, on a phone too.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::super::session::SignedIn;
use super::{FormData, done, error_map, render, require_admin};
use crate::newsroom::NewsroomError;
use crate::pages::menus::{self, MAX_ITEMS, MAX_LABEL, MenuEntryRequest};
use crate::store::{Menu, MenuItem, MenuTarget};
use crate::web::{AppState, PageError};

fn request_of(item: &MenuItem) -> MenuEntryRequest {
    let (target, url) = match &item.target {
        MenuTarget::Section(id) => (format!("section:{id}"), String::new()),
        MenuTarget::Page(id) => (format!("page:{id}"), String::new()),
        MenuTarget::Link(url) => ("link".to_owned(), url.clone()),
    };
    MenuEntryRequest {
        label: item.label.clone(),
        target,
        url: Some(url),
    }
}

/// What one menu's form shows: its entries, and the problems of a refused save.
struct Shown {
    entries: Vec<MenuEntryRequest>,
    errors: HashMap<String, String>,
}

async fn menus_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    refused: Option<(Menu, Shown)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let store = state.store.as_ref();
    let sections: Vec<Value> = store
        .list_sections()
        .await?
        .iter()
        .map(|s| json!({ "value": format!("section:{}", s.id), "label": s.name }))
        .collect();
    let pages: Vec<Value> = store
        .list_pages()
        .await?
        .iter()
        .map(|p| json!({ "value": format!("page:{}", p.id), "label": p.title }))
        .collect();
    let mut forms = Vec::new();
    for menu in Menu::ALL {
        let shown = match &refused {
            Some((m, shown)) if *m == menu => Shown {
                entries: shown.entries.clone(),
                errors: shown.errors.clone(),
            },
            _ => Shown {
                entries: menus::entries(store, menu)
                    .await?
                    .iter()
                    .map(request_of)
                    .collect(),
                errors: HashMap::new(),
            },
        };
        forms.push(json!({
            "menu": menu.as_str(),
            "entries": shown.entries,
            "errors": shown.errors,
        }));
    }
    render(
        state,
        Some(me),
        &me.csrf,
        "menus",
        "admin/menus.html",
        super::notice(query),
        minijinja::context! {
            forms,
            sections,
            pages,
            max_label => MAX_LABEL,
            max_items => MAX_ITEMS,
        },
        status,
    )
}

pub async fn show(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    menus_page(&state, &me, &query, None, StatusCode::OK).await
}

/// The entries a menu form sent, in the order asked for: by position, then as listed,
/// with a `move` button's step applied and removed or blank entries left out.
fn entries_of(form: &FormData) -> Vec<MenuEntryRequest> {
    let rows: usize = form
        .text("rows")
        .trim()
        .parse::<usize>()
        .unwrap_or(0)
        .min(MAX_ITEMS + 1);
    let mut listed: Vec<(i64, usize, MenuEntryRequest)> = Vec::new();
    // Row `rows` is the blank one for a new entry.
    for n in 0..=rows {
        let target = form.text(&format!("target-{n}"));
        if target.trim().is_empty() || form.get(&format!("remove-{n}")).is_some() {
            continue;
        }
        let position = form
            .text(&format!("position-{n}"))
            .trim()
            .parse::<i64>()
            .unwrap_or(n as i64 + 1);
        listed.push((
            position,
            n,
            MenuEntryRequest {
                label: Some(form.text(&format!("label-{n}"))),
                target,
                url: Some(form.text(&format!("url-{n}"))),
            },
        ));
    }
    listed.sort_by_key(|(position, n, _)| (*position, *n));
    let moved = form.text("move");
    if let Some((row, step)) = moved.split_once('-')
        && let Ok(row) = row.parse::<usize>()
        && let Some(at) = listed.iter().position(|(_, n, _)| *n == row)
    {
        match step {
            "up" if at > 0 => listed.swap(at, at - 1),
            "down" if at + 1 < listed.len() => listed.swap(at, at + 1),
            _ => {}
        }
    }
    listed.into_iter().map(|(_, _, entry)| entry).collect()
}

pub async fn save(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let menu = Menu::parse(&form.text("menu"))
        .map_err(|e| PageError(crate::web::AppError::BadRequest(format!("{e}."))))?;
    let entries = entries_of(&form);
    match menus::save(
        state.store.as_ref(),
        menu,
        &entries,
        &me.user,
        Timestamp::now(),
    )
    .await
    {
        Ok(_) => Ok(done("/admin/menus", "saved")),
        Err(NewsroomError::Invalid(errors)) => {
            let shown = Shown {
                entries,
                errors: error_map(&errors, &state),
            };
            menus_page(
                &state,
                &me,
                &HashMap::new(),
                Some((menu, shown)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(PageError(other.into())),
    }
}
