//! Ghost's Content API, read-only, under `/ghost/api/content/` and the older
//! `/ghost/api/{v2,v3,v4,canary}/content/` that clients still call: a translation of
//! Ghost's requests into the store's typed queries (`crate::ghost` reads the parameters
//! and shapes the records), answered in Ghost's shapes and errors. Every answer carries
//! `Access-Control-Allow-Origin: *`, `Content-Version` and `Vary: Accept-Version`
//! (`content_api_headers`, outside the page cache, so cached answers carry them too).

use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use jiff::Timestamp;
use serde_json::{Value, json};

use super::{AppError, AppState, GhostError, views};
use crate::changes::{List, Shows};
use crate::config::Settings;
use crate::domain::FieldErrors;
use crate::ghost::ids::{self, Kind};
use crate::ghost::params::{ParamError, Request as ContentRequest, Resource};
use crate::ghost::records::{self, CONTENT_VERSION, Paths, Site, SiteSettings, Wanted};
use crate::integrations::{Integrations, KeyCheck, KeyRefusal};
use crate::store::{
    Article, AuthorCondition, Filter, Paged, Section, StoryCondition, StoryField, TagCondition,
    Text, Window,
};

/// Where Ghost's clients look for the Content API, newest first.
pub const PREFIXES: [&str; 5] = [
    "/ghost/api/content",
    "/ghost/api/v4/content",
    "/ghost/api/v3/content",
    "/ghost/api/v2/content",
    "/ghost/api/canary/content",
];

pub fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for prefix in PREFIXES {
        router = router.nest(prefix, content_routes());
    }
    router
        .route("/ghost/api/{*rest}", any(not_served))
        .route("/ghost/api", any(not_served))
}

/// Each address with the trailing slash Ghost's clients write, and without.
fn content_routes() -> Router<AppState> {
    let mut router = Router::new();
    for (path, route) in [
        ("/settings", get(settings)),
        ("/{resource}", get(browse)),
        ("/{resource}/{id}", get(read_by_id)),
        ("/{resource}/slug/{slug}", get(read_by_slug)),
    ] {
        let route = route.fallback(method_not_allowed);
        router = router
            .route(&format!("{path}/"), route.clone())
            .route(path, route);
    }
    router
}

/// CORS, `Content-Version` and `Vary` on every Content API answer (errors and cached
/// answers included), and preflights answered.
pub async fn content_api_headers(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/ghost/api") {
        return next.run(request).await;
    }
    if request.method() == Method::OPTIONS {
        return preflight(request.headers());
    }
    let mut response = next.run(request).await;
    let status = response.status();
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert("content-version", HeaderValue::from_static(CONTENT_VERSION));
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Version, Accept-Encoding"),
    );
    // Ghost's: answers may be cached if revalidated (the ETag makes that cheap); errors not.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if status.is_success() {
            "public, max-age=0"
        } else {
            "no-cache, private, no-store, must-revalidate, max-stale=0, post-check=0, pre-check=0"
        }),
    );
    response
}

fn preflight(headers: &HeaderMap) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let out = response.headers_mut();
    out.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    out.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, HEAD, OPTIONS"),
    );
    // The headers the browser asks to send (Accept-Version, Content-Type…) are all fine:
    // nothing here depends on them but the version answered.
    let asked = headers
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("Accept-Version, Content-Type"));
    out.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked);
    out.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("86400"),
    );
    out.insert(
        header::VARY,
        HeaderValue::from_static("Access-Control-Request-Headers"),
    );
    out.insert("content-version", HeaderValue::from_static(CONTENT_VERSION));
    response
}

async fn not_served(uri: axum::http::Uri) -> GhostError {
    let path = uri.path();
    let message = if path.starts_with("/ghost/api/admin") {
        "Resource not found: Newsdesk serves Ghost's Content API (read-only), not the Admin API."
    } else if path.contains("/members") {
        "Resource not found: Newsdesk has no Ghost members."
    } else {
        "Resource not found"
    };
    GhostError::with_context(
        AppError::NotFound(message.into()),
        "The Content API serves posts, pages, tags, authors, settings, tiers and newsletters \
         under /ghost/api/content/.",
    )
}

