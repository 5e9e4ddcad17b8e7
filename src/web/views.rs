//! What templates and API responses see of the content: URLs made, times put in the
//! site's zone, Markdown rendered.

use jiff::Timestamp;
use serde::Serialize;

use crate::comments::Thread;
use crate::config::Settings;
use crate::markdown;
use crate::store::{Article, Author, CommentStatus, Section, Tag};

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
}

impl Link {
    pub fn section(section: &Section) -> Link {
        Link {
            name: section.name.clone(),
            slug: section.slug.to_string(),
            url: section_path(section.slug.as_str()),
        }
    }

    pub fn tag(tag: &Tag) -> Link {
        Link {
            name: tag.name.clone(),
            slug: tag.slug.to_string(),
            url: tag_path(tag.slug.as_str()),
        }
    }

    pub fn author(author: &Author) -> Link {
        Link {
            name: author.name.clone(),
            slug: author.slug.to_string(),
            url: author_path(author.slug.as_str()),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct TimeView {
    /// `Jul 17, 2024 - 11:32` in the site's zone.
    pub display: String,
    /// RFC 3339 with the site's offset, for `<time datetime>`.
    pub iso: String,
}

impl TimeView {
    pub fn new(settings: &Settings, at: Timestamp) -> TimeView {
        TimeView {
            display: settings.timezone.format_dateline(at),
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
}

impl ArticleView {
    /// A card in a list: no body.
    pub fn card(settings: &Settings, article: &Article) -> ArticleView {
        let summary = match &article.standfirst {
            Some(standfirst) => standfirst.clone(),
            None => markdown::plain_text(&article.body, 220),
        };
        // "Updated" only for a real edit after publication, not the first save.
        let updated = match article.published_at {
            Some(published)
                if article.version > 1
                    && article.updated_at.as_second() - published.as_second() > 60 =>
            {
                Some(TimeView::new(settings, article.updated_at))
            }
            _ => None,
        };
        ArticleView {
            id: article.id,
            url: article_path(article.slug.as_str()),
            title: article.title.clone(),
            standfirst: article.standfirst.clone(),
            summary,
            body_html: None,
            section: Link::section(&article.section),
            authors: article.authors.iter().map(Link::author).collect(),
            tags: article.tags.iter().map(Link::tag).collect(),
            lead_image: article.lead_image.as_ref().map(|image| LeadImageView {
                url: image.url.clone(),
                alt: image.alt.clone(),
                caption: image.caption.clone(),
                credit_line: image.credit.as_deref().map(credit_line),
                responsive: None,
                card_url: crate::media::sized_url(&image.url, 640),
            }),
            published: article.published_at.map(|at| TimeView::new(settings, at)),
            updated,
            seo_title: article.seo_title.clone(),
            seo_description: article.seo_description.clone(),
            comment_count: 0,
        }
    }

    /// The whole article, body rendered to safe HTML.
    pub fn full(settings: &Settings, article: &Article) -> ArticleView {
        ArticleView {
            body_html: Some(crate::media::responsive_body_images(&body_html(
                &article.body,
            ))),
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
