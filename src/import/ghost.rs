//! Reading a Ghost export (Settings › Labs › Export, versions 1 to 5:
//! `{"db":[{"meta":…,"data":{posts,tags,users,posts_tags,posts_authors,…}}]}`). Posts
//! keep their HTML, or have it rendered from mobiledoc or lexical when the export has none;
//! a post's primary (first) tag is its section and its other public tags its tags; Ghost's
//! internal `#` tags are reported. Users keep their bcrypt hashes (rehashed at their first
//! sign-in). Not to be confused with `crate::ghost`, which serves Ghost's Content API.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use async_trait::async_trait;
use jiff::Timestamp;
use serde_json::{Value, json};

use super::xml::MAX_FIELD;
use super::{
    CommentRecord, FrontRecord, PageRecord, PersonRecord, ReactionRecord, Report, SectionRecord,
    Source, StoryRecord, encode_path,
};
use crate::domain::{ArticleStatus, Role, Slug};
use crate::store::{OldAddress, OldTarget, Store};

/// The largest export read (it is read whole).
pub const MAX_FILE: u64 = 1024 * 1024 * 1024;

/// An export being imported.
pub struct Ghost {
    data: Value,
    /// The old site's address, for `__GHOST_URL__` and root-relative photos.
    site_url: Option<String>,
    version: String,
    /// Post id -> its tags' ids in order.
    post_tags: HashMap<String, Vec<String>>,
    /// Post id -> its authors' ids in order.
    post_authors: HashMap<String, Vec<String>>,
    /// Post id -> its posts_meta row (v3 and later keep SEO and photo words there).
    post_meta: HashMap<String, Value>,
    tags: HashMap<String, Value>,
    next_post: usize,
    reported: bool,
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

fn nonempty(value: &Value, key: &str) -> Option<String> {
    Some(text(value, key).trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// An id as a string, whether the export wrote it as a number (v1) or an object id.
fn id_of(value: &Value, key: &str) -> String {
    match value.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn flag(value: &Value, key: &str) -> bool {
    match value.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        Some(Value::String(s)) => s == "1" || s == "true",
        _ => false,
    }
}

/// Ghost's times: `2021-03-24T04:34:09.000Z`, `2017-09-01 12:29:50` (UTC) or milliseconds.
fn time(value: &Value, key: &str) -> Option<Timestamp> {
    match value.get(key)? {
        Value::String(s) => {
            let s = s.trim();
            s.parse::<Timestamp>().ok().or_else(|| {
                s.replace(' ', "T")
                    .parse::<jiff::civil::DateTime>()
                    .ok()
                    .and_then(|civil| civil.to_zoned(jiff::tz::TimeZone::UTC).ok())
                    .map(|z| z.timestamp())
            })
        }
        Value::Number(n) => Timestamp::from_millisecond(n.as_i64()?).ok(),
        _ => None,
    }
}

/// Refuses a string longer than `MAX_FIELD` anywhere in the export.
fn check_sizes(value: &Value, path: &mut Vec<String>) -> anyhow::Result<()> {
    match value {
        Value::String(s) if s.len() > MAX_FIELD => anyhow::bail!(
            "{} holds {} MB; the limit is {} MB a field",
            path.join("."),
            s.len() / (1024 * 1024),
            MAX_FIELD / (1024 * 1024)
        ),
        Value::Array(items) => {
            for item in items {
                check_sizes(item, path)?;
            }
            Ok(())
        }
        Value::Object(map) => {
            for (key, item) in map {
                path.push(key.clone());
                check_sizes(item, path)?;
                path.pop();
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Reads and checks the whole export; nothing is written if it is refused.
pub fn open(path: &Path, site_url: Option<&str>) -> anyhow::Result<Ghost> {
    let refuse =
        |why: String| anyhow::anyhow!("{} is refused: {why}; nothing was imported", path.display());
    let size = std::fs::metadata(path)
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?
        .len();
    if size > MAX_FILE {
        return Err(refuse(format!(
            "it is {} MB; the limit is {} MB",
            size / (1024 * 1024),
            MAX_FILE / (1024 * 1024)
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    if let Err(error) = std::str::from_utf8(&bytes) {
        return Err(refuse(format!("it is not UTF-8 ({error})")));
    }
    let whole: Value = serde_json::from_slice(&bytes).map_err(|error| {
        if error.is_eof() {
            refuse(format!(
                "the JSON ends before it is complete (cut short?): {error}"
            ))
        } else {
            refuse(format!("it is not valid JSON: {error}"))
        }
    })?;
    drop(bytes);
    let export = match whole.get("db") {
        Some(Value::Array(dbs)) => dbs.first().cloned().unwrap_or(Value::Null),
        _ => whole,
    };
    let data = export
        .get("data")
        .cloned()
        .filter(Value::is_object)
        .ok_or_else(|| {
            refuse(
                "it is not a Ghost export: there is no \"data\" with posts, tags and users \
                 (Ghost: Settings › Labs › Export your content)"
                    .into(),
            )
        })?;
    if !data.get("posts").is_some_and(Value::is_array) {
        return Err(refuse("its \"data\" has no \"posts\" list".into()));
    }
    check_sizes(&data, &mut vec!["data".into()]).map_err(|e| refuse(e.to_string()))?;
    let version = export
        .get("meta")
        .map(|m| text(m, "version").to_owned())
        .unwrap_or_default();
    let mut ghost = Ghost {
        data,
        site_url: site_url.map(|s| s.trim_end_matches('/').to_owned()),
        version,
        post_tags: HashMap::new(),
        post_authors: HashMap::new(),
        post_meta: HashMap::new(),
        tags: HashMap::new(),
        next_post: 0,
        reported: false,
    };
    ghost.index();
    Ok(ghost)
}

impl Ghost {
    fn rows(&self, table: &str) -> &[Value] {
        self.data
            .get(table)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    fn index(&mut self) {
        let sorted = |rows: &[Value], key: &str| {
            let mut pairs: Vec<(String, i64, String)> = rows
                .iter()
                .map(|r| {
                    (
                        id_of(r, "post_id"),
                        r.get("sort_order").and_then(Value::as_i64).unwrap_or(0),
                        id_of(r, key),
                    )
                })
                .collect();
            pairs.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
            let mut map: HashMap<String, Vec<String>> = HashMap::new();
            for (post, _, other) in pairs {
                map.entry(post).or_default().push(other);
            }
            map
        };
        self.post_tags = sorted(self.rows("posts_tags"), "tag_id");
        self.post_authors = sorted(self.rows("posts_authors"), "author_id");
        self.post_meta = self
            .rows("posts_meta")
            .iter()
            .map(|m| (id_of(m, "post_id"), m.clone()))
            .collect();
        self.tags = self
            .rows("tags")
            .iter()
            .map(|t| (id_of(t, "id"), t.clone()))
            .collect();
    }

    fn is_internal(tag: &Value) -> bool {
        text(tag, "name").starts_with('#') || text(tag, "visibility") == "internal"
    }

    fn is_page(post: &Value) -> bool {
        flag(post, "page") || text(post, "type") == "page"
    }

    /// The primary tag of a post: its first public tag.
    fn primary_tag(&self, post_id: &str) -> Option<&Value> {
        self.post_tags
            .get(post_id)?
            .iter()
            .filter_map(|id| self.tags.get(id))
            .find(|t| !Self::is_internal(t))
    }

    /// The post's HTML, or HTML rendered from its lexical or mobiledoc document.
    fn body(&self, post: &Value, notes: &mut Vec<String>) -> String {
        if let Some(html) = nonempty(post, "html") {
            return html;
        }
        if let Some(lexical) = nonempty(post, "lexical") {
            return match serde_json::from_str::<Value>(&lexical) {
                Ok(doc) => render_lexical(&doc, notes),
                Err(e) => {
                    notes.push(format!(
                        "its lexical document cannot be read ({e}): body empty"
                    ));
                    String::new()
                }
            };
        }
        if let Some(mobiledoc) = nonempty(post, "mobiledoc") {
            return match serde_json::from_str::<Value>(&mobiledoc) {
                Ok(doc) => render_mobiledoc(&doc, notes),
                Err(e) => {
                    notes.push(format!("its mobiledoc cannot be read ({e}): body empty"));
                    String::new()
                }
            };
        }
        nonempty(post, "plaintext")
            .map(|t| {
                t.split("\n\n")
                    .map(|p| format!("<p>{}</p>", escape(p)))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default()
    }

    fn story(&self, post: &Value) -> StoryRecord {
        let id = id_of(post, "id");
        let mut notes = Vec::new();
        let status = match text(post, "status") {
            "published" => ArticleStatus::Published,
            "scheduled" => ArticleStatus::Scheduled,
            "draft" => ArticleStatus::Draft,
            "sent" => {
                notes.push("was sent as a newsletter only: arrives published".into());
                ArticleStatus::Published
            }
            other => {
                notes.push(format!("its Ghost status \"{other}\" arrives as a draft"));
                ArticleStatus::Draft
            }
        };
        match text(post, "visibility") {
            "" | "public" => {}
            other => notes.push(format!(
                "was for {other} readers only on Ghost: Newsdesk shows it to everyone"
            )),
        }
        let title = nonempty(post, "title").unwrap_or_else(|| {
            notes.push("has no title: arrives as \"Untitled\"".into());
            "Untitled".into()
        });
        let slug = nonempty(post, "slug").unwrap_or_else(|| Slug::from_title(&title).to_string());
        let body_html = self.body(post, &mut notes);
        let meta = self.post_meta.get(&id);
        let pick = |key: &str| nonempty(post, key).or_else(|| meta.and_then(|m| nonempty(m, key)));
        let primary = self.primary_tag(&id);
        let mut tags = Vec::new();
        for tag_id in self.post_tags.get(&id).into_iter().flatten() {
            let Some(tag) = self.tags.get(tag_id) else {
                notes.push(format!("its tag {tag_id} is not in the export"));
                continue;
            };
            if Self::is_internal(tag) {
                notes.push(format!(
                    "its internal tag \"{}\" was not brought",
                    text(tag, "name")
                ));
                continue;
            }
            if primary.is_some_and(|p| id_of(p, "id") == *tag_id) {
                continue;
            }
            tags.push((text(tag, "slug").to_owned(), text(tag, "name").to_owned()));
        }
        let authors = self
            .post_authors
            .get(&id)
            .cloned()
            .unwrap_or_else(|| vec![id_of(post, "author_id")]);
        let authors: Vec<String> = authors.into_iter().filter(|a| !a.is_empty()).collect();
        if authors.len() > 1 {
            notes.push(format!(
                "has {} authors: the byline names the first ({})",
                authors.len(),
                authors[0]
            ));
        }
        let created_at = time(post, "created_at")
            .or_else(|| time(post, "published_at"))
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let published = time(post, "published_at");
        let lead = nonempty(post, "feature_image").map(|image| {
            let caption = pick("feature_image_caption").map(|c| plain(&c));
            (image, caption.filter(|c| !c.is_empty()))
        });
        if let Some(injected) = nonempty(post, "codeinjection_head")
            .or_else(|| nonempty(post, "codeinjection_foot"))
            .or_else(|| meta.and_then(|m| nonempty(m, "codeinjection_head")))
        {
            let _ = injected;
            notes.push("its code injection was not brought (no scripts on stories)".into());
        }
        StoryRecord {
            source_id: id.clone(),
            slug: slug.clone(),
            title,
            standfirst: nonempty(post, "custom_excerpt"),
            body_html,
            body_after: None,
            format: None,
            section: primary.map(|t| id_of(t, "id")),
            author: authors.first().cloned(),
            tags,
            status,
            published_at: match status {
                ArticleStatus::Draft => None,
                _ => published.or(Some(created_at)),
            },
            created_at,
            updated_at: time(post, "updated_at").unwrap_or(created_at),
            lead_image: lead,
            lead_alt: pick("feature_image_alt"),
            seo_title: pick("meta_title"),
            seo_description: pick("meta_description"),
            reads: 0,
            review: false,
            extra: json!({
                "featured": flag(post, "featured"),
                "visibility": text(post, "visibility"),
                "uuid": text(post, "uuid"),
            }),
            old_paths: vec![format!("/{}", encode_path(&slug))],
            notes,
        }
    }

    /// Published pages become the site's pages; others are reported, as a Newsdesk page is
    /// public as soon as it exists.
    fn read_pages(&self, report: &mut Report) -> Vec<PageRecord> {
        let mut records = Vec::new();
        for post in self.rows("posts").iter().filter(|p| Self::is_page(p)) {
            let id = id_of(post, "id");
            if text(post, "status") != "published" {
                report.count("pages").read += 1;
                report.count("pages").skipped += 1;
                report.note(
                    "page",
                    &id,
                    format!(
                        "not brought: a {} page (a Newsdesk page is public as soon as it exists)",
                        text(post, "status")
                    ),
                );
                continue;
            }
            let mut notes = Vec::new();
            let body = self.body(post, &mut notes);
            let title = nonempty(post, "title").unwrap_or_else(|| "Untitled".into());
            let slug =
                nonempty(post, "slug").unwrap_or_else(|| Slug::from_title(&title).to_string());
            let meta = self.post_meta.get(&id);
            records.push(PageRecord {
                source_id: id.clone(),
                slug: slug.clone(),
                title,
                body_html: body,
                seo_title: nonempty(post, "meta_title")
                    .or_else(|| meta.and_then(|m| nonempty(m, "meta_title"))),
                seo_description: nonempty(post, "meta_description")
                    .or_else(|| meta.and_then(|m| nonempty(m, "meta_description"))),
                contact_form: false,
                old_paths: vec![format!("/{}", encode_path(&slug))],
                notes,
                language: None,
            });
        }
        records
    }

    /// Featured posts, newest first.
    fn featured(&self) -> Vec<String> {
        let mut featured: Vec<(&Value, Timestamp)> = self
            .rows("posts")
            .iter()
            .filter(|p| {
                !Self::is_page(p) && flag(p, "featured") && text(p, "status") == "published"
            })
            .map(|p| (p, time(p, "published_at").unwrap_or(Timestamp::UNIX_EPOCH)))
            .collect();
        featured.sort_by_key(|f| std::cmp::Reverse(f.1));
        featured.iter().map(|(p, _)| id_of(p, "id")).collect()
    }

    /// Brings what `import::run` has no place for: the old tag pages' addresses.
    pub async fn finish(
        &mut self,
        store: &dyn Store,
        dry_run: bool,
        report: &mut Report,
    ) -> anyhow::Result<()> {
        let mut addresses: Vec<OldAddress> = Vec::new();
        // Ghost's tag pages: a tag that is a section here leads to it.
        let sections = store.import_mappings("ghost", "category").await?;
        for (tag_id, mapped) in &sections {
            if let Some(tag) = self.tags.get(tag_id) {
                let slug = encode_path(text(tag, "slug"));
                addresses.push(OldAddress {
                    path: format!("/tag/{slug}"),
                    target: OldTarget::Section(mapped.target_id),
                });
            }
        }
        if !dry_run {
            for chunk in addresses.chunks(500) {
                store.save_old_addresses(chunk).await?;
            }
        }
        report.count("addresses").read += addresses.len() as u64;
        Ok(())
    }
}

fn plain(html_text: &str) -> String {
    let fragment = scraper::Html::parse_fragment(html_text);
    let text: String = fragment.root_element().text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn role(name: &str) -> Role {
    match name {
        "Owner" | "Administrator" => Role::Admin,
        "Editor" | "Super Editor" => Role::Editor,
        "Contributor" => Role::Contributor,
        _ => Role::Author,
    }
}

#[async_trait]
impl Source for Ghost {
    async fn pages(&mut self, report: &mut Report) -> anyhow::Result<Vec<PageRecord>> {
        Ok(self.read_pages(report))
    }

    async fn front_page(&mut self, _report: &mut Report) -> anyhow::Result<FrontRecord> {
        // Featured posts, newest first, lead the front page and fill its top slots.
        Ok(FrontRecord {
            top: self.featured(),
            ..FrontRecord::default()
        })
    }

    fn name(&self) -> &'static str {
        "ghost"
    }

    async fn totals(&mut self) -> anyhow::Result<(u64, u64)> {
        let posts = self
            .rows("posts")
            .iter()
            .filter(|p| !Self::is_page(p))
            .count();
        Ok((posts as u64, 0))
    }

    async fn sections(&mut self, report: &mut Report) -> anyhow::Result<Vec<SectionRecord>> {
        if !self.reported {
            self.reported = true;
            if !self.version.is_empty()
                && !["0.", "1.", "2.", "3.", "4.", "5.", "6."]
                    .iter()
                    .any(|v| self.version.starts_with(v))
            {
                report.note(
                    "site",
                    "version",
                    format!("a Ghost {} export: read as Ghost 5's", self.version),
                );
            }
            for (table, what) in [
                ("members", "member(s): Newsdesk readers need no account"),
                ("subscribers", "subscriber(s): Newsdesk has no newsletter"),
                ("snippets", "snippet(s): Newsdesk has no snippets"),
            ] {
                let n = self.rows(table).len();
                if n > 0 {
                    report.note(table, "*", format!("{n} {what}; not brought"));
                    let counts = report.count(table);
                    counts.read += n as u64;
                    counts.skipped += n as u64;
                }
            }
        }
        // Tags that lead a post become sections; internal tags are reported.
        let mut primary: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for post in self.rows("posts") {
            if Self::is_page(post) {
                continue;
            }
            if let Some(tag) = self.primary_tag(&id_of(post, "id")) {
                let id = id_of(tag, "id");
                if seen.insert(id.clone()) {
                    primary.push(id);
                }
            }
        }
        let mut internal = BTreeMap::new();
        for tag in self.rows("tags") {
            if Self::is_internal(tag) {
                internal.insert(id_of(tag, "id"), text(tag, "name").to_owned());
            }
        }
        for (id, name) in internal {
            report.note(
                "tag",
                id,
                format!("the internal tag \"{name}\" was not brought"),
            );
        }
        let mut records = Vec::new();
        for (position, id) in primary.iter().enumerate() {
            let Some(tag) = self.tags.get(id) else {
                continue;
            };
            let slug = text(tag, "slug").to_owned();
            records.push(SectionRecord {
                source_id: id.clone(),
                slug: slug.clone(),
                name: nonempty(tag, "name").unwrap_or_else(|| slug.clone()),
                description: nonempty(tag, "description"),
                position: position as i64,
                parent: None,
                on_home: None,
                colour: None,
                extra: json!({ "accent_color": tag.get("accent_color") }),
                old_paths: Vec::new(),
                old_feeds: vec![format!("/tag/{}/rss", encode_path(&slug))],
                language: None,
            });
        }
        Ok(records)
    }

    async fn people(&mut self, _report: &mut Report) -> anyhow::Result<Vec<PersonRecord>> {
        let roles: HashMap<String, String> = self
            .rows("roles")
            .iter()
            .map(|r| (id_of(r, "id"), text(r, "name").to_owned()))
            .collect();
        let user_roles: HashMap<String, String> = self
            .rows("roles_users")
            .iter()
            .map(|r| {
                (
                    id_of(r, "user_id"),
                    roles.get(&id_of(r, "role_id")).cloned().unwrap_or_default(),
                )
            })
            .collect();
        let mut people = Vec::new();
        for user in self.rows("users") {
            let id = id_of(user, "id");
            let slug = nonempty(user, "slug").unwrap_or_else(|| id.clone());
            let status = text(user, "status");
            people.push(PersonRecord {
                source_id: id.clone(),
                email: text(user, "email").to_owned(),
                name: nonempty(user, "name").unwrap_or_else(|| slug.clone()),
                slug: slug.clone(),
                role: Some(role(user_roles.get(&id).map_or("", String::as_str))),
                password_hash: nonempty(user, "password"),
                active: !matches!(status, "inactive" | "locked"),
                bio: nonempty(user, "bio"),
                avatar: nonempty(user, "profile_image").filter(|a| !a.contains("gravatar.com")),
                old_paths: vec![format!("/author/{}", encode_path(&slug))],
                old_feeds: vec![format!("/author/{}/rss", encode_path(&slug))],
            });
        }
        Ok(people)
    }

    async fn next_stories(
        &mut self,
        limit: usize,
        _report: &mut Report,
    ) -> anyhow::Result<Vec<StoryRecord>> {
        let mut batch = Vec::new();
        while batch.len() < limit.max(1) {
            let Some(post) = self.rows("posts").get(self.next_post).cloned() else {
                break;
            };
            self.next_post += 1;
            if Self::is_page(&post) {
                continue;
            }
            batch.push(self.story(&post));
        }
        Ok(batch)
    }

    async fn next_comments(
        &mut self,
        _limit: usize,
        _report: &mut Report,
    ) -> anyhow::Result<Vec<CommentRecord>> {
        Ok(Vec::new())
    }

    async fn reactions(&mut self, _report: &mut Report) -> anyhow::Result<Vec<ReactionRecord>> {
        Ok(Vec::new())
    }

    fn fixed_addresses(&self) -> Vec<(String, String)> {
        vec![("/rss".into(), "/feed.xml".into())]
    }

    fn image_address(&self, source: &str) -> String {
        let site = self.site_url.as_deref().unwrap_or("");
        let source = source.trim().replace("__GHOST_URL__", site);
        match &self.site_url {
            Some(site) if source.starts_with('/') && !source.starts_with("//") => {
                format!("{site}{source}")
            }
            _ => source,
        }
    }

    fn image_file(&self, source: &str) -> Option<String> {
        let source = source.trim();
        let at = source.find("content/images/")?;
        let relative = &source[at + "content/images/".len()..];
        let relative = relative.split(['?', '#']).next().unwrap_or("");
        (!relative.is_empty()).then(|| relative.to_owned())
    }
}

/// Ghost 1-4's mobiledoc (0.3) as HTML: markup, list and image sections, and the cards
/// Ghost's editor makes; an unknown card is named in the notes.
pub fn render_mobiledoc(doc: &Value, notes: &mut Vec<String>) -> String {
    let empty = Vec::new();
    let list = |key: &str| doc.get(key).and_then(Value::as_array).unwrap_or(&empty);
    let markups = list("markups");
    let atoms = list("atoms");
    let cards = list("cards");
    let mut out = String::new();
    for section in list("sections") {
        let Some(parts) = section.as_array() else {
            continue;
        };
        match parts.first().and_then(Value::as_i64) {
            Some(1) => {
                let tag = parts
                    .get(1)
                    .and_then(Value::as_str)
                    .unwrap_or("p")
                    .to_ascii_lowercase();
                let tag = match tag.as_str() {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "aside" => tag,
                    _ => "p".into(),
                };
                let tag = if tag == "aside" {
                    "blockquote".into()
                } else {
                    tag
                };
                let inner = markers(parts.get(2), markups, atoms);
                out.push_str(&format!("<{tag}>{inner}</{tag}>\n"));
            }
            Some(3) => {
                let tag = match parts.get(1).and_then(Value::as_str) {
                    Some("ol") => "ol",
                    _ => "ul",
                };
                out.push_str(&format!("<{tag}>"));
                for item in parts.get(2).and_then(Value::as_array).unwrap_or(&empty) {
                    out.push_str(&format!("<li>{}</li>", markers(Some(item), markups, atoms)));
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Some(2) => {
                let src = parts.get(1).and_then(Value::as_str).unwrap_or("");
                out.push_str(&format!("<p><img src=\"{}\"></p>\n", escape(src)));
            }
            Some(10) => {
                let index = parts.get(1).and_then(Value::as_u64).unwrap_or(u64::MAX) as usize;
                if let Some(card) = cards.get(index).and_then(Value::as_array) {
                    let name = card.first().and_then(Value::as_str).unwrap_or("");
                    let payload = card.get(1).cloned().unwrap_or(Value::Null);
                    out.push_str(&render_card(name, &payload, notes));
                }
            }
            _ => {}
        }
    }
    out
}

fn markers(list: Option<&Value>, markups: &[Value], atoms: &[Value]) -> String {
    let mut out = String::new();
    let mut open: Vec<String> = Vec::new();
    for marker in list.and_then(Value::as_array).into_iter().flatten() {
        let Some(parts) = marker.as_array() else {
            continue;
        };
        for index in parts.get(1).and_then(Value::as_array).into_iter().flatten() {
            let Some(markup) = index
                .as_u64()
                .and_then(|i| markups.get(i as usize))
                .and_then(Value::as_array)
            else {
                continue;
            };
            let tag = markup
                .first()
                .and_then(Value::as_str)
                .unwrap_or("span")
                .to_ascii_lowercase();
            let tag = match tag.as_str() {
                "a" | "b" | "strong" | "i" | "em" | "u" | "s" | "code" | "sup" | "sub" => tag,
                _ => "span".into(),
            };
            let mut attrs = String::new();
            if tag == "a"
                && let Some(pairs) = markup.get(1).and_then(Value::as_array)
            {
                for pair in pairs.chunks(2) {
                    if pair.first().and_then(Value::as_str) == Some("href") {
                        let href = pair.get(1).and_then(Value::as_str).unwrap_or("");
                        attrs = format!(" href=\"{}\"", escape(href));
                    }
                }
            }
            out.push_str(&format!("<{tag}{attrs}>"));
            open.push(tag);
        }
        match parts.first().and_then(Value::as_i64) {
            Some(0) => out.push_str(&escape(parts.get(3).and_then(Value::as_str).unwrap_or(""))),
            Some(1) => {
                let atom = parts
                    .get(3)
                    .and_then(Value::as_u64)
                    .and_then(|i| atoms.get(i as usize))
                    .and_then(Value::as_array);
                match atom.and_then(|a| a.first()).and_then(Value::as_str) {
                    Some("soft-return") => out.push_str("<br>"),
                    _ => out.push_str(&escape(
                        atom.and_then(|a| a.get(1))
                            .and_then(Value::as_str)
                            .unwrap_or(""),
                    )),
                }
            }
            _ => {}
        }
        let close = parts.get(2).and_then(Value::as_u64).unwrap_or(0);
        for _ in 0..close {
            if let Some(tag) = open.pop() {
                out.push_str(&format!("</{tag}>"));
            }
        }
    }
    while let Some(tag) = open.pop() {
        out.push_str(&format!("</{tag}>"));
    }
    out
}

/// One of Ghost's cards (mobiledoc or lexical) as HTML.
fn render_card(name: &str, payload: &Value, notes: &mut Vec<String>) -> String {
    let caption = |payload: &Value| {
        nonempty(payload, "caption")
            .map(|c| format!("<p>{c}</p>\n"))
            .unwrap_or_default()
    };
    match name {
        "image" => {
            let src = text(payload, "src");
            let alt = text(payload, "alt");
            format!(
                "<p><img src=\"{}\" alt=\"{}\"></p>\n{}",
                escape(src),
                escape(alt),
                caption(payload)
            )
        }
        "gallery" => {
            let mut html = String::new();
            for image in payload
                .get("images")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                html.push_str(&format!(
                    "<p><img src=\"{}\" alt=\"{}\"></p>\n",
                    escape(text(image, "src")),
                    escape(text(image, "alt"))
                ));
                html.push_str(&caption(image));
            }
            html.push_str(&caption(payload));
            html
        }
        "markdown" | "card-markdown" => {
            let markdown = text(payload, "markdown");
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
            html
        }
        "html" => text(payload, "html").to_owned(),
        "embed" => {
            let url = text(payload, "url");
            let mut html = match crate::embeds::recognise(url) {
                Some(_) => format!("<iframe src=\"{}\"></iframe>\n", escape(url)),
                None => {
                    notes.push(format!("an embed of {url} is kept as a link"));
                    format!("<p><a href=\"{0}\">{0}</a></p>\n", escape(url))
                }
            };
            html.push_str(&caption(payload));
            html
        }
        "bookmark" => {
            let url = text(payload, "url");
            let metadata = payload.get("metadata").cloned().unwrap_or(Value::Null);
            let title = nonempty(&metadata, "title").unwrap_or_else(|| url.to_owned());
            let mut html = format!(
                "<p><a href=\"{}\">{}</a></p>\n",
                escape(url),
                escape(&title)
            );
            if let Some(description) = nonempty(&metadata, "description") {
                html.push_str(&format!("<p>{}</p>\n", escape(&description)));
            }
            html.push_str(&caption(payload));
            html
        }
        "hr" | "horizontalrule" => "<hr>\n".into(),
        "code" | "codeblock" => format!(
            "<pre><code>{}</code></pre>\n",
            escape(text(payload, "code"))
        ),
        "paywall" => {
            notes.push("its members-only divider was dropped: the whole post is public".into());
            String::new()
        }
        other => {
            notes.push(format!(
                "a {other} card was not brought (Newsdesk has no such thing)"
            ));
            String::new()
        }
    }
}

/// Ghost 5's lexical document as HTML.
pub fn render_lexical(doc: &Value, notes: &mut Vec<String>) -> String {
    let root = doc.get("root").unwrap_or(doc);
    let mut out = String::new();
    for node in root
        .get("children")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.push_str(&lexical_block(node, notes));
        out.push('\n');
    }
    out
}

fn lexical_children(node: &Value, notes: &mut Vec<String>) -> String {
    let mut out = String::new();
    for child in node
        .get("children")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.push_str(&lexical_inline(child, notes));
    }
    out
}

fn lexical_block(node: &Value, notes: &mut Vec<String>) -> String {
    match text(node, "type") {
        "paragraph" => format!("<p>{}</p>", lexical_children(node, notes)),
        "heading" => {
            let tag = match text(node, "tag") {
                t @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => t,
                _ => "h2",
            };
            format!("<{tag}>{}</{tag}>", lexical_children(node, notes))
        }
        "quote" | "aside" => format!("<blockquote>{}</blockquote>", lexical_children(node, notes)),
        "list" => {
            let tag = if text(node, "listType") == "number" {
                "ol"
            } else {
                "ul"
            };
            let mut out = format!("<{tag}>");
            for item in node
                .get("children")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                out.push_str(&format!("<li>{}</li>", lexical_children(item, notes)));
            }
            out.push_str(&format!("</{tag}>"));
            out
        }
        "image" => {
            let mut payload = node.clone();
            if let Some(alt) = node.get("altText").cloned()
                && let Some(map) = payload.as_object_mut()
            {
                map.insert("alt".into(), alt);
            }
            render_card("image", &payload, notes)
        }
        other => render_card(other, node, notes),
    }
}

fn lexical_inline(node: &Value, notes: &mut Vec<String>) -> String {
    match text(node, "type") {
        "text" | "extended-text" => {
            let mut html = escape(text(node, "text"));
            let format = node.get("format").and_then(Value::as_i64).unwrap_or(0);
            for (bit, tag) in [(1, "strong"), (2, "em"), (4, "s"), (8, "u"), (16, "code")] {
                if format & bit != 0 {
                    html = format!("<{tag}>{html}</{tag}>");
                }
            }
            html
        }
        "linebreak" => "<br>".into(),
        "link" => format!(
            "<a href=\"{}\">{}</a>",
            escape(text(node, "url")),
            lexical_children(node, notes)
        ),
        _ => lexical_children(node, notes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiledoc_sections_markups_and_cards_render() {
        let doc: Value = serde_json::from_str(
            r#"{"version":"0.3.1","atoms":[],"markups":[["strong"],["a",["href","https://x.example"]]],
            "cards":[["image",{"src":"/content/images/a.jpg","caption":"A boat"}],["toggle",{}]],
            "sections":[[1,"p",[[0,[],0,"Hello "],[0,[0],1,"bold"],[0,[1],1," link"]]],[10,0],[10,1],[3,"ul",[[[0,[],0,"one"]]]]]}"#,
        )
        .unwrap();
        let mut notes = Vec::new();
        let html = render_mobiledoc(&doc, &mut notes);
        assert!(
            html.contains(
                "<p>Hello <strong>bold</strong><a href=\"https://x.example\"> link</a></p>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"/content/images/a.jpg\""),
            "{html}"
        );
        assert!(html.contains("<p>A boat</p>"), "{html}");
        assert!(html.contains("<ul><li>one</li></ul>"), "{html}");
        assert!(notes.iter().any(|n| n.contains("toggle")), "{notes:?}");
    }

    #[test]
    fn lexical_renders() {
        let doc: Value = serde_json::from_str(
            r#"{"root":{"children":[{"type":"heading","tag":"h2","children":[{"type":"text","text":"Title","format":0}]},
            {"type":"paragraph","children":[{"type":"text","text":"Bold","format":1},{"type":"link","url":"https://x.example","children":[{"type":"text","text":"x"}]}]}]}}"#,
        )
        .unwrap();
        let html = render_lexical(&doc, &mut Vec::new());
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(
            html.contains("<strong>Bold</strong><a href=\"https://x.example\">x</a>"),
            "{html}"
        );
    }
}
