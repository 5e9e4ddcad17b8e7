//! Editions: a site may publish in several languages. The site's own language (its
//! `language` setting) is the default edition and keeps `/`; every other language its
//! sections are in is an edition at `/LANG/`, with its own front page, sections, menus,
//! feeds, sitemaps and search. A story is in its section's edition, and may be linked to
//! its translations in the others (`link_translation`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use jiff::Timestamp;

use crate::changes::{self, Touched};
use crate::domain::Language;
use crate::i18n::Locale;
use crate::store::{Article, EditionFilter, Section, Store, StoreError, Translation};

/// The edition a request is in, with the words of its language.
#[derive(Clone)]
pub struct Edition {
    /// `None` for the site's own language.
    pub language: Option<Language>,
    /// Its language code (`sw`; the site's own for the default edition).
    pub code: String,
    pub locale: Arc<Locale>,
    /// Whether the site has more than one edition (lists then keep to this one).
    pub several: bool,
}

impl Edition {
    /// What the site's lists of stories keep to: nothing while the site has one edition.
    pub fn filter(&self) -> Option<EditionFilter> {
        self.several.then(|| EditionFilter::of(self.language))
    }

    /// `""` for the default edition, `/sw` for another.
    pub fn prefix(&self) -> String {
        prefix(self.language)
    }

    /// A site path in this edition: `/search` becomes `/sw/search`, `/` becomes `/sw/`.
    pub fn path(&self, path: &str) -> String {
        path_in(self.language, path)
    }

    /// Its front page.
    pub fn home(&self) -> String {
        self.path("/")
    }
}

/// `""` for the default edition, `/sw` for another.
pub fn prefix(language: Option<Language>) -> String {
    language.map_or_else(String::new, |l| format!("/{l}"))
}

/// A site path in an edition (`None`: the default edition's, unchanged).
pub fn path_in(language: Option<Language>, path: &str) -> String {
    match language {
        None => path.to_owned(),
        Some(language) => format!("/{language}{path}"),
    }
}

/// A story's address in its edition.
pub fn story_path(article: &Article) -> String {
    path_in(
        article.language(),
        &format!("/article/{}", article.slug.as_str()),
    )
}

/// The language a path starts with and the path after it: `/sw/section/habari` is
/// (`sw`, `/section/habari`), `/sw` is (`sw`, `""`). `None` when the first segment is not
/// a language code.
pub fn split_path(path: &str) -> Option<(Language, &str)> {
    let rest = path.strip_prefix('/')?;
    let (first, after) = match rest.find('/') {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, ""),
    };
    // Only the form a prefix is written in (`sw`, `pt-BR`), so `/SW/` is no edition.
    let language = Language::parse(first).ok()?;
    (language.as_str() == first).then_some((language, after))
}

/// The languages a site publishes in besides its own: those its sections are in, in the
/// order of the sections.
pub fn languages(sections: &[Section], own: &str) -> Vec<Language> {
    let mut found: Vec<Language> = Vec::new();
    for language in sections.iter().filter_map(|s| s.language) {
        if language.as_str() != own && !found.contains(&language) {
            found.push(language);
        }
    }
    found
}

/// A section language as a request gives it, with the site's own language read as the
/// default edition (`""`), so a site's sections in its own language have none.
pub fn requested_language(requested: Option<String>, own: &str) -> Option<String> {
    requested.map(|code| {
        let code = code.trim();
        match Language::parse(code) {
            Ok(language) if language.as_str() == own => String::new(),
            _ => code.to_owned(),
        }
    })
}

/// A language's name in itself (`Kiswahili`), for the language switcher; its code where
/// the site has no words for it.
pub fn language_name(code: &str, locale: &Locale) -> String {
    if locale.has("language-name") {
        locale.t("language-name")
    } else {
        code.to_owned()
    }
}

/// The words of every edition's language, loaded once (the shipped files and the site's
/// own under `DATA/theme/locales/`).
pub struct Locales {
    overrides: PathBuf,
    loaded: RwLock<HashMap<Language, Arc<Locale>>>,
}

impl Locales {
    pub fn new(overrides: PathBuf) -> Locales {
        Locales {
            overrides,
            loaded: RwLock::new(HashMap::new()),
        }
    }

    /// The editions' languages loaded so far (for `/metrics`).
    pub fn loaded(&self) -> Vec<Arc<Locale>> {
        self.loaded
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .values()
            .cloned()
            .collect()
    }

    /// The language's words; English ones where it has none (the untranslated count says
    /// so on `/metrics`).
    pub fn get(&self, language: Language) -> Arc<Locale> {
        if let Some(locale) = self
            .loaded
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&language)
        {
            return locale.clone();
        }
        let locale = match Locale::load(language.as_str(), Some(&self.overrides)) {
            Ok(locale) => locale,
            Err(error) => {
                tracing::warn!(%language, error = %format!("{error:#}"), "an edition's messages could not be read; it shows English");
                Locale::english()
            }
        };
        self.loaded
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(language)
            .or_insert(locale)
            .clone()
    }
}

