//! The theme: templates and static files built into the binary, each of which a site can
//! override by putting a file of the same name under `DATA/theme/templates/` or
//! `DATA/theme/static/`. Templates are read at run time, so no recompiling is needed.

use std::path::{Component, Path, PathBuf};

use minijinja::Environment;
use minijinja::value::Kwargs;

use crate::i18n::{Arg, Locale};
use serde::Serialize;

macro_rules! builtin_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &str)] = builtin_templates!(
    "base.html",
    "home.html",
    "list.html",
    "article.html",
    "error.html",
    "macros.html",
    "search.html",
    "page.html",
    "partials/logo.html",
    "partials/social.html",
    "partials/share.html",
    "partials/ads.html",
    "partials/reader_messages.html",
    "corrections.html",
    "live_entry.html",
    "admin/base.html",
    "admin/forms.html",
    "admin/messages_block.html",
    "admin/login.html",
    "admin/first_run.html",
    "admin/setup.html",
    "admin/reset_request.html",
    "admin/reset.html",
    "admin/dashboard.html",
    "admin/articles.html",
    "admin/editor.html",
    "admin/confirm.html",
    "admin/revisions.html",
    "admin/compare.html",
    "admin/taxonomy.html",
    "admin/taxonomy_edit.html",
    "admin/comments.html",
    "admin/people.html",
    "admin/integrations.html",
    "admin/settings.html",
    "admin/audit.html",
    "admin/media.html",
    "admin/media_item.html",
    "admin/stats.html",
    "admin/stats_macros.html",
    "admin/story_stats.html",
    "admin/front.html",
    "admin/pages.html",
    "admin/page_editor.html",
    "admin/page_revisions.html",
    "admin/menus.html",
    "admin/menu_macros.html",
    "admin/messages.html",
    "admin/message.html",
    "admin/identity.html",
    "admin/ads.html",
    "admin/live.html",
    "admin/polls.html",
    "admin/gallery.html",
    "admin/list.html",
    "admin/video.html",
    "poll.html",
);

macro_rules! builtin_assets {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../static/", $name)) as &[u8])),*]
    };
}

const ASSETS: &[(&str, &[u8])] = builtin_assets!(
    "style.css",
    "article.js",
    "site.js",
    "admin.css",
    "admin.js",
    "stats.js",
    "favicon.svg",
    "demo/harbour.svg",
    "demo/council.svg",
    "demo/market.svg",
    "demo/solar.svg",
    "demo/rail.svg",
    "demo/festival.svg",
    "demo/library.svg",
    "demo/marathon.svg",
    "demo/football.svg",
    "demo/coffee.svg",
    "demo/rain.svg",
    "demo/gallery.svg",
    "demo/clinic.svg",
    "demo/author-amina.svg",
    "demo/author-tomas.svg",
    "demo/author-grace.svg",
);

pub struct Theme {
    env: Environment<'static>,
    static_dir: PathBuf,
    template_dir: PathBuf,
}

/// A theme file's name with a hash of its bytes in it (`style.3f2a9c1b0d.css`), so it can be
/// cached for a year and still change the moment the file does.
pub fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let hash = &crate::auth::sha256_hex(bytes)[..10];
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{hash}.{extension}"),
        None => format!("{name}.{hash}"),
    }
}

/// The plain name inside a fingerprinted one, if it has the shape of one.
fn unfingerprinted(name: &str) -> Option<(String, &str)> {
    let (rest, extension) = name.rsplit_once('.')?;
    let (stem, hash) = rest.rsplit_once('.')?;
    let is_hash = hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    is_hash.then(|| (format!("{stem}.{extension}"), hash))
}

