//! Rich-text editor HTML (TinyMCE, as Varient and WordPress store it) turned into Newsdesk's
//! Markdown where Markdown can say it, and sanitised HTML where it cannot (tables). Scripts,
//! styles, event handlers and `javascript:` links are dropped; YouTube frames become the
//! video's address on a line of its own. Everything dropped or changed is named in `notes`.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

/// The Markdown body and what could not be brought across exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Converted {
    pub markdown: String,
    /// One line per kind of loss, like "dropped a <script>".
    pub notes: Vec<String>,
    /// Every image address in the body, as written in the source (before `rewrite`).
    pub images: Vec<String>,
}

/// Tables keep their structure and text, nothing more.
static TABLE_SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .add_tags([
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "b", "strong", "i",
            "em", "br", "a", "p",
        ])
        .add_tag_attributes("td", ["colspan", "rowspan"])
        .add_tag_attributes("th", ["colspan", "rowspan"])
        .add_tag_attributes("a", ["href"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true);
    builder
});

/// Converts editor HTML; `rewrite` gives the address an image should have in Newsdesk.
pub fn to_markdown(html: &str, rewrite: &dyn Fn(&str) -> String) -> Converted {
    let document = Html::parse_fragment(html);
    let mut converter = Converter {
        rewrite,
        notes: BTreeSet::new(),
        images: Vec::new(),
    };
    let mut blocks = Vec::new();
    converter.container(*document.root_element(), &mut blocks);
    Converted {
        markdown: blocks.join("\n\n"),
        notes: converter.notes.into_iter().collect(),
        images: converter.images,
    }
}

struct Converter<'r> {
    rewrite: &'r dyn Fn(&str) -> String,
    notes: BTreeSet<String>,
    images: Vec<String>,
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "table",
    "iframe",
    "figure",
    "hr",
    "pre",
    "script",
    "style",
    "noscript",
    "object",
    "embed",
    "video",
    "audio",
    "form",
    "center",
    "dl",
];

fn is_block(node: NodeRef<'_, Node>) -> bool {
    match node.value() {
        Node::Element(element) => {
            let name = element.name();
            BLOCKS.contains(&name) || (name != "p" && node.children().any(is_block))
        }
        _ => false,
    }
}