async fn method_not_allowed() -> GhostError {
    GhostError::from(AppError::MethodNotAllowed(
        "The Content API is read-only: use GET.".into(),
    ))
}

fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn get_param<'a>(query: &'a [(String, String)], name: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The request's `key` belongs to an integration, or the request is refused as Ghost
/// refuses it: 403 without a key, 401 with one it does not know.
async fn check_key(state: &AppState, query: &[(String, String)]) -> Result<(), GhostError> {
    match Integrations::new(state.store.as_ref())
        .check_key(get_param(query, "key"))
        .await
    {
        Ok(_) => Ok(()),
        Err(KeyCheck::Refused(KeyRefusal::Missing)) => Err(GhostError::with_context(
            AppError::Forbidden("Authorization failed".into()),
            "Unable to determine the authenticated member or integration. Check the supplied \
             Content API Key and ensure cookies are being passed through if member auth is \
             failing.",
        )),
        Err(KeyCheck::Refused(KeyRefusal::Unknown)) => Err(GhostError::with_context(
            AppError::Unauthorized("Unknown Content API Key".into()),
            "Send ?key= with the key of an integration made in the newsroom \
             (/admin/integrations) or with `newsdesk integration create`.",
        )),
        Err(KeyCheck::Failed(error)) => Err(error.into()),
    }
}

fn param_error(error: ParamError) -> GhostError {
    match error {
        ParamError::Invalid { param, message } => {
            GhostError::from(AppError::Invalid(FieldErrors::single(param, message)))
        }
        ParamError::Filter(message) => GhostError::with_context(
            AppError::BadRequest(message),
            "Filters are written in Ghost's NQL, like tag:news+published_at:>'2024-07-01 \
             00:00:00'.",
        ),
    }
}

fn not_found(resource: Resource) -> GhostError {
    GhostError::from(AppError::NotFound(format!("{} not found.", resource.one())))
}

fn resource(name: &str) -> Result<Resource, GhostError> {
    Resource::parse(name).ok_or_else(|| {
        GhostError::with_context(
            AppError::NotFound("Resource not found".into()),
            "The Content API serves posts, pages, tags, authors, settings, tiers and newsletters.",
        )
    })
}

const PATHS: Paths = Paths {
    article: views::article_path,
    section: views::section_path,
    tag: views::tag_path,
    author: views::author_path,
};

fn site<'a>(settings: &'a Settings, sections: &'a [Section]) -> Site<'a> {
    Site {
        base_url: &settings.base_url,
        timezone: settings.timezone.zone(),
        paths: PATHS,
        sections,
    }
}

/// Stories of a resource: posts are the site's stories; pages (Newsdesk has no static
/// pages yet) are none, their parameters checked all the same.
async fn stories(
    state: &AppState,
    resource: Resource,
    filter: &Filter<StoryCondition>,
    request: &ContentRequest,
    window: Window,
    now: Timestamp,
) -> Result<Paged<Article>, GhostError> {
    let order = request.story_order().map_err(param_error)?;
    match resource {
        Resource::Posts => Ok(state
            .store
            .content_stories(filter, &order, window, now)
            .await?),
        _ => Ok(Paged {
            items: Vec::new(),
            total: 0,
        }),
    }
}

/// What an answer of stories shows, for the page cache: the stories themselves when it is
/// one story asked for by id or slug, or a window of the newest stories in an order no edit
/// moves; `None` (dropped by every change) when a filter or an order on words or editing
/// times means any story's edit might change which stories it holds.
fn stories_shown(
    request: &ContentRequest,
    narrow: Option<&Narrow>,
    stories: &[Article],
) -> Option<Shows> {
    let mut shows = Shows::default();
    if narrow.is_none() {
        let order = request.story_order().ok()?;
        let steady = order.iter().all(|o| {
            matches!(
                o.field,
                StoryField::PublishedAt | StoryField::CreatedAt | StoryField::Id
            )
        });
        if request.filter.is_some() || !steady {
            return None;
        }
        shows.list(List::Latest);
    }
    stories.iter().for_each(|a| shows.story_in_full(a));
    Some(shows)
}

