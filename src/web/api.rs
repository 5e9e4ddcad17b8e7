//! The JSON API under `/api/v1/`: bearer tokens for the newsroom, problem+json for errors.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use jiff::Timestamp;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::review::mark_review;
use super::views;
use super::{ApiError, AppError, AppState};
use crate::auth;
use crate::config::{Settings, SiteOverrides};
use crate::domain::{ArticleStatus, FieldErrors, Role};
use crate::newsroom::{
    ArticleRequest, AuthorRequest, Newsroom, NewsroomError, SectionRequest, TagRequest, UserRequest,
};
use crate::review::REVIEW;
use crate::store::{
    Article, Author, NewsroomFilter, Page, ReactionCounts, Section, StoreError, Tag, User,
};

pub(crate) mod brand;
mod corrections;
mod entries;
mod integrations;
mod pages;
pub(crate) mod stats;

const OPENAPI: &str = include_str!("openapi.json");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .merge(integrations::routes())
        .merge(pages::routes())
        .merge(entries::routes())
        .merge(stats::routes())
        .merge(corrections::routes())
        .route("/articles", get(list_articles).post(create_article))
        .route(
            "/articles/{id}",
            get(get_article)
                .patch(update_article)
                .delete(delete_article),
        )
        .route("/articles/{id}/revisions", get(list_revisions))
        .route(
            "/articles/{id}/translations",
            axum::routing::put(link_translation).delete(unlink_translation),
        )
        .route("/articles/{id}/revisions/compare", get(compare_revisions))
        .route(
            "/articles/{id}/revisions/{revision}/restore",
            post(restore_revision),
        )
        .route("/preview", post(preview))
        .route("/tags/{id}/merge", post(merge_tag))
        .route("/users", get(list_users).post(create_user))
        .route("/users/{id}", axum::routing::patch(update_user))
        .route("/settings", get(get_settings).patch(update_settings))
        .route("/audit", get(list_audit))
        .route("/sections", get(list_sections).post(create_section))
        .route(
            "/sections/{id}",
            get(get_section)
                .patch(update_section)
                .delete(delete_section),
        )
        .route("/tags", get(list_tags).post(create_tag))
        .route(
            "/tags/{id}",
            get(get_tag).patch(update_tag).delete(delete_tag),
        )
        .route("/authors", get(list_authors).post(create_author))
        .route(
            "/authors/{id}",
            get(get_author).patch(update_author).delete(delete_author),
        )
        .fallback(|| async {
            ApiError(AppError::NotFound(
                "There is no such API endpoint; see /api/v1/openapi.json.".into(),
            ))
        })
}

/// The newsroom member a bearer token belongs to.
pub struct ApiUser(pub User);

/// The newsroom member behind a request: a bearer token (scripts), or a browser session
/// whose state-changing calls carry the CSRF token.
async fn user_from_parts(state: &AppState, parts: &Parts) -> Result<Option<User>, ApiError> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(super::session::api_session_user(state, parts).await?);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError(AppError::Unauthorized(
                "The Authorization header must be `Bearer <token>`.".into(),
            ))
        })?;
    match state
        .store
        .user_by_token_hash(&auth::token_hash(token), Timestamp::now())
        .await
    {
        Ok(user) => Ok(Some(user)),
        Err(StoreError::NotFound) => Err(ApiError(AppError::Unauthorized(
            "This API token is not valid. Create one with `newsdesk token create --email EMAIL`."
                .into(),
        ))),
        Err(other) => Err(other.into()),
    }
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match user_from_parts(state, parts).await? {
            Some(user) => Ok(ApiUser(user)),
            None => Err(ApiError(AppError::Unauthorized(
                "This needs an API token: send `Authorization: Bearer <token>`.".into(),
            ))),
        }
    }
}

/// A reader or a newsroom member: public reads work without a token.
pub struct MaybeUser(pub Option<User>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(MaybeUser(user_from_parts(state, parts).await?))
    }
}

