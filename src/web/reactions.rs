//! "What's Your Reaction?": the API (`GET`/`PUT`/`DELETE` on an article's reactions), the
//! live stream, and the plain form post that works without JavaScript.

use std::convert::Infallible;
use std::net::IpAddr;

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use futures_util::{Stream, StreamExt, stream};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::api::ApiJson;
use super::limits::{check_same_origin, client_ip};
use super::{ApiError, AppError, AppState, PageError};
use crate::config::ReactionOption;
use crate::domain::{FieldErrors, ReactionKind};
use crate::i18n::Locale;
use crate::store::{Article, ReactionCounts, StoreError};

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/articles/{id}/reactions",
            get(get_reactions).put(put_reaction).delete(delete_reaction),
        )
        .route("/articles/{id}/live", get(live))
}

pub fn page_routes() -> Router<AppState> {
    Router::new().route("/article/{slug}/react", post(react_form))
}

/// The client's address, for rate limits.
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let settings = state.settings();
        let proxies = settings
            .trust_forwarded_for
            .then_some(&settings.trusted_proxies);
        Ok(ClientIp(client_ip(parts, proxies)))
    }
}

/// One button of the widget, as the article page shows it.
#[derive(Debug, Serialize)]
pub struct ReactionButton {
    pub kind: String,
    pub label: String,
    pub emoji: String,
    pub count: i64,
    pub mine: bool,
}

impl AppState {
    /// Every configured reaction with its count, in the site's order.
    pub fn reaction_totals(&self, counts: &ReactionCounts) -> Map<String, Value> {
        self.settings()
            .reactions
            .iter()
            .map(|option| {
                let count = counts.get(option.kind.as_str()).copied().unwrap_or(0);
                (option.kind.to_string(), json!(count))
            })
            .collect()
    }

    /// The reaction buttons in `locale`'s words (the page's edition).
    pub fn reaction_buttons(
        &self,
        locale: &Locale,
        counts: &ReactionCounts,
        mine: Option<&str>,
    ) -> Vec<ReactionButton> {
        let settings = self.settings();
        settings
            .reactions
            .iter()
            .map(|option| ReactionButton {
                kind: option.kind.to_string(),
                label: reaction_label(locale, option),
                emoji: option.emoji.clone(),
                count: counts.get(option.kind.as_str()).copied().unwrap_or(0),
                mine: mine == Some(option.kind.as_str()),
            })
            .collect()
    }

    /// Tells readers with the article open about its new totals.
    pub fn announce_reactions(&self, article_id: i64, counts: &ReactionCounts) {
        self.cache.reactions_changed(article_id);
        let payload = json!({ "reactions": self.reaction_totals(counts) });
        self.live.publish(article_id, payload.to_string());
        self.peers.tell(super::peers::Change::Reactions {
            article_id,
            counts: counts.clone(),
        });
    }

    /// A reaction kind this site offers, or a message naming the ones it does.
    fn offered_kind(&self, text: &str) -> Result<ReactionKind, String> {
        let settings = self.settings();
        let offered: Vec<&str> = settings.reactions.iter().map(|o| o.kind.as_str()).collect();
        ReactionKind::parse(text)
            .ok()
            .filter(|kind| offered.contains(&kind.as_str()))
            .ok_or_else(|| {
                format!(
                    "\"{text}\" is not a reaction on this site; choose one of {}",
                    offered.join(", ")
                )
            })
    }

    fn check_reaction_rate(&self, ip: IpAddr) -> Result<(), AppError> {
        self.check_reader_rate(ip, "reactions")
    }

    /// Readers' quick writes (reactions, poll votes) share one allowance per connection;
    /// `what` names them in the refusal.
    pub(super) fn check_reader_rate(&self, ip: IpAddr, what: &str) -> Result<(), AppError> {
        self.reaction_limiter.check(ip).map_err(|wait| {
            let seconds = wait.as_secs().max(1);
            AppError::TooManyRequests {
                retry_after: seconds,
                message: format!(
                    "Too many {what} from your connection. Please wait {seconds} second(s) and try again."
                ),
            }
        })
    }
}

/// A reaction's label in the page's language: a shipped kind's message (`reaction-like`)
/// while the site keeps its English label, the site's own label once it sets another.
pub(super) fn reaction_label(locale: &Locale, option: &ReactionOption) -> String {
    let message = format!("reaction-{}", option.kind.as_str());
    let english = Locale::english();
    if english.has(&message) && english.t(&message) == option.label {
        locale.t(&message)
    } else {
        option.label.clone()
    }
}

/// A published article by the id in an API path, or a 404 that says so.
pub(super) async fn public_article(state: &AppState, id: &str) -> Result<Article, ApiError> {
    let not_found = || ApiError(AppError::not_found("A published article with this id"));
    let id = crate::domain::parse_id(id).ok_or_else(not_found)?;
    match state.store.article_by_id(id).await {
        Ok(article) if article.is_public(Timestamp::now()) => Ok(article),
        Ok(_) | Err(StoreError::NotFound) => Err(not_found()),
        Err(other) => Err(other.into()),
    }
}

fn reactions_json(state: &AppState, counts: &ReactionCounts, mine: Option<&str>) -> Value {
    json!({ "counts": state.reaction_totals(counts), "mine": mine })
}

