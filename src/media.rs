//! Photos: deciding what a file is from its bytes, refusing anything that is not a JPEG,
//! PNG, WebP or GIF, turning it upright, and making the sizes readers are served (WebP and a
//! JPEG or PNG fallback). Re-encoding is also what strips location and camera metadata:
//! nothing of the uploaded file but its pixels reaches a reader.
//!
//! The bytes live behind `MediaStorage`: the data folder by default. Keys are made here,
//! never from anything a person typed.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use async_trait::async_trait;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use crate::i18n::Phrase;

/// The widths readers are served, narrowest first. An image is never enlarged.
pub const WIDTHS: [u32; 4] = [320, 640, 1024, 1600];

/// What an upload may be, decided from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
    Gif,
    Webp,
}

impl ImageKind {
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
            ImageKind::Gif => "image/gif",
            ImageKind::Webp => "image/webp",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
            ImageKind::Gif => "gif",
            ImageKind::Webp => "webp",
        }
    }

    fn format(self) -> ImageFormat {
        match self {
            ImageKind::Jpeg => ImageFormat::Jpeg,
            ImageKind::Png => ImageFormat::Png,
            ImageKind::Gif => ImageFormat::Gif,
            ImageKind::Webp => ImageFormat::WebP,
        }
    }
}

/// Why an upload was refused, in words for the person who sent it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    #[error("The file is empty. Choose a photo to upload.")]
    Empty,
    #[error("The file is {size}; the limit is {limit}. Make it smaller and upload it again.")]
    TooLarge { size: String, limit: String },
    #[error(
        "This file is not a JPEG, PNG, WebP or GIF image: its contents were checked, not its name. \
         SVG, HTML, documents and archives cannot be uploaded."
    )]
    NotAnImage,
    #[error(
        "The image is {width}×{height} pixels ({megapixels} megapixels); the limit is {limit} megapixels. \
         Resize it and upload it again."
    )]
    TooManyPixels {
        width: u32,
        height: u32,
        megapixels: u64,
        limit: u64,
    },
    #[error(
        "The image could not be read: it may be incomplete or damaged. Export it again and upload the new file."
    )]
    Unreadable,
    #[error(
        "The image is {width}×{height} pixels: shown {shown_width} pixels wide it would be {shown_height} \
         pixels tall, and web images can be at most {limit}. Crop it and upload it again."
    )]
    TooTall {
        width: u32,
        height: u32,
        shown_width: u32,
        shown_height: u64,
        limit: u32,
    },
}

impl MediaError {
    /// The refusal as a message, for the newsroom's pages in the site's language.
    pub fn phrase(&self) -> Phrase {
        match self {
            MediaError::Empty => Phrase::new("lib-media-empty"),
            MediaError::TooLarge { size, limit } => Phrase::new("lib-media-too-large")
                .with("size", size.as_str())
                .with("limit", limit.as_str()),
            MediaError::NotAnImage => Phrase::new("lib-media-not-image"),
            MediaError::TooManyPixels {
                width,
                height,
                megapixels,
                limit,
            } => Phrase::new("lib-media-too-many-pixels")
                .with("width", *width)
                .with("height", *height)
                .with("megapixels", i64::try_from(*megapixels).unwrap_or(i64::MAX))
                .with("limit", i64::try_from(*limit).unwrap_or(i64::MAX)),
            MediaError::Unreadable => Phrase::new("lib-media-unreadable"),
            MediaError::TooTall {
                width,
                height,
                shown_width,
                shown_height,
                limit,
            } => Phrase::new("lib-media-too-tall")
                .with("width", *width)
                .with("height", *height)
                .with("shown_width", *shown_width)
                .with(
                    "shown_height",
                    i64::try_from(*shown_height).unwrap_or(i64::MAX),
                )
                .with("limit", *limit),
        }
    }
}

/// The tallest (and widest) image WebP can hold; every size is also served as WebP.
const MAX_WEBP_SIDE: u32 = 16_383;

/// Limits on what one upload may be; checked before any pixel is decoded.
#[derive(Debug, Clone, Copy)]
pub struct MediaLimits {
    pub max_bytes: usize,
    pub max_pixels: u64,
}

/// Decides what the bytes are; the name and the declared type are never consulted.
pub fn sniff(bytes: &[u8]) -> Result<ImageKind, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(ImageKind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(ImageKind::Png)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Ok(ImageKind::Gif)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok(ImageKind::Webp)
    } else {
        Err(MediaError::NotAnImage)
    }
}

