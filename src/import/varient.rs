//! Reading a Varient site straight from its MySQL or MariaDB database. Columns are read by
//! name after checking which exist, so the 2.2 layout and 2.3's (which renamed and added
//! columns) both work; any other layout is refused naming what is missing.
//!
//! Varient keeps wall-clock times in the site's zone (`general_settings.timezone`), so the
//! session's zone is set to UTC to read them untouched and they are placed in that zone.

use std::collections::{BTreeMap, HashMap, HashSet};

use async_trait::async_trait;
use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use serde_json::json;
use sqlx::mysql::{MySqlConnectOptions, MySqlPool, MySqlPoolOptions, MySqlRow};
use sqlx::{ConnectOptions, Executor, Row};

use super::html;
use super::{
    CommentRecord, FormatKind, FormatRecord, FrontRecord, ItemRecord, PageRecord, PersonRecord,
    ReactionRecord, Report, SectionRecord, Source, StoryRecord, encode_path,
};
use crate::domain::{ArticleStatus, Role};

/// Which of the site's languages to bring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Language {
    /// The site's default language (`general_settings.site_lang`).
    Default,
    /// One language by its short form (`en`) or code (`en-GB`).
    Code(String),
    /// Every language.
    All,
}

impl Language {
    pub fn parse(value: Option<&str>) -> Language {
        match value.map(str::trim) {
            None | Some("") => Language::Default,
            Some(all) if all.eq_ignore_ascii_case("all") => Language::All,
            Some(code) => Language::Code(code.to_owned()),
        }
    }
}

/// The columns each table must have in the layouts this importer reads (2.2 and 2.3).
const REQUIRED: &[(&str, &[&str])] = &[
    (
        "posts",
        &[
            "id",
            "lang_id",
            "title",
            "title_slug",
            "summary",
            "content",
            "category_id",
            "user_id",
            "status",
            "visibility",
            "is_scheduled",
            "post_type",
            "pageviews",
            "image_big",
            "image_url",
            "created_at",
        ],
    ),
    (
        "categories",
        &[
            "id",
            "lang_id",
            "name",
            "name_slug",
            "parent_id",
            "category_order",
        ],
    ),
    (
        "users",
        &[
            "id", "username", "slug", "email", "password", "role", "status",
        ],
    ),
    (
        "comments",
        &[
            "id",
            "parent_id",
            "post_id",
            "user_id",
            "name",
            "comment",
            "status",
            "created_at",
        ],
    ),
    ("tags", &["post_id", "tag", "tag_slug"]),
    ("general_settings", &["timezone"]),
    ("languages", &["id", "short_form"]),
];

/// An open Varient database, read in the order `import::run` asks.
pub struct Varient {
    pool: MySqlPool,
    columns: HashMap<String, HashSet<String>>,
    zone: TimeZone,
    /// Language ids being brought, with the path prefix of each (`""` for the default).
    languages: BTreeMap<i64, String>,
    site_url: Option<String>,
    post_cursor: i64,
    comment_cursor: i64,
    /// Top-level category slugs by id, for subcategories' old paths.
    category_slugs: HashMap<i64, String>,
}

