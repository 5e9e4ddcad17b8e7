//! Story formats beyond text through the real server. Photo galleries: saved through the
//! API or the newsroom (put in order with Up and Down), paged through at `…/photo/N`,
//! described as `ImageGallery` JSON-LD and carried by the feeds as media elements.

use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, attr, count, png, text, user_token};

async fn gallery_story(app: &TestApp, photos: &[i64]) -> Value {
    let article = app
        .published(
            "A day at the harbour, in pictures",
            "Photos from dawn to dusk.",
        )
        .await;
    let items: Vec<Value> = photos
        .iter()
        .enumerate()
        .map(|(n, id)| {
            if n == 0 {
                json!({"media_id": id, "caption": "First light over the quay", "credit": "Amina Odhiambo"})
            } else {
                json!({"media_id": id})
            }
        })
        .collect();
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/articles/{}/gallery", article["id"]),
            Some(json!({ "photos": items })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["photos"].as_array().expect("photos").len(),
        photos.len()
    );
    set_format(app, &article, "gallery").await;
    article
}

/// Makes a story one of `format`; its extras are on it already, so it stays published.
async fn set_format(app: &TestApp, article: &Value, format: &str) {
    let path = format!("/articles/{}", article["id"]);
    let (_, current) = app.api(Method::GET, &path, None).await;
    let (status, body) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"format": format, "version": current["version"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_gallery_story_pages_through_its_photos_each_at_its_own_address() {
    let app = TestApp::spawn().await;
    let mut photos = Vec::new();
    for seed in 1..=3 {
        photos.push(app.library_photo(seed).await);
    }
    let article = gallery_story(&app, &photos).await;
    let slug = article["slug"].as_str().expect("slug");

    let (status, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&page, ".gallery-count").as_deref(), Some("1 of 3"));
    assert_eq!(count(&page, ".gallery-strip li"), 3);
    assert_eq!(
        count(&page, "a.gallery-prev"),
        0,
        "no previous on the first photo"
    );
    assert_eq!(
        attr(&page, "a.gallery-next", "href").as_deref(),
        Some(format!("/article/{slug}/photo/2#gallery").as_str())
    );
    assert_eq!(
        text(&page, ".gallery-stage .caption").as_deref(),
        Some("First light over the quay")
    );
    assert_eq!(
        text(&page, ".gallery-stage .credit").as_deref(),
        Some("Photo: Amina Odhiambo.")
    );
    let img = attr(&page, ".gallery-stage img", "width").expect("size reserved");
    assert!(img.parse::<u32>().is_ok());

    let (status, second) = app.page(&format!("/article/{slug}/photo/2")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&second, ".gallery-count").as_deref(), Some("2 of 3"));
    assert_eq!(
        text(&second, ".gallery-stage .caption").as_deref(),
        Some("Library caption 2"),
        "the library's words when the gallery has none"
    );
    assert_eq!(
        attr(&second, "link[rel=canonical]", "href").expect("canonical"),
        format!("{}/article/{slug}/photo/2", app.base)
    );
    assert_eq!(
        attr(&second, ".gallery-strip [aria-current=true]", "href").as_deref(),
        Some(format!("/article/{slug}/photo/2#gallery").as_str())
    );
    assert!(
        text(&second, "title")
            .expect("title")
            .starts_with("Photo 2 of 3: ")
    );

    // Past the last photo, or not a number: not found. The first photo's own address is
    // the story's.
    let (status, _) = app.page(&format!("/article/{slug}/photo/4")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.page(&format!("/article/{slug}/photo/x")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let response = app.get(&format!("/article/{slug}/photo/1")).await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        response.headers()["location"],
        format!("/article/{slug}").as_str()
    );
}

#[tokio::test]
async fn a_gallery_is_described_as_image_gallery_json_ld_and_carried_by_the_feeds() {
    let app = TestApp::spawn().await;
    let photos = [app.library_photo(11).await, app.library_photo(12).await];
    let article = gallery_story(&app, &photos).await;
    let slug = article["slug"].as_str().expect("slug");
    let html = app
        .get(&format!("/article/{slug}"))
        .await
        .text()
        .await
        .expect("html");
    let page = scraper::Html::parse_document(&html);
    let selector =
        scraper::Selector::parse("script[type='application/ld+json']").expect("selector");
    let blocks: Vec<Value> = page
        .select(&selector)
        .map(|s| serde_json::from_str(&s.inner_html()).expect("json-ld"))
        .collect();
    let gallery = blocks
        .iter()
        .find(|b| b["@type"] == "ImageGallery")
        .expect("an ImageGallery block");
    let images = gallery["image"].as_array().expect("images");
    assert_eq!(images.len(), 2);
    assert_eq!(images[0]["@type"], "ImageObject");
    assert_eq!(images[0]["caption"], "First light over the quay");
    assert_eq!(images[0]["creditText"], "Amina Odhiambo");
    assert!(
        images[1]["contentUrl"]
            .as_str()
            .expect("url")
            .starts_with(&app.base)
    );
    assert_eq!(
        images[1]["url"],
        format!("{}/article/{slug}/photo/2", app.base)
    );
    // e2e/formats.test.js checks the blocks with the shared schema.org validator.

    for feed in ["/feed.xml", "/atom.xml"] {
        let xml = app.get(feed).await.text().await.expect("feed");
        let item = xml
            .split("<item>")
            .chain(xml.split("<entry>"))
            .find(|part| part.contains(slug))
            .expect("the story in the feed");
        assert_eq!(
            item.matches("medium=\"image\" width=").count(),
            2,
            "{feed}: {item}"
        );
        assert!(item.contains("<media:description>First light over the quay</media:description>"));
        assert!(item.contains("<media:credit>Amina Odhiambo</media:credit>"));
    }
}

#[tokio::test]
async fn refusals_name_what_is_wrong_with_a_gallery() {
    let app = TestApp::spawn().await;
    let article = app.published("Refused gallery", "Body").await;
    let path = format!("/articles/{}/gallery", article["id"]);
    let (status, problem) = app
        .api(Method::PUT, &path, Some(json!({ "photos": [] })))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(
        problem.to_string().contains("at least one photo"),
        "{problem}"
    );
    let (status, problem) = app
        .api(
            Method::PUT,
            &path,
            Some(json!({ "photos": [{"media_id": 987_654}] })),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(
        problem.to_string().contains("not in the library"),
        "{problem}"
    );

    let photo = app.library_photo(21).await;
    let contributor = user_token(app.store.as_ref(), "c@example.com", "contributor").await;
    let (status, problem) = app
        .api_as(
            &contributor,
            Method::PUT,
            &path,
            Some(json!({ "photos": [{"media_id": photo}] })),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let response = app
        .client
        .put(app.url(&format!("/api/v1{path}")))
        .json(&json!({ "photos": [{"media_id": photo}] }))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    // A photo in a gallery stays in the library.
    let (status, _) = app
        .api(
            Method::PUT,
            &path,
            Some(json!({ "photos": [{"media_id": photo}] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, problem) = app
        .api(Method::DELETE, &format!("/media/{photo}"), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert!(problem.to_string().contains("Refused gallery"), "{problem}");
}

#[tokio::test]
async fn the_newsroom_orders_a_gallery_with_up_and_down_buttons() {
    let app = TestApp::spawn().await;
    let photos = [
        app.library_photo(31).await,
        app.library_photo(32).await,
        app.library_photo(33).await,
    ];
    let article = app.published("Ordered gallery", "Body").await;
    let id = article["id"].as_i64().expect("id");
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let (status, page) = editor.page(&format!("/admin/articles/{id}/gallery")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(count(&page, ".gallery-offered form") >= 3);
    for photo in photos {
        let response = editor
            .post(
                &format!("/admin/articles/{id}/gallery/add"),
                &[("media_id", &photo.to_string())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let order = |app: &TestApp| {
        let store = app.store.clone();
        async move {
            store
                .gallery(id)
                .await
                .expect("gallery")
                .iter()
                .map(|p| p.media.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(order(&app).await, photos.to_vec());
    let response = editor
        .post(&format!("/admin/articles/{id}/gallery/3/up"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(order(&app).await, vec![photos[0], photos[2], photos[1]]);
    let response = editor
        .post(&format!("/admin/articles/{id}/gallery/1/down"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(order(&app).await, vec![photos[2], photos[0], photos[1]]);
    let response = editor
        .post(
            &format!("/admin/articles/{id}/gallery/2/words"),
            &[("caption", "The quay at noon"), ("credit", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = editor
        .post(&format!("/admin/articles/{id}/gallery/3/remove"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = editor.page(&format!("/admin/articles/{id}/gallery")).await;
    assert_eq!(count(&page, ".gallery-admin > li"), 2);
    assert_eq!(
        attr(&page, "#caption-2", "value").as_deref(),
        Some("The quay at noon")
    );
    assert_eq!(
        count(&page, "#photo-1 button"),
        3,
        "the first photo has no Up: words, Down, out"
    );
    // A photo that is not there is not found.
    let response = editor
        .post(&format!("/admin/articles/{id}/gallery/9/up"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // Readers see the new order, cached page or not.
    let slug = article["slug"].as_str().expect("slug");
    set_format(&app, &article, "gallery").await;
    let (_, story) = app.page(&format!("/article/{slug}/photo/2")).await;
    assert_eq!(
        text(&story, ".gallery-stage .caption").as_deref(),
        Some("The quay at noon")
    );
}

/// An MP4's opening `ftyp` box followed by `len - 24` bytes counting up, so every range of
/// it is recognisable.
fn mp4(len: usize) -> Vec<u8> {
    let mut bytes = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2".to_vec();
    bytes.extend((0..len - bytes.len()).map(|n| (n % 251) as u8));
    bytes
}

async fn upload_video(app: &TestApp, bytes: Vec<u8>, name: &str) -> (StatusCode, Value) {
    let form = Form::new().part(
        "file",
        Part::bytes(bytes)
            .file_name(name.to_owned())
            .mime_str("video/mp4")
            .expect("mime"),
    );
    let response = app
        .client
        .post(app.url("/api/v1/videos"))
        .bearer_auth(&app.token)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_uploaded_video_is_judged_by_its_bytes_and_served_in_ranges() {
    let app = TestApp::spawn().await;
    // A PNG named .mp4 is refused, saying what to do.
    let (status, problem) = upload_video(&app, png(41), "clip.mp4").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(
        problem.to_string().contains("not an MP4 or WebM video"),
        "{problem}"
    );

    let bytes = mp4(10_000);
    let (status, video) = upload_video(&app, bytes.clone(), "clip.bin").await;
    assert_eq!(status, StatusCode::CREATED, "{video}");
    assert_eq!(video["type"], "video/mp4");
    let (status, again) = upload_video(&app, bytes.clone(), "again.mp4").await;
    assert_eq!(status, StatusCode::OK, "the same file is kept once");
    assert_eq!(again["id"], video["id"]);
    let url = video["url"].as_str().expect("url").to_owned();

    let get = |range: Option<&str>| {
        let mut request = app.client.get(app.url(&url));
        if let Some(range) = range {
            request = request.header("range", range);
        }
        request.send()
    };
    let whole = get(None).await.expect("whole");
    assert_eq!(whole.status(), StatusCode::OK);
    assert_eq!(whole.headers()["accept-ranges"], "bytes");
    assert_eq!(whole.headers()["content-type"], "video/mp4");
    assert_eq!(
        whole.bytes().await.expect("bytes").as_ref(),
        bytes.as_slice()
    );

    for (range, first, last) in [
        ("bytes=100-199", 100, 199),
        ("bytes=9990-", 9990, 9999),
        ("bytes=-16", 9984, 9999),
        ("bytes=0-0", 0, 0),
        ("bytes=9000-20000", 9000, 9999),
    ] {
        let part = get(Some(range)).await.expect("part");
        assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT, "{range}");
        assert_eq!(
            part.headers()["content-range"],
            format!("bytes {first}-{last}/10000").as_str(),
            "{range}"
        );
        let body = part.bytes().await.expect("bytes");
        assert_eq!(
            body.as_ref(),
            &bytes[first..=last],
            "{range}: exactly those bytes"
        );
    }
    let past = get(Some("bytes=10000-")).await.expect("past");
    assert_eq!(past.status(), StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(past.headers()["content-range"], "bytes */10000");

    // As a story's lead video: a player with its poster and its size reserved, and a
    // VideoObject.
    let poster = app.library_photo(42).await;
    let article = app
        .published("The ferry's first crossing, on video", "Body")
        .await;
    let (status, lead) = app
        .api(
            Method::PUT,
            &format!("/articles/{}/video", article["id"]),
            Some(
                json!({"video_id": video["id"], "poster_media_id": poster, "duration_seconds": 95}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{lead}");
    set_format(&app, &article, "video").await;
    let slug = article["slug"].as_str().expect("slug");
    let html = app
        .get(&format!("/article/{slug}"))
        .await
        .text()
        .await
        .expect("html");
    let page = scraper::Html::parse_document(&html);
    assert_eq!(
        attr(&page, ".lead-video video source", "src").as_deref(),
        Some(url.as_str())
    );
    let size = |name: &str| -> u32 {
        attr(&page, ".lead-video video", name)
            .and_then(|v| v.parse().ok())
            .expect("the player's size is reserved")
    };
    assert_eq!(
        size("width") * 2,
        size("height") * 3,
        "the poster's 3:2 shape"
    );
    assert!(attr(&page, ".lead-video video", "poster").is_some());
    let object = json_ld(&page, "VideoObject");
    assert_eq!(object["name"], "The ferry's first crossing, on video");
    assert_eq!(object["duration"], "PT1M35S");
    assert_eq!(object["contentUrl"], format!("{}{url}", app.base));
    assert!(
        object["thumbnailUrl"]
            .as_str()
            .expect("thumbnail")
            .starts_with(&app.base)
    );
    assert!(object["uploadDate"].is_string());
}

/// The JSON-LD block of a type on a page.
fn json_ld(page: &scraper::Html, kind: &str) -> Value {
    let selector =
        scraper::Selector::parse("script[type='application/ld+json']").expect("selector");
    page.select(&selector)
        .map(|s| serde_json::from_str::<Value>(&s.inner_html()).expect("json-ld"))
        .find(|b| b["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} block"))
}

#[tokio::test]
async fn a_video_site_address_is_a_placeholder_that_loads_nothing_before_the_click() {
    let app = TestApp::spawn().await;
    let article = app.published("Watch the council vote", "Body").await;
    let path = format!("/articles/{}/video", article["id"]);
    for (body, field) in [
        (json!({}), "video_id"),
        (
            json!({"embed_url": "https://example.com/video.mp4"}),
            "embed_url",
        ),
        (
            json!({"embed_url": "https://x.com/someone/status/1234"}),
            "embed_url",
        ),
        (
            json!({"video_id": 1, "embed_url": "https://vimeo.com/76979871"}),
            "embed_url",
        ),
    ] {
        let (status, problem) = app.api(Method::PUT, &path, Some(body.clone())).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {problem}"
        );
        assert_eq!(problem["errors"][0]["field"], field, "{body}: {problem}");
    }
    let contributor = user_token(app.store.as_ref(), "c@example.com", "contributor").await;
    let (status, _) = app
        .api_as(
            &contributor,
            Method::PUT,
            &path,
            Some(json!({"embed_url": "https://vimeo.com/76979871"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, lead) = app
        .api(
            Method::PUT,
            &path,
            Some(json!({"embed_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{lead}");
    set_format(&app, &article, "video").await;
    let slug = article["slug"].as_str().expect("slug");
    let html = app
        .get(&format!("/article/{slug}"))
        .await
        .text()
        .await
        .expect("html");
    let page = scraper::Html::parse_document(&html);
    assert_eq!(count(&page, ".lead-video .embed[data-embed-frame]"), 1);
    assert_eq!(
        count(&page, "iframe"),
        0,
        "nothing from the video site before the click"
    );
    assert!(
        !html.contains("src=\"https://www.youtube"),
        "no request to the video site"
    );
    let object = json_ld(&page, "VideoObject");
    assert_eq!(
        object["embedUrl"],
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    );

    let (status, _) = app.api(Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(
        count(&page, ".lead-video"),
        0,
        "the cached page went with the video"
    );
}

#[tokio::test]
async fn a_numbered_list_counts_down_with_its_photos_and_is_an_item_list() {
    let app = TestApp::spawn().await;
    let photo = app.library_photo(51).await;
    let article = app.published("Three places to swim", "Our pick.").await;
    let path = format!("/articles/{}/list", article["id"]);
    let (status, problem) = app
        .api(Method::PUT, &path, Some(json!({"items": []})))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        problem.to_string().contains("at least one item"),
        "{problem}"
    );
    let (status, problem) = app
        .api(
            Method::PUT,
            &path,
            Some(json!({"items": [{"heading": " "}]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        problem.to_string().contains("heading is required"),
        "{problem}"
    );

    let (status, list) = app
        .api(
            Method::PUT,
            &path,
            Some(json!({
                "descending": true,
                "items": [
                    {"heading": "The old pier", "body": "Deep water, *cold*.", "media_id": photo},
                    {"heading": "Bahari beach", "body": "Lifeguards all day."},
                    {"heading": "The lagoon", "body": "<script>alert(1)</script>Calm."},
                ],
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["items"][0]["number"], 3);
    set_format(&app, &article, "list").await;
    let slug = article["slug"].as_str().expect("slug");
    let html = app
        .get(&format!("/article/{slug}"))
        .await
        .text()
        .await
        .expect("html");
    assert!(!html.contains("<script>alert(1)"), "item text is sanitised");
    let page = scraper::Html::parse_document(&html);
    assert_eq!(count(&page, ".numbered-list > li"), 3);
    assert_eq!(
        attr(&page, ".numbered-list", "reversed").as_deref(),
        Some("")
    );
    assert_eq!(
        text(&page, "#item-3 .list-heading").as_deref(),
        Some("3 The old pier")
    );
    assert_eq!(
        text(&page, "#item-1 .list-heading").as_deref(),
        Some("1 The lagoon")
    );
    assert_eq!(count(&page, "#item-3 .list-photo img[width][height]"), 1);
    assert_eq!(count(&page, "#item-3 .list-body em"), 1);
    let list = json_ld(&page, "ItemList");
    assert_eq!(
        list["itemListOrder"],
        "https://schema.org/ItemListOrderDescending"
    );
    assert_eq!(list["numberOfItems"], 3);
    assert_eq!(list["itemListElement"][0]["position"], 3);
    assert_eq!(list["itemListElement"][0]["name"], "The old pier");
    assert!(list["itemListElement"][0]["image"].as_str().is_some());

    // In the newsroom: Down, then numbering up.
    let id = article["id"].as_i64().expect("id");
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let response = editor
        .post(&format!("/admin/articles/{id}/list/1/down"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = editor
        .post(
            &format!("/admin/articles/{id}/list/numbering"),
            &[("order", "ascending")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = editor
        .post(
            &format!("/admin/articles/{id}/list/add"),
            &[("heading", ""), ("body", "Kept text")],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a heading is needed"
    );
    let refused = scraper::Html::parse_document(&response.text().await.expect("html"));
    assert_eq!(text(&refused, "#f-body").as_deref(), Some("Kept text"));
    let (_, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(
        text(&page, "#item-1 .list-heading").as_deref(),
        Some("1 Bahari beach")
    );
    assert_eq!(
        text(&page, "#item-2 .list-heading").as_deref(),
        Some("2 The old pier")
    );
    assert_eq!(count(&page, ".numbered-list[reversed]"), 0);
}

/// The `@type` of every JSON-LD block on a page.
fn ld_types(page: &scraper::Html) -> Vec<String> {
    let selector =
        scraper::Selector::parse("script[type='application/ld+json']").expect("selector");
    page.select(&selector)
        .map(|s| serde_json::from_str::<Value>(&s.inner_html()).expect("json-ld"))
        .filter_map(|b| b["@type"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn a_story_shows_the_extras_of_its_format_and_no_others() {
    let app = TestApp::spawn().await;
    let photos = [app.library_photo(61).await, app.library_photo(62).await];
    let article = app.published("The harbour, every way", "Body").await;
    let id = &article["id"];
    for (part, body) in [
        (
            "gallery",
            json!({"photos": [{"media_id": photos[0]}, {"media_id": photos[1]}]}),
        ),
        ("list", json!({"items": [{"heading": "The old pier"}]})),
        (
            "video",
            json!({"embed_url": "https://vimeo.com/76979871", "poster_media_id": photos[1]}),
        ),
    ] {
        let (status, saved) = app
            .api(Method::PUT, &format!("/articles/{id}/{part}"), Some(body))
            .await;
        assert_eq!(status, StatusCode::OK, "{part}: {saved}");
    }
    let slug = article["slug"].as_str().expect("slug");
    let shown = |page: &scraper::Html| {
        [".gallery", ".lead-video", ".numbered-list"]
            .iter()
            .map(|block| count(page, block))
            .collect::<Vec<_>>()
    };

    // A standard story shows none of them, in its page, its JSON-LD or the feeds.
    let (status, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown(&page), [0, 0, 0]);
    let types = ld_types(&page);
    assert!(types.iter().any(|t| t == "NewsArticle"), "{types:?}");
    for kind in ["ImageGallery", "VideoObject", "ItemList"] {
        assert!(
            !types.iter().any(|t| t == kind),
            "{kind} on a standard story"
        );
    }
    let (status, _) = app.page(&format!("/article/{slug}/photo/2")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no photo pages");
    let feed = app.get("/feed.xml").await.text().await.expect("feed");
    assert!(!feed.contains("medium=\"image\""), "{feed}");

    // Each format leads with its own, and only its own.
    for (format, blocks, kind) in [
        ("gallery", [1, 0, 0], "ImageGallery"),
        ("video", [0, 1, 0], "VideoObject"),
        ("list", [0, 0, 1], "ItemList"),
    ] {
        set_format(&app, &article, format).await;
        let (_, page) = app.page(&format!("/article/{slug}")).await;
        assert_eq!(shown(&page), blocks, "{format}");
        let types = ld_types(&page);
        for other in ["ImageGallery", "VideoObject", "ItemList"] {
            assert_eq!(
                types.iter().any(|t| t == other),
                other == kind,
                "{format}: {types:?}"
            );
        }
        let feed = app.get("/feed.xml").await.text().await.expect("feed");
        assert_eq!(
            feed.matches("medium=\"image\"").count(),
            if format == "gallery" { 2 } else { 0 },
            "{format}: the feed carries a gallery's photos only"
        );
    }
}

#[tokio::test]
async fn a_gallery_video_or_list_story_is_not_published_or_scheduled_without_them() {
    let app = TestApp::spawn().await;
    let section = app.section("Pictures").await;
    let author = app.author("Amina Odhiambo").await;
    let story = |format: &str, status: &str| {
        let mut story = json!({
            "title": format!("A {format} story, {status}"),
            "body": "Body",
            "section": section["slug"],
            "authors": [author["slug"]],
            "format": format,
            "status": status,
        });
        if status == "scheduled" {
            story["published_at"] = json!("2099-01-01T09:00:00+00:00");
        }
        story
    };
    for (format, missing) in [
        ("gallery", "needs its photos"),
        ("video", "needs its video"),
        ("list", "needs its items"),
    ] {
        for status in ["published", "scheduled"] {
            let response = app
                .client
                .post(app.url("/api/v1/articles"))
                .bearer_auth(&app.token)
                .json(&story(format, status))
                .send()
                .await
                .expect("post");
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{format} {status}"
            );
            assert_eq!(
                response.headers()["content-type"],
                "application/problem+json"
            );
            let problem: Value = response.json().await.expect("problem");
            assert_eq!(problem["errors"][0]["field"], "format", "{problem}");
            assert!(
                problem["errors"][0]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains(missing)),
                "{problem}"
            );
        }
        // A draft may wait for them; publishing it is refused the same way.
        let (status, draft) = app
            .api(Method::POST, "/articles", Some(story(format, "draft")))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{draft}");
        let (status, problem) = app
            .api(
                Method::PATCH,
                &format!("/articles/{}", draft["id"]),
                Some(json!({"status": "published", "version": draft["version"]})),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(problem.to_string().contains(missing), "{problem}");
    }
    // A standard story needs none of them.
    let (status, _) = app
        .api(
            Method::POST,
            "/articles",
            Some(story("standard", "published")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);

    // The editor says the same, with the form filled in as it was sent.
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let response = editor
        .post(
            "/admin/articles",
            &[
                ("title", "Sunset over the bay, in pictures"),
                ("body", "Kept words."),
                ("section", section["slug"].as_str().expect("slug")),
                ("authors", author["slug"].as_str().expect("slug")),
                ("format", "gallery"),
                ("status", "published"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = scraper::Html::parse_document(&response.text().await.expect("html"));
    assert_eq!(
        text(&html, "textarea[name=body]").as_deref(),
        Some("Kept words.")
    );
    assert!(
        html.root_element()
            .text()
            .collect::<String>()
            .contains("A photo gallery needs its photos"),
        "the refusal is on the form"
    );
}

#[tokio::test]
async fn the_article_api_takes_a_gallery_list_or_video_with_the_story() {
    let app = TestApp::spawn().await;
    let photos = [app.library_photo(71).await, app.library_photo(72).await];
    let section = app.section("Pictures").await;
    let author = app.author("Amina Odhiambo").await;
    let story = |title: &str, format: &str, extra: Value| {
        let mut story = json!({
            "title": title,
            "body": "Body",
            "section": section["slug"],
            "authors": [author["slug"]],
            "format": format,
            "status": "published",
        });
        for (key, value) in extra.as_object().expect("object") {
            story[key] = value.clone();
        }
        story
    };

    // A gallery goes out with its photos, in order, with their own words.
    let (status, gallery) = app
        .api(
            Method::POST,
            "/articles",
            Some(story(
                "The quay at dawn",
                "gallery",
                json!({"gallery": [
                    {"media_id": photos[1], "caption": "Nets drying", "credit": "Amina Odhiambo"},
                    {"media_id": photos[0]},
                ]}),
            )),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{gallery}");
    let (_, read) = app
        .api(Method::GET, &format!("/articles/{}", gallery["id"]), None)
        .await;
    assert_eq!(read["gallery"][0]["media_id"], photos[1]);
    assert_eq!(read["gallery"][0]["caption"], "Nets drying");
    assert_eq!(read["gallery"][1]["media_id"], photos[0]);
    assert_eq!(read["list"], Value::Null);
    assert_eq!(read["video"], Value::Null);
    let slug = gallery["slug"].as_str().expect("slug");
    let (_, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(text(&page, ".gallery-count").as_deref(), Some("1 of 2"));

    // A list, counting down; a PATCH replaces it.
    let (status, list) = app
        .api(
            Method::POST,
            "/articles",
            Some(story(
                "Two places to swim",
                "list",
                json!({"list": {"order": "descending", "items": [
                    {"heading": "The old pier", "body": "Deep water.", "media_id": photos[0]},
                    {"heading": "Bahari beach"},
                ]}}),
            )),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{list}");
    let path = format!("/articles/{}", list["id"]);
    let (_, read) = app.api(Method::GET, &path, None).await;
    assert_eq!(read["list"]["order"], "descending");
    assert_eq!(read["list"]["items"][0]["number"], 2);
    assert_eq!(read["list"]["items"][0]["media_id"], photos[0]);
    let (status, patched) = app
        .api(
            Method::PATCH,
            &path,
            Some(
                json!({"version": read["version"], "list": {"order": "ascending", "items": [
                    {"heading": "The lagoon"},
                ]}}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched["list"]["order"], "ascending");
    assert_eq!(patched["list"]["items"][0]["heading"], "The lagoon");
    let (_, page) = app
        .page(&format!(
            "/article/{}",
            list["slug"].as_str().expect("slug")
        ))
        .await;
    assert_eq!(
        count(&page, ".numbered-list > li"),
        1,
        "the cached page followed"
    );

    // A video: a video site's address, or an uploaded file with a poster.
    let (status, linked) = app
        .api(
            Method::POST,
            "/articles",
            Some(story(
                "Watch the regatta",
                "video",
                json!({"video": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}}),
            )),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{linked}");
    let (_, read) = app
        .api(Method::GET, &format!("/articles/{}", linked["id"]), None)
        .await;
    assert_eq!(
        read["video"]["url"],
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    );
    let (_, video) = upload_video(&app, mp4(4_000), "clip.mp4").await;
    let (status, uploaded) = app
        .api(
            Method::POST,
            "/articles",
            Some(story(
                "The regatta's start, on video",
                "video",
                json!({"video": {"media_id": video["id"], "poster_id": photos[1]}}),
            )),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{uploaded}");
    let (_, read) = app
        .api(Method::GET, &format!("/articles/{}", uploaded["id"]), None)
        .await;
    assert_eq!(read["video"]["media_id"], video["id"]);
    assert_eq!(read["video"]["poster_id"], photos[1]);
    assert_eq!(read["video"]["file_url"], video["url"]);
    let slug = uploaded["slug"].as_str().expect("slug");
    let (_, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(
        attr(&page, ".lead-video video source", "src"),
        video["url"].as_str().map(str::to_owned)
    );

    // Refusals name the part and what is wrong, and nothing is saved half.
    let before = app.api(Method::GET, "/articles", None).await.1["total"].clone();
    for (extra, field, words) in [
        (
            json!({"gallery": []}),
            "gallery.photos",
            "at least one photo",
        ),
        (
            json!({"gallery": [{"media_id": 999_999}]}),
            "gallery",
            "not in the library",
        ),
        (
            json!({"list": {"items": [{"heading": " "}]}}),
            "list.items",
            "heading is required",
        ),
        (
            json!({"video": {"url": "https://example.com/clip.mp4"}}),
            "video.embed_url",
            "not a YouTube, Vimeo or Facebook video",
        ),
        (
            json!({"video": {"media_id": 999_999}}),
            "video.media_id",
            "no uploaded video",
        ),
    ] {
        let format = field
            .split('.')
            .next()
            .expect("the format the part belongs to");
        let (status, problem) = app
            .api(
                Method::POST,
                "/articles",
                Some(story("Refused", format, extra.clone())),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{extra}: {problem}"
        );
        let errors = problem["errors"].as_array().expect("errors");
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field
                    && e["message"].as_str().is_some_and(|m| m.contains(words))),
            "{extra}: {problem}"
        );
    }
    let after = app.api(Method::GET, "/articles", None).await.1["total"].clone();
    assert_eq!(before, after, "no story was made by a refused request");
}

#[tokio::test]
async fn a_small_range_of_a_large_video_is_exactly_those_bytes() {
    let app = TestApp::spawn().await;
    let bytes = mp4(6 * 1024 * 1024 + 17);
    let (status, video) = upload_video(&app, bytes.clone(), "long.mp4").await;
    assert_eq!(status, StatusCode::CREATED, "{video}");
    let url = video["url"].as_str().expect("url");
    let len = bytes.len();
    for (range, first, last) in [
        ("bytes=5000000-5000099".to_owned(), 5_000_000, 5_000_099),
        (format!("bytes={}-", len - 10), len - 10, len - 1),
        ("bytes=-3".to_owned(), len - 3, len - 1),
    ] {
        let part = app
            .client
            .get(app.url(url))
            .header("range", &range)
            .send()
            .await
            .expect("range");
        assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT, "{range}");
        assert_eq!(
            part.headers()["content-range"],
            format!("bytes {first}-{last}/{len}").as_str()
        );
        assert_eq!(
            part.headers()["content-length"],
            (last - first + 1).to_string().as_str()
        );
        let body = part.bytes().await.expect("bytes");
        assert_eq!(body.as_ref(), &bytes[first..=last], "{range}");
    }
    let whole = app.get(url).await;
    assert_eq!(whole.status(), StatusCode::OK);
    assert_eq!(whole.headers()["content-length"], len.to_string().as_str());
    assert_eq!(whole.bytes().await.expect("bytes").len(), len);
    let past = app
        .client
        .get(app.url(url))
        .header("range", format!("bytes={len}-"))
        .send()
        .await
        .expect("past");
    assert_eq!(past.status(), StatusCode::RANGE_NOT_SATISFIABLE);
}
