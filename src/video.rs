//! Video stories: uploaded MP4 and WebM files (judged by their bytes, never their name,
//! size-limited, kept in the media store), the lead video of a story (a file with a poster
//! from the library, or a YouTube, Vimeo or Facebook address drawn as a click-to-load
//! placeholder), and the byte ranges players ask for.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::changes::{self, Touched};
use crate::domain::{FieldErrors, Problem};
use crate::embeds::{self, Provider};
use crate::i18n::Phrase;
use crate::media::MediaStorage;
use crate::newsroom::{NewsroomError, NewsroomResult, may_edit};
use crate::store::{LeadVideo, LeadVideoInput, NewVideo, Store, StoreError, User, Video};

/// The largest video file taken, in MiB.
pub const MAX_VIDEO_MIB: usize = 100;

/// The container a file's bytes say it is, or `None`: an MP4 (ISO base media, `ftyp` box
/// first) or a WebM (EBML header whose document type is `webm`).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        if size >= 8 {
            return Some("video/mp4");
        }
    }
    if bytes.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        let head = &bytes[..bytes.len().min(64)];
        if head.windows(4).any(|w| w == b"webm") {
            return Some("video/webm");
        }
    }
    None
}

/// The file name extension a type is served under.
pub fn extension(mime: &str) -> &'static str {
    if mime == "video/webm" { "webm" } else { "mp4" }
}

/// The type a served name's extension stands for.
pub fn mime_of_name(name: &str) -> Option<&'static str> {
    match name.rsplit_once('.')?.1 {
        "mp4" => Some("video/mp4"),
        "webm" => Some("video/webm"),
        _ => None,
    }
}

/// Where a video is served: its hash and extension, so the bytes behind it never change.
pub fn video_url(video: &Video) -> String {
    format!("/media/video/{}.{}", video.hash, extension(&video.mime))
}

/// Why a video upload was refused, in words for the person who sent it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VideoError {
    #[error(
        "This file is not an MP4 or WebM video (judged by its contents, not its name). Export \
         it as MP4 (H.264) or WebM and upload it again."
    )]
    NotVideo,
    #[error(
        "This video is {size} MiB; a video may be up to {limit} MiB. Make it shorter or smaller and upload it again."
    )]
    TooLarge { size: usize, limit: usize },
}

impl VideoError {
    /// The refusal as the newsroom says it in the site's language.
    pub fn phrase(&self) -> Phrase {
        match self {
            VideoError::NotVideo => Phrase::new("sto-video-not-video"),
            VideoError::TooLarge { size, limit } => Phrase::new("sto-video-too-large")
                .with("size", *size)
                .with("limit", *limit),
        }
    }
}

/// The byte range a `Range` header asks for within `len` bytes: `Ok(None)` for the whole
/// file (no header, or one this server does not do, such as several ranges), `Ok(Some((first,
/// last)))` inclusive, `Err(())` when it lies wholly past the end (416).
#[allow(clippy::result_unit_err)] // the only failure is "not satisfiable"
pub fn byte_range(header: Option<&str>, len: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let Some((first, last)) = spec.trim().split_once('-') else {
        return Ok(None);
    };
    let (first, last) = (first.trim(), last.trim());
    if first.is_empty() {
        // The last N bytes.
        let Ok(suffix) = last.parse::<u64>() else {
            return Ok(None);
        };
        if suffix == 0 || len == 0 {
            return Err(());
        }
        return Ok(Some((len.saturating_sub(suffix), len - 1)));
    }
    let Ok(first) = first.parse::<u64>() else {
        return Ok(None);
    };
    if first >= len {
        return Err(());
    }
    let last = if last.is_empty() {
        len - 1
    } else {
        match last.parse::<u64>() {
            Ok(last) if last >= first => last.min(len - 1),
            _ => return Ok(None),
        }
    };
    Ok(Some((first, last)))
}

/// A lead video as the API and the editor ask for one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadVideoRequest {
    /// An uploaded video (`POST /api/v1/videos`).
    #[serde(default)]
    pub video_id: Option<i64>,
    /// A YouTube, Vimeo or Facebook video's address.
    #[serde(default)]
    pub embed_url: Option<String>,
    /// A photo of the library shown before the video plays.
    #[serde(default)]
    pub poster_media_id: Option<i64>,
    #[serde(default)]
    pub duration_seconds: Option<i64>,
}

