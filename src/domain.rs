//! Domain types that validate themselves once, so the rest of the code never checks again.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, Phrase};

/// One problem with one field of what a person submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    /// In English, as the API reports it.
    pub message: String,
    /// The same problem as a message id, for the newsroom's pages in the site's language;
    /// `None` where the rule has no translated wording yet (the English is shown).
    #[serde(skip)]
    pub phrase: Option<Phrase>,
}

impl FieldError {
    /// The problem in a language's words: its phrase, or the English where it has none.
    /// English keeps the rule's own sentence, which names the field.
    pub fn in_language(&self, locale: &Locale) -> String {
        match &self.phrase {
            Some(phrase) if locale.code() != "en" => phrase.in_language(locale),
            _ => self.message.clone(),
        }
    }
}

/// What a check says when it refuses a value: an English sentence for the API and logs,
/// and, where the rule has one, the message id that says it in the newsroom's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub english: String,
    pub phrase: Option<Phrase>,
}

impl Problem {
    pub fn new(english: impl Into<String>, phrase: Phrase) -> Problem {
        Problem {
            english: english.into(),
            phrase: Some(phrase),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

impl From<String> for Problem {
    fn from(english: String) -> Problem {
        Problem {
            english,
            phrase: None,
        }
    }
}

impl From<&String> for Problem {
    fn from(english: &String) -> Problem {
        english.clone().into()
    }
}

impl From<&str> for Problem {
    fn from(english: &str) -> Problem {
        english.to_owned().into()
    }
}

impl From<Problem> for String {
    fn from(problem: Problem) -> String {
        problem.english
    }
}

/// Every problem found in one submission, so a person can fix them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: &str, message: impl Into<Problem>) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    pub fn add(&mut self, field: &str, message: impl Into<Problem>) {
        let problem = message.into();
        self.0.push(FieldError {
            field: field.to_owned(),
            message: problem.english,
            phrase: problem.phrase,
        });
    }

    /// A problem in English with the message id that says it in other languages.
    pub fn say(&mut self, field: &str, english: impl Into<String>, phrase: Phrase) {
        self.add(field, Problem::new(english, phrase));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps the value of a check that passed and records the message of one that failed.
    pub fn check<T, E: Into<Problem>>(&mut self, field: &str, result: Result<T, E>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for FieldErrors {}

/// Trims a required piece of text and checks its length in characters.
pub fn required_text(value: &str, what: &str, max_chars: usize) -> Result<String, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Problem::new(
            format!("{what} is required"),
            Phrase::new("field-required"),
        ));
    }
    limited_text(trimmed, what, max_chars)
}

/// Trims optional text; an empty string means "not given".
pub fn optional_text(
    value: Option<&str>,
    what: &str,
    max_chars: usize,
) -> Result<Option<String>, Problem> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => limited_text(text, what, max_chars).map(Some),
    }
}

fn limited_text(text: &str, what: &str, max_chars: usize) -> Result<String, Problem> {
    let count = text.chars().count();
    if count > max_chars {
        return Err(Problem::new(
            format!("{what} is {count} characters long; the limit is {max_chars}"),
            Phrase::new("field-too-long")
                .with("count", count)
                .with("limit", max_chars),
        ));
    }
    if text.chars().any(|c| c == '\0') {
        return Err(Problem::new(
            format!("{what} contains a NUL character"),
            Phrase::new("field-nul"),
        ));
    }
    Ok(text.to_owned())
}

