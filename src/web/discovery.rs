//! How readers and machines find the news: RSS and Atom feeds, sitemaps and robots.txt,
//! site search, the most read and most reacted lists, and short permalinks.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use serde_json::{Value, json};

use super::views::{self, ArticleView, Link};
use super::{ApiError, AppError, AppState, PageError};
use crate::changes::{List, Shows};
use crate::config::{FeedContent, Settings};
use crate::editions::Edition;
use crate::markdown;
use crate::reading::Popular;
use crate::store::{Article, Correction, MATCH_END, MATCH_START, Page, PublicFilter, StoreError};

/// The public notes of a feed's stories, by story.
type Notes = HashMap<i64, Vec<Correction>>;

/// The public record of corrections and clarifications.
pub const CORRECTIONS_PATH: &str = "/corrections";
/// Articles in a feed.
const FEED_ITEMS: u32 = 20;
/// Article addresses per sitemap file (the protocol allows 50,000 and 50 MB).
const SITEMAP_PAGE: u32 = 10_000;
/// Google News reads at most 1,000 entries from the last two days.
const NEWS_SITEMAP_LIMIT: u32 = 1_000;

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/feed.xml", get(site_rss))
        .route("/atom.xml", get(site_atom))
        .route("/section/{slug}/feed.xml", get(section_rss))
        .route("/section/{slug}/atom.xml", get(section_atom))
        .route("/tag/{slug}/feed.xml", get(tag_rss))
        .route("/tag/{slug}/atom.xml", get(tag_atom))
        .route("/author/{slug}/feed.xml", get(author_rss))
        .route("/author/{slug}/atom.xml", get(author_atom))
        .route("/sitemap.xml", get(sitemap_index))
        .route("/sitemaps/{file}", get(sitemap_file))
        .route("/robots.txt", get(robots))
        .route("/search", get(search_page))
        .route("/a/{id}", get(permalink))
}

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/search", get(search_api))
        .route("/popular", get(popular_api))
}

/// Escapes text for XML content and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An absolute URL for a path on this site; absolute URLs pass through.
pub fn absolute(settings: &Settings, url: &str) -> String {
    if url.starts_with('/') {
        format!("{}{url}", settings.base_url)
    } else {
        url.to_owned()
    }
}

/// Article HTML with its site-relative links made absolute, for readers outside the site.
fn absolute_links(settings: &Settings, html: &str) -> String {
    html.replace("src=\"/", &format!("src=\"{}/", settings.base_url))
        .replace("href=\"/", &format!("href=\"{}/", settings.base_url))
}

fn rfc822(at: Timestamp) -> String {
    at.strftime("%a, %d %b %Y %H:%M:%S +0000").to_string()
}

fn rfc3339(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn http_date(at: Timestamp) -> String {
    at.strftime("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// Whether the client's copy is current (RFC 9110 §13.2.2): `If-None-Match` decides when
/// present, else `If-Modified-Since` against the representation's `Last-Modified`.
pub fn client_copy_is_current(
    headers: &HeaderMap,
    etag: &str,
    last_modified: Option<&str>,
) -> bool {
    match headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        Some(tags) => tags
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == etag || t == "*"),
        None => match (
            headers
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok()),
            last_modified,
        ) {
            (Some(since), Some(modified)) => matches!(
                (parse_http_date(since), parse_http_date(modified)),
                (Some(since), Some(modified)) if modified <= since
            ),
            _ => false,
        },
    }
}

