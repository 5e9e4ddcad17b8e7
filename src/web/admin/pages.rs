//! The site's own pages in the newsroom (editors and admins): the list, the editor, its
//! revisions with restore, and deletion. The rules are `crate::pages`'.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::super::session::SignedIn;
use super::{FormData, done, error_map, page, parse_id, render};
use crate::newsroom::NewsroomError;
use crate::pages::{self, PageRequest, Pages, may_change};
use crate::store::SitePage;
use crate::web::{AppError, AppState, PageError};

fn forbidden(error: NewsroomError) -> PageError {
    PageError(error.into())
}

pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_change(&me.user).map_err(forbidden)?;
    let settings = state.settings();
    let items: Vec<Value> = Pages::new(state.store.as_ref())
        .list()
        .await?
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "title": p.title,
                "path": super::super::site_pages::page_path(&p.slug),
                "contact_form": p.contact_form,
                "updated": settings.dateline(p.updated_at),
            })
        })
        .collect();
    page(
        &state,
        &me,
        "pages",
        "admin/pages.html",
        &query,
        minijinja::context! { items },
    )
}

/// The editor, filled from a page or from what the editor sent back.
#[allow(clippy::too_many_arguments)] // the page frame's parts; a struct adds nothing
fn editor(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    existing: Option<&SitePage>,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    render(
        state,
        Some(me),
        &me.csrf,
        "pages",
        "admin/page_editor.html",
        super::notice(query),
        minijinja::context! {
            existing => existing.map(|p| json!({
                "id": p.id,
                "title": p.title,
                "path": super::super::site_pages::page_path(&p.slug),
                "version": p.version,
            })),
            values,
            errors,
            problem,
            limits => json!({
                "title": pages::MAX_TITLE,
                "seo_title": pages::MAX_SEO_TITLE,
                "seo_description": pages::MAX_SEO_DESCRIPTION,
            }),
        },
        status,
    )
}

fn values_of(page: &SitePage) -> HashMap<String, String> {
    let mut values = HashMap::new();
    values.insert("title".into(), page.title.clone());
    values.insert("slug".into(), page.slug.to_string());
    values.insert("body".into(), page.body.clone());
    values.insert(
        "seo_title".into(),
        page.seo_title.clone().unwrap_or_default(),
    );
    values.insert(
        "seo_description".into(),
        page.seo_description.clone().unwrap_or_default(),
    );
    if page.contact_form {
        values.insert("contact_form".into(), "on".into());
    }
    values.insert("version".into(), page.version.to_string());
    values
}

fn request_of(form: &FormData) -> PageRequest {
    PageRequest {
        title: Some(form.text("title")),
        slug: Some(form.text("slug")),
        body: Some(form.text("body")),
        seo_title: Some(form.text("seo_title")),
        seo_description: Some(form.text("seo_description")),
        contact_form: Some(form.get("contact_form").is_some()),
        language: form.get("language").map(|v| v.to_string()),
        version: form.get("version").and_then(|v| v.trim().parse().ok()),
    }
}

pub async fn new_page(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_change(&me.user).map_err(forbidden)?;
    editor(
        &state,
        &me,
        &query,
        None,
        HashMap::new(),
        HashMap::new(),
        None,
        StatusCode::OK,
    )
}

pub async fn edit(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_change(&me.user).map_err(forbidden)?;
    let existing = Pages::new(state.store.as_ref()).get(parse_id(&id)?).await?;
    editor(
        &state,
        &me,
        &query,
        Some(&existing),
        values_of(&existing),
        HashMap::new(),
        None,
        StatusCode::OK,
    )
}

