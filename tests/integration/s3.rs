//! Photos in a real S3-compatible store: moto's server (PyPI `moto[server]`) started by the
//! test, and two real `newsdesk` processes (built with `--features s3`) sharing one site and
//! one bucket, configured the way the README tells an operator (`AWS_*` variables). The site
//! is one SQLite file, or with NEWSDESK_TEST_BACKEND=postgres one PostgreSQL schema.
//!
//! Without `moto_server` on the PATH the test says it is skipped; with NEWSDESK_REQUIRE_S3=1
//! (CI) a missing moto is a failure.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use image::{DynamicImage, ImageFormat, RgbImage};
use object_store::ObjectStore;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as ObjectPath;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

use crate::helpers::{PgSchema, free_port};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");
const BUCKET: &str = "newsdesk-test";

/// A child process that is ended when the test is done, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// moto's S3 server on a free port, or `None` (after saying why) when it is not installed.
fn start_moto() -> Option<(Running, String)> {
    let found = Command::new("moto_server")
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        let required = std::env::var("NEWSDESK_REQUIRE_S3").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "NEWSDESK_REQUIRE_S3=1 but moto_server is not installed (pip install 'moto[server]')"
        );
        eprintln!(
            "skipped: the S3 media store test needs moto_server (pip install 'moto[server]')"
        );
        return None;
    }
    let port = free_port();
    let child = Command::new("moto_server")
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start moto_server");
    Some((Running(child), format!("http://127.0.0.1:{port}")))
}

async fn wait_until_up(client: &reqwest::Client, url: &str) {
    let started = Instant::now();
    loop {
        if client.get(url).send().await.is_ok() {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{url} did not answer"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `newsdesk serve` on a free port with the site in `data` and photos in the bucket;
/// answers the process, its address and everything it printed up to "Press Ctrl-C".
fn serve(data: &std::path::Path, endpoint: &str, extra: &[&str]) -> (Running, String, String) {
    let port = free_port();
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data")
        .arg(data)
        .args(extra)
        .env(
            "NEWSDESK_MEDIA_STORE",
            format!("s3://{BUCKET}/paper-one/photos"),
        )
        .env("AWS_ENDPOINT", endpoint)
        .env("AWS_ALLOW_HTTP", "true")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "newsdesk-test")
        .env("AWS_SECRET_ACCESS_KEY", "newsdesk-test")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start newsdesk");
    let stdout = child.stdout.take().expect("stdout");
    let running = Running(child);
    let mut lines = BufReader::new(stdout).lines();
    let mut printed = String::new();
    for line in lines.by_ref() {
        let line = line.expect("output");
        printed.push_str(&line);
        printed.push('\n');
        if line.contains("Press Ctrl-C") {
            // Keep reading, so the server never writes into a closed pipe.
            std::thread::spawn(move || lines.for_each(drop));
            return (running, format!("http://127.0.0.1:{port}"), printed);
        }
    }
    panic!("newsdesk stopped before serving:\n{printed}");
}

/// The bucket as the test sees it, signed like any S3 client.
fn bucket_client(endpoint: &str) -> AmazonS3 {
    AmazonS3Builder::new()
        .with_endpoint(endpoint)
        .with_allow_http(true)
        .with_bucket_name(BUCKET)
        .with_region("us-east-1")
        .with_access_key_id("newsdesk-test")
        .with_secret_access_key("newsdesk-test")
        .build()
        .expect("an S3 client")
}

/// Every object name under the site's prefix: the original and each variant.
async fn keys(objects: &AmazonS3) -> Vec<String> {
    let prefix = ObjectPath::from("paper-one/photos");
    let listed: Vec<_> = objects
        .list(Some(&prefix))
        .try_collect()
        .await
        .expect("list the bucket");
    listed.into_iter().map(|o| o.location.to_string()).collect()
}

fn photo() -> Vec<u8> {
    let image = DynamicImage::ImageRgb8(RgbImage::from_fn(700, 400, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    }));
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Jpeg).expect("encode");
    out.into_inner()
}

