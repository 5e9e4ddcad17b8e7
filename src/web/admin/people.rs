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
use crate::config::{Moderation, Settings, SiteOverrides};
use crate::domain::{FieldErrors, Problem};
use crate::i18n::{Arg, Locale, Phrase};
use crate::newsroom::{Newsroom, NewsroomError, UserRequest};
use crate::store::{AuditEntry, CommentStatus, Page};
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
            "reason": comment.reason.as_deref().map(|r| crate::comments::reason_in_language(r, &settings.locale)),
            "created": settings.dateline(comment.created_at),
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
            let text = moderated_text(&form.text("body")).map_err(|m| {
                PageError(AppError::Invalid(FieldErrors::single(
                    "body",
                    Problem::new(m, Phrase::new("desk-comments-empty")),
                )))
            })?;
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
                "since": settings.dateline(u.created_at),
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
                let locale = &settings.locale;
                let site = settings.site_title.as_str();
                let body = format!(
                    "{}\n\n{}\n\n{link}\n",
                    locale.format(
                        "desk-invite-greeting",
                        &[("name", user.name.as_str().into())]
                    ),
                    locale.format(
                        "desk-invite-added",
                        &[
                            ("admin", me.user.name.as_str().into()),
                            ("site", site.into()),
                            (
                                "role",
                                locale.t(&format!("role-{}", user.role.as_str())).into()
                            ),
                        ]
                    ),
                );
                let subject = locale.format("desk-invite-subject", &[("site", site.into())]);
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
            text.parse::<u32>().map_err(|_| {
                Problem::new(
                    format!("\"{text}\" is not a whole number"),
                    Phrase::new("desk-settings-not-number").with("value", text),
                )
            }),
        ),
    };
    let moderation = match form.get("moderation") {
        None => None,
        Some("hold_all") => Some(Moderation::HoldAll),
        Some("hold_first_time") => Some(Moderation::HoldFirstTime),
        Some("approve_all") => Some(Moderation::ApproveAll),
        Some(other) => {
            errors.say(
                "moderation",
                format!("\"{other}\" is not a moderation mode"),
                Phrase::new("desk-settings-moderation-unknown").with("value", other),
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
        .map(|e| audit_row(e, &settings))
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

/// One line of the audit log in the newsroom's language. Entries are recorded in English by
/// the rules that made each change; their actions and the usual shapes of what they name
/// are said through messages, anything else is shown as recorded. English shows the
/// record itself, times in the site's zone.
fn audit_row(entry: &AuditEntry, settings: &Settings) -> Value {
    let locale = settings.locale.as_ref();
    let detail = entry.detail.as_deref().map(|d| in_site_zone(d, settings));
    if locale.code() == "en" {
        return json!({
            "at": settings.dateline(entry.at),
            "actor": entry.actor, "action": entry.action, "subject": entry.subject,
            "detail": detail,
        });
    }
    let actor = if entry.user_id.is_none() && entry.actor == "scheduler" {
        locale.t("desk-audit-scheduler")
    } else {
        entry.actor.clone()
    };
    json!({
        "at": settings.dateline(entry.at),
        "actor": actor,
        "action": audit_action(&entry.action, locale),
        "subject": audit_subject(&entry.subject, locale),
        "detail": detail.map(|d| audit_detail(&d, &entry.action, locale)),
    })
}

/// A message's words when the language has it, else `recorded` as it is.
fn said_or(locale: &Locale, id: &str, args: &[(&str, Arg)], recorded: &str) -> String {
    if locale.has(id) {
        locale.format(id, args)
    } else {
        recorded.to_owned()
    }
}

/// `publish`, `change role`, `change ad slot sidebar`...
fn audit_action(action: &str, locale: &Locale) -> String {
    if let Some(place) = action.strip_prefix("change ad slot ") {
        return said_or(
            locale,
            "desk-audit-did-change-ad-slot",
            &[("place", place.into())],
            action,
        );
    }
    let id = format!("desk-audit-did-{}", action.replace(' ', "-"));
    said_or(locale, &id, &[], action)
}

/// `article "Title" (#3)`, `page "About" (/about)`, `user a@b.example`, `site settings`...
fn audit_subject(subject: &str, locale: &Locale) -> String {
    let quoted = |rest: &str| -> Option<(String, String)> {
        let rest = rest.strip_prefix('"')?;
        let (name, after) = rest.rsplit_once('"')?;
        Some((name.to_owned(), after.trim().to_owned()))
    };
    for kind in ["article", "page", "section", "tag", "author"] {
        let Some((name, after)) = subject
            .strip_prefix(kind)
            .and_then(|r| r.strip_prefix(' '))
            .and_then(quoted)
        else {
            continue;
        };
        let id = match (kind, after.as_str()) {
            ("article", "") => "desk-audit-article-named".to_owned(),
            (_, "") => format!("desk-audit-{kind}"),
            ("article", a) if a.starts_with("(#") && a.ends_with(')') => {
                let number = a[2..a.len() - 1].to_owned();
                return said_or(
                    locale,
                    "desk-audit-article",
                    &[("title", name.into()), ("id", number.into())],
                    subject,
                );
            }
            ("page", a) if a.starts_with('(') && a.ends_with(')') => {
                let path = a[1..a.len() - 1].to_owned();
                return said_or(
                    locale,
                    "desk-audit-page-at",
                    &[("title", name.into()), ("path", path.into())],
                    subject,
                );
            }
            _ => return subject.to_owned(),
        };
        return said_or(locale, &id, &[("name", name.into())], subject);
    }
    if let Some(email) = subject.strip_prefix("user ") {
        return said_or(
            locale,
            "desk-audit-user",
            &[("email", email.into())],
            subject,
        );
    }
    if let Some(name) = subject.strip_prefix("integration ") {
        return said_or(
            locale,
            "desk-audit-integration",
            &[("name", name.into())],
            subject,
        );
    }
    if let Some((number, alt)) = subject
        .strip_prefix("photo #")
        .and_then(|r| r.split_once(' '))
        .and_then(|(n, r)| Some((n.to_owned(), quoted(r)?.0)))
    {
        return said_or(
            locale,
            "desk-audit-photo",
            &[("id", number.into()), ("alt", alt.into())],
            subject,
        );
    }
    if let Some(count) = subject
        .strip_suffix(" comment(s)")
        .and_then(|n| n.parse::<i64>().ok())
    {
        return said_or(
            locale,
            "desk-audit-comments",
            &[("count", count.into())],
            subject,
        );
    }
    if let Some(menu) = subject
        .strip_prefix("the ")
        .and_then(|r| r.strip_suffix(" menu"))
    {
        let menu_id = format!("desk-audit-menu-{menu}");
        return said_or(locale, &menu_id, &[], subject);
    }
    let id = format!("desk-audit-subject-{}", subject.replace(' ', "-"));
    said_or(locale, &id, &[], subject)
}

/// The usual details: a time (`for ...`, `until ...`), a role, a count of entries, a
/// restored version, a merge, a story's label, the changes an edit or new settings made,
/// the front page's places; a note is shown as recorded.
fn audit_detail(detail: &str, action: &str, locale: &Locale) -> String {
    if action == "label article" {
        let id = format!("label-{}", detail.to_lowercase());
        return said_or(locale, &id, &[], detail);
    }
    if action == "arrange front page"
        && let Some(places) = detail
            .split(", ")
            .map(|place| front_page_place(place, locale))
            .collect::<Option<Vec<_>>>()
    {
        return places.join(", ");
    }
    if matches!(action, "edit published" | "change settings") {
        let (changes, api) = match detail.strip_suffix(" (through the API)") {
            Some(changes) => (changes, true),
            None => (detail, false),
        };
        let changes = changes
            .split("; ")
            .map(|change| audit_change(change, locale))
            .collect::<Vec<_>>()
            .join("; ");
        return if api {
            said_or(
                locale,
                "desk-audit-through-api",
                &[("changes", changes.clone().into())],
                &format!("{changes} (through the API)"),
            )
        } else {
            changes
        };
    }
    audit_fact(detail, locale)
}

/// `lead: #3` or `top 2: #9`: a story's place on the front page.
fn front_page_place(place: &str, locale: &Locale) -> Option<String> {
    let (slot, story) = place.split_once(": #")?;
    let story = story.parse::<i64>().ok()?.to_string();
    if slot == "lead" {
        return Some(said_or(
            locale,
            "desk-audit-lead",
            &[("id", story.into())],
            place,
        ));
    }
    let position = slot.strip_prefix("top ")?.parse::<i64>().ok()?;
    Some(said_or(
        locale,
        "desk-audit-top",
        &[("position", position.into()), ("id", story.into())],
        place,
    ))
}

/// One change an edit or the settings made: `headline: "a" → "b"`, `time zone: "UTC" →
/// "Africa/Nairobi"`, `body: 3 word(s) removed, 12 added`.
fn audit_change(change: &str, locale: &Locale) -> String {
    if let Some((removed, added)) = change
        .strip_prefix("body: ")
        .and_then(|r| r.strip_suffix(" added"))
        .and_then(|r| r.split_once(" word(s) removed, "))
        .and_then(|(a, b)| Some((a.parse::<i64>().ok()?, b.parse::<i64>().ok()?)))
    {
        return said_or(
            locale,
            "desk-audit-body-words",
            &[("removed", removed.into()), ("added", added.into())],
            change,
        );
    }
    let Some((what, values)) = change.split_once(": \"") else {
        return change.to_owned();
    };
    let Some((old, new)) = values
        .strip_suffix('"')
        .and_then(|v| v.split_once("\" → \""))
    else {
        return change.to_owned();
    };
    let what_id = format!("desk-audit-field-{}", what.replace(' ', "-"));
    if !locale.has(&what_id) {
        return change.to_owned();
    }
    said_or(
        locale,
        "desk-audit-changed",
        &[
            ("what", locale.t(&what_id).into()),
            ("old", old.into()),
            ("new", new.into()),
        ],
        change,
    )
}

/// A detail of one fact: a role, a time, a merge, a count, a link...
fn audit_fact(detail: &str, locale: &Locale) -> String {
    let id = format!("desk-audit-detail-{}", detail.replace(' ', "-"));
    if !detail.contains(['"', '#', ':']) && locale.has(&id) {
        return locale.t(&id);
    }
    let one = |id: &str, name: &str, value: &str| {
        said_or(locale, id, &[(name, value.to_owned().into())], detail)
    };
    if let Some(role) = detail.strip_prefix("as ")
        && ["admin", "editor", "author", "contributor"].contains(&role)
    {
        return one("desk-audit-as", "role", &locale.t(&format!("role-{role}")));
    }
    if let Some(when) = detail.strip_prefix("for ") {
        return one("desk-audit-for", "when", when);
    }
    if let Some(when) = detail.strip_prefix("until ") {
        return one("desk-audit-until", "when", when);
    }
    if let Some(name) = detail
        .strip_prefix("merged into \"")
        .and_then(|r| r.strip_suffix('"'))
    {
        return one("desk-audit-merged-into", "name", name);
    }
    if let Some(count) = detail
        .strip_suffix(" entries")
        .and_then(|n| n.parse::<i64>().ok())
    {
        return said_or(
            locale,
            "desk-audit-entries",
            &[("count", count.into())],
            detail,
        );
    }
    if let Some((from, to)) = detail
        .strip_prefix("version ")
        .and_then(|r| r.split_once(" restored as version "))
        .and_then(|(a, b)| Some((a.parse::<i64>().ok()?, b.parse::<i64>().ok()?)))
    {
        return said_or(
            locale,
            "desk-audit-restored",
            &[("from", from.into()), ("to", to.into())],
            detail,
        );
    }
    if let Some(name) = detail.strip_prefix("to ") {
        return match name {
            "nobody" => said_or(locale, "desk-audit-to-nobody", &[], detail),
            name => one("desk-audit-to-someone", "name", name),
        };
    }
    // A bulk moderation: `approve: #3, #4`.
    for (verb, id) in [
        ("approve: ", "desk-audit-bulk-approve"),
        ("mark as spam: ", "desk-audit-bulk-spam"),
        ("delete: ", "desk-audit-bulk-delete"),
    ] {
        if let Some(list) = detail.strip_prefix(verb)
            && list.starts_with('#')
        {
            return one(id, "list", list);
        }
    }
    if let Some(hint) = detail.strip_prefix("key ending ") {
        return one("desk-audit-key-ending", "hint", hint);
    }
    if let Some(rest) = detail.strip_prefix("link #") {
        return match rest.split_once(" valid until ") {
            Some((number, when)) => said_or(
                locale,
                "desk-audit-link-until",
                &[("id", number.into()), ("when", when.into())],
                detail,
            ),
            None => one("desk-audit-link", "id", rest),
        };
    }
    detail.to_owned()
}

/// An audit detail with every time in it (written as RFC 3339 when the change was made)
/// shown in the site's zone and language, like the rest of the log.
fn in_site_zone(detail: &str, settings: &Settings) -> String {
    detail
        .split(' ')
        .map(|word| {
            let bare = word.trim_end_matches([',', '.', ';', ')']);
            match bare.parse::<Timestamp>() {
                Ok(at) if bare.contains('T') => {
                    format!("{}{}", settings.dateline(at), &word[bare.len()..])
                }
                _ => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_log_s_records_read_in_the_newsroom_s_language() {
        let sw = Locale::load("sw", None).expect("sw");
        assert_eq!(audit_action("publish", &sw), "amechapisha");
        assert_eq!(
            audit_action("change ad slot sidebar", &sw),
            "amebadilisha nafasi ya tangazo sidebar"
        );
        assert_eq!(audit_action("something new", &sw), "something new");
        assert_eq!(
            audit_subject("article \"Feri \"mpya\"\" (#12)", &sw),
            "makala \"Feri \"mpya\"\" (#12)"
        );
        assert_eq!(
            audit_subject("page \"Kuhusu\" (/kuhusu)", &sw),
            "ukurasa \"Kuhusu\" (/kuhusu)"
        );
        assert_eq!(audit_subject("user a@b.example", &sw), "mtu a@b.example");
        assert_eq!(audit_subject("the footer menu", &sw), "menyu ya chini");
        assert_eq!(audit_subject("3 comment(s)", &sw), "maoni 3");
        assert_eq!(audit_detail("as editor", "add user", &sw), "kama mhariri");
        assert_eq!(
            audit_detail("lead: #1, top 2: #9", "arrange front page", &sw),
            "habari kuu: #1, nafasi ya juu 2: #9"
        );
        assert_eq!(
            audit_detail(
                "time zone: \"UTC\" → \"Africa/Nairobi\" (through the API)",
                "change settings",
                &sw
            ),
            "saa za eneo: \"UTC\" → \"Africa/Nairobi\" (kupitia API)"
        );
        assert_eq!(
            audit_detail("body: 0 word(s) removed, 23 added", "edit published", &sw),
            "maandishi: maneno 0 yameondolewa, 23 yameongezwa"
        );
        assert_eq!(
            audit_detail("Check the times first.", "add note", &sw),
            "Check the times first."
        );
    }
}
