//! Signing in and out, first-run setup and password resets. Every answer is the same for
//! an email that has an account and one that has not, and failed sign-ins are throttled
//! per client address whatever email they try.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::{SignedDuration, Timestamp};

use super::super::reactions::ClientIp;
use super::super::session::{self, SignedIn, csrf_for};
use super::{FormData, error_map, notice, render};
use crate::auth;
use crate::domain::{Email, FieldErrors};
use crate::i18n::{Arg, Locale, Phrase};
use crate::newsroom::{Newsroom, NewsroomError};
use crate::store::StoreError;
use crate::web::{AppError, AppState, PageError};

const RESET_HOURS: i64 = 1;

/// Where to go after signing in: only ever a page of the newsroom, never another site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with("/admin")
                && path.bytes().all(|b| b.is_ascii_graphic())
                && !path.contains("//")
                && !path.contains('\\')
                && !path.starts_with("/admin/login") =>
        {
            path.to_owned()
        }
        _ => "/admin".to_owned(),
    }
}

/// A page for someone not signed in, with the CSRF cookie its form needs.
fn public_form(
    state: &AppState,
    headers: &HeaderMap,
    template: &str,
    query: &HashMap<String, String>,
    page: minijinja::Value,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (csrf, cookie) = csrf_for(state, headers);
    let mut response = render(
        state,
        None,
        &csrf,
        "account",
        template,
        notice(query),
        page,
        status,
    )?;
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

fn with_cookie(mut response: Response, cookie: HeaderValue) -> Response {
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response
}

/// Checks a password off the async threads: Argon2id is slow on purpose.
async fn password_matches(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash))
        .await
        .unwrap_or(false)
}

/// A hash no password matches, checked for unknown emails so that they take as long to
/// refuse as known ones.
fn decoy_hash() -> String {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY
        .get_or_init(|| auth::hash_password(&auth::new_api_token()).unwrap_or_default())
        .clone()
}

pub async fn login_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let next = safe_next(query.get("next").map(String::as_str));
    if session::signed_in(&state, &headers).await?.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    if state.store.count_users().await? == 0 {
        return public_form(
            &state,
            &headers,
            "admin/first_run.html",
            &query,
            // Commands and paths, the same in every language.
            minijinja::context! {
                serve_command => "newsdesk serve",
                setup_link => "/admin/setup?token=…",
            },
            StatusCode::OK,
        );
    }
    public_form(
        &state,
        &headers,
        "admin/login.html",
        &query,
        minijinja::context! { next => next, values => HashMap::<String, String>::new() },
        StatusCode::OK,
    )
}

pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let next = safe_next(form.get("next"));
    let query = HashMap::new();
    let locale = state.settings().locale.clone();
    let again = |message: &str, status| {
        public_form(
            &state,
            &headers,
            "admin/login.html",
            &query,
            minijinja::context! {
                next => next,
                error => message,
                values => minijinja::context! { email => form.text("email") },
            },
            status,
        )
    };
    if let Err(wait) = state.login_throttle.check(ip) {
        let seconds = wait.as_secs().max(1);
        let message = locale.format(
            "desk-login-throttled",
            &[("wait", human_wait(&locale, seconds).into())],
        );
        let mut response = again(&message, StatusCode::TOO_MANY_REQUESTS)?;
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        return Ok(response);
    }
    let password = form.text("password");
    let user = match Email::parse(&form.text("email")) {
        Ok(email) => match state.store.user_by_email(&email).await {
            Ok(user) if user.active => Some(user),
            Ok(_) | Err(StoreError::NotFound) => None,
            Err(other) => return Err(other.into()),
        },
        Err(_) => None,
    };
    let hash = user
        .as_ref()
        .map_or_else(decoy_hash, |u| u.password_hash.clone());
    let matches = password_matches(password, hash).await;
    match user {
        Some(user) if matches => {
            state.sign_in_succeeded(ip);
            if auth::needs_rehash(&user.password_hash) {
                rehash(&state, &user, form.text("password")).await?;
            }
            let cookie = session::start_session(&state, &user).await?;
            tracing::info!(user = user.id, "signed in");
            // Members added before people had bylines get theirs at their first sign-in.
            if let Err(error) = Newsroom::new(state.store.as_ref())
                .ensure_byline(&user)
                .await
            {
                tracing::warn!(%error, user = user.id, "could not give a member a byline");
            }
            Ok(with_cookie(Redirect::to(&next).into_response(), cookie))
        }
        _ => {
            state.sign_in_failed(ip);
            again(&locale.t("desk-login-mismatch"), StatusCode::UNAUTHORIZED)
        }
    }
}

