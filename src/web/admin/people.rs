//! The comment moderation queue (editors), and for admins: people, site settings and the
//! audit log.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::super::comments::moderated_text;
use super::super::session::SignedIn;
use super::{FormData, done, error_map, page, parse_id, render, require_admin, require_editor};
use crate::auth;
use crate::config::{Moderation, SiteOverrides};
use crate::domain::FieldErrors;
use crate::newsroom::{Newsroom, NewsroomError, UserRequest};
use crate::store::{CommentStatus, Page};
use crate::web::{AppError, AppState, PageError};

const QUEUE_PAGE: u32 = 30;

pub async fn comments(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    let status = query
        .get("status")
        .and_then(|s| CommentStatus::parse(s).ok())
        .filter(|s| *s != CommentStatus::Deleted)
        .unwrap_or(CommentStatus::Pending);
    let number = super::page_number(&query);
    let paged = state
        .store
        .list_comments(
            Some(status),
            Page {
                number,
                per_page: QUEUE_PAGE,
            },
        )
        .await?;
    let settings = state.settings();
    let mut items = Vec::new();
    // One lookup per article, however many of its comments are on the page.
    let mut articles: HashMap<i64, Option<crate::store::Article>> = HashMap::new();
    for comment in &paged.items {
        if let std::collections::hash_map::Entry::Vacant(slot) = articles.entry(comment.article_id)
        {
            slot.insert(state.store.article_by_id(comment.article_id).await.ok());
        }
        let article = articles.get(&comment.article_id).and_then(Option::as_ref);
        items.push(json!({
            "id": comment.id,
            "author_name": comment.author_name,
            "author_email": comment.author_email,
            "body": comment.body,
            "status": comment.status,
            "reason": comment.reason,
            "created": settings.timezone.format_dateline(comment.created_at),
            "article_title": article.as_ref().map(|a| a.title.clone()),
            "article_url": article.as_ref().map(|a| crate::editions::story_path(a)),
            "is_reply": comment.parent_id.is_some(),
        }));
    }
    let pages = (paged.total as u32).div_ceil(QUEUE_PAGE).max(1);
    page(
        &state,
        &me,
        "comments",
        "admin/comments.html",
        &query,
        minijinja::context! {
            status => status.as_str(),
            items => items,
            total => paged.total,
            number => number,
            newer => (number > 1).then(|| format!("/admin/comments?status={}&page={}", status.as_str(), number - 1)),
            older => (number < pages).then(|| format!("/admin/comments?status={}&page={}", status.as_str(), number + 1)),
        },
    )
}

/// Approve, mark as spam, send back to pending, delete or edit one comment.
pub async fn moderate(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    let id = parse_id(&id)?;
    let back = form.text("back");
    let back = if back.starts_with("/admin/comments")
        && back.bytes().all(|b| b.is_ascii_graphic())
        && !back.contains("//")
    {
        back
    } else {
        "/admin/comments".to_owned()
    };
    let (status, body) = match form.get("action").unwrap_or("") {
        "approve" => (Some(CommentStatus::Approved), None),
        "spam" => (Some(CommentStatus::Spam), None),
        "pending" => (Some(CommentStatus::Pending), None),
        "delete" => (Some(CommentStatus::Deleted), None),
        "edit" => {
            let text = moderated_text(&form.text("body"))
                .map_err(|m| PageError(AppError::Invalid(FieldErrors::single("body", m))))?;
            (None, Some(text))
        }
        other => {
            return Err(PageError(AppError::BadRequest(format!(
                "\"{other}\" is not something a moderator can do; use approve, spam, pending, delete or edit."
            ))));
        }
    };
    state.moderate_comment(id, status, body.as_deref()).await?;
    Ok(done(&back, "moderated"))
}

async fn people_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    invite_link: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let settings = state.settings();
    let users: Vec<Value> = state
        .store
        .list_users()
        .await?
        .into_iter()
        .map(|u| {
            json!({
                "id": u.id, "name": u.name, "email": u.email, "role": u.role.as_str(),
                "active": u.active, "me": u.id == me.user.id,
                "since": settings.timezone.format_dateline(u.created_at),
            })
        })
        .collect();
    render(
        state,
        Some(me),
        &me.csrf,
        "people",
        "admin/people.html",
        super::notice(query),
        minijinja::context! {
            users => users,
            roles => ["contributor", "author", "editor", "admin"],
            values => values,
            errors => errors,
            invite_link => invite_link,
        },
        status,
    )
}

