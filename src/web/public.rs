//! The reader's site: home, section, tag, author and article pages.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use jiff::Timestamp;
use serde::Serialize;

use super::views::{self, ArticleView, CommentView, Link};
use super::{AppError, AppState, PageError};
use crate::changes::{List, Shows};
use crate::editions::Edition;
use crate::store::{Article, CommentStatus, Moved, Page, PublicFilter, SlugKind, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/section/{slug}", get(section))
        .route("/section/{slug}/{child}", get(subsection))
        .route("/tag/{slug}", get(tag))
        .route("/author/{slug}", get(author))
        .route("/article/{slug}", get(article))
        .route("/section-colours.css", get(section_colours))
}

/// Links to the neighbouring pages of a list.
#[derive(Serialize)]
pub(super) struct Pagination {
    number: u32,
    total_pages: u32,
    newer: Option<String>,
    older: Option<String>,
}

/// Reads `?page=N`; anything else is a reader's typo and gets a clear page.
pub(super) fn page_number(query: &HashMap<String, String>) -> Result<u32, PageError> {
    match query.get("page") {
        None => Ok(1),
        Some(text) => match text.trim().parse::<u32>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(PageError(AppError::BadRequest(format!(
                "\"{text}\" is not a page number. Pages are numbered from 1."
            )))),
        },
    }
}

pub(super) fn pagination(base: &str, number: u32, per_page: u32, total: i64) -> Pagination {
    let per_page = i64::from(per_page);
    let total_pages = u32::try_from((total.max(1) + per_page - 1) / per_page).unwrap_or(u32::MAX);
    let link = |n: u32| {
        if n == 1 {
            base.to_owned()
        } else {
            format!("{base}?page={n}")
        }
    };
    Pagination {
        number,
        total_pages,
        newer: (number > 1).then(|| link(number - 1)),
        older: (number < total_pages).then(|| link(number + 1)),
    }
}

/// One page of published articles, or a 404 past the last page; what it shows is added to
/// `shows`.
async fn list_page(
    state: &AppState,
    edition: &Edition,
    filter: PublicFilter,
    number: u32,
    base: &str,
    shows: &mut Shows,
) -> Result<(Vec<ArticleView>, Pagination), PageError> {
    let settings = state.settings_for(edition);
    let per_page = settings.per_page;
    let now = Timestamp::now();
    let page = Page { number, per_page };
    let filter = PublicFilter {
        edition: edition.filter(),
        ..filter
    };
    // The list's length comes from memory: counting the archive per request is what made
    // uncached lists slow.
    let counted = state
        .memory
        .count(state.store.as_ref(), filter, now)
        .await?;
    // A page the count says cannot hold a story is not looked for: the statement would
    // walk the whole public index for stories that are not there (the author page of a
    // writer whose stories are all in another edition: 35 requests/s where a full one
    // serves 1,400, bench/RESULTS.md).
    let items = if counted > page.offset() {
        state.store.public_article_page(filter, page, now).await?
    } else {
        Vec::new()
    };
    if items.is_empty() && number > 1 {
        return Err(PageError(AppError::not_found("This page")));
    }
    let total = counted.max(page.offset() + items.len() as i64);
    shows.list(match filter {
        PublicFilter {
            section_id: Some(id),
            ..
        } => List::Section(id),
        PublicFilter {
            tag_id: Some(id), ..
        } => List::Tag(id),
        PublicFilter {
            author_id: Some(id),
            ..
        } => List::Author(id),
        _ => List::Latest,
    });
    items.iter().for_each(|a| shows.story(a));
    let ids: Vec<i64> = items.iter().map(|a| a.id).collect();
    let comment_counts = state.store.approved_comment_counts(&ids).await?;
    let cards = items
        .iter()
        .map(|a| {
            let mut card = ArticleView::card(&settings, a);
            card.comment_count = comment_counts.get(&a.id).copied().unwrap_or(0);
            card
        })
        .collect();
    Ok((cards, pagination(base, number, per_page, total)))
}