/// Opens the database and checks that it is a Varient layout this importer reads.
pub async fn open(
    url: &str,
    language: &Language,
    site_url: Option<&str>,
) -> anyhow::Result<Varient> {
    let shown = crate::store::redact_url(url);
    let options: MySqlConnectOptions = url.parse().map_err(|error| {
        anyhow::anyhow!("the --mysql address {shown} cannot be read: {error}; write it as mysql://USER:PASSWORD@HOST:PORT/DATABASE")
    })?;
    let options = options.disable_statement_logging();
    // One connection first, so a refusal is told as it is (a pool would only time out).
    let probe = <sqlx::mysql::MySqlConnection as sqlx::Connection>::connect_with(&options)
        .await
        .map_err(|error| connect_error(error, &shown))?;
    let _ = sqlx::Connection::close(probe).await;
    let pool = MySqlPoolOptions::new()
        .max_connections(2)
        .after_connect(|conn, _| {
            Box::pin(async move {
                // Varient's times are wall-clock times in the site's zone: read them as stored.
                conn.execute("SET time_zone = '+00:00'").await?;
                Ok(())
            })
        })
        .connect_with(options)
        .await
        .map_err(|error| connect_error(error, &shown))?;
    let database: Option<String> = sqlx::query_scalar("SELECT DATABASE()")
        .fetch_one(&pool)
        .await?;
    if database.is_none() {
        anyhow::bail!(
            "the --mysql address {shown} names no database; add it after the host: mysql://USER:PASSWORD@HOST/DATABASE"
        );
    }
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT CAST(TABLE_NAME AS CHAR), CAST(COLUMN_NAME AS CHAR) FROM information_schema.COLUMNS \
         WHERE TABLE_SCHEMA = DATABASE()",
    )
    .fetch_all(&pool)
    .await?;
    let mut columns: HashMap<String, HashSet<String>> = HashMap::new();
    for (table, column) in rows {
        columns
            .entry(table.to_ascii_lowercase())
            .or_default()
            .insert(column.to_ascii_lowercase());
    }
    check_layout(&columns, database.as_deref().unwrap_or(""))?;
    let version: Option<String> = if has(&columns, "general_settings", "version") {
        sqlx::query_scalar("SELECT CAST(version AS CHAR) FROM general_settings ORDER BY id LIMIT 1")
            .fetch_optional(&pool)
            .await?
            .flatten()
    } else {
        None
    };
    if let Some(version) = &version
        && !(version.starts_with("2.2") || version.starts_with("2.3") || version.starts_with("2.1"))
    {
        anyhow::bail!(
            "this Varient database says it is version {version}, but its tables have the 2.2/2.3 layout; \
             check general_settings.version, or upgrade it with Varient's own updater and import again"
        );
    }
    let settings: Option<(Option<String>, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT CAST(timezone AS CHAR), {} FROM general_settings ORDER BY id LIMIT 1",
        if has(&columns, "general_settings", "site_lang") {
            "CAST(site_lang AS SIGNED)"
        } else {
            "CAST(1 AS SIGNED)"
        }
    ))
    .fetch_optional(&pool)
    .await?;
    let (zone_name, site_lang) = settings.unwrap_or((None, Some(1)));
    let zone_name = zone_name.unwrap_or_else(|| "UTC".into());
    let zone = TimeZone::get(&zone_name).map_err(|_| {
        anyhow::anyhow!("general_settings.timezone is \"{zone_name}\", which is not a time zone this build knows")
    })?;
    let site_lang = site_lang.unwrap_or(1);
    let all: Vec<(i64, String, Option<String>)> = sqlx::query_as(&format!(
        "SELECT CAST(id AS SIGNED), CAST(short_form AS CHAR), {} FROM languages ORDER BY id",
        if has(&columns, "languages", "language_code") {
            "CAST(language_code AS CHAR)"
        } else {
            "CAST(NULL AS CHAR)"
        }
    ))
    .fetch_all(&pool)
    .await?;
    let prefix = |id: i64, short: &str| {
        if id == site_lang {
            String::new()
        } else {
            format!("/{}", encode_path(short))
        }
    };
    let languages: BTreeMap<i64, String> = match language {
        Language::Default => [(site_lang, String::new())].into_iter().collect(),
        Language::All => all
            .iter()
            .map(|(id, short, _)| (*id, prefix(*id, short)))
            .collect(),
        Language::Code(code) => {
            let found = all.iter().find(|(_, short, long)| {
                short.eq_ignore_ascii_case(code)
                    || long
                        .as_deref()
                        .is_some_and(|l| l.eq_ignore_ascii_case(code))
            });
            match found {
                Some((id, short, _)) => [(*id, prefix(*id, short))].into_iter().collect(),
                None => anyhow::bail!(
                    "the site has no language {code:?}; it has {}",
                    all.iter()
                        .map(|(_, short, _)| short.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
    };
    Ok(Varient {
        pool,
        columns,
        zone,
        languages,
        site_url: site_url.map(|u| u.trim_end_matches('/').to_owned()),
        post_cursor: 0,
        comment_cursor: 0,
        category_slugs: HashMap::new(),
    })
}

fn connect_error(error: sqlx::Error, shown: &str) -> anyhow::Error {
    match &error {
        sqlx::Error::Database(db) => {
            let number = db
                .try_downcast_ref::<sqlx::mysql::MySqlDatabaseError>()
                .map(|e| e.number());
            match number {
                Some(1045) => anyhow::anyhow!(
                    "MySQL refused the user name or password in {shown}: {}",
                    db.message()
                ),
                Some(1044) => anyhow::anyhow!(
                    "that MySQL user may not read the database in {shown}: {}",
                    db.message()
                ),
                Some(1049) => {
                    anyhow::anyhow!("there is no such database at {shown}: {}", db.message())
                }
                _ => anyhow::anyhow!("MySQL at {shown} refused the connection: {}", db.message()),
            }
        }
        sqlx::Error::Io(io) => anyhow::anyhow!("could not reach MySQL at {shown}: {io}"),
        sqlx::Error::PoolTimedOut => {
            anyhow::anyhow!("MySQL at {shown} did not answer in time")
        }
        _ => anyhow::anyhow!("could not connect to MySQL at {shown}: {error}"),
    }
}

fn has(columns: &HashMap<String, HashSet<String>>, table: &str, column: &str) -> bool {
    columns.get(table).is_some_and(|c| c.contains(column))
}

/// Refuses a database that is not Varient, or a Varient layout other than 2.2/2.3, naming
/// what is missing.
pub fn check_layout(
    columns: &HashMap<String, HashSet<String>>,
    database: &str,
) -> anyhow::Result<()> {
    let varient_tables = ["posts", "categories", "general_settings"];
    if varient_tables.iter().all(|t| !columns.contains_key(*t)) {
        anyhow::bail!(
            "the database \"{database}\" is not a Varient database: it has none of the tables {}",
            varient_tables.join(", ")
        );
    }
    let mut missing = Vec::new();
    for (table, wanted) in REQUIRED {
        match columns.get(*table) {
            None => missing.push(format!("table {table}")),
            Some(present) => missing.extend(
                wanted
                    .iter()
                    .filter(|c| !present.contains(**c))
                    .map(|c| format!("{table}.{c}")),
            ),
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let newer = has(columns, "posts", "slug")
        || columns.contains_key("post_selections")
        || has(columns, "users", "role_id");
    let which = if columns.contains_key("config") || columns.contains_key("post_items") {
        " It looks like Varient 3.x."
    } else if newer {
        " It looks like Varient 2.4 or later (slugs in `slug`, flags in post_selections, roles by role_id)."
    } else {
        ""
    };
    anyhow::bail!(
        "this Varient database's layout is not one this importer reads (2.2 and 2.3): it lacks {}.{which}",
        missing.join(", ")
    )
}

/// How a column is read.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
    Time,
}

impl Varient {
    /// The select expression for a column, or a NULL of its kind when the table lacks it.
    fn col(&self, table: &str, alias: &str, column: &str, kind: Kind) -> String {
        let qualified = format!("{alias}.`{column}`");
        let present = has(&self.columns, table, column);
        match (kind, present) {
            (Kind::Int, true) => format!("CAST({qualified} AS SIGNED) AS `{column}`"),
            (Kind::Int, false) => format!("CAST(NULL AS SIGNED) AS `{column}`"),
            (Kind::Text, true) => format!("CAST({qualified} AS CHAR) AS `{column}`"),
            (Kind::Time, true) => format!("CAST({qualified} AS CHAR) AS `{column}`"),
            (_, false) => format!("CAST(NULL AS CHAR) AS `{column}`"),
        }
    }

    fn cols(&self, table: &str, alias: &str, list: &[(&str, Kind)]) -> String {
        list.iter()
            .map(|(column, kind)| self.col(table, alias, column, *kind))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn language_ids(&self) -> String {
        self.languages
            .keys()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A stored wall-clock time in the site's zone; `None` for NULL and zero dates.
    fn time(&self, value: Option<String>) -> Option<Timestamp> {
        let value = value?;
        if value.starts_with("0000") {
            return None;
        }
        let civil: DateTime = value.trim().replace(' ', "T").parse().ok()?;
        civil
            .to_zoned(self.zone.clone())
            .ok()
            .map(|z| z.timestamp())
    }

    fn prefix(&self, lang: i64) -> &str {
        self.languages.get(&lang).map(String::as_str).unwrap_or("")
    }

    /// The edition a language's categories and pages join: none for the site's default
    /// language, its short form (`sw`) for any other, which Newsdesk serves at `/sw/`
    /// as Varient did.
    fn edition(&self, lang: i64) -> Option<String> {
        let short = self.prefix(lang).trim_start_matches('/');
        (!short.is_empty()).then(|| short.to_ascii_lowercase())
    }
}

fn int(row: &MySqlRow, column: &str) -> i64 {
    row.try_get::<Option<i64>, _>(column)
        .ok()
        .flatten()
        .unwrap_or(0)
}

/// A text column; `Err` names the column when its bytes are not text.
fn text(row: &MySqlRow, column: &str) -> anyhow::Result<Option<String>> {
    row.try_get::<Option<String>, _>(column)
        .map_err(|error| anyhow::anyhow!("{column} cannot be read as text: {error}"))
}

fn nonempty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn role(value: &str) -> Option<Role> {
    match value.trim() {
        "admin" => Some(Role::Admin),
        "moderator" => Some(Role::Editor),
        "author" => Some(Role::Author),
        _ => None,
    }
}

/// The kinds Varient counts, by column.
const REACTIONS: &[(&str, &str)] = &[
    ("re_like", "like"),
    ("re_dislike", "dislike"),
    ("re_love", "love"),
    ("re_funny", "funny"),
    ("re_angry", "angry"),
    ("re_sad", "sad"),
    ("re_wow", "wow"),
];

#[async_trait]
impl Source for Varient {
    fn name(&self) -> &'static str {
        "varient"
    }

    async fn totals(&mut self) -> anyhow::Result<(u64, u64)> {
        let langs = self.language_ids();
        let posts: i64 = sqlx::query_scalar(&format!(
            "SELECT CAST(COUNT(*) AS SIGNED) FROM posts WHERE lang_id IN ({langs})"
        ))
        .fetch_one(&self.pool)
        .await?;
        let comments: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS SIGNED) FROM comments")
            .fetch_one(&self.pool)
            .await?;
        Ok((posts.max(0) as u64, comments.max(0) as u64))
    }

    async fn sections(&mut self, report: &mut Report) -> anyhow::Result<Vec<SectionRecord>> {
        let langs = self.language_ids();
        // 2.2 calls the home-page flag show_at_homepage; 2.3 show_on_homepage.
        let sql = format!(
            "SELECT {} FROM categories c WHERE c.lang_id IN ({langs}) ORDER BY c.parent_id <> 0, c.category_order, c.id",
            self.cols(
                "categories",
                "c",
                &[
                    ("id", Kind::Int),
                    ("lang_id", Kind::Int),
                    ("name", Kind::Text),
                    ("name_slug", Kind::Text),
                    ("parent_id", Kind::Int),
                    ("description", Kind::Text),
                    ("color", Kind::Text),
                    ("block_type", Kind::Text),
                    ("category_order", Kind::Int),
                    ("show_at_homepage", Kind::Int),
                    ("show_on_homepage", Kind::Int),
                    ("show_on_menu", Kind::Int),
                ]
            )
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        let mut names: HashSet<i64> = HashSet::new();
        let mut parents: Vec<SectionRecord> = Vec::new();
        let mut children: BTreeMap<i64, Vec<SectionRecord>> = BTreeMap::new();
        for row in rows {
            let id = int(&row, "id");
            let (name, slug) = match (text(&row, "name"), text(&row, "name_slug")) {
                (Ok(name), Ok(slug)) => (
                    nonempty(name).unwrap_or_else(|| format!("Category {id}")),
                    nonempty(slug).unwrap_or_else(|| id.to_string()),
                ),
                (Err(error), _) | (_, Err(error)) => {
                    report.note("category", id, format!("not brought: {error}"));
                    continue;
                }
            };
            let parent = int(&row, "parent_id");
            let prefix = self.prefix(int(&row, "lang_id")).to_owned();
            let home = row
                .try_get::<Option<i64>, _>("show_on_homepage")
                .ok()
                .flatten()
                .or_else(|| {
                    row.try_get::<Option<i64>, _>("show_at_homepage")
                        .ok()
                        .flatten()
                });
            let extra = json!({
                "colour": nonempty(text(&row, "color").unwrap_or_default()),
                "block_type": nonempty(text(&row, "block_type").unwrap_or_default()),
                "show_on_homepage": home,
                "show_on_menu": int(&row, "show_on_menu"),
                "order": int(&row, "category_order"),
                "parent": parent,
            });
            let encoded = encode_path(&slug);
            let mut record = SectionRecord {
                source_id: id.to_string(),
                slug: slug.clone(),
                name: name.clone(),
                description: nonempty(text(&row, "description").unwrap_or_default()),
                position: int(&row, "category_order"),
                parent: None,
                on_home: home.map(|home| home == 1),
                colour: nonempty(text(&row, "color").unwrap_or_default()),
                extra,
                old_paths: vec![format!("{prefix}/category/{encoded}")],
                old_feeds: vec![format!("{prefix}/rss/category/{encoded}")],
                language: self.edition(int(&row, "lang_id")),
            };
            if parent == 0 {
                names.insert(id);
                self.category_slugs.insert(id, encoded);
                parents.push(record);
            } else {
                match (names.get(&parent), self.category_slugs.get(&parent)) {
                    (Some(_), Some(parent_slug)) => {
                        record.parent = Some(parent.to_string());
                        record.old_paths.push(format!("{prefix}/{parent_slug}/{encoded}"));
                        record
                            .old_paths
                            .push(format!("{prefix}/category/{parent_slug}/{encoded}"));
                    }
                    _ => report.note(
                        "category",
                        id,
                        format!("its parent category ({parent}) is gone: arrives as a section of its own"),
                    ),
                }
                children.entry(parent).or_default().push(record);
            }
        }
        // Each section followed by its former subcategories, so the menu order reads well.
        let mut ordered = Vec::new();
        for record in parents {
            let id: i64 = record.source_id.parse().unwrap_or(0);
            ordered.push(record);
            ordered.extend(children.remove(&id).unwrap_or_default());
        }
        ordered.extend(children.into_values().flatten());
        self.report_unbrought(report).await?;
        Ok(ordered)
    }

    async fn people(&mut self, report: &mut Report) -> anyhow::Result<Vec<PersonRecord>> {
        let sql = format!(
            "SELECT {} FROM users u ORDER BY u.id",
            self.cols(
                "users",
                "u",
                &[
                    ("id", Kind::Int),
                    ("username", Kind::Text),
                    ("slug", Kind::Text),
                    ("email", Kind::Text),
                    ("password", Kind::Text),
                    ("role", Kind::Text),
                    ("status", Kind::Int),
                    ("about_me", Kind::Text),
                    ("avatar", Kind::Text),
                ]
            )
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        let mut people = Vec::new();
        for row in rows {
            let id = int(&row, "id");
            let read = || -> anyhow::Result<PersonRecord> {
                let name =
                    nonempty(text(&row, "username")?).unwrap_or_else(|| format!("User {id}"));
                let slug = nonempty(text(&row, "slug")?).unwrap_or_else(|| id.to_string());
                let encoded = encode_path(&slug);
                Ok(PersonRecord {
                    source_id: id.to_string(),
                    email: nonempty(text(&row, "email")?).unwrap_or_default(),
                    name,
                    slug,
                    role: role(&text(&row, "role")?.unwrap_or_default()),
                    password_hash: nonempty(text(&row, "password")?),
                    active: int(&row, "status") != 0,
                    bio: nonempty(text(&row, "about_me")?),
                    avatar: nonempty(text(&row, "avatar")?),
                    old_paths: vec![format!("/profile/{encoded}")],
                    old_feeds: vec![format!("/rss/author/{encoded}")],
                })
            };
            match read() {
                Ok(person) => people.push(person),
                Err(error) => report.note("user", id, format!("not brought: {error}")),
            }
        }
        Ok(people)
    }

    async fn next_stories(
        &mut self,
        limit: usize,
        report: &mut Report,
    ) -> anyhow::Result<Vec<StoryRecord>> {
        let langs = self.language_ids();
        let sql = format!(
            "SELECT {} FROM posts p WHERE p.id > ? AND p.lang_id IN ({langs}) ORDER BY p.id LIMIT ?",
            self.cols(
                "posts",
                "p",
                &[
                    ("id", Kind::Int),
                    ("lang_id", Kind::Int),
                    ("title", Kind::Text),
                    ("title_slug", Kind::Text),
                    ("keywords", Kind::Text),
                    ("summary", Kind::Text),
                    ("content", Kind::Text),
                    ("category_id", Kind::Int),
                    ("image_big", Kind::Text),
                    ("image_default", Kind::Text),
                    ("image_storage", Kind::Text),
                    ("image_url", Kind::Text),
                    ("image_description", Kind::Text),
                    ("pageviews", Kind::Int),
                    ("need_auth", Kind::Int),
                    ("is_slider", Kind::Int),
                    ("slider_order", Kind::Int),
                    ("is_featured", Kind::Int),
                    ("featured_order", Kind::Int),
                    ("is_recommended", Kind::Int),
                    ("is_breaking", Kind::Int),
                    ("is_scheduled", Kind::Int),
                    ("visibility", Kind::Int),
                    ("post_type", Kind::Text),
                    ("video_url", Kind::Text),
                    ("video_embed_code", Kind::Text),
                    ("video_path", Kind::Text),
                    ("user_id", Kind::Int),
                    ("status", Kind::Int),
                    ("feed_id", Kind::Int),
                    ("post_url", Kind::Text),
                    ("show_post_url", Kind::Int),
                    ("updated_at", Kind::Time),
                    ("created_at", Kind::Time),
                ]
            )
        );
        let rows = sqlx::query(&sql)
            .bind(self.post_cursor)
            .bind(limit as i64)
            .fetch_all(&self.pool)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(Vec::new());
        };
        let first_id = int(&rows[0], "id");
        let last_id = int(last, "id");
        self.post_cursor = last_id;
        let mut tags: HashMap<i64, Vec<(String, String)>> = HashMap::new();
        let tag_rows: Vec<(i64, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT CAST(post_id AS SIGNED), CAST(tag AS CHAR), CAST(tag_slug AS CHAR) FROM tags \
             WHERE post_id BETWEEN ? AND ? ORDER BY id",
        )
        .bind(first_id)
        .bind(last_id)
        .fetch_all(&self.pool)
        .await?;
        for (post, tag, slug) in tag_rows {
            if let Some(tag) = nonempty(tag) {
                let slug = nonempty(slug)
                    .unwrap_or_else(|| crate::domain::Slug::from_title(&tag).to_string());
                tags.entry(post).or_default().push((slug, tag));
            }
        }
        let items = self.items(first_id, last_id).await?;
        let mut stories = Vec::with_capacity(rows.len());
        for row in &rows {
            let id = int(row, "id");
            match self.story(row, &mut tags, &items) {
                Ok(story) => stories.push(story),
                Err(error) => {
                    report.note("post", id, format!("not brought: {error}"));
                    report.count("stories").skipped += 1;
                }
            }
        }
        Ok(stories)
    }

    async fn next_comments(
        &mut self,
        limit: usize,
        report: &mut Report,
    ) -> anyhow::Result<Vec<CommentRecord>> {
        let langs = self.language_ids();
        let sql = format!(
            "SELECT {} FROM comments c LEFT JOIN posts p ON p.id = c.post_id \
             WHERE c.id > ? AND (p.id IS NULL OR p.lang_id IN ({langs})) ORDER BY c.id LIMIT ?",
            self.cols(
                "comments",
                "c",
                &[
                    ("id", Kind::Int),
                    ("parent_id", Kind::Int),
                    ("post_id", Kind::Int),
                    ("email", Kind::Text),
                    ("name", Kind::Text),
                    ("comment", Kind::Text),
                    ("status", Kind::Int),
                    ("created_at", Kind::Time),
                ]
            )
        );
        let rows = sqlx::query(&sql)
            .bind(self.comment_cursor)
            .bind(limit as i64)
            .fetch_all(&self.pool)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(Vec::new());
        };
        self.comment_cursor = int(last, "id");
        let mut comments = Vec::with_capacity(rows.len());
        for row in &rows {
            let id = int(row, "id");
            let read = || -> anyhow::Result<CommentRecord> {
                let body = text(row, "comment")?.unwrap_or_default();
                let parent = int(row, "parent_id");
                Ok(CommentRecord {
                    source_id: id.to_string(),
                    story: int(row, "post_id").to_string(),
                    parent: (parent != 0).then(|| parent.to_string()),
                    name: nonempty(text(row, "name")?).unwrap_or_else(|| "Reader".into()),
                    email: nonempty(text(row, "email")?),
                    body: body.trim().to_owned(),
                    approved: int(row, "status") == 1,
                    created_at: self
                        .time(text(row, "created_at")?)
                        .unwrap_or(Timestamp::UNIX_EPOCH),
                })
            };
            match read() {
                Ok(comment) => {
                    if comment.body.contains("????") {
                        report.note(
                            "comment",
                            id,
                            "holds ???? where the old site lost an emoji (its database kept only 3-byte characters)",
                        );
                    }
                    comments.push(comment);
                }
                Err(error) => {
                    report.note("comment", id, format!("not brought: {error}"));
                    report.count("comments").skipped += 1;
                }
            }
        }
        Ok(comments)
    }

    async fn reactions(&mut self, report: &mut Report) -> anyhow::Result<Vec<ReactionRecord>> {
        if !self.columns.contains_key("reactions") {
            report.note(
                "site",
                "reactions",
                "the database has no reactions table: no reaction totals",
            );
            return Ok(Vec::new());
        }
        let langs = self.language_ids();
        let counts = REACTIONS
            .iter()
            .map(|(column, _)| self.col("reactions", "r", column, Kind::Int))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT CAST(r.id AS SIGNED) AS id, CAST(r.post_id AS SIGNED) AS post_id, {counts} \
             FROM reactions r LEFT JOIN posts p ON p.id = r.post_id \
             WHERE p.id IS NULL OR p.lang_id IN ({langs}) ORDER BY r.id"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        Ok(rows
            .iter()
            .map(|row| ReactionRecord {
                source_id: int(row, "id").to_string(),
                story: int(row, "post_id").to_string(),
                counts: REACTIONS
                    .iter()
                    .map(|(column, kind)| ((*kind).to_owned(), int(row, column).max(0)))
                    .filter(|(_, n)| *n > 0)
                    .collect(),
            })
            .collect())
    }

    async fn pages(&mut self, report: &mut Report) -> anyhow::Result<Vec<PageRecord>> {
        if !self.columns.contains_key("pages") {
            return Ok(Vec::new());
        }
        let filter = if has(&self.columns, "pages", "lang_id") {
            format!("WHERE g.lang_id IN ({})", self.language_ids())
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT {} FROM pages g {filter} ORDER BY g.id",
            self.cols(
                "pages",
                "g",
                &[
                    ("id", Kind::Int),
                    ("lang_id", Kind::Int),
                    ("title", Kind::Text),
                    ("slug", Kind::Text),
                    ("description", Kind::Text),
                    ("is_custom", Kind::Int),
                    ("page_default_name", Kind::Text),
                    ("page_content", Kind::Text),
                    ("visibility", Kind::Int),
                    ("need_auth", Kind::Int),
                    ("page_type", Kind::Text),
                    ("link", Kind::Text),
                ]
            )
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        let mut pages = Vec::new();
        for row in &rows {
            let id = int(row, "id");
            match self.page(row, report).await {
                Ok(Some(page)) => pages.push(page),
                Ok(None) => report.count("pages").skipped += 1,
                Err(error) => {
                    report.note("page", id, format!("not brought: {error}"));
                    report.count("pages").skipped += 1;
                }
            }
        }
        Ok(pages)
    }

    async fn front_page(&mut self, _report: &mut Report) -> anyhow::Result<FrontRecord> {
        let flags: Vec<&str> = ["is_slider", "is_featured", "is_breaking", "is_recommended"]
            .into_iter()
            .filter(|c| has(&self.columns, "posts", c))
            .collect();
        if flags.is_empty() {
            return Ok(FrontRecord::default());
        }
        let sql = format!(
            "SELECT {} FROM posts p WHERE p.lang_id IN ({}) AND ({})",
            self.cols(
                "posts",
                "p",
                &[
                    ("id", Kind::Int),
                    ("is_slider", Kind::Int),
                    ("slider_order", Kind::Int),
                    ("is_featured", Kind::Int),
                    ("featured_order", Kind::Int),
                    ("is_breaking", Kind::Int),
                    ("is_recommended", Kind::Int),
                    ("created_at", Kind::Time),
                ]
            ),
            self.language_ids(),
            flags
                .iter()
                .map(|c| format!("p.`{c}` = 1"))
                .collect::<Vec<_>>()
                .join(" OR ")
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        // (order, newer first) for the slider, then the featured ones.
        let mut slider: Vec<(i64, std::cmp::Reverse<i64>)> = Vec::new();
        let mut featured: Vec<(i64, std::cmp::Reverse<i64>)> = Vec::new();
        let mut breaking: Vec<(std::cmp::Reverse<Option<Timestamp>>, std::cmp::Reverse<i64>)> =
            Vec::new();
        let mut recommended = Vec::new();
        for row in &rows {
            let id = int(row, "id");
            if int(row, "is_slider") == 1 {
                slider.push((int(row, "slider_order"), std::cmp::Reverse(id)));
            }
            if int(row, "is_featured") == 1 {
                featured.push((int(row, "featured_order"), std::cmp::Reverse(id)));
            }
            if int(row, "is_breaking") == 1 {
                let at = self.time(text(row, "created_at")?);
                breaking.push((std::cmp::Reverse(at), std::cmp::Reverse(id)));
            }
            if int(row, "is_recommended") == 1 {
                recommended.push(id);
            }
        }
        slider.sort();
        featured.sort();
        breaking.sort();
        recommended.sort();
        let mut top: Vec<String> = Vec::new();
        for (_, std::cmp::Reverse(id)) in slider.into_iter().chain(featured) {
            let id = id.to_string();
            if !top.contains(&id) {
                top.push(id);
            }
        }
        Ok(FrontRecord {
            top,
            breaking: breaking
                .into_iter()
                .map(|(_, std::cmp::Reverse(id))| id.to_string())
                .collect(),
            recommended: recommended.iter().map(i64::to_string).collect(),
        })
    }

    fn fixed_addresses(&self) -> Vec<(String, String)> {
        let mut fixed = Vec::new();
        for prefix in self.languages.values() {
            for feed in [
                "/rss",
                "/rss-feeds",
                "/rss/latest-posts",
                "/rss/popular-posts",
            ] {
                fixed.push((format!("{prefix}{feed}"), "/feed.xml".to_owned()));
            }
            if !prefix.is_empty() {
                fixed.push((prefix.clone(), "/".to_owned()));
            }
        }
        fixed
    }

    fn image_address(&self, source: &str) -> String {
        let source = source.trim();
        if source.starts_with("http://")
            || source.starts_with("https://")
            || source.starts_with("//")
        {
            return source.to_owned();
        }
        let path = source.trim_start_matches('/');
        match &self.site_url {
            Some(site) => format!("{site}/{path}"),
            None => format!("/{path}"),
        }
    }

    fn image_file(&self, source: &str) -> Option<String> {
        let source = source.trim();
        let path = match source.split_once("://") {
            // An absolute address of the site itself (TinyMCE writes them): its path.
            Some((_, rest)) => {
                let path = &rest[rest.find('/')?..];
                let own = self
                    .site_url
                    .as_deref()
                    .is_some_and(|site| source.starts_with(site));
                if !own && !path.starts_with("/uploads/") {
                    return None;
                }
                path
            }
            None if source.starts_with("//") => return None,
            None => source,
        };
        let path = path.split(['?', '#']).next().unwrap_or("");
        let path = path.trim_start_matches('/');
        (!path.is_empty()).then(|| path.to_owned())
    }

    async fn close(&mut self) {
        self.pool.close().await;
    }
}

/// Text made safe inside the HTML made here (items of galleries, lists and polls).
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A question with its answers (text, votes, whether it is the right one).
type Question = (String, Vec<(String, i64, bool)>);

/// Varient's contact settings: text, address, email, phone.
type ContactRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A post's items: a gallery's or a sorted list's, or a poll's or quiz's questions.
#[derive(Debug, Default)]
struct PostItems {
    list: Vec<ItemRecord>,
    /// Each question with its answers (text, votes, whether it is the right one).
    questions: Vec<Question>,
}

impl PostItems {
    /// The items as HTML to follow the story's text, for where no format takes them.
    fn html(&self) -> Vec<String> {
        let mut blocks = Vec::new();
        for item in &self.list {
            let mut block = String::new();
            if let Some(title) = &item.title {
                block.push_str(&format!("<h2>{}</h2>", escape_html(title)));
            }
            if let Some(image) = &item.image {
                block.push_str(&format!(
                    "<p><img src=\"{}\" alt=\"{}\"></p>",
                    escape_html(image),
                    escape_html(item.title.as_deref().unwrap_or(""))
                ));
                if let Some(words) = &item.image_words {
                    block.push_str(&format!("<p><em>{}</em></p>", escape_html(words)));
                }
            }
            block.push_str(&item.html);
            blocks.push(block);
        }
        for (question, answers) in &self.questions {
            let mut block = format!("<p><strong>{}</strong></p><ul>", escape_html(question));
            for (answer, votes, correct) in answers {
                let mark = if *correct { " (correct)" } else { "" };
                block.push_str(&format!(
                    "<li>{}{mark} ({votes} votes)</li>",
                    escape_html(answer)
                ));
            }
            block.push_str("</ul>");
            blocks.push(block);
        }
        blocks
    }
}

/// Every post's items by post id.
type Items = HashMap<i64, PostItems>;

impl Varient {
    /// Reports what the import does not bring: other languages as editions.
    async fn report_unbrought(&self, report: &mut Report) -> anyhow::Result<()> {
        if self.languages.len() > 1 {
            report.note(
                "site",
                "languages",
                "each language other than the site's own arrives as an edition at /LANG/ (its categories become that edition's sections, its pages the edition's pages); old addresses lead there",
            );
        }
        Ok(())
    }

    /// One page as Newsdesk keeps it; `None` (with a report line) for one that has no
    /// place here.
    async fn page(
        &self,
        row: &MySqlRow,
        report: &mut Report,
    ) -> anyhow::Result<Option<PageRecord>> {
        let id = int(row, "id");
        let title = nonempty(text(row, "title")?).unwrap_or_else(|| format!("Page {id}"));
        let slug = nonempty(text(row, "slug")?).unwrap_or_else(|| id.to_string());
        if text(row, "page_type")?.as_deref() == Some("link") {
            report.note(
                "page",
                id,
                format!(
                    "\"{title}\" is a menu link to {}: not brought; add it to a menu here",
                    text(row, "link")?.unwrap_or_default()
                ),
            );
            return Ok(None);
        }
        if int(row, "visibility") == 0 && has(&self.columns, "pages", "visibility") {
            report.note(
                "page",
                id,
                format!("\"{title}\" was hidden on the old site: not brought"),
            );
            return Ok(None);
        }
        if int(row, "need_auth") == 1 {
            report.note(
                "page",
                id,
                "was for signed-in readers only: Newsdesk shows it to everyone",
            );
        }
        let built_in = has(&self.columns, "pages", "is_custom") && int(row, "is_custom") == 0;
        let (body_html, contact_form) = match (built_in, text(row, "page_default_name")?.as_deref())
        {
            (true, Some("contact")) => (self.contact_text(int(row, "lang_id")).await?, true),
            (true, Some("gallery")) => {
                report.note(
                    "page",
                    id,
                    "Varient's built-in gallery page (every gallery post) has no Newsdesk page: not brought",
                );
                return Ok(None);
            }
            _ => (text(row, "page_content")?.unwrap_or_default(), false),
        };
        let prefix = self.prefix(int(row, "lang_id"));
        Ok(Some(PageRecord {
            source_id: id.to_string(),
            slug: slug.clone(),
            title,
            body_html,
            seo_description: nonempty(text(row, "description")?),
            seo_title: None,
            contact_form,
            old_paths: vec![format!("{prefix}/{}", encode_path(&slug))],
            notes: Vec::new(),
            language: self.edition(int(row, "lang_id")),
        }))
    }

    /// The words of the built-in contact page, which Varient keeps in its settings.
    async fn contact_text(&self, lang: i64) -> anyhow::Result<String> {
        let wanted = [
            "contact_text",
            "contact_address",
            "contact_email",
            "contact_phone",
        ];
        if !wanted.iter().all(|c| has(&self.columns, "settings", c)) {
            return Ok(String::new());
        }
        let row: Option<ContactRow> = sqlx::query_as(
            "SELECT CAST(contact_text AS CHAR), CAST(contact_address AS CHAR), \
                 CAST(contact_email AS CHAR), CAST(contact_phone AS CHAR) FROM settings \
                 WHERE lang_id = ? ORDER BY id LIMIT 1",
        )
        .bind(lang)
        .fetch_optional(&self.pool)
        .await?;
        let Some((words, address, email, phone)) = row else {
            return Ok(String::new());
        };
        let mut html = words.unwrap_or_default();
        for (label, value) in [("Address", address), ("Email", email), ("Phone", phone)] {
            if let Some(value) = nonempty(value) {
                html.push_str(&format!("<p>{label}: {}</p>", escape_html(&value)));
            }
        }
        Ok(html)
    }

    /// The items of the list-like posts between two ids, as Markdown per post.
    async fn items(&self, first: i64, last: i64) -> anyhow::Result<Items> {
        let mut items: Items = HashMap::new();
        for table in ["post_gallery_items", "post_sorted_list_items"] {
            if !self.columns.contains_key(table) {
                continue;
            }
            let sql = format!(
                "SELECT CAST(post_id AS SIGNED) AS post_id, {} FROM {table} i \
                 WHERE post_id BETWEEN ? AND ? ORDER BY post_id, item_order, id",
                self.cols(
                    table,
                    "i",
                    &[
                        ("title", Kind::Text),
                        ("content", Kind::Text),
                        ("image", Kind::Text),
                        ("image_description", Kind::Text),
                    ]
                )
            );
            for row in sqlx::query(&sql)
                .bind(first)
                .bind(last)
                .fetch_all(&self.pool)
                .await?
            {
                let item = ItemRecord {
                    title: nonempty(text(&row, "title")?),
                    html: text(&row, "content")?.unwrap_or_default(),
                    image: nonempty(text(&row, "image")?),
                    image_words: nonempty(text(&row, "image_description")?),
                };
                items
                    .entry(int(&row, "post_id"))
                    .or_default()
                    .list
                    .push(item);
            }
        }
        if self.columns.contains_key("quiz_questions") && self.columns.contains_key("quiz_answers")
        {
            let sql = "SELECT CAST(q.post_id AS SIGNED) AS post_id, CAST(q.id AS SIGNED) AS qid, \
                 CAST(q.question AS CHAR) AS question, CAST(a.answer_text AS CHAR) AS answer, \
                 CAST(a.total_votes AS SIGNED) AS votes, CAST(a.is_correct AS SIGNED) AS correct \
                 FROM quiz_questions q LEFT JOIN quiz_answers a ON a.question_id = q.id \
                 WHERE q.post_id BETWEEN ? AND ? ORDER BY q.post_id, q.question_order, q.id, a.id";
            let mut current: Option<(i64, i64)> = None;
            for row in sqlx::query(sql)
                .bind(first)
                .bind(last)
                .fetch_all(&self.pool)
                .await?
            {
                let post = int(&row, "post_id");
                let question = int(&row, "qid");
                let questions = &mut items.entry(post).or_default().questions;
                if current != Some((post, question)) {
                    current = Some((post, question));
                    let text = nonempty(text(&row, "question")?).unwrap_or_default();
                    questions.push((text, Vec::new()));
                }
                if let Some(answer) = nonempty(text(&row, "answer")?)
                    && let Some((_, answers)) = questions.last_mut()
                {
                    answers.push((answer, int(&row, "votes"), int(&row, "correct") == 1));
                }
            }
        }
        Ok(items)
    }

    fn story(
        &self,
        row: &MySqlRow,
        tags: &mut HashMap<i64, Vec<(String, String)>>,
        items: &Items,
    ) -> anyhow::Result<StoryRecord> {
        let id = int(row, "id");
        let mut notes = Vec::new();
        let title = nonempty(text(row, "title")?).unwrap_or_else(|| format!("Post {id}"));
        let slug = nonempty(text(row, "title_slug")?).unwrap_or_else(|| id.to_string());
        let created = self.time(text(row, "created_at")?);
        let updated = self.time(text(row, "updated_at")?);
        let created_at = created.or(updated).unwrap_or_else(|| {
            notes.push("had no date (zero or empty): dated the Unix epoch".to_owned());
            Timestamp::UNIX_EPOCH
        });
        let updated_at = updated.unwrap_or(created_at);
        let (status, published_at) = match (
            int(row, "status"),
            int(row, "visibility"),
            int(row, "is_scheduled"),
        ) {
            (0, _, _) => (ArticleStatus::Draft, None),
            (_, 0, _) => {
                notes.push(
                    "was waiting for approval: arrives in the review queue for an editor"
                        .to_owned(),
                );
                (ArticleStatus::Draft, None)
            }
            (_, _, 1) => (ArticleStatus::Scheduled, Some(created_at)),
            _ => (ArticleStatus::Published, Some(created_at)),
        };
        let mut story_tags = tags.remove(&id).unwrap_or_default();
        for keyword in text(row, "keywords")?.unwrap_or_default().split(',') {
            let keyword = keyword.trim();
            if !keyword.is_empty() {
                story_tags.push((
                    crate::domain::Slug::from_title(keyword).to_string(),
                    keyword.to_owned(),
                ));
            }
        }
        let image = nonempty(text(row, "image_url")?)
            .or(nonempty(text(row, "image_big")?))
            .or(nonempty(text(row, "image_default")?));
        if image.is_some() && text(row, "image_storage")?.as_deref() == Some("aws_s3") {
            notes.push("its photo is in Amazon S3: kept at its path on the old site".to_owned());
        }
        let words = nonempty(text(row, "image_description")?);
        let post_type = nonempty(text(row, "post_type")?).unwrap_or_else(|| "article".into());
        let mut after: Vec<String> = Vec::new();
        let post_items = items.get(&id);
        let fallback = post_items.map(PostItems::html).unwrap_or_default();
        let fallback_html = fallback.join("\n");
        let list = || post_items.map(|p| p.list.clone()).unwrap_or_default();
        let format = match post_type.as_str() {
            "article" | "post" => {
                after.extend(fallback);
                None
            }
            "video" => {
                let addresses: Vec<String> = [
                    nonempty(text(row, "video_url")?),
                    nonempty(text(row, "video_embed_code")?),
                ]
                .into_iter()
                .flatten()
                .collect();
                match addresses.first() {
                    Some(video) => {
                        let line = match html::youtube_address(video) {
                            Some(youtube) => {
                                format!("<iframe src=\"{}\"></iframe>", escape_html(&youtube))
                            }
                            None => format!("<p><a href=\"{0}\">{0}</a></p>", escape_html(video)),
                        };
                        Some(FormatRecord {
                            kind: FormatKind::Video(addresses.clone()),
                            fallback_html: line,
                        })
                    }
                    None => {
                        if nonempty(text(row, "video_path")?).is_some() {
                            notes.push(
                                "its uploaded video file is not brought: a story without its video"
                                    .to_owned(),
                            );
                        }
                        None
                    }
                }
            }
            "gallery" if !list().is_empty() => Some(FormatRecord {
                kind: FormatKind::Gallery(list()),
                fallback_html,
            }),
            "sorted_list" if !list().is_empty() => Some(FormatRecord {
                kind: FormatKind::List(list()),
                fallback_html,
            }),
            "poll" if post_items.is_some_and(|p| p.questions.len() == 1) => {
                let (question, answers) = post_items
                    .and_then(|p| p.questions.first().cloned())
                    .unwrap_or_default();
                Some(FormatRecord {
                    kind: FormatKind::Poll {
                        question,
                        options: answers
                            .into_iter()
                            .map(|(answer, votes, _)| (answer, votes))
                            .collect(),
                    },
                    fallback_html,
                })
            }
            other => {
                notes.push(format!(
                    "post type {other}: Newsdesk has no such format; its items arrive as the story's text{}",
                    if matches!(other, "poll" | "trivia_quiz" | "personality_quiz") {
                        " and readers can no longer vote"
                    } else {
                        ""
                    }
                ));
                after.extend(fallback);
                None
            }
        };
        if let Some(url) = nonempty(text(row, "post_url")?)
            && int(row, "show_post_url") == 1
        {
            after.push(format!(
                "<p><a href=\"{}\">Read more</a></p>",
                escape_html(&url)
            ));
        }
        if int(row, "need_auth") == 1 {
            notes.push("was for signed-in readers only: Newsdesk shows it to everyone".to_owned());
        }
        let lang = int(row, "lang_id");
        let category = int(row, "category_id");
        let author = int(row, "user_id");
        Ok(StoryRecord {
            source_id: id.to_string(),
            slug: slug.clone(),
            title,
            standfirst: nonempty(text(row, "summary")?),
            body_html: {
                let mut body = text(row, "content")?.unwrap_or_default();
                for part in &after {
                    body.push('\n');
                    body.push_str(part);
                }
                body
            },
            body_after: None,
            format,
            section: (category != 0).then(|| category.to_string()),
            author: (author != 0).then(|| author.to_string()),
            tags: story_tags,
            status,
            published_at,
            created_at,
            updated_at,
            lead_image: image.map(|image| (image, words)),
            lead_alt: None,
            seo_title: None,
            seo_description: None,
            reads: int(row, "pageviews"),
            review: int(row, "status") != 0 && int(row, "visibility") == 0,
            extra: json!({
                "post_type": post_type,
                "is_slider": int(row, "is_slider"),
                "slider_order": int(row, "slider_order"),
                "is_featured": int(row, "is_featured"),
                "featured_order": int(row, "featured_order"),
                "is_recommended": int(row, "is_recommended"),
                "is_breaking": int(row, "is_breaking"),
                "need_auth": int(row, "need_auth"),
                "feed_id": int(row, "feed_id"),
                "lang_id": lang,
            }),
            old_paths: vec![format!("{}/{}", self.prefix(lang), encode_path(&slug))],
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(tables: &[(&str, &[&str])]) -> HashMap<String, HashSet<String>> {
        tables
            .iter()
            .map(|(t, cols)| (t.to_string(), cols.iter().map(|c| c.to_string()).collect()))
            .collect()
    }

    #[test]
    fn the_2_2_layout_is_read() {
        assert!(check_layout(&layout(REQUIRED), "v").is_ok());
    }

    #[test]
    fn a_database_of_something_else_is_refused() {
        let error = check_layout(&layout(&[("wp_posts", &["ID"])]), "blog").expect_err("refused");
        assert!(
            error.to_string().contains("is not a Varient database"),
            "{error}"
        );
    }

    #[test]
    fn the_2_4_layout_is_refused_naming_what_is_missing() {
        let mut tables = layout(REQUIRED);
        let posts = tables.get_mut("posts").expect("posts");
        posts.remove("title_slug");
        posts.insert("slug".into());
        tables.insert("post_selections".into(), HashSet::new());
        let error = check_layout(&tables, "v").expect_err("refused").to_string();
        assert!(error.contains("posts.title_slug"), "{error}");
        assert!(error.contains("2.4"), "{error}");
    }
}
