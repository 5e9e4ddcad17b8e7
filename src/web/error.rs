//! Errors mapped to responses in one place: `application/problem+json` for the API, a
//! readable page for browsers. Server faults are logged with their cause and shown without it.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::domain::FieldErrors;
use crate::newsroom::NewsroomError;
use crate::store::StoreError;

/// Something a request could not have, in words for the person who sent it.
#[derive(Debug)]
pub enum AppError {
    NotFound(String),
    /// A link that worked once and no longer does (an expired or withdrawn preview link).
    Gone(String),
    BadRequest(String),
    Invalid(FieldErrors),
    Unauthorized(String),
    Forbidden(String),
    Conflict {
        detail: String,
        extra: Value,
    },
    UnsupportedMediaType(String),
    /// A request body longer than the address accepts; made by `AppError::unreadable_body`.
    PayloadTooLarge(String),
    /// The address exists, but not for this method.
    MethodNotAllowed(String),
    TooManyRequests {
        retry_after: u64,
        message: String,
    },
    /// This instance cannot serve now (its database does not answer).
    Unavailable(String),
    Internal(anyhow::Error),
}

impl AppError {
    pub fn not_found(what: &str) -> AppError {
        AppError::NotFound(format!("{what} was not found."))
    }

    /// A body that could not be read, for every reader of bodies (the API's JSON, the
    /// newsroom's forms, readers' forms, photo uploads): `status` is what the extractor's
    /// rejection says. Past the address's `limit` it is `413` stating the limit in words, so
    /// nobody takes it for a dropped connection; anything else is `400`.
    pub fn unreadable_body(
        status: StatusCode,
        reason: &str,
        limit: usize,
        advice: &str,
    ) -> AppError {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge(format!(
                "The request body is larger than the {} this address accepts, so it was not \
                 read. {advice}",
                size_in_words(limit)
            ))
        } else {
            AppError::BadRequest(format!("The request body could not be read: {reason}."))
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Gone(_) => StatusCode::GONE,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn problem_type(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "urn:newsdesk:problem:not-found",
            AppError::Gone(_) => "urn:newsdesk:problem:gone",
            AppError::BadRequest(_) => "urn:newsdesk:problem:bad-request",
            AppError::Invalid(_) => "urn:newsdesk:problem:validation",
            AppError::Unauthorized(_) => "urn:newsdesk:problem:unauthorized",
            AppError::Forbidden(_) => "urn:newsdesk:problem:forbidden",
            AppError::Conflict { .. } => "urn:newsdesk:problem:conflict",
            AppError::UnsupportedMediaType(_) => "urn:newsdesk:problem:unsupported-media-type",
            AppError::PayloadTooLarge(_) => "urn:newsdesk:problem:too-large",
            AppError::MethodNotAllowed(_) => "urn:newsdesk:problem:method-not-allowed",
            AppError::TooManyRequests { .. } => "urn:newsdesk:problem:rate-limited",
            AppError::Unavailable(_) => "urn:newsdesk:problem:unavailable",
            AppError::Internal(_) => "urn:newsdesk:problem:internal",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "Not found",
            AppError::Gone(_) => "This link no longer works",
            AppError::BadRequest(_) => "The request could not be read",
            AppError::Invalid(_) => "Some fields need attention",
            AppError::Unauthorized(_) => "Sign-in required",
            AppError::Forbidden(_) => "Not allowed",
            AppError::Conflict { .. } => "Conflict",
            AppError::UnsupportedMediaType(_) => "Unsupported content type",
            AppError::PayloadTooLarge(_) => "Too large",
            AppError::MethodNotAllowed(_) => "Method not allowed",
            AppError::TooManyRequests { .. } => "Slow down",
            AppError::Unavailable(_) => "Not ready",
            AppError::Internal(_) => "Something went wrong on our side",
        }
    }

    /// The messages (`locales/*/site.ftl`) that say what kind of refusal this is, title and
    /// help, for a page in a language other than English, where the English detail would
    /// be the only English on the page.
    fn words(&self) -> (&'static str, &'static str) {
        match self {
            AppError::NotFound(_) => ("error-not-found", "error-not-found-help"),
            AppError::Gone(_) => ("error-gone", "error-gone-help"),
            AppError::BadRequest(_) => ("error-bad-request", "error-bad-request-help"),
            AppError::Invalid(_) => ("error-invalid", "error-invalid-help"),
            AppError::Unauthorized(_) => ("error-unauthorized", "error-unauthorized-help"),
            AppError::Forbidden(_) => ("error-forbidden", "error-forbidden-help"),
            AppError::Conflict { .. } => ("error-conflict", "error-conflict-help"),
            AppError::UnsupportedMediaType(_) => ("error-unsupported", "error-unsupported-help"),
            AppError::PayloadTooLarge(_) => ("error-too-large", "error-too-large-help"),
            AppError::MethodNotAllowed(_) => ("error-method", "error-method-help"),
            AppError::TooManyRequests { .. } => ("error-too-many", "error-too-many-help"),
            AppError::Unavailable(_) => ("error-unavailable", "error-unavailable-help"),
            AppError::Internal(_) => ("error-internal", "error-internal-help"),
        }
    }