#[tokio::test]
async fn two_instances_share_photos_through_a_real_s3_store() {
    let Some((_moto, endpoint)) = start_moto() else {
        return;
    };
    let client = reqwest::Client::new();
    wait_until_up(&client, &endpoint).await;
    let bucket = format!("{endpoint}/{BUCKET}");
    let created = client.put(&bucket).send().await.expect("create bucket");
    assert!(created.status().is_success(), "{}", created.status());

    // One site served by two processes: one data folder and its SQLite file, or one
    // PostgreSQL schema.
    let data = tempfile::tempdir().expect("data folder");
    let schema = match std::env::var("NEWSDESK_TEST_BACKEND").as_deref() {
        Ok("postgres") => Some(PgSchema::create().await),
        _ => None,
    };
    let database = match &schema {
        Some(schema) => schema.url.clone(),
        None => format!("sqlite:{}", data.path().join("newsdesk.db").display()),
    };
    let site = ["--database-url", database.as_str()];
    let (_one, one, printed) = serve(data.path(), &endpoint, &[&site[..], &["--demo"]].concat());
    let token = printed
        .lines()
        .find_map(|l| l.strip_prefix("Demo API token: "))
        .expect("the demo prints a token")
        .trim()
        .to_owned();
    let (_two, two, _) = serve(data.path(), &endpoint, &site);
    // The demo's own photos (its logo and house ads) are in the bucket already.
    let objects = bucket_client(&endpoint);
    let demo_keys = keys(&objects).await;
    let demo_files = demo_keys.len();

    let form = Form::new()
        .part(
            "file",
            Part::bytes(photo())
                .file_name("harbour.jpg")
                .mime_str("image/jpeg")
                .expect("mime"),
        )
        .text("alt", "Boats in the harbour at dawn");
    let response = client
        .post(format!("{one}/api/v1/media"))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::CREATED);
    let media: Value = response.json().await.expect("json");
    let url = media["url"].as_str().expect("url").to_owned();
    let name = url.trim_start_matches("/media/");

    // The bytes are in the bucket under the prefix, not in the data folder.
    let key = ObjectPath::from(format!("paper-one/photos/variants/{name}"));
    let stored = objects
        .get(&key)
        .await
        .expect("the variant is in the bucket")
        .bytes()
        .await
        .expect("bytes");
    assert_eq!(
        keys(&objects).await.len(),
        demo_files + 1 + media["variants"].as_array().map_or(0, Vec::len)
    );
    assert!(
        !data.path().join("media").join("variants").exists(),
        "nothing kept locally"
    );

    // The other instance serves the photo the first one took.
    let served = client.get(format!("{two}{url}")).send().await.expect("get");
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    assert_eq!(served.bytes().await.expect("bytes"), stored);
    let response = client
        .get(format!("{two}/api/v1/media/{}", media["id"]))
        .bearer_auth(&token)
        .send()
        .await
        .expect("get media");
    assert_eq!(response.status(), StatusCode::OK);

    // Deleted through the second instance: gone from the bucket and from the first.
    let response = client
        .delete(format!("{two}/api/v1/media/{}", media["id"]))
        .bearer_auth(&token)
        .send()
        .await
        .expect("delete");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        keys(&objects).await,
        demo_keys,
        "every object of the photo removed"
    );
    let gone = client.get(format!("{one}{url}")).send().await.expect("get");
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);

    // A video taken by one instance is served in ranges by the other, each range read from
    // the bucket alone.
    let mut clip = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2".to_vec();
    clip.extend((0..3 * 1024 * 1024u32).map(|n| (n % 251) as u8));
    let form = Form::new().part(
        "file",
        Part::bytes(clip.clone())
            .file_name("clip.mp4")
            .mime_str("video/mp4")
            .expect("mime"),
    );
    let response = client
        .post(format!("{one}/api/v1/videos"))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .expect("upload a video");
    assert_eq!(response.status(), StatusCode::CREATED);
    let video: Value = response.json().await.expect("json");
    let video_url = format!("{two}{}", video["url"].as_str().expect("url"));
    let part = client
        .get(&video_url)
        .header("range", "bytes=2000000-2000099")
        .send()
        .await
        .expect("a range");
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 2000000-2000099/{}", clip.len()).as_str()
    );
    assert_eq!(
        part.bytes().await.expect("bytes").as_ref(),
        &clip[2_000_000..2_000_100]
    );
    let past = client
        .get(&video_url)
        .header("range", format!("bytes={}-", clip.len()))
        .send()
        .await
        .expect("past the end");
    assert_eq!(past.status(), StatusCode::RANGE_NOT_SATISFIABLE);
}
