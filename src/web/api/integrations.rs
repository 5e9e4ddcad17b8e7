//! `/api/v1/integrations`: admins make, list and revoke the Content API keys Ghost
//! front-ends read with (see `crate::integrations`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get};
use axum::{Json, Router};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ApiJson, ApiUser, created, parse_id, time_json};
use crate::config::Settings;
use crate::domain::Role;
use crate::integrations::Integrations;
use crate::store::{Integration, User};
use crate::web::{ApiError, AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/integrations", get(list).post(create))
        .route("/integrations/{id}", delete(revoke))
}

fn require_admin(user: &User) -> Result<(), ApiError> {
    if user.role == Role::Admin {
        Ok(())
    } else {
        Err(ApiError(AppError::Forbidden(format!(
            "Integrations (Content API keys) are managed by admins; you are {}.",
            user.role.with_article()
        ))))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntegrationRequest {
    /// Missing is refused by the rules, like empty, naming the field.
    #[serde(default)]
    name: String,
}

fn integration_json(settings: &Settings, integration: &Integration) -> Value {
    json!({
        "id": integration.id,
        "name": integration.name,
        "key_hint": integration.key_hint,
        "created_by": integration.created_by_name,
        "created_at": time_json(settings, Some(integration.created_at)),
    })
}

async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Value>, ApiError> {
    require_admin(&user)?;
    let settings = state.settings();
    let integrations = Integrations::new(state.store.as_ref()).list().await?;
    Ok(Json(json!({
        "items": integrations.iter().map(|i| integration_json(&settings, i)).collect::<Vec<_>>()
    })))
}

/// Makes an integration; the answer holds its key, which is never shown again.
async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<IntegrationRequest>,
) -> Result<axum::response::Response, ApiError> {
    require_admin(&user)?;
    let (integration, key) = Integrations::new(state.store.as_ref())
        .create(&request.name, Some(&user), Timestamp::now())
        .await?;
    let mut body = integration_json(&state.settings(), &integration);
    body["content_api_key"] = Value::String(key);
    Ok(created(body))
}

/// Revokes an integration: its key stops working at once, on every instance.
async fn revoke(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    require_admin(&user)?;
    Integrations::new(state.store.as_ref())
        .revoke(parse_id(&id, "integration")?, &user, Timestamp::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
