//! The paper's identity, sharing and ad slots over HTTP: the logo and the icons made from
//! it, social profiles as the publisher's `sameAs`, share links, ad slots in their places
//! with their reserved size, admins alone setting them, the content policy with and
//! without ad code, the page cache, and two instances on PostgreSQL.

use std::io::Cursor;
use std::time::{Duration, Instant};

use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, PgSchema, TestApp, attr, count, user_token};

/// A wide logo with a clear background.
fn logo_png() -> Vec<u8> {
    let image = RgbaImage::from_fn(400, 100, |x, y| {
        if (x / 20 + y / 20) % 2 == 0 {
            Rgba([164, 22, 26, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(image)
        .write_to(&mut out, ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

async fn upload_logo(
    app: &TestApp,
    token: &str,
    bytes: Vec<u8>,
    name: &str,
) -> (StatusCode, Value) {
    let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_owned()));
    let response = app
        .client
        .post(app.url("/api/v1/identity/logo"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Every JSON-LD block of a page.
fn json_ld(html: &str) -> Vec<Value> {
    let page = scraper::Html::parse_document(html);
    let selector =
        scraper::Selector::parse("script[type=\"application/ld+json\"]").expect("selector");
    page.select(&selector)
        .map(|s| serde_json::from_str(&s.inner_html()).expect("json-ld"))
        .collect()
}

async fn text(app: &TestApp, path: &str) -> String {
    app.get(path).await.text().await.expect("text")
}

async fn image_size(app: &TestApp, path: &str) -> (u32, u32, String, String) {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let kind = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .expect("type")
        .to_owned();
    let cache = response.headers()[header::CACHE_CONTROL]
        .to_str()
        .expect("cache")
        .to_owned();
    let bytes = response.bytes().await.expect("bytes");
    let image = image::load_from_memory(&bytes).expect("an image");
    (image.width(), image.height(), kind, cache)
}

#[tokio::test]
async fn brand_a_logo_becomes_the_header_logo_favicon_and_touch_icons() {
    let app = TestApp::spawn().await;
    let (status, identity) = upload_logo(&app, &app.token, logo_png(), "logo.png").await;
    assert_eq!(status, StatusCode::OK, "{identity}");
    let logo = &identity["logo"];
    assert_eq!(
        (logo["width"].as_u64(), logo["height"].as_u64()),
        (Some(192), Some(48))
    );

    // The header shows it, with the site's name as its text.
    let (_, home) = app.page("/").await;
    let src = attr(&home, ".brand img.logo", "src").expect("a logo in the header");
    assert_eq!(
        attr(&home, ".brand img.logo", "alt").as_deref(),
        Some("Newsdesk")
    );
    assert_eq!(
        attr(&home, ".brand img.logo", "height").as_deref(),
        Some("48")
    );
    let (w, h, kind, cache) = image_size(&app, &src).await;
    assert_eq!((w, h, kind.as_str()), (384, 96, "image/png"));
    assert!(cache.contains("immutable"), "{cache}");

    // Each icon at its size, a PNG, kept a year.
    for icon in logo["icons"].as_array().expect("icons") {
        let size = icon["size"].as_u64().expect("size") as u32;
        let path = icon["url"]
            .as_str()
            .expect("url")
            .trim_start_matches(&app.base);
        let (w, h, kind, cache) = image_size(&app, path).await;
        assert_eq!((w, h, kind.as_str()), (size, size, "image/png"), "{path}");
        assert!(cache.contains("max-age=31536000"), "{cache}");
    }
    let sizes: Vec<u64> = logo["icons"]
        .as_array()
        .expect("icons")
        .iter()
        .map(|i| i["size"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(sizes, [16, 32, 180, 192, 512]);
    assert_eq!(count(&home, "link[rel=icon][type=\"image/png\"]"), 2);
    assert_eq!(
        attr(&home, "link[rel=apple-touch-icon]", "sizes").as_deref(),
        Some("180x180")
    );

    // The favicon: an ICO holding the 16 and 32 pixel PNGs.
    let response = app.get("/favicon.ico").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "image/x-icon");
    assert!(
        response.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap_or("")
            .contains("max-age=604800")
    );
    let ico = response.bytes().await.expect("bytes");
    assert_eq!(&ico[..6], &[0, 0, 1, 0, 2, 0]);
    assert_eq!((ico[6], ico[22]), (16, 32));
    assert_eq!(&ico[38..42], b"\x89PNG");
    let (w, h, kind, _) = image_size(&app, "/apple-touch-icon.png").await;
    assert_eq!((w, h, kind.as_str()), (180, 180, "image/png"));

    // The manifest names the home-screen icons.
    let response = app.get("/site.webmanifest").await;
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/manifest+json"
    );
    let manifest: Value = response.json().await.expect("manifest");
    assert_eq!(manifest["name"], "Newsdesk");
    let sizes: Vec<&str> = manifest["icons"]
        .as_array()
        .expect("icons")
        .iter()
        .map(|i| i["sizes"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(sizes, ["192x192", "512x512"]);
    for icon in manifest["icons"].as_array().expect("icons") {
        let (w, _, _, _) = image_size(&app, icon["src"].as_str().expect("src")).await;
        assert!(w == 192 || w == 512);
    }

    // It is also in the photo library.
    let (_, library) = app.api(Method::GET, "/media", None).await;
    assert_eq!(library["total"], 1);
}

#[tokio::test]
async fn brand_an_svg_logo_is_refused_as_photos_are_and_editors_may_not_set_one() {
    let app = TestApp::spawn().await;
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>"#;
    let (status, problem) = upload_logo(&app, &app.token, svg.to_vec(), "logo.png").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(problem.to_string().contains("SVG"), "{problem}");
    let (_, identity) = app.api(Method::GET, "/identity", None).await;
    assert!(identity["logo"].is_null());
    assert_eq!(
        app.get("/favicon.ico").await.status(),
        StatusCode::NOT_FOUND
    );

    let editor = user_token(app.store.as_ref(), "editor@example.com", "editor").await;
    let (status, _) = upload_logo(&app, &editor, logo_png(), "logo.png").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, problem) = app
        .api_as(
            &editor,
            Method::PATCH,
            "/identity",
            Some(json!({"colour": "#0b4f8a"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let (status, _) = app.api_as(&editor, Method::GET, "/identity", None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn brand_social_profiles_are_the_publishers_same_as_in_news_media_organization() {
    let app = TestApp::spawn().await;
    let article = app
        .published("Harbour reopens", "The harbour reopened today.")
        .await;
    let (status, identity) = app
        .api(
            Method::PATCH,
            "/identity",
            Some(json!({
                "facebook": "https://www.facebook.com/dailypaper",
                "x": "https://x.com/dailypaper",
                "whatsapp": "https://whatsapp.com/channel/0029VaDaily",
                "publishing_principles": "/about/principles",
                "corrections_policy": "https://example.org/corrections",
                "masthead": "/about#masthead",
                "colour": "#0b4f8a",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{identity}");

    let url = article["url"].as_str().expect("url");
    let html = text(&app, url.trim_start_matches(&app.base)).await;
    let blocks = json_ld(&html);
    let news = blocks
        .iter()
        .find(|b| b["@type"] == "NewsArticle")
        .expect("NewsArticle");
    let publisher = &news["publisher"];
    assert_eq!(publisher["@type"], "NewsMediaOrganization");
    assert_eq!(
        publisher["sameAs"],
        json!([
            "https://www.facebook.com/dailypaper",
            "https://x.com/dailypaper",
            "https://whatsapp.com/channel/0029VaDaily"
        ])
    );
    assert_eq!(
        publisher["publishingPrinciples"],
        format!("{}/about/principles", app.base)
    );
    assert_eq!(
        publisher["correctionsPolicy"],
        "https://example.org/corrections"
    );
    assert_eq!(
        publisher["masthead"],
        format!("{}/about#masthead", app.base)
    );

    // The home page describes the paper itself, and the footer links the profiles.
    let home_html = text(&app, "/").await;
    let home = json_ld(&home_html);
    let organization = home
        .iter()
        .find(|b| b["@type"] == "NewsMediaOrganization")
        .expect("organization");
    assert_eq!(organization["@context"], "https://schema.org");
    assert_eq!(organization["sameAs"][1], "https://x.com/dailypaper");
    let page = scraper::Html::parse_document(&home_html);
    assert_eq!(count(&page, "footer nav.social a"), 3);
    assert_eq!(
        attr(&page, "footer a.social-x", "href").as_deref(),
        Some("https://x.com/dailypaper")
    );
    assert_eq!(
        attr(&page, "meta[name=theme-color]", "content").as_deref(),
        Some("#0b4f8a")
    );
    let css_href =
        attr(&page, "link[rel=stylesheet][href^=\"/brand.css\"]", "href").expect("brand.css");
    let css = text(&app, &css_href).await;
    assert!(css.contains("--accent: #0b4f8a;"), "{css}");
}

#[tokio::test]
async fn brand_hostile_social_links_and_colours_are_refused_with_a_message_and_nothing_saved() {
    let app = TestApp::spawn().await;
    for (field, value) in [
        ("facebook", "javascript:alert(document.cookie)"),
        ("facebook", "http://www.facebook.com/dailypaper"),
        ("facebook", "https://facebook.com.evil.example/dailypaper"),
        ("x", "https://evil.example/x.com"),
        ("instagram", "data:text/html,<script>alert(1)</script>"),
        (
            "youtube",
            "https://www.youtube.com\"><script>alert(1)</script>",
        ),
        ("tiktok", "//www.tiktok.com/@paper"),
        ("whatsapp", "https://whatsapp.com/evil"),
        ("publishing_principles", "javascript:alert(1)"),
        ("masthead", "//evil.example/masthead"),
        ("colour", "#ffff00"),
        ("colour", "red;}body{display:none"),
        ("measurement", "<img src=x onerror=alert(1)>"),
        (
            "measurement",
            "<script src=\"http://stats.example.com/s.js\"></script>",
        ),
    ] {
        let (status, problem) = app
            .api(Method::PATCH, "/identity", Some(json!({ field: value })))
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field} = {value}: {problem}"
        );
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
        assert!(
            problem["errors"][0]["message"].as_str().unwrap_or("").len() > 20,
            "{problem}"
        );
    }
    let (_, identity) = app.api(Method::GET, "/identity", None).await;
    for field in [
        "facebook",
        "x",
        "instagram",
        "youtube",
        "tiktok",
        "whatsapp",
        "colour",
        "measurement",
    ] {
        assert!(identity[field].is_null(), "{field}: {identity}");
    }

    // The newsroom's form says the same, filled back in.
    let admin = app.sign_in("admin@example.com", PASSWORD).await;
    let response = admin
        .post(
            "/admin/identity",
            &[
                ("facebook", "javascript:alert(1)"),
                ("x", "https://x.com/paper"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&response.text().await.expect("text"));
    assert!(
        crate::helpers::text(&page, "#e-facebook")
            .unwrap_or_default()
            .contains("Facebook address")
    );
    assert_eq!(
        attr(&page, "#f-x", "value").as_deref(),
        Some("https://x.com/paper")
    );
    assert_eq!(
        attr(&page, "#f-facebook", "value").as_deref(),
        Some("javascript:alert(1)")
    );
}

/// The encoding share links must carry: every byte but RFC 3986's unreserved ones.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn brand_share_links_carry_the_canonical_address_exactly_encoded() {
    let app = TestApp::spawn().await;
    let title = "Rain & sun: Nairobi's \"long\" week — 50% wetter?";
    let article = app.published(title, "It rained.").await;
    let url = article["url"].as_str().expect("url").to_owned();
    let (_, page) = app.page(url.trim_start_matches(&app.base)).await;
    assert_eq!(
        attr(&page, "link[rel=canonical]", "href").as_deref(),
        Some(url.as_str())
    );
    let (u, t) = (encoded(&url), encoded(title));
    let expected = [
        (
            "whatsapp",
            format!("https://wa.me/?text={}", encoded(&format!("{title} {url}"))),
        ),
        (
            "facebook",
            format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        ),
        ("x", format!("https://x.com/intent/post?text={t}&url={u}")),
        (
            "telegram",
            format!("https://t.me/share/url?url={u}&text={t}"),
        ),
        (
            "linkedin",
            format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ),
        ("email", format!("mailto:?subject={t}&body={u}")),
    ];
    for (network, href) in &expected {
        assert_eq!(
            attr(&page, &format!(".share-top a.share-{network}"), "href").as_deref(),
            Some(href.as_str()),
            "{network}"
        );
        assert_eq!(
            attr(&page, &format!(".share-end a.share-{network}"), "href").as_deref(),
            Some(href.as_str())
        );
    }
    assert_eq!(
        attr(&page, ".share-top a.share-copy", "data-copy").as_deref(),
        Some(url.as_str())
    );
    // Named for screen readers, and nothing fetched from the networks.
    let whatsapp = crate::helpers::text(&page, ".share-top a.share-whatsapp").expect("link");
    assert_eq!(
        whatsapp.split_whitespace().collect::<Vec<_>>().join(" "),
        "Share on WhatsApp"
    );
    let html = text(&app, url.trim_start_matches(&app.base)).await;
    for host in [
        "facebook.net",
        "platform.twitter.com/widgets",
        "connect.facebook",
        "telegram.org/js",
    ] {
        assert!(!html.contains(host), "{host}");
    }
    assert_eq!(count(&page, "script[src^=\"http\"]"), 0);
}

/// A photo in the library, for house ads.
async fn library_photo(app: &TestApp, alt: &str) -> i64 {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(RgbaImage::from_pixel(600, 500, Rgba([11, 79, 138, 255])))
        .write_to(&mut out, ImageFormat::Png)
        .expect("png");
    let form = Form::new()
        .part("file", Part::bytes(out.into_inner()).file_name("ad.png"))
        .text("alt", alt.to_owned());
    let response = app
        .client
        .post(app.url("/api/v1/media"))
        .bearer_auth(&app.token)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::CREATED);
    let media: Value = response.json().await.expect("json");
    media["id"].as_i64().expect("id")
}

const BODY: &str = "First paragraph.\n\n> A quoted line.\n\nSecond paragraph.\n\nThird paragraph.\n\nFourth paragraph.";

#[tokio::test]
async fn brand_an_in_article_ad_goes_after_paragraph_n_with_its_size_kept_and_its_label() {
    let app = TestApp::spawn().await;
    let article = app.published("Council meets", BODY).await;
    let path = article["url"]
        .as_str()
        .expect("url")
        .trim_start_matches(&app.base)
        .to_owned();
    let photo = library_photo(&app, "Subscribe to the morning briefing").await;
    let (status, slot) = app
        .api(
            Method::PUT,
            "/ad-slots/in_article",
            Some(json!({
                "enabled": true, "house_media_id": photo, "house_link": "/subscribe",
                "width": 600, "height": 250, "mobile_width": 300, "mobile_height": 125, "every": 2,
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{slot}");
    assert_eq!(slot["shows"], true);

    let html = text(&app, &path).await;
    let body = &html[html.find("<div class=\"body\"").expect("body")..];
    let second = body.find("Second paragraph.").expect("second");
    let ad = body
        .find("data-place=\"in_article\"")
        .expect("the ad in the body");
    let third = body.find("Third paragraph.").expect("third");
    assert!(
        second < ad && ad < third,
        "the ad sits after the second paragraph, not the quote"
    );
    assert!(body.find("A quoted line.").expect("quote") < second);
    let page = scraper::Html::parse_document(&html);
    assert_eq!(
        crate::helpers::text(&page, ".ad-in_article .ad-label").as_deref(),
        Some("Advertisement")
    );
    assert_eq!(
        attr(&page, ".ad-in_article a", "href").as_deref(),
        Some("/subscribe")
    );
    assert_eq!(
        attr(&page, ".ad-in_article a", "rel").as_deref(),
        Some("sponsored")
    );
    assert_eq!(
        attr(&page, ".ad-in_article img", "alt").as_deref(),
        Some("Subscribe to the morning briefing")
    );
    assert!(attr(&page, ".ad-in_article img", "width").is_some());

    // Its space is kept on wide screens and phones before the image arrives.
    let css_href =
        attr(&page, "link[rel=stylesheet][href^=\"/brand.css\"]", "href").expect("brand.css");
    let css = text(&app, &css_href).await;
    assert!(
        css.contains(".ad[data-place=\"in_article\"] .ad-box { width: min(100%, 600px); }"),
        "{css}"
    );
    assert!(
        css.contains(".ad[data-place=\"in_article\"] .ad-house img { aspect-ratio: 600 / 250; }"),
        "{css}"
    );
    assert!(
        css.contains("@media (max-width: 47.99rem)") && css.contains("aspect-ratio: 300 / 125"),
        "{css}"
    );

    // A story too short for paragraph N carries none.
    let short = app.published("Short one", "Only paragraph.").await;
    let html = text(
        &app,
        short["url"]
            .as_str()
            .expect("url")
            .trim_start_matches(&app.base),
    )
    .await;
    assert!(!html.contains("data-place=\"in_article\""));
}

#[tokio::test]
async fn brand_ads_stay_off_in_sections_without_ads_in_previews_and_in_the_newsroom() {
    let app = TestApp::spawn().await;
    let article = app.published("Obituary: a teacher", BODY).await;
    let path = article["url"]
        .as_str()
        .expect("url")
        .trim_start_matches(&app.base)
        .to_owned();
    let id = article["id"].as_i64().expect("id");
    let (status, slot) = app
        .api(
            Method::PUT,
            "/ad-slots/header",
            Some(json!({"enabled": true, "desktop_code": "<div id=\"network-ad\">AD</div>"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{slot}");
    assert!(text(&app, &path).await.contains("network-ad"));
    assert!(text(&app, "/").await.contains("data-place=\"header\""));

    // The story's section switched off: neither its page nor the section's carry ads.
    let (_, full) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    let section = full["section"]["slug"]
        .as_str()
        .or(full["section"].as_str())
        .expect("section slug")
        .to_owned();
    let (status, off) = app
        .api(
            Method::PUT,
            "/ad-slots/sections",
            Some(json!({"off": [section]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{off}");
    assert_eq!(off["off"], json!([section]));
    assert!(!text(&app, &path).await.contains("network-ad"));
    assert!(
        !text(&app, &format!("/section/{section}"))
            .await
            .contains("network-ad")
    );
    assert!(
        text(&app, "/").await.contains("network-ad"),
        "the home page keeps its ads"
    );
    let (status, _) = app
        .api(
            Method::PUT,
            "/ad-slots/sections",
            Some(json!({"off": ["no-such-section"]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    app.api(Method::PUT, "/ad-slots/sections", Some(json!({"off": []})))
        .await;

    // Never in the newsroom, its preview or error pages.
    let admin = app.sign_in("admin@example.com", PASSWORD).await;
    for newsroom in [
        "/admin",
        &format!("/admin/articles/{id}"),
        &format!("/admin/articles/{id}/preview"),
        "/admin/ads",
    ] {
        let response = admin.get(newsroom).await;
        assert_eq!(response.status(), StatusCode::OK, "{newsroom}");
        let html = response.text().await.expect("text");
        assert!(
            !html.contains("<div id=\"network-ad\">"),
            "{newsroom} shows the ad"
        );
    }
    assert!(!text(&app, "/no-such-page").await.contains("network-ad"));

    // Switched off, it is gone.
    app.api(
        Method::PUT,
        "/ad-slots/header",
        Some(json!({"enabled": false})),
    )
    .await;
    assert!(!text(&app, &path).await.contains("network-ad"));
}

#[tokio::test]
async fn brand_only_admins_set_ad_code_editors_get_403_from_the_api_and_the_form() {
    let app = TestApp::spawn().await;
    let editor = user_token(app.store.as_ref(), "editor@example.com", "editor").await;
    let (status, problem) = app
        .api_as(
            &editor,
            Method::PUT,
            "/ad-slots/header",
            Some(json!({"enabled": true, "desktop_code": "<script>steal()</script>"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert!(
        problem["detail"].as_str().unwrap_or("").contains("admins"),
        "{problem}"
    );
    let (status, _) = app.api_as(&editor, Method::GET, "/ad-slots", None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let session = app.sign_in("editor@example.com", PASSWORD).await;
    let response = session
        .post(
            "/admin/ads/header",
            &[
                ("enabled", "on"),
                ("desktop_code", "<script>steal()</script>"),
                ("width", "728"),
                ("height", "90"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        session.get("/admin/ads").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        session.get("/admin/identity").await.status(),
        StatusCode::FORBIDDEN
    );
    let (_, slots) = app.api(Method::GET, "/ad-slots", None).await;
    assert!(
        slots["slots"]
            .as_array()
            .expect("slots")
            .iter()
            .all(|s| s["desktop_code"].is_null())
    );
    assert!(!text(&app, "/").await.contains("steal()"));

    // An admin's form does it, and a bad size comes back filled in.
    let admin = app.sign_in("admin@example.com", PASSWORD).await;
    let response = admin
        .post(
            "/admin/ads/header",
            &[
                ("enabled", "on"),
                ("desktop_code", "<p>ad</p>"),
                ("width", "wide"),
                ("height", "90"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&response.text().await.expect("text"));
    assert_eq!(
        crate::helpers::text(&page, "#f-header-desktop_code").as_deref(),
        Some("<p>ad</p>")
    );
    let response = admin
        .post(
            "/admin/ads/header",
            &[
                ("enabled", "on"),
                ("desktop_code", "<p>ad</p>"),
                ("width", "728"),
                ("height", "90"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(text(&app, "/").await.contains("<p>ad</p>"));
}

#[tokio::test]
async fn brand_the_content_policy_is_strict_without_ad_code_and_opens_for_it() {
    let app = TestApp::spawn().await;
    let policy = |response: &reqwest::Response| {
        response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("policy")
            .to_owned()
    };
    let strict = newsdesk::web::CONTENT_SECURITY_POLICY;
    assert_eq!(policy(&app.get("/").await), strict);

    // A house ad is our own markup: still strict.
    let photo = library_photo(&app, "Our podcast").await;
    app.api(Method::PUT, "/ad-slots/sidebar", Some(json!({"enabled": true, "house_media_id": photo, "house_link": "https://podcast.example.org/"}))).await;
    assert_eq!(policy(&app.get("/").await), strict);

    // A measurement snippet: its origin and its inline script's hash, nothing more.
    let snippet = "<script defer data-domain=\"news.example\" src=\"https://stats.example.com/js/script.js\"></script>\n<script>window.plausible = window.plausible || function () {};</script>";
    let (status, body) = app
        .api(
            Method::PATCH,
            "/identity",
            Some(json!({"measurement": snippet})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let response = app.get("/").await;
    let measured = policy(&response);
    assert!(
        measured.contains("script-src 'self' https://stats.example.com 'sha256-"),
        "{measured}"
    );
    assert!(
        measured.contains("connect-src 'self' https://stats.example.com"),
        "{measured}"
    );
    assert!(!measured.contains("unsafe-inline"), "{measured}");
    let html = response.text().await.expect("text");
    let head = &html[..html.find("</head>").expect("head")];
    assert!(
        head.contains(snippet),
        "the snippet sits in the head as written"
    );

    // Ad code: the looser policy on readers' pages only.
    app.api(Method::PUT, "/ad-slots/header", Some(json!({"enabled": true, "desktop_code": "<script async src=\"https://ads.example.net/tag.js\"></script>"}))).await;
    let open = policy(&app.get("/").await);
    assert_eq!(open, newsdesk::web::brand::ADS_CONTENT_SECURITY_POLICY);
    assert!(open.contains("script-src 'self' 'unsafe-inline' 'unsafe-eval' https:"));
    assert_eq!(policy(&app.get("/admin/login").await), strict);
    assert_eq!(policy(&app.get("/api/v1/openapi.json").await), strict);

    // Code off again: strict again (the snippet's policy).
    app.api(
        Method::PUT,
        "/ad-slots/header",
        Some(json!({"desktop_code": ""})),
    )
    .await;
    assert_eq!(policy(&app.get("/").await), measured);
    app.api(Method::PATCH, "/identity", Some(json!({"measurement": ""})))
        .await;
    assert_eq!(policy(&app.get("/").await), strict);
}

#[tokio::test]
async fn brand_changes_show_at_once_on_cached_pages() {
    let app = TestApp::spawn().await;
    let article = app.published("Cached story", BODY).await;
    let path = article["url"]
        .as_str()
        .expect("url")
        .trim_start_matches(&app.base)
        .to_owned();
    for _ in 0..2 {
        text(&app, &path).await;
        text(&app, "/").await;
    }
    let cached = app.get("/").await;
    assert_eq!(cached.headers()["x-cache"], "HIT");
    app.api(
        Method::PATCH,
        "/identity",
        Some(json!({"colour": "#225500", "instagram": "https://www.instagram.com/cachedpaper"})),
    )
    .await;
    for page in ["/", path.as_str()] {
        let html = text(&app, page).await;
        assert!(html.contains("content=\"#225500\""), "{page} is stale");
        assert!(
            html.contains("https://www.instagram.com/cachedpaper"),
            "{page} is stale"
        );
    }
    let photo = library_photo(&app, "Read us daily").await;
    text(&app, &path).await;
    app.api(
        Method::PUT,
        "/ad-slots/in_article",
        Some(json!({"enabled": true, "house_media_id": photo, "house_link": "/about", "every": 1})),
    )
    .await;
    assert!(
        text(&app, &path)
            .await
            .contains("data-place=\"in_article\"")
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn brand_what_one_instance_changes_the_other_shows_within_two_seconds() {
    let schema = PgSchema::create().await;
    let a = TestApp::spawn_on_database(tempfile::tempdir().expect("dir"), &schema.url).await;
    let b = TestApp::spawn_on_database(tempfile::tempdir().expect("dir"), &schema.url).await;
    let token = user_token(a.store.as_ref(), "admin@example.com", "admin").await;
    // Both have served (and cached) the home page before the change.
    for _ in 0..2 {
        text(&a, "/").await;
        text(&b, "/").await;
    }
    let (status, body) = a
        .api_as(
            &token,
            Method::PATCH,
            "/identity",
            Some(json!({"colour": "#552200", "youtube": "https://www.youtube.com/@twoinstances"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let started = Instant::now();
    loop {
        let html = text(&b, "/").await;
        if html.contains("https://www.youtube.com/@twoinstances")
            && html.contains("content=\"#552200\"")
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "the other instance still shows the old identity"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    a.api_as(
        &token,
        Method::PUT,
        "/ad-slots/header",
        Some(json!({"enabled": true, "desktop_code": "<p>two-instance ad</p>"})),
    )
    .await;
    let started = Instant::now();
    loop {
        let response = b.get("/").await;
        let policy = response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap_or("")
            .to_owned();
        if response
            .text()
            .await
            .expect("text")
            .contains("two-instance ad")
        {
            assert_eq!(policy, newsdesk::web::brand::ADS_CONTENT_SECURITY_POLICY);
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "the other instance has no ad"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}
