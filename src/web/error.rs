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
    BadRequest(String),
    Invalid(FieldErrors),
    Unauthorized(String),
    Forbidden(String),
    Conflict {
        detail: String,
        extra: Value,
    },
    UnsupportedMediaType(String),
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

    fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn problem_type(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "urn:newsdesk:problem:not-found",
            AppError::BadRequest(_) => "urn:newsdesk:problem:bad-request",
            AppError::Invalid(_) => "urn:newsdesk:problem:validation",
            AppError::Unauthorized(_) => "urn:newsdesk:problem:unauthorized",
            AppError::Forbidden(_) => "urn:newsdesk:problem:forbidden",
            AppError::Conflict { .. } => "urn:newsdesk:problem:conflict",
            AppError::UnsupportedMediaType(_) => "urn:newsdesk:problem:unsupported-media-type",
            AppError::TooManyRequests { .. } => "urn:newsdesk:problem:rate-limited",
            AppError::Unavailable(_) => "urn:newsdesk:problem:unavailable",
            AppError::Internal(_) => "urn:newsdesk:problem:internal",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "Not found",
            AppError::BadRequest(_) => "The request could not be read",
            AppError::Invalid(_) => "Some fields need attention",
            AppError::Unauthorized(_) => "Sign-in required",
            AppError::Forbidden(_) => "Not allowed",
            AppError::Conflict { .. } => "Conflict",
            AppError::UnsupportedMediaType(_) => "Unsupported content type",
            AppError::TooManyRequests { .. } => "Slow down",
            AppError::Unavailable(_) => "Not ready",
            AppError::Internal(_) => "Something went wrong on our side",
        }
    }

    /// What the person is told; a server fault never shows its cause.
    fn detail(&self) -> String {
        match self {
            AppError::NotFound(m)
            | AppError::BadRequest(m)
            | AppError::Unauthorized(m)
            | AppError::Forbidden(m)
            | AppError::Unavailable(m)
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

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        AppError::from(NewsroomError::from(error))
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
        });
        response
    }
}
