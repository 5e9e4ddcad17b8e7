//! `/admin/front`: the home page's slots as readers see them, and plain forms to place,
//! reorder and remove stories, put one in the breaking-news banner and label stories.
//! Editors and admins only; every change is in the audit log (the rules write it).

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::super::session::SignedIn;
use super::{FormData, done, error_map, render, search_words};
use crate::domain::{ArticleStatus, FieldErrors, Problem};
use crate::front_page::{
    FrontPage, MAX_TOP, PlacementRequest, SPONSORED, SlotRequest, may_run_front,
};
use crate::i18n::Phrase;
use crate::newsroom::NewsroomError;
use crate::store::{Article, NewsroomFilter, Page, Placement, PublicFilter, Slot};
use crate::web::views::TimeView;
use crate::web::{AppError, AppState, PageError};

fn row(state: &AppState, article: &Article) -> Value {
    let settings = state.settings();
    json!({
        "id": article.id,
        "title": article.title,
        "url": crate::editions::story_path(article),
        "section": article.section.name,
        "label": article.label,
        "published": article.published_at.map(|at| TimeView::new(&settings, at)),
        "public": article.is_public(Timestamp::now()),
    })
}

fn forbidden(error: NewsroomError) -> PageError {
    PageError(AppError::from(error))
}

async fn desk_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let now = Timestamp::now();
    let front_page = FrontPage::new(state.store.as_ref());
    let front = front_page.compose(None, now).await?;
    let placements = front_page.active_placements(now).await?;
    let settings = state.settings();
    let until = |id: i64| -> Option<TimeView> {
        placements
            .iter()
            .find(|p| p.article_id == id)
            .and_then(|p| p.until)
            .map(|at| TimeView::new(&settings, at))
    };
    let slot = |article: &Article| {
        let mut value = row(state, article);
        value["placed"] = json!(front.placed.contains(&article.id));
        value["until"] = json!(until(article.id));
        value
    };
    let lead = front.lead.as_ref().map(slot);
    let top: Vec<Value> = front.top.iter().map(slot).collect();
    let words = search_words(query);
    let candidates: Vec<Value> = match &words {
        Some(words) => state
            .store
            .list_articles(
                NewsroomFilter {
                    edition: None,
                    status: Some(ArticleStatus::Published),
                    section_id: None,
                    search: Some(words),
                    source: None,
                },
                Page {
                    number: 1,
                    per_page: 12,
                },
            )
            .await?
            .items
            .iter()
            .map(|a| row(state, a))
            .collect(),
        None => state
            .store
            .latest_public_articles(PublicFilter::default(), 12, now)
            .await?
            .iter()
            .map(|a| row(state, a))
            .collect(),
    };
    let breaking = state.breaking_banner().await?.map(|banner| {
        let until = banner.until.parse::<Timestamp>().ok();
        let mut value = json!(banner);
        if let Some(until) = until {
            value["until_display"] = json!(settings.dateline(until));
        }
        value
    });
    let labels = front_page.labels().await?;
    let own_labels = state
        .store
        .site_value(crate::front_page::LABELS_KEY)
        .await?
        .unwrap_or_default();
    render(
        state,
        Some(me),
        &me.csrf,
        "front",
        "admin/front.html",
        super::notice(query),
        minijinja::context! {
            lead, top, candidates, breaking, labels, own_labels, errors,
            q => words,
            max_top => MAX_TOP,
            sponsored => SPONSORED,
        },
        status,
    )
}

pub async fn desk(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_run_front(&me.user).map_err(forbidden)?;
    desk_page(&state, &me, &query, HashMap::new(), StatusCode::OK).await
}

/// `until` from the form: hours from now, or none.
fn until_from(form: &FormData) -> Option<String> {
    let hours: i64 = form.get("hours")?.trim().parse().ok()?;
    (hours > 0).then(|| (Timestamp::now() + SignedDuration::from_hours(hours)).to_string())
}

fn as_requests(placements: &[Placement]) -> Vec<SlotRequest> {
    placements
        .iter()
        .map(|p| SlotRequest {
            slot: p.slot.as_str().to_owned(),
            position: Some(p.position),
            article_id: p.article_id,
            until: p.until.map(|at| at.to_string()),
        })
        .collect()
}