impl LeadVideoRequest {
    pub fn check(&self) -> Result<LeadVideoInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let embed_url = self
            .embed_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty());
        match (self.video_id, embed_url) {
            (Some(_), Some(_)) => errors.say(
                "embed_url",
                "Give either an uploaded video or a video's address, not both.",
                Phrase::new("sto-video-not-both"),
            ),
            (None, None) => errors.say(
                "video_id",
                "Upload an MP4 or WebM video, or give a YouTube, Vimeo or Facebook video's address.",
                Phrase::new("sto-video-none"),
            ),
            (None, Some(url)) => {
                let video = embeds::recognise(url).filter(|e| match e.provider {
                    Provider::YouTube | Provider::Vimeo => true,
                    Provider::Facebook => e.owner.as_deref() == Some("watch"),
                    _ => false,
                });
                if video.is_none() {
                    errors.say(
                        "embed_url",
                        format!(
                            "\"{url}\" is not a YouTube, Vimeo or Facebook video's address; \
                             copy it from the video's page, like \
                             https://www.youtube.com/watch?v=dQw4w9WgXcQ"
                        ),
                        Phrase::new("sto-video-not-an-address").with("value", url),
                    );
                }
            }
            (Some(_), None) => {}
        }
        if let Some(seconds) = self.duration_seconds
            && !(1..=24 * 3600).contains(&seconds)
        {
            errors.say(
                "duration_seconds",
                "The duration is in seconds, from 1 to 86400.",
                Phrase::new("sto-video-duration-range")
                    .with("min", 1_i64)
                    .with("max", 24 * 3600_i64),
            );
        }
        errors.into_result()?;
        Ok(LeadVideoInput {
            video_id: self.video_id,
            embed_url: embed_url.map(str::to_owned),
            poster_media_id: self.poster_media_id,
            duration_seconds: self.duration_seconds,
        })
    }
}

/// A lead video sent inline with its story (`"video"` on `POST`/`PATCH
/// /api/v1/articles`): `{"url"}` for a video site's address, or `{"media_id", "poster_id"?}`
/// for an uploaded file. The lead video endpoint's names are taken too.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InlineVideoRequest {
    /// A YouTube, Vimeo or Facebook video's address.
    #[serde(default, alias = "embed_url")]
    pub url: Option<String>,
    /// An uploaded video (`POST /api/v1/videos`).
    #[serde(default, alias = "video_id")]
    pub media_id: Option<i64>,
    /// A photo of the library shown before the video plays.
    #[serde(default, alias = "poster_media_id")]
    pub poster_id: Option<i64>,
    #[serde(default)]
    pub duration_seconds: Option<i64>,
}

impl InlineVideoRequest {
    /// The same video as the lead video endpoint takes it.
    pub fn lead(&self) -> LeadVideoRequest {
        LeadVideoRequest {
            video_id: self.media_id,
            embed_url: self.url.clone(),
            poster_media_id: self.poster_id,
            duration_seconds: self.duration_seconds,
        }
    }
}

/// The newsroom's door to videos.
pub struct Videos<'a> {
    store: &'a dyn Store,
}

