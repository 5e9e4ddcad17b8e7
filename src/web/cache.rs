//! The page cache: public pages rendered once for an anonymous reader, kept in memory
//! pre-compressed (Brotli, gzip and plain), and served to everyone until a change makes
//! them stale. One render per page at a time (single flight); a page made stale by new
//! reaction counts is served stale while one render refreshes it, so counts lag by at most
//! `REACTION_LAG`. A reader's own state (their reaction) is spliced into the cached bytes;
//! a reader with a comment awaiting moderation gets a page rendered just for them.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::OnceCell;

use super::AppState;
use super::readership::is_reader;
use crate::changes::{Shows, Touched};
use crate::store::ReactionCounts;

/// How long reaction counts on a cached article page may lag behind the truth.
pub const REACTION_LAG: Duration = Duration::from_secs(1);
/// The longest any page is served from the cache before it is rendered again, so
/// time-driven content (most-read lists, dates) stays current.
pub const MAX_AGE: Duration = Duration::from_secs(30);
/// What browsers and shared caches are told about public pages.
const PUBLIC_CACHE_CONTROL: &str = "public, max-age=10, stale-while-revalidate=30";
const LARGEST_PAGE: usize = 8 * 1024 * 1024;
/// A miss compresses fast (the reader is waiting)...
const FAST_BROTLI: u32 = 2;
const FAST_GZIP: u32 = 1;
/// ...and a page served this often from the cache is compressed again, harder, in the
/// background, one page at a time.
const HOT_HITS: u64 = 16;
const HARD_BROTLI: u32 = 9;
const HARD_GZIP: u32 = 9;

/// The article a rendered page shows, so its reads can be counted however it is served.
#[derive(Debug, Clone, Copy)]
pub struct ArticleRead(pub i64);

pub struct CachedPage {
    content_type: HeaderValue,
    last_modified: Option<HeaderValue>,
    etag: String,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    article_id: Option<i64>,
    /// What the page shows; `None`: everything (it goes at any change).
    shows: Option<Shows>,
    rendered_at: Instant,
    generation: u64,
    last_used: AtomicU64,
    /// Compressed at the hard settings (else fast, when it was filled).
    hard: bool,
    hits: AtomicU64,
}

impl CachedPage {
    fn size(&self) -> usize {
        self.identity.len() + self.gzip.len() + self.brotli.len() + 256
    }
}

/// Counters for `/metrics` and the benchmark.
#[derive(Default)]
pub struct CacheStats {
    pub hits: AtomicU64,
    pub misses: AtomicU64,
    pub stale: AtomicU64,
    pub renders: AtomicU64,
    pub personal: AtomicU64,
}

#[derive(Default)]
struct Entries {
    pages: HashMap<String, Arc<CachedPage>>,
    bytes: usize,
}

type Flight = Arc<OnceCell<Option<Arc<CachedPage>>>>;

pub struct PageCache {
    enabled: bool,
    budget: usize,
    entries: Mutex<Entries>,
    in_flight: Mutex<HashMap<String, Flight>>,
    generation: AtomicU64,
    reactions_changed: Mutex<HashMap<i64, Instant>>,
    tick: AtomicU64,
    /// A page is being compressed harder.
    hardening: std::sync::atomic::AtomicBool,
    pub stats: CacheStats,
}