/// Why two stories cannot be linked as translations.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("a story cannot be a translation of itself")]
    Itself,
    #[error(
        "\"{0}\" is in the same edition; a translation is in another language (file it in a section of that edition first)"
    )]
    SameEdition(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Links a story to another as its translation; the pages of both (and of the stories
/// already linked to them) change.
pub async fn link_translation(
    store: &dyn Store,
    article: &Article,
    other_id: i64,
) -> Result<(), LinkError> {
    if other_id == article.id {
        return Err(LinkError::Itself);
    }
    let other = store.article_by_id(other_id).await?;
    if other.language() == article.language() {
        return Err(LinkError::SameEdition(other.title));
    }
    let before = group_members(store, &[article, &other]).await?;
    store.link_translation(article.id, other.id).await?;
    for id in before.into_iter().chain([article.id, other.id]) {
        changes::record(Touched::Story { id });
    }
    Ok(())
}

/// Takes a story out of its translations; its page and theirs change.
pub async fn unlink_translation(store: &dyn Store, article: &Article) -> Result<(), StoreError> {
    let before = group_members(store, &[article]).await?;
    store.unlink_translation(article.id).await?;
    for id in before.into_iter().chain([article.id]) {
        changes::record(Touched::Story { id });
    }
    Ok(())
}

async fn group_members(store: &dyn Store, articles: &[&Article]) -> Result<Vec<i64>, StoreError> {
    let groups: Vec<i64> = articles
        .iter()
        .filter_map(|a| a.translation_group)
        .collect();
    Ok(store
        .translations(&groups)
        .await?
        .into_iter()
        .map(|(_, t)| t.article_id)
        .collect())
}

/// The other stories of an article's group, whatever their status (the newsroom's view).
pub async fn translations_of(
    store: &dyn Store,
    article: &Article,
) -> Result<Vec<Translation>, StoreError> {
    let Some(group) = article.translation_group else {
        return Ok(Vec::new());
    };
    Ok(store
        .translations(&[group])
        .await?
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| t.article_id != article.id)
        .collect())
}

/// The translations readers may see now.
pub async fn public_translations(
    store: &dyn Store,
    article: &Article,
    now: Timestamp,
) -> Result<Vec<Translation>, StoreError> {
    Ok(translations_of(store, article)
        .await?
        .into_iter()
        .filter(|t| t.is_public(now))
        .collect())
}

/// A translation's address in its edition.
pub fn translation_path(translation: &Translation) -> String {
    path_in(
        translation.language,
        &format!("/article/{}", translation.slug.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sw() -> Language {
        Language::parse("sw").expect("sw")
    }

    #[test]
    fn a_path_names_its_edition_only_in_the_form_a_prefix_is_written() {
        assert_eq!(
            split_path("/sw/section/habari"),
            Some((sw(), "/section/habari"))
        );
        assert_eq!(split_path("/sw/"), Some((sw(), "/")));
        assert_eq!(split_path("/sw"), Some((sw(), "")));
        assert_eq!(split_path("/SW/"), None);
        assert_eq!(split_path("/section/news"), None);
        assert_eq!(split_path("/a/12"), None);
        assert_eq!(split_path("/"), None);
        let brazil = Language::parse("pt-br").expect("pt-BR");
        assert_eq!(split_path("/pt-BR/search"), Some((brazil, "/search")));
    }

    #[test]
    fn paths_take_their_edition_prefix() {
        assert_eq!(path_in(None, "/search"), "/search");
        assert_eq!(path_in(Some(sw()), "/search"), "/sw/search");
        assert_eq!(path_in(Some(sw()), "/"), "/sw/");
    }

    #[test]
    fn the_sites_own_language_is_the_default_edition() {
        assert_eq!(
            requested_language(Some("en".into()), "en").as_deref(),
            Some("")
        );
        assert_eq!(
            requested_language(Some(" sw ".into()), "en").as_deref(),
            Some("sw")
        );
        assert_eq!(requested_language(None, "en"), None);
    }

    #[test]
    fn language_codes_are_read_in_one_form() {
        assert_eq!(
            Language::parse("SW").map(|l| l.to_string()),
            Ok("sw".into())
        );
        assert_eq!(
            Language::parse("pt_br").map(|l| l.to_string()),
            Ok("pt-BR".into())
        );
        assert!(Language::parse("swahili").is_err());
        assert!(Language::parse("s").is_err());
        assert!(Language::parse("sw-").is_err());
        assert!(Language::parse("sw'--").is_err());
    }
}
