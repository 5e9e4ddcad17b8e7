//! `/admin/articles/{id}/live`: the live-blog composer a reporter uses from the field,
//! on a phone: post an update (with a key-event title, a pin, a library photo), edit,
//! pin or delete earlier ones, and close or reopen the coverage. Plain forms; the rules
//! are `crate::live_blog`'s, so the API and this page behave the same.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::super::live_blog::EntryAction;
use super::super::media::MediaView;
use super::super::session::SignedIn;
use super::{FormData, done, error_map, parse_id, render};
use crate::domain::{FieldErrors, Problem};
use crate::i18n::Phrase;
use crate::live_blog::{CoverageRequest, EntryRequest, LiveBlog};
use crate::newsroom::NewsroomError;
use crate::store::{Article, EntryOrder, LiveEntry, Page};
use crate::web::views::TimeView;
use crate::web::{AppError, AppState, PageError};

/// Entries listed under the composer, newest first.
const LISTED: u32 = 50;
/// Library photos offered, newest first.
const PHOTOS: u32 = 12;

fn path(id: i64) -> String {
    format!("/admin/articles/{id}/live")
}

fn entry_row(state: &AppState, entry: &LiveEntry) -> Value {
    let settings = state.settings();
    json!({
        "id": entry.id,
        "title": entry.title,
        "excerpt": crate::markdown::plain_text(&entry.body, 160),
        "key_event": entry.key_event,
        "pinned": entry.pinned,
        "has_photo": entry.media_id.is_some(),
        "author": entry.author_name,
        "time": TimeView::new(&settings, entry.created_at),
    })
}

async fn composer_page(
    state: &AppState,
    me: &SignedIn,
    article: &Article,
    query: &HashMap<String, String>,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let store = state.store.as_ref();
    let coverage = store.coverage(article.id).await?;
    let entries = store
        .entries(article.id, EntryOrder::NewestFirst, 0, LISTED)
        .await?;
    let (total, _) = store.entry_totals(article.id).await?;
    let photos = store
        .list_media(
            None,
            Page {
                number: 1,
                per_page: PHOTOS,
            },
        )
        .await?;
    // Editing: the entry's words in the form, unless a refused save brought its own.
    let editing = query
        .get("edit")
        .and_then(|id| crate::domain::parse_id(id))
        .or_else(|| {
            values
                .get("entry_id")
                .and_then(|id| crate::domain::parse_id(id))
        });
    let mut values = values;
    if let Some(id) = editing
        && values.is_empty()
    {
        let entry = store.entry(article.id, id).await.map_err(|e| match e {
            crate::store::StoreError::NotFound => {
                PageError(AppError::NotFound(format!("This story has no entry {id}.")))
            }
            other => PageError(other.into()),
        })?;
        values.insert("entry_id".into(), id.to_string());
        values.insert("body".into(), entry.body.clone());
        values.insert("title".into(), entry.title.clone().unwrap_or_default());
        if entry.key_event {
            values.insert("key_event".into(), "on".into());
        }
        if entry.pinned {
            values.insert("pinned".into(), "on".into());
        }
        if let Some(media) = entry.media_id {
            values.insert("media_id".into(), media.to_string());
        }
    }
    let settings = state.settings();
    render(
        state,
        Some(me),
        &me.csrf,
        "articles",
        "admin/live.html",
        super::notice(query),
        minijinja::context! {
            article => json!({
                "id": article.id,
                "title": article.title,
                "url": crate::editions::story_path(article),
                "public": article.is_public(Timestamp::now()),
            }),
            live => coverage.ended_at.is_none(),
            ended => coverage.ended_at.map(|at| TimeView::new(&settings, at)),
            order => coverage.order,
            entries => entries.iter().map(|e| entry_row(state, e)).collect::<Vec<_>>(),
            total,
            listed => LISTED,
            photos => photos.items.iter().map(|m| MediaView::new(state, m)).collect::<Vec<_>>(),
            editing,
            values,
            errors,
        },
        status,
    )
}

/// The story, if this member may post to its live blog.
async fn story(state: &AppState, me: &SignedIn, id: &str) -> Result<Article, PageError> {
    let id = parse_id(id)?;
    LiveBlog::new(state.store.as_ref())
        .story_for(id, &me.user)
        .await
        .map_err(|e| match e {
            NewsroomError::NotFound => PageError(AppError::not_found("This story")),
            other => PageError(other.into()),
        })
}