impl Theme {
    pub fn new(theme_dir: &Path) -> Theme {
        let template_dir = theme_dir.join("templates");
        let mut env = Environment::new();
        let loader_dir = template_dir.clone();
        env.set_loader(move |name| {
            let template_dir = &loader_dir;
            if let Some(path) = safe_join(template_dir, name) {
                match std::fs::read_to_string(&path) {
                    Ok(text) => return Ok(Some(text)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => {
                        return Err(minijinja::Error::new(
                            minijinja::ErrorKind::InvalidOperation,
                            format!("could not read {}: {e}", path.display()),
                        ));
                    }
                }
            }
            Ok(TEMPLATES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| (*text).to_owned()))
        });
        let static_dir = theme_dir.join("static");
        let names: std::sync::Mutex<std::collections::HashMap<String, String>> = Default::default();
        let lookup_dir = static_dir.clone();
        // `{{ asset("style.css") }}` gives the fingerprinted address of a theme file.
        env.add_function("asset", move |name: String| -> String {
            let mut names = names.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(path) = names.get(&name) {
                return path.clone();
            }
            let path = match read_asset(&lookup_dir, &name) {
                Some(bytes) => format!("/static/{}", fingerprinted(&name, &bytes)),
                None => format!("/static/{name}"),
            };
            names.insert(name, path.clone());
            path
        });
        // `{{ t("message-id", name=value) }}`: a message in the page's language (the `i18n`
        // object every page's context carries; English without one).
        env.add_function("t", |state: &minijinja::State, id: &str, kwargs: Kwargs| {
            let locale = page_locale(state);
            let mut args = Vec::new();
            for name in kwargs.args() {
                let value: minijinja::Value = kwargs.get(name)?;
                let number = (value.kind() == minijinja::value::ValueKind::Number)
                    .then(|| value.as_i64())
                    .flatten();
                let arg = match number {
                    Some(n) => Arg::Number(n),
                    None => Arg::Text(value.to_string()),
                };
                args.push((name, arg));
            }
            kwargs.assert_all_used()?;
            Ok::<_, minijinja::Error>(locale.format(id, &args))
        });
        // `{{ plural_forms("comments-word") }}`: the message for a count in each of the
        // plural categories a browser's `Intl.PluralRules` names, as JSON, so a script
        // that changes the count changes the word with it.
        env.add_function("plural_forms", |state: &minijinja::State, id: &str| {
            let locale = page_locale(state);
            let forms: serde_json::Map<String, serde_json::Value> = PLURAL_SAMPLES
                .iter()
                .map(|(category, n)| {
                    let text = locale.format(id, &[("count", Arg::Number(*n))]);
                    ((*category).to_owned(), serde_json::Value::String(text))
                })
                .collect();
            serde_json::Value::Object(forms).to_string()
        });
        // `{{ count_forms("live-new-updates") }}`: a message with a count, in each plural
        // category, `{count}` where the number goes, for a script to fill in.
        env.add_function("count_forms", |state: &minijinja::State, id: &str| {
            let locale = page_locale(state);
            let forms: std::collections::BTreeMap<&str, String> = PLURAL_SAMPLES
                .iter()
                .map(|(category, n)| {
                    let text = locale.format(id, &[("count", Arg::Number(*n))]);
                    (*category, text.replacen(&locale.number(*n), "{count}", 1))
                })
                .collect();
            minijinja::Value::from_serialize(&forms)
        });
        // `{{ script_json({...}) }}`: a value as JSON that cannot end its `<script>` early,
        // for a data block (`type="application/json"`) a script reads.
        env.add_function("script_json", |value: minijinja::Value| {
            let json = serde_json::to_value(&value).map_err(|e| {
                minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
            })?;
            Ok::<_, minijinja::Error>(minijinja::Value::from_safe_string(
                super::discovery::script_safe(&json),
            ))
        });
        // `{{ label_name("Live") }}`: a story label in the page's language (a site's own
        // label as written).
        env.add_function("label_name", |state: &minijinja::State, label: &str| {
            crate::front_page::label_in(&page_locale(state), label)
        });
        env.add_filter("label_name", |state: &minijinja::State, label: &str| {
            crate::front_page::label_in(&page_locale(state), label)
        });
        // `{{ number(12400) }}`: a count in the page language's digits and grouping.
        env.add_function("number", |state: &minijinja::State, n: i64| {
            page_locale(state).number(n)
        });
        Theme {
            env,
            static_dir,
            template_dir,
        }
    }