enum Lookup {
    Fresh(Arc<CachedPage>),
    Stale(Arc<CachedPage>),
    Missing,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl PageCache {
    pub fn new(enabled: bool, budget_bytes: usize) -> PageCache {
        PageCache {
            enabled,
            budget: budget_bytes,
            entries: Mutex::new(Entries::default()),
            in_flight: Mutex::new(HashMap::new()),
            generation: AtomicU64::new(1),
            reactions_changed: Mutex::new(HashMap::new()),
            tick: AtomicU64::new(0),
            hardening: std::sync::atomic::AtomicBool::new(false),
            stats: CacheStats::default(),
        }
    }

    /// Forgets every page: content, comments or settings changed.
    pub fn invalidate_all(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        {
            let mut entries = lock(&self.entries);
            entries.pages.clear();
            entries.bytes = 0;
        }
        // Renders started before the change are not joined by requests after it.
        lock(&self.in_flight).clear();
    }

    /// Forgets the pages that show what `touched` changed, and only those.
    pub fn invalidate(&self, touched: &Touched) {
        if *touched == Touched::Everything {
            return self.invalidate_all();
        }
        // Renders under way may have read what changed: they are not kept.
        self.generation.fetch_add(1, Ordering::SeqCst);
        {
            let mut entries = lock(&self.entries);
            let mut freed = 0;
            entries.pages.retain(|_, page| {
                let stale = page
                    .shows
                    .as_ref()
                    .is_none_or(|shows| shows.stale_after(touched));
                if stale {
                    freed += page.size();
                }
                !stale
            });
            entries.bytes -= freed;
        }
        lock(&self.in_flight).clear();
    }

    /// Whether a page is cached now, for tests.
    pub fn holds(&self, key: &str) -> bool {
        lock(&self.entries).pages.contains_key(key)
    }

    /// Marks an article's page as showing old reaction counts; it is refreshed within
    /// `REACTION_LAG` rather than thrown away, so a hot page is not re-rendered per reaction.
    pub fn reactions_changed(&self, article_id: i64) {
        let mut changed = lock(&self.reactions_changed);
        if changed.len() > 100_000 {
            changed.retain(|_, at| at.elapsed() < MAX_AGE);
        }
        changed.insert(article_id, Instant::now());
    }

    pub fn size(&self) -> (usize, usize) {
        let entries = lock(&self.entries);
        (entries.pages.len(), entries.bytes)
    }

    fn lookup(&self, key: &str) -> Lookup {
        let page = {
            let entries = lock(&self.entries);
            match entries.pages.get(key) {
                Some(page) => page.clone(),
                None => return Lookup::Missing,
            }
        };
        page.last_used
            .store(self.tick.fetch_add(1, Ordering::Relaxed), Ordering::Relaxed);
        let age = page.rendered_at.elapsed();
        let counts_moved = page.article_id.is_some_and(|id| {
            lock(&self.reactions_changed)
                .get(&id)
                .is_some_and(|changed| *changed > page.rendered_at)
        });
        if age >= MAX_AGE || (counts_moved && age >= REACTION_LAG) {
            Lookup::Stale(page)
        } else {
            Lookup::Fresh(page)
        }
    }

    fn store(&self, key: &str, page: Arc<CachedPage>) {
        if page.generation != self.generation.load(Ordering::SeqCst) {
            return;
        }
        let mut entries = lock(&self.entries);
        let size = page.size();
        if let Some(old) = entries.pages.insert(key.to_owned(), page) {
            entries.bytes -= old.size();
        }
        entries.bytes += size;
        while entries.bytes > self.budget && !entries.pages.is_empty() {
            // Evict the least recently used page.
            let Some(victim) = entries
                .pages
                .iter()
                .min_by_key(|(_, p)| p.last_used.load(Ordering::Relaxed))
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(old) = entries.pages.remove(&victim) {
                entries.bytes -= old.size();
            }
        }
    }

    /// Counts a hit; a page that turns hot is compressed again harder in the background
    /// and put back in its place, unless it has gone meanwhile.
    fn hit(self: &Arc<Self>, key: &str, page: &Arc<CachedPage>) {
        let hits = page.hits.fetch_add(1, Ordering::Relaxed) + 1;
        if page.hard || hits < HOT_HITS || self.hardening.swap(true, Ordering::SeqCst) {
            return;
        }
        let cache = self.clone();
        let key = key.to_owned();
        let page = page.clone();
        tokio::task::spawn_blocking(move || {
            let hard = Arc::new(CachedPage {
                content_type: page.content_type.clone(),
                last_modified: page.last_modified.clone(),
                etag: page.etag.clone(),
                gzip: gzip(&page.identity, HARD_GZIP),
                brotli: brotli(&page.identity, HARD_BROTLI),
                identity: page.identity.clone(),
                article_id: page.article_id,
                shows: page.shows.clone(),
                rendered_at: page.rendered_at,
                generation: page.generation,
                last_used: AtomicU64::new(page.last_used.load(Ordering::Relaxed)),
                hard: true,
                hits: AtomicU64::new(hits),
            });
            {
                let mut entries = lock(&cache.entries);
                let current = entries.pages.get(&key);
                if current.is_some_and(|current| Arc::ptr_eq(current, &page)) {
                    let (old, new) = (page.size(), hard.size());
                    entries.pages.insert(key, hard);
                    entries.bytes = entries.bytes - old + new;
                }
            }
            cache.hardening.store(false, Ordering::SeqCst);
        });
    }

    /// Joins the render of `key` already under way, or starts one.
    fn flight(&self, key: &str) -> (Flight, bool) {
        let mut flights = lock(&self.in_flight);
        match flights.get(key) {
            Some(flight) => (flight.clone(), false),
            None => {
                let flight: Flight = Arc::new(OnceCell::new());
                flights.insert(key.to_owned(), flight.clone());
                (flight, true)
            }
        }
    }

    fn land(&self, key: &str, flight: &Flight) {
        let mut flights = lock(&self.in_flight);
        if flights.get(key).is_some_and(|f| Arc::ptr_eq(f, flight)) {
            flights.remove(key);
        }
    }
}

/// Paths whose pages are the same for every anonymous reader.
fn cacheable_path(path: &str) -> bool {
    path == "/"
        // A page of results may list any story, so it says it shows everything and goes
        // at any change; a common word is asked for again and again in between.
        || path == "/search"
        || path == "/feed.xml"
        || path == "/atom.xml"
        || path == "/sitemap.xml"
        || path == super::discovery::CORRECTIONS_PATH
        || path.starts_with("/sitemaps/")
        || path.starts_with("/ghost/api/")
        || ["/article/", "/section/", "/tag/", "/author/"]
            .iter()
            .any(|prefix| path.starts_with(prefix))
        || crate::pages::is_page_address(path)
}

/// A copy of the request as an anonymous reader would send it, asking for plain bytes.
/// Extensions carry what routing found (the path parameters), so they come along.
fn anonymous(
    request_headers: &HeaderMap,
    uri: &axum::http::Uri,
    extensions: &axum::http::Extensions,
) -> Request {
    let mut request = Request::new(Body::empty());
    *request.method_mut() = Method::GET;
    *request.uri_mut() = uri.clone();
    *request.extensions_mut() = extensions.clone();
    for (name, value) in request_headers {
        if name != header::COOKIE
            && name != header::AUTHORIZATION
            && name != header::ACCEPT_ENCODING
            && name != header::IF_NONE_MATCH
            && name != header::IF_MODIFIED_SINCE
        {
            request.headers_mut().append(name.clone(), value.clone());
        }
    }
    request
}

fn gzip(bytes: &[u8], level: u32) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    if encoder.write_all(bytes).is_err() {
        return Bytes::new();
    }
    encoder.finish().map(Bytes::from).unwrap_or_default()
}

