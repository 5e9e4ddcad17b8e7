//! Sections, tags and authors: create, rename (old pages redirect), merge tags, and delete
//! with a confirmation that says what happens to the articles. Editors and admins only.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::super::session::SignedIn;
use super::{FormData, done, error_map, page, parse_id, render, require_editor};
use crate::domain::{FieldErrors, Problem};
use crate::i18n::{Locale, Phrase};
use crate::newsroom::{AuthorRequest, Newsroom, NewsroomError, SectionRequest, TagRequest};
use crate::store::{NewsroomFilter, Page};
use crate::web::views;
use crate::web::{AppError, AppState, PageError};

/// The three kinds this desk manages, and the fields each has.
#[derive(Clone, Copy)]
enum Kind {
    Section,
    Tag,
    Author,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Section => "section",
            Kind::Tag => "tag",
            Kind::Author => "author",
        }
    }

    fn plural(self) -> &'static str {
        match self {
            Kind::Section => "sections",
            Kind::Tag => "tags",
            Kind::Author => "authors",
        }
    }

    /// The form's fields, their labels, hints and choices in the newsroom's language.
    fn fields(self, locale: &Locale) -> Value {
        let say = |id: &str| locale.t(id);
        let slug_hint = say("lib-field-slug-hint");
        match self {
            Kind::Section => json!([
                {"name": "name", "label": say("lib-field-name"), "required": true},
                {"name": "slug", "label": say("lib-field-slug"), "hint": slug_hint},
                {"name": "description", "label": say("lib-field-description"), "multiline": true},
                {"name": "parent", "label": say("lib-field-parent"), "options": "parents",
                 "hint": say("lib-field-parent-hint")},
                {"name": "position", "label": say("lib-field-position"), "hint": say("lib-field-position-hint")},
                {"name": "on_home", "label": say("lib-field-on-home"), "options": [
                    {"value": "yes", "label": say("lib-field-on-home-yes")},
                    {"value": "no", "label": say("lib-no")}]},
                {"name": "block_style", "label": say("lib-field-block-style"), "options": [
                    {"value": "lead_list", "label": say("lib-field-block-lead-list")},
                    {"value": "grid", "label": say("lib-field-block-grid")},
                    {"value": "list", "label": say("lib-field-block-list")}]},
                {"name": "colour", "label": say("lib-field-colour"), "hint": say("lib-field-colour-hint")},
                {"name": "language", "label": say("lib-field-edition"), "hint": say("lib-field-edition-hint")},
            ]),
            Kind::Tag => json!([
                {"name": "name", "label": say("lib-field-name"), "required": true},
                {"name": "slug", "label": say("lib-field-slug"), "hint": slug_hint},
            ]),
            Kind::Author => json!([
                {"name": "name", "label": say("lib-field-name"), "required": true},
                {"name": "slug", "label": say("lib-field-slug"), "hint": slug_hint},
                {"name": "bio", "label": say("lib-field-bio"), "multiline": true},
                {"name": "photo_url", "label": say("lib-field-photo-url"), "hint": say("lib-field-photo-url-hint")},
            ]),
        }
    }
}

fn optional(form: &FormData, name: &str) -> Option<String> {
    form.get(name).map(str::to_owned)
}

