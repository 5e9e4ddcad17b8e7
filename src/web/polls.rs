//! Reader polls (see `crate::polls`): the API (an editor attaches a poll, readers vote, move
//! or withdraw their vote), the poll's own page and the plain form post that work without
//! JavaScript, and the live update readers with the story open receive after each vote.
//! Votes never touch the page cache: a shared story page carries the question and the form
//! (final results once closed), and live totals come over the story's event stream.

use std::net::IpAddr;

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use jiff::Timestamp;
use serde::Deserialize;

use super::api::{ApiJson, ApiUser};
use super::limits::check_same_origin;
use super::reactions::{ClientIp, with_cookie};
use super::{ApiError, AppError, AppState, PageError};
use crate::domain::PollId;
use crate::polls::{self, PollRequest, Polls, VoteError};
use crate::store::{Article, Poll};

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/articles/{id}/polls", post(create_poll))
        .route("/polls/{id}", get(get_poll).delete(delete_poll))
        .route("/polls/{id}/vote", put(put_vote).delete(delete_vote))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/polls/{id}", get(poll_page))
        .route("/polls/{id}/vote", post(vote_form))
}

impl AppState {
    /// Tells readers with the story open, here and on the other instances, about a vote.
    pub fn announce_poll(&self, poll: &Poll, now: Timestamp) {
        let update = polls::live_update(poll, now);
        self.live.publish(poll.article_id, update.to_string());
        self.peers.tell(super::peers::Change::Poll {
            article_id: poll.article_id,
            poll_id: poll.id,
            update,
        });
    }
}

fn poll_not_found() -> AppError {
    AppError::not_found("A poll on a published story with this id")
}

fn poll_id(text: &str) -> Result<PollId, AppError> {
    PollId::parse(text).ok_or_else(poll_not_found)
}

