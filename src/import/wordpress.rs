//! Reading a WordPress export (WXR 1.0 to 1.2, either spelling of its namespace) as a
//! stream. `open` reads the whole file once first, so a file that is not well-formed, or
//! that is hostile, is refused before anything is written; it keeps only what later
//! records refer to (categories, tags, authors, attachments, sticky posts). Stories and
//! comments are then read in batches from fresh passes over the file, and `finish` brings
//! what `import::run` has no place for: pages, the sections' hierarchy, tags' and pages'
//! old addresses, the attachments, spam and trashed comments, sticky posts on the front
//! page and the one-time links authors choose their passwords with.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use async_trait::async_trait;
use jiff::civil::DateTime;
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use super::wordpress_body::{self, Attachment};
use super::xml::{Document, Element, Ns};
use super::{
    CommentRecord, FrontRecord, NO_PASSWORD, PageRecord, PersonRecord, ReactionRecord, Report,
    SectionRecord, Source, StoryRecord, credit_or_caption, encode_path, photos::Photos,
};
use crate::domain::{ArticleStatus, Role, Slug};
use crate::store::{CommentStatus, OldAddress, OldTarget, Store, StoreError};

/// How long the one-time link an imported author chooses a password with lasts.
pub const PASSWORD_LINK_DAYS: i64 = 14;

#[derive(Debug, Clone)]
struct Author {
    login: String,
    email: String,
    name: String,
}

#[derive(Debug, Clone)]
struct Category {
    slug: String,
    name: String,
    parent: Option<String>,
    description: Option<String>,
}

/// What the first pass keeps: what later records refer to, and the totals.
#[derive(Debug, Default)]
struct Scan {
    version: Option<String>,
    base_url: Option<String>,
    authors: Vec<Author>,
    categories: Vec<Category>,
    tags: Vec<(String, String)>,
    attachments: HashMap<String, Attachment>,
    /// Sticky published posts, newest first once sorted.
    sticky: Vec<(String, Timestamp)>,
    posts: u64,
    comments: u64,
    /// Item kinds Newsdesk has no place for, with how many.
    others: BTreeMap<String, u64>,
    notes: Vec<(String, String, String)>,
    /// When the export was made (its `<pubDate>`, else the file's time): the date of an
    /// item that has none, the same on every run.
    exported_at: Option<Timestamp>,
}

/// An export being imported; see the module's description.
pub struct Wordpress {
    path: PathBuf,
    scan: Scan,
    stories: Option<Document>,
    comments: Option<Document>,
    queue: VecDeque<CommentRecord>,
    /// Comments WordPress held as spam or in the trash, set once they exist here.
    comment_status: HashMap<String, CommentStatus>,
    reported: bool,
}