/// Most read and most reacted, for the side column.
async fn popular_lists(
    state: &AppState,
    edition: &Edition,
    shows: &mut Shows,
) -> Result<minijinja::Value, PageError> {
    let day = super::discovery::popular(state, 24, 5, edition.filter()).await?;
    let week = super::discovery::popular(state, 24 * 7, 5, edition.filter()).await?;
    for (article, _) in [&day, &week]
        .iter()
        .flat_map(|p| p.most_read.iter().chain(&p.most_reacted))
    {
        shows.story(article);
    }
    let settings = state.settings_for(edition);
    let entries = |list: &[(Article, i64)]| -> Vec<minijinja::Value> {
        list.iter()
            .map(|(a, n)| {
                minijinja::context! {
                    title => a.title.clone(),
                    url => crate::editions::story_path(a),
                    label => views::story_label(&settings, a.label.as_deref()),
                    count => *n,
                }
            })
            .collect()
    };
    Ok(minijinja::context! {
        read_day => entries(&day.most_read),
        read_week => entries(&week.most_read),
        reacted_day => entries(&day.most_reacted),
        reacted_week => entries(&week.most_reacted),
    })
}

async fn home(
    State(state): State<AppState>,
    edition: Edition,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    if let Some(moved) = old_query_address(&state, &edition, &query).await? {
        return Ok(moved);
    }
    let number = page_number(&query)?;
    let mut shows = Shows::default();
    if number > 1 {
        // Later pages are the archive, newest first.
        let home = edition.home();
        let (articles, pagination) = list_page(
            &state,
            &edition,
            PublicFilter::default(),
            number,
            &home,
            &mut shows,
        )
        .await?;
        let html = state
            .page(
                &edition,
                "home.html",
                minijinja::context! { articles, pagination, canonical => home },
            )
            .await?;
        return Ok(showing(html, shows));
    }
    let now = Timestamp::now();
    let front = crate::front_page::FrontPage::new(state.store.as_ref())
        .compose(edition.filter(), now)
        .await?;
    // What the page shows: every story on it, the newest stories, and each block's section
    // (placements and the banner drop every page when they change).
    shows.list(List::Latest);
    for (section, _) in &front.blocks {
        shows.list(List::Section(section.id));
    }
    // One count of approved comments for every story on the page.
    let ids: Vec<i64> = front
        .lead
        .iter()
        .chain(&front.top)
        .chain(&front.latest)
        .chain(front.blocks.iter().flat_map(|(_, articles)| articles))
        .map(|a| {
            shows.story(a);
            a.id
        })
        .collect();
    let counts = state.store.approved_comment_counts(&ids).await?;
    let settings = state.settings_for(&edition);
    let card = |article: &Article| {
        let mut view = ArticleView::card(&settings, article);
        view.comment_count = counts.get(&article.id).copied().unwrap_or(0);
        view
    };
    let lead = front.lead.as_ref().map(card);
    let top: Vec<ArticleView> = front.top.iter().map(card).collect();
    let latest: Vec<ArticleView> = front.latest.iter().map(card).collect();
    let blocks: Vec<minijinja::Value> = front
        .blocks
        .iter()
        .map(|(section, articles)| {
            minijinja::context! {
                section => Link::section(section),
                style => section.block_style.as_str(),
                articles => articles.iter().map(card).collect::<Vec<_>>(),
            }
        })
        .collect();
    let everything = PublicFilter {
        edition: edition.filter(),
        ..PublicFilter::default()
    };
    let total = state
        .memory
        .count(state.store.as_ref(), everything, now)
        .await?;
    let home = edition.home();
    let pagination = pagination(&home, 1, settings.per_page, total);
    let popular = popular_lists(&state, &edition, &mut shows).await?;
    let mut organization = super::brand::publisher(&state.settings(), &state.brand().identity);
    organization["@context"] = serde_json::json!("https://schema.org");
    let json_ld = vec![super::discovery::script_safe(&organization)];
    let html = state
        .page(
            &edition,
            "home.html",
            minijinja::context! {
                front => minijinja::context! { lead, top, latest, blocks },
                pagination, popular, canonical => home, json_ld,
            },
        )
        .await?;
    Ok(showing(html, shows))
}