/// Refusals the framework answers before a handler runs (an id that is not UTF-8, a method
/// the address does not take) become problem documents like every other refusal.
pub async fn problem_for_rejections(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let response = next.run(request).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    let handled = [
        StatusCode::BAD_REQUEST,
        StatusCode::NOT_FOUND,
        StatusCode::METHOD_NOT_ALLOWED,
        StatusCode::PAYLOAD_TOO_LARGE,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
    ];
    if is_problem || !handled.contains(&status) {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let text = axum::body::to_bytes(response.into_body(), 64 * 1024)
        .await
        .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_owned())
        .unwrap_or_default();
    let error = match status {
        StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed(format!(
            "This address does not take {method}; /api/v1/openapi.json lists what it takes."
        )),
        StatusCode::NOT_FOUND => {
            AppError::NotFound("There is no such API endpoint; see /api/v1/openapi.json.".into())
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::UnsupportedMediaType(text),
        StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge(format!(
            "The body is larger than this address accepts ({text}); send less."
        )),
        _ => AppError::BadRequest(format!("The request could not be read: {text}")),
    };
    let mut response = ApiError(error).into_response();
    if let Some(allow) = allow {
        response.headers_mut().insert(header::ALLOW, allow);
    }
    response
}

fn require_editor(user: &User) -> Result<(), ApiError> {
    if user.role.is_editor() {
        Ok(())
    } else {
        Err(ApiError(AppError::Forbidden(format!(
            "Sections, tags and authors are managed by editors and admins; you are {}.",
            user.role.with_article()
        ))))
    }
}

/// A JSON body whose every problem is answered as problem+json, naming the field.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let essence = v
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                essence == "application/json" || essence.ends_with("+json")
            })
            .unwrap_or(false);
        if !is_json {
            return Err(ApiError(AppError::UnsupportedMediaType(
                "Send the body as JSON with `Content-Type: application/json`.".into(),
            )));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                ApiError(AppError::unreadable_body(
                    rejection.status(),
                    &rejection.body_text(),
                    super::MAX_BODY_BYTES,
                    "Send less: an article's body, the largest field, holds at most 200,000 \
                     characters, and photos go to POST /api/v1/media.",
                ))
            })?;
        parse_json(&bytes).map(ApiJson)
    }
}

fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // serde would read a struct from an array of its fields in order; the API takes objects.
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|b| *b == b'[') {
        return Err(ApiError(AppError::Invalid(FieldErrors::single(
            "body",
            "the body must be a JSON object, like {\"kind\": \"love\"}",
        ))));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut deserializer);
    let value = result.map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if inner.is_syntax() || inner.is_eof() || inner.is_io() {
            return ApiError(AppError::BadRequest(format!(
                "The body is not valid JSON: {inner}."
            )));
        }
        let message = inner.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        // At the top level serde names an unknown field only in its message.
        let field = match (path.as_str(), message.strip_prefix("unknown field `")) {
            (".", Some(rest)) => rest.split('`').next().unwrap_or("body").to_owned(),
            (".", None) => "body".to_owned(),
            _ => path,
        };
        ApiError(AppError::Invalid(FieldErrors::single(&field, message)))
    })?;
    deserializer.end().map_err(|e| {
        ApiError(AppError::BadRequest(format!(
            "The body is not valid JSON: {e}."
        )))
    })?;
    Ok(value)
}

/// An id from the address; anything but a plain positive number (`+1`, `01`) names nothing.
pub(super) fn parse_id(text: &str, what: &str) -> Result<i64, ApiError> {
    crate::domain::parse_id(text).ok_or_else(|| {
        let a = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        ApiError(AppError::NotFound(format!(
            "\"{text}\" is not {a} {what} id: ids are positive whole numbers written plainly, \
             like 12."
        )))
    })
}

fn absolute(settings: &Settings, path: &str) -> String {
    format!("{}{path}", settings.base_url)
}

fn time_json(settings: &Settings, at: Option<Timestamp>) -> Value {
    at.map(|at| Value::String(settings.timezone.format_rfc3339(at)))
        .unwrap_or(Value::Null)
}

fn section_json(settings: &Settings, section: &Section) -> Value {
    json!({
        "id": section.id,
        "slug": section.slug,
        "name": section.name,
        "description": section.description,
        "url": absolute(settings, &section.path()),
        "position": section.position,
        "parent": section.parent_slug,
        "on_home": section.on_home,
        "block_style": section.block_style,
        "colour": section.colour,
        "language": language_code(settings, section.language),
    })
}

