//! The site's words in its readers' languages: messages kept in Project Fluent files
//! (`locales/LANG/*.ftl`, shipped for English, Swahili, French and Arabic), a site's own
//! wording over them from `DATA/theme/locales/LANG/*.ftl`, and numbers, dates and
//! relative times in each language's own form.
//!
//! Fluent rather than gettext: a message carries its own plural and gender variants
//! (Arabic has six plural forms, Swahili's nouns change with the count), a translator
//! moves words around a sentence freely, and the plural rules come from CLDR through
//! `intl_pluralrules`, so no language needs a hand-written `Plural-Forms` formula.
//!
//! A message missing from a language falls back to English, is counted
//! (`Locale::untranslated`, shown on `/metrics`) and logged once, so a walk of every page
//! in every language finds each gap.

mod dates;

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::Context;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use dates::DateStyle;

/// The languages Newsdesk ships its words in, the default first.
pub const SHIPPED: [&str; 4] = ["en", "sw", "fr", "ar"];

/// The built-in message files of each shipped language, by file name: the public site's
/// (`site`, `reader`) and the newsroom's, one file per part of the newsroom so each can
/// be translated on its own.
macro_rules! language_files {
    ($code:literal: $($name:literal),+) => {
        (
            $code,
            &[$(($name, include_str!(concat!("../../locales/", $code, "/", $name)))),+],
        )
    };
}

const BUILT_IN: &[(&str, &[(&str, &str)])] = &[
    language_files!("en": "site.ftl", "reader.ftl", "newsroom.ftl", "newsroom-editor.ftl", "newsroom-stories.ftl", "newsroom-desk.ftl", "newsroom-site.ftl", "newsroom-library.ftl"),
    language_files!("sw": "site.ftl", "reader.ftl", "newsroom.ftl", "newsroom-editor.ftl", "newsroom-stories.ftl", "newsroom-desk.ftl", "newsroom-site.ftl", "newsroom-library.ftl"),
    language_files!("fr": "site.ftl", "reader.ftl", "newsroom.ftl", "newsroom-editor.ftl", "newsroom-stories.ftl", "newsroom-desk.ftl", "newsroom-site.ftl", "newsroom-library.ftl"),
    language_files!("ar": "site.ftl", "reader.ftl", "newsroom.ftl", "newsroom-editor.ftl", "newsroom-stories.ftl", "newsroom-desk.ftl", "newsroom-site.ftl", "newsroom-library.ftl"),
];

/// Languages written right to left, by their primary subtag.
const RIGHT_TO_LEFT: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi",
];

type Bundle = FluentBundle<FluentResource>;

/// One language's words and forms, with English behind it for anything it lacks.
pub struct Locale {
    /// The primary language subtag (`sw` for `sw-KE`).
    code: String,
    right_to_left: bool,
    bundle: Bundle,
    /// English, for a message this language does not have; `None` for English itself.
    fallback: Option<Bundle>,
    untranslated: AtomicU64,
    /// The messages already logged as missing, so each is logged once.
    logged: Mutex<HashSet<String>>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("code", &self.code).finish()
    }
}

/// A value for a message's placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A message by its id, with its placeholders' values, to be said in whichever language
/// the page that shows it is in: how a rule's refusal reaches the newsroom in its
/// language while the API keeps its English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Phrase {
    pub fn new(id: &'static str) -> Phrase {
        Phrase {
            id,
            args: Vec::new(),
        }
    }

    /// The phrase with one more placeholder's value.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Phrase {
        self.args.push((name, value.into()));
        self
    }

    pub fn in_language(&self, locale: &Locale) -> String {
        locale.format(self.id, &self.args)
    }
}

/// Where a site keeps its own message files: `DATA/theme/locales/LANG/*.ftl`.
pub fn overrides_dir(data_dir: &Path) -> std::path::PathBuf {
    data_dir.join("theme").join("locales")
}

/// The primary subtag of a language tag, lower-cased: `sw` for `sw-KE`, `fr` for `fr_CA`.
pub fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether a language is written right to left.
pub fn is_right_to_left(tag: &str) -> bool {
    RIGHT_TO_LEFT.contains(&primary(tag).as_str())
}

fn built_in(code: &str) -> &'static [(&'static str, &'static str)] {
    BUILT_IN
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, files)| *files)
        .unwrap_or(&[])
}

/// Parses one message file, naming the file and line of the first mistake.
fn parse(name: &str, text: &str) -> anyhow::Result<FluentResource> {
    FluentResource::try_new(text.to_owned()).map_err(|(_, errors)| {
        let first = errors.first().map(|e| {
            let line = text[..e.pos.start.min(text.len())].lines().count().max(1);
            format!("line {line}: {:?}", e.kind)
        });
        anyhow::anyhow!("{name}: {}", first.unwrap_or_default())
    })
}

fn new_bundle(code: &str) -> Bundle {
    let id: LanguageIdentifier = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Pages are HTML: the browser isolates right-to-left runs itself (`dir`, `<bdi>`), and
    // invisible isolation marks around every value would end up in titles and attributes.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match code {
        "fr" => numbers::french,
        "ar" => numbers::arabic,
        _ => numbers::latin,
    }));
    bundle
}

