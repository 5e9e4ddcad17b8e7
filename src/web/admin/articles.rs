//! The article desk: the list, the editor (preview, autosave, scheduling), deleting,
//! revisions with a readable comparison and restore, and the conflict screen that keeps
//! both texts when two people save the same version.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::{Form, Json};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Value, json};

use super::super::session::SignedIn;
use super::{FormData, done, error_map, page, parse_id, render};
use crate::config::Settings;
use crate::domain::{ArticleFormat, ArticleStatus, FieldErrors, Problem, SiteTimeZone};
use crate::i18n::{Locale, Phrase};
use crate::newsroom::{ArticleRequest, LeadImageRequest, Newsroom, NewsroomError, may_edit};
use crate::store::{
    Article, ArticleInput, NewsroomFilter, Page, Revision, StoreError, StoryNumbers, StorySort,
    User,
};
use crate::web::views;
use crate::web::{AppError, AppState, PageError};

const PER_PAGE: u32 = 30;

/// One line of an article list.
pub(super) fn row(settings: &Settings, article: &Article) -> Value {
    let staff = article.source.kind == crate::store::SourceKind::Staff;
    json!({
        "id": article.id,
        "title": article.title,
        "status": article.status,
        "section": article.section.name,
        "authors": article.authors.iter().map(|a| a.name.as_str()).chain(crate::trust::agency_byline(article)).collect::<Vec<_>>().join(", "),
        "source": (!staff).then(|| article.source.kind.label()),
        // For a page to name the source in its language: `t("ed-source-" ~ source_kind)`.
        "source_kind": (!staff).then(|| article.source.kind.as_str()),
        "updated": settings.dateline(article.updated_at),
        "published": article.published_at.map(|at| settings.dateline(at)),
        "url": crate::editions::story_path(article),
        "edit_url": format!("/admin/articles/{}", article.id),
    })
}

pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let status = query
        .get("status")
        .and_then(|s| ArticleStatus::parse(s).ok());
    let section = match query.get("section").filter(|s| !s.is_empty()) {
        Some(slug) => match state.store.section_by_slug(slug).await {
            Ok(section) => Some(section),
            Err(StoreError::NotFound) => None,
            Err(other) => return Err(other.into()),
        },
        None => None,
    };
    let search = super::search_words(&query);
    let source = query
        .get("source")
        .and_then(|s| crate::store::SourceKind::parse(s).ok());
    // One edition at a time: `?language=sw`, the site's own code for its default one.
    let own = state.settings().language.clone();
    let editions = state.edition_languages().await?;
    let language = query
        .get("language")
        .filter(|l| !l.is_empty())
        .and_then(|l| crate::domain::Language::parse(l).ok())
        .filter(|l| l.as_str() == own || editions.contains(l));
    let edition =
        language.map(|l| crate::store::EditionFilter::of(Some(l).filter(|l| l.as_str() != own)));
    let number = super::page_number(&query);
    let sort = query
        .get("sort")
        .and_then(|s| StorySort::parse(s))
        .unwrap_or_default();
    let paged = state
        .store
        .list_articles_sorted(
            NewsroomFilter {
                edition,
                status,
                section_id: section.as_ref().map(|s| s.id),
                search: search.as_deref(),
                source,
            },
            sort,
            Page {
                number,
                per_page: PER_PAGE,
            },
        )
        .await?;
    let ids: Vec<i64> = paged.items.iter().map(|a| a.id).collect();
    let numbers: HashMap<i64, StoryNumbers> =
        state.store.story_numbers(&ids).await?.into_iter().collect();
    let settings = state.settings();
    let pages = (paged.total as u32).div_ceil(PER_PAGE).max(1);
    // This list's address: a page of it in the order shown, or page 1 in another order.
    let address = |n: u32, by: StorySort| {
        let mut parts = vec![format!("page={n}")];
        if let Some(status) = status {
            parts.push(format!("status={}", status.as_str()));
        }
        if let Some(section) = &section {
            parts.push(format!("section={}", section.slug));
        }
        if let Some(source) = source {
            parts.push(format!("source={}", source.as_str()));
        }
        if let Some(language) = language {
            parts.push(format!("language={language}"));
        }
        if let Some(q) = &search {
            let q: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
            parts.push(format!("q={q}"));
        }
        if by != StorySort::Updated {
            parts.push(format!("sort={}", by.as_str()));
        }
        format!("/admin/articles?{}", parts.join("&"))
    };
    let link = |n: u32| address(n, sort);
    let sorted_by = |by: StorySort| address(1, by);
    let rows: Vec<Value> = paged
        .items
        .iter()
        .map(|a| {
            let mut row = row(&settings, a);
            let n = numbers.get(&a.id).copied().unwrap_or_default();
            row["reads"] = n.reads.into();
            row["reactions"] = n.reactions.into();
            row["comments"] = n.comments.into();
            row["stats_url"] = format!("/admin/articles/{}/stats", a.id).into();
            row
        })
        .collect();
    page(
        &state,
        &me,
        "articles",
        "admin/articles.html",
        &query,
        minijinja::context! {
            items => rows,
            sort => sort.as_str(),
            sort_links => minijinja::context! {
                updated => sorted_by(StorySort::Updated),
                reads => sorted_by(StorySort::Reads),
                reactions => sorted_by(StorySort::Reactions),
                comments => sorted_by(StorySort::Comments),
            },
            total => paged.total,
            status => status.map(|s| s.as_str()),
            section => section.as_ref().map(|s| s.slug.as_str()),
            source => source.map(|s| s.as_str()),
            language => language.map(|l| l.to_string()),
            languages => (!editions.is_empty()).then(|| {
                std::iter::once(own.clone())
                    .chain(editions.iter().map(|l| l.to_string()))
                    .collect::<Vec<_>>()
            }),
            sources => crate::store::SourceKind::ALL
                .iter()
                .map(|s| minijinja::context! { value => s.as_str(), label => s.label() })
                .collect::<Vec<_>>(),
            q => search,
            sections => state.store.list_sections().await?,
            newer => (number > 1).then(|| link(number - 1)),
            older => (number < pages).then(|| link(number + 1)),
            number => number,
            pages => pages,
        },
    )
}