fn nonempty(form: &FormData, name: &str) -> Option<String> {
    form.get(name)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Everything of one kind, each with its public address and how many articles use it.
async fn rows(state: &AppState, kind: Kind) -> Result<Vec<Value>, PageError> {
    Ok(match kind {
        Kind::Section => {
            let mut rows = Vec::new();
            for s in state.store.list_sections().await? {
                let used = state
                    .store
                    .list_articles(
                        NewsroomFilter {
                            edition: None,
                            status: None,
                            section_id: Some(s.id),
                            search: None,
                            source: None,
                        },
                        Page {
                            number: 1,
                            per_page: 1,
                        },
                    )
                    .await?
                    .total;
                rows.push(
                    json!({"id": s.id, "name": s.name, "slug": s.slug, "used": used,
                    "url": s.path()}),
                );
            }
            rows
        }
        Kind::Tag => {
            let usage = state.store.tag_usage().await?;
            state
                .store
                .list_tags()
                .await?
                .into_iter()
                .map(|t| {
                    json!({"id": t.id, "name": t.name, "slug": t.slug,
                    "used": usage.get(&t.id).copied().unwrap_or(0),
                    "url": views::tag_path(t.slug.as_str())})
                })
                .collect()
        }
        Kind::Author => {
            let bylines = state.store.byline_counts().await?;
            state
                .store
                .list_authors()
                .await?
                .into_iter()
                .map(|a| {
                    json!({"id": a.id, "name": a.name, "slug": a.slug,
                    "used": bylines.get(&a.id).copied().unwrap_or(0),
                    "url": views::author_path(a.slug.as_str())})
                })
                .collect()
        }
    })
}

/// The sections a section may be filed under: top-level ones other than itself.
async fn parent_options(state: &AppState, id: Option<i64>) -> Result<Vec<Value>, PageError> {
    let none = state.settings().locale.t("lib-field-parent-none");
    let mut options = vec![json!({"value": "", "label": none})];
    for s in state.store.list_sections().await? {
        if s.parent_id.is_none() && Some(s.id) != id {
            options.push(json!({"value": s.slug, "label": s.name}));
        }
    }
    Ok(options)
}

async fn list_page(
    state: &AppState,
    me: &SignedIn,
    kind: Kind,
    query: &HashMap<String, String>,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    render(
        state,
        Some(me),
        &me.csrf,
        kind.plural(),
        "admin/taxonomy.html",
        super::notice(query),
        minijinja::context! {
            kind => kind.name(),
            plural => kind.plural(),
            rows => rows(state, kind).await?,
            fields => kind.fields(&state.settings().locale),
            parents => parent_options(state, None).await?,
            values => values,
            errors => errors,
        },
        status,
    )
}

async fn list(
    state: AppState,
    me: SignedIn,
    kind: Kind,
    query: HashMap<String, String>,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    list_page(
        &state,
        &me,
        kind,
        &query,
        HashMap::new(),
        HashMap::new(),
        StatusCode::OK,
    )
    .await
}

/// Creates or changes one item from its form; a refusal brings the form back filled in.
async fn submit(
    state: AppState,
    me: SignedIn,
    kind: Kind,
    id: Option<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    let newsroom = Newsroom::new(state.store.as_ref());
    let result = match (kind, id) {
        (Kind::Section, _) => {
            let position = match nonempty(&form, "position") {
                None => None,
                Some(text) => match text.parse::<i64>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        return section_refused(
                            &state,
                            &me,
                            id,
                            &form,
                            FieldErrors::single(
                                "position",
                                Problem::new(
                                    format!("\"{text}\" is not a whole number"),
                                    Phrase::new("lib-field-position-not-number")
                                        .with("value", text.as_str()),
                                ),
                            ),
                        )
                        .await;
                    }
                },
            };
            let request = SectionRequest {
                name: optional(&form, "name"),
                slug: nonempty(&form, "slug"),
                description: optional(&form, "description"),
                position,
                parent: optional(&form, "parent"),
                on_home: form.get("on_home").map(|v| v != "no"),
                block_style: nonempty(&form, "block_style"),
                colour: optional(&form, "colour"),
                language: crate::editions::requested_language(
                    optional(&form, "language"),
                    &state.settings().language,
                ),
            };
            match id {
                Some(id) => newsroom.update_section(id, &request).await.map(|s| s.id),
                None => newsroom.create_section(&request).await.map(|s| s.id),
            }
        }
        (Kind::Tag, _) => {
            let request = TagRequest {
                name: optional(&form, "name"),
                slug: nonempty(&form, "slug"),
            };
            match id {
                Some(id) => newsroom.update_tag(id, &request).await.map(|t| t.id),
                None => newsroom.create_tag(&request).await.map(|t| t.id),
            }
        }
        (Kind::Author, _) => {
            let request = AuthorRequest {
                name: optional(&form, "name"),
                slug: nonempty(&form, "slug"),
                bio: optional(&form, "bio"),
                photo_url: optional(&form, "photo_url"),
            };
            match id {
                Some(id) => newsroom.update_author(id, &request).await.map(|a| a.id),
                None => newsroom.create_author(&request).await.map(|a| a.id),
            }
        }
    };
    match result {
        Ok(saved) => Ok(done(
            &format!("/admin/{}/{saved}", kind.plural()),
            if id.is_some() { "saved" } else { "created" },
        )),
        Err(NewsroomError::Invalid(errors)) => refused(&state, &me, kind, id, &form, errors).await,
        Err(other) => Err(other.into()),
    }
}

async fn section_refused(
    state: &AppState,
    me: &SignedIn,
    id: Option<i64>,
    form: &FormData,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    refused(state, me, Kind::Section, id, form, errors).await
}