/// The URL-safe name of an article, section, tag or author: `a-z`, `0-9` and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Slug, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slug::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Slug {
    pub const MAX_LEN: usize = 120;

    pub fn parse(value: &str) -> Result<Slug, Problem> {
        let value = value.trim();
        if value.is_empty() {
            return Err(Problem::new(
                "slug must not be empty",
                Phrase::new("field-required"),
            ));
        }
        if value.len() > Self::MAX_LEN {
            return Err(Problem::new(
                format!(
                    "slug is {} characters long; the limit is {}",
                    value.len(),
                    Self::MAX_LEN
                ),
                Phrase::new("field-too-long")
                    .with("count", value.len())
                    .with("limit", Self::MAX_LEN),
            ));
        }
        let valid_chars = value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid_chars || value.starts_with('-') || value.ends_with('-') || value.contains("--") {
            return Err(Problem::new(
                format!(
                    "slug \"{value}\" may only hold lowercase letters, digits and single hyphens between them, like \"city-council-votes\""
                ),
                Phrase::new("field-slug").with("value", value),
            ));
        }
        Ok(Slug(value.to_owned()))
    }

    /// Makes a slug from a title or name, transliterating accents and other scripts.
    pub fn from_title(title: &str) -> Slug {
        let mut slug = slug::slugify(title);
        if slug.len() > 80 {
            let cut = slug[..80].rfind('-').unwrap_or(80);
            slug.truncate(cut);
        }
        let slug = slug.trim_matches('-').to_owned();
        if slug.is_empty() {
            Slug("untitled".into())
        } else {
            Slug(slug)
        }
    }

    /// The n-th alternative when this slug is taken: `slug-2`, `slug-3`, ...
    pub fn with_suffix(&self, n: u32) -> Slug {
        Slug(format!("{}-{n}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A language an edition of the site is in: a BCP 47 primary language (`sw`, `fr`, `ar`),
/// with a region where a site needs one (`pt-BR`). Small enough to copy, so a list's
/// filter can name its edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(tinystr::TinyAsciiStr<8>);

impl Language {
    /// Reads `sw`, `SW`, `pt-br` or `pt_BR` as the code it is (`pt-BR`), or says what a
    /// language code looks like.
    pub fn parse(value: &str) -> Result<Language, Problem> {
        let text = value.trim().replace('_', "-");
        let refuse = || {
            Problem::new(
                format!(
                    "\"{}\" is not a language code; use two or three letters, like \"sw\", \"fr\" or \"ar\" (with a region where needed: \"pt-BR\")",
                    value.trim()
                ),
                Phrase::new("field-language").with("value", value.trim()),
            )
        };
        let (primary, region) = match text.split_once('-') {
            Some((primary, region)) => (primary, Some(region)),
            None => (text.as_str(), None),
        };
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(refuse());
        }
        let mut code = primary.to_ascii_lowercase();
        if let Some(region) = region {
            let letters = region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic());
            let digits = region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit());
            if !(letters || digits) {
                return Err(refuse());
            }
            code.push('-');
            code.push_str(&region.to_ascii_uppercase());
        }
        tinystr::TinyAsciiStr::try_from_str(&code)
            .map(Language)
            .map_err(|_| refuse())
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Language, D::Error> {
        let text = String::deserialize(deserializer)?;
        Language::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// An email address as people type it, stored lowercased so it matches however it is typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(value: &str) -> Result<Email, Problem> {
        let value = value.trim().to_lowercase();
        let refuse = |english: String| {
            Problem::new(
                english,
                Phrase::new("field-email").with("value", value.as_str()),
            )
        };
        let Some((local, domain)) = value.split_once('@') else {
            return Err(refuse(format!(
                "\"{value}\" is not an email address (it has no @)"
            )));
        };
        let plausible = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && value.len() <= 254
            && !value.chars().any(|c| c.is_whitespace() || c.is_control());
        if plausible {
            Ok(Email(value))
        } else {
            Err(refuse(format!("\"{value}\" is not an email address")))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a member of the newsroom may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Contributor,
    Author,
    Editor,
    Admin,
}

impl Role {
    pub fn parse(value: &str) -> Result<Role, Problem> {
        match value.trim().to_lowercase().as_str() {
            "contributor" => Ok(Role::Contributor),
            "author" => Ok(Role::Author),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            other => Err(Problem::new(
                format!("\"{other}\" is not a role; use admin, editor, author or contributor"),
                Phrase::new("field-role").with("value", other),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Contributor => "contributor",
            Role::Author => "author",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// The role as a sentence names someone: "a contributor", "an author", "an editor",
    /// "an admin".
    pub fn with_article(self) -> &'static str {
        match self {
            Role::Contributor => "a contributor",
            Role::Author => "an author",
            Role::Editor => "an editor",
            Role::Admin => "an admin",
        }
    }

    /// Contributors write drafts; everyone else may put their work in front of readers.
    pub fn can_publish(self) -> bool {
        self != Role::Contributor
    }

    /// Editors and admins run sections, tags and authors and may touch anyone's articles.
    pub fn is_editor(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }
}

/// Where an article is on its way to readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleStatus {
    Draft,
    Scheduled,
    Published,
}

impl ArticleStatus {
    pub fn parse(value: &str) -> Result<ArticleStatus, String> {
        match value {
            "draft" => Ok(ArticleStatus::Draft),
            "scheduled" => Ok(ArticleStatus::Scheduled),
            "published" => Ok(ArticleStatus::Published),
            other => Err(format!(
                "\"{other}\" is not a status; use draft, review, scheduled or published"
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::Scheduled => "scheduled",
            ArticleStatus::Published => "published",
        }
    }
}

/// What kind of story an article is: ordinary text, or one of the formats that carry more
/// than text (a live blog's stream of entries, a photo gallery, a lead video, a numbered list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleFormat {
    #[default]
    Standard,
    Live,
    Gallery,
    Video,
    List,
}

impl ArticleFormat {
    pub const ALL: [ArticleFormat; 5] = [
        ArticleFormat::Standard,
        ArticleFormat::Live,
        ArticleFormat::Gallery,
        ArticleFormat::Video,
        ArticleFormat::List,
    ];

    pub fn parse(value: &str) -> Result<ArticleFormat, String> {
        let value = value.trim();
        ArticleFormat::ALL
            .into_iter()
            .find(|format| format.as_str() == value)
            .ok_or_else(|| {
                format!(
                    "\"{value}\" is not a story format; use standard, live, gallery, video or list"
                )
            })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ArticleFormat::Standard => "standard",
            ArticleFormat::Live => "live",
            ArticleFormat::Gallery => "gallery",
            ArticleFormat::Video => "video",
            ArticleFormat::List => "list",
        }
    }

    /// The name an editor sees in the format picker.
    pub fn label(self) -> &'static str {
        match self {
            ArticleFormat::Standard => "Standard story",
            ArticleFormat::Live => "Live blog",
            ArticleFormat::Gallery => "Photo gallery",
            ArticleFormat::Video => "Video",
            ArticleFormat::List => "Numbered list",
        }
    }
}

/// The name of a reaction a reader can give, like `love`: lowercase letters, digits, `-`/`_`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ReactionKind(String);

impl ReactionKind {
    pub fn parse(value: &str) -> Result<ReactionKind, String> {
        let value = value.trim();
        let valid = !value.is_empty()
            && value.len() <= 24
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if valid {
            Ok(ReactionKind(value.to_owned()))
        } else {
            Err(format!(
                "\"{value}\" is not a reaction name; use up to 24 lowercase letters, digits, - or _"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReactionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An IANA time zone such as `Africa/Nairobi`, checked against the bundled database.
#[derive(Debug, Clone)]
pub struct SiteTimeZone {
    name: String,
    zone: jiff::tz::TimeZone,
}

impl SiteTimeZone {
    pub fn parse(name: &str) -> Result<SiteTimeZone, String> {
        let name = name.trim();
        match jiff::tz::TimeZone::get(name) {
            Ok(zone) if !name.is_empty() => Ok(SiteTimeZone {
                name: name.to_owned(),
                zone,
            }),
            _ => Err(format!(
                "\"{name}\" is not an IANA time zone name; use one like Africa/Nairobi, Europe/London or UTC"
            )),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn zone(&self) -> &jiff::tz::TimeZone {
        &self.zone
    }

    /// The newspaper's date line: `Jul 17, 2024 - 11:32` in this zone.
    pub fn format_dateline(&self, at: jiff::Timestamp) -> String {
        at.to_zoned(self.zone.clone())
            .strftime("%b %-d, %Y - %H:%M")
            .to_string()
    }

    /// When a scheduled story goes live, as the editor reads it after saving:
    /// `goes live at 14:30 (in 2 hours)`, with the date when it is not today.
    pub fn goes_live(&self, at: jiff::Timestamp, now: jiff::Timestamp) -> String {
        self.goes_live_in(at, now, &Locale::english())
    }

    /// [`SiteTimeZone::goes_live`] in a language's words and digits, for the newsroom:
    /// `goes live at 14:30 (in 2 hours)`, `itachapishwa saa 14:30 (baada ya saa 2)`.
    pub fn goes_live_in(
        &self,
        at: jiff::Timestamp,
        now: jiff::Timestamp,
        locale: &Locale,
    ) -> String {
        let local = at.to_zoned(self.zone.clone());
        let today = now.to_zoned(self.zone.clone()).date();
        let time = locale.digits(&local.strftime("%H:%M").to_string());
        let wait = in_how_long_in(at, now, locale);
        if local.date() == today {
            return locale.format(
                "ed-goes-live-today",
                &[("time", time.into()), ("wait", wait.into())],
            );
        }
        let month = i64::from(local.month());
        locale.format(
            "ed-goes-live-day",
            &[
                ("time", time.into()),
                (
                    "mon",
                    locale.format("month-short", &[("n", month.into())]).into(),
                ),
                ("day", locale.digits(&local.day().to_string()).into()),
                ("year", locale.digits(&local.year().to_string()).into()),
                ("wait", wait.into()),
            ],
        )
    }

    /// RFC 3339 with this zone's offset, for `<time datetime>` and the API.
    pub fn format_rfc3339(&self, at: jiff::Timestamp) -> String {
        at.to_zoned(self.zone.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string()
    }
}

/// How far off a time is, in the largest whole unit a person would say, in a language's
/// words: `in 2 hours`, `baada ya saa 2`.
pub fn in_how_long_in(at: jiff::Timestamp, now: jiff::Timestamp, locale: &Locale) -> String {
    match time_span(at, now) {
        Some((count, unit)) => {
            locale.format(&format!("ed-wait-{unit}"), &[("count", count.into())])
        }
        None => locale.t("ed-wait-now"),
    }
}

/// How far ahead `at` is, in the largest whole unit a person would say, as a count and
/// `minutes`, `hours` or `days`; `None` when it is not ahead.
pub fn time_span(at: jiff::Timestamp, now: jiff::Timestamp) -> Option<(i64, &'static str)> {
    let seconds = at.as_second() - now.as_second();
    if seconds <= 0 {
        return None;
    }
    let minutes = (seconds + 59) / 60;
    Some(if minutes < 60 {
        (minutes, "minutes")
    } else if minutes < 48 * 60 {
        (minutes / 60, "hours")
    } else {
        (minutes / (24 * 60), "days")
    })
}

/// A record's id as it appears in an address: a positive whole number written plainly.
/// `+1`, `01`, ` 1` and `-1` are not ids, so each record has exactly one address.
pub fn parse_id(text: &str) -> Option<i64> {
    let plain = text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0');
    plain
        .then(|| text.parse::<i64>().ok())
        .flatten()
        .filter(|id| *id > 0)
}

/// A URL an author may point at for an image or link: absolute http(s) or a path on this site.
/// Browsers read `\` as `/` and drop tabs and line breaks inside a URL, so `/\evil.test/x.png`
/// or `/<tab>/evil.test` would load from another host: any of them is refused, as is `//`.
pub fn parse_public_url(value: &str, what: &str) -> Result<String, Problem> {
    let value = value.trim();
    let refuse = |english: String, id: &'static str| Err(Problem::new(english, Phrase::new(id)));
    if value.is_empty() {
        return refuse(format!("{what} is required"), "field-required");
    }
    if value.len() > 2000 {
        return refuse(
            format!("{what} is longer than 2000 characters"),
            "field-url-long",
        );
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return refuse(
            format!(
                "{what} must not contain spaces, tabs, line breaks or other control characters"
            ),
            "field-url-spaces",
        );
    }
    if value.contains('\\') {
        return refuse(
            format!(
                "{what} must not contain a backslash (\\): browsers read it as /, which can send \
                 readers to another site; use / in paths"
            ),
            "field-url-backslash",
        );
    }
    if value.starts_with("//") {
        return refuse(
            format!(
                "{what} starts with //, which names another site: write a path on this site with a \
                 single / (like /media/photo-640.jpg), or a whole https:// address"
            ),
            "field-url-other-site",
        );
    }
    let lower = value.to_ascii_lowercase();
    let absolute = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    match absolute {
        // The host comes right after the scheme; browsers would skip extra slashes.
        Some(rest) if rest.is_empty() || rest.starts_with('/') => refuse(
            format!(
                "{what} has no host after the scheme: write it like https://example.com/photo.jpg"
            ),
            "field-url-no-host",
        ),
        Some(_) => Ok(value.to_owned()),
        None if value.starts_with('/') => Ok(value.to_owned()),
        None => refuse(
            format!("{what} must be an http(s) URL or a path on this site starting with /"),
            "field-url-kind",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scheduled_time_reads_as_when_and_how_long() {
        let zone = SiteTimeZone::parse("Africa/Nairobi").expect("zone");
        let now: jiff::Timestamp = "2026-07-17T09:30:00+03:00".parse().expect("time");
        let later: jiff::Timestamp = "2026-07-17T11:30:00+03:00".parse().expect("time");
        assert_eq!(
            zone.goes_live(later, now),
            "goes live at 11:30 (in 2 hours)"
        );
        let soon: jiff::Timestamp = "2026-07-17T09:31:00+03:00".parse().expect("time");
        assert_eq!(
            zone.goes_live(soon, now),
            "goes live at 09:31 (in 1 minute)"
        );
        let next_week: jiff::Timestamp = "2026-07-24T08:00:00+03:00".parse().expect("time");
        assert_eq!(
            zone.goes_live(next_week, now),
            "goes live at 08:00 on Jul 24, 2026 (in 6 days)"
        );
    }

    #[test]
    fn slugs_come_from_titles_in_any_script() {
        assert_eq!(
            Slug::from_title("City Council Votes: 7–2!").as_str(),
            "city-council-votes-7-2"
        );
        assert_eq!(
            Slug::from_title("Café à Nairobi").as_str(),
            "cafe-a-nairobi"
        );
        assert_eq!(Slug::from_title("!!!").as_str(), "untitled");
        assert!(Slug::from_title(&"word ".repeat(100)).as_str().len() <= 80);
    }

    #[test]
    fn slugs_refuse_what_a_url_cannot_hold() {
        for bad in [
            "",
            "Upper",
            "two--hyphens",
            "-lead",
            "trail-",
            "sp ace",
            "../etc",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(Slug::parse("fine-slug-2").is_ok());
    }

    #[test]
    fn dateline_matches_the_reference_paper() {
        let tz = SiteTimeZone::parse("Africa/Nairobi").expect("zone");
        let at: jiff::Timestamp = "2024-07-17T08:32:00Z".parse().expect("timestamp");
        assert_eq!(tz.format_dateline(at), "Jul 17, 2024 - 11:32");
        let at: jiff::Timestamp = "2024-07-07T08:32:00Z".parse().expect("timestamp");
        assert_eq!(tz.format_dateline(at), "Jul 7, 2024 - 11:32");
        assert_eq!(tz.format_rfc3339(at), "2024-07-07T11:32:00+03:00");
    }

    #[test]
    fn unknown_time_zones_are_refused() {
        assert!(SiteTimeZone::parse("Mars/Olympus_Mons").is_err());
        assert!(SiteTimeZone::parse("").is_err());
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        assert_eq!(
            Email::parse(" Jane@Example.COM ").expect("email").as_str(),
            "jane@example.com"
        );
        for bad in ["jane", "@example.com", "jane@example", "ja ne@example.com"] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn public_urls_refuse_scripts() {
        assert!(parse_public_url("javascript:alert(1)", "url").is_err());
        assert!(parse_public_url("//evil.example/x.png", "url").is_err());
        assert!(parse_public_url("data:image/png;base64,xx", "url").is_err());
        assert!(parse_public_url("/static/demo/a.svg", "url").is_ok());
        assert!(parse_public_url("https://example.com/a.jpg", "url").is_ok());
    }

    #[test]
    fn paths_on_this_site_cannot_be_bent_to_another_host() {
        // Each of these loads from evil.test in a browser, or is meant to.
        for trick in [
            "/\\evil.test/x.png",
            "\\\\evil.test/x.png",
            "\\/evil.test/x.png",
            "//evil.test/x.png",
            " //evil.test/x.png",
            "/\t/evil.test/x.png",
            "/\n/evil.test/x.png",
            "/\r/evil.test/x.png",
            "/media/x.png\\..\\..\\evil",
            "https:\\\\evil.test/x.png",
            "https:///evil.test/x.png",
            "https://",
            "HTTPS:\\/evil.test",
        ] {
            assert!(
                parse_public_url(trick, "the image URL").is_err(),
                "{trick:?} should be refused"
            );
        }
        let message = parse_public_url("/\\evil.test/x.png", "the image URL").expect_err("refused");
        assert!(message.english.contains("backslash"), "{message}");
        for fine in [
            "/media/abc-640.jpg",
            "/",
            "/a//b.png",
            "https://cdn.example.com/a.jpg?w=640&h=1",
            "HTTP://EXAMPLE.COM/A.JPG",
        ] {
            assert!(parse_public_url(fine, "url").is_ok(), "{fine:?} is fine");
        }
    }

    #[test]
    fn ids_are_positive_whole_numbers_written_plainly() {
        assert_eq!(parse_id("1"), Some(1));
        assert_eq!(parse_id("9223372036854775807"), Some(i64::MAX));
        for bad in [
            "",
            "0",
            "+1",
            "01",
            " 1",
            "1 ",
            "-1",
            "1.0",
            "1e3",
            "0x1",
            "١",
            "9223372036854775808",
        ] {
            assert_eq!(parse_id(bad), None, "{bad:?}");
        }
    }
}

/// A reader poll's id, so a poll is never looked up by an article's or an option's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PollId(pub i64);

impl PollId {
    /// The id in a path, or `None` when it is not a positive whole number.
    pub fn parse(text: &str) -> Option<PollId> {
        parse_id(text).map(PollId)
    }
}

impl fmt::Display for PollId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