pub async fn composer(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let article = story(&state, &me, &id).await?;
    composer_page(
        &state,
        &me,
        &article,
        &query,
        HashMap::new(),
        HashMap::new(),
        StatusCode::OK,
    )
    .await
}

/// The composer's form as an entry request: a box not ticked is `false`, no photo chosen
/// is none.
fn entry_request(form: &FormData) -> EntryRequest {
    EntryRequest {
        body: Some(form.text("body")),
        title: Some(form.text("title")),
        key_event: Some(form.get("key_event").is_some()),
        pinned: Some(form.get("pinned").is_some()),
        media_id: Some(
            form.get("media_id")
                .and_then(|id| crate::domain::parse_id(id.trim())),
        ),
    }
}

fn entry_id(form: &FormData) -> Result<i64, PageError> {
    form.get("entry_id")
        .and_then(|id| crate::domain::parse_id(id.trim()))
        .ok_or_else(|| {
            PageError(AppError::BadRequest(
                "Which entry? The form named none.".into(),
            ))
        })
}

/// One change from the composer: `post` a new entry, `save` an edited one, `pin`,
/// `unpin` or `delete` one, set the `order`, `end` or `reopen` the coverage.
pub async fn change(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let article = story(&state, &me, &id).await?;
    let blog = LiveBlog::new(state.store.as_ref());
    let now = Timestamp::now();
    let here = path(article.id);
    let action = form.text("action");
    let result: Result<&str, NewsroomError> = match action.as_str() {
        "post" => match blog
            .post(article.id, &entry_request(&form), &me.user, now)
            .await
        {
            Ok(entry) => {
                state
                    .announce_entry(article.id, entry.id, EntryAction::New)
                    .await;
                Ok("posted")
            }
            Err(error) => Err(error),
        },
        "save" | "pin" | "unpin" => {
            let entry_id = entry_id(&form)?;
            let request = match action.as_str() {
                "save" => entry_request(&form),
                flag => EntryRequest {
                    pinned: Some(flag == "pin"),
                    ..Default::default()
                },
            };
            match blog
                .edit(article.id, entry_id, &request, &me.user, now)
                .await
            {
                Ok(_) => {
                    state
                        .announce_entry(article.id, entry_id, EntryAction::Edited)
                        .await;
                    Ok(if action == "save" {
                        "entry-saved"
                    } else {
                        "saved"
                    })
                }
                Err(error) => Err(error),
            }
        }
        "delete" => {
            let entry_id = entry_id(&form)?;
            match blog.delete(article.id, entry_id, &me.user, now).await {
                Ok(()) => {
                    state
                        .announce_entry(article.id, entry_id, EntryAction::Deleted)
                        .await;
                    Ok("entry-deleted")
                }
                Err(error) => Err(error),
            }
        }
        "order" | "end" | "reopen" => {
            let request = CoverageRequest {
                order: (action == "order").then(|| form.text("order")),
                ended: match action.as_str() {
                    "end" => Some(true),
                    "reopen" => Some(false),
                    _ => None,
                },
            };
            let ended = request.ended.is_some();
            match blog.set_coverage(article.id, &request, &me.user, now).await {
                Ok(_) if ended => {
                    state.announce_coverage(article.id).await;
                    Ok(if action == "end" { "ended" } else { "reopened" })
                }
                Ok(_) => Ok("saved"),
                Err(error) => Err(error),
            }
        }
        other => Err(NewsroomError::Invalid(FieldErrors::single(
            "action",
            Problem::new(
                format!("\"{other}\" is not something the composer does"),
                Phrase::new("sto-live-unknown-action").with("value", other),
            ),
        ))),
    };
    match result {
        Ok(what) => Ok(done(&here, what)),
        Err(NewsroomError::Invalid(errors)) => {
            let mut values = form.values();
            values.remove("csrf");
            values.remove("action");
            composer_page(
                &state,
                &me,
                &article,
                &HashMap::new(),
                values,
                error_map(&errors, &state),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(NewsroomError::NotFound) => Err(PageError(AppError::NotFound(
            "That entry is no longer in this live blog: someone may have deleted it.".into(),
        ))),
        Err(other) => Err(PageError(other.into())),
    }
}
