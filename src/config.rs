//! Site settings: defaults, then `newsdesk.toml` in the data folder, then `NEWSDESK_*`
//! environment variables, then command-line flags.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Deserialize;

use crate::domain::SiteTimeZone;

pub const CONFIG_FILE: &str = "newsdesk.toml";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

#[derive(Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub site_title: String,
    pub site_description: String,
    /// Language of the site's pages, as a BCP 47 tag (`en`, `sw`, `fr-CA`).
    pub language: String,
    /// Public address of the site without a trailing slash, used in absolute links.
    pub base_url: String,
    pub timezone: SiteTimeZone,
    pub listen: SocketAddr,
    pub database_url: String,
    /// Articles on each page of the home, section, tag and author lists.
    pub per_page: u32,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("data_dir", &self.data_dir)
            .field("site_title", &self.site_title)
            .field("base_url", &self.base_url)
            .field("timezone", &self.timezone.name())
            .field("listen", &self.listen)
            .field(
                "database_url",
                &crate::store::redact_url(&self.database_url),
            )
            .field("per_page", &self.per_page)
            .finish()
    }
}

/// What `newsdesk.toml` may hold; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    site_title: Option<String>,
    site_description: Option<String>,
    language: Option<String>,
    base_url: Option<String>,
    timezone: Option<String>,
    listen: Option<String>,
    database_url: Option<String>,
    per_page: Option<u32>,
}

/// Values given on the command line, which win over everything else.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub listen: Option<String>,
    pub database_url: Option<String>,
}

const DEFAULT_FILE: &str = r#"# Newsdesk site settings. Environment variables (NEWSDESK_SITE_TITLE, NEWSDESK_BASE_URL,
# NEWSDESK_TIMEZONE, NEWSDESK_LISTEN, NEWSDESK_DATABASE_URL, ...) override these,
# and command-line flags override both.

# site_title = "Newsdesk"
# site_description = "News as it happens."
# language = "en"
# base_url = "https://news.example.com"
# timezone = "UTC"              # an IANA name, e.g. "Africa/Nairobi"
# listen = "127.0.0.1:8080"
# database_url = "sqlite:newsdesk-data/newsdesk.db"
# per_page = 12
"#;