/// A page and what it shows, for the page cache to drop it when that changes.
pub(super) fn showing(html: Html<String>, shows: Shows) -> Response {
    let mut response = html.into_response();
    response.extensions_mut().insert(shows);
    response
}

/// The sections' colours as a style sheet (the content policy allows no inline styles):
/// a section's kicker and home-page block take its colour.
async fn section_colours(State(state): State<AppState>) -> Result<Response, PageError> {
    let mut css = String::new();
    for section in state.store.list_sections().await? {
        // Checked when saved: `#` and hex digits only, so it cannot end the rule.
        if let Some(colour) = section
            .colour
            .as_deref()
            .filter(|c| c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit()))
        {
            css.push_str(&format!(
                "[data-section=\"{}\"] {{ --section-colour: {colour}; }}\n",
                section.slug
            ));
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=60"),
        ],
        css,
    )
        .into_response())
}

/// The heading and optional blurb above a section, tag or author list.
#[derive(Serialize)]
struct ListHeading {
    /// `section`, `topic` or `author`: which heading the list has (`list-kind-*` messages).
    kind: &'static str,
    name: String,
    url: String,
    description: Option<String>,
    photo_url: Option<String>,
    /// Where the list's feeds are (`/section/SLUG` for a subsection too).
    #[serde(skip)]
    feed_base: Option<String>,
}

async fn render_list(
    state: &AppState,
    edition: &Edition,
    heading: ListHeading,
    filter: PublicFilter,
    number: u32,
    mut shows: Shows,
) -> Result<Response, PageError> {
    let (articles, pagination) =
        list_page(state, edition, filter, number, &heading.url, &mut shows).await?;
    let feeds = minijinja::context! {
        title => heading.name.clone(),
        rss => format!("{}/feed.xml", heading.feed_base.as_ref().unwrap_or(&heading.url)),
        atom => format!("{}/atom.xml", heading.feed_base.as_ref().unwrap_or(&heading.url)),
    };
    let json_ld = vec![super::discovery::script_safe(
        &super::discovery::breadcrumbs(
            &state.settings(),
            &[(heading.name.clone(), heading.url.clone())],
        ),
    )];
    let canonical = if number == 1 {
        heading.url.clone()
    } else {
        format!("{}?page={number}", heading.url)
    };
    let no_ads = filter
        .section_id
        .is_some_and(|id| state.brand().ads.off_in(id));
    let html = state
        .page(
            edition,
            "list.html",
            minijinja::context! { heading, articles, pagination, feeds, json_ld, canonical, no_ads },
        )
        .await?;
    Ok(showing(html, shows))
}

/// A section, tag or author page that is missing: a 301 to its new slug if it had this
/// one before, else the not-found page.
async fn missing_or_moved(
    state: &AppState,
    edition: &Edition,
    error: StoreError,
    kind: SlugKind,
    slug: &str,
    what: &str,
) -> Result<Response, PageError> {
    match error {
        StoreError::NotFound => match state.store.slug_redirect(kind, slug).await? {
            Some(current) => {
                let path = match kind {
                    SlugKind::Section => views::section_path(current.as_str()),
                    SlugKind::Tag => views::tag_path(current.as_str()),
                    SlugKind::Author => views::author_path(current.as_str()),
                };
                Ok(moved_permanently(&path))
            }
            None => {
                let path = match kind {
                    SlugKind::Section => views::section_path(slug),
                    SlugKind::Tag => views::tag_path(slug),
                    SlugKind::Author => views::author_path(slug),
                };
                match old_address(state, edition, &path).await? {
                    Some(moved) => Ok(moved),
                    None => Err(PageError(AppError::not_found(what))),
                }
            }
        },
        other => Err(PageError::from(other)),
    }
}

