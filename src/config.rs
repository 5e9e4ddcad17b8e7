//! Site settings: defaults, then `newsdesk.toml` in the data folder, then `NEWSDESK_*`
//! environment variables, then command-line flags.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use ipnet::IpNet;
use serde::Deserialize;

use crate::domain::{Problem, ReactionKind, SiteTimeZone};
use crate::i18n::Phrase;

pub const CONFIG_FILE: &str = "newsdesk.toml";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

#[derive(Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub site_title: String,
    pub site_description: String,
    /// Language of the site's pages, as a BCP 47 tag (`en`, `sw`, `fr-CA`).
    pub language: String,
    /// The words, dates and numbers of that language (`locales/`, and the site's own
    /// `DATA/theme/locales/LANG/*.ftl` over them).
    pub locale: std::sync::Arc<crate::i18n::Locale>,
    /// Public address of the site without a trailing slash, used in absolute links.
    pub base_url: String,
    pub timezone: SiteTimeZone,
    pub listen: SocketAddr,
    pub database_url: String,
    /// Articles on each page of the home, section, tag and author lists.
    pub per_page: u32,
    /// The reactions readers can give, in the order the buttons appear.
    pub reactions: Vec<ReactionOption>,
    /// How many reaction writes one client address may make: a burst, then a steady rate.
    pub reaction_limit: RateLimit,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// The proxies whose `X-Forwarded-For` is believed: loopback and private networks
    /// unless the site names its own.
    pub trusted_proxies: TrustedProxies,
    pub comments: CommentSettings,
    /// Whether feeds carry each article's whole text or only its summary.
    pub feed_content: FeedContent,
    /// Keep rendered public pages in memory (on by default).
    pub page_cache: bool,
    /// The most memory the page cache may use, in MiB.
    pub page_cache_mib: u32,
    /// How many comments one client address may post: a burst, then a steady rate.
    pub comment_limit: RateLimit,
    /// The largest photo upload, in MiB.
    pub media_max_mib: u32,
    /// The most pixels a photo may have, in megapixels; checked before decoding.
    pub media_max_megapixels: u32,
    /// An SMTP relay for password-reset and invitation emails, `smtp://[user:pass@]host[:port]`;
    /// without it the links are written to the log.
    pub smtp_url: Option<String>,
    /// The sender of those emails; `newsdesk@<site host>` when unset.
    pub mail_from: Option<String>,
    /// Where photos are kept: `local` (`DATA/media`), `file:///folder`, `memory://`, or
    /// `s3://bucket/prefix` in a build with the `s3` feature.
    pub media_store: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedContent {
    Full,
    Summary,
}

/// Which new comments wait for a moderator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    /// Every comment waits for a moderator.
    HoldAll,
    /// A commenter with an approved comment (matched by email) is approved at once.
    HoldFirstTime,
    /// Comments appear at once unless a spam rule holds them.
    ApproveAll,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CommentSettings {
    pub moderation: Moderation,
    /// Levels of nesting shown; a reply deeper than this joins the deepest level.
    pub max_depth: u32,
    /// Comments close this many days after publication; 0 keeps them open.
    pub close_after_days: u32,
    /// A post sooner than this after the page was served is a bot's.
    pub min_seconds: u32,
    /// A comment with more links than this waits for a moderator.
    pub max_links: u32,
    /// The longest comment, in characters.
    pub max_length: u32,
    /// Words, phrases or email addresses that mark a comment as spam (case-insensitive).
    pub blocklist: Vec<String>,
}

impl Default for CommentSettings {
    fn default() -> Self {
        CommentSettings {
            moderation: Moderation::HoldFirstTime,
            max_depth: 3,
            close_after_days: 0,
            min_seconds: 3,
            max_links: 2,
            max_length: 5_000,
            blocklist: Vec::new(),
        }
    }
}

/// One reaction button: its stored name, the label readers see, and its emoji.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReactionOption {
    pub kind: ReactionKind,
    pub label: String,
    pub emoji: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    /// Writes allowed at once before the client must wait.
    pub burst: u32,
    /// Writes allowed per minute after the burst is spent.
    pub per_minute: u32,
}

