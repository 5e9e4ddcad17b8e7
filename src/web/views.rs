//! What templates and API responses see of the content: URLs made, times put in the
//! site's zone, Markdown rendered.

use jiff::Timestamp;
use serde::Serialize;

use crate::comments::Thread;
use crate::config::Settings;
use crate::i18n::DateStyle;
use crate::markdown;
use crate::store::{Article, Author, CommentStatus, Correction, Section, Tag};

pub fn article_path(slug: &str) -> String {
    format!("/article/{slug}")
}

pub fn section_path(slug: &str) -> String {
    format!("/section/{slug}")
}

pub fn tag_path(slug: &str) -> String {
    format!("/tag/{slug}")
}

pub fn author_path(slug: &str) -> String {
    format!("/author/{slug}")
}

#[derive(Debug, Serialize)]
pub struct Link {
    pub name: String,
    pub slug: String,
    pub url: String,
    /// A section's colour, for its kicker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
}

impl Link {
    pub fn section(section: &Section) -> Link {
        Link {
            name: section.name.clone(),
            slug: section.slug.to_string(),
            url: section.path(),
            colour: section.colour.clone(),
        }
    }

    pub fn tag(tag: &Tag) -> Link {
        Link {
            name: tag.name.clone(),
            slug: tag.slug.to_string(),
            url: tag_path(tag.slug.as_str()),
            colour: None,
        }
    }

    /// The link within an edition: `/tag/x` in Swahili is `/sw/tag/x`.
    pub fn within(mut self, language: Option<crate::domain::Language>) -> Link {
        if !self.url.is_empty() && crate::editions::split_path(&self.url).is_none() {
            self.url = crate::editions::path_in(language, &self.url);
        }
        self
    }