async fn section(
    State(state): State<AppState>,
    edition: Edition,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let number = page_number(&query)?;
    let section = match state
        .memory
        .section_by_slug(state.store.as_ref(), &slug)
        .await
    {
        Ok(Some(found)) => found,
        Ok(None) => {
            return missing_or_moved(
                &state,
                &edition,
                StoreError::NotFound,
                SlugKind::Section,
                &slug,
                "This section",
            )
            .await;
        }
        Err(error) => {
            return missing_or_moved(
                &state,
                &edition,
                error,
                SlugKind::Section,
                &slug,
                "This section",
            )
            .await;
        }
    };
    // A subsection lives under its parent's address, and a section in its edition's; the
    // flat one and one in another edition point there.
    if section.parent_id.is_some() || section.language != edition.language {
        return Ok(moved_permanently(&with_query(&section.path(), &query)));
    }
    section_page(&state, &section, number).await
}

/// `/section/PARENT/CHILD`: a subsection's page.
async fn subsection(
    State(state): State<AppState>,
    edition: Edition,
    Path((parent, child)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let number = page_number(&query)?;
    let section = match state.store.section_by_slug(&child).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => {
            return match state.store.slug_redirect(SlugKind::Section, &child).await? {
                Some(current) => match state.store.section_by_slug(current.as_str()).await {
                    Ok(moved) => Ok(moved_permanently(&with_query(&moved.path(), &query))),
                    Err(_) => Err(PageError(AppError::not_found("This section"))),
                },
                None => Err(PageError(AppError::not_found("This section"))),
            };
        }
        Err(other) => return Err(other.into()),
    };
    if section.parent_slug.as_ref().map(|p| p.as_str()) != Some(parent.as_str())
        || section.language != edition.language
    {
        return match section.parent_slug {
            // Moved to another parent, or its parent's slug changed.
            Some(_) => Ok(moved_permanently(&with_query(&section.path(), &query))),
            None => Err(PageError(AppError::not_found("This section"))),
        };
    }
    section_page(&state, &section, number).await
}

/// An address with the list's page number kept.
fn with_query(path: &str, query: &HashMap<String, String>) -> String {
    match query.get("page") {
        Some(page) => format!("{path}?page={}", urlencoding_page(page)),
        None => path.to_owned(),
    }
}

/// A page number as it may appear in an address (it was checked already).
fn urlencoding_page(page: &str) -> String {
    page.chars().filter(char::is_ascii_digit).collect()
}

async fn section_page(
    state: &AppState,
    section: &crate::store::Section,
    number: u32,
) -> Result<Response, PageError> {
    let link = Link::section(section);
    let heading = ListHeading {
        kind: "section",
        name: link.name,
        url: link.url,
        description: section.description.clone(),
        photo_url: None,
        feed_base: Some(crate::editions::path_in(
            section.language,
            &views::section_path(section.slug.as_str()),
        )),
    };
    let edition = state.edition(section.language).await?;
    let filter = PublicFilter {
        section_id: Some(section.id),
        ..Default::default()
    };
    let mut shows = Shows::default();
    // A parent's page lists its subsections' stories too, and a subsection sits under its
    // parent: a story joining or leaving either list drops the page with the newest stories.
    let family = section.parent_id.is_some()
        || state
            .memory
            .sections(state.store.as_ref())
            .await?
            .iter()
            .any(|s| s.parent_id == Some(section.id));
    if family {
        shows.list(List::Latest);
    }
    render_list(state, &edition, heading, filter, number, shows).await
}

