//! NQL filters (`nql::Expr`) turned into the store's typed filters, field by field: each
//! resource names the fields it can be filtered on, and anything else is refused with the
//! list of those it knows. Values are checked here (dates read, ids decoded), so what
//! reaches the store is always well formed.

use jiff::{Span, Timestamp, ToSpan};

use super::ids::{self, Kind};
use super::nql::{Condition, Expr, Test, Unit, Value};
use crate::store::{
    AuthorCondition, Filter, StoryCondition, StoryTime, TagCondition, Text, TimeComparison,
};

/// Why a filter cannot be used, in a sentence for the person who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError(pub String);

impl std::fmt::Display for FilterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub const POST_FIELDS: &str = "id, slug, title, tag, tags, primary_tag, author, authors, \
     primary_author, published_at, updated_at, created_at, featured, visibility, status";
pub const TAG_FIELDS: &str = "id, slug, name, visibility";
pub const AUTHOR_FIELDS: &str = "id, slug, name";

/// A filter on posts (and pages: they share Ghost's fields).
pub fn posts(expr: &Expr, now: Timestamp) -> Result<Filter<StoryCondition>, FilterError> {
    translate(expr, &|c| post_condition(c, now))
}

pub fn tags(expr: &Expr) -> Result<Filter<TagCondition>, FilterError> {
    translate(expr, &tag_condition)
}

pub fn authors(expr: &Expr) -> Result<Filter<AuthorCondition>, FilterError> {
    translate(expr, &author_condition)
}

fn translate<C>(
    expr: &Expr,
    condition: &dyn Fn(&Condition) -> Result<Filter<C>, FilterError>,
) -> Result<Filter<C>, FilterError> {
    Ok(match expr {
        Expr::All(parts) => Filter::All(
            parts
                .iter()
                .map(|p| translate(p, condition))
                .collect::<Result<_, _>>()?,
        ),
        Expr::Any(parts) => Filter::Any(
            parts
                .iter()
                .map(|p| translate(p, condition))
                .collect::<Result<_, _>>()?,
        ),
        Expr::Condition(c) => {
            let filter = condition(c)?;
            if c.negated {
                Filter::Not(Box::new(filter))
            } else {
                filter
            }
        }
    })
}

fn unknown(condition: &Condition, fields: &str) -> FilterError {
    FilterError(format!(
        "\"{}\" (at character {}) is not a field this can be filtered on; use {fields}",
        condition.field, condition.at
    ))
}

fn post_condition(c: &Condition, now: Timestamp) -> Result<Filter<StoryCondition>, FilterError> {
    let slug = |make: fn(Text) -> StoryCondition| text_test(c, true).map(|t| t.map(make));
    match c.field.as_str() {
        "id" => id_test(c, &[Kind::Post], |_, ids| StoryCondition::Id(ids)),
        "slug" => slug(StoryCondition::Slug),
        "title" => text_test(c, false).map(|t| t.map(StoryCondition::Title)),
        "tag" | "tags" | "tags.slug" => slug(StoryCondition::Tag),
        "primary_tag" | "primary_tag.slug" => slug(StoryCondition::PrimaryTag),
        "author" | "authors" | "authors.slug" => slug(StoryCondition::Author),
        "primary_author" | "primary_author.slug" => slug(StoryCondition::PrimaryAuthor),
        "published_at" => time_test(c, StoryTime::Published, now),
        "updated_at" => time_test(c, StoryTime::Updated, now),
        "created_at" => time_test(c, StoryTime::Created, now),
        // What every story served here is: not featured, public, published.
        "featured" => constant(c, &Value::Bool(false)),
        "visibility" => constant(c, &Value::Text("public".into())),
        "status" => constant(c, &Value::Text("published".into())),
        _ => Err(unknown(c, POST_FIELDS)),
    }
}

fn tag_condition(c: &Condition) -> Result<Filter<TagCondition>, FilterError> {
    match c.field.as_str() {
        "id" => id_test(c, &[Kind::Section, Kind::Tag], |kind, ids| match kind {
            Kind::Section => TagCondition::Section(ids),
            _ => TagCondition::Tag(ids),
        }),
        "slug" => text_test(c, true).map(|t| t.map(TagCondition::Slug)),
        "name" => text_test(c, false).map(|t| t.map(TagCondition::Name)),
        "visibility" => constant(c, &Value::Text("public".into())),
        _ => Err(unknown(c, TAG_FIELDS)),
    }
}

