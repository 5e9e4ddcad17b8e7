//! Newsroom sign-in for browsers: a session named by a random token in an HttpOnly cookie
//! (only its hash is stored), and the CSRF token every state-changing request must carry.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::{SignedDuration, Timestamp};

use super::reader::cookie;
use super::{AppError, AppState, PageError};
use crate::auth;
use crate::store::{StoreError, User};

pub const SESSION_COOKIE: &str = "nd_session";
/// Before sign-in, forms are bound to this random cookie instead of a session.
pub const CSRF_COOKIE: &str = "nd_csrf";
pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";
const SESSION_DAYS: i64 = 30;
/// The largest admin form body read; an article's body is at most 200,000 characters.
pub const MAX_FORM_BYTES: usize = 4 * 1024 * 1024;

/// The session token the browser holds, if it holds one of ours.
fn session_token(headers: &HeaderMap) -> Option<&str> {
    cookie(headers, SESSION_COOKIE).filter(|t| t.starts_with("ndt_") && t.len() < 200)
}

/// What this browser's CSRF token is bound to: its session, or before sign-in its
/// `nd_csrf` cookie.
fn csrf_binding(headers: &HeaderMap) -> Option<String> {
    session_token(headers)
        .map(|t| format!("session:{t}"))
        .or_else(|| {
            cookie(headers, CSRF_COOKIE)
                .filter(|c| c.len() >= 32 && c.len() < 200)
                .map(|c| format!("visitor:{c}"))
        })
}

/// The CSRF token for this browser's forms, and a cookie to set when it has nothing yet
/// to bind the token to.
pub fn csrf_for(state: &AppState, headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    if let Some(binding) = csrf_binding(headers) {
        return (state.reader_keys.csrf_token(&binding), None);
    }
    let visitor = auth::new_api_token();
    let token = state.reader_keys.csrf_token(&format!("visitor:{visitor}"));
    let cookie = cookie_header(
        CSRF_COOKIE,
        &visitor,
        "/admin",
        None,
        state.reader_keys.secure(),
    );
    (token, Some(cookie))
}

fn csrf_valid(state: &AppState, headers: &HeaderMap, presented: Option<&str>) -> bool {
    match (csrf_binding(headers), presented) {
        (Some(binding), Some(token)) => state.reader_keys.csrf_matches(&binding, token),
        _ => false,
    }
}

fn cookie_header(
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<i64>,
    secure: bool,
) -> HeaderValue {
    let mut text = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax");
    if let Some(seconds) = max_age {
        text.push_str(&format!("; Max-Age={seconds}"));
    }
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("nd_bad=; Max-Age=0"))
}

/// The signed-in member of the newsroom, if the request's session is valid.
pub async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<Option<User>, AppError> {
    let Some(token) = session_token(headers) else {
        return Ok(None);
    };
    match state
        .store
        .user_by_session(&auth::token_hash(token), Timestamp::now())
        .await
    {
        Ok(user) => Ok(Some(user)),
        Err(StoreError::NotFound) => Ok(None),
        Err(other) => Err(other.into()),
    }
}

/// Starts a session for `user`; answers the cookie that holds it.
pub async fn start_session(state: &AppState, user: &User) -> Result<HeaderValue, AppError> {
    let token = auth::new_api_token();
    let now = Timestamp::now();
    let expires = now + SignedDuration::from_hours(24 * SESSION_DAYS);
    state
        .store
        .create_session(user.id, &auth::token_hash(&token), now, expires)
        .await?;
    Ok(cookie_header(
        SESSION_COOKIE,
        &token,
        "/",
        Some(SESSION_DAYS * 24 * 3600),
        state.reader_keys.secure(),
    ))
}

/// Ends this browser's session; answers the cookie that forgets it.
pub async fn end_session(state: &AppState, headers: &HeaderMap) -> Result<HeaderValue, AppError> {
    if let Some(token) = session_token(headers) {
        state.store.delete_session(&auth::token_hash(token)).await?;
    }
    Ok(cookie_header(
        SESSION_COOKIE,
        "",
        "/",
        Some(0),
        state.reader_keys.secure(),
    ))
}