impl Converter<'_> {
    /// Children of an element laid out as blocks: runs of inline content become paragraphs.
    fn container(&mut self, node: NodeRef<'_, Node>, blocks: &mut Vec<String>) {
        let mut run = String::new();
        for child in node.children() {
            if is_block(child) {
                flush(&mut run, blocks);
                self.block(child, blocks);
            } else {
                self.inline(child, &mut run);
            }
        }
        flush(&mut run, blocks);
    }

    fn block(&mut self, node: NodeRef<'_, Node>, blocks: &mut Vec<String>) {
        let Some(element) = ElementRef::wrap(node) else {
            return;
        };
        self.check_attributes(element);
        let name = element.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse::<usize>().unwrap_or(2);
                let text = self.inline_of(node);
                if !text.is_empty() {
                    blocks.push(format!("{} {text}", "#".repeat(level)));
                }
            }
            "ul" | "ol" => {
                let mut number = 0;
                let mut items = Vec::new();
                for item in node.children() {
                    let is_item = matches!(item.value(), Node::Element(e) if e.name() == "li");
                    if !is_item {
                        continue;
                    }
                    number += 1;
                    let marker = if name == "ol" {
                        format!("{number}. ")
                    } else {
                        "- ".to_owned()
                    };
                    let mut inner = Vec::new();
                    self.container(item, &mut inner);
                    let pad = " ".repeat(marker.len());
                    let text = inner.join("\n\n");
                    let mut lines = text.lines();
                    let first = lines.next().unwrap_or("");
                    let mut out = format!("{marker}{first}");
                    for line in lines {
                        out.push('\n');
                        if !line.is_empty() {
                            out.push_str(&pad);
                            out.push_str(line);
                        }
                    }
                    items.push(out);
                }
                if !items.is_empty() {
                    blocks.push(items.join("\n"));
                }
            }
            "blockquote" => {
                let mut inner = Vec::new();
                self.container(node, &mut inner);
                if !inner.is_empty() {
                    let quoted = inner
                        .join("\n\n")
                        .lines()
                        .map(|line| {
                            if line.is_empty() {
                                ">".to_owned()
                            } else {
                                format!("> {line}")
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("\n");
                    blocks.push(quoted);
                }
            }
            "table" => {
                let cleaned = TABLE_SANITIZER.clean(&element.html()).to_string();
                // An HTML block ends at an empty line, so the table keeps none.
                let compact = cleaned
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                self.notes
                    .insert("kept a table as HTML (Markdown has no tables of its shape)".into());
                blocks.push(compact);
            }
            "iframe" | "embed" | "object" | "video" | "audio" => {
                let source = element
                    .value()
                    .attr("src")
                    .or_else(|| element.value().attr("data"))
                    .unwrap_or("");
                let address = youtube_address(source)
                    .or_else(|| crate::embeds::recognise(source).map(|embed| embed.page_url()));
                match address {
                    Some(address) => blocks.push(address),
                    None => {
                        self.notes
                            .insert(format!("dropped an <{name}> from {}", host(source)));
                    }
                }
            }
            "script" | "style" | "noscript" | "form" => {
                self.notes.insert(format!("dropped a <{name}>"));
            }
            "hr" => blocks.push("---".into()),
            "pre" => {
                let text: String = element.text().collect();
                let fence = if text.contains("```") { "~~~" } else { "```" };
                blocks.push(format!("{fence}\n{}\n{fence}", text.trim_end()));
            }
            _ => self.container(node, blocks),
        }
    }

    fn inline_of(&mut self, node: NodeRef<'_, Node>) -> String {
        let mut out = String::new();
        for child in node.children() {
            self.inline(child, &mut out);
        }
        tidy(&out)
    }

    fn inline(&mut self, node: NodeRef<'_, Node>, out: &mut String) {
        match node.value() {
            Node::Text(text) => push_text(out, text),
            Node::Element(_) => {
                let Some(element) = ElementRef::wrap(node) else {
                    return;
                };
                self.check_attributes(element);
                let name = element.value().name();
                match name {
                    "strong" | "b" => self.wrapped(node, "**", "**", out),
                    "em" | "i" => self.wrapped(node, "*", "*", out),
                    "s" | "del" | "strike" => self.wrapped(node, "~~", "~~", out),
                    "code" => {
                        let text: String = element.text().collect();
                        if !text.is_empty() {
                            let tick = if text.contains('`') { "`` " } else { "`" };
                            let close = if text.contains('`') { " ``" } else { "`" };
                            out.push_str(&format!("{tick}{text}{close}"));
                        }
                    }
                    "u" | "sub" | "sup" | "mark" | "small" | "abbr" | "q" | "kbd" => {
                        let open = format!("<{name}>");
                        let close = format!("</{name}>");
                        self.wrapped(node, &open, &close, out);
                    }
                    "br" => out.push_str("\\\n"),
                    "a" => {
                        let text = self.inline_of(node);
                        let href = element.value().attr("href").unwrap_or("").trim();
                        if href.is_empty() || !safe_link(href) {
                            if !href.is_empty() {
                                self.notes.insert(format!(
                                    "dropped a link to {} (kept its words)",
                                    scheme(href)
                                ));
                            }
                            out.push_str(&text);
                        } else if text.is_empty() {
                            out.push_str(&format!("<{}>", href.replace('>', "%3E")));
                        } else {
                            out.push_str(&format!("[{text}]({})", link_target(href)));
                        }
                    }
                    "img" => {
                        let source = element.value().attr("src").unwrap_or("").trim();
                        if source.is_empty() || !safe_link(source) {
                            self.notes
                                .insert("dropped an image without an address".into());
                            return;
                        }
                        self.images.push(source.to_owned());
                        let alt = escape(element.value().attr("alt").unwrap_or("").trim());
                        let address = (self.rewrite)(source);
                        out.push_str(&format!("![{alt}]({})", link_target(&address)));
                    }
                    "script" | "style" | "noscript" | "iframe" => {
                        self.notes.insert(format!("dropped a <{name}>"));
                    }
                    _ => {
                        for child in node.children() {
                            self.inline(child, out);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Inline markup around some content, with the spaces at its edges moved outside, as
    /// Markdown needs them.
    fn wrapped(&mut self, node: NodeRef<'_, Node>, open: &str, close: &str, out: &mut String) {
        let mut inner = String::new();
        for child in node.children() {
            self.inline(child, &mut inner);
        }
        let trimmed = inner.trim();
        if trimmed.is_empty() {
            out.push_str(&inner);
            return;
        }
        if inner.starts_with(char::is_whitespace) {
            out.push(' ');
        }
        out.push_str(open);
        out.push_str(trimmed);
        out.push_str(close);
        if inner.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }

    fn check_attributes(&mut self, element: ElementRef<'_>) {
        for (name, _) in element.value().attrs() {
            if name.to_ascii_lowercase().starts_with("on") {
                self.notes
                    .insert(format!("dropped an event handler ({name})"));
            }
        }
    }
}

fn flush(run: &mut String, blocks: &mut Vec<String>) {
    let text = tidy(run);
    if !text.is_empty() {
        blocks.push(escape_line_start(&text));
    }
    run.clear();
}

/// Spaces collapsed, ends trimmed; hard breaks kept.
fn tidy(text: &str) -> String {
    text.split("\\\n")
        .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\\\n")
        .trim_matches(|c: char| c.is_whitespace() || c == '\\')
        .to_owned()
}

fn push_text(out: &mut String, text: &str) {
    let text = text.replace('\u{a0}', " ");
    out.push_str(&escape(&text));
}

/// Text made literal for Markdown: every character that could start markup is escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph that would read as a list item or a rule keeps its first character literal.
fn escape_line_start(text: &str) -> String {
    let starts_list = text.starts_with("- ") || text.starts_with("+ ") || text == "-";
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let starts_numbered =
        digits > 0 && (text[digits..].starts_with(". ") || text[digits..].starts_with(") "));
    let starts_rule = text.starts_with("---") || text.starts_with("===");
    if starts_list || starts_rule {
        format!("\\{text}")
    } else if starts_numbered {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_owned()
    }
}

fn safe_link(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

fn scheme(href: &str) -> String {
    href.split_once(':')
        .map(|(scheme, _)| format!("{}:", scheme.trim().to_ascii_lowercase()))
        .unwrap_or_else(|| "an address".into())
}

fn link_target(href: &str) -> String {
    if href.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", href.replace('<', "%3C").replace('>', "%3E"))
    } else {
        href.to_owned()
    }
}

fn host(source: &str) -> String {
    let rest = source
        .trim()
        .trim_start_matches("https:")
        .trim_start_matches("http:")
        .trim_start_matches("//");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        "an unknown address".into()
    } else {
        host.to_owned()
    }
}

/// `https://www.youtube.com/watch?v=ID` for a YouTube frame or link, else `None`.
pub fn youtube_address(source: &str) -> Option<String> {
    let rest = source
        .trim()
        .trim_start_matches("https:")
        .trim_start_matches("http:")
        .trim_start_matches("//");
    let (host, path) = rest.split_once('/')?;
    let host = host.trim_start_matches("www.").trim_start_matches("m.");
    let id = match host {
        "youtube.com" | "youtube-nocookie.com" => {
            if let Some(id) = path.strip_prefix("embed/") {
                id
            } else if let Some(query) = path.strip_prefix("watch?") {
                query
                    .split('&')
                    .find_map(|pair| pair.strip_prefix("v="))
                    .unwrap_or("")
            } else {
                path.strip_prefix("shorts/").unwrap_or("")
            }
        }
        "youtu.be" => path,
        _ => return None,
    };
    let id: String = id
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!id.is_empty()).then(|| format!("https://www.youtube.com/watch?v={id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(html: &str) -> Converted {
        to_markdown(html, &|url| url.to_owned())
    }

    #[test]
    fn paragraphs_headings_and_emphasis_become_markdown() {
        let out = convert(
            "<p>Farmers in <em>Kilifi</em> said \"no\".</p>\r\n<h3>Relief food</h3>\r\n<p><strong>Bold</strong> start</p><p>&nbsp;</p>",
        );
        assert_eq!(
            out.markdown,
            "Farmers in *Kilifi* said \"no\".\n\n### Relief food\n\n**Bold** start"
        );
        assert!(out.notes.is_empty());
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_dropped_and_noted() {
        let out = convert(
            "<p onclick=\"steal()\">Hi <a href=\"javascript:alert(1)\">there</a></p><script>alert(1)</script>",
        );
        assert_eq!(out.markdown, "Hi there");
        assert!(out.notes.iter().any(|n| n.contains("<script>")));
        assert!(out.notes.iter().any(|n| n.contains("onclick")));
        assert!(out.notes.iter().any(|n| n.contains("javascript:")));
    }

    #[test]
    fn youtube_frames_become_the_video_address_on_its_own_line() {
        let out = convert(
            "<p>Watch:</p><p><iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0\" width=\"560\"></iframe></p>",
        );
        assert_eq!(
            out.markdown,
            "Watch:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ"
        );
    }

    #[test]
    fn tables_stay_as_sanitised_html_and_lists_as_markdown() {
        let out = convert(
            "<table style=\"x\"><tr><td onclick=\"x()\">A</td></tr></table><ul><li>one</li><li>two</li></ul>",
        );
        assert!(out.markdown.starts_with("<table>"), "{}", out.markdown);
        assert!(!out.markdown.contains("onclick"));
        assert!(out.markdown.ends_with("- one\n- two"));
    }

    #[test]
    fn images_are_listed_and_rewritten() {
        let out = to_markdown(
            "<p><img src=\"/uploads/a.jpg\" alt=\"A cat\"></p>",
            &|url| format!("https://old.example{url}"),
        );
        assert_eq!(out.markdown, "![A cat](https://old.example/uploads/a.jpg)");
        assert_eq!(out.images, vec!["/uploads/a.jpg".to_owned()]);
    }

    #[test]
    fn markdown_characters_in_text_stay_literal() {
        let out = convert("<p>1. Not a list *really* [x]</p>");
        assert_eq!(out.markdown, "1\\. Not a list \\*really\\* \\[x\\]");
    }
}
