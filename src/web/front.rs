//! The front page's doors: `/api/v1/front`, the breaking-news banner and labels in the
//! API, the site-wide live stream every public page follows, and the banner as pages show
//! it. The rules are in `crate::front_page`.

use std::convert::Infallible;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use futures_util::{Stream, StreamExt, stream};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::api::{ApiJson, ApiUser};
use super::{ApiError, AppError, AppState, peers};
use crate::editions::Edition;
use crate::front_page::{FrontPage, PlacementRequest};
use crate::store::{Article, BreakingNews, Placement, StoreError, Translation};

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/front", get(get_front).put(put_front))
        .route("/breaking", get(get_breaking))
        .route(
            "/articles/{id}/breaking",
            put(put_breaking).delete(delete_breaking),
        )
        .route("/articles/{id}/label", put(put_label))
        .route("/live", get(site_live))
}

/// The banner as pages and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct BannerView {
    pub label: &'static str,
    pub article_id: i64,
    pub title: String,
    pub url: String,
    pub until: String,
    /// `until` as the newsroom reads it, in the site's zone.
    pub until_display: String,
}

impl BannerView {
    fn new(state: &AppState, banner: &BreakingNews, article: &Article) -> BannerView {
        BannerView::of(
            state,
            banner,
            article.id,
            &article.title,
            crate::editions::story_path(article),
        )
    }

    /// The banner as another edition shows it: the story's translation in its language.
    fn translated(state: &AppState, banner: &BreakingNews, story: &Translation) -> BannerView {
        BannerView::of(
            state,
            banner,
            story.article_id,
            &story.title,
            crate::editions::translation_path(story),
        )
    }

    fn of(
        state: &AppState,
        banner: &BreakingNews,
        article_id: i64,
        title: &str,
        url: String,
    ) -> BannerView {
        let settings = state.settings();
        BannerView {
            label: "Breaking",
            article_id,
            title: title.to_owned(),
            url,
            until: settings.timezone.format_rfc3339(banner.until),
            until_display: settings.dateline(banner.until),
        }
    }
}

impl AppState {
    /// The banner that is up now, with its own story (the newsroom's and the API's view).
    pub async fn breaking_banner(&self) -> Result<Option<BannerView>, StoreError> {
        Ok(self
            .memory
            .breaking(self.store.as_ref(), Timestamp::now())
            .await?
            .map(|(banner, article, _)| BannerView::new(self, &banner, &article)))
    }

    /// The banner an edition's pages show: the story itself in its own edition, its public
    /// translation in another, and nothing in an edition that has neither (a headline in a
    /// language the page is not in would be the only one on it).
    pub async fn breaking_banner_in(
        &self,
        edition: &Edition,
    ) -> Result<Option<BannerView>, StoreError> {
        let now = Timestamp::now();
        let Some((banner, article, translations)) =
            self.memory.breaking(self.store.as_ref(), now).await?
        else {
            return Ok(None);
        };
        if !edition.several || article.language() == edition.language {
            return Ok(Some(BannerView::new(self, &banner, &article)));
        }
        Ok(translations
            .iter()
            .find(|t| t.language == edition.language && t.is_public(now))
            .map(|t| BannerView::translated(self, &banner, t)))
    }

    /// What open pages are told of the banner: the default edition's (`breaking`) and, once
    /// the site has several, each edition's by the language its pages carry in `lang`
    /// (`editions`).
    async fn breaking_payload(&self) -> Result<Value, StoreError> {
        let default = self.edition(None).await?;
        let shown = self.breaking_banner_in(&default).await?;
        if !default.several {
            return Ok(json!({ "breaking": shown }));
        }
        let mut editions = serde_json::Map::new();
        editions.insert(default.code.clone(), json!(shown));
        for language in self.edition_languages().await?.iter() {
            let edition = self.edition(Some(*language)).await?;
            editions.insert(
                edition.code.clone(),
                json!(self.breaking_banner_in(&edition).await?),
            );
        }
        Ok(json!({ "breaking": shown, "editions": editions }))
    }

