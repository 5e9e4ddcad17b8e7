//! Newsdesk's records in the shapes of Ghost 5's Content API: every field Ghost has is
//! present, `null` when Newsdesk has nothing for it (never an empty string); times carry
//! milliseconds and the site's offset; addresses are absolute.
//!
//! How Newsdesk maps onto Ghost: a story is a post; its section is its primary tag and
//! comes first among its tags (a section and a tag that share a slug are one Ghost tag,
//! named as the section); the standfirst is the custom excerpt; the lead photo is the
//! feature image, its credit in the caption (`Photo: …`); SEO fields are the meta fields.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::ids::{self, Kind};
use super::params::{Formats, Include};
use crate::markdown;
use crate::store::{Article, Author, GhostTag, Section, Tag};

/// The Ghost version whose Content API this is, as `Content-Version` and `settings.version`.
pub const GHOST_VERSION: &str = "5.0";
/// `Content-Version`, the header Ghost answers every Content API request with.
pub const CONTENT_VERSION: &str = "v5.0";
/// Characters of a story's text that make its excerpt when it has no standfirst (Ghost's).
const EXCERPT_CHARS: usize = 500;

/// How the site makes its addresses: set by the web layer, which owns them.
#[derive(Clone, Copy)]
pub struct Paths {
    pub article: fn(&str) -> String,
    pub section: fn(&str) -> String,
    pub tag: fn(&str) -> String,
    pub author: fn(&str) -> String,
}

/// What every record needs to know of the site.
pub struct Site<'a> {
    /// Without a trailing slash.
    pub base_url: &'a str,
    pub timezone: &'a TimeZone,
    pub paths: Paths,
    /// The sections, so a tag that shares a section's slug is shown as that section.
    pub sections: &'a [Section],
}

impl Site<'_> {
    /// An address on this site, absolute; others as they are.
    pub fn absolute(&self, url: &str) -> String {
        if url.starts_with('/') && !url.starts_with("//") {
            format!("{}{url}", self.base_url)
        } else {
            url.to_owned()
        }
    }
}

/// A time as Ghost writes it: `2024-07-17T11:32:00.000+03:00`, in the site's zone.
pub fn time(at: Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone())
        .strftime("%Y-%m-%dT%H:%M:%S.%3f%:z")
        .to_string()
}

/// What a request asked each story record to hold.
#[derive(Debug, Clone, Copy)]
pub struct Wanted<'a> {
    pub include: Include,
    pub formats: Formats,
    pub fields: Option<&'a [String]>,
}

