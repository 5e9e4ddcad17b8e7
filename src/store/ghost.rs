//! What the Ghost Content API reads: public stories, tags (a section or a tag, one per
//! slug) and authors, chosen by a typed filter, ordered and windowed. The filter is built
//! by `crate::ghost` from NQL; here it becomes parameterised SQL through `QueryBuilder`,
//! written once for both engines (`push_*` are generic over the engine); each store only
//! says how text sorts on it (`content_api_store!` in sqlite.rs and postgres.rs).

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::{Database, Encode, QueryBuilder, Type};

use super::{Article, Author, Paged, StoreResult};
use crate::domain::Slug;

/// Conditions combined with and, or and not; `Always(false)` matches nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter<C> {
    All(Vec<Filter<C>>),
    Any(Vec<Filter<C>>),
    Not(Box<Filter<C>>),
    Is(C),
    Always(bool),
}

/// How a piece of text must read. Slugs are compared as given (they are lower case);
/// the partial matches ignore ASCII case.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Is(String),
    OneOf(Vec<String>),
    Contains(String),
    StartsWith(String),
    EndsWith(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeComparison {
    Equal,
    Before,
    AtOrBefore,
    After,
    AtOrAfter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryTime {
    Published,
    Updated,
    Created,
}

/// One condition on a public story.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryCondition {
    Id(Vec<i64>),
    Slug(Text),
    Title(Text),
    /// Its section's or one of its tags' slug.
    Tag(Text),
    /// Its section's slug (the section is the story's primary tag).
    PrimaryTag(Text),
    /// One of its authors' slug.
    Author(Text),
    /// Its first author's slug.
    PrimaryAuthor(Text),
    Time(StoryTime, TimeComparison, Timestamp),
}

/// One condition on a Ghost tag: a section, a tag, or both when they share a slug.
#[derive(Debug, Clone, PartialEq)]
pub enum TagCondition {
    Slug(Text),
    Name(Text),
    Section(Vec<i64>),
    Tag(Vec<i64>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum AuthorCondition {
    Id(Vec<i64>),
    Slug(Text),
    Name(Text),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryField {
    PublishedAt,
    UpdatedAt,
    CreatedAt,
    Title,
    Slug,
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagField {
    Name,
    Slug,
    PostCount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorField {
    Name,
    Slug,
    PostCount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Order<F> {
    pub field: F,
    pub descending: bool,
}

/// Which of the matching records to answer: `limit` of them (all when `None`) after
/// skipping `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub limit: Option<u32>,
    pub offset: u64,
}

/// A tag as Ghost front-ends see it: a section, a tag, or a section and a tag that share
/// a slug (one name for readers, so one tag). Sections come first: the section names it.
#[derive(Debug, Clone)]
pub struct GhostTag {
    pub section_id: Option<i64>,
    pub tag_id: Option<i64>,
    pub slug: Slug,
    pub name: String,
    pub description: Option<String>,
    /// Public stories in the section or with the tag, when asked for.
    pub posts: Option<i64>,
}

#[async_trait]
pub trait ContentApiStore: Send + Sync {
    /// Public stories (published, their time come) that match, in order, and how many match.
    async fn content_stories(
        &self,
        filter: &Filter<StoryCondition>,
        order: &[Order<StoryField>],
        window: Window,
        now: Timestamp,
    ) -> StoreResult<Paged<Article>>;
    /// Sections and tags as Ghost tags, with their public stories counted when `counts`.
    async fn content_tags(
        &self,
        filter: &Filter<TagCondition>,
        order: &[Order<TagField>],
        window: Window,
        counts: bool,
        now: Timestamp,
    ) -> StoreResult<Paged<GhostTag>>;
    /// Authors, with their public stories counted when `counts`.
    async fn content_authors(
        &self,
        filter: &Filter<AuthorCondition>,
        order: &[Order<AuthorField>],
        window: Window,
        counts: bool,
        now: Timestamp,
    ) -> StoreResult<Paged<(Author, Option<i64>)>>;
}

/// Sections and tags, one row per slug: a section with the tag of the same slug, then
/// the tags no section shares a slug with.
pub(super) const GHOST_TAGS: &str = "(SELECT s.id AS section_id, t.id AS tag_id, s.slug AS slug, \
     s.name AS name, s.description AS description \
     FROM sections s LEFT JOIN tags t ON t.slug = s.slug \
     UNION ALL \
     SELECT NULL, t.id, t.slug, t.name, NULL FROM tags t \
     WHERE NOT EXISTS (SELECT 1 FROM sections s2 WHERE s2.slug = t.slug)) g";

fn push_string<'a, DB>(query: &mut QueryBuilder<'a, DB>, value: String)
where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
{
    query.push_bind(value);
}

fn push_int<'a, DB>(query: &mut QueryBuilder<'a, DB>, value: i64)
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
{
    query.push_bind(value);
}

/// `LIKE` pattern for text that must appear as it is: `%`, `_` and `\` escaped.
fn like_pattern(before: &str, text: &str, after: &str) -> String {
    let mut pattern = String::from(before);
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push_str(after);
    pattern
}

pub(super) fn push_filter<'a, DB, C>(
    query: &mut QueryBuilder<'a, DB>,
    filter: &Filter<C>,
    condition: &dyn Fn(&mut QueryBuilder<'a, DB>, &C),
) where
    DB: Database,
{
    match filter {
        Filter::All(parts) | Filter::Any(parts) if parts.is_empty() => {
            query.push(if matches!(filter, Filter::All(_)) {
                "1 = 1"
            } else {
                "1 = 0"
            });
        }
        Filter::All(parts) | Filter::Any(parts) => {
            let joiner = if matches!(filter, Filter::All(_)) {
                " AND "
            } else {
                " OR "
            };
            query.push("(");
            for (n, part) in parts.iter().enumerate() {
                if n > 0 {
                    query.push(joiner);
                }
                push_filter(query, part, condition);
            }
            query.push(")");
        }
        Filter::Not(inner) => {
            query.push("NOT (");
            push_filter(query, inner, condition);
            query.push(")");
        }
        Filter::Is(c) => condition(query, c),
        Filter::Always(true) => {
            query.push("1 = 1");
        }
        Filter::Always(false) => {
            query.push("1 = 0");
        }
    }
}

fn push_ids<'a, DB>(query: &mut QueryBuilder<'a, DB>, column: &str, ids: &[i64])
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
{
    if ids.is_empty() {
        query.push("1 = 0");
        return;
    }
    query.push(column).push(" IN (");
    for (n, id) in ids.iter().enumerate() {
        if n > 0 {
            query.push(", ");
        }
        push_int(query, *id);
    }
    query.push(")");
}

fn push_text<'a, DB>(query: &mut QueryBuilder<'a, DB>, column: &str, text: &Text)
where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
{
    let like = |query: &mut QueryBuilder<'a, DB>, pattern: String| {
        query.push("LOWER(").push(column).push(") LIKE ");
        push_string(query, pattern);
        query.push(" ESCAPE '\\'");
    };
    match text {
        Text::Is(value) => {
            query.push(column).push(" = ");
            push_string(query, value.clone());
        }
        Text::OneOf(values) if values.is_empty() => {
            query.push("1 = 0");
        }
        Text::OneOf(values) => {
            query.push(column).push(" IN (");
            for (n, value) in values.iter().enumerate() {
                if n > 0 {
                    query.push(", ");
                }
                push_string(query, value.clone());
            }
            query.push(")");
        }
        Text::Contains(value) => like(query, like_pattern("%", value, "%")),
        Text::StartsWith(value) => like(query, like_pattern("", value, "%")),
        Text::EndsWith(value) => like(query, like_pattern("%", value, "")),
    }
}

fn comparison(op: TimeComparison) -> &'static str {
    match op {
        TimeComparison::Equal => " = ",
        TimeComparison::Before => " < ",
        TimeComparison::AtOrBefore => " <= ",
        TimeComparison::After => " > ",
        TimeComparison::AtOrAfter => " >= ",
    }
}

