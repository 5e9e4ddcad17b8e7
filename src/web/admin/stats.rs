//! The newsroom's numbers: `/admin/stats` (the dashboard) and `/admin/articles/{id}/stats`.
//! The figures come from `crate::stats`; charts are SVG drawn here from them.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::Response;
use jiff::Timestamp;
use minijinja::Value;

use super::{SignedIn, page, parse_id};
use crate::stats::{self, Viewer, chart};
use crate::web::api::stats::own_host;
use crate::web::{AppState, PageError};

/// Labels a bar every so often, so a 48-hour or 30-day axis stays legible on a phone.
fn chart(id: &str, title: &str, series: &stats::Series) -> Value {
    let every = match series.points.len() {
        0..=12 => 1,
        13..=31 => 7,
        _ => 12,
    };
    Value::from_safe_string(chart::bars(id, title, &series.points, every))
}

pub async fn dashboard(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let settings = state.settings();
    let viewer = Viewer::of(&me.user);
    let figures = stats::dashboard(
        state.store.as_ref(),
        viewer,
        Timestamp::now(),
        &settings.timezone,
        &own_host(&state),
    )
    .await?;
    page(
        &state,
        &me,
        "stats",
        "admin/stats.html",
        &query,
        minijinja::context! {
            own_only => viewer != Viewer::Everyone,
            hours_chart => chart("chart-hours", "Reads per hour, last 48 hours", &figures.hours),
            days_chart => chart("chart-days", "Reads per day, last 30 days", &figures.days),
            zone => settings.timezone.name(),
            figures => figures,
        },
    )
}

pub async fn article(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let settings = state.settings();
    let figures = stats::story_for(
        state.store.as_ref(),
        &me.user,
        id,
        Timestamp::now(),
        &settings.timezone,
        &own_host(&state),
    )
    .await?;
    let unit = if figures.reads_over_time.unit == "hour" {
        "hour"
    } else {
        "day"
    };
    let reactions: Vec<Value> = settings
        .reactions
        .iter()
        .map(|kind| {
            minijinja::context! {
                label => kind.label.clone(),
                emoji => kind.emoji.clone(),
                count => figures.reactions.get(kind.kind.as_str()).copied().unwrap_or(0),
            }
        })
        .collect();
    page(
        &state,
        &me,
        "stats",
        "admin/story_stats.html",
        &query,
        minijinja::context! {
            reads_chart => chart("chart-reads", &format!("Reads per {unit} since publication"), &figures.reads_over_time),
            hours_chart => chart("chart-hours", "Reads per hour, last 48 hours", &figures.last_48_hours),
            comments_chart => chart("chart-comments", &format!("Approved comments per {unit}"), &figures.comments_over_time),
            reactions => reactions,
            zone => settings.timezone.name(),
            figures => figures,
        },
    )
}
