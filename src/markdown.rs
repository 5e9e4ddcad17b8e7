//! Article bodies: Markdown rendered to HTML, then sanitised so nothing an author pastes can run.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    // Headings start at h2: the headline is the page's only h1.
    let tags: HashSet<&str> = [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    ]
    .into_iter()
    .collect();
    builder
        .tags(tags)
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true);
    builder
});

/// Renders an article body written in Markdown to HTML that is safe to put in a page.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options).collect();
    // The body's top heading level becomes h2, whatever the author typed, so headings
    // follow the headline (the page's only h1) without skipping a level.
    let top = events
        .iter()
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|e| shift_heading(e, top)));
    SANITIZER.clean(&html).to_string()
}

/// Plain text of a Markdown body, for summaries and descriptions.
pub fn plain_text(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push(' '),
            _ => {}
        }
        if text.chars().count() > max_chars {
            break;
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{cut}…")
}

/// The whole body as plain text: blocks (paragraphs, headings, quotations) apart by an
/// empty line, list items and line breaks on lines of their own, images and markup left
/// out. What Ghost front-ends get as a story's `plaintext`.
pub fn plain_text_blocks(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::with_capacity(markdown.len());
    let mut in_image = 0usize;
    let block_end = |text: &mut String, gap: &str| {
        let trimmed = text.trim_end_matches([' ', '\n']).len();
        text.truncate(trimmed);
        if !text.is_empty() {
            text.push_str(gap);
        }
    };
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::End(TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => {
                block_end(&mut text, "\n")
            }
            Event::End(TagEnd::TableCell) => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table,
            )
            | Event::Rule => block_end(&mut text, "\n\n"),
            _ => {}
        }
    }
    text.trim_end().to_owned()
}

fn shift_heading(event: Event<'_>, top: usize) -> Event<'_> {
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shifted(level, top),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shifted(level, top))),
        other => other,
    }
}

fn shifted(level: HeadingLevel, top: usize) -> HeadingLevel {
    match (level as usize + 2).saturating_sub(top) {
        0..=2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_parts_of_a_news_story() {
        let html = render(
            "Lead paragraph with a [link](https://example.com).\n\n> A quotation.\n\n## Subheading\n\n![Alt](https://example.com/a.jpg)",
        );
        assert!(html.contains("<p>Lead paragraph"));
        assert!(html.contains(
            "<a href=\"https://example.com\" rel=\"noopener noreferrer nofollow\">link</a>"
        ));
        assert!(html.contains("<blockquote>"));
        assert!(html.contains("<h2>Subheading</h2>"));
        assert!(html.contains("<img src=\"https://example.com/a.jpg\" alt=\"Alt\">"));
    }

    #[test]
    fn the_only_h1_is_the_headline_and_levels_follow_it() {
        assert_eq!(render("# Big"), "<h2>Big</h2>\n");
        assert_eq!(
            render("## Sub\n\n### Subsub"),
            "<h2>Sub</h2>\n<h3>Subsub</h3>\n"
        );
        assert_eq!(render("# A\n\n## B"), "<h2>A</h2>\n<h3>B</h3>\n");
    }

    #[test]
    fn plain_text_blocks_keep_paragraphs_apart_and_leave_images_out() {
        assert_eq!(
            plain_text_blocks(
                "First *para*\ngraph.\n\n## Head\n\n- one\n- two\n\n![Alt](x.jpg)\n\n> Quote."
            ),
            "First para graph.\n\nHead\n\none\ntwo\n\nQuote."
        );
    }

    #[test]
    fn plain_text_summarises_on_a_word_boundary() {
        assert_eq!(plain_text("**Bold** and [link](x)", 100), "Bold and link");
        assert_eq!(plain_text("one two three four", 9), "one two…");
    }
}
