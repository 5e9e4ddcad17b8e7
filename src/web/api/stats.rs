//! `/api/v1/stats/…` and `/api/v1/articles/{id}/stats`: the newsroom's numbers for scripts
//! and the dashboard's live counter (see `crate::stats`). Editors and admins see the whole
//! site; others the stories they created.

use std::collections::HashMap;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures_util::stream::{self, StreamExt};
use jiff::Timestamp;

use super::{ApiUser, parse_id};
use crate::stats::{self, Viewer};
use crate::web::{ApiError, AppState};

/// How often the live counter's stream sends the latest figures.
pub const LIVE_EVERY: Duration = Duration::from_secs(5);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/stats/overview", get(overview))
        .route("/stats/live", get(live))
        .route("/articles/{id}/stats", get(article))
}

/// The host readers reach this site at, so links within it count as "this site".
pub(crate) fn own_host(state: &AppState) -> String {
    url::Url::parse(&state.settings().base_url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_owned())
        })
        .unwrap_or_default()
}

async fn overview(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<stats::Overview>, ApiError> {
    let settings = state.settings();
    let (from, to) = stats::window(
        query.get("from").map(String::as_str),
        query.get("to").map(String::as_str),
        Timestamp::now(),
        &settings.timezone,
    )?;
    let overview = stats::overview(
        state.store.as_ref(),
        Viewer::of(&user),
        from,
        to,
        &settings.timezone,
        &own_host(&state),
    )
    .await?;
    Ok(Json(overview))
}

async fn article(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<stats::StoryStats>, ApiError> {
    let id = parse_id(&id, "article")?;
    let settings = state.settings();
    let numbers = stats::story_for(
        state.store.as_ref(),
        &user,
        id,
        Timestamp::now(),
        &settings.timezone,
        &own_host(&state),
    )
    .await?;
    Ok(Json(numbers))
}

/// The reads of the last minutes: JSON once, or, for `Accept: text/event-stream` (the
/// dashboard's `EventSource`), a `right-now` event at once and every `LIVE_EVERY`.
async fn live(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let viewer = Viewer::of(&user);
    let wants_stream = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/event-stream"));
    if !wants_stream {
        let now = stats::right_now(state.store.as_ref(), viewer, Timestamp::now()).await?;
        return Ok(Json(now).into_response());
    }
    let mut shutdown = state.shutdown.clone();
    let ticks = stream::unfold((state, true), move |(state, first)| async move {
        if !first {
            tokio::time::sleep(LIVE_EVERY).await;
        }
        let figures = stats::right_now(state.store.as_ref(), viewer, Timestamp::now()).await;
        let event = match figures {
            Ok(figures) => Event::default()
                .event("right-now")
                .json_data(&figures)
                .unwrap_or_else(|_| Event::default().comment("unavailable")),
            Err(error) => {
                tracing::warn!(%error, "could not read the live counter");
                Event::default().comment("unavailable")
            }
        };
        Some((Ok::<_, Infallible>(event), (state, false)))
    })
    .take_until(async move {
        let _ = shutdown.wait_for(|stopping| *stopping).await;
    });
    Ok(Sse::new(ticks)
        .keep_alive(KeepAlive::default())
        .into_response())
}