/// An edition's language code as the API shows it: the site's own for the default one.
pub(super) fn language_code(
    settings: &Settings,
    language: Option<crate::domain::Language>,
) -> String {
    language.map_or_else(|| settings.language.clone(), |l| l.to_string())
}

/// `?language=`: one edition's items only (the site's own language code is its default
/// edition); absent, every edition's.
pub(super) async fn language_filter(
    state: &AppState,
    query: &HashMap<String, String>,
) -> Result<Option<crate::store::EditionFilter>, ApiError> {
    let Some(code) = query
        .get("language")
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
    else {
        return Ok(None);
    };
    let own = state.settings().language.clone();
    let refuse = |message: crate::domain::Problem| {
        ApiError(AppError::Invalid(FieldErrors::single("language", message)))
    };
    let language = crate::domain::Language::parse(code).map_err(refuse)?;
    if language.as_str() == own {
        return Ok(Some(crate::store::EditionFilter::Default));
    }
    let others = state.edition_languages().await?;
    if others.contains(&language) {
        Ok(Some(crate::store::EditionFilter::Language(language)))
    } else {
        let mut known = vec![own];
        known.extend(others.iter().map(|l| l.to_string()));
        Err(refuse(
            format!(
                "the site has no edition in \"{language}\"; its editions are {}",
                known.join(", ")
            )
            .into(),
        ))
    }
}

fn tag_json(settings: &Settings, tag: &Tag) -> Value {
    json!({
        "id": tag.id,
        "slug": tag.slug,
        "name": tag.name,
        "url": absolute(settings, &views::tag_path(tag.slug.as_str())),
    })
}

fn author_json(settings: &Settings, author: &Author) -> Value {
    json!({
        "id": author.id,
        "slug": author.slug,
        "name": author.name,
        "bio": author.bio,
        "photo_url": author.photo_url,
        "url": absolute(settings, &views::author_path(author.slug.as_str())),
    })
}

fn article_json(settings: &Settings, article: &Article) -> Value {
    json!({
        "id": article.id,
        "slug": article.slug,
        "status": article.status,
        "url": absolute(settings, &crate::editions::story_path(article)),
        "language": language_code(settings, article.language()),
        "title": article.title,
        "standfirst": article.standfirst,
        "body": article.body,
        "section": section_json(settings, &article.section),
        "tags": article.tags.iter().map(|t| tag_json(settings, t)).collect::<Vec<_>>(),
        "authors": article.authors.iter().map(|a| author_json(settings, a)).collect::<Vec<_>>(),
        "lead_image": article.lead_image,
        "seo_title": article.seo_title,
        "seo_description": article.seo_description,
        "published_at": time_json(settings, article.published_at),
        "created_at": time_json(settings, Some(article.created_at)),
        "updated_at": time_json(settings, Some(article.updated_at)),
        "version": article.version,
        "comments_open": article.comments_open,
        "label": article.label,
        "format": article.format,
        "dateline": article.dateline,
        "embargo_until": time_json(settings, article.embargo_until),
        "source": article.source,
        "updated_shown_at": time_json(settings, article.updated_shown_at),
        "corrections": [],
    })
}

/// Adds the article's reaction totals, every kind the site offers, to its JSON.
fn with_reactions(state: &AppState, mut article: Value, counts: Option<&ReactionCounts>) -> Value {
    let empty = ReactionCounts::new();
    article["reactions"] = Value::Object(state.reaction_totals(counts.unwrap_or(&empty)));
    article
}

fn created(value: Value) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}

async fn openapi(State(state): State<AppState>) -> Response {
    let document = OPENAPI.replace("{{BASE_URL}}", &state.settings().base_url);
    ([(header::CONTENT_TYPE, "application/json")], document).into_response()
}