/// A size in the binary units the limits are set in (`media_max_mib`).
fn human_bytes(n: usize) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KiB", n.div_ceil(1024))
    }
}

/// One size of an image as readers get it.
#[derive(Debug, Clone)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// `image/webp`, `image/jpeg` or `image/png`.
    pub mime: &'static str,
    /// The storage key, which is also the last part of its URL.
    pub key: String,
    pub bytes: Vec<u8>,
}

/// An upload made ready: the original kept as sent (privately), and its served sizes.
#[derive(Debug)]
pub struct Processed {
    /// The first 32 hex digits of the SHA-256 of the original: the same photo is stored once.
    pub hash: String,
    pub kind: ImageKind,
    /// Upright dimensions.
    pub width: u32,
    pub height: u32,
    pub original_key: String,
    pub original: Vec<u8>,
    pub variants: Vec<Variant>,
}

/// The URL of a served variant.
pub fn variant_url(key: &str) -> String {
    format!("/media/{}", key.trim_start_matches("variants/"))
}

/// Checks and converts an upload. Slow on purpose-made bombs only up to the limits; run it
/// off the async threads (`spawn_blocking`).
pub fn process(bytes: Vec<u8>, limits: MediaLimits) -> Result<Processed, MediaError> {
    if bytes.len() > limits.max_bytes {
        return Err(MediaError::TooLarge {
            size: human_bytes(bytes.len()),
            limit: human_bytes(limits.max_bytes),
        });
    }
    let kind = sniff(&bytes)?;
    // A JPEG decoder fills a cut-off file with grey; one that never ends was cut off. In the
    // entropy-coded data 0xFF is always escaped, so FF D9 is only ever the end marker.
    if kind == ImageKind::Jpeg && !bytes.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(MediaError::Unreadable);
    }
    let mut reader = ImageReader::with_format(Cursor::new(&bytes[..]), kind.format());
    let mut decode_limits = image::Limits::default();
    decode_limits.max_alloc = Some(limits.max_pixels.saturating_mul(8).max(64 * 1024 * 1024));
    reader.limits(decode_limits);
    let mut decoder = reader.into_decoder().map_err(|_| MediaError::Unreadable)?;
    let (width, height) = decoder.dimensions();
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.max_pixels {
        return Err(MediaError::TooManyPixels {
            width,
            height,
            megapixels: pixels.div_ceil(1_000_000),
            limit: limits.max_pixels / 1_000_000,
        });
    }
    if pixels == 0 {
        return Err(MediaError::Unreadable);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    // A sliver (1×20000) fits the pixel limit, but its sizes would be taller than WebP
    // allows; refuse it here rather than fail while encoding.
    use image::metadata::Orientation::{Rotate90, Rotate90FlipH, Rotate270, Rotate270FlipH};
    let (upright_width, upright_height) = if matches!(
        orientation,
        Rotate90 | Rotate90FlipH | Rotate270 | Rotate270FlipH
    ) {
        (height, width)
    } else {
        (width, height)
    };
    let shown_width = target_widths(upright_width)
        .last()
        .copied()
        .unwrap_or(upright_width);
    let shown_height =
        (u64::from(upright_height) * u64::from(shown_width)).div_ceil(u64::from(upright_width));
    if shown_height > u64::from(MAX_WEBP_SIDE) {
        return Err(MediaError::TooTall {
            width: upright_width,
            height: upright_height,
            shown_width,
            shown_height,
            limit: MAX_WEBP_SIDE,
        });
    }
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| MediaError::Unreadable)?;
    image.apply_orientation(orientation);

    let hash = crate::auth::sha256_hex(&bytes)[..32].to_owned();
    let has_alpha = image.color().has_alpha();
    let mut variants = Vec::new();
    for target in target_widths(image.width()) {
        let sized = if target == image.width() {
            image.clone()
        } else {
            let (w, h) = (u64::from(image.width()), u64::from(image.height()));
            let target_height = ((h * u64::from(target) + w / 2) / w).max(1);
            image.resize_exact(target, target_height as u32, FilterType::CatmullRom)
        };
        let (w, h) = (sized.width(), sized.height());
        variants.push(Variant {
            width: w,
            height: h,
            mime: "image/webp",
            key: format!("variants/{hash}-{w}.webp"),
            bytes: encode_webp(&sized)?,
        });
        let (mime, extension, fallback) = if has_alpha || kind == ImageKind::Gif {
            ("image/png", "png", encode(&sized, ImageFormat::Png)?)
        } else {
            ("image/jpeg", "jpg", encode_jpeg(&sized)?)
        };
        variants.push(Variant {
            width: w,
            height: h,
            mime,
            key: format!("variants/{hash}-{w}.{extension}"),
            bytes: fallback,
        });
    }
    Ok(Processed {
        original_key: format!("originals/{hash}.{}", kind.extension()),
        hash,
        kind,
        width: image.width(),
        height: image.height(),
        original: bytes,
        variants,
    })
}