fn author_condition(c: &Condition) -> Result<Filter<AuthorCondition>, FilterError> {
    match c.field.as_str() {
        "id" => id_test(c, &[Kind::Author], |_, ids| AuthorCondition::Id(ids)),
        "slug" => text_test(c, true).map(|t| t.map(AuthorCondition::Slug)),
        "name" => text_test(c, false).map(|t| t.map(AuthorCondition::Name)),
        _ => Err(unknown(c, AUTHOR_FIELDS)),
    }
}

/// Applies a condition maker inside a filter.
trait MapIs<A> {
    fn map<B>(self, make: impl Fn(A) -> B) -> Filter<B>;
}

impl<A> MapIs<A> for Filter<A> {
    fn map<B>(self, make: impl Fn(A) -> B) -> Filter<B> {
        fn go<A, B>(filter: Filter<A>, make: &dyn Fn(A) -> B) -> Filter<B> {
            match filter {
                Filter::All(parts) => Filter::All(parts.into_iter().map(|p| go(p, make)).collect()),
                Filter::Any(parts) => Filter::Any(parts.into_iter().map(|p| go(p, make)).collect()),
                Filter::Not(inner) => Filter::Not(Box::new(go(*inner, make))),
                Filter::Is(c) => Filter::Is(make(c)),
                Filter::Always(b) => Filter::Always(b),
            }
        }
        go(self, &make)
    }
}

/// A value read as text, for fields of text; `None` for null.
fn as_text(c: &Condition, value: &Value, lower: bool) -> Result<Option<String>, FilterError> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.clone(),
        Value::Text(t) => t.clone(),
        Value::Relative { .. } => {
            return Err(FilterError(format!(
                "{} (at character {}) is text, not a date: it cannot be compared with now±…",
                c.field, c.at
            )));
        }
    };
    Ok(Some(if lower { text.to_lowercase() } else { text }))
}

/// A test on a field of text (`lower`: a slug, compared in lower case). No field of text
/// served here is ever null, so `field:null` matches nothing.
fn text_test(c: &Condition, lower: bool) -> Result<Filter<Text>, FilterError> {
    let single = |value: &Value, make: fn(String) -> Text| {
        Ok::<_, FilterError>(match as_text(c, value, lower)? {
            Some(text) => Filter::Is(make(text)),
            None => Filter::Always(false),
        })
    };
    match &c.test {
        Test::Equals(value) => single(value, Text::Is),
        Test::Contains(value) => single(value, Text::Contains),
        Test::StartsWith(value) => single(value, Text::StartsWith),
        Test::EndsWith(value) => single(value, Text::EndsWith),
        Test::OneOf(values) => {
            let mut texts = Vec::new();
            for value in values {
                if let Some(text) = as_text(c, value, lower)? {
                    texts.push(text);
                }
            }
            Ok(Filter::Is(Text::OneOf(texts)))
        }
        Test::Greater(_) | Test::GreaterOrEqual(_) | Test::Less(_) | Test::LessOrEqual(_) => {
            Err(FilterError(format!(
                "{} (at character {}) is text: compare it with :, :-, :[…] or :~, not with > or <",
                c.field, c.at
            )))
        }
    }
}

/// A test on `id`: Ghost ids of the given kinds. An id that names nothing here matches
/// nothing, as an unknown id would on Ghost.
fn id_test<C>(
    c: &Condition,
    kinds: &[Kind],
    make: impl Fn(Kind, Vec<i64>) -> C,
) -> Result<Filter<C>, FilterError> {
    let values: Vec<&Value> = match &c.test {
        Test::Equals(value) => vec![value],
        Test::OneOf(values) => values.iter().collect(),
        _ => {
            return Err(FilterError(format!(
                "id (at character {}) is compared with id:… or id:[…], not with >, < or ~",
                c.at
            )));
        }
    };
    let mut groups: Vec<(Kind, Vec<i64>)> = kinds.iter().map(|k| (*k, Vec::new())).collect();
    for value in values {
        let Some(text) = as_text(c, value, true)? else {
            continue;
        };
        if let Some((kind, number)) = ids::decode(&text)
            && let Some((_, group)) = groups.iter_mut().find(|(k, _)| *k == kind)
        {
            group.push(number);
        }
    }
    let parts: Vec<Filter<C>> = groups
        .into_iter()
        .filter(|(_, numbers)| !numbers.is_empty())
        .map(|(kind, numbers)| Filter::Is(make(kind, numbers)))
        .collect();
    Ok(match parts.len() {
        0 => Filter::Always(false),
        1 => parts.into_iter().next().unwrap_or(Filter::Always(false)),
        _ => Filter::Any(parts),
    })
}

