//! The public record of corrections and clarifications, newest first: `/corrections`.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use jiff::Timestamp;

use super::discovery::CORRECTIONS_PATH;
use super::public::{page_number, pagination, showing};
use super::views::{self, NoteView};
use super::{AppError, AppState, PageError};
use crate::changes::{List, Shows};
use crate::store::Page;

/// Notes per page of the record.
const PER_PAGE: u32 = 20;

pub fn routes() -> Router<AppState> {
    Router::new().route(CORRECTIONS_PATH, get(corrections_page))
}

async fn corrections_page(
    State(state): State<AppState>,
    edition: crate::editions::Edition,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let number = page_number(&query)?;
    let page = Page {
        number,
        per_page: PER_PAGE,
    };
    let record = state
        .store
        .public_corrections(page, Timestamp::now())
        .await?;
    if record.items.is_empty() && number > 1 {
        return Err(PageError(AppError::not_found("This page of corrections")));
    }
    let settings = state.settings_for(&edition);
    let mut shows = Shows::default();
    shows.list(List::Corrections);
    let notes: Vec<minijinja::Value> = record
        .items
        .iter()
        .map(|item| {
            shows.stories.insert(item.correction.article_id);
            minijinja::context! {
                note => NoteView::new(&settings, &item.correction),
                title => item.article_title.clone(),
                url => views::article_path(&item.article_slug),
            }
        })
        .collect();
    let pagination = pagination(CORRECTIONS_PATH, number, PER_PAGE, record.total);
    let canonical = if number == 1 {
        CORRECTIONS_PATH.to_owned()
    } else {
        format!("{CORRECTIONS_PATH}?page={number}")
    };
    let json_ld = vec![super::discovery::script_safe(
        &super::discovery::breadcrumbs(
            &settings,
            &[("Corrections".to_owned(), CORRECTIONS_PATH.to_owned())],
        ),
    )];
    let html = state
        .page(
            &edition,
            "corrections.html",
            minijinja::context! { notes, pagination, canonical, json_ld, total => record.total },
        )
        .await?;
    Ok(showing(html, shows))
}
