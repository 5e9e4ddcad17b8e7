//! Asking a provider about an embed (oEmbed): its title and its thumbnail, fetched by the
//! server so a reader's browser asks the provider for nothing. Only each provider's own
//! oEmbed address is asked, only its own image hosts are fetched, with short time limits
//! and a size cap; anything unexpected leaves the placeholder without a picture.

use std::time::Duration;

use serde::Deserialize;

use super::{Embed, Provider};

/// The largest thumbnail fetched.
pub const MAX_THUMBNAIL_BYTES: usize = 2 * 1024 * 1024;

/// What a provider's oEmbed answer says that we use.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct OEmbed {
    pub title: Option<String>,
    pub author_name: Option<String>,
    pub thumbnail_url: Option<String>,
}

impl Embed {
    /// The provider's oEmbed address for this embed; none for providers that want a key.
    pub fn oembed_url(&self) -> Option<String> {
        let page: String = form_urlencoded::byte_serialize(self.page_url().as_bytes()).collect();
        match self.provider {
            Provider::YouTube => Some(format!(
                "https://www.youtube.com/oembed?format=json&url={page}"
            )),
            Provider::Vimeo => Some(format!("https://vimeo.com/api/oembed.json?url={page}")),
            Provider::TikTok => Some(format!("https://www.tiktok.com/oembed?url={page}")),
            Provider::X => Some(format!(
                "https://publish.twitter.com/oembed?omit_script=true&url={page}"
            )),
            Provider::Facebook | Provider::Instagram => None,
        }
    }

    /// Whether a thumbnail address is on this provider's own image hosts (https only).
    pub fn thumbnail_allowed(&self, url: &str) -> bool {
        let Some(rest) = url.strip_prefix("https://") else {
            return false;
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if host.contains(['@', ':']) {
            return false;
        }
        match self.provider {
            Provider::YouTube => host == "i.ytimg.com",
            Provider::Vimeo => host == "i.vimeocdn.com",
            Provider::TikTok => {
                host.ends_with(".tiktokcdn.com") || host.ends_with(".tiktokcdn-us.com")
            }
            _ => false,
        }
    }
}

/// The title a placeholder shows: the provider's title, or for a post its author.
pub fn title_of(answer: &OEmbed) -> Option<String> {
    answer
        .title
        .as_deref()
        .or(answer.author_name.as_deref())
        .map(|t| t.chars().take(200).collect::<String>())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// A client for providers: short time limits, no redirects to elsewhere.
pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(8))
        .connect_timeout(Duration::from_secs(4))
        .redirect(reqwest::redirect::Policy::limited(2))
        .user_agent("Newsdesk embed previews")
        .build()
}

/// Asks the provider about an embed: its oEmbed answer, and the thumbnail's bytes if it has
/// one on its own hosts. `None` when the provider cannot be asked or does not answer well.
pub async fn ask(client: &reqwest::Client, embed: &Embed) -> Option<(OEmbed, Option<Vec<u8>>)> {
    let url = embed.oembed_url()?;
    let response = client.get(&url).send().await.ok()?;
    if !response.status().is_success() {
        return None;
    }
    let text = limited(response, 64 * 1024).await?;
    let answer: OEmbed = serde_json::from_slice(&text).ok()?;
    let thumbnail = match answer.thumbnail_url.as_deref() {
        Some(thumb) if embed.thumbnail_allowed(thumb) => match client.get(thumb).send().await {
            Ok(r) if r.status().is_success() => limited(r, MAX_THUMBNAIL_BYTES).await,
            _ => None,
        },
        _ => None,
    };
    Some((answer, thumbnail))
}

/// A response's body, if it is no longer than `max` bytes.
async fn limited(mut response: reqwest::Response, max: usize) -> Option<Vec<u8>> {
    if response.content_length().is_some_and(|n| n as usize > max) {
        return None;
    }
    let mut body = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        body.extend_from_slice(&chunk);
        if body.len() > max {
            return None;
        }
    }
    Some(body)
}

#[cfg(test)]
mod tests {
    use super::super::recognise;
    use super::*;

    #[test]
    fn only_the_providers_own_image_hosts_are_fetched() {
        let youtube = recognise("https://youtu.be/dQw4w9WgXcQ").expect("youtube");
        assert!(youtube.thumbnail_allowed("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"));
        for bad in [
            "http://i.ytimg.com/vi/x/hqdefault.jpg",
            "https://i.ytimg.com.evil.example/x.jpg",
            "https://evil.example/i.ytimg.com/x.jpg",
            "https://i.ytimg.com@evil.example/x.jpg",
            "https://i.ytimg.com:8443/x.jpg",
            "https://169.254.169.254/latest/meta-data",
            "file:///etc/passwd",
        ] {
            assert!(!youtube.thumbnail_allowed(bad), "{bad}");
        }
        let vimeo = recognise("https://vimeo.com/76979871").expect("vimeo");
        assert!(vimeo.thumbnail_allowed("https://i.vimeocdn.com/video/1.jpg"));
        assert!(!vimeo.thumbnail_allowed("https://i.ytimg.com/vi/x/hqdefault.jpg"));
        let post = recognise("https://www.instagram.com/p/C1a2B3c4D5e/").expect("instagram");
        assert_eq!(
            post.oembed_url(),
            None,
            "Instagram wants a key: never asked"
        );
        assert_eq!(
            youtube.oembed_url().as_deref(),
            Some(
                "https://www.youtube.com/oembed?format=json&url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ"
            )
        );
    }

    #[test]
    fn a_title_comes_from_the_answer_trimmed_and_bounded() {
        let answer: OEmbed = serde_json::from_str(
            r#"{"title":"  Storm over the bay ","thumbnail_url":"https://i.ytimg.com/x.jpg","extra":1}"#,
        )
        .expect("json");
        assert_eq!(title_of(&answer).as_deref(), Some("Storm over the bay"));
        let post: OEmbed = serde_json::from_str(r#"{"author_name":"NASA"}"#).expect("json");
        assert_eq!(title_of(&post).as_deref(), Some("NASA"));
        let long = OEmbed {
            title: Some("x".repeat(500)),
            ..OEmbed::default()
        };
        assert_eq!(title_of(&long).map(|t| t.len()), Some(200));
    }
}
