//! The newsroom's web UI under `/admin`: server-rendered pages and plain form posts, with
//! small scripts of our own only for preview and autosave. Every rule it relies on (roles,
//! versions, slugs) lives in `Newsroom`, so the JSON API and this UI behave the same.

mod account;
mod articles;
mod brand;
mod bulk;
mod corrections;
mod desk;
mod front;
mod galleries;
mod integrations;
mod lists;
mod live;
mod media;
mod menus;
mod messages;
mod pages;
mod people;
mod polls;
mod stats;
mod video;

pub use articles::revision_comparison;

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;

use super::session::SignedIn;
use super::{AppError, AppState, PageError, SiteView};
use crate::domain::{ArticleStatus, FieldErrors};
use crate::store::{CommentStatus, NewsroomFilter, Page, User};

/// The newsroom's routes; `max_upload` bounds a photo upload's body.
pub fn routes(max_upload: usize) -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard))
        .route("/setup", get(account::setup_page).post(account::setup))
        .route("/login", get(account::login_page).post(account::login))
        .route("/logout", post(account::logout))
        .route("/logout-everywhere", post(account::logout_everywhere))
        .route(
            "/password-reset",
            get(account::reset_request_page).post(account::reset_request),
        )
        .route(
            "/password-reset/{token}",
            get(account::reset_page).post(account::reset),
        )
        .route("/articles", get(articles::list).post(articles::create))
        .route("/articles/new", get(articles::new_article))
        .route("/articles/{id}", get(articles::edit).post(articles::save))
        .route(
            "/articles/{id}/delete",
            get(articles::confirm_delete).post(articles::delete),
        )
        .route("/articles/{id}/revisions", get(articles::revisions))
        .route("/articles/{id}/polls", get(polls::list).post(polls::create))
        .route("/articles/{id}/gallery", get(galleries::show))
        .route("/articles/{id}/gallery/add", post(galleries::add))
        .route(
            "/articles/{id}/gallery/{position}/{action}",
            post(galleries::change),
        )
        .route("/articles/{id}/list", get(lists::show))
        .route("/articles/{id}/list/add", post(lists::add))
        .route("/articles/{id}/list/numbering", post(lists::numbering))
        .route(
            "/articles/{id}/list/{position}/{action}",
            post(lists::change),
        )
        .route("/articles/{id}/video", get(video::show).post(video::link))
        .route(
            "/articles/{id}/video/upload",
            post(video::upload).layer(axum::extract::DefaultBodyLimit::max(
                (crate::video::MAX_VIDEO_MIB + 1) * 1024 * 1024,
            )),
        )
        .route("/articles/{id}/video/remove", post(video::remove))
        .route("/polls/{id}/close", post(polls::close))
        .route("/polls/{id}/delete", post(polls::delete))
        .route("/articles/{id}/stats", get(stats::article))
        .route(
            "/articles/{id}/live",
            get(live::composer).post(live::change),
        )
        .route("/stats", get(stats::dashboard))
        .route("/articles/{id}/send-back", post(articles::send_back))
        .route("/articles/{id}/assign", post(articles::assign))
        .route("/articles/{id}/notes", post(articles::add_note))
        .route("/articles/{id}/corrections", post(corrections::add))
        .route(
            "/articles/{id}/corrections/{note}",
            post(corrections::amend),
        )
        .route("/articles/{id}/preview", get(articles::full_preview))
        .route(
            "/articles/{id}/preview-links",
            post(articles::share_preview),
        )
        .route(
            "/articles/{id}/preview-links/{link}/revoke",
            post(articles::revoke_preview),
        )
        .route("/articles/{id}/revisions/compare", get(articles::compare))
        .route(
            "/articles/{id}/revisions/{revision}/restore",
            post(articles::restore),
        )
        .route("/preview", post(articles::preview))
        .route("/front", get(front::desk).post(front::change))
        .route("/front/breaking", post(front::breaking))
        .route("/front/label", post(front::label))
        .route("/sections", get(desk::sections).post(desk::create_section))
        .route(
            "/sections/{id}",
            get(desk::section).post(desk::save_section),
        )
        .route(
            "/sections/{id}/delete",
            get(desk::confirm_delete_section).post(desk::delete_section),
        )
        .route("/tags", get(desk::tags).post(desk::create_tag))
        .route("/tags/{id}", get(desk::tag).post(desk::save_tag))
        .route("/tags/{id}/merge", post(desk::merge_tag))
        .route(
            "/tags/{id}/delete",
            get(desk::confirm_delete_tag).post(desk::delete_tag),
        )
        .route("/authors", get(desk::authors).post(desk::create_author))
        .route("/authors/{id}", get(desk::author).post(desk::save_author))
        .route("/authors/{id}/person", post(desk::link_person))
        .route(
            "/authors/{id}/delete",
            get(desk::confirm_delete_author).post(desk::delete_author),
        )
        .route("/comments", get(people::comments))
        .route("/comments/bulk", post(bulk::comments))
        .route("/articles/bulk", post(bulk::articles))
        .route("/comments/{id}", post(people::moderate))
        .route("/people", get(people::people).post(people::add_person))
        .route("/people/{id}", post(people::change_person))
        .route(
            "/settings",
            get(people::settings).post(people::save_settings),
        )
        .route("/audit", get(people::audit))
        .route("/pages", get(pages::list).post(pages::create))
        .route("/pages/new", get(pages::new_page))
        .route("/pages/{id}", get(pages::edit).post(pages::save))
        .route(
            "/pages/{id}/delete",
            get(pages::confirm_delete).post(pages::delete),
        )
        .route("/pages/{id}/revisions", get(pages::revisions))
        .route(
            "/pages/{id}/revisions/{revision}/restore",
            post(pages::restore),
        )
        .route("/menus", get(menus::show).post(menus::save))
        .route("/messages", get(messages::list))
        .route("/messages/recipient", post(messages::set_recipient))
        .route("/messages/{id}", get(messages::show))
        .route(
            "/messages/{id}/delete",
            get(messages::confirm_delete).post(messages::delete),
        )
        .route("/identity", get(brand::identity).post(brand::save_identity))
        .route(
            "/identity/logo",
            post(brand::upload_logo).layer(axum::extract::DefaultBodyLimit::max(max_upload)),
        )
        .route("/ads", get(brand::ads))
        .route("/ads/sections", post(brand::save_sections))
        .route("/ads/{place}", post(brand::save_slot))
        .route(
            "/integrations",
            get(integrations::list).post(integrations::create),
        )
        .route(
            "/integrations/{id}/delete",
            get(integrations::confirm_revoke).post(integrations::revoke),
        )
        .route(
            "/media",
            get(media::library)
                .post(media::upload)
                .layer(axum::extract::DefaultBodyLimit::max(max_upload)),
        )
        .route("/media/{id}", get(media::item).post(media::save))
        .route(
            "/media/{id}/delete",
            get(media::confirm_delete).post(media::delete),
        )
}