/// `?page=` and `?per_page=` (1–100, 20 by default) of an API list.
pub(super) fn query_page(query: &HashMap<String, String>) -> Result<Page, ApiError> {
    let mut errors = FieldErrors::new();
    let number = match query.get("page") {
        None => 1,
        Some(text) => errors
            .check(
                "page",
                text.parse::<u32>()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| format!("\"{text}\" is not a page number; pages start at 1")),
            )
            .unwrap_or(1),
    };
    let per_page = match query.get("per_page") {
        None => 20,
        Some(text) => errors
            .check(
                "per_page",
                text.parse::<u32>()
                    .ok()
                    .filter(|n| (1..=100).contains(n))
                    .ok_or_else(|| format!("\"{text}\" is not between 1 and 100")),
            )
            .unwrap_or(20),
    };
    errors
        .into_result()
        .map_err(|e| ApiError(AppError::Invalid(e)))?;
    Ok(Page { number, per_page })
}

async fn list_articles(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let page = query_page(&query)?;
    if query.get("status").map(String::as_str) == Some(REVIEW) {
        return review_queue(&state, page).await.map(Json);
    }
    let mut errors = FieldErrors::new();
    let status = query
        .get("status")
        .filter(|s| !s.is_empty())
        .and_then(|s| errors.check("status", ArticleStatus::parse(s)));
    let source = query
        .get("source")
        .filter(|s| !s.is_empty())
        .and_then(|s| errors.check("source", crate::store::SourceKind::parse(s)));
    let section_id = match query.get("section").filter(|s| !s.is_empty()) {
        None => None,
        Some(slug) => match state.store.section_by_slug(slug).await {
            Ok(section) => Some(section.id),
            Err(StoreError::NotFound) => {
                errors.add(
                    "section",
                    format!("there is no section with slug \"{slug}\""),
                );
                None
            }
            Err(other) => return Err(other.into()),
        },
    };
    errors
        .into_result()
        .map_err(|e| ApiError(AppError::Invalid(e)))?;
    let edition = language_filter(&state, &query).await?;
    let paged = state
        .store
        .list_articles(
            NewsroomFilter {
                edition,
                status,
                section_id,
                search: query.get("q").map(String::as_str),
                source,
            },
            page,
        )
        .await?;
    Ok(Json(
        article_list(&state, &paged.items, page, paged.total).await?,
    ))
}

/// A page of articles as the API lists them, with reactions and the review status.
async fn article_list(
    state: &AppState,
    articles: &[Article],
    page: Page,
    total: i64,
) -> Result<Value, ApiError> {
    let ids: Vec<i64> = articles.iter().map(|a| a.id).collect();
    let totals = state.store.reaction_counts_for(&ids).await?;
    let mut items: Vec<Value> = articles
        .iter()
        .map(|a| with_reactions(state, article_json(&state.settings(), a), totals.get(&a.id)))
        .collect();
    let mut noted: Vec<(&Article, &mut Value)> = articles.iter().zip(items.iter_mut()).collect();
    corrections::add_notes(state, &mut noted).await?;
    let mut marked: Vec<(i64, &mut Value)> = ids.iter().copied().zip(items.iter_mut()).collect();
    mark_review(state, &mut marked).await?;
    Ok(json!({
        "items": items,
        "page": page.number,
        "per_page": page.per_page,
        "total": total,
    }))
}

/// `?status=review`: the drafts waiting for an editor, the longest-waiting first.
async fn review_queue(state: &AppState, page: Page) -> Result<Value, ApiError> {
    let queue = state.store.review_queue(10_000).await?;
    let mut articles = Vec::new();
    for entry in queue
        .iter()
        .skip(page.offset() as usize)
        .take(page.per_page as usize)
    {
        articles.push(state.store.article_by_id(entry.article_id).await?);
    }
    article_list(state, &articles, page, queue.len() as i64).await
}

/// One article's JSON, with `review` as its status while it waits for an editor.
async fn reviewed_json(state: &AppState, article: &Article) -> Result<Value, ApiError> {
    let mut value = article_json(&state.settings(), article);
    mark_review(state, &mut [(article.id, &mut value)]).await?;
    corrections::add_notes(state, &mut [(article, &mut value)]).await?;
    add_formats(state, article, &mut value).await?;
    Ok(value)
}