    /// Compiles every template the site overrides (every `.html` file under
    /// `theme/templates/`), so a mistake stops the start with the file and line rather
    /// than failing pages one by one while the site runs.
    pub fn check(&self) -> anyhow::Result<()> {
        for name in override_names(&self.template_dir) {
            if let Err(error) = self.env.get_template(&name) {
                let path = self.template_dir.join(&name);
                let line = error
                    .line()
                    .map(|line| format!(" line {line}"))
                    .unwrap_or_default();
                let reason = match error.detail() {
                    Some(detail) => format!("{}: {detail}", error.kind()),
                    None => error.kind().to_string(),
                };
                anyhow::bail!(
                    "{}{line}: {reason}. Fix the theme file, or move it away to use the built-in template.",
                    path.display()
                );
            }
        }
        Ok(())
    }

    pub fn render<S: Serialize>(&self, name: &str, context: S) -> anyhow::Result<String> {
        let template = self.env.get_template(name)?;
        Ok(template.render(context)?)
    }

    /// A static file by its path under `/static/`: the site's own copy first. The flag says
    /// whether the path was fingerprinted with the file's current hash (cache it forever).
    pub fn asset(&self, path: &str) -> Option<(Vec<u8>, &'static str, bool)> {
        let content_type = content_type(path)?;
        if let Some(bytes) = read_asset(&self.static_dir, path) {
            return Some((bytes, content_type, false));
        }
        let (plain, _) = unfingerprinted(path)?;
        let bytes = read_asset(&self.static_dir, &plain)?;
        (fingerprinted(&plain, &bytes) == path).then_some((bytes, content_type, true))
    }
}

/// A count in each CLDR plural category, for the languages Newsdesk ships (Arabic uses all
/// six); a language without a category never asks for it.
const PLURAL_SAMPLES: [(&str, i64); 6] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("few", 3),
    ("many", 11),
    ("other", 100),
];

/// The language a template is being rendered in: its context's `i18n`, else English.
fn page_locale(state: &minijinja::State) -> std::sync::Arc<Locale> {
    state
        .lookup("i18n")
        .and_then(|value| value.downcast_object::<Locale>())
        .unwrap_or_else(Locale::english)
}

/// The names (`article.html`, `partials/card.html`) of the `.html` files under a site's
/// template folder, in a stable order; none when there is no such folder.
fn override_names(template_dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, names: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), names);
            } else if name.ends_with(".html") {
                names.push(format!("{prefix}{name}"));
            }
        }
    }
    let mut names = Vec::new();
    walk(template_dir, "", &mut names);
    names.sort();
    names
}

/// A theme file's bytes: the site's own copy, else the built-in one.
fn read_asset(static_dir: &Path, name: &str) -> Option<Vec<u8>> {
    if let Some(file) = safe_join(static_dir, name)
        && let Ok(bytes) = std::fs::read(file)
    {
        return Some(bytes);
    }
    ASSETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, bytes)| bytes.to_vec())
}

/// Joins a relative name onto a folder, refusing anything that could climb out of it.
fn safe_join(dir: &Path, name: &str) -> Option<PathBuf> {
    if name.contains('\0') || name.contains('\\') {
        return None;
    }
    let relative = Path::new(name);
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    plain.then(|| dir.join(relative))
}

