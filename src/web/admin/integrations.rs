//! Integrations (admins): the Content API keys Ghost front-ends read the site with. A new
//! key is shown once, on the page that made it.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::super::session::SignedIn;
use super::{FormData, done, error_map, page, parse_id, render, require_admin};
use crate::integrations::{Integrations, MAX_NAME};
use crate::newsroom::NewsroomError;
use crate::web::{AppState, PageError};

/// What the page shows besides the list: the form's values and problems, or a new key.
#[derive(Default)]
struct Shown {
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    made: Option<(String, String)>,
}

async fn integrations_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    shown: Shown,
    status: StatusCode,
) -> Result<Response, PageError> {
    let settings = state.settings();
    let items: Vec<Value> = Integrations::new(state.store.as_ref())
        .list()
        .await?
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "name": i.name,
                "key_hint": i.key_hint,
                "created_by": i.created_by_name,
                "created": settings.dateline(i.created_at),
            })
        })
        .collect();
    render(
        state,
        Some(me),
        &me.csrf,
        "integrations",
        "admin/integrations.html",
        super::notice(query),
        minijinja::context! {
            items => items,
            values => shown.values,
            errors => shown.errors,
            made => shown.made.map(|(name, key)| json!({ "name": name, "key": key })),
            api_url => format!("{}/ghost/api/content/", settings.base_url),
            base_url => settings.base_url.clone(),
            max_name => MAX_NAME,
        },
        status,
    )
}

pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    integrations_page(&state, &me, &query, Shown::default(), StatusCode::OK).await
}

/// Makes an integration and shows its key, this once.
pub async fn create(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let query = HashMap::new();
    match Integrations::new(state.store.as_ref())
        .create(&form.text("name"), Some(&me.user), Timestamp::now())
        .await
    {
        Ok((integration, key)) => {
            let shown = Shown {
                made: Some((integration.name, key)),
                ..Shown::default()
            };
            integrations_page(&state, &me, &query, shown, StatusCode::CREATED).await
        }
        Err(NewsroomError::Invalid(errors)) => {
            let shown = Shown {
                values: form.values(),
                errors: error_map(&errors, &state),
                made: None,
            };
            integrations_page(&state, &me, &query, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn confirm_revoke(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let integration = Integrations::new(state.store.as_ref())
        .get(parse_id(&id)?)
        .await?;
    page(
        &state,
        &me,
        "integrations",
        "admin/confirm.html",
        &query,
        minijinja::context! {
            title => json!({
                "id": "adm-int-revoke-title",
                "args": { "name": integration.name },
            }),
            consequences => [
                json!({
                    "id": "adm-int-revoke-stops",
                    "args": { "key": integration.key_hint },
                }),
                json!({ "id": "adm-int-revoke-final" }),
            ],
            action => format!("/admin/integrations/{}/delete", integration.id),
            button => json!({ "id": "adm-int-revoke-button" }),
            back => "/admin/integrations",
        },
    )
}

pub async fn revoke(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    Integrations::new(state.store.as_ref())
        .revoke(parse_id(&id)?, &me.user, Timestamp::now())
        .await?;
    Ok(done("/admin/integrations", "revoked"))
}