    /// Tells this instance's open pages what the banner is now.
    pub async fn announce_breaking(&self) {
        match self.breaking_payload().await {
            Ok(payload) => self.live.publish_site(payload.to_string()),
            Err(error) => tracing::warn!(%error, "could not read the breaking-news banner"),
        }
    }

    /// The banner went up or came down: pages everywhere are stale, and open pages here
    /// and on the other instances hear of it.
    pub async fn breaking_changed(&self) {
        self.pages_changed();
        self.peers.tell(peers::Change::Breaking);
        self.announce_breaking().await;
    }
}

fn parse_id(text: &str) -> Result<i64, ApiError> {
    crate::domain::parse_id(text)
        .ok_or_else(|| ApiError(AppError::NotFound(format!("There is no article {text}."))))
}

fn placements_json(state: &AppState, placements: &[Placement]) -> Value {
    let zone = state.settings();
    let slots: Vec<Value> = placements
        .iter()
        .map(|p| {
            let until = p.until.map(|at| zone.timezone.format_rfc3339(at));
            match p.slot {
                crate::store::Slot::Lead => {
                    json!({ "slot": "lead", "article_id": p.article_id, "until": until })
                }
                crate::store::Slot::Top => json!({
                    "slot": "top", "position": p.position, "article_id": p.article_id,
                    "until": until,
                }),
            }
        })
        .collect();
    json!({ "slots": slots })
}

/// The placement in force: what editors put where, until when.
async fn get_front(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let placements = FrontPage::new(state.store.as_ref())
        .active_placements(Timestamp::now())
        .await?;
    Ok(Json(placements_json(&state, &placements)))
}

async fn put_front(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<PlacementRequest>,
) -> Result<Json<Value>, ApiError> {
    let placements = FrontPage::new(state.store.as_ref())
        .replace(&request, &user, Timestamp::now())
        .await?;
    state.pages_changed();
    Ok(Json(placements_json(&state, &placements)))
}

async fn get_breaking(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!(state.breaking_banner().await?)))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BreakingRequest {
    until: Option<String>,
}

async fn put_breaking(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<BreakingRequest>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id)?;
    let (banner, article) = FrontPage::new(state.store.as_ref())
        .set_breaking(id, request.until.as_deref(), &user, Timestamp::now())
        .await?;
    state.breaking_changed().await;
    Ok(Json(json!(BannerView::new(&state, &banner, &article))))
}

/// Takes the banner down when it shows this story.
async fn delete_breaking(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = parse_id(&id)?;
    crate::front_page::may_run_front(&user)?;
    let current = state.store.breaking_news().await?;
    if current.is_some_and(|banner| banner.article_id == id) {
        FrontPage::new(state.store.as_ref())
            .clear_breaking(&user, Timestamp::now())
            .await?;
        state.breaking_changed().await;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelRequest {
    label: Option<String>,
}

async fn put_label(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<LabelRequest>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id)?;
    let label = FrontPage::new(state.store.as_ref())
        .set_label(id, request.label.as_deref(), &user)
        .await?;
    state.pages_changed();
    Ok(Json(json!({ "article_id": id, "label": label })))
}

/// Server-Sent Events for every public page: the banner now, then each change to it.
async fn site_live(
    State(state): State<AppState>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let updates = state.live.subscribe_site();
    let first = state.breaking_payload().await?.to_string();
    let later = stream::unfold(updates, |mut updates| async move {
        loop {
            match updates.recv().await {
                Ok(payload) => return Some((payload, updates)),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    let mut shutdown = state.shutdown.clone();
    let events = stream::once(async move { std::sync::Arc::<str>::from(first) })
        .chain(later)
        .map(|payload| Ok(Event::default().event("site").data(&*payload)))
        .take_until(async move {
            let _ = shutdown.wait_for(|stopping| *stopping).await;
        });
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}