fn content_type(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.')?.1;
    Some(match extension {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_climb_out_of_the_theme() {
        let dir = Path::new("/srv/theme");
        for bad in ["../secret", "/etc/passwd", "a/../../b", "a\0b", "..\\x"] {
            assert!(safe_join(dir, bad).is_none(), "{bad:?}");
        }
        assert_eq!(
            safe_join(dir, "demo/a.svg"),
            Some(PathBuf::from("/srv/theme/demo/a.svg"))
        );
    }

    #[test]
    fn fingerprinted_names_round_trip() {
        let name = fingerprinted("style.css", b"body{}");
        assert!(
            name.starts_with("style.")
                && name.ends_with(".css")
                && name.len() == "style..css".len() + 10
        );
        assert_eq!(
            unfingerprinted(&name).map(|(plain, _)| plain).as_deref(),
            Some("style.css")
        );
        assert_eq!(unfingerprinted("demo/harbour.svg"), None);
        let theme = Theme::new(Path::new("/nonexistent"));
        let (_, _, immutable) = theme
            .asset(&fingerprinted(
                "style.css",
                &read_asset(Path::new("/nonexistent"), "style.css").expect("css"),
            ))
            .expect("served");
        assert!(immutable);
        assert!(
            theme.asset("style.0000000000.css").is_none(),
            "a stale fingerprint is not served"
        );
    }

    #[test]
    fn a_broken_override_is_named_with_its_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("templates/partials")).expect("mkdir");
        std::fs::write(dir.path().join("templates/home.html"), "fine {{ x }}").expect("write");
        let theme = Theme::new(dir.path());
        assert!(theme.check().is_ok());
        std::fs::write(
            dir.path().join("templates/partials/card.html"),
            "<h2>{{ title }}</h2>\n<p>\n{% if x %}unclosed\n",
        )
        .expect("write");
        let message = Theme::new(dir.path())
            .check()
            .expect_err("refused")
            .to_string();
        assert!(
            message.contains("templates/partials/card.html line ")
                && message.contains("syntax error"),
            "{message}"
        );
        assert!(Theme::new(Path::new("/nonexistent")).check().is_ok());
    }

    #[test]
    fn a_site_template_overrides_the_builtin_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("templates")).expect("mkdir");
        std::fs::write(
            dir.path().join("templates/error.html"),
            "custom {{ title }}",
        )
        .expect("write");
        let theme = Theme::new(dir.path());
        let html = theme
            .render("error.html", minijinja::context! { title => "x" })
            .expect("render");
        assert_eq!(html, "custom x");
    }
}