/// Replaces a hash brought from another platform (bcrypt) with an Argon2id one, now that
/// the password is known to match. Done before the session starts: a new hash ends the
/// person's other sessions.
async fn rehash(
    state: &AppState,
    user: &crate::store::User,
    password: String,
) -> Result<(), PageError> {
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("password hashing stopped: {e}")))?
        .map_err(AppError::Internal)?;
    let change = crate::store::UserChange {
        password_hash: Some(hash),
        ..crate::store::UserChange::default()
    };
    state.store.update_user(user.id, &change).await?;
    tracing::info!(
        user = user.id,
        "rehashed an imported password with Argon2id"
    );
    Ok(())
}

/// How long to wait, in seconds or (from a minute and a half) minutes.
fn human_wait(locale: &Locale, seconds: u64) -> String {
    let (id, count) = if seconds < 90 {
        ("desk-wait-seconds", seconds)
    } else {
        ("desk-wait-minutes", seconds.div_ceil(60))
    };
    locale.format(
        id,
        &[(
            "count",
            Arg::Number(i64::try_from(count).unwrap_or(i64::MAX)),
        )],
    )
}

pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let cookie = session::end_session(&state, &headers).await?;
    Ok(with_cookie(
        Redirect::to("/admin/login").into_response(),
        cookie,
    ))
}

/// Ends every session of the signed-in member, then starts a fresh one for this browser.
pub async fn logout_everywhere(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Response, PageError> {
    let ended = state.store.delete_user_sessions(me.user.id).await?;
    tracing::info!(user = me.user.id, ended, "signed out everywhere");
    let cookie = session::start_session(&state, &me.user).await?;
    Ok(with_cookie(
        super::done("/admin", "signed-out-elsewhere"),
        cookie,
    ))
}

/// Whether `token` is the first-run token, while the site still has no users.
async fn setup_open(
    state: &AppState,
    token: Option<&str>,
) -> Result<Result<(), String>, PageError> {
    let locale = state.settings().locale.clone();
    if state.store.count_users().await? > 0 {
        return Ok(Err(locale.t("desk-setup-done")));
    }
    match (state.current_setup_token(), token) {
        (Some(expected), Some(given))
            if auth::sha256_hex(expected.as_bytes())
                == auth::sha256_hex(given.trim().as_bytes()) =>
        {
            Ok(Ok(()))
        }
        _ => Ok(Err(locale.t("desk-setup-invalid"))),
    }
}

pub async fn setup_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let token = query.get("token").map(String::as_str);
    if let Err(message) = setup_open(&state, token).await? {
        return Err(PageError(AppError::Forbidden(message)));
    }
    public_form(
        &state,
        &headers,
        "admin/setup.html",
        &query,
        minijinja::context! { token => token, values => HashMap::<String, String>::new() },
        StatusCode::OK,
    )
}