/// One change to the placement: `lead`, `top` (at `position`, or the first free one),
/// `remove`, `up`, `down`, `order` (the top stories' ids in their new order, from dragging)
/// or `release` (every story back to newest first).
pub async fn change(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    may_run_front(&me.user).map_err(forbidden)?;
    let now = Timestamp::now();
    let front_page = FrontPage::new(state.store.as_ref());
    let mut placements = front_page.active_placements(now).await?;
    let id = form
        .get("article_id")
        .and_then(|v| v.trim().parse::<i64>().ok());
    let action = form.text("action");
    let refuse = |english: &str, id: &'static str| {
        FieldErrors::single("article_id", Problem::new(english, Phrase::new(id)))
    };
    let result: Result<(), FieldErrors> = match (action.as_str(), id) {
        ("release", _) => {
            placements.clear();
            Ok(())
        }
        ("lead", Some(id)) => {
            placements.retain(|p| p.article_id != id && p.slot != Slot::Lead);
            placements.push(Placement {
                slot: Slot::Lead,
                position: 1,
                article_id: id,
                until: None,
            });
            Ok(())
        }
        ("top", Some(id)) => {
            placements.retain(|p| p.article_id != id);
            let wanted = form.get("position").and_then(|v| v.parse::<i64>().ok());
            let free = (1..=MAX_TOP).find(|n| {
                !placements
                    .iter()
                    .any(|p| p.slot == Slot::Top && p.position == *n)
            });
            match wanted.or(free) {
                Some(position) if (1..=MAX_TOP).contains(&position) => {
                    placements.retain(|p| !(p.slot == Slot::Top && p.position == position));
                    placements.push(Placement {
                        slot: Slot::Top,
                        position,
                        article_id: id,
                        until: None,
                    });
                    Ok(())
                }
                _ => Err(refuse(
                    "every top-story slot is taken; remove one first or choose its position",
                    "adm-refuse-top-full",
                )),
            }
        }
        ("order", _) => {
            // Top stories in the order dragged: each takes the next position, placed.
            let order: Vec<i64> = form
                .text("order")
                .split(',')
                .filter_map(|id| id.trim().parse::<i64>().ok())
                .collect();
            if order.is_empty() || order.len() > MAX_TOP as usize {
                Err(refuse(
                    "drag the top stories into the order you want",
                    "adm-refuse-order",
                ))
            } else {
                let until_of = |id: i64| {
                    placements
                        .iter()
                        .find(|p| p.article_id == id)
                        .and_then(|p| p.until)
                };
                let ordered: Vec<Placement> = order
                    .iter()
                    .enumerate()
                    .map(|(n, id)| Placement {
                        slot: Slot::Top,
                        position: i64::try_from(n).unwrap_or(0) + 1,
                        article_id: *id,
                        until: until_of(*id),
                    })
                    .collect();
                placements.retain(|p| p.slot == Slot::Lead && !order.contains(&p.article_id));
                placements.extend(ordered);
                Ok(())
            }
        }
        ("remove", Some(id)) => {
            placements.retain(|p| p.article_id != id);
            Ok(())
        }
        (direction @ ("up" | "down"), Some(id)) => {
            move_top(&state, &mut placements, id, direction == "up", now).await?;
            Ok(())
        }
        _ => Err(refuse(
            "choose a story and what to do with it",
            "adm-refuse-choose-action",
        )),
    };
    if let Err(errors) = result {
        return desk_page(
            &state,
            &me,
            &HashMap::new(),
            error_map(&errors, &state),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    // The "until" of the story just placed, when one was chosen.
    if let (Some(id), Some(until)) = (id, until_from(&form)) {
        let mut requests = as_requests(&placements);
        for request in &mut requests {
            if request.article_id == id {
                request.until = Some(until.clone());
            }
        }
        return save(&state, &me, requests).await;
    }
    save(&state, &me, as_requests(&placements)).await
}

async fn save(
    state: &AppState,
    me: &SignedIn,
    slots: Vec<SlotRequest>,
) -> Result<Response, PageError> {
    let result = FrontPage::new(state.store.as_ref())
        .replace(&PlacementRequest { slots }, &me.user, Timestamp::now())
        .await;
    match result {
        Ok(_) => {
            state.pages_changed();
            Ok(done("/admin/front", "saved"))
        }
        Err(NewsroomError::Invalid(errors)) => {
            desk_page(
                state,
                me,
                &HashMap::new(),
                error_map(&errors, state),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// Moves a top story one place up or down, among the stories readers see there (a story
/// that filled a slot by itself is placed where it lands).
async fn move_top(
    state: &AppState,
    placements: &mut Vec<Placement>,
    id: i64,
    up: bool,
    now: Timestamp,
) -> Result<(), PageError> {
    let front = FrontPage::new(state.store.as_ref())
        .compose(None, now)
        .await?;
    let shown: Vec<i64> = front.top.iter().map(|a| a.id).collect();
    let Some(from) = shown.iter().position(|a| *a == id) else {
        return Ok(());
    };
    let to = if up {
        from.checked_sub(1)
    } else {
        Some(from + 1).filter(|to| *to < shown.len())
    };
    let Some(to) = to else { return Ok(()) };
    let until_of = |article: i64| {
        placements
            .iter()
            .find(|p| p.article_id == article)
            .and_then(|p| p.until)
    };
    let (a, b) = (shown[from], shown[to]);
    let (until_a, until_b) = (until_of(a), until_of(b));
    let b_placed = front.placed.contains(&b);
    placements.retain(|p| p.article_id != a && p.article_id != b);
    let position = |index: usize| i64::try_from(index).unwrap_or(0) + 1;
    placements.retain(|p| {
        !(p.slot == Slot::Top && (p.position == position(from) || p.position == position(to)))
    });
    placements.push(Placement {
        slot: Slot::Top,
        position: position(to),
        article_id: a,
        until: until_a,
    });
    if b_placed {
        placements.push(Placement {
            slot: Slot::Top,
            position: position(from),
            article_id: b,
            until: until_b,
        });
    }
    Ok(())
}

/// Puts a story in the breaking-news banner for some hours, or takes the banner down.
pub async fn breaking(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    may_run_front(&me.user).map_err(forbidden)?;
    let front_page = FrontPage::new(state.store.as_ref());
    let now = Timestamp::now();
    if form.get("action") == Some("clear") {
        front_page.clear_breaking(&me.user, now).await?;
        state.breaking_changed().await;
        return Ok(done("/admin/front", "saved"));
    }
    let id = form
        .get("article_id")
        .and_then(|v| v.trim().parse::<i64>().ok());
    let result = match id {
        Some(id) => {
            let until = until_from(&form);
            front_page
                .set_breaking(id, until.as_deref(), &me.user, now)
                .await
                .map(|_| ())
        }
        None => Err(NewsroomError::Invalid(FieldErrors::single(
            "article_id",
            Problem::new(
                "choose the story that is breaking",
                Phrase::new("adm-refuse-choose-breaking"),
            ),
        ))),
    };
    match result {
        Ok(()) => {
            state.breaking_changed().await;
            Ok(done("/admin/front", "saved"))
        }
        Err(NewsroomError::Invalid(errors)) => {
            desk_page(
                &state,
                &me,
                &HashMap::new(),
                error_map(&errors, &state),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// Sets a story's label (or none), or the site's own labels.
pub async fn label(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    may_run_front(&me.user).map_err(forbidden)?;
    let front_page = FrontPage::new(state.store.as_ref());
    let result = match form.get("labels") {
        Some(text) => front_page.set_own_labels(text, &me.user).await,
        None => match form
            .get("article_id")
            .and_then(|v| v.trim().parse::<i64>().ok())
        {
            Some(id) => front_page
                .set_label(id, form.get("label"), &me.user)
                .await
                .map(|_| ()),
            None => Err(NewsroomError::Invalid(FieldErrors::single(
                "label",
                Problem::new(
                    "choose the story to label",
                    Phrase::new("adm-refuse-choose-label"),
                ),
            ))),
        },
    };
    match result {
        Ok(()) => {
            state.pages_changed();
            Ok(done("/admin/front", "saved"))
        }
        Err(NewsroomError::Invalid(errors)) => {
            desk_page(
                &state,
                &me,
                &HashMap::new(),
                error_map(&errors, &state),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}
