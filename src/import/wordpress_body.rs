//! A WordPress post's content made into plain HTML the common converter reads: block
//! comments stripped, paragraphs made where the classic editor left blank lines
//! (`wpautop`), `[caption]`, `[gallery]` and `[embed]` shortcodes and bare embed addresses
//! turned into what they show, and every other shortcode named in the notes.

use std::collections::HashMap;

/// What a post's body needs to know of the export's attachments.
#[derive(Debug, Clone, Default)]
pub struct Attachment {
    pub url: String,
    pub alt: String,
    pub caption: String,
    pub parent: String,
}

/// Shortcodes WordPress and its common plugins register; brackets with any other word
/// inside are ordinary text.
const KNOWN: &[&str] = &[
    "caption",
    "wp_caption",
    "gallery",
    "embed",
    "audio",
    "video",
    "playlist",
    "youtube",
    "vimeo",
    "tweet",
    "twitter",
    "instagram",
    "soundcloud",
    "googlemaps",
    "code",
    "sourcecode",
    "contact-form",
    "contact-field",
    "archives",
    "slideshow",
    "polldaddy",
    "recipe",
    "dailymotion",
    "ted",
    "scribd",
    "wpvideo",
    "flickr",
    "spotify",
];

/// The HTML of a post, ready for `html::to_markdown`, and what was not brought exactly.
pub fn prepare(
    content: &str,
    post_id: &str,
    attachments: &HashMap<String, Attachment>,
    notes: &mut Vec<String>,
) -> String {
    let stripped = strip_comments(content, notes);
    let shortcoded = shortcodes(&stripped, post_id, attachments, notes);
    autop(&shortcoded)
}

/// Removes HTML comments: the block editor's `<!-- wp:... -->` markers silently, `more`
/// and `nextpage` with a note, as Newsdesk has neither.
fn strip_comments(content: &str, notes: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 4..];
        let Some(end) = after.find("-->") else {
            rest = "";
            break;
        };
        let inner = after[..end].trim();
        if inner.starts_with("more") {
            push_note(notes, "the <!--more--> teaser break was dropped");
        } else if inner.starts_with("nextpage") {
            push_note(
                notes,
                "<!--nextpage--> page breaks were dropped: the post is one page",
            );
        }
        rest = &after[end + 3..];
    }
    out.push_str(rest);
    out
}

fn push_note(notes: &mut Vec<String>, note: impl Into<String>) {
    let note = note.into();
    if !notes.contains(&note) {
        notes.push(note);
    }
}

/// A shortcode's opening tag: its name, attributes and where the tag ends.
struct Tag {
    name: String,
    attrs: HashMap<String, String>,
    end: usize,
}

fn parse_tag(text: &str) -> Option<Tag> {
    // `text` starts with '['.
    let body = &text[1..];
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(body.len());
    let name = &body[..name_len];
    if name.is_empty() || !KNOWN.contains(&name) {
        return None;
    }
    let close = body.find(']')?;
    if close < name_len {
        return None;
    }
    let inside = body[name_len..close].trim().trim_end_matches('/');
    Some(Tag {
        name: name.to_owned(),
        attrs: attributes(inside),
        end: 1 + close + 1,
    })
}

/// `id="a" width=300 caption='x'` as a map.
fn attributes(text: &str) -> HashMap<String, String> {
    let mut attrs = HashMap::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let key_len = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..key_len].to_ascii_lowercase();
        rest = rest[key_len..].trim_start();
        if let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start();
            let (parsed, after) = match value.chars().next() {
                Some(q @ ('"' | '\'' | '\u{201d}' | '\u{2033}')) => {
                    let inner = &value[q.len_utf8()..];
                    let end = inner
                        .find(['"', '\'', '\u{201d}', '\u{2033}'])
                        .unwrap_or(inner.len());
                    let after_end = (end + 1).min(inner.len());
                    let after = inner.get(after_end..).unwrap_or("");
                    (inner[..end].to_owned(), after)
                }
                _ => {
                    let end = value.find(char::is_whitespace).unwrap_or(value.len());
                    (value[..end].to_owned(), &value[end..])
                }
            };
            if !key.is_empty() {
                attrs.insert(key, parsed);
            }
            rest = after.trim_start();
        } else if !key.is_empty() {
            // A positional value, like [embed]'s or [youtube URL].
            attrs.insert(format!("_{}", attrs.len()), key);
        }
        if key_len == 0 && !rest.starts_with('=') {
            rest = rest.get(1..).unwrap_or("").trim_start();
        }
    }
    attrs
}