/// The condition on a story, over `articles a JOIN sections s`.
pub(super) fn push_story_condition<'a, DB>(
    query: &mut QueryBuilder<'a, DB>,
    condition: &StoryCondition,
) where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
    i64: Encode<'a, DB> + Type<DB>,
{
    match condition {
        StoryCondition::Id(ids) => push_ids(query, "a.id", ids),
        StoryCondition::Slug(text) => push_text(query, "a.slug", text),
        StoryCondition::Title(text) => push_text(query, "a.title", text),
        StoryCondition::PrimaryTag(text) => push_text(query, "s.slug", text),
        StoryCondition::Tag(text) => {
            query.push("(");
            push_text(query, "s.slug", text);
            query.push(
                " OR EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id \
                 WHERE x.article_id = a.id AND ",
            );
            push_text(query, "t.slug", text);
            query.push("))");
        }
        StoryCondition::Author(text) => {
            query.push(
                "EXISTS (SELECT 1 FROM article_authors x JOIN authors au ON au.id = x.author_id \
                 WHERE x.article_id = a.id AND ",
            );
            push_text(query, "au.slug", text);
            query.push(")");
        }
        StoryCondition::PrimaryAuthor(text) => {
            query.push(
                "EXISTS (SELECT 1 FROM article_authors x JOIN authors au ON au.id = x.author_id \
                 WHERE x.article_id = a.id AND x.position = (SELECT MIN(y.position) \
                 FROM article_authors y WHERE y.article_id = a.id) AND ",
            );
            push_text(query, "au.slug", text);
            query.push(")");
        }
        StoryCondition::Time(time, op, at) => {
            query.push(match time {
                StoryTime::Published => "a.published_at",
                StoryTime::Updated => "a.updated_at",
                StoryTime::Created => "a.created_at",
            });
            query.push(comparison(*op));
            push_int(query, at.as_second());
        }
    }
}