fn brotli(bytes: &[u8], quality: u32) -> Bytes {
    let mut out = Vec::with_capacity(bytes.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: quality as i32,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => Bytes::from(out),
        Err(_) => Bytes::new(),
    }
}

/// Renders a page for the cache; `Err` carries a response that must not be cached.
async fn render(
    state: &AppState,
    next: Next,
    request: Request,
) -> Result<Arc<CachedPage>, Response> {
    let generation = state.cache.generation.load(Ordering::SeqCst);
    state.cache.stats.renders.fetch_add(1, Ordering::Relaxed);
    let response = next.run(request).await;
    let cacheable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CONTENT_ENCODING);
    if !cacheable {
        return Err(response);
    }
    let article_id = response
        .extensions()
        .get::<ArticleRead>()
        .map(|read| read.0);
    let shows = response.extensions().get::<Shows>().cloned();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("text/html; charset=utf-8"));
    let last_modified = response.headers().get(header::LAST_MODIFIED).cloned();
    let (parts, body) = response.into_parts();
    // A page larger than the cache keeps (a Content API list of every story) is answered
    // as it is, not cut short.
    let larger = axum::body::HttpBody::size_hint(&body)
        .exact()
        .is_some_and(|size| size > LARGEST_PAGE as u64);
    if larger {
        return Err(Response::from_parts(parts, body));
    }
    let identity = match axum::body::to_bytes(body, LARGEST_PAGE).await {
        Ok(bytes) => bytes,
        Err(_) => return Err(Response::from_parts(parts, Body::empty())),
    };
    let hash = crate::auth::sha256_hex(&identity);
    let page = CachedPage {
        content_type,
        last_modified,
        etag: hash[..24].to_owned(),
        gzip: gzip(&identity, FAST_GZIP),
        brotli: brotli(&identity, FAST_BROTLI),
        identity,
        article_id,
        shows,
        rendered_at: Instant::now(),
        generation,
        last_used: AtomicU64::new(state.cache.tick.fetch_add(1, Ordering::Relaxed)),
        hard: false,
        hits: AtomicU64::new(0),
    };
    Ok(Arc::new(page))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// The best encoding the client accepts (a `q=0` refuses one).