/// The networks a site's reverse proxies are in. Only a connection from one of them may
/// say who the client is, and only their own hops are skipped when reading
/// `X-Forwarded-For` from the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Loopback and the private ranges (RFC 1918, IPv6 unique local): where a site's own
    /// proxy usually is, and where no reader on the internet can connect from.
    pub fn private_networks() -> TrustedProxies {
        let nets = [
            "127.0.0.0/8",
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "::1/128",
            "fc00::/7",
        ];
        TrustedProxies(nets.iter().filter_map(|n| n.parse().ok()).collect())
    }

    /// Reads a list of networks (`10.0.0.0/8`) or single addresses (`203.0.113.7`).
    pub fn parse<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<TrustedProxies, String> {
        let mut nets = Vec::new();
        for item in items.into_iter().map(str::trim).filter(|i| !i.is_empty()) {
            let net = match item.parse::<IpNet>() {
                Ok(net) => net.trunc(),
                Err(_) => match item.parse::<IpAddr>() {
                    Ok(ip) => IpNet::from(ip),
                    Err(_) => {
                        return Err(format!(
                            "{item:?} is not a network or an address; write 10.0.0.0/8, \
                             2001:db8::/32 or 203.0.113.7"
                        ));
                    }
                },
            };
            nets.push(net);
        }
        Ok(TrustedProxies(nets))
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }
}

impl fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&list.join(", "))
    }
}

/// At most this many reaction buttons: each is on every article page, in every count the
/// API and the live updates send.
pub const MAX_REACTIONS: usize = 12;
/// The longest label a reaction button may have, in characters.
pub const MAX_REACTION_LABEL: usize = 40;
/// The longest emoji, in bytes: room for one emoji however it is composed (skin tones,
/// flags, a family joined with zero-width joiners), not for a paragraph.
pub const MAX_REACTION_EMOJI_BYTES: usize = 32;

/// Checks a site's reaction buttons, `(kind, label, emoji)` in order, wherever they are
/// set (`newsdesk.toml`, the settings page, the API): one to `MAX_REACTIONS` of them, each
/// kind a short name listed once, a label of one to `MAX_REACTION_LABEL` characters and an
/// emoji of at most `MAX_REACTION_EMOJI_BYTES` bytes. Every problem is named at once.
pub fn check_reactions(
    list: &[(String, String, String)],
) -> Result<Vec<ReactionOption>, Vec<Problem>> {
    if list.is_empty() {
        return Err(vec![Problem::new(
            "keep at least one reaction",
            Phrase::new("desk-reactions-none"),
        )]);
    }
    if list.len() > MAX_REACTIONS {
        // Not a message per entry: a list this long is a mistake as a whole.
        return Err(vec![Problem::new(
            format!(
                "{} reactions are listed; a site offers at most {MAX_REACTIONS}, since each is \
                 a button under every article",
                list.len()
            ),
            Phrase::new("desk-reactions-too-many")
                .with("count", list.len())
                .with("max", MAX_REACTIONS),
        )]);
    }
    let mut problems = Vec::new();
    let mut options: Vec<ReactionOption> = Vec::new();
    for (kind, label, emoji) in list {
        let kind = match ReactionKind::parse(kind) {
            Ok(kind) if options.iter().any(|o| o.kind == kind) => {
                problems.push(Problem::new(
                    format!("\"{kind}\" is listed twice"),
                    Phrase::new("desk-reactions-twice").with("kind", kind.as_str()),
                ));
                continue;
            }
            Ok(kind) => kind,
            Err(message) => {
                problems.push(Problem::new(
                    message,
                    Phrase::new("desk-reactions-kind").with("value", kind.trim()),
                ));
                continue;
            }
        };
        let label = label.trim();
        let length = label.chars().count();
        if length == 0 || length > MAX_REACTION_LABEL || label.chars().any(char::is_control) {
            problems.push(Problem::new(
                format!(
                    "the label of \"{kind}\" is {length} characters long; it must be 1 to \
                     {MAX_REACTION_LABEL} characters on one line"
                ),
                Phrase::new("desk-reactions-label")
                    .with("kind", kind.as_str())
                    .with("count", length)
                    .with("max", MAX_REACTION_LABEL),
            ));
        }
        let emoji = emoji.trim();
        if emoji.len() > MAX_REACTION_EMOJI_BYTES
            || emoji.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            problems.push(Problem::new(
                format!(
                    "the emoji of \"{kind}\" is {} bytes long; use a single emoji, at most \
                     {MAX_REACTION_EMOJI_BYTES} bytes, or none",
                    emoji.len()
                ),
                Phrase::new("desk-reactions-emoji")
                    .with("kind", kind.as_str())
                    .with("count", emoji.len())
                    .with("max", MAX_REACTION_EMOJI_BYTES),
            ));
        }
        options.push(ReactionOption {
            kind,
            label: label.to_owned(),
            emoji: emoji.to_owned(),
        });
    }
    if problems.is_empty() {
        Ok(options)
    } else {
        Err(problems)
    }
}