/// Who is signed in, as the admin templates show them.
#[derive(Serialize)]
struct MeView<'a> {
    name: &'a str,
    email: &'a str,
    role: &'static str,
    is_editor: bool,
    is_admin: bool,
    csrf: &'a str,
}

#[derive(Serialize)]
struct AdminContext<'a, P: Serialize> {
    site: SiteView<'a>,
    me: Option<MeView<'a>>,
    /// The navigation entry to mark as current.
    section: &'a str,
    /// A message id (`notice-saved`), said in the newsroom's language.
    notice: Option<&'static str>,
    csrf: &'a str,
    page: P,
    /// The newsroom's language (the site's own): what `t()` reads.
    i18n: minijinja::Value,
}

/// The short confirmations shown after a change; only these, so a link cannot put
/// words of its own on the page.
fn notice(query: &HashMap<String, String>) -> Option<&'static str> {
    Some(match query.get("done")?.as_str() {
        "saved" => "notice-saved",
        "created" => "notice-created",
        "deleted" => "notice-deleted",
        "restored" => "notice-restored",
        "merged" => "notice-merged",
        "moderated" => "notice-moderated",
        "signed-out-elsewhere" => "notice-signed-out-elsewhere",
        "password" => "notice-password",
        "settings" => "notice-settings",
        "uploaded" => "notice-uploaded",
        "revoked" => "notice-revoked",
        "submitted" => "notice-submitted",
        "sent-back" => "notice-sent-back",
        "assigned" => "notice-assigned",
        "noted" => "notice-noted",
        "corrected" => "notice-corrected",
        "amended" => "notice-amended",
        "shared" => "notice-shared",
        "withdrawn" => "notice-withdrawn",
        "posted" => "notice-posted",
        "entry-saved" => "notice-entry-saved",
        "entry-deleted" => "notice-entry-deleted",
        "ended" => "notice-ended",
        "reopened" => "notice-reopened",
        _ => return None,
    })
}