/// Adds the story's gallery, numbered list and lead video (`null` for those it has not), as
/// `POST` and `PATCH` take them.
async fn add_formats(
    state: &AppState,
    article: &Article,
    value: &mut Value,
) -> Result<(), ApiError> {
    let extras = state.store.story_extras(article.id).await?;
    value["gallery"] = if extras.gallery {
        super::gallery::photos_json(&state.store.gallery(article.id).await?)
    } else {
        Value::Null
    };
    value["list"] = if extras.list {
        super::lists::inline_json(&state.store.story_list(article.id).await?)
    } else {
        Value::Null
    };
    value["video"] = match state.store.lead_video(article.id).await? {
        Some(lead) if extras.video => super::video::inline_json(&lead),
        _ => Value::Null,
    };
    Ok(())
}

async fn create_article(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<ArticleRequest>,
) -> Result<Response, ApiError> {
    if request.version.is_some() {
        return Err(ApiError(AppError::Invalid(FieldErrors::single(
            "version",
            "a new article has no version yet; send version only when updating",
        ))));
    }
    let article = Newsroom::new(state.store.as_ref())
        .create_article(&request, &user, Timestamp::now())
        .await?;
    if request.wants_review() {
        state.story_submitted(&article, &user).await?;
    }
    state.fetch_embed_previews(&article.body);
    Ok(created(reviewed_json(&state, &article).await?))
}

async fn get_article(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "article")?;
    let article = state.store.article_by_id(id).await?;
    let public = article.is_public(Timestamp::now());
    if user.is_none() && !public {
        return Err(ApiError(AppError::not_found("This article")));
    }
    let counts = state.store.reaction_counts(article.id).await?;
    let mut value = match user {
        Some(_) => reviewed_json(&state, &article).await?,
        None => {
            let mut value = article_json(&state.settings(), &article);
            corrections::add_notes(&state, &mut [(&article, &mut value)]).await?;
            add_formats(&state, &article, &mut value).await?;
            value
        }
    };
    value["translations"] = translations_json(&state, &article, user.is_some()).await?;
    Ok(Json(with_reactions(&state, value, Some(&counts))))
}

/// The story's translations: every one for the newsroom, the public ones for anyone else.
async fn translations_json(
    state: &AppState,
    article: &Article,
    newsroom: bool,
) -> Result<Value, ApiError> {
    let settings = state.settings();
    let now = Timestamp::now();
    let translations = crate::editions::translations_of(state.store.as_ref(), article).await?;
    Ok(Value::Array(
        translations
            .iter()
            .filter(|t| newsroom || t.is_public(now))
            .map(|t| {
                json!({
                    "id": t.article_id,
                    "title": t.title,
                    "language": language_code(&settings, t.language),
                    "status": t.status,
                    "url": absolute(&settings, &crate::editions::translation_path(t)),
                })
            })
            .collect(),
    ))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationLink {
    translation_of: i64,
}

/// `PUT /articles/{id}/translations` `{"translation_of": ID}`: links the story to another
/// in a different edition as its translation (and so to that story's translations).
async fn link_translation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(link): ApiJson<TranslationLink>,
) -> Result<Json<Value>, ApiError> {
    require_editor(&user)?;
    let article = state.store.article_by_id(parse_id(&id, "article")?).await?;
    match crate::editions::link_translation(state.store.as_ref(), &article, link.translation_of)
        .await
    {
        Ok(()) => {}
        Err(crate::editions::LinkError::Store(StoreError::NotFound)) => {
            return Err(ApiError(AppError::Invalid(FieldErrors::single(
                "translation_of",
                format!("there is no article {}", link.translation_of),
            ))));
        }
        Err(crate::editions::LinkError::Store(other)) => return Err(other.into()),
        Err(refused) => {
            return Err(ApiError(AppError::Invalid(FieldErrors::single(
                "translation_of",
                refused.to_string(),
            ))));
        }
    }
    let article = state.store.article_by_id(article.id).await?;
    Ok(Json(json!({
        "id": article.id,
        "translations": translations_json(&state, &article, true).await?,
    })))
}