pub async fn people(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    people_page(
        &state,
        &me,
        &query,
        HashMap::new(),
        HashMap::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// Adds a member. Without a password, they get a one-time link to choose their own, which
/// the admin passes on (the invitation).
pub async fn add_person(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let typed = form.text("password");
    let invite = typed.is_empty();
    let password = if invite { auth::new_api_token() } else { typed };
    let newsroom = Newsroom::new(state.store.as_ref());
    let now = Timestamp::now();
    match newsroom
        .add_user(
            &form.text("email"),
            &form.text("name"),
            &form.text("role"),
            &password,
            now,
        )
        .await
    {
        Ok(user) => {
            newsroom
                .audit(
                    Some(&me.user),
                    "add user",
                    &format!("user {}", user.email),
                    Some(format!("as {}", user.role.as_str())),
                    now,
                )
                .await;
            if !invite {
                return Ok(done("/admin/people", "created"));
            }
            let token = auth::new_api_token();
            state
                .store
                .create_password_reset(
                    user.id,
                    &auth::token_hash(&token),
                    now,
                    now + SignedDuration::from_hours(72),
                )
                .await?;
            let settings = state.settings();
            let link = format!("{}/admin/password-reset/{token}", settings.base_url);
            if state.mailer.is_configured() {
                let body = format!(
                    "Hello {},\n\n{} added you to the {} newsroom as {}.\n\
                     Choose your password with this link within 72 hours (it works once):\n\n{link}\n",
                    user.name,
                    me.user.name,
                    settings.site_title,
                    user.role.as_str()
                );
                let subject = format!(
                    "You have been added to the {} newsroom",
                    settings.site_title
                );
                state
                    .mailer
                    .send(user.email.as_str(), &subject, &body)
                    .await;
            }
            people_page(
                &state,
                &me,
                &HashMap::new(),
                HashMap::new(),
                HashMap::new(),
                Some(link),
                StatusCode::CREATED,
            )
            .await
        }
        Err(NewsroomError::Invalid(errors)) => {
            let mut values = form.values();
            values.remove("password");
            people_page(
                &state,
                &me,
                &HashMap::new(),
                values,
                error_map(&errors, &state),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// Changes someone's role or whether they can sign in.
pub async fn change_person(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let request = UserRequest {
        name: None,
        role: form.get("role").map(str::to_owned),
        active: form.get("active").map(|v| v == "true"),
    };
    Newsroom::new(state.store.as_ref())
        .change_user(parse_id(&id)?, &request, &me.user)
        .await?;
    Ok(done("/admin/people", "saved"))
}

/// The settings form's fields, from what is in force.
fn settings_values(state: &AppState) -> HashMap<String, String> {
    let settings = state.settings();
    let reactions: Vec<String> = settings
        .reactions
        .iter()
        .map(|r| format!("{} | {} | {}", r.kind, r.label, r.emoji))
        .collect();
    HashMap::from([
        ("site_title".to_owned(), settings.site_title.clone()),
        (
            "site_description".to_owned(),
            settings.site_description.clone(),
        ),
        ("timezone".to_owned(), settings.timezone.name().to_owned()),
        ("per_page".to_owned(), settings.per_page.to_string()),
        (
            "moderation".to_owned(),
            match settings.comments.moderation {
                Moderation::HoldAll => "hold_all",
                Moderation::HoldFirstTime => "hold_first_time",
                Moderation::ApproveAll => "approve_all",
            }
            .to_owned(),
        ),
        ("reactions".to_owned(), reactions.join("\n")),
    ])
}

fn settings_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    render(
        state,
        Some(me),
        &me.csrf,
        "settings",
        "admin/settings.html",
        super::notice(query),
        minijinja::context! {
            reaction_rows => reaction_rows(&values),
            values => values,
            errors => errors,
            zones => time_zone_names(),
        },
        status,
    )
}

pub async fn settings(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let mut values = settings_values(&state);
    if Newsroom::new(state.store.as_ref())
        .authors_need_review()
        .await?
    {
        values.insert("authors_need_review".into(), "on".into());
    }
    settings_page(&state, &me, &query, values, HashMap::new(), StatusCode::OK)
}

/// Every IANA time zone name the bundled database knows, for the searchable list.
fn time_zone_names() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.contains('/') || name == "UTC")
        .collect();
    names.sort();
    names
}

/// The reaction rows the form shows: the list as saved or as typed (`kind | label | emoji`
/// lines), then two empty rows to add more.
fn reaction_rows(values: &HashMap<String, String>) -> Vec<Value> {
    let mut rows: Vec<Value> = values
        .get("reactions")
        .map(String::as_str)
        .unwrap_or("")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, line)| {
            let mut parts = line.split('|').map(str::trim);
            json!({
                "kind": parts.next().unwrap_or(""),
                "label": parts.next().unwrap_or(""),
                "emoji": parts.next().unwrap_or(""),
                "order": n + 1,
            })
        })
        .collect();
    let next = rows.len();
    for n in 0..2 {
        rows.push(json!({ "kind": "", "label": "", "emoji": "", "order": next + n + 1 }));
    }
    rows
}

/// The reaction rows of the settings form (kind, label, emoji, order) as `kind | label |
/// emoji` lines in their order; a row without a kind is left out, which removes it.
fn reaction_lines(form: &FormData) -> Option<String> {
    let kinds = form.all("reaction_kind");
    if kinds.is_empty() {
        return None;
    }
    let (labels, emojis, orders) = (
        form.all("reaction_label"),
        form.all("reaction_emoji"),
        form.all("reaction_order"),
    );
    let mut rows: Vec<(f64, usize, String)> = kinds
        .iter()
        .enumerate()
        .filter(|(_, kind)| !kind.trim().is_empty())
        .map(|(n, kind)| {
            let get =
                |list: &[String]| list.get(n).map(|v| v.trim().to_owned()).unwrap_or_default();
            let order = get(&orders).parse::<f64>().unwrap_or(n as f64 + 1.0);
            let label = get(&labels);
            let line = format!("{} | {} | {}", kind.trim(), label, get(&emojis));
            (order, n, line)
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    Some(
        rows.into_iter()
            .map(|(_, _, line)| line)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Reads the settings form; reactions come as rows (or, from older forms and scripts, as
/// `kind | label | emoji` lines in `reactions`).
pub fn overrides_from_form(form: &FormData) -> Result<SiteOverrides, FieldErrors> {
    let mut form = form.clone();
    if let Some(lines) = reaction_lines(&form) {
        form.0.retain(|(k, _)| k != "reactions");
        form.0.push(("reactions".to_owned(), lines));
    }
    let form = &form;
    let mut errors = FieldErrors::new();
    let per_page = match form.get("per_page").map(str::trim) {
        None | Some("") => None,
        Some(text) => errors.check(
            "per_page",
            text.parse::<u32>()
                .map_err(|_| format!("\"{text}\" is not a whole number")),
        ),
    };
    let moderation = match form.get("moderation") {
        None => None,
        Some("hold_all") => Some(Moderation::HoldAll),
        Some("hold_first_time") => Some(Moderation::HoldFirstTime),
        Some("approve_all") => Some(Moderation::ApproveAll),
        Some(other) => {
            errors.add(
                "moderation",
                format!("\"{other}\" is not a moderation mode"),
            );
            None
        }
    };
    let reactions = form.get("reactions").map(|text| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| {
                let mut parts = line.split('|').map(str::trim);
                let kind = parts.next().unwrap_or("").to_owned();
                let label = parts
                    .next()
                    .map(str::to_owned)
                    .unwrap_or_else(|| kind.clone());
                let emoji = parts.next().unwrap_or("").to_owned();
                (kind, label, emoji)
            })
            .collect::<Vec<_>>()
    });
    let overrides = SiteOverrides {
        site_title: form.get("site_title").map(str::to_owned),
        site_description: form.get("site_description").map(str::to_owned),
        timezone: form.get("timezone").map(|z| z.trim().to_owned()),
        per_page,
        moderation,
        reactions,
    };
    if let Err(more) = overrides.validate() {
        errors.0.extend(more.0);
    }
    errors.into_result().map(|()| overrides)
}

pub async fn save_settings(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let overrides = match overrides_from_form(&form) {
        Ok(overrides) => overrides,
        Err(errors) => {
            let mut values = form.values();
            if let Some(lines) = reaction_lines(&form) {
                values.insert("reactions".to_owned(), lines);
            }
            return settings_page(
                &state,
                &me,
                &HashMap::new(),
                values,
                error_map(&errors, &state),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let before = state.settings();
    state.save_overrides(&overrides).await?;
    Newsroom::new(state.store.as_ref())
        .set_authors_need_review(
            form.get("authors_need_review").is_some(),
            &me.user,
            Timestamp::now(),
        )
        .await?;
    // Only what changed, with what it was and what it is now.
    let changes = state.settings().changes_from(&before);
    if !changes.is_empty() {
        Newsroom::new(state.store.as_ref())
            .audit(
                Some(&me.user),
                "change settings",
                "site settings",
                Some(changes.join("; ")),
                Timestamp::now(),
            )
            .await;
    }
    Ok(done("/admin/settings", "settings"))
}

pub async fn audit(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let number = super::page_number(&query);
    let paged = state
        .store
        .list_audit(Page {
            number,
            per_page: 50,
        })
        .await?;
    let settings = state.settings();
    let items: Vec<Value> = paged
        .items
        .iter()
        .map(|e| {
            json!({
                "at": settings.timezone.format_dateline(e.at),
                "actor": e.actor, "action": e.action, "subject": e.subject,
                "detail": e.detail.as_deref().map(|d| in_site_zone(d, &settings.timezone)),
            })
        })
        .collect();
    let pages = (paged.total as u32).div_ceil(50).max(1);
    page(
        &state,
        &me,
        "audit",
        "admin/audit.html",
        &query,
        minijinja::context! {
            items => items,
            total => paged.total,
            newer => (number > 1).then(|| format!("/admin/audit?page={}", number - 1)),
            older => (number < pages).then(|| format!("/admin/audit?page={}", number + 1)),
        },
    )
}

/// An audit detail with every time in it (written as RFC 3339 when the change was made)
/// shown in the site's zone, like the rest of the log.
pub fn in_site_zone(detail: &str, zone: &crate::domain::SiteTimeZone) -> String {
    detail
        .split(' ')
        .map(|word| {
            let bare = word.trim_end_matches([',', '.', ';', ')']);
            match bare.parse::<Timestamp>() {
                Ok(at) if bare.contains('T') => {
                    format!("{}{}", zone.format_dateline(at), &word[bare.len()..])
                }
                _ => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