/// Words written into a template rather than said through `t()`: text between tags, the
/// attributes a person reads (`placeholder`, `title`, `aria-label`, `alt`,
/// `data-confirm`) and string literals in template code that read as prose (a capital
/// first letter or a space), each with its line. A newsroom page in Swahili must show no
/// English, so the newsroom's templates must have none of these.
#[cfg(test)]
fn literal_words(template: &str) -> Vec<(usize, String)> {
    let line_of = |at: usize| template[..at].matches('\n').count() + 1;
    let mut found = Vec::new();
    let bytes = template.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    // Outside tags and template code, text runs until the next `<` or `{{`/`{%`/`{#`.
    let flush_text = |from: usize, to: usize, found: &mut Vec<(usize, String)>| {
        let text = &template[from..to];
        let readable: String = text.split("&nbsp;").collect::<String>().trim().to_owned();
        if readable.chars().any(char::is_alphabetic) {
            found.push((line_of(from), readable));
        }
    };
    let mut in_raw: Option<&str> = None;
    while i < bytes.len() {
        if let Some(end) = in_raw {
            if template[i..].starts_with(end) {
                in_raw = None;
                text_start = i;
            } else {
                i += template[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
        }
        let rest = &template[i..];
        if rest.starts_with("{#") {
            flush_text(text_start, i, &mut found);
            let end = rest.find("#}").map_or(bytes.len(), |e| i + e + 2);
            i = end;
            text_start = i;
        } else if rest.starts_with("{{") || rest.starts_with("{%") {
            flush_text(text_start, i, &mut found);
            let close = if rest.starts_with("{{") { "}}" } else { "%}" };
            let end = rest.find(close).map_or(bytes.len(), |e| i + e + 2);
            prose_literals(&template[i..end], line_of(i), &mut found);
            i = end;
            text_start = i;
        } else if rest.starts_with('<') {
            flush_text(text_start, i, &mut found);
            let lower = rest.to_ascii_lowercase();
            // A tag runs to its `>`, skipping template code inside it.
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'>' {
                if template[j..].starts_with("{{") || template[j..].starts_with("{%") {
                    let close = if template[j..].starts_with("{{") {
                        "}}"
                    } else {
                        "%}"
                    };
                    let end = template[j..].find(close).map_or(bytes.len(), |e| j + e + 2);
                    prose_literals(&template[j..end], line_of(j), &mut found);
                    j = end;
                } else {
                    j += template[j..].chars().next().map_or(1, char::len_utf8);
                }
            }
            let tag = &template[i..j.min(bytes.len())];
            for attribute in ["placeholder", "title", "aria-label", "alt", "data-confirm"] {
                let mut from = 0;
                let needle = format!(" {attribute}=\"");
                while let Some(at) = tag[from..].find(&needle) {
                    let start = from + at + needle.len();
                    let value = tag[start..].split('"').next().unwrap_or("");
                    let outside: String = strip_code(value);
                    if outside.chars().any(char::is_alphabetic) {
                        found.push((line_of(i), format!("{attribute}=\"{value}\"")));
                    }
                    from = start;
                }
            }
            if lower.starts_with("<script") && !lower.starts_with("<script src") {
                in_raw = Some("</script>");
            } else if lower.starts_with("<style") {
                in_raw = Some("</style>");
            }
            i = j + 1;
            text_start = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    flush_text(text_start.min(bytes.len()), bytes.len(), &mut found);
    found
}

/// A value with its template code taken out.
#[cfg(test)]
fn strip_code(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find(['{']) {
        out.push_str(&rest[..at]);
        let close = if rest[at..].starts_with("{{") {
            "}}"
        } else if rest[at..].starts_with("{%") {
            "%}"
        } else {
            out.push('{');
            rest = &rest[at + 1..];
            continue;
        };
        match rest[at..].find(close) {
            Some(end) => rest = &rest[at + end + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// String literals in template code that read as prose, not as message ids or names.
#[cfg(test)]
fn prose_literals(code: &str, line: usize, found: &mut Vec<(usize, String)>) {
    let mut rest = code;
    while let Some(at) = rest.find(['"', '\'']) {
        let quote = &rest[at..at + 1];
        let Some(len) = rest[at + 1..].find(quote) else {
            return;
        };
        let literal = &rest[at + 1..at + 1 + len];
        let before = rest[..at].trim_end();
        let is_message_id = before.ends_with("t(") || before.ends_with("plural_forms(");
        let prose = literal.contains(' ') || literal.chars().next().is_some_and(char::is_uppercase);
        let markup = literal.contains('=') || literal.contains('<');
        if prose && !is_message_id && !markup && literal.chars().any(char::is_alphabetic) {
            found.push((line, format!("\"{literal}\"")));
        }
        rest = &rest[at + 1 + len + 1..];
    }
}

#[cfg(test)]
mod words {
    use super::*;

    #[test]
    fn the_newsroom_says_every_word_through_its_messages() {
        let mut left = Vec::new();
        for (name, text) in TEMPLATES.iter().filter(|(n, _)| n.starts_with("admin/")) {
            for (line, words) in literal_words(text) {
                left.push(format!("{name}:{line}: {words}"));
            }
        }
        assert!(
            left.is_empty(),
            "{} pieces of English written into the newsroom's templates; say them with t(\"id\") and a message in locales/*/newsroom*.ftl:\n{}",
            left.len(),
            left.join("\n")
        );
    }

    #[test]
    fn literal_words_finds_text_attributes_and_prose_literals() {
        let found = literal_words(
            "<p>{{ t(\"ok\") }}</p>\n<p>Hello</p>\n<input placeholder=\"Search\">\n{{ field(\"name\", \"Name\") }}\n<script>var x = 'a b';</script>",
        );
        let words: Vec<&str> = found.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(words, ["Hello", "placeholder=\"Search\"", "\"Name\""]);
        assert_eq!(found[0].0, 2);
    }
}