/// The seven reactions of the reference paper, in its order.
pub fn default_reactions() -> Vec<ReactionOption> {
    [
        ("like", "Like", "👍"),
        ("dislike", "Dislike", "👎"),
        ("love", "Love", "❤️"),
        ("funny", "Funny", "😂"),
        ("angry", "Angry", "😠"),
        ("sad", "Sad", "😢"),
        ("wow", "Wow", "😮"),
    ]
    .into_iter()
    .filter_map(|(kind, label, emoji)| {
        Some(ReactionOption {
            kind: ReactionKind::parse(kind).ok()?,
            label: label.into(),
            emoji: emoji.into(),
        })
    })
    .collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileReaction {
    kind: String,
    label: Option<String>,
    emoji: Option<String>,
}

/// The settings an admin changes from `/admin/settings`. They are kept in the database, so
/// every instance sharing it agrees, and they win over the file and the environment.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, Deserialize)]
#[serde(default)]
pub struct SiteOverrides {
    pub site_title: Option<String>,
    pub site_description: Option<String>,
    pub timezone: Option<String>,
    pub per_page: Option<u32>,
    pub moderation: Option<Moderation>,
    /// `(kind, label, emoji)` in the order the buttons appear.
    pub reactions: Option<Vec<(String, String, String)>>,
}

impl SiteOverrides {
    /// The key the overrides are stored under.
    pub const KEY: &'static str = "site_settings";

    /// Checks every value, naming the field of each that is wrong.
    pub fn validate(&self) -> Result<(), crate::domain::FieldErrors> {
        let mut errors = crate::domain::FieldErrors::new();
        if let Some(title) = &self.site_title {
            errors.check(
                "site_title",
                crate::domain::required_text(title, "the site title", 120),
            );
        }
        if let Some(text) = &self.site_description {
            errors.check(
                "site_description",
                crate::domain::optional_text(Some(text), "the description", 300),
            );
        }
        if let Some(zone) = &self.timezone {
            errors.check(
                "timezone",
                SiteTimeZone::parse(zone.trim()).map_err(|english| {
                    Problem::new(
                        english,
                        Phrase::new("desk-settings-timezone-unknown").with("value", zone.trim()),
                    )
                }),
            );
        }
        if let Some(per_page) = self.per_page
            && !(1..=100).contains(&per_page)
        {
            errors.say(
                "per_page",
                format!("{per_page} is not between 1 and 100"),
                Phrase::new("desk-settings-per-page-range")
                    .with("value", per_page)
                    .with("min", 1u32)
                    .with("max", 100u32),
            );
        }
        if let Some(Err(problems)) = self.reactions.as_deref().map(check_reactions) {
            for problem in problems {
                errors.add("reactions", problem);
            }
        }
        errors.into_result()
    }

    /// The settings with these overrides applied; values that no longer parse are skipped.
    pub fn apply(&self, base: &Settings) -> Settings {
        let mut settings = base.clone();
        if let Some(title) = &self.site_title {
            settings.site_title = title.trim().to_owned();
        }
        if let Some(text) = &self.site_description {
            settings.site_description = text.trim().to_owned();
        }
        if let Some(zone) = self
            .timezone
            .as_deref()
            .and_then(|z| SiteTimeZone::parse(z.trim()).ok())
        {
            settings.timezone = zone;
        }
        if let Some(per_page) = self.per_page.filter(|n| (1..=100).contains(n)) {
            settings.per_page = per_page;
        }
        if let Some(moderation) = self.moderation {
            settings.comments.moderation = moderation;
        }
        // A list saved before today's limits (twelve thousand buttons) is left out whole.
        if let Some(Ok(options)) = self.reactions.as_deref().map(check_reactions) {
            settings.reactions = options;
        }
        settings
    }
}

/// Every setting in force, with the secrets in URLs masked: what the start-up log shows.
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let masked = |url: &Option<String>| url.as_deref().map(crate::secrets::redact_url);
        let kinds: Vec<&str> = self.reactions.iter().map(|r| r.kind.as_str()).collect();
        f.debug_struct("Settings")
            .field("data_dir", &self.data_dir)
            .field("site_title", &self.site_title)
            .field("language", &self.language)
            .field("base_url", &self.base_url)
            .field("timezone", &self.timezone.name())
            .field("listen", &self.listen)
            .field(
                "database_url",
                &crate::secrets::redact_url(&self.database_url),
            )
            .field("per_page", &self.per_page)
            .field("reactions", &kinds)
            .field("reaction_limit", &self.reaction_limit)
            .field("trust_forwarded_for", &self.trust_forwarded_for)
            .field(
                "trusted_proxies",
                &format_args!("[{}]", self.trusted_proxies),
            )
            .field("moderation", &self.comments.moderation)
            .field("comment_limit", &self.comment_limit)
            .field("feed_content", &self.feed_content)
            .field("page_cache", &self.page_cache)
            .field("page_cache_mib", &self.page_cache_mib)
            .field("media_max_mib", &self.media_max_mib)
            .field("media_max_megapixels", &self.media_max_megapixels)
            .field("media_store", &masked(&self.media_store))
            .field("smtp_url", &masked(&self.smtp_url))
            .field("mail_from", &self.mail_from)
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
    reactions: Option<Vec<FileReaction>>,
    reaction_limit: Option<RateLimit>,
    trust_forwarded_for: Option<bool>,
    trusted_proxies: Option<Vec<String>>,
    comments: Option<CommentSettings>,
    comment_limit: Option<RateLimit>,
    feed_content: Option<FeedContent>,
    page_cache: Option<bool>,
    page_cache_mib: Option<u32>,
    media_max_mib: Option<u32>,
    media_max_megapixels: Option<u32>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    media_store: Option<String>,
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

# The reactions under each article, in order; rename, reorder or drop them here.
# [[reactions]]
# kind = "like"
# label = "Like"
# emoji = "👍"

# How many reaction writes one client address may make: a burst, then per minute.
# [reaction_limit]
# burst = 30
# per_minute = 60

# Behind a reverse proxy that sets X-Forwarded-For, trust it for the client address.
# The header counts only on connections from trusted_proxies (loopback and private
# networks unless listed here); it is read from the right, skipping those proxies, so
# an address a client wrote into the header itself is never believed.
# trust_forwarded_for = false
# trusted_proxies = ["10.0.0.0/8", "203.0.113.7"]   # or NEWSDESK_TRUSTED_PROXIES, comma-separated

# Reader comments.
# [comments]
# moderation = "hold_first_time"   # or "hold_all", "approve_all"
# max_depth = 3                    # levels of replies shown
# close_after_days = 0             # 0: comments stay open
# min_seconds = 3                  # sooner than this after the page loaded is a bot
# max_links = 2                    # more links than this waits for a moderator
# max_length = 5000                # characters
# blocklist = ["casino", "spammer@example.com"]

# Rendered public pages are kept in memory, pre-compressed (NEWSDESK_PAGE_CACHE=off to disable).
# page_cache = true
# page_cache_mib = 32

# Password-reset and invitation emails go through an SMTP relay without TLS (a local
# postfix or msmtp, or a relay on a private network); without one, links go to the log.
# smtp_url = "smtp://user:password@127.0.0.1:25"      # or NEWSDESK_SMTP_URL
# mail_from = "newsroom@example.com"                  # or NEWSDESK_MAIL_FROM

# Where photos are kept: "local" (this folder's media/), "file:///srv/newsdesk-media" (a
# folder several instances share), or "s3://bucket/prefix" in a build with --features s3
# (credentials and region from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION,
# AWS_ENDPOINT for S3-compatible stores). Or NEWSDESK_MEDIA_STORE.
# media_store = "local"

# Photo uploads: the largest file (MiB) and the most pixels (megapixels) accepted.
# media_max_mib = 20
# media_max_megapixels = 50

# Feeds carry each article's "full" text or only its "summary".
# feed_content = "full"

# How many comments one client address may post: a burst, then per minute.
# [comment_limit]
# burst = 5
# per_minute = 2
"#;

impl Settings {
    /// A moment as the newsroom reads it, in the site's time zone and language:
    /// `Dec 1, 2026 - 14:30`, `1 Des 2026 - 14:30`.
    pub fn dateline(&self, at: jiff::Timestamp) -> String {
        self.locale.date(
            &at.to_zoned(self.timezone.zone().clone()),
            crate::i18n::DateStyle::Dateline,
        )
    }

    /// The admin-editable settings that differ between `before` and these, each as
    /// `name: old → new` (reactions by name only), for the audit log.
    pub fn changes_from(&self, before: &Settings) -> Vec<String> {
        let mut changes = Vec::new();
        let mut compare = |name: &str, old: String, new: String| {
            if old != new {
                changes.push(format!("{name}: \"{old}\" → \"{new}\""));
            }
        };
        compare(
            "site title",
            before.site_title.clone(),
            self.site_title.clone(),
        );
        compare(
            "description",
            before.site_description.clone(),
            self.site_description.clone(),
        );
        compare(
            "time zone",
            before.timezone.name().to_owned(),
            self.timezone.name().to_owned(),
        );
        compare(
            "articles per page",
            before.per_page.to_string(),
            self.per_page.to_string(),
        );
        compare(
            "comment moderation",
            format!("{:?}", before.comments.moderation),
            format!("{:?}", self.comments.moderation),
        );
        let reactions = |s: &Settings| {
            s.reactions
                .iter()
                .map(|r| format!("{} {} {}", r.kind, r.label, r.emoji))
                .collect::<Vec<_>>()
                .join(", ")
        };
        compare("reactions", reactions(before), reactions(self));
        changes
    }

    /// Reads the settings for the site in `data_dir`, creating the folder and a commented
    /// settings file on first use (both readable by their owner only): what `serve` does.
    pub fn load(data_dir: &Path, overrides: &Overrides) -> anyhow::Result<Settings> {
        crate::files::create_private_dir(data_dir)
            .with_context(|| format!("could not create the data folder {}", data_dir.display()))?;
        let path = data_dir.join(CONFIG_FILE);
        if !path.exists() {
            use std::io::Write;
            crate::files::create_private_file(&path)
                .and_then(|mut file| file.write_all(DEFAULT_FILE.as_bytes()))
                .with_context(|| format!("could not write {}", path.display()))?;
        }
        Self::read(data_dir, overrides)
    }

    /// Reads the settings for the site in `data_dir` without writing anything: a missing
    /// folder or settings file means the defaults. For the commands that only act on a
    /// database, which may be elsewhere.
    pub fn read(data_dir: &Path, overrides: &Overrides) -> anyhow::Result<Settings> {
        let path = data_dir.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(error) => {
                return Err(error).with_context(|| format!("could not read {}", path.display()));
            }
        };
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

        let reactions = match file.reactions {
            None => default_reactions(),
            Some(list) => {
                // A kind of the default seven keeps its label and emoji unless given.
                let defaults = default_reactions();
                let list: Vec<(String, String, String)> = list
                    .into_iter()
                    .map(|item| {
                        let default = defaults
                            .iter()
                            .find(|d| d.kind.as_str() == item.kind.trim());
                        let label = item
                            .label
                            .or_else(|| default.map(|d| d.label.clone()))
                            .unwrap_or_else(|| item.kind.trim().to_owned());
                        let emoji = item
                            .emoji
                            .or_else(|| default.map(|d| d.emoji.clone()))
                            .unwrap_or_default();
                        (item.kind, label, emoji)
                    })
                    .collect();
                check_reactions(&list).map_err(|problems| {
                    let english: Vec<String> = problems.into_iter().map(String::from).collect();
                    anyhow::anyhow!("[[reactions]] in {CONFIG_FILE}: {}", english.join("; "))
                })?
            }
        };

        let mut reaction_limit = file.reaction_limit.unwrap_or(RateLimit {
            burst: 30,
            per_minute: 60,
        });
        for (var, slot) in [
            ("NEWSDESK_REACTION_BURST", &mut reaction_limit.burst),
            (
                "NEWSDESK_REACTION_PER_MINUTE",
                &mut reaction_limit.per_minute,
            ),
        ] {
            if let Some(text) = env(var) {
                *slot = text
                    .trim()
                    .parse()
                    .map_err(|_| anyhow::anyhow!("{var}: {text:?} is not a whole number"))?;
            }
        }
        if reaction_limit.burst == 0 {
            bail!("reaction_limit.burst is 0; readers could never react");
        }
        let comments = file.comments.unwrap_or_default();
        if comments.max_depth == 0 {
            bail!("comments.max_depth is 0; use 1 for no replies, 3 for the usual threads");
        }
        if comments.max_length == 0 {
            bail!("comments.max_length is 0; readers could never comment");
        }
        let comment_limit = file.comment_limit.unwrap_or(RateLimit {
            burst: 5,
            per_minute: 2,
        });
        let feed_content = match env("NEWSDESK_FEED_CONTENT").as_deref().map(str::trim) {
            Some("full") => FeedContent::Full,
            Some("summary") => FeedContent::Summary,
            Some(other) => bail!("NEWSDESK_FEED_CONTENT: {other:?} is not full or summary"),
            None => file.feed_content.unwrap_or(FeedContent::Full),
        };
        let page_cache = match env("NEWSDESK_PAGE_CACHE").as_deref().map(str::trim) {
            Some("on" | "true" | "1") => true,
            Some("off" | "false" | "0") => false,
            Some(other) => bail!("NEWSDESK_PAGE_CACHE: {other:?} is not on or off"),
            None => file.page_cache.unwrap_or(true),
        };
        let page_cache_mib = file.page_cache_mib.unwrap_or(32).max(1);
        let media_max_mib = file.media_max_mib.unwrap_or(20).clamp(1, 200);
        let media_max_megapixels = file.media_max_megapixels.unwrap_or(50).clamp(1, 500);
        // For a setting that may be absent, an empty variable takes the file's value away
        // (`NEWSDESK_SMTP_URL=""` turns off a relay the file names).
        let optional = |key: &str, from_file: Option<String>| -> Option<String> {
            match env(&format!("NEWSDESK_{}", key.to_uppercase())) {
                Some(value) => Some(value),
                None => from_file,
            }
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
        };
        let smtp_url = optional("smtp_url", file.smtp_url);
        if let Some(url) = &smtp_url {
            crate::mail::SmtpAddress::parse(url).map_err(|e| {
                anyhow::anyhow!("smtp_url {:?}: {e}", crate::secrets::redact_url(url))
            })?;
        }
        let media_store = optional("media_store", file.media_store);
        let mail_from = optional("mail_from", file.mail_from);
        let trusted_proxies = match env("NEWSDESK_TRUSTED_PROXIES") {
            Some(text) if text.trim().is_empty() => None,
            Some(text) => Some(
                TrustedProxies::parse(text.split(','))
                    .map_err(|e| anyhow::anyhow!("NEWSDESK_TRUSTED_PROXIES: {e}"))?,
            ),
            None => match &file.trusted_proxies {
                Some(list) => Some(
                    TrustedProxies::parse(list.iter().map(String::as_str))
                        .map_err(|e| anyhow::anyhow!("trusted_proxies in {CONFIG_FILE}: {e}"))?,
                ),
                None => None,
            },
        }
        .filter(|proxies| !proxies.0.is_empty());
        // Naming the proxies means trusting them, unless the site says otherwise.
        let trust_forwarded_for = match env("NEWSDESK_TRUST_FORWARDED_FOR") {
            Some(text) if !text.trim().is_empty() => match text.trim() {
                "1" | "true" | "yes" | "on" => true,
                "0" | "false" | "no" | "off" => false,
                other => bail!("NEWSDESK_TRUST_FORWARDED_FOR: {other:?} is not true or false"),
            },
            _ => file
                .trust_forwarded_for
                .unwrap_or(trusted_proxies.is_some()),
        };
        let trusted_proxies = trusted_proxies.unwrap_or_else(TrustedProxies::private_networks);

        let locale =
            crate::i18n::Locale::load(&language, Some(&crate::i18n::overrides_dir(data_dir)))
                .with_context(|| format!("the site's messages for {language:?}"))?;
        Ok(Settings {
            data_dir: data_dir.to_owned(),
            site_title,
            site_description,
            language,
            locale,
            base_url,
            timezone,
            listen,
            database_url,
            per_page,
            reactions,
            reaction_limit,
            trust_forwarded_for,
            trusted_proxies,
            comments,
            comment_limit,
            feed_content,
            page_cache,
            page_cache_mib,
            media_max_mib,
            media_max_megapixels,
            smtp_url,
            mail_from,
            media_store,
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
    fn reactions_default_to_the_seven_and_can_be_renamed_and_reordered() {
        let s = resolve("", &[], Overrides::default()).expect("settings");
        let kinds: Vec<&str> = s.reactions.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["like", "dislike", "love", "funny", "angry", "sad", "wow"]
        );
        let s = resolve(
            "[[reactions]]\nkind = \"wow\"\n[[reactions]]\nkind = \"like\"\nlabel = \"Thumbs up\"",
            &[],
            Overrides::default(),
        )
        .expect("settings");
        let labels: Vec<&str> = s.reactions.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Wow", "Thumbs up"]);
        assert!(
            resolve(
                "[[reactions]]\nkind = \"Bad Kind\"",
                &[],
                Overrides::default()
            )
            .is_err()
        );
    }

    fn reactions(n: usize, label: &str, emoji: &str) -> Vec<(String, String, String)> {
        (1..=n)
            .map(|i| (format!("kind-{i}"), label.to_owned(), emoji.to_owned()))
            .collect()
    }

    #[test]
    fn reaction_lists_are_held_to_what_a_page_can_carry() {
        assert_eq!(
            check_reactions(&reactions(12, "Label", "👨‍👩‍👧‍👦")).map(|r| r.len()),
            Ok(12)
        );
        let only = |list: Vec<(String, String, String)>| -> Vec<String> {
            let problems = check_reactions(&list).expect_err("refused");
            problems.into_iter().map(String::from).collect()
        };
        assert_eq!(
            only(reactions(12_000, "Label", "")).len(),
            1,
            "one message for the whole list"
        );
        assert!(only(reactions(13, "Label", ""))[0].contains("at most 12"));
        assert!(only(Vec::new())[0].contains("at least one"));
        assert!(only(reactions(1, &"x".repeat(41), ""))[0].contains("1 to 40"));
        assert!(only(reactions(1, "", ""))[0].contains("1 to 40"));
        assert!(only(reactions(1, "Two\nlines", ""))[0].contains("one line"));
        assert!(only(reactions(1, "Label", &"😀".repeat(9)))[0].contains("at most 32 bytes"));
        assert!(only(reactions(1, "Label", "👍 👍"))[0].contains("single emoji"));
        let twice = vec![
            ("like".to_owned(), "Like".to_owned(), String::new()),
            ("like".to_owned(), "Like".to_owned(), String::new()),
        ];
        assert!(only(twice)[0].contains("listed twice"));
    }

    #[test]
    fn the_file_is_held_to_the_same_reaction_limits() {
        let file: String = (1..=13)
            .map(|i| format!("[[reactions]]\nkind = \"kind-{i}\"\n"))
            .collect();
        let error = resolve(&file, &[], Overrides::default())
            .expect_err("refused")
            .to_string();
        assert!(
            error.contains("newsdesk.toml") && error.contains("at most 12"),
            "{error}"
        );
        assert!(!error.contains('\n'), "one line: {error}");
        let long = format!(
            "[[reactions]]\nkind = \"like\"\nlabel = \"{}\"",
            "x".repeat(41)
        );
        assert!(resolve(&long, &[], Overrides::default()).is_err());
    }

    #[test]
    fn a_stored_list_past_the_limits_is_left_out_whole() {
        let base = resolve("", &[], Overrides::default()).expect("settings");
        let overrides = SiteOverrides {
            reactions: Some(reactions(12_000, "Label", "")),
            ..SiteOverrides::default()
        };
        assert_eq!(overrides.apply(&base).reactions.len(), 7);
    }

    #[test]
    fn trusted_proxies_come_from_the_file_or_the_environment() {
        let s = resolve("trust_forwarded_for = true", &[], Overrides::default()).expect("ok");
        assert!(s.trust_forwarded_for);
        assert_eq!(s.trusted_proxies, TrustedProxies::private_networks());

        let s = resolve(
            "trusted_proxies = [\"203.0.113.0/24\", \"2001:db8::1\"]",
            &[],
            Overrides::default(),
        )
        .expect("ok");
        assert!(s.trust_forwarded_for, "naming proxies trusts them");
        assert!(
            s.trusted_proxies
                .contains("203.0.113.77".parse().expect("ip"))
        );
        assert!(!s.trusted_proxies.contains("10.0.0.1".parse().expect("ip")));

        let s = resolve(
            "trusted_proxies = [\"203.0.113.0/24\"]",
            &[
                ("NEWSDESK_TRUSTED_PROXIES", "10.1.0.0/16, 10.2.0.9"),
                ("NEWSDESK_TRUST_FORWARDED_FOR", "false"),
            ],
            Overrides::default(),
        )
        .expect("ok");
        assert!(!s.trust_forwarded_for, "an explicit false wins");
        assert_eq!(s.trusted_proxies.to_string(), "10.1.0.0/16, 10.2.0.9/32");

        let error = resolve(
            "",
            &[("NEWSDESK_TRUSTED_PROXIES", "10.0.0.0/8,nginx")],
            Overrides::default(),
        )
        .expect_err("refused")
        .to_string();
        assert!(
            error.contains("NEWSDESK_TRUSTED_PROXIES") && error.contains("\"nginx\""),
            "{error}"
        );
        assert!(
            resolve(
                "",
                &[("NEWSDESK_TRUST_FORWARDED_FOR", "maybe")],
                Overrides::default()
            )
            .is_err()
        );
    }

    #[test]
    fn an_empty_variable_turns_off_an_optional_setting_but_not_a_required_one() {
        let file = "smtp_url = \"smtp://relay.internal:25\"\nmail_from = \"desk@example.com\"\n\
                    media_store = \"memory://\"\nsite_title = \"File Times\"";
        let s = resolve(file, &[], Overrides::default()).expect("settings");
        assert_eq!(s.smtp_url.as_deref(), Some("smtp://relay.internal:25"));
        let s = resolve(
            file,
            &[
                ("NEWSDESK_SMTP_URL", ""),
                ("NEWSDESK_MAIL_FROM", " "),
                ("NEWSDESK_MEDIA_STORE", ""),
                ("NEWSDESK_SITE_TITLE", ""),
            ],
            Overrides::default(),
        )
        .expect("settings");
        assert_eq!(s.smtp_url, None);
        assert_eq!(s.mail_from, None);
        assert_eq!(s.media_store, None);
        assert_eq!(s.site_title, "File Times", "a title is never empty");
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        assert!(toml::from_str::<FileSettings>("site_tittle = \"x\"").is_err());
    }

    #[test]
    fn debug_output_hides_every_secret_in_a_url() {
        for database_url in [
            "postgres://u:hunter2@db/news",
            "postgres://u@db/news?password=hunter2",
            "postgres://u@db/news?sslmode=require&sslpassword=hunter2",
        ] {
            let s = resolve(
                "smtp_url = \"smtp://mailer:hunter3@relay:25\"\nmedia_store = \"s3://b/p?secret_access_key=hunter4\"",
                &[],
                Overrides {
                    listen: None,
                    database_url: Some(database_url.into()),
                },
            )
            .expect("settings");
            let shown = format!("{s:?}");
            assert!(
                !shown.contains("hunter2")
                    && !shown.contains("hunter3")
                    && !shown.contains("hunter4"),
                "{shown}"
            );
            assert!(
                shown.contains("db/news") && shown.contains("relay:25"),
                "{shown}"
            );
        }
    }
}