/// A language's bundle: its built-in files, then a site's own files over them.
fn load_bundle(code: &str, overrides: Option<&Path>) -> anyhow::Result<Bundle> {
    let mut bundle = new_bundle(code);
    for (name, text) in built_in(code) {
        let resource = parse(&format!("locales/{code}/{name}"), text)?;
        bundle
            .add_resource(resource)
            .map_err(|e| anyhow::anyhow!("locales/{code}/{name}: {e:?}"))?;
    }
    if let Some(dir) = overrides.map(|d| d.join(code))
        && dir.is_dir()
    {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .with_context(|| format!("could not read {}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("could not read {}", file.display()))?;
            bundle.add_resource_overriding(parse(&file.display().to_string(), &text)?);
        }
    }
    Ok(bundle)
}

impl Locale {
    /// The words for the language `tag` names: the built-in files of its primary language,
    /// with a site's own files from `overrides/LANG/*.ftl` over them. A language Newsdesk
    /// does not ship works once a site gives it files; until then its pages are English.
    pub fn load(tag: &str, overrides: Option<&Path>) -> anyhow::Result<Arc<Locale>> {
        let code = primary(tag);
        let code = if code.is_empty() { "en".into() } else { code };
        let bundle = load_bundle(&code, overrides)?;
        let fallback = if code == "en" {
            None
        } else {
            Some(load_bundle("en", overrides)?)
        };
        Ok(Arc::new(Locale {
            right_to_left: is_right_to_left(&code),
            code,
            bundle,
            fallback,
            untranslated: AtomicU64::new(0),
            logged: Mutex::new(HashSet::new()),
        }))
    }

    /// The built-in English words, for places that have no site settings to hand.
    pub fn english() -> Arc<Locale> {
        static ENGLISH: std::sync::OnceLock<Arc<Locale>> = std::sync::OnceLock::new();
        ENGLISH
            .get_or_init(|| {
                Locale::load("en", None).unwrap_or_else(|_| {
                    Arc::new(Locale {
                        code: "en".into(),
                        right_to_left: false,
                        bundle: new_bundle("en"),
                        fallback: None,
                        untranslated: AtomicU64::new(0),
                        logged: Mutex::new(HashSet::new()),
                    })
                })
            })
            .clone()
    }

    /// The language's primary subtag, for `lang` and `hreflang`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// `rtl` or `ltr`, for `dir`.
    pub fn dir(&self) -> &'static str {
        if self.right_to_left { "rtl" } else { "ltr" }
    }

    /// Messages asked for that this language does not have (English was shown).
    pub fn untranslated(&self) -> u64 {
        self.untranslated.load(Ordering::Relaxed)
    }

    /// Whether this language (or a site's own file) has the message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message with no placeholders.
    pub fn t(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// A message with its placeholders filled in: `("count", 3.into())`.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fluent_args = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                match value {
                    Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
                    Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
                }
            }
            fluent_args
        });
        if let Some(text) = write(&self.bundle, id, fluent_args.as_ref()) {
            return text;
        }
        self.untranslated.fetch_add(1, Ordering::Relaxed);
        let first_time = self
            .logged
            .lock()
            .map(|mut logged| logged.insert(id.to_owned()))
            .unwrap_or(false);
        if first_time {
            tracing::warn!(language = %self.code, message = id, "no translation; showing English");
        }
        self.fallback
            .as_ref()
            .and_then(|english| write(english, id, fluent_args.as_ref()))
            .unwrap_or_else(|| id.to_owned())
    }

    /// A whole number in the language's digits and grouping: `12,400`, `12 400`, `١٢٬٤٠٠`.
    pub fn number(&self, n: i64) -> String {
        numbers::whole(&self.code, n)
    }

    /// Digits as the language writes them, ungrouped: a year, a clock time.
    pub fn digits(&self, text: &str) -> String {
        numbers::digits(&self.code, text)
    }
}

fn write(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(message = id, ?errors, "a message could not be filled in");
    }
    Some(text.into_owned())
}

/// Numbers as each language writes them. Fluent leaves number formatting to the
/// application; these cover the shipped languages, and any other language gets Latin
/// digits grouped with commas.
mod numbers {
    use fluent_bundle::FluentValue;
    use intl_memoizer::concurrent::IntlLangMemoizer;

    /// A whole number grouped in threes (`12,400`), with the language's separator and
    /// digits.
    pub fn whole(code: &str, n: i64) -> String {
        let (separator, arabic) = match code {
            "fr" => ("\u{202f}", false),
            "ar" => ("\u{066c}", true),
            _ => (",", false),
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + 8);
        if n < 0 {
            out.push('-');
        }
        let len = digits.len();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (len - i).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(if arabic { arabic_digit(c) } else { c });
        }
        out
    }

    /// Digits only, ungrouped (years, clock times), in the language's own digits.
    pub fn digits(code: &str, text: &str) -> String {
        if code == "ar" {
            text.chars().map(arabic_digit).collect()
        } else {
            text.to_owned()
        }
    }

    fn whole_value(value: &FluentValue) -> Option<i64> {
        match value {
            FluentValue::Number(number)
                if number.value.fract() == 0.0 && number.value.abs() < 1e15 =>
            {
                Some(number.value as i64)
            }
            _ => None,
        }
    }

    pub fn latin(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
        whole_value(value).map(|n| whole("en", n))
    }

    /// French groups with a narrow no-break space.
    pub fn french(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
        whole_value(value).map(|n| whole("fr", n))
    }

    /// Arabic in Arabic-Indic digits, grouped with the Arabic thousands separator.
    pub fn arabic(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
        whole_value(value).map(|n| whole("ar", n))
    }

    fn arabic_digit(c: char) -> char {
        c.to_digit(10)
            .and_then(|d| char::from_u32(0x0660 + d))
            .unwrap_or(c)
    }
}

/// The ids of every message in a language's built-in files.
pub fn built_in_ids(code: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (_, text) in built_in(code) {
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !id.is_empty()
                && !id.starts_with([' ', '#', '-', '.', '*', '['])
            {
                ids.push(id.trim().to_owned());
            }
        }
    }
    ids
}

impl minijinja::value::Object for Locale {}

#[cfg(test)]
mod tests;