fn negotiate(headers: &HeaderMap) -> Encoding {
    let accepted = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|item| {
            let mut parts = item.split(';');
            let name = parts.next()?.trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (!refused).then_some(name)
        })
        .collect::<Vec<_>>();
    if accepted.iter().any(|e| e == "br") {
        Encoding::Brotli
    } else if accepted.iter().any(|e| e == "gzip" || e == "x-gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// What a request says that counting its read needs: who asks, and what linked here.
struct ReadSignals {
    agent: Option<HeaderValue>,
    referer: Option<HeaderValue>,
}

impl ReadSignals {
    fn of(headers: &HeaderMap) -> ReadSignals {
        ReadSignals {
            agent: headers.get(header::USER_AGENT).cloned(),
            referer: headers.get(header::REFERER).cloned(),
        }
    }
}

fn count_read(state: &AppState, signals: &ReadSignals, article_id: Option<i64>) {
    if let Some(id) = article_id
        && is_reader(signals.agent.as_ref().and_then(|v| v.to_str().ok()))
    {
        let host = signals
            .referer
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .and_then(crate::stats::sources::referrer_host);
        state.reads.record(id, host);
    }
}

/// Answers from a cached page: the encoding the client takes, `304` if its copy is current.
fn serve(
    page: &CachedPage,
    request_headers: &HeaderMap,
    head: bool,
    status_label: &'static str,
) -> Response {
    let encoding = negotiate(request_headers);
    let (body, name, suffix) = match encoding {
        Encoding::Brotli if !page.brotli.is_empty() => (page.brotli.clone(), Some("br"), "-br"),
        Encoding::Gzip | Encoding::Brotli if !page.gzip.is_empty() => {
            (page.gzip.clone(), Some("gzip"), "-gz")
        }
        _ => (page.identity.clone(), None, ""),
    };
    let etag = format!("\"{}{suffix}\"", page.etag);
    let matches = super::discovery::client_copy_is_current(
        request_headers,
        &etag,
        page.last_modified.as_ref().and_then(|v| v.to_str().ok()),
    );
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else if head {
        Response::new(Body::empty())
    } else {
        Response::new(Body::from(body.clone()))
    };
    let headers = response.headers_mut();
    super::add_security_headers(headers);
    if !matches {
        headers.insert(header::CONTENT_TYPE, page.content_type.clone());
        if let Some(name) = name {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        if head && let Ok(length) = HeaderValue::from_str(&body.len().to_string()) {
            headers.insert(header::CONTENT_LENGTH, length);
        }
    }
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    if let Some(value) = &page.last_modified {
        headers.insert(header::LAST_MODIFIED, value.clone());
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(PUBLIC_CACHE_CONTROL),
    );
    headers.insert(
        header::VARY,
        HeaderValue::from_static(if page.article_id.is_some() {
            "Accept-Encoding, Cookie"
        } else {
            "Accept-Encoding"
        }),
    );
    headers.insert("x-cache", HeaderValue::from_static(status_label));
    response
}

/// Writes a reader's own view of the reaction buttons into a cached article page: the
/// current counts and their own reaction pressed. Works on the default theme's markup
/// (`data-kind="K" aria-pressed="…"` … `<span class="reaction-count">N</span>`).
pub fn splice_reactions(html: &str, counts: &ReactionCounts, mine: Option<&str>) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    const PRESSED: &str = "\" aria-pressed=\"";
    const COUNT: &str = "<span class=\"reaction-count\">";
    while let Some(start) = rest.find("data-kind=\"") {
        let after_kind = start + "data-kind=\"".len();
        let Some(kind_len) = rest[after_kind..].find('"') else {
            break;
        };
        let kind = &rest[after_kind..after_kind + kind_len];
        let pressed_at = after_kind + kind_len;
        if !rest[pressed_at..].starts_with(PRESSED) {
            out.push_str(&rest[..pressed_at]);
            rest = &rest[pressed_at..];
            continue;
        }
        let value_at = pressed_at + PRESSED.len();
        let Some(value_len) = rest[value_at..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_at]);
        out.push_str(if mine == Some(kind) { "true" } else { "false" });
        rest = &rest[value_at + value_len..];
        if let Some(count_at) = rest.find(COUNT) {
            let number_at = count_at + COUNT.len();
            if let Some(number_len) = rest[number_at..].find("</span>") {
                out.push_str(&rest[..number_at]);
                out.push_str(&counts.get(kind).copied().unwrap_or(0).to_string());
                rest = &rest[number_at + number_len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The cached page as this reader sees it: true counts and their own reaction marked.
fn personalised(
    page: &CachedPage,
    counts: &ReactionCounts,
    mine: Option<&str>,
    request_headers: &HeaderMap,
) -> Response {
    let html = splice_reactions(&String::from_utf8_lossy(&page.identity), counts, mine);
    let compressed = negotiate(request_headers) != Encoding::Identity;
    let body = if compressed {
        gzip(html.as_bytes(), FAST_GZIP)
    } else {
        Bytes::from(html)
    };
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    super::add_security_headers(headers);
    if compressed {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    headers.insert(header::CONTENT_TYPE, page.content_type.clone());
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Encoding, Cookie"),
    );
    headers.insert("x-cache", HeaderValue::from_static("HIT-PERSONAL"));
    response
}

/// Counts the reads of pages that bypass the cache.
fn counted(state: &AppState, signals: &ReadSignals, response: Response) -> Response {
    let article = response.extensions().get::<ArticleRead>().map(|r| r.0);
    if response.status() == StatusCode::OK {
        count_read(state, signals, article);
    }
    response
}

pub async fn page_cache(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let use_cache = state.cache.enabled
        && (request.method() == Method::GET || request.method() == Method::HEAD)
        && cacheable_path(request.uri().path())
        && !request.headers().contains_key(header::AUTHORIZATION);
    if !use_cache {
        let signals = ReadSignals::of(request.headers());
        let response = next.run(request).await;
        return counted(&state, &signals, response);
    }
    // The address as the reader wrote it: `/sw/` is the Swahili front page, `/` the
    // site's own (the edition's prefix was taken off before routing).
    let prefix = request
        .extensions()
        .get::<crate::editions::Edition>()
        .map(|edition| edition.prefix())
        .unwrap_or_default();
    let key = request
        .uri()
        .path_and_query()
        .map(|pq| format!("{prefix}{}", pq.as_str()))
        .unwrap_or_else(|| format!("{prefix}{}", request.uri().path()));
    let head = request.method() == Method::HEAD;

    let (page, label) = match state.cache.lookup(&key) {
        Lookup::Fresh(page) => {
            state.cache.stats.hits.fetch_add(1, Ordering::Relaxed);
            state.cache.hit(&key, &page);
            (page, "HIT")
        }
        Lookup::Stale(page) => {
            state.cache.stats.stale.fetch_add(1, Ordering::Relaxed);
            let (flight, leader) = state.cache.flight(&key);
            if leader {
                // Readers get the stale copy at once while one render refreshes it.
                let state = state.clone();
                let next = next.clone();
                let fresh = anonymous(request.headers(), request.uri(), request.extensions());
                let key = key.clone();
                tokio::spawn(async move {
                    let rendered = render(&state, next, fresh).await.ok();
                    if let Some(page) = &rendered {
                        state.cache.store(&key, page.clone());
                    }
                    let _ = flight.set(rendered);
                    state.cache.land(&key, &flight);
                });
            }
            (page, "STALE")
        }
        Lookup::Missing => {
            state.cache.stats.misses.fetch_add(1, Ordering::Relaxed);
            let (flight, leader) = state.cache.flight(&key);
            let mut own: Option<Response> = None;
            let fresh = anonymous(request.headers(), request.uri(), request.extensions());
            let filled = flight
                .get_or_init(|| async {
                    match render(&state, next.clone(), fresh).await {
                        Ok(page) => {
                            state.cache.store(&key, page.clone());
                            Some(page)
                        }
                        Err(response) => {
                            own = Some(response);
                            None
                        }
                    }
                })
                .await
                .clone();
            if leader {
                state.cache.land(&key, &flight);
            }
            match (filled, own) {
                (Some(page), _) => (page, "MISS"),
                // This request rendered a page that cannot be cached (a 404, a redirect).
                (None, Some(response)) => {
                    let signals = ReadSignals::of(request.headers());
                    return counted(&state, &signals, response);
                }
                (None, None) => {
                    let signals = ReadSignals::of(request.headers());
                    let response = next.run(request).await;
                    return counted(&state, &signals, response);
                }
            }
        }
    };

    let headers = request.headers();
    count_read(&state, &ReadSignals::of(headers), page.article_id);
    if let (Some(article_id), Some(reader)) = (page.article_id, state.reader_keys.reader(headers)) {
        // This reader may have something of their own on the page.
        let waiting = state
            .store
            .reader_has_waiting_comment(article_id, &reader)
            .await
            .unwrap_or(true);
        if waiting {
            state.cache.stats.personal.fetch_add(1, Ordering::Relaxed);
            return next.run(request).await;
        }
        let mine = state
            .store
            .reader_reaction(article_id, &reader)
            .await
            .ok()
            .flatten();
        if let Ok(counts) = state.store.reaction_counts(article_id).await {
            state.cache.stats.personal.fetch_add(1, Ordering::Relaxed);
            return personalised(&page, &counts, mine.as_deref(), headers);
        }
    }
    serve(&page, headers, head, label)
}
#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("header"),
        );
        headers
    }

    #[test]
    fn content_negotiation_prefers_brotli_and_respects_refusals() {
        assert!(negotiate(&accept("gzip, deflate, br")) == Encoding::Brotli);
        assert!(negotiate(&accept("gzip")) == Encoding::Gzip);
        assert!(negotiate(&accept("br;q=0, gzip")) == Encoding::Gzip);
        assert!(negotiate(&accept("identity")) == Encoding::Identity);
        assert!(negotiate(&HeaderMap::new()) == Encoding::Identity);
    }

    #[test]
    fn compressed_copies_decompress_to_the_page() {
        let html = "<p>hello</p>".repeat(100);
        let gz = gzip(html.as_bytes(), FAST_GZIP);
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut out)
            .expect("gunzip");
        assert_eq!(out, html);
        for quality in [FAST_BROTLI, HARD_BROTLI] {
            let br = brotli(html.as_bytes(), quality);
            let mut out = Vec::new();
            brotli::BrotliDecompress(&mut &br[..], &mut out).expect("unbrotli");
            assert_eq!(out, html.as_bytes());
        }
        let gz = gzip(html.as_bytes(), HARD_GZIP);
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut out)
            .expect("gunzip");
        assert_eq!(out, html);
    }

    #[test]
    fn a_readers_counts_and_own_reaction_are_spliced_in() {
        let html = r#"<button data-kind="like" aria-pressed="false"><span class="reaction-count">3</span></button><button data-kind="love" aria-pressed="true"><span class="reaction-count">9</span></button>"#;
        let counts: ReactionCounts = [("like".to_owned(), 4), ("love".to_owned(), 8)]
            .into_iter()
            .collect();
        assert_eq!(
            splice_reactions(html, &counts, Some("like")),
            r#"<button data-kind="like" aria-pressed="true"><span class="reaction-count">4</span></button><button data-kind="love" aria-pressed="false"><span class="reaction-count">8</span></button>"#
        );
        assert_eq!(
            splice_reactions("<p>no widget</p>", &counts, None),
            "<p>no widget</p>"
        );
    }

    #[test]
    fn only_public_pages_are_cached() {
        assert!(cacheable_path("/"));
        assert!(cacheable_path("/article/x"));
        assert!(cacheable_path("/search"));
        assert!(!cacheable_path("/api/v1/articles"));
        assert!(!cacheable_path("/admin"));
        assert!(cacheable_path("/ghost/api/content/posts/"));
        assert!(cacheable_path("/about"));
        assert!(!cacheable_path("/metrics"));
        assert!(!cacheable_path("/healthz"));
    }
}
