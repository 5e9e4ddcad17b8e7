//! The HTTP face of Newsdesk: `app(state)` builds the whole router, public pages and API.

mod admin;
mod api;
pub mod brand;
pub mod cache;
mod comments;
mod corrections;
pub mod discovery;
mod embeds;
mod error;
pub mod front;
mod gallery;
mod ghost;
pub mod limits;
mod lists;
pub mod live;
mod live_blog;
mod media;
pub mod peers;
mod polls;
mod preview;
mod public;
mod reactions;
pub mod reader;
pub mod readership;
mod review;
pub mod session;
mod site_pages;
pub mod theme;
mod video;
pub mod views;

use std::sync::{Arc, Mutex, RwLock};

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use tower_http::trace::TraceLayer;

pub use error::{ApiError, AppError, ErrorPage, GhostError, PageError};
pub use media::MediaWords;

use crate::config::{Settings, SiteOverrides};
use crate::editions::Edition;
use crate::store::{Section, Store, StoreError};
use limits::RateLimiter;
use live::LiveHub;
use reader::ReaderKeys;
use theme::Theme;

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    /// The settings from file, environment and flags, before an admin's changes.
    base_settings: Arc<Settings>,
    /// The settings in force: `base_settings` with the admin's changes applied.
    current_settings: Arc<RwLock<Arc<Settings>>>,
    /// The one-time token that guards first-run setup while the site has no users.
    pub setup_token: Arc<Mutex<Option<String>>>,
    pub login_throttle: Arc<limits::LoginThrottle>,
    pub theme: Arc<Theme>,
    pub reader_keys: Arc<ReaderKeys>,
    pub reaction_limiter: Arc<RateLimiter>,
    pub comment_limiter: Arc<RateLimiter>,
    pub live: Arc<LiveHub>,
    pub reads: Arc<readership::ReadCounter>,
    pub cache: Arc<cache::PageCache>,
    /// Sections and list counts in memory, forgotten when they change.
    pub memory: Arc<crate::reading::Memory>,
    /// Where photos' bytes are kept.
    pub media: Arc<dyn crate::media::MediaStorage>,
    /// Password-reset and invitation emails.
    pub mailer: Arc<crate::mail::Mailer>,
    /// Tells other instances on the same database what this one changed.
    pub peers: Arc<peers::Peers>,
    /// Turns true when the server is stopping, so open event streams end.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
    /// The paper's identity and ad slots, shown on every public page.
    brand: Arc<RwLock<Arc<brand::Brand>>>,
    /// The words of each edition's language.
    pub locales: Arc<crate::editions::Locales>,
}