fn decode_percent(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(text.get(i + 1..i + 3).unwrap_or("zz"), 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A slug of the export (percent-encoded for non-Latin words) as Newsdesk can keep it.
fn slug_of(raw: &str, fallback: &str) -> String {
    let decoded = decode_percent(raw.trim());
    match Slug::parse(&decoded) {
        Ok(slug) => slug.to_string(),
        Err(_) if !decoded.is_empty() => Slug::from_title(&decoded).to_string(),
        Err(_) => Slug::from_title(fallback).to_string(),
    }
}

/// A WordPress time (`2012-01-05 14:30:46`, UTC for the `_gmt` fields); WordPress writes
/// `0000-00-00 00:00:00` for none.
fn wp_time(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if text.is_empty() || text.starts_with("0000") {
        return None;
    }
    let civil: DateTime = text.replace(' ', "T").parse().ok()?;
    civil
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

/// Text without markup, for plain fields (an excerpt, a comment).
fn plain(html_text: &str) -> String {
    if !html_text.contains('<') && !html_text.contains('&') {
        return html_text.trim().to_owned();
    }
    let fragment = scraper::Html::parse_fragment(html_text);
    let text: String = fragment.root_element().text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The path (and `?p=` / `?page_id=` query) of one of the old site's addresses.
fn old_path(link: &str) -> Option<String> {
    let url = url::Url::parse(link.trim()).ok()?;
    for (key, value) in url.query_pairs() {
        if matches!(key.as_ref(), "p" | "page_id") && value.chars().all(|c| c.is_ascii_digit()) {
            return Some(format!("/?{key}={value}"));
        }
    }
    let path = decode_percent(url.path());
    let path = path.trim_end_matches('/');
    (!path.is_empty()).then(|| encode_path(path))
}

fn is_image(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let lower = lower.split(['?', '#']).next().unwrap_or("");
    [".jpg", ".jpeg", ".png", ".gif", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// An item's id: its `wp:post_id`, or (in exports without one) its guid, link or title
/// and date, so a second run still knows it.
fn item_id(item: &Element) -> String {
    let id = item.text(Ns::Wp, "post_id");
    if !id.is_empty() {
        return id.to_owned();
    }
    for key in ["guid", "link"] {
        let value = item.text(Ns::Plain, key);
        if !value.is_empty() {
            return format!("{key}:{value}");
        }
    }
    format!(
        "title:{}@{}",
        item.text(Ns::Plain, "title"),
        item.text(Ns::Wp, "post_date")
    )
}

fn meta<'a>(item: &'a Element, key: &str) -> Option<&'a str> {
    item.all(Ns::Wp, "postmeta")
        .find(|m| m.text(Ns::Wp, "meta_key") == key)
        .map(|m| m.text(Ns::Wp, "meta_value"))
}

/// Reads the whole export once: refuses it if it is not well-formed or hostile, and keeps
/// what later records refer to.
pub fn open(path: &Path) -> anyhow::Result<Wordpress> {
    let mut doc = Document::open(path)?;
    let mut scan = Scan::default();
    let mut categories: HashSet<String> = HashSet::new();
    let mut tags: HashSet<String> = HashSet::new();
    let mut logins: HashSet<String> = HashSet::new();
    let mut channel_link = None;
    let mut items = 0u64;
    while let Some(element) = doc.next_element()? {
        match (element.ns, element.name.as_str()) {
            (Ns::Wp, "wxr_version") => scan.version = Some(element.text.trim().to_owned()),
            (Ns::Wp, "base_site_url") if scan.base_url.is_none() => {
                scan.base_url = Some(element.text.trim().trim_end_matches('/').to_owned())
            }
            // Posts' addresses are under the blog's address (WordPress may live in a folder).
            (Ns::Wp, "base_blog_url") => {
                scan.base_url = Some(element.text.trim().trim_end_matches('/').to_owned())
            }
            (Ns::Plain, "link") => channel_link = Some(element.text.trim().to_owned()),
            (Ns::Plain, "pubDate") => {
                scan.exported_at = jiff::fmt::rfc2822::parse(element.text.trim())
                    .ok()
                    .map(|z| z.timestamp())
            }
            (Ns::Wp, "author") => {
                let login = element.text(Ns::Wp, "author_login").to_owned();
                if login.is_empty() || !logins.insert(login.clone()) {
                    continue;
                }
                let name = match element.text(Ns::Wp, "author_display_name") {
                    "" => login.clone(),
                    name => name.to_owned(),
                };
                scan.authors.push(Author {
                    email: element.text(Ns::Wp, "author_email").to_owned(),
                    login,
                    name,
                });
            }
            (Ns::Wp, "category") => {
                let slug = slug_of(
                    element.text(Ns::Wp, "category_nicename"),
                    element.text(Ns::Wp, "cat_name"),
                );
                if !categories.insert(slug.clone()) {
                    continue;
                }
                let parent = element.text(Ns::Wp, "category_parent");
                scan.categories.push(Category {
                    name: match element.text(Ns::Wp, "cat_name") {
                        "" => slug.clone(),
                        name => name.to_owned(),
                    },
                    slug,
                    parent: (!parent.is_empty()).then(|| slug_of(parent, parent)),
                    description: Some(element.text(Ns::Wp, "category_description"))
                        .filter(|d| !d.is_empty())
                        .map(str::to_owned),
                });
            }
            (Ns::Wp, "tag") => {
                let slug = slug_of(
                    element.text(Ns::Wp, "tag_slug"),
                    element.text(Ns::Wp, "tag_name"),
                );
                if tags.insert(slug.clone()) {
                    let name = element.text(Ns::Wp, "tag_name");
                    scan.tags.push((
                        slug.clone(),
                        if name.is_empty() {
                            slug
                        } else {
                            name.to_owned()
                        },
                    ));
                }
            }
            (Ns::Wp, "term") => {
                let taxonomy = element.text(Ns::Wp, "term_taxonomy");
                let slug = slug_of(
                    element.text(Ns::Wp, "term_slug"),
                    element.text(Ns::Wp, "term_name"),
                );
                let name = element.text(Ns::Wp, "term_name").to_owned();
                match taxonomy {
                    "category" => {
                        if categories.insert(slug.clone()) {
                            let parent = element.text(Ns::Wp, "term_parent");
                            scan.categories.push(Category {
                                name: if name.is_empty() { slug.clone() } else { name },
                                slug,
                                parent: (!parent.is_empty()).then(|| slug_of(parent, parent)),
                                description: None,
                            });
                        }
                    }
                    "post_tag" => {
                        if tags.insert(slug.clone()) {
                            scan.tags
                                .push((slug.clone(), if name.is_empty() { slug } else { name }));
                        }
                    }
                    other => scan.notes.push((
                        "term".into(),
                        slug,
                        format!("not brought: Newsdesk has no {other} terms"),
                    )),
                }
            }
            (Ns::Plain, "item") => {
                items += 1;
                scan_item(&element, &mut scan, &mut categories, &mut tags, &mut logins);
            }
            _ => {}
        }
    }
    if scan.base_url.is_none() {
        scan.base_url = channel_link.map(|l| l.trim_end_matches('/').to_owned());
    }
    match scan.version.as_deref() {
        Some("1.0" | "1.1" | "1.2") => {}
        Some(other) => scan.notes.push((
            "site".into(),
            "wxr_version".into(),
            format!("the export says it is WXR version \"{other}\"; read as 1.2"),
        )),
        None if items == 0 && scan.authors.is_empty() && scan.categories.is_empty() => {
            anyhow::bail!(
                "{} holds no WordPress content (no <wp:wxr_version>, no items): is it a WordPress export (Tools › Export)? Nothing was imported",
                path.display()
            );
        }
        None => scan.notes.push((
            "site".into(),
            "wxr_version".into(),
            "the export names no WXR version; read as 1.2".into(),
        )),
    }
    scan.sticky.sort_by_key(|s| std::cmp::Reverse(s.1));
    if scan.exported_at.is_none() {
        scan.exported_at = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| Timestamp::try_from(t).ok());
    }
    Ok(Wordpress {
        path: path.to_owned(),
        scan,
        stories: None,
        comments: None,
        queue: VecDeque::new(),
        comment_status: HashMap::new(),
        reported: false,
    })
}

fn scan_item(
    item: &Element,
    scan: &mut Scan,
    categories: &mut HashSet<String>,
    tags: &mut HashSet<String>,
    logins: &mut HashSet<String>,
) {
    let id = item_id(item);
    let kind = item.text(Ns::Wp, "post_type");
    let status = item.text(Ns::Wp, "status");
    match kind {
        "attachment" => {
            let url = match item.text(Ns::Wp, "attachment_url") {
                "" => item.text(Ns::Plain, "guid"),
                url => url,
            };
            scan.attachments.insert(
                id,
                Attachment {
                    url: url.to_owned(),
                    alt: meta(item, "_wp_attachment_image_alt")
                        .unwrap_or("")
                        .to_owned(),
                    caption: plain(item.raw(Ns::Excerpt, "encoded")),
                    parent: item.text(Ns::Wp, "post_parent").to_owned(),
                },
            );
            return;
        }
        "post" => {
            scan.posts += 1;
            if brings(status) {
                scan.comments += item
                    .all(Ns::Wp, "comment")
                    .filter(|c| matches!(c.text(Ns::Wp, "comment_type"), "" | "comment"))
                    .count() as u64;
                if item.text(Ns::Wp, "is_sticky") == "1" && status == "publish" {
                    let at = wp_time(item.text(Ns::Wp, "post_date_gmt"))
                        .or_else(|| wp_time(item.text(Ns::Wp, "post_date")))
                        .unwrap_or(Timestamp::UNIX_EPOCH);
                    scan.sticky.push((id.clone(), at));
                }
            }
        }
        "page" => {}
        "" => *scan.others.entry("(no post_type)".to_owned()).or_default() += 1,
        other => *scan.others.entry(other.to_owned()).or_default() += 1,
    }
    for term in item.all(Ns::Plain, "category") {
        let nicename = term.attr("nicename").unwrap_or("");
        let slug = slug_of(nicename, &term.text);
        match term.attr("domain") {
            Some("category") if categories.insert(slug.clone()) => scan.categories.push(Category {
                name: term.text.trim().to_owned(),
                slug,
                parent: None,
                description: None,
            }),
            Some("post_tag" | "tag") if tags.insert(slug.clone()) => {
                scan.tags.push((slug, term.text.trim().to_owned()))
            }
            _ => {}
        }
    }
    let creator = item.text(Ns::Dc, "creator");
    if !creator.is_empty() && matches!(kind, "post" | "page") && logins.insert(creator.to_owned()) {
        scan.authors.push(Author {
            login: creator.to_owned(),
            email: String::new(),
            name: creator.to_owned(),
        });
    }
}

/// Whether posts of a WordPress status are brought (trash, auto-drafts and revisions not).
fn brings(status: &str) -> bool {
    !matches!(status, "trash" | "auto-draft" | "inherit")
}

impl Wordpress {
    /// The path the old site lived under (`/blog` for `https://example.org/blog`), or "".
    fn prefix(&self) -> String {
        self.scan
            .base_url
            .as_deref()
            .and_then(|base| url::Url::parse(base).ok())
            .map(|url| url.path().trim_end_matches('/').to_owned())
            .unwrap_or_default()
    }

    fn item_doc(slot: &mut Option<Document>, path: &Path) -> anyhow::Result<Document> {
        match slot.take() {
            Some(doc) => Ok(doc),
            None => Document::open(path),
        }
    }

    fn story(&self, item: &Element, report: &mut Report) -> Option<StoryRecord> {
        let id = item_id(item);
        let wp_status = item.text(Ns::Wp, "status");
        let mut notes = Vec::new();
        let (status, review) = match wp_status {
            "publish" => (ArticleStatus::Published, false),
            "future" => (ArticleStatus::Scheduled, false),
            "pending" => (ArticleStatus::Draft, true),
            "draft" => (ArticleStatus::Draft, false),
            "private" => {
                notes.push("private on WordPress: arrives as a draft".to_owned());
                (ArticleStatus::Draft, false)
            }
            "trash" | "auto-draft" | "inherit" => {
                let why = match wp_status {
                    "trash" => "it was in the trash",
                    "auto-draft" => "it is an auto-draft nobody saved",
                    _ => "it is a revision",
                };
                report.note("post", &id, format!("not brought: {why}"));
                let counts = report.count("stories");
                counts.read += 1;
                counts.skipped += 1;
                return None;
            }
            other => {
                notes.push(format!(
                    "its WordPress status \"{other}\" arrives as a draft"
                ));
                (ArticleStatus::Draft, false)
            }
        };
        let (status, review) = if item.text(Ns::Wp, "post_password").is_empty() {
            (status, review)
        } else {
            notes.push(
                "was password-protected: arrives as a draft (Newsdesk has no passwords on stories)"
                    .to_owned(),
            );
            (ArticleStatus::Draft, false)
        };
        let title = match plain(item.raw(Ns::Plain, "title")) {
            t if t.is_empty() => {
                notes.push("has no title: arrives as \"Untitled\"".to_owned());
                "Untitled".to_owned()
            }
            t => t,
        };
        let raw_slug = item.text(Ns::Wp, "post_name");
        let slug = if raw_slug.is_empty() {
            Slug::from_title(&title).to_string()
        } else {
            slug_of(raw_slug, &title)
        };
        let gmt = wp_time(item.text(Ns::Wp, "post_date_gmt"));
        let local = wp_time(item.text(Ns::Wp, "post_date"));
        let date = gmt
            .or(local)
            .or_else(|| {
                jiff::fmt::rfc2822::parse(item.text(Ns::Plain, "pubDate"))
                    .ok()
                    .map(|z| z.timestamp())
            })
            .or(self.scan.exported_at)
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let body_html = wordpress_body::prepare(
            item.raw(Ns::Content, "encoded"),
            &id,
            &self.scan.attachments,
            &mut notes,
        );
        let mut section = None;
        let mut more_sections = Vec::new();
        let mut story_tags = Vec::new();
        for term in item.all(Ns::Plain, "category") {
            let slug = slug_of(term.attr("nicename").unwrap_or(""), &term.text);
            match term.attr("domain") {
                Some("category") => {
                    if section.is_none() {
                        section = Some(slug);
                    } else {
                        more_sections.push(slug);
                    }
                }
                Some("post_tag" | "tag") => story_tags.push((slug, term.text.trim().to_owned())),
                Some(other) => notes.push(format!(
                    "its {other} \"{}\" was not brought (Newsdesk has no such terms)",
                    term.text.trim()
                )),
                None => {}
            }
        }
        if !more_sections.is_empty() {
            notes.push(format!(
                "also in {}: a Newsdesk story has one section",
                more_sections.join(", ")
            ));
        }
        let thumbnail = meta(item, "_thumbnail_id").unwrap_or("");
        let lead = (!thumbnail.is_empty())
            .then(|| match self.scan.attachments.get(thumbnail) {
                Some(photo) => Some(photo.clone()),
                None => {
                    notes.push(format!(
                        "its featured image (attachment {thumbnail}) is not in the export"
                    ));
                    None
                }
            })
            .flatten();
        let mut old_paths = vec![format!("/?p={id}")];
        // The permalink as the export gives it (its `?p=` form is the one above).
        if let Some(path) = old_path(item.text(Ns::Plain, "link"))
            && !path.starts_with("/?")
            && !old_paths.contains(&path)
        {
            old_paths.push(path);
        }
        let prefix = self.prefix();
        if matches!(wp_status, "publish" | "future") {
            let encoded = encode_path(&decode_percent(raw_slug));
            if !raw_slug.is_empty() {
                if let Some(at) = local.or(gmt) {
                    let day = at.to_zoned(jiff::tz::TimeZone::UTC).date();
                    for path in [
                        format!(
                            "{prefix}/{:04}/{:02}/{:02}/{encoded}",
                            day.year(),
                            day.month(),
                            day.day()
                        ),
                        format!("{prefix}/{:04}/{:02}/{encoded}", day.year(), day.month()),
                    ] {
                        if !old_paths.contains(&path) {
                            old_paths.push(path);
                        }
                    }
                }
                let bare = format!("{prefix}/{encoded}");
                if !old_paths.contains(&bare) {
                    old_paths.push(bare);
                }
            }
        }
        let standfirst = Some(plain(item.raw(Ns::Excerpt, "encoded"))).filter(|s| !s.is_empty());
        let seo_title = meta(item, "_yoast_wpseo_title")
            .or_else(|| meta(item, "_aioseo_title"))
            .filter(|t| !t.is_empty() && !t.contains('%'))
            .map(str::to_owned);
        let seo_description = meta(item, "_yoast_wpseo_metadesc")
            .or_else(|| meta(item, "_aioseo_description"))
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        let published_at = match status {
            ArticleStatus::Published | ArticleStatus::Scheduled => Some(date),
            ArticleStatus::Draft => None,
        };
        let author = Some(item.text(Ns::Dc, "creator"))
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        Some(StoryRecord {
            source_id: id,
            slug,
            title,
            standfirst,
            body_html,
            body_after: None,
            format: None,
            section,
            author,
            tags: story_tags,
            status,
            published_at,
            created_at: date,
            updated_at: date,
            lead_image: lead.as_ref().map(|p| {
                (
                    p.url.clone(),
                    Some(p.caption.clone()).filter(|c| !c.is_empty()),
                )
            }),
            lead_alt: lead.map(|p| p.alt).filter(|a| !a.is_empty()),
            seo_title,
            seo_description,
            reads: 0,
            review,
            extra: json!({
                "status": wp_status,
                "sticky": item.text(Ns::Wp, "is_sticky") == "1",
                "comment_status": item.text(Ns::Wp, "comment_status"),
            }),
            old_paths,
            notes,
        })
    }

    fn queue_comments(&mut self, item: &Element, report: &mut Report) {
        let post = item_id(item);
        let mut comments: Vec<&Element> = item.all(Ns::Wp, "comment").collect();
        comments.sort_by_key(|c| {
            c.text(Ns::Wp, "comment_id")
                .parse::<i64>()
                .unwrap_or(i64::MAX)
        });
        for comment in comments {
            let raw_id = comment.text(Ns::Wp, "comment_id");
            let id = if raw_id.is_empty() {
                format!("{post}-{}", self.queue.len())
            } else {
                raw_id.to_owned()
            };
            match comment.text(Ns::Wp, "comment_type") {
                "" | "comment" => {}
                kind @ ("pingback" | "trackback") => {
                    report.note("comment", &id, format!("a {kind}: not brought"));
                    let counts = report.count("pingbacks and trackbacks");
                    counts.read += 1;
                    counts.skipped += 1;
                    continue;
                }
                other => {
                    report.note(
                        "comment",
                        &id,
                        format!("a comment of type \"{other}\": not brought"),
                    );
                    continue;
                }
            }
            let approved = comment.text(Ns::Wp, "comment_approved");
            match approved {
                "spam" => {
                    self.comment_status.insert(id.clone(), CommentStatus::Spam);
                }
                "trash" | "post-trashed" => {
                    self.comment_status
                        .insert(id.clone(), CommentStatus::Deleted);
                }
                _ => {}
            }
            let parent = comment.text(Ns::Wp, "comment_parent");
            let created_at = wp_time(comment.text(Ns::Wp, "comment_date_gmt"))
                .or_else(|| wp_time(comment.text(Ns::Wp, "comment_date")))
                .unwrap_or(Timestamp::UNIX_EPOCH);
            let name = match plain(comment.raw(Ns::Wp, "comment_author")) {
                n if n.is_empty() => "Anonymous".to_owned(),
                n => n,
            };
            let body = plain_paragraphs(comment.raw(Ns::Wp, "comment_content"));
            self.queue.push_back(CommentRecord {
                source_id: id,
                story: post.clone(),
                parent: (!parent.is_empty() && parent != "0").then(|| parent.to_owned()),
                name,
                email: Some(comment.text(Ns::Wp, "comment_author_email"))
                    .filter(|e| !e.is_empty())
                    .map(str::to_owned),
                body,
                approved: approved == "1" || approved == "approve",
                created_at,
            });
        }
    }
}

/// A comment's words as plain text, its paragraphs kept apart.
fn plain_paragraphs(text: &str) -> String {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(plain)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[async_trait]
impl Source for Wordpress {
    fn name(&self) -> &'static str {
        "wordpress"
    }

    async fn totals(&mut self) -> anyhow::Result<(u64, u64)> {
        Ok((self.scan.posts, self.scan.comments))
    }

    async fn sections(&mut self, report: &mut Report) -> anyhow::Result<Vec<SectionRecord>> {
        if !self.reported {
            self.reported = true;
            for (kind, id, why) in std::mem::take(&mut self.scan.notes) {
                report.note(&kind, id, why);
            }
            for (kind, count) in &self.scan.others {
                report.note(
                    kind,
                    "*",
                    format!(
                        "{count} item(s) of type \"{kind}\" not brought: Newsdesk has no such thing"
                    ),
                );
                let counts = report.count(kind);
                counts.read += count;
                counts.skipped += count;
            }
        }
        let by_slug: HashMap<&str, &Category> = self
            .scan
            .categories
            .iter()
            .map(|c| (c.slug.as_str(), c))
            .collect();
        let mut records = Vec::new();
        for (position, category) in self.scan.categories.iter().enumerate() {
            // WordPress's address of a category holds its ancestors: /category/news/local.
            let mut chain = vec![category.slug.clone()];
            let mut at = category;
            while let Some(parent) = at.parent.as_deref().and_then(|p| by_slug.get(p)) {
                if chain.contains(&parent.slug) || chain.len() > 10 {
                    break;
                }
                chain.insert(0, parent.slug.clone());
                at = parent;
            }
            let full = encode_path(&chain.join("/"));
            let mut old_paths = vec![format!("/category/{full}")];
            let short = format!("/category/{}", encode_path(&category.slug));
            if !old_paths.contains(&short) {
                old_paths.push(short);
            }
            // Newsdesk's subsections go one level deep: a deeper one sits under its
            // top-level ancestor.
            let top = match category.parent.as_deref() {
                None => None,
                Some(parent) if !by_slug.contains_key(parent) => {
                    report.note(
                        "category",
                        &category.slug,
                        format!("its parent ({parent}) is not in the export: a top-level section"),
                    );
                    None
                }
                Some(parent) => {
                    let top = chain.first().filter(|top| **top != category.slug);
                    if let Some(top) = top.filter(|top| top.as_str() != parent) {
                        report.note(
                            "category",
                            &category.slug,
                            format!(
                                "sits under {top}, not {parent}: Newsdesk's subsections go one level deep"
                            ),
                        );
                    }
                    top.cloned()
                }
            };
            records.push(SectionRecord {
                source_id: category.slug.clone(),
                slug: category.slug.clone(),
                name: category.name.clone(),
                description: category.description.clone(),
                position: position as i64,
                parent: top,
                on_home: None,
                colour: None,
                extra: json!({ "parent": category.parent }),
                old_paths,
                old_feeds: vec![format!("/category/{full}/feed")],
                language: None,
            });
        }
        // A subsection is placed under a section made before it.
        records.sort_by_key(|record| record.parent.is_some());
        Ok(records)
    }

    async fn pages(&mut self, report: &mut Report) -> anyhow::Result<Vec<PageRecord>> {
        self.read_pages(report)
    }

    async fn front_page(&mut self, _report: &mut Report) -> anyhow::Result<FrontRecord> {
        // Sticky posts, newest first, lead the front page and fill its top slots.
        Ok(FrontRecord {
            top: self.scan.sticky.iter().map(|(id, _)| id.clone()).collect(),
            ..FrontRecord::default()
        })
    }

    async fn people(&mut self, report: &mut Report) -> anyhow::Result<Vec<PersonRecord>> {
        let mut people = Vec::new();
        for author in &self.scan.authors {
            let slug = slug_of(&author.login, &author.name);
            let email = if author.email.contains('@') {
                author.email.clone()
            } else {
                report.note(
                    "user",
                    &author.login,
                    format!(
                        "the export holds no email address for {}: arrives as {slug}@wordpress.invalid; set a real one in the newsroom",
                        author.login
                    ),
                );
                format!("{slug}@wordpress.invalid")
            };
            people.push(PersonRecord {
                source_id: author.login.clone(),
                email,
                name: author.name.clone(),
                slug: slug.clone(),
                role: Some(Role::Author),
                // WXR holds no passwords: `finish` gives each a one-time link instead.
                password_hash: Some(NO_PASSWORD.to_owned()),
                active: true,
                bio: None,
                avatar: None,
                old_paths: vec![format!(
                    "/author/{}",
                    encode_path(&decode_percent(&author.login))
                )],
                old_feeds: vec![format!(
                    "/author/{}/feed",
                    encode_path(&decode_percent(&author.login))
                )],
            });
        }
        Ok(people)
    }

    async fn next_stories(
        &mut self,
        limit: usize,
        report: &mut Report,
    ) -> anyhow::Result<Vec<StoryRecord>> {
        let mut doc = Self::item_doc(&mut self.stories, &self.path)?;
        let mut batch = Vec::new();
        while batch.len() < limit.max(1) {
            let Some(element) = doc.next_element()? else {
                break;
            };
            if element.ns != Ns::Plain || element.name != "item" {
                continue;
            }
            if element.text(Ns::Wp, "post_type") == "post"
                && let Some(record) = self.story(&element, report)
            {
                batch.push(record);
            }
        }
        self.stories = Some(doc);
        Ok(batch)
    }

    async fn next_comments(
        &mut self,
        limit: usize,
        report: &mut Report,
    ) -> anyhow::Result<Vec<CommentRecord>> {
        let mut doc = Self::item_doc(&mut self.comments, &self.path)?;
        while self.queue.len() < limit.max(1) {
            let Some(element) = doc.next_element()? else {
                break;
            };
            if element.ns == Ns::Plain
                && element.name == "item"
                && element.text(Ns::Wp, "post_type") == "post"
                && brings(element.text(Ns::Wp, "status"))
            {
                self.queue_comments(&element, report);
            }
        }
        self.comments = Some(doc);
        let take = self.queue.len().min(limit.max(1));
        Ok(self.queue.drain(..take).collect())
    }

    async fn reactions(&mut self, _report: &mut Report) -> anyhow::Result<Vec<ReactionRecord>> {
        Ok(Vec::new())
    }

    fn fixed_addresses(&self) -> Vec<(String, String)> {
        [
            "/feed",
            "/feed/rss2",
            "/feed/rss",
            "/feed/atom",
            "/rss",
            "/comments/feed",
        ]
        .into_iter()
        .map(|path| (path.to_owned(), "/feed.xml".to_owned()))
        .collect()
    }

    fn image_address(&self, source: &str) -> String {
        let source = source.trim();
        match (
            &self.scan.base_url,
            source.starts_with('/') && !source.starts_with("//"),
        ) {
            (Some(base), true) => format!("{base}{source}"),
            _ => source.to_owned(),
        }
    }

    fn image_file(&self, source: &str) -> Option<String> {
        let source = source.trim();
        let at = source.find("wp-content/uploads/")?;
        let relative = &source[at + "wp-content/uploads/".len()..];
        let relative = relative.split(['?', '#']).next().unwrap_or("");
        (!relative.is_empty()).then(|| decode_percent(relative))
    }
}

/// What `finish` needs besides the store.
pub struct Finish<'a> {
    pub dry_run: bool,
    /// The site's address, for the authors' one-time links.
    pub base_url: &'a str,
}

impl Wordpress {
    /// Brings what `import::run` has no place for; see the module's description.
    pub async fn finish(
        &mut self,
        store: &dyn Store,
        photos: Option<&mut Photos>,
        options: &Finish<'_>,
        report: &mut Report,
    ) -> anyhow::Result<()> {
        let dry = options.dry_run;
        let mut addresses: Vec<OldAddress> = Vec::new();
        self.tag_addresses(store, &mut addresses, report).await?;
        self.attachments(store, photos, dry, report).await?;
        if !dry {
            self.comment_statuses(store, report).await?;
            self.password_links(store, options.base_url, report).await?;
            for chunk in addresses.chunks(500) {
                store.save_old_addresses(chunk).await?;
            }
        }
        report.count("addresses").read += addresses.len() as u64;
        Ok(())
    }

    async fn tag_addresses(
        &self,
        store: &dyn Store,
        addresses: &mut Vec<OldAddress>,
        report: &mut Report,
    ) -> anyhow::Result<()> {
        for (slug, name) in &self.scan.tags {
            report.count("tags").read += 1;
            match store.tag_by_slug(slug).await {
                Ok(tag) => {
                    let old = format!("/tag/{}", encode_path(slug));
                    if old != format!("/tag/{}", tag.slug) {
                        addresses.push(OldAddress {
                            path: old.clone(),
                            target: OldTarget::Tag(tag.id),
                        });
                    }
                    addresses.push(OldAddress {
                        path: format!("{old}/feed"),
                        target: OldTarget::Path(format!("/tag/{}/feed.xml", tag.slug)),
                    });
                }
                Err(StoreError::NotFound) => {
                    report.count("tags").skipped += 1;
                    report.note(
                        "tag",
                        slug,
                        format!("\"{name}\" is on no story brought: not made here"),
                    );
                }
                Err(other) => return Err(other.into()),
            }
        }
        Ok(())
    }

    /// Published pages become the site's pages; drafts are reported, as a Newsdesk page is
    /// public as soon as it exists.
    fn read_pages(&self, report: &mut Report) -> anyhow::Result<Vec<PageRecord>> {
        let mut pages = Vec::new();
        let mut doc = Document::open(&self.path)?;
        while let Some(item) = doc.next_element()? {
            if item.ns != Ns::Plain
                || item.name != "item"
                || item.text(Ns::Wp, "post_type") != "page"
            {
                continue;
            }
            let id = item_id(&item);
            let status = item.text(Ns::Wp, "status");
            if status != "publish" || !item.text(Ns::Wp, "post_password").is_empty() {
                report.count("pages").read += 1;
                report.count("pages").skipped += 1;
                report.note(
                    "page",
                    &id,
                    format!(
                        "not brought: a {} page (a Newsdesk page is public as soon as it exists)",
                        if status == "publish" {
                            "password-protected"
                        } else {
                            status
                        }
                    ),
                );
                continue;
            }
            let mut notes = Vec::new();
            let prepared = wordpress_body::prepare(
                item.raw(Ns::Content, "encoded"),
                &id,
                &self.scan.attachments,
                &mut notes,
            );
            let title = match plain(item.raw(Ns::Plain, "title")) {
                t if t.is_empty() => "Untitled".to_owned(),
                t => t,
            };
            let mut old_paths = vec![format!("/?page_id={id}")];
            if let Some(path) = old_path(item.text(Ns::Plain, "link"))
                && !path.starts_with("/?")
            {
                old_paths.push(path);
            }
            pages.push(PageRecord {
                slug: slug_of(item.text(Ns::Wp, "post_name"), &title),
                source_id: id,
                title,
                body_html: prepared,
                seo_title: meta(&item, "_yoast_wpseo_title")
                    .filter(|t| !t.is_empty() && !t.contains('%'))
                    .map(str::to_owned),
                seo_description: meta(&item, "_yoast_wpseo_metadesc")
                    .filter(|d| !d.is_empty())
                    .map(str::to_owned),
                contact_form: false,
                old_paths,
                notes,
                language: None,
            });
        }
        Ok(pages)
    }

    /// Every photo attachment into the media library (the ones stories show are there
    /// already; the library keeps each once), with its alt text, credit or caption.
    async fn attachments(
        &self,
        store: &dyn Store,
        photos: Option<&mut Photos>,
        dry: bool,
        report: &mut Report,
    ) -> anyhow::Result<()> {
        let mut ids: Vec<&String> = self.scan.attachments.keys().collect();
        ids.sort_by_key(|id| id.parse::<i64>().unwrap_or(i64::MAX));
        let Some(photos) = photos else {
            if !ids.is_empty() {
                report.note(
                    "attachment",
                    "*",
                    format!(
                        "{} attachment(s) keep their old addresses: no --uploads folder given",
                        ids.len()
                    ),
                );
                let counts = report.count("attachments");
                counts.read += ids.len() as u64;
                counts.skipped += ids.len() as u64;
            }
            return Ok(());
        };
        for id in ids {
            let attachment = &self.scan.attachments[id];
            report.count("attachments").read += 1;
            if !is_image(&attachment.url) {
                report.note(
                    "attachment",
                    id,
                    format!("{} is not a photo: kept at its old address", attachment.url),
                );
                report.count("attachments").skipped += 1;
                continue;
            }
            let Some(relative) = self.image_file(&attachment.url) else {
                report.note(
                    "attachment",
                    id,
                    format!(
                        "{} is not under wp-content/uploads: kept at its old address",
                        attachment.url
                    ),
                );
                report.count("attachments").skipped += 1;
                continue;
            };
            let outcome = if dry {
                if photos.exists(&relative) {
                    Ok(String::new())
                } else {
                    Err(format!("{relative} is missing"))
                }
            } else {
                let (credit, caption) = credit_or_caption(Some(&attachment.caption));
                photos
                    .bring_described(
                        store,
                        &relative,
                        &attachment.alt,
                        credit.as_deref(),
                        caption.as_deref(),
                    )
                    .await
            };
            match outcome {
                Ok(_) => report.count("attachments").created += 1,
                Err(why) => {
                    report.note("attachment", id, format!("not brought: {why}"));
                    report.count("attachments").skipped += 1;
                }
            }
        }
        Ok(())
    }

    async fn comment_statuses(&self, store: &dyn Store, report: &mut Report) -> anyhow::Result<()> {
        if self.comment_status.is_empty() {
            return Ok(());
        }
        let mapped = store.import_mappings("wordpress", "comment").await?;
        for (id, status) in &self.comment_status {
            let Some(comment) = mapped.get(id).filter(|m| m.present) else {
                continue;
            };
            store
                .update_comment(comment.target_id, Some(*status), None, Timestamp::now())
                .await?;
            report.note(
                "comment",
                id,
                match status {
                    CommentStatus::Spam => "was spam on WordPress: kept as spam",
                    _ => "was in WordPress's trash: kept as deleted",
                },
            );
        }
        Ok(())
    }

    /// A WordPress export holds no passwords: each author who has none here gets a
    /// one-time link to choose one, in the report (nobody can sign in as them until then).
    async fn password_links(
        &self,
        store: &dyn Store,
        base_url: &str,
        report: &mut Report,
    ) -> anyhow::Result<()> {
        let mapped = store.import_mappings("wordpress", "user").await?;
        let now = Timestamp::now();
        let mut logins: Vec<&String> = mapped.keys().collect();
        logins.sort();
        for login in logins {
            let user_id = mapped[login].target_id;
            let user = match store.user_by_id(user_id).await {
                Ok(user) => user,
                Err(StoreError::NotFound) => continue,
                Err(other) => return Err(other.into()),
            };
            if user.password_hash != NO_PASSWORD || !user.active {
                continue;
            }
            let token = crate::auth::new_api_token();
            store
                .create_password_reset(
                    user.id,
                    &crate::auth::token_hash(&token),
                    now,
                    now + SignedDuration::from_hours(24 * PASSWORD_LINK_DAYS),
                )
                .await?;
            report.count("password links").created += 1;
            report.note(
                "user",
                login,
                format!(
                    "cannot sign in until {} chooses a password (WordPress exports hold none) with this one-time link, valid {PASSWORD_LINK_DAYS} days: {}/admin/password-reset/{token}",
                    user.email,
                    base_url.trim_end_matches('/')
                ),
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_paths_keep_queries_and_drop_hosts() {
        assert_eq!(
            old_path("http://example.org/?p=12").as_deref(),
            Some("/?p=12")
        );
        assert_eq!(
            old_path("https://example.org/2012/01/05/hello-world/").as_deref(),
            Some("/2012/01/05/hello-world")
        );
        assert_eq!(old_path("http://example.org/").as_deref(), None);
    }

    #[test]
    fn times_and_slugs() {
        assert!(wp_time("0000-00-00 00:00:00").is_none());
        assert_eq!(
            wp_time("2012-01-05 14:30:46")
                .map(|t| t.to_string())
                .as_deref(),
            Some("2012-01-05T14:30:46Z")
        );
        assert_eq!(slug_of("hello-world", "x"), "hello-world");
        assert_eq!(slug_of("", "Hello World"), "hello-world");
    }
}