/// A signed-in member of the newsroom and the CSRF token for the forms shown to them.
/// Without a session, a page request is sent to the sign-in page.
pub struct SignedIn {
    pub user: User,
    pub csrf: String,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match signed_in(state, &parts.headers).await {
            Ok(Some(user)) => {
                let (csrf, _) = csrf_for(state, &parts.headers);
                Ok(SignedIn { user, csrf })
            }
            Ok(None) => {
                // Inside the nested `/admin` router the URI has lost its prefix.
                let uri = parts
                    .extensions
                    .get::<axum::extract::OriginalUri>()
                    .map_or(&parts.uri, |original| &original.0);
                let next = uri
                    .path_and_query()
                    .map(|pq| pq.as_str())
                    .unwrap_or("/admin");
                let target = format!(
                    "/admin/login?next={}",
                    form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
                );
                Err(Redirect::to(&target).into_response())
            }
            Err(error) => Err(PageError(error).into_response()),
        }
    }
}

/// The user a browser session names for an API call, checked like a form: a state-changing
/// call must come from this site and carry the session's CSRF token in `X-CSRF-Token`.
pub async fn api_session_user(state: &AppState, parts: &Parts) -> Result<Option<User>, AppError> {
    let Some(user) = signed_in(state, &parts.headers).await? else {
        return Ok(None);
    };
    if changes_state(&parts.method) {
        refuse_foreign(state, &parts.headers)?;
        let presented = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
        if !csrf_valid(state, &parts.headers, presented) {
            return Err(AppError::Forbidden(
                "A change made with a browser session must carry the page's CSRF token in the \
                 X-CSRF-Token header; API scripts use a bearer token instead."
                    .into(),
            ));
        }
    }
    Ok(Some(user))
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn refuse_foreign(state: &AppState, headers: &HeaderMap) -> Result<(), AppError> {
    super::limits::check_same_origin(headers, &state.settings().base_url).map_err(|_| {
        AppError::Forbidden(
            "This request came from another website, so it was refused. Open the newsroom on \
             this site and try again."
                .into(),
        )
    })
}

/// Every state-changing request to `/admin` must come from this site and carry the CSRF
/// token of the browser that sends it, in the form's `csrf` field or the `X-CSRF-Token`
/// header. Refusals are 403 with a page that says what to do.
pub async fn require_csrf(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !changes_state(request.method()) {
        return next.run(request).await;
    }
    if let Err(error) = refuse_foreign(&state, request.headers()) {
        return PageError(error).into_response();
    }
    let (parts, body) = request.into_parts();
    let is_multipart = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if is_multipart {
        // Uploads are not read here (they may be large): the token comes in the header
        // (scripts) or, for a plain form, in the form's address.
        let presented = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .or_else(|| {
                form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
                    .find(|(key, _)| key == CSRF_FIELD)
                    .map(|(_, value)| value.into_owned())
            });
        if !csrf_valid(&state, &parts.headers, presented.as_deref()) {
            return expired_form();
        }
        return next.run(Request::from_parts(parts, body)).await;
    }
    let header_token = parts
        .headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    // Read within the newsroom's `DefaultBodyLimit` (MAX_FORM_BYTES), so a form past it is
    // told apart from one cut off.
    let bytes = match Bytes::from_request(Request::from_parts(parts.clone(), body), &()).await {
        Ok(bytes) => bytes,
        Err(rejection) => {
            return PageError(AppError::unreadable_body(
                rejection.status(),
                &rejection.body_text(),
                MAX_FORM_BYTES,
                "An article's body holds at most 200,000 characters: shorten it, or move \
                 photos to the Media page, and send the form again.",
            ))
            .into_response();
        }
    };
    let field_token = is_form
        .then(|| {
            form_urlencoded::parse(&bytes)
                .find(|(key, _)| key == CSRF_FIELD)
                .map(|(_, value)| value.into_owned())
        })
        .flatten();
    let presented = header_token.or(field_token);
    if !csrf_valid(&state, &parts.headers, presented.as_deref()) {
        return expired_form();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn expired_form() -> Response {
    PageError(AppError::Forbidden(
        "This form has expired or did not come from this site, so nothing was changed. \
         Go back, reload the page and submit it again."
            .into(),
    ))
    .into_response()
}