/// The condition on a Ghost tag, over `GHOST_TAGS` (`g`).
pub(super) fn push_tag_condition<'a, DB>(query: &mut QueryBuilder<'a, DB>, condition: &TagCondition)
where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
    i64: Encode<'a, DB> + Type<DB>,
{
    match condition {
        TagCondition::Slug(text) => push_text(query, "g.slug", text),
        TagCondition::Name(text) => push_text(query, "g.name", text),
        TagCondition::Section(ids) => push_ids(query, "g.section_id", ids),
        TagCondition::Tag(ids) => push_ids(query, "g.tag_id", ids),
    }
}

/// The condition on an author, over `authors au`.
pub(super) fn push_author_condition<'a, DB>(
    query: &mut QueryBuilder<'a, DB>,
    condition: &AuthorCondition,
) where
    DB: Database,
    String: Encode<'a, DB> + Type<DB>,
    i64: Encode<'a, DB> + Type<DB>,
{
    match condition {
        AuthorCondition::Id(ids) => push_ids(query, "au.id", ids),
        AuthorCondition::Slug(text) => push_text(query, "au.slug", text),
        AuthorCondition::Name(text) => push_text(query, "au.name", text),
    }
}

/// `a` is public at `now`: published and its time come.
pub(super) fn push_public<'a, DB>(query: &mut QueryBuilder<'a, DB>, now: Timestamp)
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
{
    query.push("a.status = 'published' AND a.published_at <= ");
    push_int(query, now.as_second());
}

/// `ORDER BY` for stories; text sorts by its lower case, `collate` making the engines
/// agree (PostgreSQL's locale would otherwise order it its own way); the newest id last
/// settles ties, so pages never overlap.
pub(super) fn push_story_order<'a, DB: Database>(
    query: &mut QueryBuilder<'a, DB>,
    order: &[Order<StoryField>],
    collate: &str,
) {
    query.push(" ORDER BY ");
    for item in order {
        let column = match item.field {
            StoryField::PublishedAt => "a.published_at".to_owned(),
            StoryField::UpdatedAt => "a.updated_at".to_owned(),
            StoryField::CreatedAt => "a.created_at".to_owned(),
            StoryField::Title => format!("LOWER(a.title){collate}"),
            StoryField::Slug => format!("a.slug{collate}"),
            StoryField::Id => "a.id".to_owned(),
        };
        query
            .push(column)
            .push(if item.descending { " DESC, " } else { " ASC, " });
    }
    query.push("a.id DESC");
}