/// `DELETE /articles/{id}/translations`: the story stands alone again.
async fn unlink_translation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    require_editor(&user)?;
    let article = state.store.article_by_id(parse_id(&id, "article")?).await?;
    crate::editions::unlink_translation(state.store.as_ref(), &article).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn update_article(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ArticleRequest>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "article")?;
    match Newsroom::new(state.store.as_ref())
        .update_article(id, &request, &user, Timestamp::now())
        .await
    {
        Ok(article) => {
            if request.wants_review() {
                state.story_submitted(&article, &user).await?;
            }
            state.fetch_embed_previews(&article.body);
            Ok(Json(reviewed_json(&state, &article).await?))
        }
        Err(conflict @ NewsroomError::Conflict { .. }) => {
            let detail = format!(
                "{conflict}. Your change was not saved over theirs, and nothing is lost: \
                 your text is in `submitted` (and kept as a conflict revision), the article \
                 as it is now is in `current`. Merge them and save again with version {}.",
                match &conflict {
                    NewsroomError::Conflict { current, .. } => current.version,
                    _ => 0,
                }
            );
            let current = match &conflict {
                NewsroomError::Conflict { current, .. } => article_json(&state.settings(), current),
                _ => Value::Null,
            };
            Err(ApiError(AppError::Conflict {
                detail,
                extra: json!({
                    "current_version": current["version"],
                    "current": current,
                    "submitted": request,
                }),
            }))
        }
        Err(other) => Err(other.into()),
    }
}

async fn delete_article(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id, "article")?;
    Newsroom::new(state.store.as_ref())
        .delete_article(id, &user)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list_revisions(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "article")?;
    state.store.article_by_id(id).await?;
    let revisions = state.store.list_revisions(id).await?;
    let items: Vec<Value> = revisions
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "version": r.version,
                "kind": r.kind,
                "saved_by": r.saved_by_name,
                "saved_at": time_json(&state.settings(), Some(r.saved_at)),
                "snapshot": r.snapshot,
            })
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

async fn list_sections(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let edition = language_filter(&state, &query).await?;
    let sections = state.store.list_sections().await?;
    Ok(Json(json!({
        "items": sections
            .iter()
            .filter(|s| edition.is_none_or(|e| crate::store::EditionFilter::of(s.language) == e))
            .map(|s| section_json(&state.settings(), s))
            .collect::<Vec<_>>()
    })))
}

async fn create_section(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(mut request): ApiJson<SectionRequest>,
) -> Result<Response, ApiError> {
    require_editor(&user)?;
    request.language =
        crate::editions::requested_language(request.language, &state.settings().language);
    // A subsection is in its parent's edition unless the request names one.
    if request.language.is_none()
        && let Some(parent) = request.parent.as_deref().map(str::trim)
        && !parent.is_empty()
        && let Ok(parent) = state.store.section_by_slug(parent).await
    {
        request.language = Some(parent.language.map(|l| l.to_string()).unwrap_or_default());
    }
    let section = Newsroom::new(state.store.as_ref())
        .create_section(&request)
        .await?;
    Ok(created(section_json(&state.settings(), &section)))
}

async fn get_section(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let section = state.store.section_by_id(parse_id(&id, "section")?).await?;
    Ok(Json(section_json(&state.settings(), &section)))
}

async fn update_section(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(mut request): ApiJson<SectionRequest>,
) -> Result<Json<Value>, ApiError> {
    require_editor(&user)?;
    request.language =
        crate::editions::requested_language(request.language, &state.settings().language);
    let section = Newsroom::new(state.store.as_ref())
        .update_section(parse_id(&id, "section")?, &request)
        .await?;
    Ok(Json(section_json(&state.settings(), &section)))
}