async fn tag(
    State(state): State<AppState>,
    edition: Edition,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let number = page_number(&query)?;
    let tag = match state.store.tag_by_slug(&slug).await {
        Ok(found) => found,
        Err(error) => {
            return missing_or_moved(&state, &edition, error, SlugKind::Tag, &slug, "This topic")
                .await;
        }
    };
    let link = Link::tag(&tag).within(edition.language);
    let heading = ListHeading {
        kind: "topic",
        name: link.name,
        url: link.url,
        description: None,
        photo_url: None,
        feed_base: None,
    };
    let filter = PublicFilter {
        tag_id: Some(tag.id),
        ..Default::default()
    };
    let mut shows = Shows::default();
    shows.tags.insert(tag.id);
    render_list(&state, &edition, heading, filter, number, shows).await
}

async fn author(
    State(state): State<AppState>,
    edition: Edition,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let number = page_number(&query)?;
    let author = match state.store.author_by_slug(&slug).await {
        Ok(found) => found,
        Err(error) => {
            return missing_or_moved(
                &state,
                &edition,
                error,
                SlugKind::Author,
                &slug,
                "This author",
            )
            .await;
        }
    };
    let link = Link::author(&author).within(edition.language);
    let heading = ListHeading {
        kind: "author",
        name: link.name,
        url: link.url,
        description: author.bio.clone(),
        photo_url: author.photo_url.clone(),
        feed_base: None,
    };
    let filter = PublicFilter {
        author_id: Some(author.id),
        ..Default::default()
    };
    let mut shows = Shows::default();
    shows.authors.insert(author.id);
    render_list(&state, &edition, heading, filter, number, shows).await
}

async fn article(
    State(state): State<AppState>,
    edition: Edition,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let article = match state
        .store
        .public_article_by_slug(&slug, Timestamp::now())
        .await
    {
        Ok(article) => article,
        Err(StoreError::NotFound) => {
            // An article whose slug changed still answers at its old address.
            return match state.store.article_slug_redirect(&slug).await? {
                Some(current) => Ok(moved_permanently(&views::article_path(current.as_str()))),
                None => Err(PageError(AppError::not_found("This story"))),
            };
        }
        Err(other) => return Err(other.into()),
    };
    // A story answers in its own edition.
    if article.language() != edition.language {
        let mut path = crate::editions::story_path(&article);
        if let Some(page) = query.get("page") {
            path = format!("{path}?page={}", urlencoding_page(page));
        }
        return Ok(moved_permanently(&path));
    }
    let mut form = CommentFormState::default();
    if let Some(reply) = query.get("reply").filter(|r| r.parse::<i64>().is_ok()) {
        form.values.insert("parent_id".into(), reply.clone());
    }
    let live_page = page_number(&query)?;
    article_page(&state, &article, &headers, form, live_page, StatusCode::OK).await
}

/// The comment form's contents when a post comes back refused: what the reader typed and
/// a message per field.
#[derive(Debug, Default, Serialize)]
pub struct CommentFormState {
    pub values: HashMap<String, String>,
    pub errors: HashMap<String, String>,
}

/// Renders an article with its reactions, comments and comment form, as this reader sees it;
/// a live blog with page `live_page` of its entries.
pub async fn article_page(
    state: &AppState,
    article: &Article,
    headers: &HeaderMap,
    form: CommentFormState,
    live_page: u32,
    status: StatusCode,
) -> Result<Response, PageError> {
    article_page_at(state, article, headers, form, live_page, status, None).await
}

