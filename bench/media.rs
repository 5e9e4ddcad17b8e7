//! Photo processing: what one 12-megapixel phone photo costs to turn into the served sizes,
//! how much each size weighs as WebP and as JPEG, and whether page serving keeps flowing
//! while uploads are processed (pages measured alone, then beside continuous uploads).
//!
//! `cargo bench --bench media`; knobs: `BENCH_SECONDS` (8), `BENCH_READERS` (16),
//! `BENCH_UPLOADERS` (2), `BENCH_PHOTO` (a JPEG to use instead of the generated one).

use std::io::Cursor;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use image::{DynamicImage, ImageFormat, RgbImage};
use newsdesk::config::{Overrides, Settings};
use newsdesk::media::{self, MediaLimits};
use newsdesk::server::Server;
#[path = "common.rs"]
mod common;
use common::env_number;

/// A photo-like picture: gradients with fine noise, so encoders work as hard as on a photo.
fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let image = RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let noise = (seed & 0x07) as u8;
        image::Rgb([
            ((x * 255 / width) as u8).saturating_add(noise),
            ((y * 255 / height) as u8).saturating_add(noise / 2),
            (((x + y) * 127 / (width + height)) as u8).saturating_add(noise),
        ])
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(image)
        .write_to(&mut out, ImageFormat::Jpeg)
        .expect("encode");
    out.into_inner()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

struct Load {
    pages_per_second: f64,
    p50: Duration,
    p99: Duration,
    max: Duration,
    uploads: u64,
}