/// A refused save: the form comes back with what was typed and why.
fn refused(
    state: &AppState,
    me: &SignedIn,
    existing: Option<&SitePage>,
    form: &FormData,
    error: NewsroomError,
) -> Result<Response, PageError> {
    let query = HashMap::new();
    match error {
        NewsroomError::Invalid(errors) => editor(
            state,
            me,
            &query,
            existing,
            form.values(),
            error_map(&errors, state),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        // Someone saved the page since this editor loaded it (the only refusal of this
        // kind a page has): said with the versions, in the newsroom's language.
        NewsroomError::InUse(message) => {
            let loaded = form
                .get("version")
                .and_then(|v| v.trim().parse::<i64>().ok());
            let problem = match (existing, loaded) {
                (Some(page), Some(loaded)) => state.settings().locale.format(
                    "lib-page-conflict",
                    &[("current", page.version.into()), ("loaded", loaded.into())],
                ),
                _ => message,
            };
            editor(
                state,
                me,
                &query,
                existing,
                form.values(),
                HashMap::new(),
                Some(problem),
                StatusCode::CONFLICT,
            )
        }
        other => Err(PageError(other.into())),
    }
}

pub async fn create(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    match Pages::new(state.store.as_ref())
        .create(&request_of(&form), &me.user, Timestamp::now())
        .await
    {
        Ok(created) => Ok(done(&format!("/admin/pages/{}", created.id), "created")),
        Err(error) => refused(&state, &me, None, &form, error),
    }
}

pub async fn save(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let rules = Pages::new(state.store.as_ref());
    match rules
        .update(id, &request_of(&form), &me.user, Timestamp::now())
        .await
    {
        Ok(saved) => Ok(done(&format!("/admin/pages/{}", saved.id), "saved")),
        Err(error) => {
            let existing = rules.get(id).await?;
            refused(&state, &me, Some(&existing), &form, error)
        }
    }
}

pub async fn confirm_delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_change(&me.user).map_err(forbidden)?;
    let existing = Pages::new(state.store.as_ref()).get(parse_id(&id)?).await?;
    page(
        &state,
        &me,
        "pages",
        "admin/confirm.html",
        &query,
        minijinja::context! {
            title => json!({"id": "lib-confirm-delete-page", "args": {"title": existing.title}}),
            consequences => [
                json!({"id": "lib-confirm-page-address", "args": {
                    "path": super::super::site_pages::page_path(&existing.slug),
                }}),
                json!({"id": "lib-confirm-page-revisions"}),
            ],
            action => format!("/admin/pages/{}/delete", existing.id),
            button => json!({"id": "lib-delete-the-page"}),
            back => format!("/admin/pages/{}", existing.id),
        },
    )
}

pub async fn delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    Pages::new(state.store.as_ref())
        .delete(parse_id(&id)?, &me.user, Timestamp::now())
        .await?;
    Ok(done("/admin/pages", "deleted"))
}

pub async fn revisions(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    may_change(&me.user).map_err(forbidden)?;
    let id = parse_id(&id)?;
    let rules = Pages::new(state.store.as_ref());
    let existing = rules.get(id).await?;
    let settings = state.settings();
    let items: Vec<Value> = rules
        .revisions(id)
        .await?
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "version": r.version,
                "kind": r.kind,
                "saved_by": r.saved_by_name,
                "saved": settings.dateline(r.saved_at),
                "title": r.snapshot.title,
                "slug": r.snapshot.slug,
                "words": r.snapshot.body.split_whitespace().count(),
                "current": r.version == existing.version && r.kind == crate::store::RevisionKind::Save,
            })
        })
        .collect();
    page(
        &state,
        &me,
        "pages",
        "admin/page_revisions.html",
        &query,
        minijinja::context! {
            existing => json!({ "id": existing.id, "title": existing.title }),
            items,
        },
    )
}

pub async fn restore(
    State(state): State<AppState>,
    me: SignedIn,
    Path((id, revision)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let revision = parse_id(&revision)?;
    let restored = Pages::new(state.store.as_ref())
        .restore(parse_id(&id)?, revision, &me.user, Timestamp::now())
        .await
        .map_err(|e| match e {
            NewsroomError::NotFound => PageError(AppError::not_found("This revision")),
            other => PageError(other.into()),
        })?;
    Ok(done(&format!("/admin/pages/{}", restored.id), "restored"))
}