/// Renders an article as `article_page` does, a gallery open at photo `photo` (the first
/// when `None`); a photo the gallery does not have is not found.
pub async fn article_page_at(
    state: &AppState,
    article: &Article,
    headers: &HeaderMap,
    form: CommentFormState,
    live_page: u32,
    status: StatusCode,
    photo: Option<usize>,
) -> Result<Response, PageError> {
    let now = Timestamp::now();
    let edition = state.edition(article.language()).await?;
    let settings = state.settings_for(&edition);
    // One read says which extras the story has; only those its format shows are read.
    let extras = crate::formats::shown(article.format, state.store.story_extras(article.id).await?);
    let photos = if extras.gallery {
        state.store.gallery(article.id).await?
    } else {
        Vec::new()
    };
    let gallery = if photos.is_empty() && photo.is_none() {
        None
    } else {
        let view = super::gallery::GalleryView::new(article, &photos, photo.unwrap_or(1));
        Some(view.ok_or_else(|| PageError(AppError::not_found("This photo")))?)
    };
    let notes = crate::trust::Trust::new(state.store.as_ref())
        .notes(article)
        .await?;
    let mut view = ArticleView::full(&settings, article).with_notes(&settings, &notes);
    view.body_html = Some(views::with_dateline(
        &state.article_body(&article.body).await?,
        article.dateline.as_deref(),
    ));
    let blog = if crate::live_blog::is_live_blog(article) {
        match crate::live_blog::LiveBlog::new(state.store.as_ref())
            .page(article, live_page)
            .await
        {
            Ok(blog) => Some(blog),
            Err(crate::newsroom::NewsroomError::NotFound) => {
                return Err(PageError(AppError::NotFound(format!(
                    "This live blog has no page {live_page}."
                ))));
            }
            Err(other) => return Err(PageError(other.into())),
        }
    } else if live_page > 1 {
        return Err(PageError(AppError::not_found("This page")));
    } else {
        None
    };
    let live = match &blog {
        Some(blog) => Some(state.live_blog_view(article, blog).await?),
        None => None,
    };
    if let Some(image) = view.lead_image.as_mut()
        && let Some(hash) = crate::media::hash_in_url(&image.url)
    {
        match state.store.media_by_hash(hash).await {
            Ok(media) => image.responsive = Some(super::media::Responsive::new(&media)),
            Err(StoreError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
    }
    let canonical = match photo {
        Some(n) if n > 1 => format!("{}/photo/{n}", view.url),
        _ => view.url.clone(),
    };
    let reader = state.reader_keys.reader(headers);
    let counts = state.store.reaction_counts(article.id).await?;
    let mine = match &reader {
        Some(reader) => state.store.reader_reaction(article.id, reader).await?,
        None => None,
    };
    let reactions = state.reaction_buttons(&edition.locale, &counts, mine.as_deref());
    let comments = state.store.article_comments(article.id).await?;
    view.comment_count = comments
        .iter()
        .filter(|c| c.status == CommentStatus::Approved)
        .count() as i64;
    let reply_to = form
        .values
        .get("parent_id")
        .and_then(|id| id.parse::<i64>().ok())
        .and_then(|id| {
            comments
                .iter()
                .find(|c| c.id == id && c.status == CommentStatus::Approved)
                .map(|c| minijinja::context! { id => c.id, name => c.author_name.clone() })
        });
    let threads = crate::comments::threads(comments, reader.as_deref());
    let comment_views: Vec<CommentView> = threads
        .iter()
        .map(|t| CommentView::new(&settings, t))
        .collect();
    let (related, latest) = state.store.side_lists(article, 4, 9, now).await?;
    let more_articles: Vec<Article> = latest
        .into_iter()
        .filter(|a| !related.iter().any(|r| r.id == a.id))
        .take(4)
        .collect();
    let more_from_section: Vec<ArticleView> = more_articles
        .iter()
        .map(|a| ArticleView::card(&settings, a))
        .collect();
    let related_articles = related;
    let related: Vec<ArticleView> = related_articles
        .iter()
        .map(|a| ArticleView::card(&settings, a))
        .collect();
    let mut shows = Shows::default();
    let popular = popular_lists(state, &edition, &mut shows).await?;
    let brand = state.brand();
    let mut json_ld = super::discovery::article_json_ld(
        &settings,
        article,
        &notes,
        super::brand::publisher(&settings, &brand.identity),
        blog.as_ref(),
    );
    // Ads: none in a section that carries none; the in-article one after its paragraph.
    let no_ads = brand.ads.off_in(article.section.id);
    let in_article = brand
        .ads
        .slots
        .iter()
        .find(|s| s.place == crate::ads::Place::InArticle && s.shows())
        .filter(|_| !no_ads);
    let mut body_after = None;
    if let (Some(slot), Some(body)) = (in_article, view.body_html.as_deref())
        && let Some((before, after)) = crate::ads::after_paragraph(body, slot.every)
    {
        let (before, after) = (before.to_owned(), after.to_owned());
        view.body_html = Some(before);
        body_after = Some(after);
    }
    let share = share_view(&settings, article);
    // Polls as every reader shares them: live totals and a reader's own vote come from
    // the page's script or the poll's own page, so votes never make this page stale.
    let polls = if extras.polls {
        state.store.article_polls(article.id).await?
    } else {
        Vec::new()
    };
    let polls: Vec<crate::polls::PollView> = polls
        .iter()
        .map(|poll| crate::polls::shared_view(poll, &settings, now))
        .collect();
    if !photos.is_empty() {
        json_ld.push(super::discovery::script_safe(
            &super::gallery::gallery_json_ld(&settings, article, &photos),
        ));
    }
    let lead_video = if extras.video {
        state.store.lead_video(article.id).await?
    } else {
        None
    };
    let video = lead_video
        .as_ref()
        .and_then(|lead| super::video::LeadVideoView::new(article, lead));
    if let Some(lead) = lead_video.as_ref().filter(|_| video.is_some()) {
        json_ld.push(super::discovery::script_safe(&super::video::video_json_ld(
            &settings, article, lead,
        )));
    }
    let story_list = if extras.list {
        state.store.story_list(article.id).await?
    } else {
        crate::store::StoryList::default()
    };
    let list = super::lists::ListView::new(&story_list);
    if list.is_some() {
        json_ld.push(super::discovery::script_safe(&super::lists::list_json_ld(
            &settings,
            article,
            &story_list,
        )));
    }
    let social = social_meta(&settings, article);
    let comment_form = minijinja::context! {
        token => state.reader_keys.form_token(article.id, now),
        closed => crate::comments::closed_reason(&settings.comments, article, now),
        values => form.values,
        errors => form.errors,
        reply_to,
    };
    // Its translations: the language switcher leads to them, and `hreflang` names them.
    let translations =
        crate::editions::public_translations(state.store.as_ref(), article, now).await?;
    let alternates = super::alternates(&state.settings().language, article, &translations);
    let html = state
        .page(
            &edition,
            "article.html",
            minijinja::context! {
                article => view, canonical, reactions, comments => comment_views, comment_form,
                related, more_from_section, json_ld, social, popular, no_ads, body_after, share,
                live, polls, gallery, list, video, alternates,
            },
        )
        .await?;
    shows
        .stories
        .extend(translations.iter().map(|t| t.article_id));
    shows.story_in_full(article);
    if blog.is_some() {
        shows.live_blog(article.id);
    }
    related_articles
        .iter()
        .chain(&more_articles)
        .for_each(|a| shows.story(a));
    // Its side lists: the newest in its section, and stories sharing its tags.
    shows.list(List::Section(article.section.id));
    for tag in &article.tags {
        shows.list(List::Tag(tag.id));
    }
    let mut response = (status, html).into_response();
    response.extensions_mut().insert(shows);
    // Reads are counted where the page is served, cached or not.
    response
        .extensions_mut()
        .insert(super::cache::ArticleRead(article.id));
    // The page marks this reader's own reaction and waiting comments, so it is theirs alone.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    Ok(response)
}

/// The links that share a story, each carrying its canonical address.
fn share_view(settings: &crate::config::Settings, article: &Article) -> minijinja::Value {
    let url = super::discovery::absolute(settings, &crate::editions::story_path(article));
    let links: Vec<minijinja::Value> = crate::identity::share_links(&url, &article.title)
        .into_iter()
        .map(|(network, name, href)| minijinja::context! { network, name, href })
        .collect();
    minijinja::context! { url, title => article.title.clone(), links }
}

/// OpenGraph and Twitter card values for an article.
pub(super) fn social_meta(
    settings: &crate::config::Settings,
    article: &Article,
) -> minijinja::Value {
    use super::discovery::absolute;
    minijinja::context! {
        url => absolute(settings, &crate::editions::story_path(article)),
        title => article.seo_title.clone().unwrap_or_else(|| article.title.clone()),
        description => article
            .seo_description
            .clone()
            .or_else(|| article.standfirst.clone())
            .unwrap_or_else(|| crate::markdown::plain_text(&article.body, 200)),
        image => article.lead_image.as_ref().map(|i| absolute(settings, &i.url)),
        image_alt => article.lead_image.as_ref().map(|i| i.alt.clone()),
        published => article.published_at.map(|at| settings.timezone.format_rfc3339(at)),
        modified => settings.timezone.format_rfc3339(article.updated_at),
        section => article.section.name.clone(),
        tags => article.tags.iter().map(|t| t.name.clone()).collect::<Vec<_>>(),
    }
}

/// A 301, the redirect search engines and old links understand best.
/// A 301 to where an address of an imported site (Varient's `/{slug}`, `/category/...`,
/// `/profile/...`, feeds) leads now, if it is one; the old slugs of Newsdesk's own
/// sections, tags and authors are `slug_redirect`'s.
pub async fn old_address(
    state: &AppState,
    edition: &Edition,
    path: &str,
) -> Result<Option<Response>, PageError> {
    // The address as the reader wrote it: an edition's prefix (Varient's `/sw/...`) is
    // part of the old address.
    let written = crate::editions::path_in(edition.language, path);
    let path = match written.trim_end_matches('/') {
        "" => "/",
        trimmed => trimmed,
    };
    let Some(moved) = state.store.old_address(path).await? else {
        return Ok(None);
    };
    // Into the same edition: a story, topic, byline or page of `/sw/` stays under it.
    let within = |to: String| crate::editions::path_in(edition.language, &to);
    let to = match moved {
        Moved::Article(slug) => within(views::article_path(slug.as_str())),
        // A subsection answers under its parent: straight there, not through a second 301.
        Moved::Section(slug) => match state.store.section_by_slug(slug.as_str()).await {
            Ok(section) => section.path(),
            Err(_) => within(views::section_path(slug.as_str())),
        },
        Moved::Tag(slug) => within(views::tag_path(slug.as_str())),
        Moved::Author(slug) => within(views::author_path(slug.as_str())),
        Moved::Page(slug) => within(format!("/{slug}")),
        Moved::Path(path) => path,
    };
    Ok(Some(moved_permanently(&to)))
}

/// WordPress's `/?p=ID` and `/?page_id=ID`: an imported site's old address that is a query
/// on the home page.
async fn old_query_address(
    state: &AppState,
    edition: &Edition,
    query: &HashMap<String, String>,
) -> Result<Option<Response>, PageError> {
    for key in ["p", "page_id"] {
        if let Some(id) = query
            .get(key)
            .filter(|id| !id.is_empty() && id.len() < 20 && id.bytes().all(|b| b.is_ascii_digit()))
        {
            return old_address(state, edition, &format!("/?{key}={id}")).await;
        }
    }
    Ok(None)
}

fn moved_permanently(path: &str) -> Response {
    (
        StatusCode::MOVED_PERMANENTLY,
        [(header::LOCATION, path.to_owned())],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_links_neighbours_only() {
        let p = pagination("/section/news", 1, 10, 25);
        assert_eq!(p.total_pages, 3);
        assert_eq!(p.newer, None);
        assert_eq!(p.older.as_deref(), Some("/section/news?page=2"));
        let p = pagination("/", 2, 10, 25);
        assert_eq!(p.newer.as_deref(), Some("/"));
        let p = pagination("/", 1, 10, 0);
        assert_eq!(p.total_pages, 1);
        assert_eq!(p.older, None);
    }
}
