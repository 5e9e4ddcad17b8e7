//! Photo uploads over HTTP: what is accepted and refused (by the bytes), what readers are
//! served (sizes, types, no location metadata, upright), and where files may and may not go.

use std::io::{Cursor, Write};

use image::{DynamicImage, ImageFormat, RgbImage};
use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, attr, count};

/// A colourful photo-like picture, so encoders have something to work with.
fn picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    }))
}

fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).expect("encode");
    out.into_inner()
}

/// A JPEG with an EXIF block holding an orientation (rotate 90°) and a GPS position.
fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    let plain = encoded(&picture(width, height), ImageFormat::Jpeg);
    // TIFF, big-endian. IFD0 at 8: Orientation = 6, GPS IFD pointer -> 38.
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend([0, 2]);
    tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]);
    tiff.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]);
    tiff.extend([0, 0, 0, 0]);
    // GPS IFD at 38: LatitudeRef "N", Latitude -> 68 (three rationals).
    tiff.extend([0, 2]);
    tiff.extend([0x00, 0x01, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]);
    tiff.extend([0x00, 0x02, 0, 5, 0, 0, 0, 3, 0, 0, 0, 68]);
    tiff.extend([0, 0, 0, 0]);
    for (n, d) in [(1u32, 1u32), (17, 1), (4242, 100)] {
        tiff.extend(n.to_be_bytes());
        tiff.extend(d.to_be_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(&tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(&app1);
    out.extend(&plain[2..]);
    out
}

/// A PNG that claims 20000×20000 pixels in a few hundred bytes.
fn pixel_bomb() -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc_input = kind.to_vec();
        crc_input.extend(data);
        out.extend(kind);
        out.extend(data);
        out.extend(crc32(&crc_input).to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(20_000u32.to_be_bytes());
    ihdr.extend(20_000u32.to_be_bytes());
    ihdr.extend([1, 0, 0, 0, 0]); // 1-bit greyscale
    chunk(&mut out, b"IHDR", &ihdr);
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let row = vec![0u8; 1 + 20_000 / 8];
    for _ in 0..200 {
        encoder.write_all(&row).expect("deflate");
    }
    chunk(&mut out, b"IDAT", &encoder.finish().expect("deflate"));
    chunk(&mut out, b"IEND", &[]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

async fn upload(
    app: &TestApp,
    bytes: Vec<u8>,
    name: &str,
    mime: &str,
    alt: &str,
) -> (StatusCode, Value) {
    let form = Form::new()
        .part(
            "file",
            Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str(mime)
                .expect("mime"),
        )
        .text("alt", alt.to_owned())
        .text("credit", "Courtesy")
        .text("caption", "A test picture");
    let response = app
        .client
        .post(app.url("/api/v1/media"))
        .bearer_auth(&app.token)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = response.status();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn uploads_are_judged_by_their_bytes_with_a_message_for_each_refusal() {
    let app = TestApp::spawn().await;
    let png = encoded(&picture(300, 200), ImageFormat::Png);
    let jpeg = encoded(&picture(300, 200), ImageFormat::Jpeg);
    let mut jpeg_with_php = jpeg.clone();
    jpeg_with_php.extend(b"<?php system($_GET['c']); ?><html><script>alert(1)</script></html>");
    let mut truncated = encoded(&picture(300, 200), ImageFormat::Jpeg);
    truncated.truncate(truncated.len() / 3);
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00 a zip archive".to_vec();
    let svg =
        br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.to_vec();
    let html = b"<!doctype html><html><script>alert(document.cookie)</script></html>".to_vec();

    // What it is, its bytes, the name and type it claims, the answer, and the message.
    type Case = (
        &'static str,
        Vec<u8>,
        &'static str,
        &'static str,
        StatusCode,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            "a PNG named .jpg",
            png,
            "photo.jpg",
            "image/jpeg",
            StatusCode::CREATED,
            "",
        ),
        (
            "a JPEG with PHP and HTML appended",
            jpeg_with_php,
            "x.php.jpg",
            "image/jpeg",
            StatusCode::CREATED,
            "",
        ),
        (
            "an SVG with a script",
            svg,
            "logo.svg",
            "image/svg+xml",
            StatusCode::UNPROCESSABLE_ENTITY,
            "not a JPEG, PNG, WebP or GIF",
        ),
        (
            "an HTML file named .png",
            html,
            "cute.png",
            "image/png",
            StatusCode::UNPROCESSABLE_ENTITY,
            "not a JPEG, PNG, WebP or GIF",
        ),
        (
            "a zip",
            zip,
            "photos.zip",
            "application/zip",
            StatusCode::UNPROCESSABLE_ENTITY,
            "not a JPEG, PNG, WebP or GIF",
        ),
        (
            "a truncated JPEG",
            truncated,
            "cut.jpg",
            "image/jpeg",
            StatusCode::UNPROCESSABLE_ENTITY,
            "incomplete or damaged",
        ),
        (
            "a 20000×20000 PNG of a few KB",
            pixel_bomb(),
            "bomb.png",
            "image/png",
            StatusCode::UNPROCESSABLE_ENTITY,
            "20000×20000 pixels",
        ),
    ];
    for (what, bytes, name, mime, expected, message) in cases {
        let size = bytes.len();
        let (status, body) = upload(&app, bytes, name, mime, "A picture").await;
        assert_eq!(status, expected, "{what}: {body}");
        if expected == StatusCode::CREATED {
            for variant in body["variants"].as_array().expect("variants") {
                let response = app.get(variant["url"].as_str().expect("url")).await;
                let bytes = response.bytes().await.expect("bytes");
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    !text.contains("<?php") && !text.contains("<script"),
                    "{what}: payload served"
                );
            }
        } else {
            assert_eq!(body["errors"][0]["field"], "file", "{what}");
            let detail = body["errors"][0]["message"].as_str().expect("message");
            assert!(detail.contains(message), "{what}: {detail}");
            if what.starts_with("a 20000") {
                assert!(size < 4096, "the bomb is small ({size} bytes)");
            }
        }
    }
}

#[tokio::test]
async fn location_metadata_never_reaches_a_reader_and_photos_are_upright() {
    let app = TestApp::spawn().await;
    let original = jpeg_with_gps(1200, 800);
    assert!(original.windows(4).any(|w| w == b"Exif"));
    let (status, body) = upload(
        &app,
        original,
        "IMG_0001.JPG",
        "image/jpeg",
        "A phone photo",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // Orientation 6 means the camera was turned: 1200×800 stored, 800×1200 seen.
    assert_eq!(
        (body["width"].as_u64(), body["height"].as_u64()),
        (Some(800), Some(1200))
    );
    let variants = body["variants"].as_array().expect("variants");
    let widths: Vec<u64> = variants
        .iter()
        .filter_map(|v| v["width"].as_u64())
        .collect();
    assert_eq!(widths, [320, 320, 640, 640, 800, 800]);
    for variant in variants {
        let url = variant["url"].as_str().expect("url");
        let response = app.get(url).await;
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        assert_eq!(
            response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
            variant["type"].as_str(),
            "{url}"
        );
        assert_eq!(
            response
                .headers()
                .get("x-content-type-options")
                .map(|v| v.as_bytes()),
            Some(&b"nosniff"[..])
        );
        assert!(
            response
                .headers()
                .get(header::CACHE_CONTROL)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("immutable")),
            "{url}"
        );
        let bytes = response.bytes().await.expect("bytes");
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif"),
            "{url} carries EXIF"
        );
        assert!(
            !bytes.windows(4).any(|w| w == [0, 0, 0x10, 0x92]),
            "{url} carries the GPS latitude"
        );
        let decoded = image::load_from_memory(&bytes).expect("decodes");
        assert!(decoded.height() > decoded.width(), "{url} is upright");
    }
}

#[tokio::test]
async fn the_article_page_serves_every_size_with_srcset_and_dimensions() {
    let app = TestApp::spawn().await;
    let (_, media) = upload(
        &app,
        encoded(&picture(1800, 1200), ImageFormat::Jpeg),
        "harbour.jpg",
        "image/jpeg",
        "Boats in the harbour",
    )
    .await;
    let article = app.published("Harbour day", "Body.").await;
    let id = article["id"].as_i64().expect("id");
    let (status, saved) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({
                "version": 1,
                "lead_image": {"url": media["url"], "alt": "Boats in the harbour", "credit": "Courtesy", "caption": "Morning"}
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, page) = app.page("/article/harbour-day").await;
    assert_eq!(status, StatusCode::OK);
    let srcset =
        attr(&page, ".lead-image source[type='image/webp']", "srcset").expect("webp srcset");
    for width in [320, 640, 1024, 1600] {
        assert!(srcset.contains(&format!(" {width}w")), "{srcset}");
    }
    assert_eq!(
        attr(&page, ".lead-image img", "width").as_deref(),
        Some("1600")
    );
    assert_eq!(
        attr(&page, ".lead-image img", "height").as_deref(),
        Some("1067")
    );
    assert!(attr(&page, ".lead-image img", "sizes").is_some());
    let fallback = attr(&page, ".lead-image img", "srcset").expect("fallback srcset");
    for candidate in srcset.split(", ").chain(fallback.split(", ")) {
        let url = candidate.split(' ').next().expect("url");
        let response = app.get(url).await;
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        let expected = if url.ends_with(".webp") {
            "image/webp"
        } else {
            "image/jpeg"
        };
        assert_eq!(
            response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
            Some(expected)
        );
    }
    assert_eq!(count(&page, ".lead-image .credit"), 1);
}

#[tokio::test]
async fn path_tricks_never_reach_outside_the_media_folder() {
    let app = TestApp::spawn().await;
    let (status, media) = upload(
        &app,
        encoded(&picture(400, 300), ImageFormat::Png),
        "../../../../etc/cron.d/evil",
        "image/png",
        "A picture",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    // The name a person gave is not used: files are named by the server.
    let mut names = Vec::new();
    for folder in ["originals", "variants"] {
        for entry in std::fs::read_dir(app.data.path().join("media").join(folder)).expect("folder")
        {
            names.push(
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    assert!(
        names.iter().all(|n| n.len() > 32 && !n.contains("evil")),
        "{names:?}"
    );
    std::fs::write(app.data.path().join("secret.txt"), "not for readers").expect("write");
    for path in [
        "/media/../secret.txt",
        "/media/..%2fsecret.txt",
        "/media/%2e%2e%2fsecret.txt",
        "/media/%2e%2e%2f%2e%2e%2fnewsdesk.toml",
        "/media/%2Fetc%2Fpasswd",
        "/media/..%5csecret.txt",
        "/media/abc%00.webp",
        "/media/originals%2f0123456789abcdef0123456789abcdef.png",
    ] {
        let response = app.get(path).await;
        let status = response.status();
        let body = response.text().await.expect("body");
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{path} → {status}"
        );
        assert!(
            !body.contains("not for readers") && !body.contains("site_title"),
            "{path}"
        );
    }
    // The original as uploaded is never served.
    let hash = media["url"].as_str().expect("url")[7..39].to_owned();
    let response = app.get(&format!("/media/{hash}.png")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_photo_in_use_cannot_be_deleted_and_the_answer_names_the_articles() {
    let app = TestApp::spawn().await;
    let (_, media) = upload(
        &app,
        encoded(&picture(500, 300), ImageFormat::Jpeg),
        "a.jpg",
        "image/jpeg",
        "Market stalls",
    )
    .await;
    let media_id = media["id"].as_i64().expect("id");
    // The same bytes again are the same library item.
    let (status, again) = upload(
        &app,
        encoded(&picture(500, 300), ImageFormat::Jpeg),
        "copy.jpg",
        "image/jpeg",
        "",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["id"], media_id);

    let article = app.published("Market reopens", "Body.").await;
    let id = article["id"].as_i64().expect("id");
    app.api(
        Method::PATCH,
        &format!("/articles/{id}"),
        Some(json!({"version": 1, "body": format!("Look:\n\n![Stalls]({})", media["url"].as_str().expect("url"))})),
    )
    .await;
    let (_, page) = app.page("/article/market-reopens").await;
    let srcset = attr(&page, ".body img", "srcset").expect("body photo srcset");
    assert!(
        srcset.contains(" 320w") && srcset.contains(" 500w"),
        "{srcset}"
    );
    let (status, refusal) = app
        .api(Method::DELETE, &format!("/media/{media_id}"), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{refusal}");
    assert!(
        refusal["detail"]
            .as_str()
            .expect("detail")
            .contains("Market reopens")
    );
    let (_, item) = app
        .api(Method::GET, &format!("/media/{media_id}"), None)
        .await;
    assert_eq!(item["used_by"][0]["title"], "Market reopens");

    app.api(Method::DELETE, &format!("/articles/{id}"), None)
        .await;
    let (status, _) = app
        .api(Method::DELETE, &format!("/media/{media_id}"), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let response = app.get(media["url"].as_str().expect("url")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "files go with it");
}

#[tokio::test]
async fn the_library_searches_and_its_upload_form_works_without_javascript() {
    let app = TestApp::spawn().await;
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let form = Form::new()
        .part(
            "file",
            Part::bytes(encoded(&picture(640, 480), ImageFormat::Png))
                .file_name("x.png")
                .mime_str("image/png")
                .expect("mime"),
        )
        .text("alt", "Lighthouse at dusk")
        .text("credit", "Amina")
        .text("caption", "");
    let response = session
        .client
        .post(format!(
            "{}/admin/media?csrf={}",
            session.base, session.csrf
        ))
        .header("origin", session.base.clone())
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Without the token the same upload is refused.
    let form = Form::new().part(
        "file",
        Part::bytes(encoded(&picture(64, 48), ImageFormat::Png)).file_name("y.png"),
    );
    let response = session
        .client
        .post(format!("{}/admin/media", session.base))
        .header("origin", session.base.clone())
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let (_, html) = session.page("/admin/media?q=lighthouse").await;
    assert_eq!(count(&html, ".media-grid img"), 1);
    let (_, html) = session.page("/admin/media?q=nothing-like-it").await;
    assert_eq!(count(&html, ".media-grid img"), 0);
}

#[tokio::test]
async fn photos_can_live_in_a_shared_object_store_instead_of_the_data_folder() {
    let shared = tempfile::tempdir().expect("shared folder");
    let url = format!("file://{}", shared.path().display());
    let app = TestApp::spawn_with(|s| s.media_store = Some(url.clone())).await;
    let (status, media) = upload(
        &app,
        encoded(&picture(700, 400), ImageFormat::Jpeg),
        "p.jpg",
        "image/jpeg",
        "A shared photo",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{media}");
    let variants = std::fs::read_dir(shared.path().join("variants"))
        .expect("variants in the shared store")
        .count();
    assert_eq!(variants, 6, "three widths, WebP and JPEG");
    assert!(shared.path().join("originals").exists());
    assert!(
        !app.data.path().join("media").exists(),
        "nothing in the data folder"
    );
    let response = app.get(media["url"].as_str().expect("url")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let id = media["id"].as_i64().expect("id");
    let (status, _) = app.api(Method::DELETE, &format!("/media/{id}"), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        std::fs::read_dir(shared.path().join("variants"))
            .expect("folder")
            .count(),
        0
    );
}