/// Sets the reader cookie when one was made, and keeps a reader's own answer out of shared caches.
pub(super) fn with_cookie(mut response: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

async fn get_reactions(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let article = public_article(&state, &id).await?;
    let counts = state.store.reaction_counts(article.id).await?;
    let mine = match state.reader_keys.reader(&headers) {
        Some(reader) => state.store.reader_reaction(article.id, &reader).await?,
        None => None,
    };
    Ok(with_cookie(
        Json(reactions_json(&state, &counts, mine.as_deref())).into_response(),
        None,
    ))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReactionRequest {
    kind: String,
}

/// Sets or takes back the caller's reaction, after the abuse checks; answers like `GET`.
async fn change_reaction(
    state: &AppState,
    id: &str,
    ip: IpAddr,
    headers: &HeaderMap,
    kind: Option<&str>,
) -> Result<Response, ApiError> {
    check_same_origin(headers, &state.settings().base_url)
        .map_err(|message| ApiError(AppError::Forbidden(message)))?;
    // The store checks the article is public inside the write, so this hot path reads nothing first.
    let article_id = crate::domain::parse_id(id)
        .ok_or_else(|| ApiError(AppError::not_found("A published article with this id")))?;
    let kind = match kind {
        Some(text) => Some(state.offered_kind(text).map_err(|message| {
            ApiError(AppError::Invalid(FieldErrors::single("kind", message)))
        })?),
        None => None,
    };
    state.check_reaction_rate(ip)?;
    let (reader, cookie) = state.reader_keys.reader_or_new(headers);
    let counts = match state
        .store
        .set_reaction(article_id, &reader, kind.as_ref(), Timestamp::now())
        .await
    {
        Err(StoreError::NotFound) => {
            return Err(ApiError(AppError::not_found(
                "A published article with this id",
            )));
        }
        other => other?,
    };
    state.announce_reactions(article_id, &counts);
    let mine = kind.as_ref().map(ReactionKind::as_str);
    Ok(with_cookie(
        Json(reactions_json(state, &counts, mine)).into_response(),
        cookie,
    ))
}

async fn put_reaction(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    ApiJson(request): ApiJson<ReactionRequest>,
) -> Result<Response, ApiError> {
    change_reaction(&state, &id, ip, &headers, Some(&request.kind)).await
}

async fn delete_reaction(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    change_reaction(&state, &id, ip, &headers, None).await
}

/// Server-Sent Events with the article's reaction totals and approved comment count: both
/// at once, then each change (an update carries `reactions`, `comments` or both); on a
/// live blog, an `entry` event for each entry posted, edited or deleted.
async fn live(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let article = public_article(&state, &id).await?;
    let updates = state.live.subscribe(article.id);
    let counts = state.store.reaction_counts(article.id).await?;
    let comments = state.store.approved_comment_counts(&[article.id]).await?;
    let first = json!({
        "reactions": state.reaction_totals(&counts),
        "comments": comments.get(&article.id).copied().unwrap_or(0),
    })
    .to_string();
    let later = stream::unfold(updates, |mut updates| async move {
        loop {
            match updates.recv().await {
                Ok(message) => return Some(((message.event, message.data), updates)),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    // The site's news (the breaking-news banner) rides along, so an article page needs
    // one stream, not two.
    let site = stream::unfold(state.live.subscribe_site(), |mut updates| async move {
        loop {
            match updates.recv().await {
                Ok(payload) => return Some((("site", payload), updates)),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    let mut shutdown = state.shutdown.clone();
    let article =
        stream::once(async move { ("update", std::sync::Arc::<str>::from(first)) }).chain(later);
    let events = stream::select(article, site)
        .map(|(name, payload)| Ok(Event::default().event(name).data(&*payload)))
        .take_until(async move {
            let _ = shutdown.wait_for(|stopping| *stopping).await;
        });
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}

#[derive(Debug, Deserialize)]
struct ReactionForm {
    kind: String,
}

/// The no-JavaScript path: pressing a button sets that reaction, pressing the pressed one
/// takes it back, then the reader lands back at the widget.
async fn react_form(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<ReactionForm>, FormRejection>,
) -> Result<Response, PageError> {
    check_same_origin(&headers, &state.settings().base_url)
        .map_err(|message| PageError(AppError::Forbidden(message)))?;
    let article = match state
        .store
        .public_article_by_slug(&slug, Timestamp::now())
        .await
    {
        Err(StoreError::NotFound) => return Err(PageError(AppError::not_found("This story"))),
        other => other?,
    };
    let locale = state.edition(article.language()).await?.locale;
    let choose = locale.t("reaction-choose");
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(PageError(AppError::unreadable_body(
                rejection.status(),
                &rejection.body_text(),
                super::MAX_BODY_BYTES,
                &choose,
            )));
        }
        Err(_) => return Err(PageError(AppError::BadRequest(choose))),
    };
    let kind = state
        .offered_kind(&form.kind)
        .map_err(|_| PageError(AppError::BadRequest(choose)))?;
    state
        .check_reaction_rate(ip)
        .map_err(|e| PageError(super::comments::slow_down_in(&locale, e)))?;
    let (reader, cookie) = state.reader_keys.reader_or_new(&headers);
    let current = match cookie {
        Some(_) => None,
        None => state.store.reader_reaction(article.id, &reader).await?,
    };
    let choice = (current.as_deref() != Some(kind.as_str())).then_some(&kind);
    let counts = state
        .store
        .set_reaction(article.id, &reader, choice, Timestamp::now())
        .await?;
    state.announce_reactions(article.id, &counts);
    let location = format!("{}#reactions", crate::editions::story_path(&article));
    let response = (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
    Ok(with_cookie(response, cookie))
}