/// Reads an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
pub fn parse_http_date(text: &str) -> Option<Timestamp> {
    jiff::fmt::strtime::parse("%a, %d %b %Y %H:%M:%S GMT", text.trim())
        .ok()?
        .to_datetime()
        .ok()?
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

fn image_type(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or("");
    let extension = path.rsplit_once('.')?.1;
    Some(match extension {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "avif" => "image/avif",
        _ => return None,
    })
}

/// The stable address of an article whatever its slug becomes: the GUID in feeds.
fn permalink_url(settings: &Settings, article: &Article) -> String {
    format!("{}/a/{}", settings.base_url, article.id)
}

fn article_url(settings: &Settings, article: &Article) -> String {
    absolute(settings, &crate::editions::story_path(article))
}

fn summary(article: &Article) -> String {
    article
        .standfirst
        .clone()
        .unwrap_or_else(|| markdown::plain_text(&article.body, 300))
}

/// Answers with `body`, or `304 Not Modified` when the client's copy is current
/// (RFC 9110: `If-None-Match` first, then `If-Modified-Since`).
fn conditional(
    headers: &HeaderMap,
    body: String,
    content_type: &'static str,
    last_modified: Option<Timestamp>,
) -> Response {
    let etag = format!("\"{}\"", &crate::auth::sha256_hex(body.as_bytes())[..20]);
    let last_modified =
        last_modified.map(|at| http_date(Timestamp::from_second(at.as_second()).unwrap_or(at)));
    let not_modified = client_copy_is_current(headers, &etag, last_modified.as_deref());
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type)], body).into_response()
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    if let Some(value) = last_modified.and_then(|v| HeaderValue::from_str(&v).ok()) {
        headers.insert(header::LAST_MODIFIED, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

/// What one feed covers.
struct FeedSpec {
    title: String,
    description: String,
    /// The HTML page the feed follows, as a path.
    page: String,
    /// The feed's own path, without the `feed.xml`/`atom.xml` file name.
    base: String,
    filter: PublicFilter,
}

async fn feed_articles(
    state: &AppState,
    spec: &FeedSpec,
) -> Result<(Vec<Article>, Notes), StoreError> {
    let articles = state
        .store
        .latest_public_articles(spec.filter, FEED_ITEMS, Timestamp::now())
        .await?;
    // Only stories with notes send the store looking for them.
    let noted: Vec<i64> = articles
        .iter()
        .filter(|a| a.noted_at.is_some())
        .map(|a| a.id)
        .collect();
    let notes = if noted.is_empty() {
        Notes::new()
    } else {
        state.store.corrections_of(&noted).await?
    };
    Ok((articles, notes))
}

/// What a feed shows, for the page cache: its list and its stories.
fn feed_shows(spec: &FeedSpec, articles: &[Article]) -> Shows {
    let mut shows = Shows::default();
    let filter = spec.filter;
    shows.list(if let Some(id) = filter.section_id {
        List::Section(id)
    } else if let Some(id) = filter.tag_id {
        List::Tag(id)
    } else if let Some(id) = filter.author_id {
        List::Author(id)
    } else {
        List::Latest
    });
    articles.iter().for_each(|a| shows.story_in_full(a));
    shows
}

/// A feed's answer with what it shows attached.
fn feed_response(mut response: Response, spec: &FeedSpec, articles: &[Article]) -> Response {
    response.extensions_mut().insert(feed_shows(spec, articles));
    response
}

fn last_change(articles: &[Article]) -> Option<Timestamp> {
    articles.iter().map(crate::trust::last_modified).max()
}

/// A feed item's summary, opening with the dateline when there is one.
fn feed_summary(article: &Article) -> String {
    match &article.dateline {
        Some(place) => format!(
            "{} — {}",
            crate::trust::dateline_text(place),
            summary(article)
        ),
        None => summary(article),
    }
}

/// A story's public notes as a feed item carries them: corrections and clarifications
/// first, newest first, then updates and editor's notes in order.
fn notes_html(settings: &Settings, notes: &[Correction]) -> String {
    let (mut owned, others): (Vec<&Correction>, Vec<&Correction>) =
        notes.iter().partition(|n| n.kind.owns_a_mistake());
    owned.reverse();
    owned
        .into_iter()
        .chain(others)
        .map(|note| {
            format!(
                "<p class=\"note note-{}\"><strong>{} ({}):</strong> {}</p>",
                note.kind.as_str(),
                views::escape_html(&views::note_label(settings, note)),
                views::escape_html(&settings.dateline(note.noted_at)),
                views::escape_html(&note.body)
            )
        })
        .collect()
}

fn content_html(settings: &Settings, article: &Article, notes: &Notes) -> Option<String> {
    let notes = notes
        .get(&article.id)
        .map(|n| notes_html(settings, n))
        .unwrap_or_default();
    match settings.feed_content {
        FeedContent::Full => {
            let body = views::with_dateline(
                &markdown::render(&article.body),
                article.dateline.as_deref(),
            );
            Some(absolute_links(settings, &format!("{notes}{body}")))
        }
        FeedContent::Summary => (!notes.is_empty()).then_some(notes),
    }
}

/// Gallery stories' photos by story, for feeds to carry as media elements.
type FeedGalleries = std::collections::HashMap<i64, Vec<crate::store::GalleryPhoto>>;

/// The photos of the gallery stories among a feed's stories (other formats carry no
/// gallery, whatever they have stored).
async fn feed_galleries(
    state: &AppState,
    articles: &[Article],
) -> Result<FeedGalleries, StoreError> {
    let ids: Vec<i64> = articles
        .iter()
        .filter(|a| a.format == crate::domain::ArticleFormat::Gallery)
        .map(|a| a.id)
        .collect();
    if ids.is_empty() {
        return Ok(FeedGalleries::new());
    }
    state.store.galleries(&ids).await
}

/// A gallery's photos as Media RSS elements, each with its caption and credit.
fn gallery_media(settings: &Settings, photos: Option<&Vec<crate::store::GalleryPhoto>>) -> String {
    let mut out = String::new();
    for photo in photos.into_iter().flatten() {
        let src = super::media::Responsive::new(&photo.media);
        out.push_str(&format!(
            "<media:content url=\"{}\" medium=\"image\" width=\"{}\" height=\"{}\"",
            xml(&absolute(settings, &src.src)),
            src.width,
            src.height
        ));
        if !src.fallback_type.is_empty() {
            out.push_str(&format!(" type=\"{}\"", xml(&src.fallback_type)));
        }
        out.push_str(">\n");
        let description = photo.caption().unwrap_or(&photo.media.alt);
        out.push_str(&format!(
            "<media:description>{}</media:description>\n",
            xml(description)
        ));
        if let Some(credit) = photo.credit() {
            out.push_str(&format!("<media:credit>{}</media:credit>\n", xml(credit)));
        }
        out.push_str("</media:content>\n");
    }
    out
}

fn rss(
    settings: &Settings,
    spec: &FeedSpec,
    articles: &[Article],
    notes: &Notes,
    galleries: &FeedGalleries,
) -> String {
    let mut out = String::with_capacity(4096 + articles.len() * 2048);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n");
    out.push_str(&format!(
        "<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n<generator>Newsdesk</generator>\n<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        xml(&spec.title),
        xml(&absolute(settings, &spec.page)),
        xml(&spec.description),
        xml(&settings.language),
        xml(&absolute(settings, &format!("{}/feed.xml", spec.base))),
    ));
    if let Some(at) = last_change(articles) {
        out.push_str(&format!("<lastBuildDate>{}</lastBuildDate>\n", rfc822(at)));
    }
    for article in articles {
        out.push_str("<item>\n");
        out.push_str(&format!(
            "<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n",
            xml(&article.title),
            xml(&article_url(settings, article)),
            xml(&permalink_url(settings, article)),
        ));
        if let Some(at) = article.published_at {
            out.push_str(&format!("<pubDate>{}</pubDate>\n", rfc822(at)));
        }
        for author in &article.authors {
            out.push_str(&format!("<dc:creator>{}</dc:creator>\n", xml(&author.name)));
        }
        out.push_str(&format!(
            "<category>{}</category>\n",
            xml(&article.section.name)
        ));
        for tag in &article.tags {
            out.push_str(&format!("<category>{}</category>\n", xml(&tag.name)));
        }
        out.push_str(&format!(
            "<description>{}</description>\n",
            xml(&feed_summary(article))
        ));
        if let Some(html) = content_html(settings, article, notes) {
            out.push_str(&format!(
                "<content:encoded>{}</content:encoded>\n",
                xml(&html)
            ));
        }
        if let Some(image) = &article.lead_image {
            let url = absolute(settings, &image.url);
            out.push_str(&format!(
                "<media:content url=\"{}\" medium=\"image\"",
                xml(&url)
            ));
            if let Some(kind) = image_type(&url) {
                out.push_str(&format!(" type=\"{kind}\""));
            }
            out.push_str(&format!(
                ">\n<media:description>{}</media:description>\n",
                xml(&image.alt)
            ));
            if let Some(credit) = &image.credit {
                out.push_str(&format!("<media:credit>{}</media:credit>\n", xml(credit)));
            }
            out.push_str("</media:content>\n");
        }
        out.push_str(&gallery_media(settings, galleries.get(&article.id)));
        out.push_str("</item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

fn atom(
    settings: &Settings,
    spec: &FeedSpec,
    articles: &[Article],
    notes: &Notes,
    galleries: &FeedGalleries,
) -> String {
    let self_url = absolute(settings, &format!("{}/atom.xml", spec.base));
    let updated = last_change(articles).unwrap_or(Timestamp::UNIX_EPOCH);
    let mut out = String::with_capacity(4096 + articles.len() * 2048);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:media=\"http://search.yahoo.com/mrss/\" xml:lang=\"{}\">\n",
        xml(&settings.language)
    ));
    out.push_str(&format!(
        "<title>{}</title>\n<subtitle>{}</subtitle>\n<id>{}</id>\n<updated>{}</updated>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<author><name>{}</name><uri>{}</uri></author>\n<generator>Newsdesk</generator>\n",
        xml(&spec.title),
        xml(&spec.description),
        xml(&self_url),
        rfc3339(updated),
        xml(&self_url),
        xml(&absolute(settings, &spec.page)),
        xml(&settings.site_title),
        xml(&settings.base_url),
    ));
    for article in articles {
        let published = article.published_at.unwrap_or(article.created_at);
        out.push_str("<entry>\n");
        out.push_str(&format!(
            "<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<published>{}</published>\n<updated>{}</updated>\n",
            xml(&article.title),
            xml(&permalink_url(settings, article)),
            xml(&article_url(settings, article)),
            rfc3339(published),
            rfc3339(crate::trust::last_modified(article).max(published)),
        ));
        for author in &article.authors {
            out.push_str(&format!(
                "<author><name>{}</name><uri>{}</uri></author>\n",
                xml(&author.name),
                xml(&absolute(
                    settings,
                    &views::author_path(author.slug.as_str())
                )),
            ));
        }
        out.push_str(&format!(
            "<category term=\"{}\" label=\"{}\"/>\n",
            xml(article.section.slug.as_str()),
            xml(&article.section.name)
        ));
        for tag in &article.tags {
            out.push_str(&format!(
                "<category term=\"{}\" label=\"{}\"/>\n",
                xml(tag.slug.as_str()),
                xml(&tag.name)
            ));
        }
        out.push_str(&format!(
            "<summary type=\"text\">{}</summary>\n",
            xml(&feed_summary(article))
        ));
        if let Some(html) = content_html(settings, article, notes) {
            out.push_str(&format!(
                "<content type=\"html\">{}</content>\n",
                xml(&html)
            ));
        }
        if let Some(image) = &article.lead_image {
            let url = absolute(settings, &image.url);
            match image_type(&url) {
                Some(kind) => out.push_str(&format!(
                    "<link rel=\"enclosure\" type=\"{kind}\" href=\"{}\"/>\n",
                    xml(&url)
                )),
                None => out.push_str(&format!(
                    "<link rel=\"enclosure\" href=\"{}\"/>\n",
                    xml(&url)
                )),
            }
            out.push_str(&format!(
                "<media:content url=\"{}\" medium=\"image\"/>\n",
                xml(&url)
            ));
        }
        out.push_str(&gallery_media(settings, galleries.get(&article.id)));
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn site_feed(state: &AppState, edition: &Edition) -> FeedSpec {
    FeedSpec {
        title: state.settings().site_title.clone(),
        description: state.settings().site_description.clone(),
        page: edition.home(),
        base: edition.prefix(),
        filter: PublicFilter {
            edition: edition.filter(),
            ..PublicFilter::default()
        },
    }
}

/// The feed of a section, tag or author page.
async fn list_feed(
    state: &AppState,
    edition: &Edition,
    kind: &str,
    slug: &str,
) -> Result<FeedSpec, PageError> {
    let missing = |e: StoreError| match e {
        StoreError::NotFound => PageError(AppError::not_found("This feed")),
        other => PageError::from(other),
    };
    let site = &state.settings().site_title;
    let (name, description, link, filter) = match kind {
        "section" => {
            let section = state
                .memory
                .section_by_slug(state.store.as_ref(), slug)
                .await?
                .ok_or(StoreError::NotFound)
                .map_err(missing)?;
            let filter = PublicFilter {
                section_id: Some(section.id),
                ..Default::default()
            };
            (
                section.name.clone(),
                section.description.clone(),
                Link::section(&section),
                filter,
            )
        }
        "tag" => {
            let tag = state.store.tag_by_slug(slug).await.map_err(missing)?;
            let filter = PublicFilter {
                tag_id: Some(tag.id),
                edition: edition.filter(),
                ..Default::default()
            };
            (
                tag.name.clone(),
                None,
                Link::tag(&tag).within(edition.language),
                filter,
            )
        }
        "author" => {
            let author = state.store.author_by_slug(slug).await.map_err(missing)?;
            let filter = PublicFilter {
                author_id: Some(author.id),
                edition: edition.filter(),
                ..Default::default()
            };
            (
                author.name.clone(),
                author.bio.clone(),
                Link::author(&author).within(edition.language),
                filter,
            )
        }
        _ => return Err(PageError(AppError::not_found("This feed"))),
    };
    Ok(FeedSpec {
        title: format!("{name} – {site}"),
        description: description.unwrap_or_else(|| format!("The latest from {name} on {site}.")),
        base: link.url.clone(),
        page: link.url,
        filter,
    })
}

const RSS_TYPE: &str = "application/rss+xml; charset=utf-8";
const ATOM_TYPE: &str = "application/atom+xml; charset=utf-8";

async fn site_rss(
    State(state): State<AppState>,
    edition: Edition,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let spec = site_feed(&state, &edition);
    let (articles, notes) = feed_articles(&state, &spec).await?;
    let galleries = feed_galleries(&state, &articles).await?;
    let body = rss(
        &state.settings_for(&edition),
        &spec,
        &articles,
        &notes,
        &galleries,
    );
    let response = conditional(&headers, body, RSS_TYPE, last_change(&articles));
    Ok(feed_response(response, &spec, &articles))
}

async fn site_atom(
    State(state): State<AppState>,
    edition: Edition,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let spec = site_feed(&state, &edition);
    let (articles, notes) = feed_articles(&state, &spec).await?;
    let galleries = feed_galleries(&state, &articles).await?;
    let body = atom(
        &state.settings_for(&edition),
        &spec,
        &articles,
        &notes,
        &galleries,
    );
    let response = conditional(&headers, body, ATOM_TYPE, last_change(&articles));
    Ok(feed_response(response, &spec, &articles))
}

async fn list_feed_response(
    state: &AppState,
    edition: &Edition,
    kind: &str,
    slug: &str,
    headers: &HeaderMap,
    format: fn(&Settings, &FeedSpec, &[Article], &Notes, &FeedGalleries) -> String,
    content_type: &'static str,
) -> Result<Response, PageError> {
    let spec = list_feed(state, edition, kind, slug).await?;
    let (articles, notes) = feed_articles(state, &spec).await?;
    let galleries = feed_galleries(state, &articles).await?;
    let body = format(
        &state.settings_for(edition),
        &spec,
        &articles,
        &notes,
        &galleries,
    );
    let response = conditional(headers, body, content_type, last_change(&articles));
    Ok(feed_response(response, &spec, &articles))
}

macro_rules! list_feed_handler {
    ($name:ident, $kind:literal, $format:ident, $type:ident) => {
        async fn $name(
            State(state): State<AppState>,
            edition: Edition,
            Path(slug): Path<String>,
            headers: HeaderMap,
        ) -> Result<Response, PageError> {
            list_feed_response(&state, &edition, $kind, &slug, &headers, $format, $type).await
        }
    };
}

list_feed_handler!(section_rss, "section", rss, RSS_TYPE);
list_feed_handler!(section_atom, "section", atom, ATOM_TYPE);
list_feed_handler!(tag_rss, "tag", rss, RSS_TYPE);
list_feed_handler!(tag_atom, "tag", atom, ATOM_TYPE);
list_feed_handler!(author_rss, "author", rss, RSS_TYPE);
list_feed_handler!(author_atom, "author", atom, ATOM_TYPE);

const XML_TYPE: &str = "application/xml; charset=utf-8";

async fn sitemap_index(
    State(state): State<AppState>,
    edition: Edition,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let now = Timestamp::now();
    // How many stories there are, from memory (the same count as the home page's pages).
    let everything = PublicFilter {
        edition: edition.filter(),
        ..PublicFilter::default()
    };
    let total = state
        .memory
        .count(state.store.as_ref(), everything, now)
        .await?;
    let files = ((total + i64::from(SITEMAP_PAGE) - 1) / i64::from(SITEMAP_PAGE)).max(1);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut names = vec!["pages.xml".to_owned(), "news.xml".to_owned()];
    names.extend((1..=files).map(|n| format!("articles-{n}.xml")));
    for name in names {
        out.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            xml(&absolute(
                &state.settings(),
                &edition.path(&format!("/sitemaps/{name}"))
            ))
        ));
    }
    out.push_str("</sitemapindex>\n");
    let mut shows = Shows::default();
    shows.list(List::Latest);
    Ok(with_shows(
        conditional(&headers, out, XML_TYPE, None),
        shows,
    ))
}

/// An answer with what it shows attached, for the page cache.
fn with_shows(mut response: Response, shows: Shows) -> Response {
    response.extensions_mut().insert(shows);
    response
}

fn urlset(news: bool) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if news {
        out.push_str(" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"");
    }
    out.push_str(">\n");
    out
}

async fn sitemap_file(
    State(state): State<AppState>,
    edition: Edition,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let now = Timestamp::now();
    let settings = &state.settings_for(&edition);
    let own_language = state.settings().language.clone();
    let missing = || PageError(AppError::not_found("This sitemap"));
    // What the file shows: every tag and author it names (sections and new tags or
    // authors change everything), or the stories it lists and the list they come from.
    let mut shows = Shows::default();
    let body = if file == "pages.xml" {
        let mut out = urlset(false);
        let mut paths = vec![edition.home()];
        // Each edition lists its own sections and pages; topics, authors and the
        // corrections are the site's own edition's.
        paths.extend(
            state
                .memory
                .sections(state.store.as_ref())
                .await?
                .iter()
                .filter(|s| !edition.several || s.language == edition.language)
                .map(|s| s.path()),
        );
        if edition.language.is_none() {
            paths.push(CORRECTIONS_PATH.to_owned());
            for tag in state.store.list_tags().await? {
                shows.tags.insert(tag.id);
                paths.push(views::tag_path(tag.slug.as_str()));
            }
            for author in state.store.list_authors().await? {
                shows.authors.insert(author.id);
                paths.push(views::author_path(author.slug.as_str()));
            }
        }
        // The site's own pages (About, Contact...), which are in no feed.
        paths.extend(
            state
                .store
                .list_pages()
                .await?
                .iter()
                .filter(|p| p.language == edition.language)
                .map(|p| edition.path(&super::site_pages::page_path(&p.slug))),
        );
        for path in paths {
            out.push_str(&format!(
                "<url><loc>{}</loc></url>\n",
                xml(&absolute(settings, &path))
            ));
        }
        out
    } else if file == "news.xml" {
        let filter = PublicFilter {
            published_since: Some(now - SignedDuration::from_hours(48)),
            edition: edition.filter(),
            ..Default::default()
        };
        let articles = state
            .store
            .latest_public_articles(filter, NEWS_SITEMAP_LIMIT, now)
            .await?;
        shows.list(List::Latest);
        articles.iter().for_each(|a| shows.story(a));
        let mut out = urlset(true);
        for article in &articles {
            let Some(published) = article.published_at else {
                continue;
            };
            out.push_str(&format!(
                "<url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name><news:language>{}</news:language></news:publication><news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>\n",
                xml(&article_url(settings, article)),
                xml(&settings.site_title),
                xml(&settings.language),
                settings.timezone.format_rfc3339(published),
                xml(&article.title),
            ));
        }
        out
    } else {
        let number: u32 = file
            .strip_prefix("articles-")
            .and_then(|rest| rest.strip_suffix(".xml"))
            .and_then(|n| n.parse().ok())
            .filter(|n| *n >= 1)
            .ok_or_else(missing)?;
        let page = Page {
            number,
            per_page: SITEMAP_PAGE,
        };
        let entries = state
            .store
            .sitemap_entries(edition.filter(), page, now)
            .await?;
        if entries.items.is_empty() && number > 1 {
            return Err(missing());
        }
        shows.list(List::Latest);
        shows.stories.extend(entries.items.iter().map(|e| e.id));
        // Stories with translations name each language's address (`hreflang`).
        let groups: Vec<i64> = entries
            .items
            .iter()
            .filter_map(|e| e.translation_group)
            .collect();
        let translations = state.store.translations(&groups).await?;
        let mut out = urlset(false).replace(
            "<urlset ",
            "<urlset xmlns:xhtml=\"http://www.w3.org/1999/xhtml\" ",
        );
        for entry in &entries.items {
            let path =
                crate::editions::path_in(entry.language, &views::article_path(entry.slug.as_str()));
            let mut alternates = String::new();
            let linked: Vec<&crate::store::Translation> = translations
                .iter()
                .filter(|(group, t)| Some(*group) == entry.translation_group && t.is_public(now))
                .map(|(_, t)| t)
                .collect();
            if linked.len() > 1 {
                for translation in linked {
                    shows.stories.insert(translation.article_id);
                    let code = translation
                        .language
                        .map_or_else(|| own_language.clone(), |l| l.to_string());
                    alternates.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        xml(&code),
                        xml(&absolute(
                            settings,
                            &crate::editions::translation_path(translation)
                        )),
                    ));
                }
            }
            out.push_str(&format!(
                "<url><loc>{}</loc><lastmod>{}</lastmod>{alternates}</url>\n",
                xml(&absolute(settings, &path)),
                settings.timezone.format_rfc3339(entry.updated_at),
            ));
        }
        out
    };
    let mut body = body;
    body.push_str("</urlset>\n");
    Ok(with_shows(
        conditional(&headers, body, XML_TYPE, None),
        shows,
    ))
}

async fn robots(State(state): State<AppState>) -> Response {
    let base = state.settings().base_url.clone();
    let others = state.edition_languages().await.unwrap_or_default();
    let mut body =
        String::from("User-agent: *\nDisallow: /api/\nDisallow: /admin/\nDisallow: /search\n");
    for language in &others {
        body.push_str(&format!("Disallow: /{language}/search\n"));
    }
    body.push_str(&format!("\nSitemap: {base}/sitemap.xml\n"));
    for language in &others {
        body.push_str(&format!("Sitemap: {base}/{language}/sitemap.xml\n"));
    }
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// The words of a search, made safe for any query a person (or an attacker) types:
/// letters and digits only, at most 16 words of 64 characters from the first 500.
pub fn search_terms(query: &str) -> Vec<String> {
    let head: String = query.chars().take(500).collect();
    head.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| word.to_lowercase().chars().take(64).collect())
        .take(16)
        .collect()
}

/// A snippet of an article's Markdown as a reader should read it: link and image text kept,
/// their addresses and the emphasis, heading and quotation marks dropped. The index holds
/// the Markdown as written; this is only for showing it.
fn readable_snippet(snippet: &str) -> String {
    let mut out = String::with_capacity(snippet.len());
    let mut chars = snippet.chars().peekable();
    let mut line_start = true;
    while let Some(c) = chars.next() {
        match c {
            // `](address)`: keep the text before it, skip the address.
            ']' if chars.peek() == Some(&'(') => {
                for skipped in chars.by_ref() {
                    if skipped == ')' {
                        break;
                    }
                }
            }
            '!' if chars.peek() == Some(&'[') => {}
            '[' | '*' | '`' => {}
            '_' if chars.peek() == Some(&'_') => {
                chars.next();
            }
            '#' | '>' if line_start => {
                while chars
                    .peek()
                    .is_some_and(|n| *n == '#' || *n == '>' || *n == ' ')
                {
                    chars.next();
                }
            }
            '\n' | '\r' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                line_start = true;
                continue;
            }
            c => out.push(c),
        }
        line_start = false;
    }
    out
}