/// What the editor shows: the form's values, problems, and the extra panels.
#[derive(Serialize, Default)]
struct EditorView {
    article_id: Option<i64>,
    version: Option<i64>,
    values: HashMap<String, String>,
    authors_selected: Vec<String>,
    errors: HashMap<String, String>,
    /// A refusal that is not about one field (a role rule), shown above the form.
    error: Option<String>,
    /// Why the signed-in member may read this article but not change it: the editor then
    /// offers no Save that could only fail.
    read_only: Option<String>,
    conflict: Option<Value>,
    preview_html: Option<String>,
    public_url: Option<String>,
    status: Option<&'static str>,
    published: Option<String>,
    updated: Option<String>,
    /// For a scheduled story: `goes live at 14:30 (in 2 hours)`.
    goes_live: Option<String>,
    /// While the story waits for review: since when and sent by whom.
    review: Option<Value>,
    assigned_to: Option<i64>,
    notes: Vec<Value>,
    /// Shareable preview links that still work.
    previews: Vec<Value>,
    /// The public notes on the story, each with every wording it has had.
    corrections: Vec<Value>,
    /// A note form that came back refused: which note (none for a new one), what was typed
    /// and what was wrong.
    note_form: Option<Value>,
    /// For an embargoed story: until when, in words.
    embargo: Option<String>,
}

/// The form's fields for an article as saved.
fn article_values(
    article: &Article,
    zone: &SiteTimeZone,
) -> (HashMap<String, String>, Vec<String>) {
    let mut values = HashMap::new();
    let mut put = |k: &str, v: &str| {
        values.insert(k.to_owned(), v.to_owned());
    };
    put("title", &article.title);
    put("standfirst", article.standfirst.as_deref().unwrap_or(""));
    put("body", &article.body);
    put("section", article.section.slug.as_str());
    let tags: Vec<&str> = article.tags.iter().map(|t| t.name.as_str()).collect();
    put("tags", &tags.join(", "));
    if let Some(image) = &article.lead_image {
        put("lead_image_url", &image.url);
        put("lead_image_alt", &image.alt);
        put("lead_image_credit", image.credit.as_deref().unwrap_or(""));
        put("lead_image_caption", image.caption.as_deref().unwrap_or(""));
    }
    put("slug", article.slug.as_str());
    put("seo_title", article.seo_title.as_deref().unwrap_or(""));
    put(
        "seo_description",
        article.seo_description.as_deref().unwrap_or(""),
    );
    put("status", article.status.as_str());
    if let Some(at) = article.published_at {
        put("publish_at", &local_input(at, zone));
    }
    if article.comments_open {
        put("comments_open", "on");
    }
    put("format", article.format.as_str());
    put("dateline", article.dateline.as_deref().unwrap_or(""));
    // To the second: an embargo read back a little early would break it.
    if let Some(at) = article.embargo_until {
        put(
            "embargo_until",
            &at.to_zoned(zone.zone().clone())
                .strftime("%Y-%m-%dT%H:%M:%S")
                .to_string(),
        );
    }
    put("source_kind", article.source.kind.as_str());
    put(
        "source_agency",
        article.source.agency.as_deref().unwrap_or(""),
    );
    put("source_url", article.source.url.as_deref().unwrap_or(""));
    put(
        "source_rights",
        article.source.rights.as_deref().unwrap_or(""),
    );
    let authors = article.authors.iter().map(|a| a.slug.to_string()).collect();
    (values, authors)
}