/// The form again, filled in as sent, with what was wrong.
async fn refused(
    state: &AppState,
    me: &SignedIn,
    kind: Kind,
    id: Option<i64>,
    form: &FormData,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let errors = error_map(&errors, state);
    match id {
        None => {
            list_page(
                state,
                me,
                kind,
                &HashMap::new(),
                form.values(),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Some(id) => {
            edit_page(
                state,
                me,
                kind,
                id,
                &HashMap::new(),
                Some(form.values()),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn edit_page(
    state: &AppState,
    me: &SignedIn,
    kind: Kind,
    id: i64,
    query: &HashMap<String, String>,
    values: Option<HashMap<String, String>>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (saved, url, others) = match kind {
        Kind::Section => {
            let s = state.store.section_by_id(id).await?;
            let url = s.path();
            (
                json!({"name": s.name, "slug": s.slug, "description": s.description,
                    "parent": s.parent_slug, "position": s.position.to_string(),
                    "on_home": if s.on_home { "yes" } else { "no" },
                    "block_style": s.block_style.as_str(), "colour": s.colour,
                    "language": s.language.map(|l| l.to_string())}),
                url,
                Value::Null,
            )
        }
        Kind::Tag => {
            let t = state.store.tag_by_id(id).await?;
            let url = views::tag_path(t.slug.as_str());
            let others: Vec<Value> = state
                .store
                .list_tags()
                .await?
                .into_iter()
                .filter(|o| o.id != id)
                .map(|o| json!({"id": o.id, "name": o.name}))
                .collect();
            (json!({"name": t.name, "slug": t.slug}), url, json!(others))
        }
        Kind::Author => {
            let a = state.store.author_by_id(id).await?;
            let url = views::author_path(a.slug.as_str());
            (
                json!({"name": a.name, "slug": a.slug, "bio": a.bio, "photo_url": a.photo_url}),
                url,
                Value::Null,
            )
        }
    };
    // An author profile belongs to a person in the newsroom, whom editors choose.
    let (people, person) = match kind {
        Kind::Author => (
            state
                .store
                .list_users()
                .await?
                .iter()
                .map(|u| json!({"id": u.id, "name": u.name, "email": u.email, "active": u.active}))
                .collect::<Vec<_>>(),
            state.store.person_of(id).await?,
        ),
        _ => (Vec::new(), None),
    };
    render(
        state,
        Some(me),
        &me.csrf,
        kind.plural(),
        "admin/taxonomy_edit.html",
        super::notice(query),
        minijinja::context! {
            kind => kind.name(),
            plural => kind.plural(),
            id => id,
            url => url,
            fields => kind.fields(&state.settings().locale),
            parents => parent_options(state, Some(id)).await?,
            values => values.map(|v| json!(v)).unwrap_or(saved),
            errors => errors,
            merge_targets => others,
            people => people,
            person => person,
        },
        status,
    )
}

async fn edit(
    state: AppState,
    me: SignedIn,
    kind: Kind,
    id: &str,
    query: HashMap<String, String>,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    edit_page(
        &state,
        &me,
        kind,
        parse_id(id)?,
        &query,
        None,
        HashMap::new(),
        StatusCode::OK,
    )
    .await
}

/// Says what deleting will do before anything is deleted.
async fn confirm(
    state: AppState,
    me: SignedIn,
    kind: Kind,
    id: &str,
    query: HashMap<String, String>,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    let id = parse_id(id)?;
    let (name, consequences) = match kind {
        Kind::Section => {
            let section = state.store.section_by_id(id).await?;
            let used = state
                .store
                .list_articles(
                    NewsroomFilter {
                        edition: None,
                        status: None,
                        section_id: Some(id),
                        search: None,
                        source: None,
                    },
                    Page {
                        number: 1,
                        per_page: 1,
                    },
                )
                .await?
                .total;
            let consequence = if used > 0 {
                json!({"id": "lib-confirm-section-used", "args": {"count": used}})
            } else {
                json!({"id": "lib-confirm-section-unused"})
            };
            (section.name, vec![consequence])
        }
        Kind::Tag => {
            let tag = state.store.tag_by_id(id).await?;
            let used = state
                .store
                .tag_usage()
                .await?
                .get(&id)
                .copied()
                .unwrap_or(0);
            (
                tag.name,
                vec![
                    json!({"id": "lib-confirm-tag-used", "args": {"count": used}}),
                    json!({"id": "lib-confirm-tag-page"}),
                ],
            )
        }
        Kind::Author => {
            let author = state.store.author_by_id(id).await?;
            let used = state
                .store
                .byline_counts()
                .await?
                .get(&id)
                .copied()
                .unwrap_or(0);
            let first = if used > 0 {
                json!({"id": "lib-confirm-author-used", "args": {"count": used}})
            } else {
                json!({"id": "lib-confirm-author-unused"})
            };
            (
                author.name,
                vec![first, json!({"id": "lib-confirm-author-page"})],
            )
        }
    };
    page(
        &state,
        &me,
        kind.plural(),
        "admin/confirm.html",
        &query,
        minijinja::context! {
            title => json!({"id": format!("lib-confirm-delete-{}", kind.name()), "args": {"name": name}}),
            consequences => consequences,
            action => format!("/admin/{}/{id}/delete", kind.plural()),
            button => json!({"id": format!("lib-delete-the-{}", kind.name())}),
            back => format!("/admin/{}/{id}", kind.plural()),
        },
    )
}

async fn remove(
    state: AppState,
    me: SignedIn,
    kind: Kind,
    id: &str,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    let id = parse_id(id)?;
    let newsroom = Newsroom::new(state.store.as_ref());
    match kind {
        Kind::Section => newsroom.delete_section(id, &me.user).await?,
        Kind::Tag => newsroom.delete_tag(id, &me.user).await?,
        Kind::Author => newsroom.delete_author(id, &me.user).await?,
    }
    Ok(done(&format!("/admin/{}", kind.plural()), "deleted"))
}

macro_rules! kind_handlers {
    ($kind:expr, $list:ident, $create:ident, $edit:ident, $save:ident, $confirm:ident, $delete:ident) => {
        pub async fn $list(
            State(state): State<AppState>,
            me: SignedIn,
            Query(query): Query<HashMap<String, String>>,
        ) -> Result<Response, PageError> {
            list(state, me, $kind, query).await
        }
        pub async fn $create(
            State(state): State<AppState>,
            me: SignedIn,
            Form(form): Form<FormData>,
        ) -> Result<Response, PageError> {
            submit(state, me, $kind, None, form).await
        }
        pub async fn $edit(
            State(state): State<AppState>,
            me: SignedIn,
            Path(id): Path<String>,
            Query(query): Query<HashMap<String, String>>,
        ) -> Result<Response, PageError> {
            edit(state, me, $kind, &id, query).await
        }
        pub async fn $save(
            State(state): State<AppState>,
            me: SignedIn,
            Path(id): Path<String>,
            Form(form): Form<FormData>,
        ) -> Result<Response, PageError> {
            let id = parse_id(&id)?;
            submit(state, me, $kind, Some(id), form).await
        }
        pub async fn $confirm(
            State(state): State<AppState>,
            me: SignedIn,
            Path(id): Path<String>,
            Query(query): Query<HashMap<String, String>>,
        ) -> Result<Response, PageError> {
            confirm(state, me, $kind, &id, query).await
        }
        pub async fn $delete(
            State(state): State<AppState>,
            me: SignedIn,
            Path(id): Path<String>,
        ) -> Result<Response, PageError> {
            remove(state, me, $kind, &id).await
        }
    };
}

kind_handlers!(
    Kind::Section,
    sections,
    create_section,
    section,
    save_section,
    confirm_delete_section,
    delete_section
);
kind_handlers!(
    Kind::Tag,
    tags,
    create_tag,
    tag,
    save_tag,
    confirm_delete_tag,
    delete_tag
);
kind_handlers!(
    Kind::Author,
    authors,
    create_author,
    author,
    save_author,
    confirm_delete_author,
    delete_author
);

/// Folds a tag into the one chosen in the form.
pub async fn merge_tag(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_editor(&me.user)?;
    let id = parse_id(&id)?;
    let Some(into) = form.get("into").and_then(|v| v.parse::<i64>().ok()) else {
        let errors = FieldErrors::single(
            "into",
            Problem::new(
                "choose the tag to merge this one into",
                Phrase::new("lib-tag-merge-choose"),
            ),
        );
        return edit_page(
            &state,
            &me,
            Kind::Tag,
            id,
            &HashMap::new(),
            None,
            error_map(&errors, &state),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let target = Newsroom::new(state.store.as_ref())
        .merge_tags(id, into, &me.user)
        .await?;
    Ok(done(&format!("/admin/tags/{}", target.id), "merged"))
}

/// An editor links an author profile to the member of the newsroom who writes under it.
pub async fn link_person(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    let id = parse_id(&id)?;
    let person = match form.get("person").map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(crate::domain::parse_id(text).ok_or_else(|| {
            PageError(AppError::BadRequest("Choose someone from the list.".into()))
        })?),
    };
    Newsroom::new(state.store.as_ref())
        .link_person(id, person, &me.user, jiff::Timestamp::now())
        .await?;
    Ok(done(&format!("/admin/authors/{id}"), "saved"))
}