/// Renders an admin page. Admin pages are private: never stored by browsers or proxies.
#[allow(clippy::too_many_arguments)] // each is one part of the page frame; a struct adds nothing
fn render<P: Serialize>(
    state: &AppState,
    me: Option<&SignedIn>,
    csrf: &str,
    section: &str,
    template: &str,
    notice: Option<&'static str>,
    page: P,
    status: StatusCode,
) -> Result<Response, PageError> {
    let settings = state.settings();
    let html = state.theme.render(
        template,
        AdminContext {
            site: SiteView::newsroom(&settings),
            me: me.map(|me| MeView {
                name: &me.user.name,
                email: me.user.email.as_str(),
                role: me.user.role.as_str(),
                is_editor: me.user.role.is_editor(),
                is_admin: me.user.role == crate::domain::Role::Admin,
                csrf: &me.csrf,
            }),
            section,
            notice,
            csrf,
            page,
            i18n: minijinja::Value::from_dyn_object(settings.locale.clone()),
        },
    )?;
    let mut response = (status, axum::response::Html(html)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// A page for a signed-in member.
fn page<P: Serialize>(
    state: &AppState,
    me: &SignedIn,
    section: &str,
    template: &str,
    query: &HashMap<String, String>,
    page: P,
) -> Result<Response, PageError> {
    render(
        state,
        Some(me),
        &me.csrf,
        section,
        template,
        notice(query),
        page,
        StatusCode::OK,
    )
}

/// After a change, back to a page with a short confirmation (post/redirect/get).
fn done(path: &str, what: &str) -> Response {
    let joiner = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{joiner}done={what}")).into_response()
}

fn require_editor(user: &User) -> Result<(), PageError> {
    if user.role.is_editor() {
        Ok(())
    } else {
        Err(PageError(AppError::Forbidden(format!(
            "Sections, tags, authors and comments are managed by editors and admins; you are {}.",
            user.role.with_article()
        ))))
    }
}

fn require_admin(user: &User) -> Result<(), PageError> {
    if user.role == crate::domain::Role::Admin {
        Ok(())
    } else {
        Err(PageError(AppError::Forbidden(format!(
            "People, site settings, integrations and the audit log are for admins; you are {}.",
            user.role.with_article()
        ))))
    }
}

/// Field errors as the templates look them up: field name to message, in the newsroom's
/// language.
fn error_map(errors: &FieldErrors, state: &AppState) -> HashMap<String, String> {
    let locale = state.settings().locale.clone();
    let mut map = HashMap::new();
    for error in &errors.0 {
        map.entry(error.field.clone())
            .or_insert_with(|| error.in_language(&locale));
    }
    map
}

/// A form's fields; a field sent more than once keeps every value in order.
#[derive(Debug, Default, Clone, Serialize, serde::Deserialize)]
#[serde(transparent)]
struct FormData(Vec<(String, String)>);

impl FormData {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or("").to_owned()
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The fields as a map, for templates that fill a form back in.
    fn values(&self) -> HashMap<String, String> {
        let mut map = HashMap::new();
        for (key, value) in &self.0 {
            map.entry(key.clone()).or_insert_with(|| value.clone());
        }
        map
    }
}

/// Whether the browser's script asked for JSON (autosave) rather than a page (autosave, uploads).
pub(super) fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// `?page=N` of a newsroom list; anything else is the first page.
fn page_number(query: &HashMap<String, String>) -> u32 {
    query
        .get("page")
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
}

/// `?q=` of a newsroom list, when it holds more than spaces.
fn search_words(query: &HashMap<String, String>) -> Option<String> {
    query
        .get("q")
        .map(|q| q.trim().to_owned())
        .filter(|q| !q.is_empty())
}

fn parse_id(text: &str) -> Result<i64, PageError> {
    crate::domain::parse_id(text).ok_or_else(|| PageError(AppError::not_found("This item")))
}

async fn dashboard(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let first = Page {
        number: 1,
        per_page: 8,
    };
    let list = |status| NewsroomFilter {
        edition: None,
        status: Some(status),
        section_id: None,
        search: None,
        source: None,
    };
    let drafts = state
        .store
        .list_articles(list(ArticleStatus::Draft), first)
        .await?;
    let scheduled = state
        .store
        .list_articles(list(ArticleStatus::Scheduled), first)
        .await?;
    // Only its total: the list shown is the newest publications, below.
    let published = state
        .store
        .list_articles(
            list(ArticleStatus::Published),
            Page {
                number: 1,
                per_page: 1,
            },
        )
        .await?;
    // Newest publication first, as readers see them, not the most recently edited.
    let latest = state
        .store
        .latest_public_articles(
            crate::store::PublicFilter::default(),
            first.per_page,
            Timestamp::now(),
        )
        .await?;
    let pending = if me.user.role.is_editor() {
        Some(
            state
                .store
                .list_comments(
                    Some(CommentStatus::Pending),
                    Page {
                        number: 1,
                        per_page: 1,
                    },
                )
                .await?
                .total,
        )
    } else {
        None
    };
    let settings = state.settings();
    let (reads_now, reads_today) = crate::stats::glance(
        state.store.as_ref(),
        crate::stats::Viewer::of(&me.user),
        Timestamp::now(),
        &settings.timezone,
    )
    .await?;
    let rows = |items: &[crate::store::Article]| -> Vec<Value> {
        items.iter().map(|a| articles::row(&settings, a)).collect()
    };
    let review = articles::review_rows(&state, 8).await?;
    page(
        &state,
        &me,
        "dashboard",
        "admin/dashboard.html",
        &query,
        minijinja::context! {
            drafts => rows(&drafts.items),
            drafts_total => drafts.total,
            scheduled => rows(&scheduled.items),
            scheduled_total => scheduled.total,
            published => rows(&latest),
            published_total => published.total,
            pending_comments => pending,
            review => review,
            now => settings.dateline(Timestamp::now()),
            reads_now => reads_now,
            reads_today => reads_today,
            timezone => settings.timezone.name(),
        },
    )
}