/// A time as a `datetime-local` field shows it, in the site's zone.
fn local_input(at: Timestamp, zone: &SiteTimeZone) -> String {
    at.to_zoned(zone.zone().clone())
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Reads the editor's form into the same request the JSON API takes.
fn article_request(form: &FormData, zone: &SiteTimeZone) -> Result<ArticleRequest, FieldErrors> {
    let text = |name: &str| Some(form.text(name));
    let image_url = form.text("lead_image_url");
    let lead_image = if image_url.trim().is_empty() {
        Some(None)
    } else {
        Some(Some(LeadImageRequest {
            url: image_url,
            alt: form.text("lead_image_alt"),
            credit: text("lead_image_credit"),
            caption: text("lead_image_caption"),
        }))
    };
    let published_at = local_time(form, "publish_at", zone)?;
    let embargo_until = local_time(form, "embargo_until", zone)?;
    let slug = form.text("slug");
    let version = match form.get("version") {
        Some(v) => Some(v.trim().parse::<i64>().map_err(|_| {
            FieldErrors::single(
                "version",
                Problem::new(
                    "the form's version is not a number; reload the page",
                    Phrase::new("ed-version-not-number"),
                ),
            )
        })?),
        None => None,
    };
    Ok(ArticleRequest {
        title: text("title"),
        standfirst: text("standfirst"),
        body: text("body"),
        section: text("section"),
        tags: Some(
            form.text("tags")
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        authors: Some(form.all("authors")),
        lead_image,
        status: text("status"),
        published_at,
        slug: (!slug.trim().is_empty()).then_some(slug),
        seo_title: text("seo_title"),
        seo_description: text("seo_description"),
        comments_open: Some(form.get("comments_open").is_some()),
        format: form.get("format").map(str::to_owned),
        dateline: Some(Some(form.text("dateline"))),
        embargo_until: Some(embargo_until),
        source: Some(crate::trust::SourceRequest {
            kind: text("source_kind").filter(|k| !k.trim().is_empty()),
            agency: text("source_agency"),
            url: text("source_url"),
            rights: text("source_rights"),
        }),
        minor_edit: Some(form.get("minor_edit").is_some()),
        version,
        // The editor keeps each format's extras on their own pages.
        ..ArticleRequest::default()
    })
}

/// A `datetime-local` field read in the site's zone, as RFC 3339; empty is `None`.
fn local_time(
    form: &FormData,
    field: &str,
    zone: &SiteTimeZone,
) -> Result<Option<String>, FieldErrors> {
    match form.get(field).map(str::trim) {
        None | Some("") => Ok(None),
        Some(local) => local
            .parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|dt| dt.to_zoned(zone.zone().clone()).ok())
            .map(|zoned| Some(zoned.timestamp().to_string()))
            .ok_or_else(|| {
                FieldErrors::single(
                    field,
                    Problem::new(
                        format!("\"{local}\" is not a date and time, like 2026-07-17 11:32"),
                        Phrase::new("ed-not-a-time").with("value", local),
                    ),
                )
            }),
    }
}

async fn render_editor(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    mut view: EditorView,
    status: StatusCode,
) -> Result<Response, PageError> {
    // A form coming back (preview, refusal) shows the saved article's status and address,
    // and whether this member may still change it; looked up only then, not on every save.
    if let (Some(id), None) = (view.article_id, view.status) {
        let current = state.store.article_by_id(id).await?;
        view.public_url = current
            .is_public(Timestamp::now())
            .then(|| crate::editions::story_path(&current));
        view.status = Some(current.status.as_str());
        view.read_only = read_only_reason(&me.user, &current, &state.settings().locale);
    }
    let settings = state.settings();
    if let Some(id) = view.article_id {
        if let Some(entry) = state.store.desk_entry(id).await? {
            view.assigned_to = entry.assigned_to;
            view.review = entry.review_since.map(|since| {
                json!({
                    "since": settings.dateline(since),
                    "by": entry.submitted_by_name,
                })
            });
        }
        view.corrections = super::corrections::note_rows(state, id).await?;
        view.notes = state
            .store
            .list_notes(id)
            .await?
            .iter()
            .map(|n| {
                json!({
                    "by": n.actor,
                    "at": settings.dateline(n.created_at),
                    "body": n.body,
                })
            })
            .collect();
    }
    if let Some(id) = view.article_id {
        let now = Timestamp::now();
        view.previews = state
            .store
            .list_preview_links(id)
            .await?
            .iter()
            .filter(|l| l.revoked_at.is_none() && l.expires_at > now)
            .map(|l| {
                let token = state
                    .reader_keys
                    .preview_token(l.id, l.expires_at.as_second());
                json!({
                    "id": l.id,
                    "url": format!("{}/preview/{token}", settings.base_url.trim_end_matches('/')),
                    "until": settings.dateline(l.expires_at),
                })
            })
            .collect();
    }
    let people: Vec<Value> = if me.user.role.is_editor() {
        state
            .store
            .list_users()
            .await?
            .iter()
            .filter(|u| u.active)
            .map(|u| json!({ "id": u.id, "name": u.name, "role": u.role.as_str() }))
            .collect()
    } else {
        Vec::new()
    };
    let sections = state.store.list_sections().await?;
    let authors = state.store.list_authors().await?;
    let tags = state.store.list_tags().await?;
    let library = state
        .store
        .list_media(
            None,
            Page {
                number: 1,
                per_page: 30,
            },
        )
        .await?;
    let library: Vec<_> = library
        .items
        .iter()
        .map(|m| super::super::media::MediaView::new(state, m))
        .collect();
    let locale = &settings.locale;
    render(
        state,
        Some(me),
        &me.csrf,
        "articles",
        "admin/editor.html",
        super::notice(query),
        minijinja::context! {
            editor => view,
            sections => sections,
            authors => authors,
            tags => tags,
            library => library,
            can_publish => Newsroom::new(state.store.as_ref()).may_publish(&me.user).await?,
            is_editor => me.user.role.is_editor(),
            people => people,
            timezone => settings.timezone.name(),
            formats => ArticleFormat::ALL
                .iter()
                .map(|f| minijinja::context! { value => f.as_str(), label => f.label() })
                .collect::<Vec<_>>(),
            sources => crate::store::SourceKind::ALL
                .iter()
                .map(|s| minijinja::context! {
                    value => s.as_str(),
                    label => locale.t(&format!("ed-source-{}", s.as_str())),
                })
                .collect::<Vec<_>>(),
        },
        status,
    )
}

pub async fn new_article(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let mut view = EditorView::default();
    view.values.insert("status".into(), "draft".into());
    view.values.insert("comments_open".into(), "on".into());
    view.values.insert("format".into(), "standard".into());
    // A person in the newsroom is also an author: the story starts with their byline.
    let author = Newsroom::new(state.store.as_ref())
        .ensure_byline(&me.user)
        .await?;
    view.authors_selected.push(author.slug.to_string());
    render_editor(&state, &me, &query, view, StatusCode::OK).await
}

/// The newsroom's own sentence for why `user` may not change `article`, if they may not,
/// in the site's language.
fn read_only_reason(user: &User, article: &Article, locale: &Locale) -> Option<String> {
    crate::newsroom::why_read_only(user, article)
        .map(|problem| said(problem.english, problem.phrase, locale))
}

/// A rule's refusal in the site's language: its phrase, or its English where it has none.
/// English keeps the rule's own sentence.
pub(super) fn said(english: String, phrase: Option<Phrase>, locale: &Locale) -> String {
    match phrase {
        Some(phrase) if locale.code() != "en" => phrase.in_language(locale),
        _ => english,
    }
}

fn editor_for(article: &Article, user: &User, settings: &Settings) -> EditorView {
    let zone = &settings.timezone;
    let now = Timestamp::now();
    let (values, authors_selected) = article_values(article, zone);
    EditorView {
        article_id: Some(article.id),
        read_only: read_only_reason(user, article, &settings.locale),
        version: Some(article.version),
        values,
        authors_selected,
        public_url: article
            .is_public(Timestamp::now())
            .then(|| crate::editions::story_path(article)),
        status: Some(article.status.as_str()),
        published: article.published_at.map(|at| settings.dateline(at)),
        updated: Some(settings.dateline(article.updated_at)),
        goes_live: match (article.status, article.published_at) {
            (ArticleStatus::Scheduled, Some(at)) => {
                Some(zone.goes_live_in(at, now, &settings.locale))
            }
            _ => None,
        },
        embargo: article
            .embargo_until
            .filter(|until| *until > now)
            .map(|until| settings.dateline(until)),
        ..EditorView::default()
    }
}

/// The editor again with a refused note form filled in as it was typed.
pub(super) async fn editor_with_note_form(
    state: &AppState,
    me: &SignedIn,
    article: &Article,
    note_form: Value,
    status: StatusCode,
) -> Result<Response, PageError> {
    let mut view = editor_for(article, &me.user, &state.settings());
    view.note_form = Some(note_form);
    render_editor(state, me, &HashMap::new(), view, status).await
}

pub async fn edit(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(parse_id(&id)?).await?;
    let view = editor_for(&article, &me.user, &state.settings());
    // A scheduled story is not "saved" into the world yet: the editor says when it will be.
    let mut query = query;
    if view.goes_live.is_some() {
        query.remove("done");
    }
    render_editor(&state, &me, &query, view, StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    me: SignedIn,
    headers: HeaderMap,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    save_form(&state, &me, None, &headers, form).await
}

pub async fn save(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    save_form(&state, &me, Some(id), &headers, form).await
}

/// Creates or saves an article from the editor. Whatever goes wrong, the editor comes back
/// with the text as it was typed.
async fn save_form(
    state: &AppState,
    me: &SignedIn,
    id: Option<i64>,
    headers: &HeaderMap,
    form: FormData,
) -> Result<Response, PageError> {
    let settings = state.settings();
    let json = super::wants_json(headers);
    let mut view = EditorView {
        article_id: id,
        version: form.get("version").and_then(|v| v.parse().ok()),
        values: form.values(),
        authors_selected: form.all("authors"),
        ..EditorView::default()
    };
    if form.get("intent") == Some("preview") {
        view.preview_html = Some(views::body_html(&form.text("body")));
        return render_editor(state, me, &HashMap::new(), view, StatusCode::OK).await;
    }
    let request = match article_request(&form, &settings.timezone) {
        Ok(request) if form.get("intent") == Some("review") => ArticleRequest {
            status: Some(crate::review::REVIEW.to_owned()),
            ..request
        },
        Ok(request) => request,
        Err(errors) => {
            return refused_save(state, me, view, json, NewsroomError::Invalid(errors)).await;
        }
    };
    let newsroom = Newsroom::new(state.store.as_ref());
    let now = Timestamp::now();
    let submitted = request.wants_review();
    let result = match id {
        Some(id) => newsroom.update_article(id, &request, &me.user, now).await,
        None => {
            let request = ArticleRequest {
                version: None,
                ..request
            };
            newsroom.create_article(&request, &me.user, now).await
        }
    };
    if let Ok(article) = &result {
        state.fetch_embed_previews(&article.body);
    }
    match result {
        Ok(article) if json => Ok(Json(json!({
            "id": article.id,
            "version": article.version,
            "status": article.status,
            "saved_at": settings.dateline(article.updated_at),
            "edit_url": format!("/admin/articles/{}", article.id),
        }))
        .into_response()),
        Ok(article) if submitted => {
            state.story_submitted(&article, &me.user).await?;
            Ok(done(
                &format!("/admin/articles/{}", article.id),
                "submitted",
            ))
        }
        Ok(article) => Ok(done(
            &format!("/admin/articles/{}", article.id),
            if id.is_some() { "saved" } else { "created" },
        )),
        Err(error) => refused_save(state, me, view, json, error).await,
    }
}

async fn refused_save(
    state: &AppState,
    me: &SignedIn,
    mut view: EditorView,
    json: bool,
    error: NewsroomError,
) -> Result<Response, PageError> {
    let status = match &error {
        NewsroomError::Invalid(errors) => {
            view.errors = error_map(errors, state);
            // The API calls it published_at; the editor's field is publish_at.
            if let Some(message) = view.errors.remove("published_at") {
                view.errors.insert("publish_at".into(), message);
            }
            for part in ["kind", "agency", "url", "rights"] {
                if let Some(message) = view.errors.remove(&format!("source.{part}")) {
                    view.errors.insert(format!("source_{part}"), message);
                }
            }
            StatusCode::UNPROCESSABLE_ENTITY
        }
        NewsroomError::Forbidden(message) => {
            view.error = Some(said(
                message.clone(),
                crate::newsroom::refusal_phrase(message),
                &state.settings().locale,
            ));
            StatusCode::FORBIDDEN
        }
        NewsroomError::Embargoed { until } => {
            let settings = state.settings();
            let until = format!(
                "{} ({})",
                settings.dateline(*until),
                settings.timezone.name()
            );
            let refusal =
                FieldErrors::single("embargo_until", crate::trust::embargo_problem(&until));
            view.errors.extend(error_map(&refusal, state));
            StatusCode::CONFLICT
        }
        NewsroomError::Conflict {
            current, submitted, ..
        } => {
            view.conflict = Some(conflict_panel(state, current, submitted).await?);
            // Saving again now is a deliberate choice, made with both texts in view.
            view.version = Some(current.version);
            StatusCode::CONFLICT
        }
        _ => return Err(PageError(AppError::from(error))),
    };
    if json {
        let locale = &state.settings().locale;
        let message = match &error {
            NewsroomError::Invalid(errors) if locale.code() == "en" => {
                format!("Not saved: {errors}.")
            }
            NewsroomError::Invalid(errors) => {
                let problems: Vec<String> =
                    errors.0.iter().map(|e| e.in_language(locale)).collect();
                locale.format(
                    "ed-autosave-refused",
                    &[("problems", problems.join("; ").into())],
                )
            }
            other if locale.code() == "en" => {
                format!("Not saved: {}.", other.to_string().trim_end_matches('.'))
            }
            NewsroomError::Conflict { .. } => locale.t("ed-autosave-conflict"),
            other => {
                let english = other.to_string();
                let phrase = crate::newsroom::refusal_phrase(&english);
                let refusal = said(english, phrase, locale);
                locale.format(
                    "ed-autosave-refused",
                    &[("problems", refusal.trim_end_matches('.').into())],
                )
            }
        };
        // `conflict` lets the page's script pause autosaving in any language.
        let conflict = matches!(error, NewsroomError::Conflict { .. });
        return Ok((
            status,
            Json(json!({ "saved": false, "message": message, "conflict": conflict })),
        )
            .into_response());
    }
    render_editor(state, me, &HashMap::new(), view, status).await
}

/// Both versions side by side: what is saved now (theirs) and what this editor sent.
async fn conflict_panel(
    state: &AppState,
    current: &Article,
    submitted: &ArticleInput,
) -> Result<Value, PageError> {
    let names = Names::load(state).await?;
    let theirs = snapshot_of(current);
    Ok(json!({
        "version": current.version,
        "their_title": current.title,
        "their_standfirst": current.standfirst,
        "their_body": current.body,
        "changes": names.changes(&theirs, submitted),
        "diff": line_diff(&current.body, &submitted.body),
    }))
}

/// An article as the store's revision snapshot would hold it.
fn snapshot_of(article: &Article) -> ArticleInput {
    ArticleInput {
        slug: article.slug.clone(),
        title: article.title.clone(),
        standfirst: article.standfirst.clone(),
        body: article.body.clone(),
        status: article.status,
        section_id: article.section.id,
        tags: article
            .tags
            .iter()
            .map(|t| (t.slug.clone(), t.name.clone()))
            .collect(),
        author_ids: article.authors.iter().map(|a| a.id).collect(),
        lead_image: article.lead_image.clone(),
        seo_title: article.seo_title.clone(),
        seo_description: article.seo_description.clone(),
        published_at: article.published_at,
        comments_open: article.comments_open,
        format: article.format,
        dateline: article.dateline.clone(),
        embargo_until: article.embargo_until,
        source: article.source.clone(),
        updated_shown_at: article.updated_shown_at,
    }
}

/// Section and author names by id, to describe a revision in words.
struct Names {
    sections: HashMap<i64, String>,
    authors: HashMap<i64, String>,
}

impl Names {
    async fn load(state: &AppState) -> Result<Names, PageError> {
        Ok(Names {
            sections: state
                .store
                .list_sections()
                .await?
                .into_iter()
                .map(|s| (s.id, s.name))
                .collect(),
            authors: state
                .store
                .list_authors()
                .await?
                .into_iter()
                .map(|a| (a.id, a.name))
                .collect(),
        })
    }

    /// Each field as (its key, its English name, its value); a page names the field by its
    /// key (`t("ed-change-" ~ key)`), the API by its English name.
    fn describe(&self, input: &ArticleInput) -> Vec<(&'static str, &'static str, String)> {
        let image = input.lead_image.as_ref();
        vec![
            ("title", "Title", input.title.clone()),
            (
                "standfirst",
                "Standfirst",
                input.standfirst.clone().unwrap_or_default(),
            ),
            ("slug", "Slug", input.slug.to_string()),
            ("status", "Status", input.status.as_str().to_owned()),
            (
                "section",
                "Section",
                self.sections
                    .get(&input.section_id)
                    .cloned()
                    .unwrap_or_else(|| format!("#{}", input.section_id)),
            ),
            (
                "authors",
                "Authors",
                input
                    .author_ids
                    .iter()
                    .map(|id| {
                        self.authors
                            .get(id)
                            .cloned()
                            .unwrap_or_else(|| format!("#{id}"))
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                "tags",
                "Tags",
                input
                    .tags
                    .iter()
                    .map(|(_, name)| name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                "lead_image",
                "Lead image",
                image.map(|i| i.url.clone()).unwrap_or_default(),
            ),
            (
                "image_credit",
                "Image credit",
                image.and_then(|i| i.credit.clone()).unwrap_or_default(),
            ),
            (
                "image_caption",
                "Image caption",
                image.and_then(|i| i.caption.clone()).unwrap_or_default(),
            ),
            (
                "seo_title",
                "SEO title",
                input.seo_title.clone().unwrap_or_default(),
            ),
            (
                "seo_description",
                "SEO description",
                input.seo_description.clone().unwrap_or_default(),
            ),
        ]
    }

    /// The fields other than the body that differ between two states.
    fn changes(&self, from: &ArticleInput, to: &ArticleInput) -> Vec<Value> {
        self.describe(from)
            .into_iter()
            .zip(self.describe(to))
            .filter(|((_, _, a), (_, _, b))| a != b)
            .map(|((key, field, a), (_, _, b))| {
                json!({ "key": key, "field": field, "from": a, "to": b })
            })
            .collect()
    }
}

/// A comparison of two bodies, for people: kept, removed, added and changed lines, the
/// changed ones word by word.
fn line_diff(from: &str, to: &str) -> Vec<Value> {
    crate::compare::compare(from, to)
        .into_iter()
        .map(|line| json!(line))
        .collect()
}

pub async fn confirm_delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(parse_id(&id)?).await?;
    // A confirmation that could only end in a refusal says so at once.
    may_edit(&me.user, &article)?;
    let public = article.is_public(Timestamp::now());
    let locale = state.settings().locale.clone();
    page(
        &state,
        &me,
        "articles",
        "admin/confirm.html",
        &query,
        minijinja::context! {
            title => locale.format("ed-delete-title", &[("title", article.title.as_str().into())]),
            consequences => [
                if public { "ed-delete-public" } else { "ed-delete-unseen" },
                "ed-delete-everything",
                "ed-delete-instead",
            ]
            .map(|id| locale.t(id)),
            action => format!("/admin/articles/{}/delete", article.id),
            button => locale.t("ed-delete-button"),
            back => format!("/admin/articles/{}", article.id),
        },
    )
}

pub async fn delete(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    Newsroom::new(state.store.as_ref())
        .delete_article(parse_id(&id)?, &me.user)
        .await?;
    Ok(done("/admin/articles", "deleted"))
}

fn revision_row(settings: &Settings, revision: &Revision) -> Value {
    json!({
        "id": revision.id,
        "version": revision.version,
        "kind": revision.kind,
        "saved_by": revision.saved_by_name.clone().unwrap_or_else(|| "(someone since removed)".into()),
        // Nobody for a member since removed: the page says so in its language.
        "by": revision.saved_by_name,
        "saved_at": settings.dateline(revision.saved_at),
        "title": revision.snapshot.get("title").and_then(Value::as_str).unwrap_or(""),
    })
}

pub async fn revisions(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(parse_id(&id)?).await?;
    let revisions = state.store.list_revisions(article.id).await?;
    let settings = state.settings();
    page(
        &state,
        &me,
        "articles",
        "admin/revisions.html",
        &query,
        minijinja::context! {
            article => minijinja::context! { id => article.id, title => article.title, version => article.version },
            revisions => revisions.iter().map(|r| revision_row(&settings, r)).collect::<Vec<_>>(),
            read_only => read_only_reason(&me.user, &article, &settings.locale),
        },
    )
}

/// The comparison of two revisions, in words: fields that changed and the body line by line.
pub async fn revision_comparison(
    state: &AppState,
    article_id: i64,
    from: i64,
    to: i64,
) -> Result<Value, AppError> {
    let revisions = state.store.list_revisions(article_id).await?;
    let find = |id: i64| {
        revisions
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| AppError::not_found(&format!("Revision {id} of this article")))
    };
    let (older, newer) = (find(from)?, find(to)?);
    let read = |r: &Revision| {
        serde_json::from_value::<ArticleInput>(r.snapshot.clone())
            .map_err(|e| AppError::Internal(anyhow::anyhow!("revision {} unreadable: {e}", r.id)))
    };
    let (a, b) = (read(older)?, read(newer)?);
    let names = Names::load(state).await.map_err(|PageError(error)| error)?;
    let settings = state.settings();
    Ok(json!({
        "from": revision_row(&settings, older),
        "to": revision_row(&settings, newer),
        "changes": names.changes(&a, &b),
        "diff": line_diff(&a.body, &b.body),
    }))
}

pub async fn compare(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(parse_id(&id)?).await?;
    let pick = |name: &str| {
        query
            .get(name)
            .and_then(|v| crate::domain::parse_id(v))
            .ok_or_else(|| {
                PageError(AppError::BadRequest(
                    state.settings().locale.t("ed-compare-choose-two"),
                ))
            })
    };
    let (from, to) = (pick("from")?, pick("to")?);
    let (from, to) = (from.min(to), from.max(to));
    let comparison = revision_comparison(&state, article.id, from, to).await?;
    page(
        &state,
        &me,
        "articles",
        "admin/compare.html",
        &query,
        minijinja::context! {
            article => minijinja::context! { id => article.id, title => article.title },
            comparison => comparison,
        },
    )
}

pub async fn restore(
    State(state): State<AppState>,
    me: SignedIn,
    Path((id, revision)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    Newsroom::new(state.store.as_ref())
        .restore_revision(id, parse_id(&revision)?, &me.user, Timestamp::now())
        .await?;
    Ok(done(&format!("/admin/articles/{id}"), "restored"))
}

/// The body as readers will see it, rendered by the public renderer.
pub async fn preview(_me: SignedIn, Form(form): Form<FormData>) -> Response {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Html(views::body_html(&form.text("body"))),
    )
        .into_response()
}

/// The drafts waiting for review, as the dashboard lists them.
pub(super) async fn review_rows(state: &AppState, limit: u32) -> Result<Vec<Value>, PageError> {
    let settings = state.settings();
    let locale = &settings.locale;
    let now = Timestamp::now();
    let mut rows = Vec::new();
    for entry in state.store.review_queue(limit).await? {
        let article = state.store.article_by_id(entry.article_id).await?;
        let mut line = row(&settings, &article);
        line["submitted_by"] = json!(entry.submitted_by_name);
        line["assigned"] = json!(entry.assigned_name);
        line["waiting"] = json!(entry.review_since.map(|since| {
            match crate::domain::time_span(now, since) {
                Some((count, unit)) => {
                    locale.format(&format!("ed-ago-{unit}"), &[("count", count.into())])
                }
                None => locale.t("ed-ago-now"),
            }
        }));
        rows.push(line);
    }
    Ok(rows)
}

/// An editor sends a story back to its writer with a note.
pub async fn send_back(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let note = form.text("note");
    let review = crate::review::Review::new(state.store.as_ref());
    let article = review
        .send_back(id, &me.user, &note, Timestamp::now())
        .await?;
    let mail = review
        .sent_back_mail(
            &article,
            &me.user,
            &note,
            &state.settings().base_url,
            &state.settings().locale,
        )
        .await?;
    state.send_desk_mail(mail);
    Ok(done(&format!("/admin/articles/{id}"), "sent-back"))
}

/// An editor assigns a story to a member of the newsroom, or to nobody.
pub async fn assign(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let person = match form.get("assigned_to").map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(crate::domain::parse_id(text).ok_or_else(|| {
            PageError(AppError::BadRequest(
                state.settings().locale.t("ed-assign-choose"),
            ))
        })?),
    };
    crate::review::Review::new(state.store.as_ref())
        .assign(id, &me.user, person, Timestamp::now())
        .await?;
    Ok(done(&format!("/admin/articles/{id}"), "assigned"))
}

/// Any member of the newsroom leaves an internal note on a story.
pub async fn add_note(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    crate::review::Review::new(state.store.as_ref())
        .add_note(id, &me.user, &form.text("note"), Timestamp::now())
        .await?;
    Ok(done(&format!("/admin/articles/{id}"), "noted"))
}

/// The story in the public theme, exactly as readers will see it, for any draft or
/// scheduled story (and any other: the newsroom may look at what it likes).
pub async fn full_preview(
    State(state): State<AppState>,
    _me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let article = state.store.article_by_id(parse_id(&id)?).await?;
    let settings = state.settings();
    let locale = &settings.locale;
    let now = Timestamp::now();
    let banner = match (article.status, article.published_at) {
        (ArticleStatus::Scheduled, Some(at)) => locale.format(
            "ed-preview-scheduled",
            &[(
                "when",
                settings.timezone.goes_live_in(at, now, locale).into(),
            )],
        ),
        (ArticleStatus::Published, _) if article.is_public(now) => locale.t("ed-preview-published"),
        _ => locale.t("ed-preview-draft"),
    };
    crate::web::preview::preview_page(&state, &article, banner).await
}

/// A new shareable preview link for someone outside the newsroom.
pub async fn share_preview(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    crate::preview::Previews::new(state.store.as_ref())
        .share(id, &me.user, Timestamp::now())
        .await?;
    Ok(done(&format!("/admin/articles/{id}#previews"), "shared"))
}

pub async fn revoke_preview(
    State(state): State<AppState>,
    me: SignedIn,
    Path((id, link)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    crate::preview::Previews::new(state.store.as_ref())
        .revoke(id, parse_id(&link)?, &me.user, Timestamp::now())
        .await?;
    Ok(done(&format!("/admin/articles/{id}#previews"), "withdrawn"))
}