async fn measure(
    base: &str,
    token: &str,
    page: &str,
    seconds: u64,
    readers: u64,
    uploaders: u64,
    photo: &[u8],
) -> Load {
    let stop = Arc::new(AtomicBool::new(false));
    let uploads = Arc::new(AtomicU64::new(0));
    let mut upload_tasks = Vec::new();
    for n in 0..uploaders {
        let (stop, uploads, base, token) = (
            stop.clone(),
            uploads.clone(),
            base.to_owned(),
            token.to_owned(),
        );
        let photo = photo.to_vec();
        upload_tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                // Different bytes each time (after the end marker), so nothing is deduplicated.
                let mut bytes = photo.clone();
                bytes.extend(format!("{n}-{i}").as_bytes());
                i += 1;
                let form = reqwest::multipart::Form::new()
                    .part(
                        "file",
                        reqwest::multipart::Part::bytes(bytes).file_name("p.jpg"),
                    )
                    .text("alt", "A benchmark photo");
                let response = client
                    .post(format!("{base}/api/v1/media"))
                    .bearer_auth(&token)
                    .multipart(form)
                    .send()
                    .await;
                if response.is_ok_and(|r| r.status().is_success()) {
                    uploads.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    let started = Instant::now();
    let mut readers_tasks = Vec::new();
    for _ in 0..readers {
        let url = format!("{base}{page}");
        readers_tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut latencies = Vec::new();
            while started.elapsed() < Duration::from_secs(seconds) {
                let at = Instant::now();
                if let Ok(response) = client.get(&url).send().await {
                    let _ = response.bytes().await;
                    latencies.push(at.elapsed());
                }
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for task in readers_tasks {
        all.extend(task.await.expect("reader"));
    }
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    for task in upload_tasks {
        let _ = task.await;
    }
    all.sort();
    Load {
        pages_per_second: all.len() as f64 / elapsed.as_secs_f64(),
        p50: percentile(&all, 0.50),
        p99: percentile(&all, 0.99),
        max: all.last().copied().unwrap_or_default(),
        uploads: uploads.load(Ordering::Relaxed),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow::Result<()> {
    let seconds = env_number("BENCH_SECONDS", 8);
    let readers = env_number("BENCH_READERS", 16);
    let uploaders = env_number("BENCH_UPLOADERS", 2);
    let (photo, described) = match std::env::var("BENCH_PHOTO") {
        Ok(path) if !path.is_empty() => {
            let bytes = std::fs::read(&path)?;
            let (w, h) = image::load_from_memory(&bytes)?.to_rgb8().dimensions();
            (bytes, format!("`{path}`: a {w}×{h} JPEG"))
        }
        _ => (
            phone_photo(4000, 3000),
            "A generated 4000×3000 (12 MP) photo-like JPEG (set BENCH_PHOTO for a real one)".into(),
        ),
    };
    println!("## Photo processing\n");
    println!("{described} of {:.1} MB.\n", photo.len() as f64 / 1e6);
    let limits = MediaLimits {
        max_bytes: 50 * 1024 * 1024,
        max_pixels: 50_000_000,
    };
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let bytes = photo.clone();
        let at = Instant::now();
        last = Some(tokio::task::spawn_blocking(move || media::process(bytes, limits)).await??);
        times.push(at.elapsed());
    }
    times.sort();
    println!("| step | figure |\n| --- | --- |");
    println!(
        "| process one photo (decode, orient, 4 widths × WebP + JPEG), median of 3 | {} |",
        ms(times[1])
    );
    if let Some(processed) = last {
        for pair in processed.variants.chunks(2) {
            if let [webp, jpeg] = pair {
                println!(
                    "| {} px: WebP / JPEG | {:.1} KB / {:.1} KB ({:.0}%) |",
                    webp.width,
                    webp.bytes.len() as f64 / 1024.0,
                    jpeg.bytes.len() as f64 / 1024.0,
                    100.0 * webp.bytes.len() as f64 / jpeg.bytes.len() as f64
                );
            }
        }
    }

    // A real server on a free port, with the demo paper, and an admin's token.
    let data = tempfile::tempdir()?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let mut settings = Settings::load(
        data.path(),
        &Overrides {
            listen: Some(address.to_string()),
            database_url: None,
        },
    )?;
    settings.base_url = format!("http://{address}");
    settings.media_max_mib = 50;
    let server = Server::with_listener(settings, listener).await?;
    let store = server.store();
    let media = newsdesk::media::open_storage(None, data.path())?;
    let login = newsdesk::demo::load(store.as_ref(), media.as_ref())
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo content was not loaded"))?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let served = tokio::spawn(server.run(async {
        let _ = rx.await;
    }));
    let base = format!("http://{address}");
    let page = {
        let articles: serde_json::Value = reqwest::Client::new()
            .get(format!("{base}/api/v1/articles?status=published"))
            .bearer_auth(&login.token)
            .send()
            .await?
            .json()
            .await?;
        let url = articles["items"][0]["url"]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("the demo has no published article"))?;
        url.trim_start_matches(&base).to_owned()
    };
    println!("\n## Pages while photos are processed\n");
    println!(
        "{readers} readers fetch `{page}` for {seconds} s, first alone, then while {uploaders} \
         clients upload that photo back to back. Same machine, same run.\n"
    );
    let alone = measure(&base, &login.token, &page, seconds, readers, 0, &photo).await;
    let busy = measure(
        &base,
        &login.token,
        &page,
        seconds,
        readers,
        uploaders,
        &photo,
    )
    .await;
    println!(
        "| | pages/s | p50 | p99 | max | photos processed |\n| --- | --- | --- | --- | --- | --- |"
    );
    for (label, load) in [("pages alone", &alone), ("pages beside uploads", &busy)] {
        println!(
            "| {label} | {:.0} | {} | {} | {} | {} |",
            load.pages_per_second,
            ms(load.p50),
            ms(load.p99),
            ms(load.max),
            load.uploads
        );
    }
    println!(
        "\nBeside uploads: {:.2}× the pages per second, {:.2}× the p99 latency of pages alone.",
        busy.pages_per_second / alone.pages_per_second.max(1.0),
        busy.p99.as_secs_f64() / alone.p99.as_secs_f64().max(1e-9)
    );
    let _ = tx.send(());
    served.await??;
    Ok(())
}