impl AppState {
    /// Builds the shared state; the reader-cookie key is the site's, kept in the store.
    pub async fn build(
        store: Arc<dyn Store>,
        settings: Settings,
        shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> anyhow::Result<AppState> {
        let secret = store
            .site_secret("reader_cookie_key", &crate::auth::new_api_token())
            .await?;
        let reader_keys = ReaderKeys::new(&secret, settings.base_url.starts_with("https://"));
        let theme = Theme::new(&settings.theme_dir());
        theme.check()?;
        let overrides = load_overrides(store.as_ref()).await?;
        let media =
            crate::media::open_storage(settings.media_store.as_deref(), &settings.data_dir)?;
        let local_media = settings
            .media_store
            .as_deref()
            .is_none_or(|s| s.trim().is_empty() || s.trim() == "local");
        if local_media && !settings.database_url.starts_with("sqlite:") {
            tracing::warn!(
                folder = %settings.data_dir.join("media").display(),
                "photos are kept in this instance's data folder; if other instances serve \
                 this database, set media_store to a store they share (s3://... or a shared \
                 file:///... folder)"
            );
        }
        let mailer = Arc::new(crate::mail::Mailer::new(
            settings.smtp_url.as_deref(),
            settings.mail_from.as_deref(),
            &settings.base_url,
        )?);
        let locales = Arc::new(crate::editions::Locales::new(crate::i18n::overrides_dir(
            &settings.data_dir,
        )));
        let base_settings = Arc::new(settings);
        let settings = overrides.apply(&base_settings);
        // One setup link for every instance sharing the database, whichever prints it;
        // it opens setup only while the site has no users.
        let setup_token = if store.count_users().await? == 0 {
            Some(
                store
                    .site_secret("setup_token", &crate::auth::new_api_token())
                    .await?,
            )
        } else {
            None
        };
        let brand = brand::load(store.as_ref()).await?;
        let cache = Arc::new(cache::PageCache::new(
            settings.page_cache,
            settings.page_cache_mib as usize * 1024 * 1024,
        ));
        Ok(AppState {
            store: store.clone(),
            reaction_limiter: Arc::new(RateLimiter::new(settings.reaction_limit)),
            comment_limiter: Arc::new(RateLimiter::new(settings.comment_limit)),
            current_settings: Arc::new(RwLock::new(Arc::new(settings))),
            base_settings,
            setup_token: Arc::new(Mutex::new(setup_token)),
            login_throttle: Arc::new(limits::LoginThrottle::default()),
            theme: Arc::new(theme),
            reader_keys: Arc::new(reader_keys),
            live: LiveHub::start(),
            reads: readership::ReadCounter::start(store.clone()),
            cache,
            memory: Arc::new(crate::reading::Memory::default()),
            media,
            mailer,
            peers: Arc::new(peers::Peers::start(store.clone())),
            shutdown,
            brand: Arc::new(RwLock::new(Arc::new(brand))),
            locales,
        })
    }

    /// The settings in force now.
    pub fn settings(&self) -> Arc<Settings> {
        self.current_settings
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Saves an admin's settings and puts them in force at once.
    pub async fn save_overrides(&self, overrides: &SiteOverrides) -> Result<(), AppError> {
        let text = serde_json::to_string(overrides).map_err(anyhow::Error::from)?;
        self.store.set_site_value(SiteOverrides::KEY, &text).await?;
        self.put_in_force(overrides);
        self.cache.invalidate_all();
        self.peers.tell(peers::Change::Settings);
        Ok(())
    }

    /// Reads the admin's settings again (another instance saved them).
    pub async fn reload_settings(&self) -> anyhow::Result<()> {
        let overrides = load_overrides(self.store.as_ref()).await?;
        self.put_in_force(&overrides);
        Ok(())
    }

    fn put_in_force(&self, overrides: &SiteOverrides) {
        let settings = Arc::new(overrides.apply(&self.base_settings));
        *self
            .current_settings
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = settings;
    }

    /// A failed sign-in or reset request from `client`, counted here and on every other
    /// instance.
    pub fn sign_in_failed(&self, client: std::net::IpAddr) {
        self.login_throttle.failed(client);
        self.peers.tell(peers::Change::SignIn {
            client,
            failed: true,
        });
    }

    /// A successful sign-in clears the client's failures everywhere.
    pub fn sign_in_succeeded(&self, client: std::net::IpAddr) {
        self.login_throttle.succeeded(client);
        self.peers.tell(peers::Change::SignIn {
            client,
            failed: false,
        });
    }

    /// Content or comments changed: this instance's cached pages go, and so do the other
    /// instances'.
    pub fn pages_changed(&self) {
        self.memory.forget_all();
        self.cache.invalidate_all();
        self.peers.tell(peers::Change::Pages);
    }

    /// A write changed `touched`: the pages that show it go, here and on the other
    /// instances, and so do the counts and sections held in memory that it changed. A
    /// newsroom request that says what it changed this way is not also taken to have
    /// changed everything (`invalidate_after_changes`).
    pub fn changed(&self, touched: crate::changes::Touched) {
        self.declare_changes();
        self.drop_pages(&touched);
        self.peers.tell(peers::Change::Touched { touched });
    }

    /// Says this request changed nothing readers' pages show.
    pub fn changed_nothing(&self) {
        self.declare_changes();
    }

    /// Marks the request as having said what it changed.
    fn declare_changes(&self) {
        crate::changes::declare();
    }

    /// Forgets what `touched` made stale in memory, and drops the cached pages that show
    /// it: every page when it is the story in the breaking-news banner.
    fn drop_pages(&self, touched: &crate::changes::Touched) {
        if self.memory.forget(touched) {
            self.cache.invalidate_all();
        } else {
            self.cache.invalidate(touched);
        }
    }

    /// Applies a change another instance made.
    pub(crate) fn apply_change(&self, touched: &crate::changes::Touched) {
        self.drop_pages(touched);
    }

    /// The admin's saved settings (empty when none were saved).
    pub async fn overrides(&self) -> Result<SiteOverrides, AppError> {
        Ok(load_overrides(self.store.as_ref()).await?)
    }

    /// The first-run setup token, while no one can sign in yet.
    pub fn current_setup_token(&self) -> Option<String> {
        self.setup_token
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// The settings as an edition's pages use them: its language's words, dates and
    /// numbers.
    pub fn settings_for(&self, edition: &Edition) -> Arc<Settings> {
        let settings = self.settings();
        if edition.language.is_none() {
            return settings;
        }
        let mut own = (*settings).clone();
        own.language = edition.code.clone();
        own.locale = edition.locale.clone();
        Arc::new(own)
    }

    /// The languages the site publishes in besides its own (`crate::editions`).
    pub async fn edition_languages(&self) -> Result<Vec<crate::domain::Language>, StoreError> {
        let sections = self.memory.sections(self.store.as_ref()).await?;
        Ok(crate::editions::languages(
            &sections,
            &self.settings().language,
        ))
    }

    /// The edition in `language` (`None`: the site's own).
    pub async fn edition(
        &self,
        language: Option<crate::domain::Language>,
    ) -> Result<Edition, StoreError> {
        let others = self.edition_languages().await?;
        let settings = self.settings();
        Ok(match language.filter(|l| others.contains(l)) {
            Some(language) => Edition {
                language: Some(language),
                code: language.to_string(),
                locale: self.locales.get(language),
                several: true,
            },
            None => Edition {
                language: None,
                code: settings.language.clone(),
                locale: settings.locale.clone(),
                several: !others.is_empty(),
            },
        })
    }

    /// Renders a page template with the site-wide context every page needs, in the
    /// edition's language and with its sections and menus.
    pub async fn page<S: Serialize>(
        &self,
        edition: &Edition,
        template: &str,
        page: S,
    ) -> Result<Html<String>, PageError> {
        let all_sections = self.memory.sections(self.store.as_ref()).await?;
        let sections: Vec<Section> = all_sections
            .iter()
            .filter(|s| !edition.several || s.language == edition.language)
            .cloned()
            .collect();
        let menus = self.memory.menus(self.store.as_ref()).await?;
        let menus = crate::pages::menus::for_edition(&menus, &sections, edition);
        let editions = self.edition_languages().await?;
        let breaking = self.breaking_banner_in(edition).await?;
        // Previews and error pages (which the newsroom sees too) carry no ads and are not
        // measured; a section without ads says so itself.
        let page = minijinja::Value::from_serialize(&page);
        let flag = |name: &str| page.get_attr(name).is_ok_and(|v| v.is_true());
        let brand = brand::BrandView::new(
            &self.brand(),
            !(flag("preview") || flag("no_ads")),
            !(flag("preview") || flag("unmeasured")),
        );
        let settings = self.settings();
        let mut site = SiteView::new(&settings, edition, &editions, &self.locales);
        // A page in several languages leads to itself in each.
        if let Ok(alternates) = page.get_attr("alternates") {
            for link in &mut site.editions {
                if let Some(url) = alternates
                    .get_item(&minijinja::Value::from(link.code.as_str()))
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                {
                    link.url = url;
                }
            }
        }
        let html = self.theme.render(
            template,
            PageContext {
                site,
                i18n: minijinja::Value::from_dyn_object(edition.locale.clone()),
                nav: &sections,
                menus: &menus,
                breaking,
                brand,
                page,
            },
        )?;
        Ok(Html(html))
    }
}

async fn load_overrides(store: &dyn Store) -> anyhow::Result<SiteOverrides> {
    match store.site_value(SiteOverrides::KEY).await? {
        // Settings saved by a newer or older version that no longer parse are ignored,
        // never fatal: the site keeps running on its file settings.
        Some(text) => Ok(serde_json::from_str(&text).unwrap_or_default()),
        None => Ok(SiteOverrides::default()),
    }
}

#[derive(Serialize)]
struct PageContext<'a, S: Serialize> {
    site: SiteView<'a>,
    nav: &'a [Section],
    /// The header and footer menus.
    menus: &'a crate::pages::menus::Menus,
    /// The breaking-news banner, while one is up.
    breaking: Option<front::BannerView>,
    /// The logo, colour, social links, measurement snippet and the ads this page shows.
    brand: brand::BrandView,
    page: S,
    /// The page's language, which the templates' `t()` and `number()` read.
    i18n: minijinja::Value,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    /// The edition's language code, for `<html lang>`.
    language: String,
    /// `ltr` or `rtl`, for `<html dir>`.
    dir: &'static str,
    base_url: &'a str,
    year: i16,
    /// The masthead's date, `Friday, November 27, 2026`, in the site's zone.
    today: String,
    /// The edition's front page (`/`, `/sw/`) and the start of its addresses (`""`,
    /// `/sw`).
    home: String,
    prefix: String,
    /// Every edition, for the language switcher (empty while the site has one).
    editions: Vec<EditionLink>,
}

/// An edition in the language switcher: its code, its name in its own language and its
/// front page (a page with a translation there leads to that instead).
#[derive(Serialize)]
struct EditionLink {
    code: String,
    name: String,
    /// Its front page, or this page in its language.
    url: String,
    dir: &'static str,
    current: bool,
}

impl<'a> SiteView<'a> {
    /// The site as the newsroom's pages show it: its own language, no switcher.
    fn newsroom(settings: &'a Settings) -> SiteView<'a> {
        let now = jiff::Timestamp::now().to_zoned(settings.timezone.zone().clone());
        SiteView {
            title: &settings.site_title,
            description: &settings.site_description,
            language: settings.language.clone(),
            dir: settings.locale.dir(),
            base_url: &settings.base_url,
            year: now.year(),
            today: settings.locale.date(&now, crate::i18n::DateStyle::Day),
            home: "/".into(),
            prefix: String::new(),
            editions: Vec::new(),
        }
    }

    fn new(
        settings: &'a Settings,
        edition: &Edition,
        others: &[crate::domain::Language],
        locales: &crate::editions::Locales,
    ) -> SiteView<'a> {
        let now = jiff::Timestamp::now().to_zoned(settings.timezone.zone().clone());
        let link = |language: Option<crate::domain::Language>,
                    code: &str,
                    locale: &crate::i18n::Locale| EditionLink {
            code: code.to_owned(),
            name: crate::editions::language_name(code, locale),
            url: crate::editions::path_in(language, "/"),
            dir: locale.dir(),
            current: language == edition.language,
        };
        let editions = if others.is_empty() {
            Vec::new()
        } else {
            std::iter::once(link(None, &settings.language, &settings.locale))
                .chain(
                    others
                        .iter()
                        .map(|l| link(Some(*l), l.as_str(), &locales.get(*l))),
                )
                .collect()
        };
        SiteView {
            title: &settings.site_title,
            description: &settings.site_description,
            language: edition.code.clone(),
            dir: edition.locale.dir(),
            base_url: &settings.base_url,
            year: now.year(),
            today: edition.locale.date(&now, crate::i18n::DateStyle::Day),
            home: edition.home(),
            prefix: edition.prefix(),
            editions,
        }
    }
}

/// A story's address in each language it is in, by language code, for `hreflang` and the
/// language switcher; empty while it has no translation readers may see. `own` is the
/// site's own language code.
pub(crate) fn alternates(
    own: &str,
    article: &crate::store::Article,
    translations: &[crate::store::Translation],
) -> std::collections::BTreeMap<String, String> {
    let mut found = std::collections::BTreeMap::new();
    if translations.is_empty() {
        return found;
    }
    let code = |language: Option<crate::domain::Language>| {
        language.map_or_else(|| own.to_owned(), |l| l.to_string())
    };
    found.insert(
        code(article.language()),
        crate::editions::story_path(article),
    );
    for translation in translations {
        found
            .entry(code(translation.language))
            .or_insert_with(|| crate::editions::translation_path(translation));
    }
    found
}

/// Finds the edition a public address is in (`/sw/...`), and hands the request on with
/// the address the routes know (`/...`) and the edition beside it. The site's own
/// language written as a prefix (`/en/...`) leads to the address without it.
async fn route_edition(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let mut language = None;
    if let Some((code, rest)) = crate::editions::split_path(&path)
        && ![
            "/api/", "/admin", "/static/", "/healthz", "/readyz", "/metrics",
        ]
        .iter()
        .any(|p| rest.starts_with(p))
    {
        let others = state.edition_languages().await.unwrap_or_default();
        let query = request
            .uri()
            .query()
            .map_or_else(String::new, |q| format!("?{q}"));
        if others.contains(&code) {
            if rest.is_empty() {
                return redirect_to(&format!("/{code}/{query}"));
            }
            match format!("{rest}{query}").parse::<axum::http::Uri>() {
                Ok(uri) => *request.uri_mut() = uri,
                Err(_) => return StatusCode::BAD_REQUEST.into_response(),
            }
            language = Some(code);
        } else if code.as_str() == state.settings().language {
            let rest = if rest.is_empty() { "/" } else { rest };
            return redirect_to(&format!("{rest}{query}"));
        }
    }
    let edition = match state.edition(language).await {
        Ok(edition) => edition,
        Err(error) => return PageError(AppError::from(error)).into_response(),
    };
    request.extensions_mut().insert(edition);
    next.run(request).await
}

fn redirect_to(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(location) => (
            StatusCode::MOVED_PERMANENTLY,
            [(header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// A handler's edition: the one `route_edition` found, else the site's own.
impl axum::extract::FromRequestParts<AppState> for Edition {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Edition, PageError> {
        match parts.extensions.get::<Edition>() {
            Some(edition) => Ok(edition.clone()),
            None => Ok(state.edition(None).await?),
        }
    }
}

/// The largest JSON body (API) or reader's form (comments, reactions) read; the newsroom's
/// forms and photo uploads have limits of their own. Stated once so a refusal can name it.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// The whole application as one router, so tests can serve it on any listener.
pub fn app(state: AppState) -> Router {
    let pages = public::routes()
        .merge(reactions::page_routes())
        .merge(polls::page_routes())
        .merge(gallery::page_routes())
        .merge(video::page_routes())
        .merge(comments::page_routes())
        .merge(discovery::page_routes())
        .merge(corrections::routes())
        .merge(media::page_routes())
        .merge(brand::page_routes())
        .merge(preview::routes())
        .merge(site_pages::routes())
        .route("/static/{*path}", get(static_file))
        .fallback(not_found_page)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            render_error_pages,
        ));
    let max_upload = media::upload_body_limit(state.settings().media_max_mib);
    let admin = admin::routes(max_upload)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            invalidate_after_changes,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::require_csrf,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(
            session::MAX_FORM_BYTES,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            render_error_pages,
        ));
    let api = api::routes()
        .merge(reactions::api_routes())
        .merge(polls::api_routes())
        .merge(gallery::api_routes())
        .merge(lists::api_routes())
        .merge(video::api_routes())
        .merge(comments::api_routes())
        .merge(discovery::api_routes())
        .merge(front::api_routes())
        .merge(media::api_routes(max_upload))
        .merge(api::brand::routes(max_upload))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(api::problem_for_rejections))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            invalidate_after_changes,
        ));
    let routes = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .nest("/api/v1", api)
        .nest("/admin", admin)
        .merge(ghost::routes())
        .merge(pages)
        // What the page cache does not hold is compressed fast: the reader is waiting, and
        // at the default level deflate took a tenth of an uncached page's CPU.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Fastest),
        )
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        // A cached page is answered before any other work is done...
        .layer(middleware::from_fn_with_state(
            state.clone(),
            cache::page_cache,
        ))
        // Ghost's Content API: CORS and its version on cached answers too.
        .layer(middleware::from_fn(ghost::content_api_headers))
        // ...and every answer, cached or not, carries the security headers.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        .with_state(state.clone());
    // The edition is read from the address before the routes see it (a layer on the
    // router itself would run after routing).
    Router::new()
        .fallback_service(routes)
        .layer(middleware::from_fn_with_state(state, route_edition))
}