pub(super) fn push_tag_order<'a, DB: Database>(
    query: &mut QueryBuilder<'a, DB>,
    order: &[Order<TagField>],
    collate: &str,
) {
    query.push(" ORDER BY ");
    for item in order {
        let column = match item.field {
            TagField::Name => format!("LOWER(g.name){collate}"),
            TagField::Slug => format!("g.slug{collate}"),
            TagField::PostCount => "post_count".to_owned(),
        };
        query
            .push(column)
            .push(if item.descending { " DESC, " } else { " ASC, " });
    }
    query.push("g.slug");
    query.push(collate);
}

pub(super) fn push_author_order<'a, DB: Database>(
    query: &mut QueryBuilder<'a, DB>,
    order: &[Order<AuthorField>],
    collate: &str,
) {
    query.push(" ORDER BY ");
    for item in order {
        let column = match item.field {
            AuthorField::Name => format!("LOWER(au.name){collate}"),
            AuthorField::Slug => format!("au.slug{collate}"),
            AuthorField::PostCount => "post_count".to_owned(),
        };
        query
            .push(column)
            .push(if item.descending { " DESC, " } else { " ASC, " });
    }
    query.push("au.id");
}

pub(super) fn push_window<'a, DB>(query: &mut QueryBuilder<'a, DB>, window: Window)
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
{
    if let Some(limit) = window.limit {
        query.push(" LIMIT ");
        push_int(query, i64::from(limit));
        query.push(" OFFSET ");
        push_int(query, i64::try_from(window.offset).unwrap_or(i64::MAX));
    }
}

/// Public stories in a Ghost tag (`g`), as a column.
pub(super) fn push_tag_post_count<'a, DB>(query: &mut QueryBuilder<'a, DB>, now: Timestamp)
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
{
    query.push(", (SELECT COUNT(*) FROM articles a WHERE ");
    push_public(query, now);
    query.push(
        " AND (a.section_id = g.section_id OR EXISTS (SELECT 1 FROM article_tags x \
         WHERE x.article_id = a.id AND x.tag_id = g.tag_id))) AS post_count",
    );
}

/// Public stories with an author's byline (`au`), as a column.
pub(super) fn push_author_post_count<'a, DB>(query: &mut QueryBuilder<'a, DB>, now: Timestamp)
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
{
    query.push(
        ", (SELECT COUNT(*) FROM article_authors x JOIN articles a ON a.id = x.article_id \
         WHERE x.author_id = au.id AND ",
    );
    push_public(query, now);
    query.push(") AS post_count");
}

pub(super) fn ghost_tag_from_row(
    row: &impl super::rows::StoredRow,
    counts: bool,
) -> StoreResult<GhostTag> {
    let slug = row.text("slug")?;
    Ok(GhostTag {
        section_id: row.int_or_none("section_id")?,
        tag_id: row.int_or_none("tag_id")?,
        slug: Slug::parse(&slug).map_err(|e| {
            super::StoreError::Backend(anyhow::anyhow!("stored slug {slug:?}: {e}"))
        })?,
        name: row.text("name")?,
        description: row.text_or_none("description")?,
        posts: if counts {
            Some(row.int("post_count")?)
        } else {
            None
        },
    })
}

