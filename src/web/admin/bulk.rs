//! Bulk actions: several comments (approve, spam, delete) or stories (unpublish, move to a
//! section, delete) at once. Each item goes through the same rule as one at a time, so the
//! role checks and audit lines are the same; the role check runs on every item first, so a
//! refusal changes nothing.

use axum::Form;
use axum::extract::State;
use axum::response::Response;
use jiff::Timestamp;

use super::super::session::SignedIn;
use super::{FormData, done, require_editor};
use crate::domain::ArticleStatus;
use crate::i18n::Locale;
use crate::newsroom::{ArticleRequest, Newsroom};
use crate::store::CommentStatus;
use crate::web::{AppError, AppState, PageError};

/// At most this many items per bulk action.
const MAX_ITEMS: usize = 100;

fn chosen_ids(form: &FormData, locale: &Locale) -> Result<Vec<i64>, PageError> {
    let ids: Vec<i64> = form
        .all("ids")
        .iter()
        .filter_map(|id| crate::domain::parse_id(id.trim()))
        .collect();
    if ids.is_empty() {
        return Err(PageError(AppError::BadRequest(locale.t("ed-bulk-none"))));
    }
    if ids.len() > MAX_ITEMS {
        return Err(PageError(AppError::BadRequest(
            locale.format("ed-bulk-too-many", &[("count", MAX_ITEMS.into())]),
        )));
    }
    Ok(ids)
}

/// The same address a list came from, if it is one of ours.
fn back_to(form: &FormData, list: &str) -> String {
    let back = form.text("back");
    if back.starts_with(list) && back.bytes().all(|b| b.is_ascii_graphic()) && !back.contains("//")
    {
        back
    } else {
        list.to_owned()
    }
}

pub async fn comments(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    let locale = state.settings().locale.clone();
    let ids = chosen_ids(&form, &locale)?;
    let (status, verb) = match form.get("action").unwrap_or("") {
        "approve" => (CommentStatus::Approved, "approve"),
        "spam" => (CommentStatus::Spam, "mark as spam"),
        "delete" => (CommentStatus::Deleted, "delete"),
        other => {
            return Err(PageError(AppError::BadRequest(locale.format(
                "ed-bulk-unknown-for-comments",
                &[("action", other.into())],
            ))));
        }
    };
    for id in &ids {
        state.moderate_comment(*id, Some(status), None).await?;
    }
    let listed: Vec<String> = ids.iter().map(|id| format!("#{id}")).collect();
    Newsroom::new(state.store.as_ref())
        .audit(
            Some(&me.user),
            "moderate comments",
            &format!("{} comment(s)", ids.len()),
            Some(format!("{verb}: {}", listed.join(", "))),
            Timestamp::now(),
        )
        .await;
    Ok(done(&back_to(&form, "/admin/comments"), "moderated"))
}

pub async fn articles(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let locale = state.settings().locale.clone();
    let ids = chosen_ids(&form, &locale)?;
    let newsroom = Newsroom::new(state.store.as_ref());
    let now = Timestamp::now();
    let action = form.get("action").unwrap_or("");
    let section = form.text("section");
    if !matches!(action, "unpublish" | "move" | "delete") {
        return Err(PageError(AppError::BadRequest(locale.format(
            "ed-bulk-unknown-for-stories",
            &[("action", action.into())],
        ))));
    }
    if action == "move" && section.trim().is_empty() {
        return Err(PageError(AppError::BadRequest(
            locale.t("ed-bulk-choose-section"),
        )));
    }
    let mut stories = Vec::new();
    for id in &ids {
        let article = state.store.article_by_id(*id).await?;
        if let Some(refusal) = crate::newsroom::why_read_only(&me.user, &article) {
            let refusal = super::articles::said(refusal.english, refusal.phrase, &locale);
            return Err(PageError(AppError::Forbidden(locale.format(
                "ed-bulk-nothing-changed",
                &[
                    ("title", article.title.as_str().into()),
                    ("refusal", refusal.into()),
                ],
            ))));
        }
        stories.push(article);
    }
    // Each story by the rule used one at a time: the same role checks and audit lines.
    for current in stories {
        let id = current.id;
        if action == "delete" {
            newsroom.delete_article(id, &me.user).await?;
            continue;
        }
        let request = ArticleRequest {
            status: (action == "unpublish").then(|| ArticleStatus::Draft.as_str().to_owned()),
            section: (action == "move").then(|| section.clone()),
            version: Some(current.version),
            ..ArticleRequest::default()
        };
        newsroom.update_article(id, &request, &me.user, now).await?;
    }
    let done_word = if action == "delete" {
        "deleted"
    } else {
        "saved"
    };
    Ok(done(&back_to(&form, "/admin/articles"), done_word))
}