/// The span each request is logged in (at debug level), its address without the one-time
/// tokens that setup, reset and invitation links carry.
fn request_span(request: &Request) -> tracing::Span {
    let target = request
        .uri()
        .path_and_query()
        .map_or("/", |target| target.as_str());
    // tower_http's own target, so `NEWSDESK_LOG=tower_http=debug` shows it as before.
    tracing::debug_span!(
        target: "tower_http::trace::make_span",
        "request",
        method = %request.method(),
        uri = %crate::secrets::redact_request_target(target),
        version = ?request.version(),
    )
}

/// What the router found nothing for: an address of an imported site answers with a 301
/// to where it leads now; anything else is not found.
async fn not_found_page(
    State(state): State<AppState>,
    edition: Edition,
    uri: axum::http::Uri,
) -> Result<Response, PageError> {
    match public::old_address(&state, &edition, uri.path()).await? {
        Some(moved) => Ok(moved),
        None => Err(PageError(AppError::not_found("This page"))),
    }
}

/// Any change made through the API (other than readers' reactions and comments, which say
/// precisely what they changed) makes the cached pages stale, unless the handler said
/// what it changed.
async fn invalidate_after_changes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let changes = !matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    );
    // The full path: inside a nested router the URI has lost its prefix.
    let path = request
        .extensions()
        .get::<axum::extract::OriginalUri>()
        .map_or_else(|| request.uri().path(), |original| original.0.path())
        .to_owned();
    let (response, journal) = crate::changes::journaled(next.run(request)).await;
    // What the rules recorded was written, whatever the answer says.
    for touched in journal.touched {
        state.changed(touched);
    }
    let declared = journal.declared;
    let readers_own = path.ends_with("/reactions")
        || (path.starts_with("/api/v1/articles/") && path.ends_with("/comments"));
    // Signing in and out, previews and uploads change nothing readers see.
    let private = [
        "/admin/preview",
        "/api/v1/preview",
        "/admin/login",
        "/admin/logout",
        "/admin/logout-everywhere",
        "/admin/setup",
        "/admin/media",
        "/api/v1/media",
    ]
    .contains(&path.as_str())
        || path.starts_with("/admin/password-reset");
    let readers_own = readers_own || private;
    let done = response.status().is_success() || response.status().is_redirection();
    if changes && done && !readers_own && !declared {
        state.pages_changed();
    }
    response
}