fn shortcodes(
    content: &str,
    post_id: &str,
    attachments: &HashMap<String, Attachment>,
    notes: &mut Vec<String>,
) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(at) = rest.find('[') {
        out.push_str(&rest[..at]);
        let here = &rest[at..];
        // [[name]] is WordPress's way to write a shortcode as text.
        if here.starts_with("[[")
            && let Some(tag) = parse_tag(&here[1..])
        {
            out.push_str(&here[1..1 + tag.end]);
            let after = &here[1 + tag.end..];
            rest = after.strip_prefix(']').unwrap_or(after);
            continue;
        }
        let Some(tag) = parse_tag(here) else {
            out.push('[');
            rest = &here[1..];
            continue;
        };
        let after = &here[tag.end..];
        let closing = format!("[/{}]", tag.name);
        let (inner, next) = match after.find(&closing) {
            Some(end) => (&after[..end], &after[end + closing.len()..]),
            None => ("", after),
        };
        out.push_str(&expand(&tag, inner, post_id, attachments, notes));
        rest = next;
    }
    out.push_str(rest);
    out
}

fn expand(
    tag: &Tag,
    inner: &str,
    post_id: &str,
    attachments: &HashMap<String, Attachment>,
    notes: &mut Vec<String>,
) -> String {
    match tag.name.as_str() {
        "caption" | "wp_caption" => caption(tag, inner),
        "gallery" => gallery(tag, post_id, attachments, notes),
        "embed" => embed(inner.trim(), notes),
        "youtube" | "vimeo" => {
            let url = tag
                .attrs
                .get("_0")
                .cloned()
                .unwrap_or_else(|| inner.trim().to_owned());
            embed(&url, notes)
        }
        other => {
            push_note(
                notes,
                format!(
                    "the [{other}] shortcode was dropped (Newsdesk has no such thing); the words inside it were kept"
                ),
            );
            inner.to_owned()
        }
    }
}

/// `[caption]<a><img></a> Words[/caption]`: the photo, then its words as a paragraph.
fn caption(tag: &Tag, inner: &str) -> String {
    let lower = inner.to_ascii_lowercase();
    let split = match lower.find("<img") {
        Some(start) => {
            let img_end = lower[start..]
                .find('>')
                .map_or(inner.len(), |e| start + e + 1);
            match lower[img_end..].trim_start().starts_with("</a>") {
                true => lower[img_end..]
                    .find("</a>")
                    .map_or(img_end, |e| img_end + e + 4),
                false => img_end,
            }
        }
        None => 0,
    };
    let photo = inner[..split].trim();
    let words = match tag.attrs.get("caption") {
        Some(words) => words.trim().to_owned(),
        None => inner[split..].trim().to_owned(),
    };
    let mut html = format!("\n\n<p>{photo}</p>\n\n");
    if !words.is_empty() {
        html.push_str(&format!("<p>{words}</p>\n\n"));
    }
    html
}

fn gallery(
    tag: &Tag,
    post_id: &str,
    attachments: &HashMap<String, Attachment>,
    notes: &mut Vec<String>,
) -> String {
    let ids: Vec<String> = match tag.attrs.get("ids").or_else(|| tag.attrs.get("include")) {
        Some(ids) => ids
            .split(',')
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
            .collect(),
        None => {
            let mut ids: Vec<&String> = attachments
                .iter()
                .filter(|(_, a)| a.parent == post_id)
                .map(|(id, _)| id)
                .collect();
            ids.sort_by_key(|id| id.parse::<i64>().unwrap_or(i64::MAX));
            ids.into_iter().cloned().collect()
        }
    };
    let mut html = String::from("\n\n");
    let mut missing = 0;
    for id in &ids {
        let Some(photo) = attachments.get(id) else {
            missing += 1;
            continue;
        };
        html.push_str(&format!(
            "<p><img src=\"{}\" alt=\"{}\"></p>\n\n",
            escape_attr(&photo.url),
            escape_attr(&photo.alt)
        ));
        if !photo.caption.trim().is_empty() {
            html.push_str(&format!("<p>{}</p>\n\n", escape_text(photo.caption.trim())));
        }
    }
    if missing > 0 {
        push_note(
            notes,
            format!("a [gallery] names {missing} photo(s) the export does not hold"),
        );
    }
    if ids.is_empty() {
        push_note(notes, "an empty [gallery] was dropped");
    }
    html
}

/// An embed address: a provider Newsdesk embeds becomes a frame (the converter writes its
/// address on a line of its own); any other stays a link.
fn embed(url: &str, notes: &mut Vec<String>) -> String {
    let url = url.trim();
    if url.is_empty() {
        return String::new();
    }
    if let Some(url) = embeddable(url) {
        format!("\n\n<iframe src=\"{}\"></iframe>\n\n", escape_attr(&url))
    } else {
        push_note(
            notes,
            format!("an embed of {url} is kept as a link (Newsdesk does not embed that site)"),
        );
        format!(
            "\n\n<p><a href=\"{}\">{}</a></p>\n\n",
            escape_attr(url),
            escape_text(url)
        )
    }
}

fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Block-level tags a chunk of content may start with and stay as it is.
const BLOCK_START: &[&str] = &[
    "<p",
    "<div",
    "<h1",
    "<h2",
    "<h3",
    "<h4",
    "<h5",
    "<h6",
    "<ul",
    "<ol",
    "<li",
    "<blockquote",
    "<table",
    "<pre",
    "<figure",
    "<hr",
    "<iframe",
    "<dl",
    "<section",
    "<form",
    "<address",
    "<math",
    "<style",
    "<script",
    "<video",
    "<audio",
    "<details",
    "<header",
    "<footer",
    "<nav",
    "<aside",
    "<article",
    "<main",
    "<fieldset",
    "<object",
    "<embed",
];

/// WordPress's `wpautop`, simplified: blank lines part paragraphs, single line breaks
/// inside a paragraph are breaks, block elements stay as they are; a bare embed address on
/// a line of its own is an embed (as WordPress shows it).
pub fn autop(content: &str) -> String {
    let content = content.replace("\r\n", "\n");
    let mut chunks: Vec<String> = Vec::new();
    let mut open_pre = false;
    for chunk in content.split("\n\n") {
        if open_pre {
            if let Some(last) = chunks.last_mut() {
                last.push_str("\n\n");
                last.push_str(chunk);
            }
        } else {
            chunks.push(chunk.to_owned());
        }
        let lower = chunks
            .last()
            .map(|c| c.to_ascii_lowercase())
            .unwrap_or_default();
        open_pre = lower.matches("<pre").count() > lower.matches("</pre>").count();
    }
    let mut out = Vec::new();
    for chunk in chunks {
        let trimmed = chunk.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_ascii_lowercase();
        if let Some(url) = embeddable(trimmed) {
            out.push(format!("<iframe src=\"{}\"></iframe>", escape_attr(&url)));
            continue;
        }
        if BLOCK_START.iter().any(|tag| {
            lower.starts_with(tag)
                && lower[tag.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == '>' || c == '/' || c.is_whitespace())
        }) {
            out.push(trimmed.to_owned());
            continue;
        }
        let lines: Vec<String> = trimmed
            .lines()
            .map(|line| {
                let line = line.trim();
                if let Some(url) = embeddable(line) {
                    format!("</p><iframe src=\"{}\"></iframe><p>", escape_attr(&url))
                } else {
                    line.to_owned()
                }
            })
            .collect();
        out.push(format!("<p>{}</p>", lines.join("<br>\n")));
    }
    out.join("\n\n")
}

/// The address of something Newsdesk embeds, written as a bare address (`http://` is
/// read as `https://`, as every provider answers both).
fn embeddable(text: &str) -> Option<String> {
    if !is_bare_url(text) {
        return None;
    }
    let secure = match text.strip_prefix("http://") {
        Some(rest) => format!("https://{rest}"),
        None => text.to_owned(),
    };
    crate::embeds::recognise(&secure).map(|_| secure)
}

fn is_bare_url(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://"))
        && !text.contains(char::is_whitespace)
        && !text.contains(['<', '>', '"'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(content: &str) -> (String, Vec<String>) {
        let mut attachments = HashMap::new();
        attachments.insert(
            "5".to_owned(),
            Attachment {
                url: "http://old.example/wp-content/uploads/2020/01/a.jpg".into(),
                alt: "A boat".into(),
                caption: "At dawn".into(),
                parent: "1".into(),
            },
        );
        let mut notes = Vec::new();
        let html = prepare(content, "1", &attachments, &mut notes);
        (html, notes)
    }

    #[test]
    fn classic_paragraphs_and_breaks() {
        let (html, _) = prep("One\ntwo\n\nThree");
        assert_eq!(html, "<p>One<br>\ntwo</p>\n\n<p>Three</p>");
    }

    #[test]
    fn block_comments_are_stripped() {
        let (html, _) = prep("<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->");
        assert_eq!(html, "<p>Hi</p>");
    }

    #[test]
    fn caption_gallery_and_embeds() {
        let (html, _) = prep(
            "[caption id=\"attachment_5\" width=\"300\"]<img src=\"x.jpg\" /> The words[/caption]",
        );
        assert!(html.contains("<p><img src=\"x.jpg\" /></p>"), "{html}");
        assert!(html.contains("<p>The words</p>"), "{html}");
        let (html, _) = prep("[gallery ids=\"5\"]");
        assert!(html.contains("alt=\"A boat\""), "{html}");
        assert!(html.contains("<p>At dawn</p>"), "{html}");
        let (html, _) = prep("Look:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nEnd");
        assert!(html.contains("<iframe src=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"));
        let (html, notes) = prep("[audio mp3=\"x.mp3\"][/audio] [not-a-shortcode] [[gallery]]");
        assert!(html.contains("[not-a-shortcode]"), "{html}");
        assert!(html.contains("[gallery]"), "{html}");
        assert!(notes.iter().any(|n| n.contains("[audio]")), "{notes:?}");
    }
}