    /// What the person is told; a server fault never shows its cause.
    fn detail(&self) -> String {
        match self {
            AppError::NotFound(m)
            | AppError::Gone(m)
            | AppError::BadRequest(m)
            | AppError::Unauthorized(m)
            | AppError::Forbidden(m)
            | AppError::Unavailable(m)
            | AppError::PayloadTooLarge(m)
            | AppError::MethodNotAllowed(m)
            | AppError::UnsupportedMediaType(m) => m.clone(),
            AppError::Conflict { detail, .. } => detail.clone(),
            AppError::TooManyRequests { message, .. } => message.clone(),
            AppError::Invalid(errors) => {
                format!(
                    "Please correct: {}.",
                    errors.to_string().trim_end_matches('.')
                )
            }
            AppError::Internal(_) => {
                "The server could not finish this request. It has been logged; please try again."
                    .into()
            }
        }
    }

    /// Seconds a rate-limited client should wait, for the `Retry-After` header.
    fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::TooManyRequests { retry_after, .. } => Some(*retry_after),
            _ => None,
        }
    }

    fn log(&self) {
        if let AppError::Internal(cause) = self {
            tracing::error!(error = %format!("{cause:#}"), "request failed");
        }
    }
}

/// A size as people read it: `2 MiB`, `1.5 MiB`, `64 KiB`, `900 bytes`.
pub fn size_in_words(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        AppError::from(NewsroomError::from(error))
    }
}

impl From<crate::polls::VoteError> for AppError {
    fn from(error: crate::polls::VoteError) -> Self {
        use crate::polls::VoteError;
        match error {
            VoteError::NotFound => AppError::not_found("A poll on a published story with this id"),
            VoteError::Closed(_) => AppError::Conflict {
                detail: "This poll has closed, so it takes no more votes; its final results \
                         are shown with it."
                    .into(),
                extra: Value::Null,
            },
            VoteError::NoSuchOption(poll) => {
                let ids: Vec<String> = poll.options.iter().map(|o| o.id.to_string()).collect();
                AppError::Invalid(FieldErrors::single(
                    "option",
                    format!(
                        "That is not one of this poll's options; choose one of {}.",
                        ids.join(", ")
                    ),
                ))
            }
            VoteError::Store(error) => error.into(),
        }
    }
}

impl From<NewsroomError> for AppError {
    fn from(error: NewsroomError) -> Self {
        match error {
            NewsroomError::Invalid(errors) => AppError::Invalid(errors),
            NewsroomError::NotFound => AppError::NotFound("No such item.".into()),
            NewsroomError::Forbidden(message) => AppError::Forbidden(message),
            NewsroomError::InUse(message) => AppError::Conflict {
                detail: message,
                extra: Value::Null,
            },
            NewsroomError::Conflict {
                expected, current, ..
            } => AppError::Conflict {
                detail: format!(
                    "This article was changed by someone else (now version {}) since version \
                     {expected} was loaded; nothing was overwritten.",
                    current.version
                ),
                extra: json!({ "current_version": current.version }),
            },
            NewsroomError::Embargoed { until } => {
                let until = jiff::Timestamp::from_second(until.as_second()).unwrap_or(until);
                AppError::Conflict {
                    detail: crate::trust::embargo_refusal(until),
                    extra: json!({ "embargo_until": until.to_string() }),
                }
            }
            NewsroomError::Store(error) => AppError::Internal(anyhow::Error::new(error)),
        }
    }
}

impl From<anyhow::Error> for AppError {
    fn from(error: anyhow::Error) -> Self {
        AppError::Internal(error)
    }
}

/// An error answered as `application/problem+json` (RFC 9457).
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(error: E) -> Self {
        ApiError(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let error = self.0;
        error.log();
        let status = error.status();
        let mut body = json!({
            "type": error.problem_type(),
            "title": error.title(),
            "status": status.as_u16(),
            "detail": error.detail(),
        });
        match &error {
            AppError::Invalid(errors) => body["errors"] = json!(errors.0),
            AppError::Conflict { extra, .. } if extra.is_object() => {
                if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
                    body.extend(extra.clone());
                }
            }
            _ => {}
        }
        let mut response = (status, Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = error.retry_after() {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"newsdesk\""),
            );
        }
        response
    }
}

/// What the error page shows; attached to a bare response and rendered by
/// `render_error_pages`, which has the templates.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub title: &'static str,
    pub message: String,
    /// The messages (`locales/`) saying what kind of refusal it is in the page's language.
    pub words: (&'static str, &'static str),
    /// Whether the page shows `words` in English too: a page not found and a failure of
    /// ours read the same for everyone; any other refusal shows its own English detail
    /// on an English page, which says more than the kind.
    pub general: bool,
}