/// Implements `ContentApiStore` for a store whose module has `fetch_articles`, `count`,
/// `pool` and `backend` in scope; `$db` is its engine and `$collate` what makes text sort
/// by code point on it.
macro_rules! content_api_store {
    ($store:ty, $db:ty, $collate:expr) => {
        #[async_trait::async_trait]
        impl super::ContentApiStore for $store {
            async fn content_stories(
                &self,
                filter: &super::Filter<super::StoryCondition>,
                order: &[super::Order<super::StoryField>],
                window: super::Window,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::Paged<super::Article>> {
                use super::ghost::{push_filter, push_public, push_story_condition};
                let mut count = sqlx::QueryBuilder::<$db>::new(
                    "SELECT COUNT(*) FROM articles a JOIN sections s ON s.id = a.section_id WHERE ",
                );
                push_public(&mut count, now);
                count.push(" AND ");
                push_filter(&mut count, filter, &|q, c| push_story_condition(q, c));
                let total = self.count(count).await?;

                let mut query = sqlx::QueryBuilder::<$db>::new("SELECT ");
                query.push(ARTICLE_COLUMNS).push(" WHERE ");
                push_public(&mut query, now);
                query.push(" AND ");
                push_filter(&mut query, filter, &|q, c| push_story_condition(q, c));
                super::ghost::push_story_order(&mut query, order, $collate);
                super::ghost::push_window(&mut query, window);
                let items = self.fetch_articles(query).await?;
                Ok(super::Paged { items, total })
            }

            async fn content_tags(
                &self,
                filter: &super::Filter<super::TagCondition>,
                order: &[super::Order<super::TagField>],
                window: super::Window,
                counts: bool,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::Paged<super::GhostTag>> {
                use super::ghost::{GHOST_TAGS, push_filter, push_tag_condition};
                let mut count = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM ");
                count.push(GHOST_TAGS).push(" WHERE ");
                push_filter(&mut count, filter, &|q, c| push_tag_condition(q, c));
                let total = self.count(count).await?;

                let counts = counts || order.iter().any(|o| o.field == super::TagField::PostCount);
                let mut query = sqlx::QueryBuilder::<$db>::new(
                    "SELECT g.section_id, g.tag_id, g.slug, g.name, g.description",
                );
                if counts {
                    super::ghost::push_tag_post_count(&mut query, now);
                }
                query.push(" FROM ").push(GHOST_TAGS).push(" WHERE ");
                push_filter(&mut query, filter, &|q, c| push_tag_condition(q, c));
                super::ghost::push_tag_order(&mut query, order, $collate);
                super::ghost::push_window(&mut query, window);
                let rows = query.build().fetch_all(&self.pool).await.map_err(backend)?;
                let items = rows
                    .iter()
                    .map(|row| super::ghost::ghost_tag_from_row(row, counts))
                    .collect::<super::StoreResult<Vec<_>>>()?;
                Ok(super::Paged { items, total })
            }

            async fn content_authors(
                &self,
                filter: &super::Filter<super::AuthorCondition>,
                order: &[super::Order<super::AuthorField>],
                window: super::Window,
                counts: bool,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::Paged<(super::Author, Option<i64>)>> {
                use super::ghost::{push_author_condition, push_filter};
                let mut count =
                    sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM authors au WHERE ");
                push_filter(&mut count, filter, &|q, c| push_author_condition(q, c));
                let total = self.count(count).await?;

                let counts = counts
                    || order
                        .iter()
                        .any(|o| o.field == super::AuthorField::PostCount);
                let mut query = sqlx::QueryBuilder::<$db>::new(
                    "SELECT au.id, au.slug, au.name, au.bio, au.photo_url",
                );
                if counts {
                    super::ghost::push_author_post_count(&mut query, now);
                }
                query.push(" FROM authors au WHERE ");
                push_filter(&mut query, filter, &|q, c| push_author_condition(q, c));
                super::ghost::push_author_order(&mut query, order, $collate);
                super::ghost::push_window(&mut query, window);
                let rows = query.build().fetch_all(&self.pool).await.map_err(backend)?;
                let mut items = Vec::with_capacity(rows.len());
                for row in &rows {
                    let posts = if counts {
                        Some(super::rows::StoredRow::int(row, "post_count")?)
                    } else {
                        None
                    };
                    items.push((author_from_row(row)?, posts));
                }
                Ok(super::Paged { items, total })
            }
        }
    };
}
pub(super) use content_api_store;

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_patterns_match_the_text_as_written() {
        assert_eq!(like_pattern("%", "50%_off\\", "%"), "%50\\%\\_off\\\\%");
        assert_eq!(like_pattern("", "Ferry", "%"), "ferry%");
    }
}