    pub fn author(author: &Author) -> Link {
        Link {
            name: author.name.clone(),
            slug: author.slug.to_string(),
            url: author_path(author.slug.as_str()),
            colour: None,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct TimeView {
    /// `Jul 17, 2024 - 11:32` in the site's zone.
    pub display: String,
    /// RFC 3339 with the site's offset, for `<time datetime>`.
    pub iso: String,
    /// `12 minutes ago` within the first day, then `display`.
    pub relative: String,
    /// The full date and time in the site's zone, for `<time title>`.
    pub full: String,
}

impl TimeView {
    /// A moment in the site's zone and language.
    pub fn new(settings: &Settings, at: Timestamp) -> TimeView {
        let locale = &settings.locale;
        let local = at.to_zoned(settings.timezone.zone().clone());
        let display = locale.date(&local, DateStyle::Dateline);
        TimeView {
            relative: locale
                .relative(at, Timestamp::now())
                .unwrap_or_else(|| display.clone()),
            full: locale.date(&local, DateStyle::Full),
            display,
            iso: settings.timezone.format_rfc3339(at),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct LeadImageView {
    pub url: String,
    pub alt: String,
    pub caption: Option<String>,
    /// `Photo: Courtesy.`, ready to print.
    pub credit_line: Option<String>,
    /// The library's sizes, when the photo is one of ours.
    pub responsive: Option<super::media::Responsive>,
    /// The address to use where the photo is shown small (cards).
    pub card_url: String,
    /// A library photo's sizes for cards, WebP and its fallback, as `srcset` values.
    pub card_webp_srcset: Option<String>,
    pub card_srcset: Option<String>,
}

/// The credit line under a photo, `Photo: <credit>.`, without doubling a final stop.
pub fn credit_line(credit: &str) -> String {
    let credit = credit.trim();
    if credit.ends_with(['.', '!', '?']) {
        format!("Photo: {credit}")
    } else {
        format!("Photo: {credit}.")
    }
}

#[derive(Debug, Serialize)]
pub struct ArticleView {
    pub id: i64,
    pub url: String,
    pub title: String,
    pub standfirst: Option<String>,
    /// A short plain-text summary for cards and descriptions.
    pub summary: String,
    pub body_html: Option<String>,
    pub section: Link,
    pub authors: Vec<Link>,
    pub tags: Vec<Link>,
    pub lead_image: Option<LeadImageView>,
    pub published: Option<TimeView>,
    pub updated: Option<TimeView>,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    /// Approved comments only.
    pub comment_count: i64,
    /// The label before its headline (`Exclusive`), if any.
    pub label: Option<String>,
    /// Whether it is paid-for content, which says so on the article.
    pub sponsored: bool,
    /// The place before the first paragraph, as printed (`NAIROBI`).
    pub dateline: Option<String>,
    /// "This story is from PNN." when the copy is not the newsroom's own.
    pub provenance: Option<String>,
    /// The original story's address, when there is one.
    pub provenance_url: Option<String>,
    /// Corrections and clarifications (newest first), shown at the top.
    pub corrections: Vec<NoteView>,
    /// Updates and editor's notes, in the order they were written.
    pub updates: Vec<NoteView>,
}

/// A public note on a story as readers see it.
#[derive(Debug, Serialize)]
pub struct NoteView {
    pub id: i64,
    pub kind: &'static str,
    /// `Correction`, `Update`... in the site's language.
    pub label: String,
    pub text: String,
    pub time: TimeView,
}

/// A story's label as readers read it: the labels every site has (Live, Exclusive...) in
/// the page's language, a site's own label as the newsroom wrote it.
pub fn story_label(settings: &Settings, label: Option<&str>) -> Option<String> {
    label.map(|label| crate::front_page::label_in(&settings.locale, label))
}

/// A note's kind as readers read it (Correction, Sahihisho…), in the settings' language.
pub fn note_label(settings: &Settings, note: &Correction) -> String {
    settings
        .locale
        .t(&format!("note-{}", note.kind.as_str().replace('_', "-")))
}

impl NoteView {
    pub fn new(settings: &Settings, note: &Correction) -> NoteView {
        NoteView {
            id: note.id,
            kind: note.kind.as_str(),
            label: note_label(settings, note),
            text: note.body.clone(),
            time: TimeView::new(settings, note.noted_at),
        }
    }
}

/// Plain text made safe between HTML tags (feeds carry it too, so spaces stay spaces).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Puts the dateline before the first paragraph of a rendered body: `NAIROBI —` opening it.
pub fn with_dateline(body_html: &str, dateline: Option<&str>) -> String {
    let Some(dateline) = dateline else {
        return body_html.to_owned();
    };
    let mark = format!(
        "<span class=\"dateline\">{} —</span> ",
        escape_html(&crate::trust::dateline_text(dateline))
    );
    let trimmed = body_html.trim_start();
    match trimmed.strip_prefix("<p>") {
        Some(rest) => format!("<p>{mark}{rest}"),
        None => format!("<p class=\"dateline-line\">{mark}</p>\n{trimmed}"),
    }
}

impl ArticleView {
    /// A card in a list: no body.
    pub fn card(settings: &Settings, article: &Article) -> ArticleView {
        let summary = match &article.standfirst {
            Some(standfirst) => standfirst.clone(),
            None => markdown::plain_text(&article.body, 220),
        };
        // "Updated" only after a real edit of a public story (`crate::trust::shown_update`).
        let updated = article
            .updated_shown_at
            .map(|at| TimeView::new(settings, at));
        let language = article.language();
        let mut authors: Vec<Link> = article
            .authors
            .iter()
            .map(|a| Link::author(a).within(language))
            .collect();
        if let Some(agency) = crate::trust::agency_byline(article) {
            authors.push(Link {
                name: agency.to_owned(),
                slug: String::new(),
                url: String::new(),
                colour: None,
            });
        }
        ArticleView {
            id: article.id,
            url: crate::editions::story_path(article),
            title: article.title.clone(),
            standfirst: article.standfirst.clone(),
            summary,
            body_html: None,
            section: Link::section(&article.section),
            authors,
            tags: article
                .tags
                .iter()
                .map(|t| Link::tag(t).within(language))
                .collect(),
            lead_image: article.lead_image.as_ref().map(|image| LeadImageView {
                url: image.url.clone(),
                alt: image.alt.clone(),
                caption: image.caption.clone(),
                credit_line: image.credit.as_deref().map(credit_line),
                responsive: None,
                card_url: crate::media::sized_url(&image.url, 640),
                card_webp_srcset: crate::media::card_srcset(&image.url, true),
                card_srcset: crate::media::card_srcset(&image.url, false),
            }),
            published: article.published_at.map(|at| TimeView::new(settings, at)),
            updated,
            seo_title: article.seo_title.clone(),
            seo_description: article.seo_description.clone(),
            comment_count: 0,
            label: story_label(settings, article.label.as_deref()),
            sponsored: article.label.as_deref() == Some(crate::front_page::SPONSORED),
            dateline: article.dateline.as_deref().map(crate::trust::dateline_text),
            provenance: crate::trust::provenance_line(&article.source),
            provenance_url: article.source.url.clone(),
            corrections: Vec::new(),
            updates: Vec::new(),
        }
    }

    /// Adds the story's public notes: corrections and clarifications newest first, the
    /// others in the order they were written.
    pub fn with_notes(mut self, settings: &Settings, notes: &[Correction]) -> ArticleView {
        let (mut corrections, updates): (Vec<&Correction>, Vec<&Correction>) =
            notes.iter().partition(|n| n.kind.owns_a_mistake());
        corrections.reverse();
        self.corrections = corrections
            .into_iter()
            .map(|n| NoteView::new(settings, n))
            .collect();
        self.updates = updates
            .into_iter()
            .map(|n| NoteView::new(settings, n))
            .collect();
        self
    }

    /// The whole article, body rendered to safe HTML.
    pub fn full(settings: &Settings, article: &Article) -> ArticleView {
        ArticleView {
            body_html: Some(with_dateline(
                &crate::media::responsive_body_images(&body_html(&article.body)),
                article.dateline.as_deref(),
            )),
            ..ArticleView::card(settings, article)
        }
    }
}

/// An article body as readers see it: Markdown rendered safely, embeds as placeholders that
/// load nothing from their provider before the reader clicks.
pub fn body_html(markdown: &str) -> String {
    body_html_with(markdown, &|_| crate::embeds::Preview::default())
}

/// The same, with what the server learnt about each embed from its provider.
pub fn body_html_with(markdown: &str, preview: &dyn Fn(&str) -> crate::embeds::Preview) -> String {
    crate::embeds::render(&markdown::render(markdown), preview)
}

/// A comment as readers see it: never the email address.
#[derive(Debug, Serialize)]
pub struct CommentView {
    pub id: i64,
    pub author_name: String,
    pub time: TimeView,
    pub body_html: String,
    /// The reader's own comment, not yet approved.
    pub awaiting: bool,
    /// A hidden comment that approved replies hang from.
    pub removed: bool,
    pub replies: Vec<CommentView>,
}

impl CommentView {
    pub fn new(settings: &Settings, thread: &Thread) -> CommentView {
        let comment = &thread.comment;
        CommentView {
            id: comment.id,
            author_name: if thread.placeholder {
                String::new()
            } else {
                comment.author_name.clone()
            },
            time: TimeView::new(settings, comment.created_at),
            body_html: if thread.placeholder {
                String::new()
            } else {
                crate::comments::render_body(&comment.body)
            },
            awaiting: !thread.placeholder && comment.status != CommentStatus::Approved,
            removed: thread.placeholder,
            replies: thread
                .replies
                .iter()
                .map(|t| CommentView::new(settings, t))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn credit_lines_read_like_the_paper() {
        assert_eq!(super::credit_line("Courtesy"), "Photo: Courtesy.");
        assert_eq!(super::credit_line("Courtesy."), "Photo: Courtesy.");
        assert_eq!(super::credit_line(" AFP "), "Photo: AFP.");
    }
}