pub async fn setup(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let token = form.text("token");
    if let Err(message) = setup_open(&state, Some(&token)).await? {
        return Err(PageError(AppError::Forbidden(message)));
    }
    let mut errors = FieldErrors::new();
    if form.text("password") != form.text("password_again") {
        errors.say(
            "password_again",
            "the two passwords are not the same",
            Phrase::new("desk-password-mismatch"),
        );
    }
    let result = if errors.is_empty() {
        Newsroom::new(state.store.as_ref())
            .add_user(
                &form.text("email"),
                &form.text("name"),
                "admin",
                &form.text("password"),
                Timestamp::now(),
            )
            .await
    } else {
        Err(NewsroomError::Invalid(errors))
    };
    match result {
        Ok(user) => {
            state
                .setup_token
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .take();
            Newsroom::new(state.store.as_ref())
                .audit(
                    Some(&user),
                    "set up the site",
                    &format!("user {}", user.email),
                    Some("first admin".into()),
                    Timestamp::now(),
                )
                .await;
            let cookie = session::start_session(&state, &user).await?;
            Ok(with_cookie(Redirect::to("/admin").into_response(), cookie))
        }
        Err(NewsroomError::Invalid(errors)) => {
            let mut values = form.values();
            values.remove("password");
            values.remove("password_again");
            public_form(
                &state,
                &headers,
                "admin/setup.html",
                &HashMap::new(),
                minijinja::context! { token => token, values => values, errors => error_map(&errors, &state) },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn reset_request_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    public_form(
        &state,
        &headers,
        "admin/reset_request.html",
        &query,
        minijinja::context! { sent => false },
        StatusCode::OK,
    )
}

/// Makes a one-time link for an active user's email; answers the same whether or not the
/// email has an account. Without SMTP the link goes to the server's log.
pub async fn reset_request(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    if let Err(wait) = state.login_throttle.check(ip) {
        let locale = state.settings().locale.clone();
        let seconds = wait.as_secs().max(1);
        return Err(PageError(AppError::TooManyRequests {
            retry_after: seconds,
            message: locale.format(
                "desk-reset-throttled",
                &[("wait", human_wait(&locale, seconds).into())],
            ),
        }));
    }
    // Each request counts against the address, so links cannot be sprayed at everyone.
    state.sign_in_failed(ip);
    if let Ok(email) = Email::parse(&form.text("email")) {
        match state.store.user_by_email(&email).await {
            Ok(user) if user.active => {
                let token = auth::new_api_token();
                let now = Timestamp::now();
                state
                    .store
                    .create_password_reset(
                        user.id,
                        &auth::token_hash(&token),
                        now,
                        now + SignedDuration::from_hours(RESET_HOURS),
                    )
                    .await?;
                let settings = state.settings();
                let link = format!("{}/admin/password-reset/{token}", settings.base_url);
                let locale = &settings.locale;
                let site = settings.site_title.as_str();
                let body = format!(
                    "{}\n\n{}\n\n{link}\n\n{}\n",
                    locale.format(
                        "email-reset-greeting",
                        &[("name", user.name.as_str().into())]
                    ),
                    locale.format("email-reset-asked", &[("site", site.into())]),
                    locale.t("email-reset-ignore"),
                );
                let subject = locale.format("email-reset-subject", &[("site", site.into())]);
                let mailer = state.mailer.clone();
                let to = user.email.to_string();
                // Sent in the background, so the answer takes as long for any email.
                tokio::spawn(async move { mailer.send(&to, &subject, &body).await });
            }
            Ok(_) | Err(StoreError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
    }
    public_form(
        &state,
        &headers,
        "admin/reset_request.html",
        &HashMap::new(),
        minijinja::context! { sent => true },
        StatusCode::OK,
    )
}

pub async fn reset_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let valid = match state
        .store
        .password_reset_user(&auth::token_hash(&token), Timestamp::now())
        .await
    {
        Ok(_) => true,
        Err(StoreError::NotFound) => false,
        Err(other) => return Err(other.into()),
    };
    public_form(
        &state,
        &headers,
        "admin/reset.html",
        &HashMap::new(),
        minijinja::context! { valid => valid },
        if valid {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        },
    )
}

pub async fn reset(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let password = form.text("password");
    let mut errors = FieldErrors::new();
    errors.check("password", auth::check_new_password(&password));
    if password != form.text("password_again") {
        errors.say(
            "password_again",
            "the two passwords are not the same",
            Phrase::new("desk-password-mismatch"),
        );
    }
    if !errors.is_empty() {
        return public_form(
            &state,
            &headers,
            "admin/reset.html",
            &HashMap::new(),
            minijinja::context! { valid => true, errors => error_map(&errors, &state) },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let hash = auth::hash_password(&password).map_err(AppError::Internal)?;
    match state
        .store
        .complete_password_reset(&auth::token_hash(&token), &hash, Timestamp::now())
        .await
    {
        Ok(user) => {
            tracing::info!(user = user.id, "password reset");
            Ok(super::done("/admin/login", "password"))
        }
        Err(StoreError::NotFound) => public_form(
            &state,
            &headers,
            "admin/reset.html",
            &HashMap::new(),
            minijinja::context! { valid => false },
            StatusCode::NOT_FOUND,
        ),
        Err(other) => Err(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn sign_in_only_returns_to_the_newsroom() {
        assert_eq!(safe_next(Some("/admin/articles/3")), "/admin/articles/3");
        assert_eq!(safe_next(Some("https://evil.example/")), "/admin");
        assert_eq!(safe_next(Some("//evil.example/admin")), "/admin");
        assert_eq!(safe_next(Some("/admin//evil.example")), "/admin");
        assert_eq!(safe_next(Some("/admin\\@evil")), "/admin");
        assert_eq!(safe_next(Some("/admin\r\nSet-Cookie: x=1")), "/admin");
        assert_eq!(safe_next(Some("/admin/é")), "/admin");
        assert_eq!(safe_next(None), "/admin");
    }
}
