//! The newsroom's numbers: `/admin/stats` (the dashboard) and `/admin/articles/{id}/stats`.
//! The figures come from `crate::stats`; charts are SVG drawn here from them.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::Response;
use jiff::Timestamp;
use minijinja::Value;

use super::{SignedIn, page, parse_id};
use crate::config::Settings;
use crate::i18n::DateStyle;
use crate::stats::{self, Viewer, chart};
use crate::web::api::stats::own_host;
use crate::web::{AppState, PageError};

/// Labels a bar every so often, so a 48-hour or 30-day axis stays legible on a phone.
fn chart(settings: &Settings, id: &str, title: &str, series: &stats::Series) -> Value {
    let every = match series.points.len() {
        0..=12 => 1,
        13..=31 => 7,
        _ => 12,
    };
    Value::from_safe_string(chart::bars(
        id,
        &settings.locale.t(title),
        &series.points,
        every,
        &settings.locale,
    ))
}

/// A series' bars labelled in the newsroom's language: the hour in its digits, the day
/// with the month's short name (`Dec 1`, `1 Des`).
fn in_language(settings: &Settings, series: &mut stats::Series) {
    let locale = &settings.locale;
    for point in &mut series.points {
        point.label = match point.at.parse::<Timestamp>() {
            Ok(at) if series.unit == "day" => locale.date(
                &at.to_zoned(settings.timezone.zone().clone()),
                DateStyle::ShortDay,
            ),
            _ => locale.digits(&point.label),
        };
    }
}

pub async fn dashboard(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let settings = state.settings();
    let viewer = Viewer::of(&me.user);
    let mut figures = stats::dashboard(
        state.store.as_ref(),
        viewer,
        Timestamp::now(),
        &settings.timezone,
        &own_host(&state),
    )
    .await?;
    for series in [
        &mut figures.hours,
        &mut figures.days,
        &mut figures.week.series,
    ] {
        in_language(&settings, series);
    }
    page(
        &state,
        &me,
        "stats",
        "admin/stats.html",
        &query,
        minijinja::context! {
            own_only => viewer != Viewer::Everyone,
            hours_chart => chart(&settings, "chart-hours", "adm-stats-hours-caption", &figures.hours),
            days_chart => chart(&settings, "chart-days", "adm-stats-days-caption", &figures.days),
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
    let mut figures = stats::story_for(
        state.store.as_ref(),
        &me.user,
        id,
        Timestamp::now(),
        &settings.timezone,
        &own_host(&state),
    )
    .await?;
    for series in [
        &mut figures.reads_over_time,
        &mut figures.last_48_hours,
        &mut figures.comments_over_time,
    ] {
        in_language(&settings, series);
    }
    let (reads_title, comments_title) = if figures.reads_over_time.unit == "hour" {
        (
            "adm-stats-chart-reads-hour",
            "adm-stats-chart-comments-hour",
        )
    } else {
        ("adm-stats-chart-reads-day", "adm-stats-chart-comments-day")
    };
    let reactions: Vec<Value> = settings
        .reactions
        .iter()
        .map(|kind| {
            minijinja::context! {
                label => super::super::reactions::reaction_label(&settings.locale, kind),
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
            reads_chart => chart(&settings, "chart-reads", reads_title, &figures.reads_over_time),
            hours_chart => chart(&settings, "chart-hours", "adm-stats-hours-caption", &figures.last_48_hours),
            comments_chart => chart(&settings, "chart-comments", comments_title, &figures.comments_over_time),
            reactions => reactions,
            zone => settings.timezone.name(),
            figures => figures,
        },
    )
}
