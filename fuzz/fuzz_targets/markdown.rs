//! Article bodies: any Markdown renders to HTML that runs no script, and the helpers that
//! read a body (plain-text summaries, responsive images) never fail on it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::{markdown, media};

/// The tags of sanitised HTML, each as written between `<` and `>` (attribute values are
/// quoted with `"`, and a `<` in text is always escaped as `&lt;`).
fn tags(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        let mut quoted = false;
        let end = tag
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(tag.len(), |(at, _)| at);
        found.push(&tag[..end]);
        rest = &tag[end..];
    }
    found
}

fuzz_target!(|body: &str| {
    let html = markdown::render(body);
    for tag in tags(&html) {
        let lower = tag.to_ascii_lowercase();
        let name = lower
            .split([' ', '/'])
            .find(|n| !n.is_empty())
            .unwrap_or("");
        assert!(
            ![
                "script", "iframe", "style", "object", "embed", "svg", "math", "form", "base"
            ]
            .contains(&name),
            "<{tag}> in {html:?}"
        );
        // Attribute names: the words before each `=` outside quotes.
        let mut quoted = false;
        let mut outside = String::new();
        for c in lower.chars() {
            if c == '"' {
                quoted = !quoted;
                outside.push(' ');
            } else if !quoted {
                outside.push(c);
            }
        }
        for attribute in outside.split_whitespace().filter_map(|w| w.split_once('=')) {
            assert!(!attribute.0.starts_with("on"), "<{tag}> in {html:?}");
        }
        for link in ["href=\"", "src=\""] {
            for value in lower.split(link).skip(1) {
                let value = value.split('"').next().unwrap_or("").trim_start();
                for scheme in ["javascript:", "data:", "vbscript:"] {
                    assert!(!value.starts_with(scheme), "<{tag}> in {html:?}");
                }
            }
        }
    }
    let summary = markdown::plain_text(body, 160);
    assert!(summary.chars().count() <= 161, "{summary:?}");
    let _ = media::responsive_body_images(&html);
});