/// A search snippet as HTML: escaped, with matched words in `<mark>`.
fn snippet_html(snippet: &str) -> String {
    let snippet = readable_snippet(snippet);
    let mut out = String::with_capacity(snippet.len() + 32);
    for c in snippet.chars() {
        match c {
            MATCH_START => out.push_str("<mark>"),
            MATCH_END => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn plain_snippet(snippet: &str) -> String {
    readable_snippet(snippet)
        .chars()
        .filter(|c| *c != MATCH_START && *c != MATCH_END)
        .collect()
}

#[derive(Serialize)]
struct SearchResult {
    article: ArticleView,
    snippet_html: String,
}

fn page_param(query: &HashMap<String, String>) -> Option<u32> {
    match query.get("page") {
        None => Some(1),
        Some(text) => text.trim().parse::<u32>().ok().filter(|n| *n >= 1),
    }
}

async fn search_page(
    State(state): State<AppState>,
    edition: Edition,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Html<String>, PageError> {
    let text = query.get("q").cloned().unwrap_or_default();
    let number = page_param(&query).ok_or_else(|| {
        PageError(AppError::BadRequest(
            "Pages of results are numbered from 1.".into(),
        ))
    })?;
    let terms = search_terms(&text);
    let settings = state.settings_for(&edition);
    let per_page = settings.per_page;
    let hits = state
        .store
        .search_articles(
            &terms,
            edition.filter(),
            Page { number, per_page },
            Timestamp::now(),
        )
        .await?;
    let results: Vec<SearchResult> = hits
        .items
        .iter()
        .map(|hit| SearchResult {
            article: ArticleView::card(&settings, &hit.article),
            snippet_html: snippet_html(&hit.snippet),
        })
        .collect();
    let total_pages = ((hits.total + i64::from(per_page) - 1) / i64::from(per_page)).max(1);
    let encoded: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
    let search = edition.path("/search");
    let link = |n: u32| format!("{search}?q={encoded}&page={n}");
    let pagination = minijinja::context! {
        number,
        total_pages,
        newer => (number > 1).then(|| link(number - 1)),
        older => (i64::from(number) < total_pages).then(|| link(number + 1)),
    };
    state
        .page(
            &edition,
            "search.html",
            minijinja::context! {
                query => text,
                searched => !terms.is_empty(),
                total => hits.total,
                results,
                pagination,
            },
        )
        .await
}

async fn search_api(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let text = query.get("q").cloned().unwrap_or_default();
    let number = page_param(&query).ok_or_else(|| {
        ApiError(AppError::Invalid(crate::domain::FieldErrors::single(
            "page",
            "pages of results are numbered from 1",
        )))
    })?;
    let per_page = 20;
    let edition = super::api::language_filter(&state, &query).await?;
    let hits = state
        .store
        .search_articles(
            &search_terms(&text),
            edition,
            Page { number, per_page },
            Timestamp::now(),
        )
        .await?;
    let items: Vec<Value> = hits
        .items
        .iter()
        .map(|hit| {
            json!({
                "id": hit.article.id,
                "title": hit.article.title,
                "url": article_url(&state.settings(), &hit.article),
                "section": hit.article.section.name,
                "published_at": hit.article.published_at.map(|at| state.settings().timezone.format_rfc3339(at)),
                "snippet": plain_snippet(&hit.snippet),
                "snippet_html": snippet_html(&hit.snippet),
            })
        })
        .collect();
    Ok(Json(json!({
        "query": text,
        "total": hits.total,
        "page": number,
        "per_page": per_page,
        "items": items,
    })))
}

/// The most read and most reacted articles over a window, for the home page and the API
/// (held in memory between changes, `reading::Memory::popular`).
pub async fn popular(
    state: &AppState,
    hours: i64,
    limit: u32,
    edition: Option<crate::store::EditionFilter>,
) -> Result<std::sync::Arc<Popular>, StoreError> {
    state
        .memory
        .popular(
            state.store.as_ref(),
            hours,
            limit,
            edition,
            Timestamp::now(),
        )
        .await
}

async fn popular_api(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let hours = match query.get("window").map(String::as_str) {
        None | Some("24h") => 24,
        Some("7d") => 24 * 7,
        Some(other) => {
            return Err(ApiError(AppError::Invalid(
                crate::domain::FieldErrors::single(
                    "window",
                    format!("\"{other}\" is not a window; use 24h or 7d"),
                ),
            )));
        }
    };
    let edition = super::api::language_filter(&state, &query).await?;
    let lists = popular(&state, hours, 10, edition).await?;
    let entry = |(article, n): &(Article, i64), key: &str| {
        json!({
            "id": article.id,
            "title": article.title,
            "url": article_url(&state.settings(), article),
            key: n,
        })
    };
    Ok(Json(json!({
        "window": if hours == 24 { "24h" } else { "7d" },
        "most_read": lists.most_read.iter().map(|e| entry(e, "views")).collect::<Vec<_>>(),
        "most_reacted": lists.most_reacted.iter().map(|e| entry(e, "reactions")).collect::<Vec<_>>(),
    })))
}

/// `/a/{id}`: the short, permanent address of an article, whatever its slug.
async fn permalink(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let not_found = || PageError(AppError::not_found("This story"));
    let id = crate::domain::parse_id(&id).ok_or_else(not_found)?;
    let article = match state.store.article_by_id(id).await {
        Err(StoreError::NotFound) => return Err(not_found()),
        other => other?,
    };
    let public = article.is_public(Timestamp::now());
    if !public {
        return Err(not_found());
    }
    Ok((
        StatusCode::MOVED_PERMANENTLY,
        [(header::LOCATION, crate::editions::story_path(&article))],
    )
        .into_response())
}

/// The structured data of an article page: `NewsArticle` and its `BreadcrumbList`, each as
/// JSON safe to place inside its own `<script>` element.
/// `notes` are its public corrections and updates; `publisher` is the paper as
/// `brand::publisher` describes it.
pub fn article_json_ld(
    settings: &Settings,
    article: &Article,
    notes: &[Correction],
    publisher: Value,
    live: Option<&crate::live_blog::BlogPage>,
) -> Vec<String> {
    let url = article_url(settings, article);
    let mut news = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title.chars().take(110).collect::<String>(),
        "description": summary(article),
        "url": url,
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "datePublished": article.published_at.map(|at| settings.timezone.format_rfc3339(at)),
        "dateModified": settings.timezone.format_rfc3339(crate::trust::last_modified(article)),
        "author": article.authors.iter().map(|a| json!({
            "@type": "Person",
            "name": a.name,
            "url": absolute(settings, &views::author_path(a.slug.as_str())),
        })).chain(crate::trust::agency_byline(article).map(|agency| json!({
            "@type": "Organization",
            "name": agency,
        }))).collect::<Vec<_>>(),
        "publisher": publisher,
        "articleSection": article.section.name,
        "keywords": article.tags.iter().map(|t| t.name.clone()).collect::<Vec<_>>(),
        "inLanguage": settings.language,
    });
    if let Some(place) = &article.dateline {
        news["dateline"] = json!(place);
    }
    let corrections: Vec<Value> = notes
        .iter()
        .filter(|n| n.kind.owns_a_mistake())
        .map(|n| {
            json!({
                "@type": "CorrectionComment",
                "text": format!("{}: {}", views::note_label(settings, n), n.body),
                "datePublished": settings.timezone.format_rfc3339(n.noted_at),
            })
        })
        .collect();
    if !corrections.is_empty() {
        news["correction"] = json!(corrections);
    }
    if let Some(image) = &article.lead_image {
        let mut object = json!({
            "@type": "ImageObject",
            "url": absolute(settings, &image.url),
            "description": image.alt,
        });
        if let Some(credit) = &image.credit {
            object["creditText"] = json!(credit);
        }
        news["image"] = json!([object]);
    }
    if let Some(blog) = live {
        live_blog_json_ld(settings, &mut news, &url, article, blog);
    }
    let crumbs = breadcrumbs(
        settings,
        &[
            (
                article.section.name.clone(),
                views::section_path(article.section.slug.as_str()),
            ),
            (article.title.clone(), crate::editions::story_path(article)),
        ],
    );
    vec![script_safe(&news), script_safe(&crumbs)]
}

/// Makes a story's `NewsArticle` a `LiveBlogPosting`: when the coverage started and ended,
/// and the entries on this page as `BlogPosting` updates.
fn live_blog_json_ld(
    settings: &Settings,
    news: &mut Value,
    url: &str,
    article: &Article,
    blog: &crate::live_blog::BlogPage,
) {
    let zone = &settings.timezone;
    news["@type"] = json!("LiveBlogPosting");
    let started = article.published_at.unwrap_or(article.created_at);
    news["coverageStartTime"] = json!(zone.format_rfc3339(started));
    if let Some(ended) = blog.coverage.ended_at {
        news["coverageEndTime"] = json!(zone.format_rfc3339(ended));
    }
    if let Some(updated) = blog.last_updated {
        news["dateModified"] = json!(zone.format_rfc3339(updated.max(article.updated_at)));
    }
    let updates: Vec<Value> = blog
        .entries
        .iter()
        .map(|entry| {
            let text = crate::markdown::plain_text(&entry.body, 5_000);
            let headline = entry
                .title
                .clone()
                .unwrap_or_else(|| text.chars().take(110).collect());
            json!({
                "@type": "BlogPosting",
                "headline": headline,
                "url": format!("{url}#entry-{}", entry.id),
                "datePublished": zone.format_rfc3339(entry.created_at),
                "dateModified": zone.format_rfc3339(entry.updated_at),
                "articleBody": text,
            })
        })
        .collect();
    news["liveBlogUpdate"] = json!(updates);
}

/// A `BreadcrumbList` from the home page down through the given (name, path) steps.
pub fn breadcrumbs(settings: &Settings, steps: &[(String, String)]) -> Value {
    let mut items = vec![json!({
        "@type": "ListItem", "position": 1, "name": settings.site_title, "item": absolute(settings, "/"),
    })];
    for (n, (name, path)) in steps.iter().enumerate() {
        items.push(json!({
            "@type": "ListItem", "position": n + 2, "name": name, "item": absolute(settings, path),
        }));
    }
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// JSON that cannot close its `<script>` element early.
pub fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_survive_anything_typed() {
        assert_eq!(
            search_terms("Ferry \"vote\" OR NOT"),
            ["ferry", "vote", "or", "not"]
        );
        assert!(search_terms("\"*^(){}:-").is_empty());
        assert_eq!(search_terms(&"a ".repeat(5000)).len(), 16);
        assert_eq!(search_terms("Café"), ["café"]);
    }

    #[test]
    fn snippets_read_as_text_not_markdown() {
        let snippet = format!(
            "said. ## The {MATCH_START}ferry{MATCH_END} plan\n> \"We **waited**,\" see [the report](https://x.test/r) and ![a boat](/media/x.jpg) __now__ `code`"
        );
        assert_eq!(
            plain_snippet(&snippet),
            "said. ## The ferry plan \"We waited,\" see the report and a boat now code"
        );
        assert_eq!(
            readable_snippet("# Heading\nText [cut off](https://exa"),
            "Heading Text cut off"
        );
    }

    #[test]
    fn snippets_escape_then_mark() {
        let snippet = format!("a <b> {MATCH_START}ferry{MATCH_END} & more");
        assert_eq!(
            snippet_html(&snippet),
            "a &lt;b&gt; <mark>ferry</mark> &amp; more"
        );
        assert_eq!(plain_snippet(&snippet), "a <b> ferry & more");
    }

    #[test]
    fn json_ld_cannot_end_its_script() {
        assert_eq!(
            script_safe(&json!({"x": "</script>"})),
            "{\"x\":\"\\u003c/script\\u003e\"}"
        );
    }

    #[test]
    fn xml_escapes_and_drops_what_xml_cannot_hold() {
        assert_eq!(xml("a<b>&\"'\u{0}\u{1F}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }
}