/// The records of a resource matching a request, how many match in all, and what the
/// answer shows when that is known.
async fn records(
    state: &AppState,
    resource: Resource,
    request: &ContentRequest,
    narrow: Option<Narrow>,
    window: Window,
) -> Result<(Vec<Value>, i64, Option<Shows>), GhostError> {
    let settings = state.settings();
    let sections = state.store.list_sections().await?;
    let site = site(&settings, &sections);
    let now = Timestamp::now();
    let fields = request.fields.as_deref();
    let keep = |mut value: Value, included: &[&str]| {
        if let (Some(fields), Some(map)) = (fields, value.as_object_mut()) {
            records::keep_fields(map, fields, included);
        }
        value
    };
    Ok(match resource {
        Resource::Posts | Resource::Pages => {
            let mut filter = request.story_filter(now).map_err(param_error)?;
            if let Some(narrow) = &narrow {
                filter = Filter::All(vec![narrow.story(), filter]);
            }
            let kind = if resource == Resource::Posts {
                Kind::Post
            } else {
                Kind::Page
            };
            let paged = stories(state, resource, &filter, request, window, now).await?;
            let wanted = Wanted {
                include: request.include,
                formats: request.formats,
                fields,
            };
            // Newsdesk has no pages yet: what they show is left unsaid until it has.
            let shows = (resource == Resource::Posts)
                .then(|| stories_shown(request, narrow.as_ref(), &paged.items))
                .flatten();
            (
                paged
                    .items
                    .iter()
                    .map(|a| records::post(a, kind, &site, wanted))
                    .collect(),
                paged.total,
                shows,
            )
        }
        Resource::Tags => {
            let mut filter = request.tag_filter().map_err(param_error)?;
            if let Some(narrow) = narrow {
                filter = Filter::All(vec![narrow.tag(), filter]);
            }
            let order = request.tag_order().map_err(param_error)?;
            let paged = state
                .store
                .content_tags(&filter, &order, window, request.include.post_counts, now)
                .await?;
            (
                paged
                    .items
                    .iter()
                    .map(|t| keep(records::tag(t, &site), &["count"]))
                    .collect(),
                paged.total,
                None,
            )
        }
        Resource::Authors => {
            let mut filter = request.author_filter().map_err(param_error)?;
            if let Some(narrow) = narrow {
                filter = Filter::All(vec![narrow.author(), filter]);
            }
            let order = request.author_order().map_err(param_error)?;
            let paged = state
                .store
                .content_authors(&filter, &order, window, request.include.post_counts, now)
                .await?;
            (
                paged
                    .items
                    .iter()
                    .map(|(a, posts)| {
                        let posts = posts.filter(|_| request.include.post_counts);
                        keep(records::author(a, posts, &site), &["count"])
                    })
                    .collect(),
                paged.total,
                None,
            )
        }
        // Tiers and newsletters belong to Ghost's members, which Newsdesk does not have.
        Resource::Tiers | Resource::Newsletters => (Vec::new(), 0, Some(Shows::default())),
    })
}

/// One record asked for by id or slug.
#[derive(Debug, Clone)]
enum Narrow {
    Id(Kind, i64),
    Slug(String),
    Nothing,
}

impl Narrow {
    fn story(&self) -> Filter<StoryCondition> {
        match self {
            Narrow::Id(Kind::Post | Kind::Page, id) => Filter::Is(StoryCondition::Id(vec![*id])),
            Narrow::Slug(slug) => Filter::Is(StoryCondition::Slug(Text::Is(slug.clone()))),
            _ => Filter::Always(false),
        }
    }

    fn tag(&self) -> Filter<TagCondition> {
        match self {
            Narrow::Id(Kind::Section, id) => Filter::Is(TagCondition::Section(vec![*id])),
            Narrow::Id(Kind::Tag, id) => Filter::Is(TagCondition::Tag(vec![*id])),
            Narrow::Slug(slug) => Filter::Is(TagCondition::Slug(Text::Is(slug.clone()))),
            _ => Filter::Always(false),
        }
    }