/// Ready to serve: the database answers. A load balancer takes an instance whose database
/// connection is gone out of rotation until it answers again.
async fn ready(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(error) => {
            tracing::warn!(%error, "not ready: the database does not answer");
            ApiError(AppError::Unavailable(
                "The database does not answer; this instance cannot serve.".into(),
            ))
            .into_response()
        }
    }
}

/// Prometheus metrics, for this machine only (loopback), never for the public.
async fn metrics(
    State(state): State<AppState>,
    reactions::ClientIp(ip): reactions::ClientIp,
) -> Response {
    if !ip.is_loopback() {
        return StatusCode::NOT_FOUND.into_response();
    }
    use std::sync::atomic::Ordering::Relaxed;
    let stats = &state.cache.stats;
    let (entries, bytes) = state.cache.size();
    let body = format!(
        "# HELP newsdesk_page_cache_requests_total Page requests by how the cache answered.\n\
         # TYPE newsdesk_page_cache_requests_total counter\n\
         newsdesk_page_cache_requests_total{{result=\"hit\"}} {}\n\
         newsdesk_page_cache_requests_total{{result=\"miss\"}} {}\n\
         newsdesk_page_cache_requests_total{{result=\"stale\"}} {}\n\
         newsdesk_page_cache_requests_total{{result=\"personal\"}} {}\n\
         # HELP newsdesk_page_renders_total Pages rendered to fill the cache.\n\
         # TYPE newsdesk_page_renders_total counter\n\
         newsdesk_page_renders_total {}\n\
         # HELP newsdesk_page_cache_entries Pages held in the cache.\n\
         # TYPE newsdesk_page_cache_entries gauge\n\
         newsdesk_page_cache_entries {entries}\n\
         # HELP newsdesk_page_cache_bytes Memory the cached pages use.\n\
         # TYPE newsdesk_page_cache_bytes gauge\n\
         newsdesk_page_cache_bytes {bytes}\n\
         # HELP newsdesk_store_statements_total Statements read through the database pool.\n\
         # TYPE newsdesk_store_statements_total counter\n\
         newsdesk_store_statements_total {}\n\
         # HELP newsdesk_untranslated_messages_total Messages shown in English because the site's (or an edition's) language lacks them.\n\
         # TYPE newsdesk_untranslated_messages_total counter\n\
         newsdesk_untranslated_messages_total{{language=\"{}\"}} {}\n",
        stats.hits.load(Relaxed),
        stats.misses.load(Relaxed),
        stats.stale.load(Relaxed),
        stats.personal.load(Relaxed),
        stats.renders.load(Relaxed),
        state.store.statements(),
        state.settings().locale.code(),
        state.settings().locale.untranslated(),
    );
    let mut body = body;
    for locale in state.locales.loaded() {
        body.push_str(&format!(
            "newsdesk_untranslated_messages_total{{language=\"{}\"}} {}\n",
            locale.code(),
            locale.untranslated()
        ));
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}

/// Turns the bare responses `PageError` makes into the site's error page.
async fn render_error_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let edition = request.extensions().get::<Edition>().cloned();
    let response = next.run(request).await;
    let Some(error) = response.extensions().get::<ErrorPage>().cloned() else {
        return response;
    };
    let edition = match edition {
        Some(edition) => edition,
        None => match state.edition(None).await {
            Ok(edition) => edition,
            Err(_) => return response,
        },
    };
    let settings = state.settings_for(&edition);
    // A reader who followed a broken link gets the latest stories and the search box.
    let latest = if error.status == StatusCode::NOT_FOUND {
        state
            .store
            .latest_public_articles(
                crate::store::PublicFilter {
                    edition: edition.filter(),
                    ..Default::default()
                },
                5,
                jiff::Timestamp::now(),
            )
            .await
            .map(|articles| {
                articles
                    .iter()
                    .map(|a| views::ArticleView::card(&settings, a))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let locale = edition.locale.clone();
    let (title, message) = if error.general || locale.code() != "en" {
        (locale.t(error.words.0), locale.t(error.words.1))
    } else {
        (error.title.to_owned(), error.message.clone())
    };
    let context = minijinja::context! {
        status => error.status.as_u16(),
        title,
        message,
        latest,
        no_ads => true,
        unmeasured => true,
    };
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    match state.page(&edition, "error.html", context).await {
        Ok(html) => {
            let mut page = (error.status, html).into_response();
            if let Some(value) = retry_after {
                page.headers_mut().insert(header::RETRY_AFTER, value);
            }
            page
        }
        Err(_) => (
            error.status,
            Html(format!(
                "<!doctype html><html lang=\"en\"><title>{0}</title><h1>{0}</h1>",
                error.title
            )),
        )
            .into_response(),
    }
}

/// Defence in depth for every response: no sniffing, no framing by others, a content
/// policy under which an injected script would not run, no powerful browser features, and
/// on an HTTPS site, HTTPS only for a year. Readers' pages carry the policy the brand
/// calls for (`brand::public_policy`): loosened only while ad code or a measurement snippet
/// needs it, never in the newsroom or the API.
async fn security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let newsroom = ["/admin", "/api/", "/ghost/"]
        .iter()
        .any(|prefix| request.uri().path().starts_with(prefix));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    add_security_headers(headers);
    let brand = state.brand();
    if !newsroom
        && brand.policy != CONTENT_SECURITY_POLICY
        && let Ok(policy) = HeaderValue::from_str(&brand.policy)
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    if state.settings().base_url.starts_with("https://") {
        // Not `includeSubDomains`: other hosts under the site's name may not serve HTTPS,
        // and the site cannot know; a proxy in front may add it (and `preload`).
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// What a page may ask the browser for: nothing. No camera, microphone, position,
/// payments, devices or motion sensors, and no interest-based advertising topics.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), browsing-topics=(), camera=(), \
     display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), \
     microphone=(), midi=(), payment=(), serial=(), usb=()";

/// The content policy: our own scripts and styles; frames from here and, once a reader
/// clicks an embed, its provider (`embeds::FRAME_SOURCES`); images from anywhere
/// (photos may be hotlinked in bodies); no plugins; forms post only here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' https: http: data:; \
     style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; \
     frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com \
     https://platform.twitter.com https://www.facebook.com https://www.instagram.com \
     https://www.tiktok.com; frame-ancestors 'self'; form-action 'self'";

/// The headers every response carries, cached pages included.
pub fn add_security_headers(headers: &mut HeaderMap) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
}

async fn static_file(
    State(state): State<AppState>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let Some((bytes, content_type, fingerprinted)) = state.theme.asset(&path) else {
        return Err(PageError(AppError::not_found("This file")));
    };
    let cache_control = if fingerprinted {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    let etag = format!("\"{}\"", &crate::auth::sha256_hex(&bytes)[..16]);
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CACHE_CONTROL, cache_control.to_owned()),
            (header::ETAG, etag),
        ],
        bytes,
    )
        .into_response())
}
