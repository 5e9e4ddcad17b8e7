//! Readers' comments: whatever a reader types is cleaned of control and direction
//! characters, and rendered as escaped text whose only tags are the renderer's own.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::comments::{clean_text, render_body};

fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

fuzz_target!(|text: &str| {
    let name = clean_text(text, true);
    assert!(
        !name
            .chars()
            .any(|c| c.is_control() || is_direction_control(c)),
        "{name:?}"
    );
    let body = clean_text(text, false);
    assert!(
        !body
            .chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_direction_control(c)),
        "{body:?}"
    );
    let html = render_body(&body);
    // Every `<` opens one of the renderer's own tags; a reader's `<` arrives as `&lt;`.
    let mut rest = html.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        assert!(
            ["p>", "/p>", "br>", "a href=\"http", "/a>"]
                .iter()
                .any(|tag| rest.starts_with(tag)),
            "unexpected tag at {rest:?} in {html:?}"
        );
    }
    for link in html.split("<a href=\"").skip(1) {
        let url = link.split('"').next().unwrap_or("");
        assert!(
            url.starts_with("http://") || url.starts_with("https://"),
            "{url:?}"
        );
    }
});
