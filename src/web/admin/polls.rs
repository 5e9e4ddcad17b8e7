//! A story's reader polls in the newsroom (see `crate::polls`): build one, watch its
//! figures, close it early or remove it. Who may change the story may change its polls.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;

use super::super::session::SignedIn;
use super::{FormData, done, error_map, parse_id, render};
use crate::domain::{FieldErrors, PollId, Problem, SiteTimeZone};
use crate::i18n::Phrase;
use crate::newsroom::{NewsroomError, may_edit};
use crate::polls::{self, MAX_OPTION, MAX_OPTIONS, MAX_QUESTION, MIN_OPTIONS, PollRequest, Polls};
use crate::web::{AppState, PageError};

/// The form's values and problems when a poll was refused.
#[derive(Default)]
struct Shown {
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
}

async fn polls_page(
    state: &AppState,
    me: &SignedIn,
    article_id: i64,
    query: &HashMap<String, String>,
    shown: Shown,
    status: StatusCode,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(article_id).await?;
    may_edit(&me.user, &article).map_err(crate::web::AppError::from)?;
    let settings = state.settings();
    let now = Timestamp::now();
    let items: Vec<polls::PollView> = state
        .store
        .article_polls(article.id)
        .await?
        .iter()
        .map(|poll| polls::PollView {
            // When it closes, in the newsroom's language.
            closes_display: poll.closes_at.map(|at| settings.dateline(at)),
            ..polls::newsroom_view(poll, &settings, now)
        })
        .collect();
    render(
        state,
        Some(me),
        &me.csrf,
        "articles",
        "admin/polls.html",
        super::notice(query),
        minijinja::context! {
            article => minijinja::context! {
                id => article.id,
                title => article.title.clone(),
                url => article.is_public(now).then(|| crate::editions::story_path(&article)),
            },
            items,
            values => shown.values,
            errors => shown.errors,
            zone => settings.timezone.name().to_owned(),
            max_question => MAX_QUESTION,
            min_options => MIN_OPTIONS,
            max_option => MAX_OPTION,
            max_options => MAX_OPTIONS,
        },
        status,
    )
}

pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    polls_page(
        &state,
        &me,
        parse_id(&id)?,
        &query,
        Shown::default(),
        StatusCode::OK,
    )
    .await
}

/// The form as the API's request: one option per line, the closing time in the site's zone.
fn poll_request(form: &FormData, zone: &SiteTimeZone) -> Result<PollRequest, FieldErrors> {
    let closes_at = match form.get("closes_at").map(str::trim) {
        None | Some("") => None,
        Some(local) => {
            let parsed = local
                .parse::<jiff::civil::DateTime>()
                .ok()
                .and_then(|dt| dt.to_zoned(zone.zone().clone()).ok());
            match parsed {
                Some(zoned) => Some(zoned.timestamp().to_string()),
                None => {
                    return Err(FieldErrors::single(
                        "closes_at",
                        Problem::new(
                            format!("\"{local}\" is not a date and time, like 2026-07-17 18:00"),
                            Phrase::new("sto-poll-closes-unreadable").with("value", local),
                        ),
                    ));
                }
            }
        }
    };
    Ok(PollRequest {
        question: form.text("question"),
        options: form.text("options").lines().map(str::to_owned).collect(),
        closes_at,
        results_before_vote: Some(form.get("results_before_vote").is_some()),
    })
}

pub async fn create(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let article_id = parse_id(&id)?;
    let query = HashMap::new();
    let refused = |errors: &FieldErrors| Shown {
        values: form.values(),
        errors: error_map(errors, &state),
    };
    let request = match poll_request(&form, &state.settings().timezone) {
        Ok(request) => request,
        Err(errors) => {
            let shown = refused(&errors);
            return polls_page(
                &state,
                &me,
                article_id,
                &query,
                shown,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match Polls::new(state.store.as_ref())
        .attach(article_id, &request, &me.user, Timestamp::now())
        .await
    {
        Ok(_) => Ok(done(
            &format!("/admin/articles/{article_id}/polls"),
            "created",
        )),
        Err(NewsroomError::Invalid(errors)) => {
            let shown = refused(&errors);
            polls_page(
                &state,
                &me,
                article_id,
                &query,
                shown,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

fn poll_id(text: &str) -> Result<PollId, PageError> {
    parse_id(text).map(PollId)
}

pub async fn close(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let now = Timestamp::now();
    let poll = Polls::new(state.store.as_ref())
        .close(poll_id(&id)?, &me.user, now)
        .await?;
    // Readers with the story open see the final results at once.
    state.announce_poll(&poll, now);
    Ok(done(
        &format!("/admin/articles/{}/polls", poll.article_id),
        "saved",
    ))
}

pub async fn delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let poll = Polls::new(state.store.as_ref())
        .remove(poll_id(&id)?, &me.user)
        .await?;
    Ok(done(
        &format!("/admin/articles/{}/polls", poll.article_id),
        "deleted",
    ))
}
