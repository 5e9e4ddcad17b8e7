//! Stories before publication in the public theme: the newsroom's full-page preview and the
//! shareable signed link (`/preview/{token}`), never indexed, never cached, never counted.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use jiff::Timestamp;

use super::views::ArticleView;
use super::{AppError, AppState, PageError};
use crate::preview::Previews;
use crate::store::{Article, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new().route("/preview/{token}", get(shared))
}

/// A story as readers will see it, with a banner saying it is a preview, and without
/// reactions or comments (there is nothing to react to yet).
pub async fn preview_page(
    state: &AppState,
    article: &Article,
    banner: String,
) -> Result<Response, PageError> {
    let settings = state.settings();
    let notes = crate::trust::Trust::new(state.store.as_ref())
        .notes(article)
        .await?;
    let mut view = ArticleView::full(&settings, article).with_notes(&settings, &notes);
    view.body_html = Some(super::views::with_dateline(
        &state.article_body(&article.body).await?,
        article.dateline.as_deref(),
    ));
    // An embargoed story says so above everything else.
    let now = Timestamp::now();
    let banner = match article.embargo_until.filter(|until| *until > now) {
        Some(until) => format!(
            "EMBARGOED until {}: not for publication before then. {banner}",
            settings.timezone.format_dateline(until)
        ),
        None => banner,
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
    let edition = state.edition(article.language()).await?;
    let html = state
        .page(
            &edition,
            "article.html",
            minijinja::context! {
                article => view,
                preview => banner,
                social => super::public::social_meta(&settings, article),
                comment_form => minijinja::context! { closed => "Comments open when the story is published." },
            },
        )
        .await?;
    let mut response = (StatusCode::OK, html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    // The link is the key: it must not travel to other sites as a referrer.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(response)
}

/// Someone outside the newsroom opens a shared preview link.
async fn shared(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let now = Timestamp::now();
    let refused = |sentence: &str| PageError(AppError::Gone(sentence.to_owned()));
    let Some((link, expires)) = state.reader_keys.preview_link(&token) else {
        return Err(refused(crate::preview::Closed::Unknown.sentence()));
    };
    let article = match Previews::new(state.store.as_ref())
        .open(link, expires, now)
        .await?
    {
        Ok(article) => article,
        Err(closed) => return Err(refused(closed.sentence())),
    };
    if article.is_public(now) {
        let path = crate::editions::story_path(&article);
        return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, path)]).into_response());
    }
    let until = Timestamp::from_second(expires)
        .map(|at| state.settings().timezone.format_dateline(at))
        .unwrap_or_default();
    let banner = format!(
        "Preview of a story that is not published yet. Please do not share it further. This link works until {until}."
    );
    preview_page(&state, &article, banner).await
}