/// A field whose value is the same for everything served here.
fn constant<C>(c: &Condition, value: &Value) -> Result<Filter<C>, FilterError> {
    let same = |other: &Value| match (value, other) {
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Text(a), Value::Text(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    let matches = match &c.test {
        Test::Equals(other) => same(other),
        Test::OneOf(others) => others.iter().any(same),
        Test::Contains(Value::Text(part)) => {
            matches!(value, Value::Text(v) if v.contains(part.to_lowercase().as_str()))
        }
        Test::StartsWith(Value::Text(part)) => {
            matches!(value, Value::Text(v) if v.starts_with(part.to_lowercase().as_str()))
        }
        Test::EndsWith(Value::Text(part)) => {
            matches!(value, Value::Text(v) if v.ends_with(part.to_lowercase().as_str()))
        }
        _ => {
            return Err(FilterError(format!(
                "{} (at character {}) is compared with :value or :[…]",
                c.field, c.at
            )));
        }
    };
    Ok(Filter::Always(matches))
}

fn time_test(
    c: &Condition,
    time: StoryTime,
    now: Timestamp,
) -> Result<Filter<StoryCondition>, FilterError> {
    let at = |value: &Value| -> Result<Option<Timestamp>, FilterError> {
        match value {
            Value::Null => Ok(None),
            other => moment(c, other, now).map(Some),
        }
    };
    let compare =
        |op: TimeComparison, value: &Value| -> Result<Filter<StoryCondition>, FilterError> {
            Ok(match at(value)? {
                Some(when) => Filter::Is(StoryCondition::Time(time, op, when)),
                // A public story always has all three times.
                None => Filter::Always(false),
            })
        };
    match &c.test {
        Test::Equals(value) => compare(TimeComparison::Equal, value),
        Test::Greater(value) => compare(TimeComparison::After, value),
        Test::GreaterOrEqual(value) => compare(TimeComparison::AtOrAfter, value),
        Test::Less(value) => compare(TimeComparison::Before, value),
        Test::LessOrEqual(value) => compare(TimeComparison::AtOrBefore, value),
        Test::OneOf(values) => Ok(Filter::Any(
            values
                .iter()
                .map(|v| compare(TimeComparison::Equal, v))
                .collect::<Result<_, _>>()?,
        )),
        Test::Contains(_) | Test::StartsWith(_) | Test::EndsWith(_) => Err(FilterError(format!(
            "{} (at character {}) is a date: compare it with :, :>, :>=, :< or :<=, not with ~",
            c.field, c.at
        ))),
    }
}

/// A date as NQL writes it: `'2024-07-17 11:32:00'` (UTC, as Ghost stores times),
/// `2024-07-17`, RFC 3339 with an offset, or `now-30d`.
fn moment(c: &Condition, value: &Value, now: Timestamp) -> Result<Timestamp, FilterError> {
    let bad = |text: &str| {
        FilterError(format!(
            "{} (at character {}): \"{text}\" is not a date; write 'YYYY-MM-DD HH:MM:SS' (UTC), \
             YYYY-MM-DD, an RFC 3339 time or now-30d",
            c.field, c.at
        ))
    };
    match value {
        Value::Relative { amount, unit } => {
            let span: Span = match unit {
                Unit::Seconds => amount.seconds(),
                Unit::Minutes => amount.minutes(),
                Unit::Hours => amount.hours(),
                Unit::Days => amount.days(),
                Unit::Weeks => amount.weeks(),
                Unit::Months => amount.months(),
                Unit::Years => amount.years(),
            };
            now.to_zoned(jiff::tz::TimeZone::UTC)
                .checked_add(span)
                .map(|z| z.timestamp())
                .map_err(|_| bad(&format!("now{amount:+}")))
        }
        Value::Text(text) if text == "now" => Ok(now),
        Value::Text(text) | Value::Number(text) => parse_date(text).ok_or_else(|| bad(text)),
        Value::Bool(b) => Err(bad(&b.to_string())),
        Value::Null => Err(bad("null")),
    }
}

fn parse_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(at) = text.parse::<Timestamp>() {
        return Some(at);
    }
    let utc = |civil: jiff::civil::DateTime| {
        civil
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp())
    };
    if let Ok(civil) = text.replacen(' ', "T", 1).parse::<jiff::civil::DateTime>() {
        return utc(civil);
    }
    text.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|date| utc(date.to_datetime(jiff::civil::Time::midnight())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ghost::nql::parse;

    fn post_filter(filter: &str) -> Result<Filter<StoryCondition>, FilterError> {
        let expr = parse(filter).expect("parses").expect("not empty");
        posts(&expr, "2024-07-17T12:00:00Z".parse().expect("now"))
    }

    fn at(text: &str) -> Timestamp {
        text.parse().expect("time")
    }

    #[test]
    fn post_fields_become_story_conditions() {
        assert_eq!(
            post_filter("tag:News"),
            Ok(Filter::Is(StoryCondition::Tag(Text::Is("news".into()))))
        );
        assert_eq!(
            post_filter("primary_tag:-sport"),
            Ok(Filter::Not(Box::new(Filter::Is(
                StoryCondition::PrimaryTag(Text::Is("sport".into()))
            ))))
        );
        assert_eq!(
            post_filter("authors.slug:[amina,tomas]"),
            Ok(Filter::Is(StoryCondition::Author(Text::OneOf(vec![
                "amina".into(),
                "tomas".into()
            ]))))
        );
        assert_eq!(
            post_filter("title:~'Ferry'"),
            Ok(Filter::Is(StoryCondition::Title(Text::Contains(
                "Ferry".into()
            ))))
        );
    }

    #[test]
    fn dates_are_read_in_every_form_ghost_clients_send() {
        let after = |t| {
            Ok(Filter::Is(StoryCondition::Time(
                StoryTime::Published,
                TimeComparison::After,
                at(t),
            )))
        };
        assert_eq!(
            post_filter("published_at:>'2024-07-01 10:30:00'"),
            after("2024-07-01T10:30:00Z")
        );
        assert_eq!(
            post_filter("published_at:>2024-07-01"),
            after("2024-07-01T00:00:00Z")
        );
        assert_eq!(
            post_filter("published_at:>'2024-07-01T13:30:00+03:00'"),
            after("2024-07-01T10:30:00Z")
        );
        assert_eq!(
            post_filter("published_at:>now-2d"),
            after("2024-07-15T12:00:00Z")
        );
        assert!(
            post_filter("published_at:>yesterday")
                .expect_err("not a date")
                .0
                .contains("is not a date")
        );
    }

    #[test]
    fn ids_name_only_records_of_their_kind() {
        let post = ids::encode(Kind::Post, 5);
        let author = ids::encode(Kind::Author, 5);
        assert_eq!(
            post_filter(&format!("id:{post}")),
            Ok(Filter::Is(StoryCondition::Id(vec![5])))
        );
        assert_eq!(
            post_filter(&format!("id:{author}")),
            Ok(Filter::Always(false))
        );
        assert_eq!(
            post_filter(&format!("id:-[{post},5ddc9141c35e7700383b2937]")),
            Ok(Filter::Not(Box::new(Filter::Is(StoryCondition::Id(vec![
                5
            ])))))
        );
        let section = ids::encode(Kind::Section, 2);
        let tag = ids::encode(Kind::Tag, 9);
        let expr = parse(&format!("id:[{section},{tag}]"))
            .expect("parses")
            .expect("filter");
        assert_eq!(
            tags(&expr),
            Ok(Filter::Any(vec![
                Filter::Is(TagCondition::Section(vec![2])),
                Filter::Is(TagCondition::Tag(vec![9]))
            ]))
        );
    }

    #[test]
    fn fields_with_one_value_here_match_all_or_nothing() {
        assert_eq!(post_filter("featured:true"), Ok(Filter::Always(false)));
        assert_eq!(post_filter("featured:false"), Ok(Filter::Always(true)));
        assert_eq!(post_filter("visibility:public"), Ok(Filter::Always(true)));
        assert_eq!(
            post_filter("visibility:[paid,members]"),
            Ok(Filter::Always(false))
        );
        assert_eq!(post_filter("slug:null"), Ok(Filter::Always(false)));
    }

    #[test]
    fn unknown_fields_and_wrong_comparisons_are_refused_by_name() {
        let error = post_filter("colour:red").expect_err("unknown");
        assert!(error.0.contains("\"colour\""), "{error}");
        assert!(error.0.contains("primary_tag"), "{error}");
        assert!(post_filter("slug:>b").is_err());
        assert!(post_filter("published_at:~2024").is_err());
        assert!(post_filter("id:>5").is_err());
        let expr = parse("title:x").expect("parses").expect("filter");
        assert!(
            tags(&expr)
                .expect_err("not a tag field")
                .0
                .contains("slug, name")
        );
    }
}