/// An error answered with the site's error page.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl<E: Into<AppError>> From<E> for PageError {
    fn from(error: E) -> Self {
        PageError(error.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let error = self.0;
        error.log();
        let status = error.status();
        let (title, message) = match &error {
            AppError::NotFound(_) => (
                "We couldn't find that page",
                "The story may have moved or been taken down, or the link may be mistyped."
                    .to_owned(),
            ),
            AppError::Internal(_) => (
                "Something went wrong",
                "We couldn't show this page just now. Please try again in a moment.".to_owned(),
            ),
            _ => (error.title(), error.detail()),
        };
        let words = error.words();
        let general = matches!(error, AppError::NotFound(_) | AppError::Internal(_));
        let mut response = status.into_response();
        if let Some(seconds) = error.retry_after() {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(ErrorPage {
            status,
            title,
            message,
            words,
            general,
        });
        response
    }
}

/// An error answered in the shape of Ghost's Content API, for Ghost's clients:
/// `{"errors": [{"message", "context", "type", "details", "property", "help", "code",
/// "id", "ghostErrorCode"}]}` with Ghost's type names (`NotFoundError`, `ValidationError`…).
#[derive(Debug)]
pub struct GhostError {
    pub error: AppError,
    /// What Ghost calls the context: more on what happened and what to do.
    pub context: Option<String>,
}

impl<E: Into<AppError>> From<E> for GhostError {
    fn from(error: E) -> Self {
        GhostError {
            error: error.into(),
            context: None,
        }
    }
}

impl GhostError {
    pub fn with_context(error: AppError, context: impl Into<String>) -> GhostError {
        GhostError {
            error,
            context: Some(context.into()),
        }
    }

    /// Ghost's name for the kind of error.
    fn ghost_type(&self) -> &'static str {
        match &self.error {
            AppError::NotFound(_) | AppError::Gone(_) => "NotFoundError",
            AppError::BadRequest(_) => "BadRequestError",
            AppError::Invalid(_) => "ValidationError",
            AppError::Unauthorized(_) => "UnauthorizedError",
            AppError::Forbidden(_) => "NoPermissionError",
            AppError::Conflict { .. } => "UpdateCollisionError",
            AppError::UnsupportedMediaType(_) => "UnsupportedMediaTypeError",
            AppError::MethodNotAllowed(_) => "MethodNotAllowedError",
            AppError::PayloadTooLarge(_) => "RequestEntityTooLargeError",
            AppError::TooManyRequests { .. } => "TooManyRequestsError",
            AppError::Unavailable(_) => "MaintenanceError",
            AppError::Internal(_) => "InternalServerError",
        }
    }
}

/// A random UUID (version 4), naming one error answer as Ghost's do.
fn error_id() -> String {
    let hex: Vec<char> = crate::auth::new_api_token()
        .trim_start_matches("ndt_")
        .chars()
        .take(32)
        .collect();
    let mut id = String::with_capacity(36);
    for (n, c) in hex.iter().enumerate() {
        if matches!(n, 8 | 12 | 16 | 20) {
            id.push('-');
        }
        id.push(match n {
            12 => '4',
            16 => ['8', '9', 'a', 'b'][c.to_digit(16).unwrap_or(0) as usize % 4],
            _ => *c,
        });
    }
    id
}

impl IntoResponse for GhostError {
    fn into_response(self) -> Response {
        self.error.log();
        let status = self.error.status();
        let (message, property) = match &self.error {
            AppError::Invalid(errors) => match errors.0.first() {
                Some(first) => (first.message.clone(), Some(first.field.clone())),
                None => (self.error.detail(), None),
            },
            other => (other.detail(), None),
        };
        let body = json!({
            "errors": [{
                "message": message,
                "context": self.context,
                "type": self.ghost_type(),
                "details": null,
                "property": property,
                "help": null,
                "code": null,
                "id": error_id(),
                "ghostErrorCode": null,
            }]
        });
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = self.error.retry_after() {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_in_words(2 * 1024 * 1024), "2 MiB");
        assert_eq!(size_in_words(1024 * 1024 + 512 * 1024), "1.5 MiB");
        assert_eq!(size_in_words(64 * 1024), "64 KiB");
        assert_eq!(size_in_words(900), "900 bytes");
    }

    #[test]
    fn a_body_past_its_limit_is_413_naming_the_limit_and_anything_else_400() {
        let too_large = AppError::unreadable_body(
            StatusCode::PAYLOAD_TOO_LARGE,
            "length limit exceeded",
            2 * 1024 * 1024,
            "Send less.",
        );
        assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(
            too_large.detail(),
            "The request body is larger than the 2 MiB this address accepts, so it was not \
             read. Send less."
        );
        let broken = AppError::unreadable_body(StatusCode::BAD_REQUEST, "cut off", 1, "");
        assert_eq!(broken.status(), StatusCode::BAD_REQUEST);
    }
}