/// The served widths for an image this wide: each standard width it exceeds, and its own
/// width when it is narrower than the widest standard one.
fn target_widths(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
    let largest = WIDTHS[WIDTHS.len() - 1];
    if width <= largest {
        widths.push(width);
    } else {
        widths.push(largest);
    }
    widths.dedup();
    widths
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, MediaError> {
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, format)
        .map_err(|_| MediaError::Unreadable)?;
    Ok(out.into_inner())
}

fn encode_jpeg(image: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    let rgb = image.to_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82)
        .encode_image(&rgb)
        .map_err(|_| MediaError::Unreadable)?;
    Ok(out)
}

/// Lossy WebP at the quality photo sites use; the image crate only writes lossless WebP,
/// which is larger than the JPEG for photos, so libwebp does this one job.
fn encode_webp(image: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    let (w, h) = (image.width(), image.height());
    let encoded = if image.color().has_alpha() {
        let rgba = image.to_rgba8();
        webp::Encoder::from_rgba(rgba.as_raw(), w, h).encode(80.0)
    } else {
        let rgb = image.to_rgb8();
        webp::Encoder::from_rgb(rgb.as_raw(), w, h).encode(80.0)
    };
    Ok(encoded.to_vec())
}

/// A stored file's bytes in the order they are read, a piece at a time.
pub type ByteStream = futures_util::stream::BoxStream<'static, std::io::Result<bytes::Bytes>>;

/// Where media bytes are kept. The local data folder by default; an object store (S3 and
/// compatible) fits the same operations, so several instances can share one.
#[async_trait]
pub trait MediaStorage: Send + Sync {
    async fn put(&self, key: &str, bytes: &[u8]) -> anyhow::Result<()>;
    /// `None` when nothing is stored under the key.
    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>>;
    async fn delete(&self, key: &str) -> anyhow::Result<()>;
    /// How many bytes are stored under the key; `None` when nothing is.
    async fn size(&self, key: &str) -> anyhow::Result<Option<u64>>;
    /// Bytes `range` (its end not included) of what is stored under the key, read as they
    /// are sent, so a player asking for a little of a large video never has all of it read;
    /// `None` when nothing is stored.
    async fn read_range(
        &self,
        key: &str,
        range: std::ops::Range<u64>,
    ) -> anyhow::Result<Option<ByteStream>>;
}

/// Reads `reader` in pieces of 64 KiB.
fn stream_of<R>(reader: R) -> ByteStream
where
    R: tokio::io::AsyncRead + Unpin + Send + 'static,
{
    use futures_util::StreamExt;
    use tokio::io::AsyncReadExt;
    futures_util::stream::try_unfold(reader, |mut reader| async move {
        let mut piece = vec![0; 64 * 1024];
        let read = reader.read(&mut piece).await?;
        if read == 0 {
            return Ok(None);
        }
        piece.truncate(read);
        Ok(Some((bytes::Bytes::from(piece), reader)))
    })
    .boxed()
}

/// Media in `DATA/media/`: `originals/` (never served), `variants/` and `videos/`.
pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    pub fn new(root: &Path) -> LocalStorage {
        LocalStorage {
            root: root.to_path_buf(),
        }
    }

    /// The file for a key. Keys are made by this module; anything else is refused, so no
    /// path from outside ever reaches the file system.
    fn path(&self, key: &str) -> anyhow::Result<PathBuf> {
        let (folder, name) = key
            .split_once('/')
            .ok_or_else(|| anyhow::anyhow!("bad media key {key:?}"))?;
        let name_ok = !name.is_empty()
            && name.len() < 100
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
            && !name.starts_with('.')
            && !name.contains("..");
        // `videos/` holds uploaded video files, served through their own handler in ranges.
        if !matches!(folder, "originals" | "variants" | "videos") || !name_ok {
            anyhow::bail!("bad media key {key:?}");
        }
        Ok(self.root.join(folder).join(name))
    }
}