#[derive(Serialize)]
struct PostRecord {
    slug: String,
    id: String,
    uuid: String,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plaintext: Option<String>,
    comment_id: String,
    feature_image: Option<String>,
    feature_image_alt: Option<String>,
    feature_image_caption: Option<String>,
    featured: bool,
    visibility: &'static str,
    created_at: String,
    updated_at: String,
    published_at: Option<String>,
    custom_excerpt: Option<String>,
    codeinjection_head: Option<String>,
    codeinjection_foot: Option<String>,
    custom_template: Option<String>,
    canonical_url: Option<String>,
    url: String,
    excerpt: Option<String>,
    reading_time: u64,
    access: bool,
    comments: bool,
    og_image: Option<String>,
    og_title: Option<String>,
    og_description: Option<String>,
    twitter_image: Option<String>,
    twitter_title: Option<String>,
    twitter_description: Option<String>,
    meta_title: Option<String>,
    meta_description: Option<String>,
    email_subject: Option<String>,
    frontmatter: Option<String>,
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Addresses on this site in rendered HTML made absolute, so a front-end on another host
/// shows the site's photos and links.
fn absolute_links(html: &str, base_url: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    loop {
        let next = ["src=\"/", "href=\"/"]
            .iter()
            .filter_map(|pattern| rest.find(pattern).map(|at| (at, pattern.len())))
            .min();
        let Some((at, len)) = next else {
            break;
        };
        let (head, tail) = rest.split_at(at + len - 1);
        out.push_str(head);
        if !tail.starts_with("//") {
            out.push_str(base_url);
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Words as Ghost counts them for reading time (tags stripped; runs of letters, digits and
/// underscores; each CJK character a word).
fn count_words(html: &str) -> u64 {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let cjk = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{3040}'..='\u{309F}' | '\u{AC00}'..='\u{D7AF}');
    let wordy = |c: char| c.is_alphanumeric() || c == '_';
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if cjk(c) {
            words += 1;
            in_word = false;
        } else if wordy(c) {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    words
}

/// Minutes to read, as Ghost estimates them: 275 words a minute, plus 12 seconds for the
/// first image, 11 for the second… and 3 for each from the tenth on.
fn reading_time(html: &str, feature_image: bool) -> u64 {
    let images = html.matches("<img").count() as u64 + u64::from(feature_image);
    let mut seconds = count_words(html) as f64 / (275.0 / 60.0);
    for n in 0..images {
        seconds += (12_i64 - n as i64).max(3) as f64;
    }
    (seconds / 60.0).round() as u64
}

/// `feature_image_caption`: the caption, then the credit as the site shows it.
fn caption(article: &Article) -> Option<String> {
    let image = article.lead_image.as_ref()?;
    let caption = image
        .caption
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let credit = image
        .credit
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| format!("Photo: {}.", c.trim_end_matches('.')));
    match (caption, credit) {
        (Some(caption), Some(credit)) => {
            Some(format!("{} {}", escape_html(caption), escape_html(&credit)))
        }
        (Some(only), None) => Some(escape_html(only)),
        (None, Some(only)) => Some(escape_html(&only)),
        (None, None) => None,
    }
}

fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// A story as a Ghost post (`kind`: a post, or a page when pages are served).
pub fn post(article: &Article, kind: Kind, site: &Site<'_>, wanted: Wanted<'_>) -> Value {
    let id = ids::encode(kind, article.id);
    let html = absolute_links(&markdown::render(&article.body), site.base_url);
    let plaintext = markdown::plain_text_blocks(&article.body);
    let feature_image = article
        .lead_image
        .as_ref()
        .map(|image| site.absolute(&image.url));
    let custom_excerpt = non_empty(article.standfirst.as_deref());
    let excerpt = custom_excerpt.clone().or_else(|| {
        let cut: String = plaintext.chars().take(EXCERPT_CHARS).collect();
        (!cut.is_empty()).then_some(cut)
    });
    let record = PostRecord {
        slug: article.slug.to_string(),
        uuid: ids::uuid(kind, article.id),
        title: article.title.clone(),
        reading_time: reading_time(&html, feature_image.is_some()),
        html: wanted.formats.html.then(|| html.clone()),
        plaintext: wanted.formats.plaintext.then(|| plaintext.clone()),
        comment_id: id.clone(),
        id,
        feature_image_alt: article
            .lead_image
            .as_ref()
            .and_then(|image| non_empty(Some(&image.alt))),
        feature_image_caption: caption(article),
        feature_image,
        featured: false,
        visibility: "public",
        created_at: time(article.created_at, site.timezone),
        updated_at: time(article.updated_at, site.timezone),
        published_at: article.published_at.map(|at| time(at, site.timezone)),
        custom_excerpt,
        codeinjection_head: None,
        codeinjection_foot: None,
        custom_template: None,
        canonical_url: None,
        url: site.absolute(&(site.paths.article)(article.slug.as_str())),
        excerpt,
        access: true,
        // Ghost's own comments app: Newsdesk's comments live on its own pages.
        comments: false,
        og_image: None,
        og_title: None,
        og_description: None,
        twitter_image: None,
        twitter_title: None,
        twitter_description: None,
        meta_title: non_empty(article.seo_title.as_deref()),
        meta_description: non_empty(article.seo_description.as_deref()),
        email_subject: None,
        frontmatter: None,
    };
    let mut value = serde_json::to_value(record).unwrap_or(Value::Null);
    if let Some(map) = value.as_object_mut() {
        if kind == Kind::Page {
            map.insert("show_title_and_feature_image".into(), Value::Bool(true));
        }
        if wanted.include.tags {
            let tags = story_tags(article, site);
            map.insert(
                "primary_tag".into(),
                tags.first().cloned().unwrap_or(Value::Null),
            );
            map.insert("tags".into(), Value::Array(tags));
        }
        if wanted.include.authors {
            let authors: Vec<Value> = article
                .authors
                .iter()
                .map(|a| author(a, None, site))
                .collect();
            map.insert(
                "primary_author".into(),
                authors.first().cloned().unwrap_or(Value::Null),
            );
            map.insert("authors".into(), Value::Array(authors));
        }
        if let Some(fields) = wanted.fields {
            keep_fields(
                map,
                fields,
                &["tags", "authors", "primary_tag", "primary_author"],
            );
        }
    }
    value
}

/// A story's Ghost tags: its section first, then its tags (a tag that shares a section's
/// slug shown as that section).
fn story_tags(article: &Article, site: &Site<'_>) -> Vec<Value> {
    let mut tags = vec![tag(&section_tag(&article.section, None), site)];
    for t in &article.tags {
        if t.slug == article.section.slug {
            continue;
        }
        let merged = site
            .sections
            .iter()
            .find(|s| s.slug == t.slug)
            .map_or_else(|| plain_tag(t), |s| section_tag(s, Some(t.id)));
        tags.push(tag(&merged, site));
    }
    tags
}

fn section_tag(section: &Section, tag_id: Option<i64>) -> GhostTag {
    GhostTag {
        section_id: Some(section.id),
        tag_id,
        slug: section.slug.clone(),
        name: section.name.clone(),
        description: section.description.clone(),
        posts: None,
    }
}

fn plain_tag(t: &Tag) -> GhostTag {
    GhostTag {
        section_id: None,
        tag_id: Some(t.id),
        slug: t.slug.clone(),
        name: t.name.clone(),
        description: None,
        posts: None,
    }
}

/// The Ghost id of a Ghost tag: its section's when it has one.
pub fn tag_id(tag: &GhostTag) -> String {
    match (tag.section_id, tag.tag_id) {
        (Some(section), _) => ids::encode(Kind::Section, section),
        (None, Some(t)) => ids::encode(Kind::Tag, t),
        (None, None) => ids::encode(Kind::Tag, 0),
    }
}

/// A section or tag as a Ghost tag.
pub fn tag(tag: &GhostTag, site: &Site<'_>) -> Value {
    let path = if tag.section_id.is_some() {
        (site.paths.section)(tag.slug.as_str())
    } else {
        (site.paths.tag)(tag.slug.as_str())
    };
    let mut value = json!({
        "id": tag_id(tag),
        "name": tag.name,
        "slug": tag.slug,
        "description": non_empty(tag.description.as_deref()),
        "feature_image": null,
        "visibility": "public",
        "og_image": null,
        "og_title": null,
        "og_description": null,
        "twitter_image": null,
        "twitter_title": null,
        "twitter_description": null,
        "meta_title": null,
        "meta_description": null,
        "codeinjection_head": null,
        "codeinjection_foot": null,
        "canonical_url": null,
        "accent_color": null,
        "url": site.absolute(&path),
    });
    if let Some(posts) = tag.posts {
        value["count"] = json!({ "posts": posts });
    }
    value
}

/// An author as a Ghost author.
pub fn author(author: &Author, posts: Option<i64>, site: &Site<'_>) -> Value {
    let mut value = json!({
        "id": ids::encode(Kind::Author, author.id),
        "name": author.name,
        "slug": author.slug,
        "profile_image": author.photo_url.as_deref().map(|url| site.absolute(url)),
        "cover_image": null,
        "bio": non_empty(author.bio.as_deref()),
        "website": null,
        "location": null,
        "facebook": null,
        "twitter": null,
        "meta_title": null,
        "meta_description": null,
        "url": site.absolute(&(site.paths.author)(author.slug.as_str())),
    });
    if let Some(posts) = posts {
        value["count"] = json!({ "posts": posts });
    }
    value
}

/// Keeps only the asked-for fields of a record (and what was asked to be included).
pub fn keep_fields(map: &mut Map<String, Value>, fields: &[String], included: &[&str]) {
    map.retain(|key, _| fields.iter().any(|f| f == key) || included.contains(&key.as_str()));
}

/// What the settings resource tells of the site.
pub struct SiteSettings<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub timezone: &'a str,
    /// The favicon's address.
    pub icon: Option<String>,
    /// The theme's accent colour, `#rrggbb`.
    pub accent_color: Option<String>,
}

/// The settings resource: the site's title, description, language, zone and navigation
/// (home, then the sections); Ghost's members, newsletters and portal are off.
pub fn settings(site: &Site<'_>, settings: &SiteSettings<'_>) -> Value {
    let mut navigation = vec![json!({ "label": "Home", "url": "/" })];
    navigation.extend(site.sections.iter().map(|section| {
        json!({
            "label": section.name,
            "url": (site.paths.section)(section.slug.as_str()),
        })
    }));
    json!({
        "title": settings.title,
        "description": non_empty(Some(settings.description)),
        "logo": null,
        "icon": settings.icon,
        "accent_color": settings.accent_color,
        "cover_image": null,
        "facebook": null,
        "twitter": null,
        "lang": settings.language,
        "locale": settings.language,
        "timezone": settings.timezone,
        "codeinjection_head": null,
        "codeinjection_foot": null,
        "navigation": navigation,
        "secondary_navigation": [],
        "meta_title": null,
        "meta_description": null,
        "og_image": null,
        "og_title": null,
        "og_description": null,
        "twitter_image": null,
        "twitter_title": null,
        "twitter_description": null,
        "members_support_address": null,
        "members_enabled": false,
        "members_invite_only": false,
        "paid_members_enabled": false,
        "firstpromoter_account": null,
        "portal_button": false,
        "portal_button_icon": null,
        "portal_button_signup_text": null,
        "portal_button_style": null,
        "portal_name": false,
        "portal_plans": [],
        "portal_signup_checkbox_required": false,
        "portal_signup_terms_html": null,
        "recommendations_enabled": false,
        "comments_enabled": "off",
        "url": format!("{}/", site.base_url),
        "version": GHOST_VERSION,
    })
}

/// `meta.pagination` as Ghost writes it (`limit` is `"all"` when all were asked for).
pub fn pagination(page: u32, limit: Option<u32>, total: i64) -> Value {
    let total = total.max(0) as u64;
    let pages = match limit {
        Some(limit) => total.div_ceil(u64::from(limit)).max(1),
        None => 1,
    };
    let page = u64::from(page);
    json!({
        "page": page,
        "limit": limit.map_or(json!("all"), |l| json!(l)),
        "pages": pages,
        "total": total,
        "next": (page < pages).then_some(page + 1),
        "prev": (pages > 1 && page > 1).then(|| page - 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_have_milliseconds_and_the_sites_offset() {
        let at: Timestamp = "2024-07-17T08:32:00Z".parse().expect("time");
        let nairobi = TimeZone::get("Africa/Nairobi").expect("zone");
        assert_eq!(time(at, &nairobi), "2024-07-17T11:32:00.000+03:00");
        assert_eq!(time(at, &TimeZone::UTC), "2024-07-17T08:32:00.000+00:00");
    }

    #[test]
    fn reading_time_follows_ghosts_estimate() {
        let words = "word ".repeat(550);
        assert_eq!(reading_time(&format!("<p>{words}</p>"), false), 2);
        // 137 words (30 s) and two images (12 + 11 s): one minute.
        let short = "word ".repeat(137);
        assert_eq!(reading_time(&format!("<p>{short}</p><img src=x>"), true), 1);
        assert_eq!(reading_time("", false), 0);
        assert_eq!(count_words("<p>Hello, wörld_2 — 東京</p>"), 4);
    }

    #[test]
    fn site_addresses_in_html_become_absolute() {
        assert_eq!(
            absolute_links(
                r#"<img src="/media/a.webp"><a href="/article/x">x</a><a href="//cdn/x">y</a><a href="https://e.org/">z</a>"#,
                "https://news.example"
            ),
            r#"<img src="https://news.example/media/a.webp"><a href="https://news.example/article/x">x</a><a href="//cdn/x">y</a><a href="https://e.org/">z</a>"#
        );
    }

    #[test]
    fn pagination_is_ghosts() {
        assert_eq!(
            pagination(1, Some(15), 0),
            json!({"page": 1, "limit": 15, "pages": 1, "total": 0, "next": null, "prev": null})
        );
        assert_eq!(
            pagination(2, Some(5), 12),
            json!({"page": 2, "limit": 5, "pages": 3, "total": 12, "next": 3, "prev": 1})
        );
        assert_eq!(
            pagination(1, None, 40),
            json!({"page": 1, "limit": "all", "pages": 1, "total": 40, "next": null, "prev": null})
        );
    }
}