    fn author(&self) -> Filter<AuthorCondition> {
        match self {
            Narrow::Id(Kind::Author, id) => Filter::Is(AuthorCondition::Id(vec![*id])),
            Narrow::Slug(slug) => Filter::Is(AuthorCondition::Slug(Text::Is(slug.clone()))),
            _ => Filter::Always(false),
        }
    }
}

async fn browse(
    State(state): State<AppState>,
    Path(name): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, GhostError> {
    let resource = resource(&name)?;
    let query = query_pairs(query.as_deref());
    check_key(&state, &query).await?;
    let request = ContentRequest::parse(&query, resource).map_err(param_error)?;
    let (items, total, shows) = records(&state, resource, &request, None, request.window()).await?;
    let mut body = serde_json::Map::new();
    body.insert(resource.name().to_owned(), Value::Array(items));
    body.insert(
        "meta".into(),
        json!({ "pagination": records::pagination(request.page, request.limit, total) }),
    );
    Ok(showing(Json(Value::Object(body)).into_response(), shows))
}

/// An answer with what it shows attached, when that is known.
fn showing(mut response: Response, shows: Option<Shows>) -> Response {
    if let Some(shows) = shows {
        response.extensions_mut().insert(shows);
    }
    response
}

/// One record, as Ghost answers it: a list of one, and no `meta`.
async fn read(
    state: &AppState,
    resource: Resource,
    query: Option<String>,
    narrow: Narrow,
) -> Result<Response, GhostError> {
    let query = query_pairs(query.as_deref());
    check_key(state, &query).await?;
    let request = ContentRequest::parse(&query, resource).map_err(param_error)?;
    let one = Window {
        limit: Some(1),
        offset: 0,
    };
    let (items, _, shows) = records(state, resource, &request, Some(narrow), one).await?;
    if items.is_empty() {
        return Err(not_found(resource));
    }
    let mut body = serde_json::Map::new();
    body.insert(resource.name().to_owned(), Value::Array(items));
    Ok(showing(Json(Value::Object(body)).into_response(), shows))
}

async fn read_by_id(
    State(state): State<AppState>,
    Path((name, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, GhostError> {
    let resource = resource(&name)?;
    if !ids::is_id_shaped(&id) {
        // As Ghost: an id must be 24 hexadecimal characters.
        let query = query_pairs(query.as_deref());
        check_key(&state, &query).await?;
        return Err(GhostError::from(AppError::Invalid(FieldErrors::single(
            "id",
            format!("\"{id}\" is not an id: ids are 24 hexadecimal characters"),
        ))));
    }
    let narrow =
        ids::decode(&id).map_or(Narrow::Nothing, |(kind, number)| Narrow::Id(kind, number));
    read(&state, resource, query, narrow).await
}

async fn read_by_slug(
    State(state): State<AppState>,
    Path((name, slug)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, GhostError> {
    let resource = resource(&name)?;
    read(&state, resource, query, Narrow::Slug(slug.to_lowercase())).await
}

/// The theme's accent colour (`--accent: #a4161a;` in its style sheet).
fn accent_colour(state: &AppState) -> Option<String> {
    let (bytes, _, _) = state.theme.asset("style.css")?;
    let css = String::from_utf8(bytes).ok()?;
    let value = css.split("--accent:").nth(1)?.split(';').next()?.trim();
    let hex = value.strip_prefix('#')?;
    (matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| value.to_owned())
}

async fn settings(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, GhostError> {
    let query = query_pairs(query.as_deref());
    check_key(&state, &query).await?;
    let settings = state.settings();
    let sections = state.store.list_sections().await?;
    let site = site(&settings, &sections);
    let icon = state.theme.asset("favicon.svg").map(|(bytes, _, _)| {
        site.absolute(&format!(
            "/static/{}",
            super::theme::fingerprinted("favicon.svg", &bytes)
        ))
    });
    let shown = SiteSettings {
        title: &settings.site_title,
        description: &settings.site_description,
        language: &settings.language,
        timezone: settings.timezone.name(),
        icon,
        accent_color: accent_colour(&state),
    };
    // Settings, sections and the theme drop every cached answer when they change.
    Ok(showing(
        Json(json!({
            "settings": records::settings(&site, &shown),
            "meta": {},
        }))
        .into_response(),
        Some(Shows::default()),
    ))
}