impl Settings {
    /// Reads the settings for the site in `data_dir`, creating the folder and a commented
    /// settings file on first use.
    pub fn load(data_dir: &Path, overrides: &Overrides) -> anyhow::Result<Settings> {
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("could not create the data folder {}", data_dir.display()))?;
        let path = data_dir.join(CONFIG_FILE);
        if !path.exists() {
            std::fs::write(&path, DEFAULT_FILE)
                .with_context(|| format!("could not write {}", path.display()))?;
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("could not read {}", path.display()))?;
        let file: FileSettings = toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message()))?;
        Self::resolve(data_dir, file, |name| std::env::var(name).ok(), overrides)
    }

    fn resolve(
        data_dir: &Path,
        file: FileSettings,
        env: impl Fn(&str) -> Option<String>,
        overrides: &Overrides,
    ) -> anyhow::Result<Settings> {
        let pick = |key: &str, from_file: Option<String>| -> Option<(String, String)> {
            let var = format!("NEWSDESK_{}", key.to_uppercase());
            match env(&var) {
                Some(value) if !value.trim().is_empty() => Some((var, value)),
                _ => from_file.map(|v| (format!("{key} in {CONFIG_FILE}"), v)),
            }
        };

        let site_title = pick("site_title", file.site_title)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_else(|| "Newsdesk".into());
        let site_description = pick("site_description", file.site_description)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_else(|| "News as it happens.".into());
        let language = pick("language", file.language)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_else(|| "en".into());

        let timezone = match pick("timezone", file.timezone) {
            Some((source, name)) => {
                SiteTimeZone::parse(&name).map_err(|e| anyhow::anyhow!("{source}: {e}"))?
            }
            None => SiteTimeZone::parse("UTC").map_err(|e| anyhow::anyhow!(e))?,
        };

        let (listen_source, listen_text) = match &overrides.listen {
            Some(flag) => ("--listen".to_owned(), flag.clone()),
            None => pick("listen", file.listen)
                .unwrap_or_else(|| ("default".into(), DEFAULT_LISTEN.into())),
        };
        let listen: SocketAddr = listen_text.trim().parse().map_err(|_| {
            anyhow::anyhow!(
                "{listen_source}: {listen_text:?} is not an address to listen on; use IP:PORT, like 127.0.0.1:8080"
            )
        })?;

        let base_url = match pick("base_url", file.base_url) {
            Some((source, url)) => {
                let url = url.trim().trim_end_matches('/').to_owned();
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    bail!("{source}: {url:?} must start with http:// or https://");
                }
                url
            }
            None => format!("http://{listen}"),
        };

        let database_url = match &overrides.database_url {
            Some(url) => url.clone(),
            None => pick("database_url", file.database_url)
                .map(|(_, v)| v)
                .unwrap_or_else(|| format!("sqlite:{}", data_dir.join("newsdesk.db").display())),
        };

        let per_page = match env("NEWSDESK_PER_PAGE") {
            Some(text) => text.trim().parse::<u32>().map_err(|_| {
                anyhow::anyhow!("NEWSDESK_PER_PAGE: {text:?} is not a whole number")
            })?,
            None => file.per_page.unwrap_or(12),
        };
        if !(1..=100).contains(&per_page) {
            bail!("per_page is {per_page}; it must be between 1 and 100");
        }

        Ok(Settings {
            data_dir: data_dir.to_owned(),
            site_title,
            site_description,
            language,
            base_url,
            timezone,
            listen,
            database_url,
            per_page,
        })
    }

    /// Where a site's own templates and static files live, overriding the built-in theme.
    pub fn theme_dir(&self) -> PathBuf {
        self.data_dir.join("theme")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(file: &str, env: &[(&str, &str)], overrides: Overrides) -> anyhow::Result<Settings> {
        let file: FileSettings = toml::from_str(file)?;
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Settings::resolve(
            Path::new("/tmp/site"),
            file,
            |name| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()),
            &overrides,
        )
    }

    #[test]
    fn defaults_fill_an_empty_file() {
        let s = resolve("", &[], Overrides::default()).expect("settings");
        assert_eq!(s.site_title, "Newsdesk");
        assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(s.base_url, "http://127.0.0.1:8080");
        assert_eq!(s.timezone.name(), "UTC");
        assert_eq!(s.database_url, "sqlite:/tmp/site/newsdesk.db");
    }

    #[test]
    fn environment_beats_file_and_flags_beat_both() {
        let s = resolve(
            "site_title = \"File Times\"\nlisten = \"127.0.0.1:9000\"\ntimezone = \"Europe/London\"",
            &[
                ("NEWSDESK_SITE_TITLE", "Env Herald"),
                ("NEWSDESK_LISTEN", "127.0.0.1:9001"),
            ],
            Overrides {
                listen: Some("127.0.0.1:9002".into()),
                database_url: None,
            },
        )
        .expect("settings");
        assert_eq!(s.site_title, "Env Herald");
        assert_eq!(s.timezone.name(), "Europe/London");
        assert_eq!(s.listen.to_string(), "127.0.0.1:9002");
    }

    #[test]
    fn a_bad_time_zone_names_where_it_came_from() {
        let error = resolve(
            "",
            &[("NEWSDESK_TIMEZONE", "Mars/Base")],
            Overrides::default(),
        )
        .expect_err("refused")
        .to_string();
        assert!(error.contains("NEWSDESK_TIMEZONE"), "{error}");
        assert!(error.contains("Mars/Base"), "{error}");
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        assert!(toml::from_str::<FileSettings>("site_tittle = \"x\"").is_err());
    }

    #[test]
    fn debug_output_hides_database_passwords() {
        let s = resolve(
            "",
            &[],
            Overrides {
                listen: None,
                database_url: Some("postgres://u:hunter2@db/news".into()),
            },
        )
        .expect("settings");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