async fn delete_section(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    require_editor(&user)?;
    Newsroom::new(state.store.as_ref())
        .delete_section(parse_id(&id, "section")?, &user)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list_tags(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let tags = state.store.list_tags().await?;
    Ok(Json(json!({
        "items": tags.iter().map(|t| tag_json(&state.settings(), t)).collect::<Vec<_>>()
    })))
}

async fn create_tag(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<TagRequest>,
) -> Result<Response, ApiError> {
    require_editor(&user)?;
    let tag = Newsroom::new(state.store.as_ref())
        .create_tag(&request)
        .await?;
    Ok(created(tag_json(&state.settings(), &tag)))
}

async fn get_tag(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let tag = state.store.tag_by_id(parse_id(&id, "tag")?).await?;
    Ok(Json(tag_json(&state.settings(), &tag)))
}

async fn update_tag(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<TagRequest>,
) -> Result<Json<Value>, ApiError> {
    require_editor(&user)?;
    let tag = Newsroom::new(state.store.as_ref())
        .update_tag(parse_id(&id, "tag")?, &request)
        .await?;
    Ok(Json(tag_json(&state.settings(), &tag)))
}

async fn delete_tag(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    require_editor(&user)?;
    Newsroom::new(state.store.as_ref())
        .delete_tag(parse_id(&id, "tag")?, &user)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list_authors(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let authors = state.store.list_authors().await?;
    Ok(Json(json!({
        "items": authors.iter().map(|a| author_json(&state.settings(), a)).collect::<Vec<_>>()
    })))
}

async fn create_author(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<AuthorRequest>,
) -> Result<Response, ApiError> {
    require_editor(&user)?;
    let author = Newsroom::new(state.store.as_ref())
        .create_author(&request)
        .await?;
    Ok(created(author_json(&state.settings(), &author)))
}

async fn get_author(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let author = state.store.author_by_id(parse_id(&id, "author")?).await?;
    Ok(Json(author_json(&state.settings(), &author)))
}

async fn update_author(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<AuthorRequest>,
) -> Result<Json<Value>, ApiError> {
    require_editor(&user)?;
    let author = Newsroom::new(state.store.as_ref())
        .update_author(parse_id(&id, "author")?, &request)
        .await?;
    Ok(Json(author_json(&state.settings(), &author)))
}

async fn delete_author(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    require_editor(&user)?;
    Newsroom::new(state.store.as_ref())
        .delete_author(parse_id(&id, "author")?, &user)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn require_admin(user: &User) -> Result<(), ApiError> {
    if user.role == Role::Admin {
        Ok(())
    } else {
        Err(ApiError(AppError::Forbidden(format!(
            "People, site settings and the audit log are for admins; you are {}.",
            user.role.with_article()
        ))))
    }
}

/// `?from=` and `?to=` revision ids: the fields that changed and the body line by line.
async fn compare_revisions(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "article")?;
    state.store.article_by_id(id).await?;
    let mut errors = FieldErrors::new();
    let mut pick = |name: &str| {
        errors.check(
            name,
            query
                .get(name)
                .and_then(|v| crate::domain::parse_id(v))
                .ok_or_else(|| format!("{name} must be a revision id from /revisions")),
        )
    };
    let (from, to) = (pick("from"), pick("to"));
    errors
        .into_result()
        .map_err(|e| ApiError(AppError::Invalid(e)))?;
    let (Some(from), Some(to)) = (from, to) else {
        return Err(ApiError(AppError::BadRequest(
            "from and to are required".into(),
        )));
    };
    Ok(Json(
        super::admin::revision_comparison(&state, id, from, to).await?,
    ))
}

async fn restore_revision(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, revision)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let article = Newsroom::new(state.store.as_ref())
        .restore_revision(
            parse_id(&id, "article")?,
            parse_id(&revision, "revision")?,
            &user,
            Timestamp::now(),
        )
        .await?;
    Ok(Json(article_json(&state.settings(), &article)))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PreviewRequest {
    body: String,
}

/// Markdown rendered exactly as the public article page renders it.
async fn preview(
    ApiUser(_user): ApiUser,
    ApiJson(request): ApiJson<PreviewRequest>,
) -> Json<Value> {
    Json(json!({ "html": crate::markdown::render(&request.body) }))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MergeRequest {
    /// The id of the tag that remains.
    into: i64,
}

async fn merge_tag(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<MergeRequest>,
) -> Result<Json<Value>, ApiError> {
    require_editor(&user)?;
    let tag = Newsroom::new(state.store.as_ref())
        .merge_tags(parse_id(&id, "tag")?, request.into, &user)
        .await?;
    Ok(Json(tag_json(&state.settings(), &tag)))
}

fn user_json(settings: &Settings, user: &User) -> Value {
    json!({
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role.as_str(),
        "active": user.active,
        "created_at": time_json(settings, Some(user.created_at)),
    })
}

async fn list_users(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Value>, ApiError> {
    require_admin(&user)?;
    let settings = state.settings();
    let users = state.store.list_users().await?;
    Ok(Json(json!({
        "items": users.iter().map(|u| user_json(&settings, u)).collect::<Vec<_>>()
    })))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUserRequest {
    email: String,
    name: String,
    role: String,
    password: String,
}

async fn create_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<NewUserRequest>,
) -> Result<Response, ApiError> {
    require_admin(&user)?;
    let newsroom = Newsroom::new(state.store.as_ref());
    let now = Timestamp::now();
    let added = newsroom
        .add_user(
            &request.email,
            &request.name,
            &request.role,
            &request.password,
            now,
        )
        .await?;
    newsroom
        .audit(
            Some(&user),
            "add user",
            &format!("user {}", added.email),
            Some(format!("as {}", added.role.as_str())),
            now,
        )
        .await;
    Ok(created(user_json(&state.settings(), &added)))
}

async fn update_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<UserRequest>,
) -> Result<Json<Value>, ApiError> {
    require_admin(&user)?;
    let changed = Newsroom::new(state.store.as_ref())
        .change_user(parse_id(&id, "user")?, &request, &user)
        .await?;
    Ok(Json(user_json(&state.settings(), &changed)))
}

/// The settings in force, with the admin-editable ones under their names.
fn settings_json(settings: &Settings) -> Value {
    json!({
        "site_title": settings.site_title,
        "site_description": settings.site_description,
        "timezone": settings.timezone.name(),
        "per_page": settings.per_page,
        "moderation": settings.comments.moderation,
        "reactions": settings.reactions.iter().map(|r| json!({
            "kind": r.kind, "label": r.label, "emoji": r.emoji,
        })).collect::<Vec<_>>(),
    })
}

async fn get_settings(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Value>, ApiError> {
    require_admin(&user)?;
    Ok(Json(settings_json(&state.settings())))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReactionSetting {
    kind: String,
    label: Option<String>,
    emoji: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsRequest {
    site_title: Option<String>,
    site_description: Option<String>,
    timezone: Option<String>,
    per_page: Option<u32>,
    moderation: Option<crate::config::Moderation>,
    reactions: Option<Vec<ReactionSetting>>,
}

/// Changes the admin-editable settings; fields left out keep their saved value.
async fn update_settings(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(request): ApiJson<SettingsRequest>,
) -> Result<Json<Value>, ApiError> {
    require_admin(&user)?;
    let saved = state.overrides().await?;
    let overrides = SiteOverrides {
        site_title: request.site_title.or(saved.site_title),
        site_description: request.site_description.or(saved.site_description),
        timezone: request.timezone.or(saved.timezone),
        per_page: request.per_page.or(saved.per_page),
        moderation: request.moderation.or(saved.moderation),
        reactions: request
            .reactions
            .map(|list| {
                list.into_iter()
                    .map(|r| {
                        let label = r.label.unwrap_or_else(|| r.kind.clone());
                        (r.kind, label, r.emoji.unwrap_or_default())
                    })
                    .collect()
            })
            .or(saved.reactions),
    };
    overrides
        .validate()
        .map_err(|e| ApiError(AppError::Invalid(e)))?;
    let before = state.settings();
    state.save_overrides(&overrides).await?;
    let changes = state.settings().changes_from(&before);
    if !changes.is_empty() {
        Newsroom::new(state.store.as_ref())
            .audit(
                Some(&user),
                "change settings",
                "site settings",
                Some(format!("{} (through the API)", changes.join("; "))),
                Timestamp::now(),
            )
            .await;
    }
    Ok(Json(settings_json(&state.settings())))
}

async fn list_audit(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    require_admin(&user)?;
    let page = query_page(&query)?;
    let paged = state.store.list_audit(page).await?;
    let settings = state.settings();
    let items: Vec<Value> = paged
        .items
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "at": time_json(&settings, Some(e.at)),
                "user_id": e.user_id,
                "actor": e.actor,
                "action": e.action,
                "subject": e.subject,
                "detail": e.detail,
            })
        })
        .collect();
    Ok(Json(json!({
        "items": items,
        "page": page.number,
        "per_page": page.per_page,
        "total": paged.total,
    })))
}