impl<'a> Videos<'a> {
    pub fn new(store: &'a dyn Store) -> Videos<'a> {
        Videos { store }
    }

    /// Checks and keeps an upload; the same file twice is one video. Answers the video and
    /// whether it is new.
    pub async fn upload(
        &self,
        bytes: &[u8],
        storage: &dyn MediaStorage,
        user: &User,
        now: Timestamp,
    ) -> Result<Result<(Video, bool), VideoError>, StoreError> {
        if bytes.len() > MAX_VIDEO_MIB * 1024 * 1024 {
            return Ok(Err(VideoError::TooLarge {
                size: bytes.len().div_ceil(1024 * 1024),
                limit: MAX_VIDEO_MIB,
            }));
        }
        let Some(mime) = sniff(bytes) else {
            return Ok(Err(VideoError::NotVideo));
        };
        let hash = crate::auth::sha256_hex(bytes)[..32].to_owned();
        match self.store.video_by_hash(&hash).await {
            Ok(video) => return Ok(Ok((video, false))),
            Err(StoreError::NotFound) => {}
            Err(other) => return Err(other),
        }
        let storage_key = format!("videos/{hash}.{}", extension(mime));
        storage.put(&storage_key, bytes).await?;
        let new = NewVideo {
            hash,
            mime: mime.to_owned(),
            storage_key,
            bytes: bytes.len() as i64,
            uploaded_by: Some(user.id),
        };
        match self.store.create_video(&new, now).await {
            Ok(video) => Ok(Ok((video, true))),
            // The same file arrived twice at once: the other upload kept it.
            Err(StoreError::Taken { .. }) => {
                Ok(Ok((self.store.video_by_hash(&new.hash).await?, false)))
            }
            Err(other) => Err(other),
        }
    }

    /// Sets a story's lead video.
    pub async fn set_lead(
        &self,
        article_id: i64,
        request: &LeadVideoRequest,
        user: &User,
    ) -> NewsroomResult<LeadVideo> {
        let article = self.store.article_by_id(article_id).await?;
        may_edit(user, &article)?;
        let input = request.check().map_err(NewsroomError::Invalid)?;
        match self.store.set_lead_video(article_id, Some(&input)).await {
            Ok(Some(lead)) => {
                changes::record(Touched::Story { id: article_id });
                Ok(lead)
            }
            Ok(None) => Err(NewsroomError::NotFound),
            Err(StoreError::NotFound) => Err(NewsroomError::Invalid(FieldErrors::single(
                "video_id",
                Problem::new(
                    "The video or the poster photo is not there (it may have been deleted); \
                     upload the video again, or choose a poster from the library.",
                    Phrase::new("sto-video-gone"),
                ),
            ))),
            Err(other) => Err(other.into()),
        }
    }

    /// Takes a story's lead video away.
    pub async fn remove_lead(&self, article_id: i64, user: &User) -> NewsroomResult<()> {
        let article = self.store.article_by_id(article_id).await?;
        may_edit(user, &article)?;
        self.store.set_lead_video(article_id, None).await?;
        changes::record(Touched::Story { id: article_id });
        Ok(())
    }

    /// A story's lead video, for whoever may change the story.
    pub async fn lead(&self, article_id: i64, user: &User) -> NewsroomResult<Option<LeadVideo>> {
        let article = self.store.article_by_id(article_id).await?;
        may_edit(user, &article)?;
        Ok(self.store.lead_video(article_id).await?)
    }
}

/// A duration as ISO 8601 (`PT1M30S`), for `VideoObject`.
pub fn iso_duration(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn videos_are_known_by_their_bytes() {
        let mp4 = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2";
        assert_eq!(sniff(mp4), Some("video/mp4"));
        let webm = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm";
        assert_eq!(sniff(webm), Some("video/webm"));
        let mkv = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska";
        assert_eq!(sniff(mkv), None);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n0000"), None);
        assert_eq!(sniff(b"ftyp"), None);
    }

    #[test]
    fn ranges_are_read_as_players_send_them() {
        assert_eq!(byte_range(None, 100), Ok(None));
        assert_eq!(byte_range(Some("bytes=0-9"), 100), Ok(Some((0, 9))));
        assert_eq!(byte_range(Some("bytes=90-"), 100), Ok(Some((90, 99))));
        assert_eq!(byte_range(Some("bytes=-10"), 100), Ok(Some((90, 99))));
        assert_eq!(byte_range(Some("bytes=-500"), 100), Ok(Some((0, 99))));
        assert_eq!(byte_range(Some("bytes=50-500"), 100), Ok(Some((50, 99))));
        assert_eq!(byte_range(Some("bytes=100-"), 100), Err(()));
        assert_eq!(byte_range(Some("bytes=-0"), 100), Err(()));
        assert_eq!(byte_range(Some("bytes=0-1,5-6"), 100), Ok(None));
        assert_eq!(byte_range(Some("items=0-1"), 100), Ok(None));
        assert_eq!(byte_range(Some("bytes=9-2"), 100), Ok(None));
    }

    #[test]
    fn durations_read_as_iso_8601() {
        assert_eq!(iso_duration(90), "PT1M30S");
        assert_eq!(iso_duration(3600), "PT1H");
        assert_eq!(iso_duration(0), "PT0S");
    }

    #[test]
    fn a_lead_video_is_one_file_or_one_video_address() {
        let neither = LeadVideoRequest::default().check().expect_err("neither");
        assert!(neither.to_string().contains("Upload an MP4"), "{neither}");
        let post = LeadVideoRequest {
            embed_url: Some("https://x.com/someone/status/123".into()),
            ..LeadVideoRequest::default()
        };
        assert!(post.check().is_err(), "a post is not a video");
        let youtube = LeadVideoRequest {
            embed_url: Some(" https://www.youtube.com/watch?v=dQw4w9WgXcQ ".into()),
            ..LeadVideoRequest::default()
        };
        let input = youtube.check().expect("a video address");
        assert_eq!(
            input.embed_url.as_deref(),
            Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        );
    }
}