async fn create_poll(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<PollRequest>,
) -> Result<Response, ApiError> {
    let article_id = crate::domain::parse_id(&id)
        .ok_or_else(|| ApiError(AppError::not_found("An article with this id")))?;
    let now = Timestamp::now();
    let poll = Polls::new(state.store.as_ref())
        .attach(article_id, &request, &user, now)
        .await?;
    let view = polls::newsroom_view(&poll, &state.settings(), now);
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

async fn delete_poll(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Polls::new(state.store.as_ref())
        .remove(poll_id(&id)?, &user)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The poll as this reader is shown it: votes hidden before voting if the poll says so.
async fn get_poll(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let now = Timestamp::now();
    let id = poll_id(&id)?;
    let (poll, _) = Polls::new(state.store.as_ref()).public(id, now).await?;
    let mine = match state.reader_keys.reader(&headers) {
        Some(reader) => state.store.reader_vote(id, &reader).await?,
        None => None,
    };
    let view = polls::view(&poll, mine, &state.settings(), now);
    Ok(with_cookie(Json(view).into_response(), None))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteRequest {
    option: i64,
}

/// Sets, moves or withdraws the caller's vote after the reader defences; answers like `GET`.
async fn change_vote(
    state: &AppState,
    id: &str,
    ip: IpAddr,
    headers: &HeaderMap,
    option: Option<i64>,
) -> Result<Response, ApiError> {
    check_same_origin(headers, &state.settings().base_url)
        .map_err(|message| ApiError(AppError::Forbidden(message)))?;
    let id = poll_id(id)?;
    state.check_reader_rate(ip, "votes")?;
    let (reader, cookie) = state.reader_keys.reader_or_new(headers);
    let now = Timestamp::now();
    let (poll, mine) = Polls::new(state.store.as_ref())
        .vote(id, &reader, option, now)
        .await?;
    state.announce_poll(&poll, now);
    // A vote changes no page: the totals travel live.
    state.changed_nothing();
    let view = polls::view(&poll, mine, &state.settings(), now);
    Ok(with_cookie(Json(view).into_response(), cookie))
}

async fn put_vote(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    ApiJson(request): ApiJson<VoteRequest>,
) -> Result<Response, ApiError> {
    change_vote(&state, &id, ip, &headers, Some(request.option)).await
}

async fn delete_vote(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    change_vote(&state, &id, ip, &headers, None).await
}

/// The poll's own page: the reader's vote and, when they may see them, the results; the
/// no-JavaScript path lands here after voting.
async fn poll_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let now = Timestamp::now();
    let id = poll_id(&id)?;
    let (poll, article) = Polls::new(state.store.as_ref()).public(id, now).await?;
    let mine = match state.reader_keys.reader(&headers) {
        Some(reader) => state.store.reader_vote(id, &reader).await?,
        None => None,
    };
    render_poll_page(&state, &poll, &article, mine, None, StatusCode::OK, now).await
}

async fn render_poll_page(
    state: &AppState,
    poll: &Poll,
    article: &Article,
    mine: Option<i64>,
    message: Option<String>,
    status: StatusCode,
    now: Timestamp,
) -> Result<Response, PageError> {
    let view = polls::view(poll, mine, &state.settings(), now);
    let edition = state.edition(article.language()).await?;
    let html = state
        .page(
            &edition,
            "poll.html",
            minijinja::context! {
                poll => view,
                story => minijinja::context! {
                    title => article.title.clone(),
                    url => crate::editions::story_path(article),
                },
                message,
            },
        )
        .await?;
    Ok(with_cookie((status, html).into_response(), None))
}

#[derive(Debug, Deserialize)]
struct VoteForm {
    #[serde(default)]
    option: Option<String>,
    #[serde(default)]
    withdraw: Option<String>,
}

/// The no-JavaScript path: a vote (or "Withdraw my vote") from the story or the poll's
/// page, then the poll's page with the reader's vote and the results.
async fn vote_form(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<VoteForm>, FormRejection>,
) -> Result<Response, PageError> {
    check_same_origin(&headers, &state.settings().base_url)
        .map_err(|message| PageError(AppError::Forbidden(message)))?;
    let now = Timestamp::now();
    let id = poll_id(&id)?;
    let rules = Polls::new(state.store.as_ref());
    let (poll, article) = rules.public(id, now).await?;
    let form = form.ok().map(|Form(form)| form);
    let withdraw = form.as_ref().is_some_and(|f| f.withdraw.is_some());
    let choice = form
        .as_ref()
        .and_then(|f| f.option.as_deref())
        .and_then(|o| o.trim().parse::<i64>().ok());
    let (reader, cookie) = state.reader_keys.reader_or_new(&headers);
    let locale = state.edition(article.language()).await?.locale;
    let refused = |message: &'static str, status: StatusCode| {
        refuse(
            &state,
            &poll,
            &article,
            &headers,
            locale.t(message),
            status,
            now,
        )
    };
    if !withdraw && choice.is_none() {
        return refused("poll-choose", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    state
        .check_reader_rate(ip, "votes")
        .map_err(|e| PageError(super::comments::slow_down_in(&locale, e)))?;
    let option = if withdraw { None } else { choice };
    match rules.vote(id, &reader, option, now).await {
        Ok((poll, _)) => {
            state.announce_poll(&poll, now);
            let location = format!("/polls/{}#poll-{}", poll.id, poll.id);
            let response = (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
            Ok(with_cookie(response, cookie))
        }
        Err(VoteError::Closed(_)) => refused("poll-has-closed", StatusCode::CONFLICT).await,
        Err(VoteError::NoSuchOption(_)) => {
            refused("poll-no-such-answer", StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(PageError(other.into())),
    }
}

/// The poll's page again with what was wrong, and the reader's vote as it stands.
async fn refuse(
    state: &AppState,
    poll: &Poll,
    article: &Article,
    headers: &HeaderMap,
    message: String,
    status: StatusCode,
    now: Timestamp,
) -> Result<Response, PageError> {
    let mine = match state.reader_keys.reader(headers) {
        Some(reader) => state.store.reader_vote(poll.id, &reader).await?,
        None => None,
    };
    render_poll_page(state, poll, article, mine, Some(message), status, now).await
}