#[async_trait]
impl MediaStorage for LocalStorage {
    async fn put(&self, key: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let path = self.path(key)?;
        // Originals keep what re-encoding strips (GPS position, camera): their folder and
        // files are the owner's alone. The sizes readers get are public anyway.
        if key.starts_with("originals/") {
            if let Some(parent) = path.parent() {
                crate::files::create_private_dir_async(parent).await?;
            }
            crate::files::write_private_async(&path, bytes).await?;
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await?;
        }
        // Written aside and renamed, so a reader never sees half a file.
        let partial = path.with_extension("partial");
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, &path).await?;
        Ok(())
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let path = self.path(key)?;
        match tokio::fs::read(&path).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    async fn size(&self, key: &str) -> anyhow::Result<Option<u64>> {
        match tokio::fs::metadata(self.path(key)?).await {
            Ok(metadata) => Ok(Some(metadata.len())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn read_range(
        &self,
        key: &str,
        range: std::ops::Range<u64>,
    ) -> anyhow::Result<Option<ByteStream>> {
        use tokio::io::{AsyncReadExt, AsyncSeekExt};
        let mut file = match tokio::fs::File::open(self.path(key)?).await {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        file.seek(std::io::SeekFrom::Start(range.start)).await?;
        Ok(Some(stream_of(
            file.take(range.end.saturating_sub(range.start)),
        )))
    }
}

/// Media in an object store: `memory://` (tests), `file:///folder`, or with the `s3` build
/// feature `s3://bucket/prefix` (credentials and region from the usual `AWS_*` environment
/// variables). Several instances can share one; keys become object names under the prefix.
pub struct ObjectStorage {
    store: std::sync::Arc<dyn object_store::ObjectStore>,
    prefix: object_store::path::Path,
}

impl ObjectStorage {
    pub fn open(url: &str) -> anyhow::Result<ObjectStorage> {
        use object_store::path::Path as ObjectPath;
        let shown = crate::secrets::redact_url(url);
        if let Some(rest) = url.strip_prefix("memory://") {
            return Ok(ObjectStorage {
                store: std::sync::Arc::new(object_store::memory::InMemory::new()),
                prefix: ObjectPath::from(rest.trim_matches('/')),
            });
        }
        if let Some(folder) = url.strip_prefix("file://") {
            std::fs::create_dir_all(folder).map_err(|e| {
                anyhow::anyhow!("media_store {shown:?}: could not create the folder: {e}")
            })?;
            let store = object_store::local::LocalFileSystem::new_with_prefix(folder)
                .map_err(|e| anyhow::anyhow!("media_store {shown:?}: {e}"))?;
            return Ok(ObjectStorage {
                store: std::sync::Arc::new(store),
                prefix: ObjectPath::from(""),
            });
        }
        if url.starts_with("s3://") {
            return Self::s3(url);
        }
        anyhow::bail!(
            "media_store {shown:?}: use local (the data folder), file:///folder, memory:// or s3://bucket/prefix"
        )
    }

    #[cfg(feature = "s3")]
    fn s3(url: &str) -> anyhow::Result<ObjectStorage> {
        let shown = crate::secrets::redact_url(url);
        let prefix = url
            .trim_start_matches("s3://")
            .split_once('/')
            .map_or("", |(_, prefix)| prefix);
        let store = object_store::aws::AmazonS3Builder::from_env()
            .with_url(url)
            .build()
            .map_err(|e| anyhow::anyhow!("media_store {shown:?}: {e}"))?;
        Ok(ObjectStorage {
            store: std::sync::Arc::new(store),
            prefix: object_store::path::Path::from(prefix.trim_matches('/')),
        })
    }

    #[cfg(not(feature = "s3"))]
    fn s3(url: &str) -> anyhow::Result<ObjectStorage> {
        let shown = crate::secrets::redact_url(url);
        anyhow::bail!(
            "media_store {shown:?}: this build has no S3 support; build it with `cargo build --release --features s3`"
        )
    }

    fn path(&self, key: &str) -> anyhow::Result<object_store::path::Path> {
        // The same check as on disk: only keys this module makes.
        LocalStorage::new(Path::new("/")).path(key)?;
        Ok(if self.prefix.as_ref().is_empty() {
            object_store::path::Path::from(key)
        } else {
            object_store::path::Path::from(format!("{}/{key}", self.prefix))
        })
    }
}

#[async_trait]
impl MediaStorage for ObjectStorage {
    async fn put(&self, key: &str, bytes: &[u8]) -> anyhow::Result<()> {
        self.store
            .put(&self.path(key)?, bytes.to_vec().into())
            .await?;
        Ok(())
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        match self.store.get(&self.path(key)?).await {
            Ok(result) => Ok(Some(result.bytes().await?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        match self.store.delete(&self.path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }

    async fn size(&self, key: &str) -> anyhow::Result<Option<u64>> {
        match self.store.head(&self.path(key)?).await {
            Ok(meta) => Ok(Some(meta.size)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    async fn read_range(
        &self,
        key: &str,
        range: std::ops::Range<u64>,
    ) -> anyhow::Result<Option<ByteStream>> {
        use futures_util::StreamExt;
        let path = self.path(key)?;
        if range.is_empty() {
            // Object stores refuse an empty range; there is nothing to read anyway.
            return Ok(match self.size(key).await? {
                Some(_) => Some(futures_util::stream::empty().boxed()),
                None => None,
            });
        }
        let options = object_store::GetOptions {
            range: Some(object_store::GetRange::Bounded(range)),
            ..Default::default()
        };
        match self.store.get_opts(&path, options).await {
            Ok(result) => Ok(Some(
                result
                    .into_stream()
                    .map(|piece| piece.map_err(std::io::Error::other))
                    .boxed(),
            )),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }
}

/// The storage a `media_store` setting names: `local` (or nothing) for `DATA/media`.
pub fn open_storage(
    setting: Option<&str>,
    data_dir: &Path,
) -> anyhow::Result<std::sync::Arc<dyn MediaStorage>> {
    match store_url(setting) {
        None => Ok(std::sync::Arc::new(LocalStorage::new(
            &data_dir.join("media"),
        ))),
        Some(url) => Ok(std::sync::Arc::new(ObjectStorage::open(url)?)),
    }
}

/// The folder on this machine a `media_store` setting keeps files in (`originals/` and
/// `variants/` below it), for backups; `None` for stores elsewhere (S3, memory).
pub fn local_folder(setting: Option<&str>, data_dir: &Path) -> Option<PathBuf> {
    match store_url(setting) {
        None => Some(data_dir.join("media")),
        Some(url) => url.strip_prefix("file://").map(PathBuf::from),
    }
}

/// A `media_store` setting's URL; `None` for the data folder.
fn store_url(setting: Option<&str>) -> Option<&str> {
    setting
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "local")
}

/// The storage key of a variant named in a `/media/` URL, if the name has exactly the shape
/// this module gives names: `{32 hex}-{width}.{webp|jpg|png}`.
pub fn key_for_url_name(name: &str) -> Option<(String, &'static str)> {
    let variant = VariantName::parse(name)?;
    Some((format!("variants/{name}"), variant.mime))
}

/// The parts of a variant's name, `{32 hex}-{width}.{webp|jpg|png}`, checked once here.
struct VariantName<'a> {
    hash: &'a str,
    width: u32,
    extension: &'a str,
    mime: &'static str,
}

impl<'a> VariantName<'a> {
    fn parse(name: &'a str) -> Option<VariantName<'a>> {
        let (stem, extension) = name.rsplit_once('.')?;
        let mime = match extension {
            "webp" => "image/webp",
            "jpg" => "image/jpeg",
            "png" => "image/png",
            _ => return None,
        };
        let (hash, width) = stem.split_once('-')?;
        let hash_ok =
            hash.len() == 32 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        let width_ok = (1..=4).contains(&width.len()) && width.bytes().all(|b| b.is_ascii_digit());
        if !(hash_ok && width_ok) {
            return None;
        }
        Some(VariantName {
            hash,
            width: width.parse().ok()?,
            extension,
            mime,
        })
    }

    /// The same photo at another width (which must exist).
    fn at(&self, width: u32) -> String {
        format!("/media/{}-{width}.{}", self.hash, self.extension)
    }
}

/// The library hash a `/media/...` URL points at, if it is one of ours.
pub fn hash_in_url(url: &str) -> Option<&str> {
    VariantName::parse(url.strip_prefix("/media/")?).map(|v| v.hash)
}

/// A smaller size of one of our photos for places that show it small (cards): the
/// `width`-pixel variant when the photo has one, else the URL unchanged. Every standard
/// width below a photo's own is generated, so no lookup is needed.
pub fn sized_url(url: &str, width: u32) -> String {
    match url.strip_prefix("/media/").and_then(VariantName::parse) {
        Some(variant) if variant.width > width && WIDTHS.contains(&width) => variant.at(width),
        _ => url.to_owned(),
    }
}

/// The `srcset` of one of our photos for lists, WebP or the fallback format: every
/// standard width below the photo's own exists, so no lookup is needed (`sizes` lets the
/// browser take the small one for a thumbnail). `None` for photos from elsewhere.
pub fn card_srcset(url: &str, webp: bool) -> Option<String> {
    let variant = url.strip_prefix("/media/").and_then(VariantName::parse)?;
    let extension = if webp { "webp" } else { variant.extension };
    let mut widths: Vec<u32> = WIDTHS
        .iter()
        .copied()
        .filter(|w| *w < variant.width)
        .collect();
    widths.push(variant.width);
    let set = widths
        .iter()
        .map(|w| format!("/media/{}-{w}.{extension} {w}w", variant.hash))
        .collect::<Vec<_>>()
        .join(", ");
    Some(set)
}

/// Gives every library photo in an article's body (`<img src="/media/...">`, as the
/// Markdown renderer writes it) the smaller sizes it has, so phones fetch less. Only exact
/// library addresses are touched; the HTML has already been sanitised.
pub fn responsive_body_images(html: &str) -> String {
    const OPEN: &str = "<img src=\"/media/";
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let name_start = OPEN.len();
        let Some(name_len) = from[name_start..].find('"') else {
            out.push_str(from);
            return out;
        };
        let name = &from[name_start..name_start + name_len];
        let end = name_start + name_len + 1;
        out.push_str(&from[..end]);
        if let Some(variant) = VariantName::parse(name) {
            let mut candidates: Vec<String> = WIDTHS
                .iter()
                .filter(|w| **w < variant.width)
                .map(|w| format!("{} {w}w", variant.at(*w)))
                .collect();
            if !candidates.is_empty() {
                candidates.push(format!("/media/{name} {}w", variant.width));
                out.push_str(&format!(
                    " srcset=\"{}\" sizes=\"(min-width: 72rem) 46rem, 100vw\" loading=\"lazy\"",
                    candidates.join(", ")
                ));
            }
        }
        rest = &from[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> MediaLimits {
        MediaLimits {
            max_bytes: 5 * 1024 * 1024,
            max_pixels: 50_000_000,
        }
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::new_rgb8(width, height);
        encode(&image, ImageFormat::Png).expect("png")
    }

    #[test]
    fn the_bytes_decide_the_type() {
        assert_eq!(sniff(&png(2, 2)), Ok(ImageKind::Png));
        assert_eq!(
            sniff(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"),
            Err(MediaError::NotAnImage)
        );
        assert_eq!(sniff(b"PK\x03\x04zip"), Err(MediaError::NotAnImage));
        assert_eq!(sniff(b"<!doctype html>"), Err(MediaError::NotAnImage));
        assert_eq!(sniff(b""), Err(MediaError::Empty));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_in_the_units_the_limit_is_set_in() {
        let too_big = vec![0xFF; 6 * 1024 * 1024];
        let message = process(too_big, limits()).expect_err("refused").to_string();
        assert_eq!(
            message,
            "The file is 6.0 MiB; the limit is 5.0 MiB. Make it smaller and upload it again."
        );
        assert_eq!(human_bytes(1500), "2 KiB");
    }

    #[test]
    fn a_sliver_too_tall_for_webp_is_refused_with_a_reason() {
        // Found by fuzz/image_upload: 1 pixel wide and 65535 tall fit the pixel limit, and
        // libwebp's encoder panicked on the size (a 500 for the uploader).
        let error = process(png(1, 20_000), limits()).expect_err("refused");
        assert!(matches!(error, MediaError::TooTall { .. }), "{error:?}");
        assert!(error.to_string().contains("Crop it"), "{error}");
        // Tall but within what a size can be: kept.
        let processed = process(png(60, 16_000), limits()).expect("a tall photo is fine");
        assert_eq!(processed.height, 16_000);
    }

    #[test]
    fn images_are_never_enlarged_and_get_every_smaller_width() {
        assert_eq!(target_widths(200), vec![200]);
        assert_eq!(target_widths(700), vec![320, 640, 700]);
        assert_eq!(target_widths(4000), vec![320, 640, 1024, 1600]);
        assert_eq!(target_widths(1600), vec![320, 640, 1024, 1600]);
    }

    #[test]
    fn a_photo_becomes_webp_and_jpeg_in_each_width() {
        let processed = process(png_photo(), limits()).expect("processed");
        let widths: Vec<(u32, &str)> = processed
            .variants
            .iter()
            .map(|v| (v.width, v.mime))
            .collect();
        assert_eq!(
            widths,
            vec![
                (320, "image/webp"),
                (320, "image/jpeg"),
                (640, "image/webp"),
                (640, "image/jpeg"),
                (700, "image/webp"),
                (700, "image/jpeg")
            ]
        );
        for variant in &processed.variants {
            assert_eq!(sniff(&variant.bytes).expect("sniffed").mime(), variant.mime);
        }
    }

    fn png_photo() -> Vec<u8> {
        let image = DynamicImage::ImageRgb8(image::RgbImage::from_fn(700, 400, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        }));
        encode(&image, ImageFormat::Png).expect("png")
    }

    #[test]
    fn cards_get_a_smaller_size_of_our_photos_only() {
        let hash = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            sized_url(&format!("/media/{hash}-1600.jpg"), 640),
            format!("/media/{hash}-640.jpg")
        );
        assert_eq!(
            sized_url(&format!("/media/{hash}-500.jpg"), 640),
            format!("/media/{hash}-500.jpg")
        );
        assert_eq!(
            sized_url("https://example.com/a-1600.jpg", 640),
            "https://example.com/a-1600.jpg"
        );
    }

    #[test]
    fn body_photos_from_the_library_get_their_smaller_sizes() {
        let hash = "0123456789abcdef0123456789abcdef";
        let html = format!(
            "<p><img src=\"/media/{hash}-1024.jpg\" alt=\"A\"></p><img src=\"https://x.test/a.jpg\" alt=\"\">"
        );
        let out = responsive_body_images(&html);
        assert!(out.contains(&format!("srcset=\"/media/{hash}-320.jpg 320w, /media/{hash}-640.jpg 640w, /media/{hash}-1024.jpg 1024w\"")), "{out}");
        assert!(out.ends_with("<img src=\"https://x.test/a.jpg\" alt=\"\">"));
        let small = format!("<img src=\"/media/{hash}-300.png\" alt=\"\">");
        assert_eq!(responsive_body_images(&small), small);
    }

    #[tokio::test]
    async fn an_object_store_holds_media_under_its_prefix() {
        let storage = ObjectStorage::open("memory://site-a/").expect("memory store");
        storage
            .put("variants/abc-320.webp", b"bytes")
            .await
            .expect("put");
        assert_eq!(
            storage.get("variants/abc-320.webp").await.expect("get"),
            Some(b"bytes".to_vec())
        );
        assert_eq!(
            storage.get("variants/none-1.webp").await.expect("get"),
            None
        );
        storage
            .delete("variants/abc-320.webp")
            .await
            .expect("delete");
        storage
            .delete("variants/abc-320.webp")
            .await
            .expect("deleting twice is fine");
        assert_eq!(
            storage.get("variants/abc-320.webp").await.expect("get"),
            None
        );
        assert!(storage.put("../escape", b"x").await.is_err());
        #[cfg(not(feature = "s3"))]
        assert!(
            ObjectStorage::open("s3://bucket/news")
                .err()
                .is_some_and(|e| e.to_string().contains("--features s3"))
        );
        assert!(ObjectStorage::open("ftp://x").is_err());
    }

    #[test]
    fn url_names_map_only_to_variant_keys() {
        let hash = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            key_for_url_name(&format!("{hash}-640.webp")),
            Some((format!("variants/{hash}-640.webp"), "image/webp"))
        );
        for bad in [
            "../etc/passwd",
            "%2e%2e%2fx",
            "/etc/passwd",
            "x-640.webp",
            "{hash}-640.gif",
            "a\0b",
        ] {
            assert_eq!(key_for_url_name(bad), None, "{bad}");
        }
        let storage = LocalStorage::new(Path::new("/tmp/media"));
        assert!(storage.path("variants/../../etc/passwd").is_err());
        assert!(storage.path("/etc/passwd").is_err());
        assert!(storage.path("originals/abc.jpg").is_ok());
    }
}
