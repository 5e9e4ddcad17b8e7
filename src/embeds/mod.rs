//! Embeds: a YouTube, Vimeo, X, Facebook, Instagram or TikTok address on a line of its own
//! becomes a privacy-friendly placeholder. Nothing is loaded from the provider until the
//! reader clicks; without JavaScript the placeholder is a plain link. Only each provider's
//! exact URL shapes are recognised: anything else stays an ordinary link or text.

pub mod fetch;

use std::fmt::Write;

/// The sites whose posts and videos can be embedded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    YouTube,
    Vimeo,
    X,
    Facebook,
    Instagram,
    TikTok,
}

impl Provider {
    pub fn name(self) -> &'static str {
        match self {
            Provider::YouTube => "YouTube",
            Provider::Vimeo => "Vimeo",
            Provider::X => "X",
            Provider::Facebook => "Facebook",
            Provider::Instagram => "Instagram",
            Provider::TikTok => "TikTok",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Provider::YouTube => "youtube",
            Provider::Vimeo => "vimeo",
            Provider::X => "x",
            Provider::Facebook => "facebook",
            Provider::Instagram => "instagram",
            Provider::TikTok => "tiktok",
        }
    }

    /// What a reader does with it: videos are watched, posts are read.
    fn verb(self) -> &'static str {
        match self {
            Provider::YouTube | Provider::Vimeo | Provider::TikTok => "Watch",
            _ => "View",
        }
    }
}

/// The hosts whose frames a reader may load after clicking, for the content policy.
pub const FRAME_SOURCES: &str = "https://www.youtube-nocookie.com https://player.vimeo.com \
     https://platform.twitter.com https://www.facebook.com https://www.instagram.com \
     https://www.tiktok.com";

/// A recognised embed. Its parts are checked characters only (letters, digits, `_`, `-`),
/// so the addresses built from them are safe to write into a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    pub provider: Provider,
    /// The post's or video's id at the provider.
    pub id: String,
    /// For Facebook, X and Instagram: the account or kind part of the address.
    pub owner: Option<String>,
}

impl Embed {
    /// The provider's own page for it: where the link goes without JavaScript.
    pub fn page_url(&self) -> String {
        let owner = self.owner.as_deref().unwrap_or("");
        match self.provider {
            Provider::YouTube => format!("https://www.youtube.com/watch?v={}", self.id),
            Provider::Vimeo => format!("https://vimeo.com/{}", self.id),
            Provider::X => format!("https://x.com/{owner}/status/{}", self.id),
            Provider::Facebook => match owner {
                "watch" => format!("https://www.facebook.com/watch/?v={}", self.id),
                _ => format!("https://www.facebook.com/{owner}/posts/{}", self.id),
            },
            Provider::Instagram => format!("https://www.instagram.com/{owner}/{}/", self.id),
            Provider::TikTok => format!("https://www.tiktok.com/@{owner}/video/{}", self.id),
        }
    }

    /// The frame loaded when the reader clicks.
    pub fn frame_url(&self) -> String {
        match self.provider {
            Provider::YouTube => {
                format!(
                    "https://www.youtube-nocookie.com/embed/{}?autoplay=1",
                    self.id
                )
            }
            Provider::Vimeo => format!("https://player.vimeo.com/video/{}?autoplay=1", self.id),
            Provider::X => format!(
                "https://platform.twitter.com/embed/Tweet.html?id={}&dnt=true",
                self.id
            ),
            Provider::Facebook => {
                let page: String =
                    form_urlencoded::byte_serialize(self.page_url().as_bytes()).collect();
                let kind = if self.owner.as_deref() == Some("watch") {
                    "video"
                } else {
                    "post"
                };
                format!("https://www.facebook.com/plugins/{kind}.php?href={page}")
            }
            Provider::Instagram => format!(
                "https://www.instagram.com/{}/{}/embed/",
                self.owner.as_deref().unwrap_or("p"),
                self.id
            ),
            Provider::TikTok => format!("https://www.tiktok.com/embed/v2/{}", self.id),
        }
    }

    /// Videos play in a 16:9 box; posts (and TikTok's upright videos) are taller.
    fn shape(&self) -> &'static str {
        match self.provider {
            Provider::YouTube | Provider::Vimeo => "wide",
            _ => "tall",
        }
    }
}

fn is_token(text: &str, max: usize) -> bool {
    !text.is_empty()
        && text.len() <= max
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn is_digits(text: &str, max: usize) -> bool {
    !text.is_empty() && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit())
}

/// The query's value for `name`, when the query holds nothing else but harmless tracking.
fn query_value<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Recognises an embeddable address: `https://` only, the provider's exact hosts and paths,
/// no user info, no port, no odd characters. Anything else is `None`.
pub fn recognise(url: &str) -> Option<Embed> {
    let rest = url.strip_prefix("https://")?;
    if url.len() > 300
        || !url
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'<' | b'>' | b'\\' | b'\''))
    {
        return None;
    }
    let (rest, _fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let path = path.trim_end_matches('/');
    let parts: Vec<&str> = if path.is_empty() {
        Vec::new()
    } else {
        path.split('/').collect()
    };
    let embed = |provider, id: &str, owner: Option<&str>| {
        Some(Embed {
            provider,
            id: id.to_owned(),
            owner: owner.map(str::to_owned),
        })
    };
    match (host, parts.as_slice()) {
        ("www.youtube.com" | "youtube.com" | "m.youtube.com", ["watch"]) => {
            let id = query_value(query, "v")?;
            (id.len() == 11 && is_token(id, 11)).then(|| embed(Provider::YouTube, id, None))?
        }
        ("www.youtube.com" | "youtube.com" | "m.youtube.com", ["shorts" | "live", id])
        | ("youtu.be", [id])
            if id.len() == 11 && is_token(id, 11) =>
        {
            embed(Provider::YouTube, id, None)
        }
        ("vimeo.com" | "www.vimeo.com", [id]) if is_digits(id, 12) => {
            embed(Provider::Vimeo, id, None)
        }
        (
            "x.com" | "www.x.com" | "twitter.com" | "www.twitter.com" | "mobile.twitter.com",
            [user, "status", id],
        ) if is_token(user, 15) && is_digits(id, 20) => embed(Provider::X, id, Some(user)),
        ("www.facebook.com" | "facebook.com" | "m.facebook.com", [page, "posts", id])
            if is_token(page, 80) && is_token(id, 64) =>
        {
            embed(Provider::Facebook, id, Some(page))
        }
        ("www.facebook.com" | "facebook.com" | "m.facebook.com", ["watch"]) => {
            let id = query_value(query, "v")?;
            is_digits(id, 20).then(|| embed(Provider::Facebook, id, Some("watch")))?
        }
        ("www.instagram.com" | "instagram.com", [kind @ ("p" | "reel"), id])
            if is_token(id, 40) =>
        {
            embed(Provider::Instagram, id, Some(kind))
        }
        ("www.tiktok.com" | "tiktok.com", [user, "video", id])
            if user.starts_with('@')
                && user.len() > 1
                && user[1..]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
                && user.len() <= 32
                && is_digits(id, 25) =>
        {
            embed(Provider::TikTok, id, Some(&user[1..]))
        }
        _ => None,
    }
}

/// What the server learnt about an embed from its provider: a title and a thumbnail kept on
/// this site (so the reader's browser asks the provider for nothing).
#[derive(Debug, Clone, Default)]
pub struct Preview {
    pub title: Option<String>,
    pub thumbnail_url: Option<String>,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The placeholder for one embed: a link to the provider's page with a play button; the
/// article's script turns a click into the provider's frame.
pub fn placeholder(embed: &Embed, preview: &Preview) -> String {
    let mut html = String::new();
    let provider = embed.provider.name();
    let title = preview
        .title
        .as_deref()
        .map(escape)
        .unwrap_or_else(|| format!("{} on {provider}", embed.provider.verb()));
    let _ = write!(
        html,
        "<figure class=\"embed embed-{key} embed-{shape}\" data-embed-frame=\"{frame}\" \
         data-embed-title=\"{title}\"><a class=\"embed-link\" href=\"{page}\" \
         rel=\"noopener noreferrer nofollow\">",
        key = embed.provider.key(),
        shape = embed.shape(),
        frame = escape(&embed.frame_url()),
        page = escape(&embed.page_url()),
    );
    if let Some(thumbnail) = preview
        .thumbnail_url
        .as_deref()
        .filter(|u| u.starts_with("/media/"))
    {
        let _ = write!(
            html,
            "<img class=\"embed-thumb\" src=\"{}\" alt=\"\" loading=\"lazy\">",
            escape(thumbnail)
        );
    }
    let _ = write!(
        html,
        "<span class=\"embed-play\" aria-hidden=\"true\"></span><span class=\"embed-title\">{title}</span>\
         <span class=\"embed-note\">Playing it loads content from {provider}.</span></a></figure>",
    );
    html
}

/// The embeds a body holds, in order: addresses alone on a line.
pub fn in_body(markdown: &str) -> Vec<(String, Embed)> {
    markdown
        .lines()
        .map(str::trim)
        .filter_map(|line| recognise(line).map(|e| (line.to_owned(), e)))
        .collect()
}

/// Replaces each paragraph of rendered HTML that holds only an embeddable address with its
/// placeholder. `preview` says what is known about an address.
pub fn render(html: &str, preview: &dyn Fn(&str) -> Preview) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<p>") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let Some(end) = after.find("</p>") else {
            out.push_str(&rest[at..]);
            return out;
        };
        let inner = &after[..end];
        let address = paragraph_address(inner);
        match address
            .as_deref()
            .and_then(|a| recognise(a).map(|e| (a, e)))
        {
            Some((address, embed)) => out.push_str(&placeholder(&embed, &preview(address))),
            None => {
                out.push_str("<p>");
                out.push_str(inner);
                out.push_str("</p>");
            }
        }
        rest = &after[end + 4..];
    }
    out.push_str(rest);
    out
}

/// The address a paragraph holds when it holds nothing else: as text, or as a link whose
/// text is the address itself.
fn paragraph_address(inner: &str) -> Option<String> {
    let inner = inner.trim();
    let text = if let Some(link) = inner.strip_prefix("<a href=\"") {
        let (href, rest) = link.split_once('"')?;
        let text = rest.split_once('>')?.1.strip_suffix("</a>")?;
        if text != href {
            return None;
        }
        text
    } else {
        inner
    };
    if text.contains('<') || text.contains(char::is_whitespace) {
        return None;
    }
    Some(text.replace("&amp;", "&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_addresses_are_recognised_and_near_misses_are_not() {
        let table: &[(&str, Option<(Provider, &str)>)] = &[
            // Real shapes.
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                Some((Provider::YouTube, "dQw4w9WgXcQ")),
            ),
            (
                "https://youtube.com/watch?v=dQw4w9WgXcQ&t=42",
                Some((Provider::YouTube, "dQw4w9WgXcQ")),
            ),
            (
                "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
                Some((Provider::YouTube, "dQw4w9WgXcQ")),
            ),
            (
                "https://youtu.be/dQw4w9WgXcQ",
                Some((Provider::YouTube, "dQw4w9WgXcQ")),
            ),
            (
                "https://www.youtube.com/shorts/dQw4w9WgXcQ",
                Some((Provider::YouTube, "dQw4w9WgXcQ")),
            ),
            (
                "https://vimeo.com/76979871",
                Some((Provider::Vimeo, "76979871")),
            ),
            (
                "https://x.com/nasa/status/1790000000000000000",
                Some((Provider::X, "1790000000000000000")),
            ),
            (
                "https://twitter.com/nasa/status/1790000000000000000",
                Some((Provider::X, "1790000000000000000")),
            ),
            (
                "https://www.facebook.com/nasa/posts/pfbid02abcDEF",
                Some((Provider::Facebook, "pfbid02abcDEF")),
            ),
            (
                "https://www.facebook.com/watch/?v=123456789012345",
                Some((Provider::Facebook, "123456789012345")),
            ),
            (
                "https://www.instagram.com/p/C1a2B3c4D5e/",
                Some((Provider::Instagram, "C1a2B3c4D5e")),
            ),
            (
                "https://www.instagram.com/reel/C1a2B3c4D5e/",
                Some((Provider::Instagram, "C1a2B3c4D5e")),
            ),
            (
                "https://www.tiktok.com/@scout2015/video/6718335390845095173",
                Some((Provider::TikTok, "6718335390845095173")),
            ),
            // Near misses: other hosts, look-alikes, wrong paths, bad ids.
            ("http://www.youtube.com/watch?v=dQw4w9WgXcQ", None),
            (
                "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
                None,
            ),
            (
                "https://evil.example/www.youtube.com/watch?v=dQw4w9WgXcQ",
                None,
            ),
            ("https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ", None),
            ("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ", None),
            ("https://www.youtube.com/watch?v=short", None),
            ("https://www.youtube.com/watch?v=dQw4w9WgXcQextra", None),
            ("https://www.youtube.com/watch?list=PL123", None),
            ("https://www.youtube.com/channel/UC123", None),
            ("https://youtu.be/", None),
            ("https://vimeo.com/channels/staffpicks", None),
            ("https://vimeo.com/76979871abc", None),
            ("https://x.com/nasa", None),
            ("https://x.com/nasa/status/notanumber", None),
            ("https://x.com/nasa/likes/1790000000000000000", None),
            (
                "https://www.facebook.com/sharer.php?u=https://evil.example",
                None,
            ),
            ("https://www.instagram.com/nasa/", None),
            ("https://www.tiktok.com/video/6718335390845095173", None),
            ("https://www.tiktok.com/@scout2015/video/abc", None),
            // Hostile: scripts, quotes, markup, spaces, other schemes.
            ("javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ", None),
            ("https://youtu.be/dQw4w9WgXc\"", None),
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onmouseover=\"alert(1)",
                None,
            ),
            (
                "https://www.youtube.com/watch?v=\"><script>alert(1)</script>",
                None,
            ),
            ("https://youtu.be/dQw4w9WgXcQ<script>", None),
            ("https://youtu.be/dQw4w9 WgXcQ", None),
            ("https://youtu.be/../../evil", None),
            (
                "https://x.com/nasa/status/1790000000000000000/../../../evil",
                None,
            ),
            ("data:text/html,https://youtu.be/dQw4w9WgXcQ", None),
            ("https://www.youtube.com/watch?v=dQw4w9WgX%22", None),
            ("", None),
        ];
        for (url, expected) in table {
            let got = recognise(url).map(|e| (e.provider, e.id));
            let expected = expected.map(|(p, id)| (p, id.to_owned()));
            assert_eq!(got, expected, "{url}");
        }
    }

    #[test]
    fn a_paragraph_holding_only_an_address_becomes_a_placeholder() {
        let html = "<p>Before.</p>\n<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=1</p>\n\
                    <p>See https://youtu.be/dQw4w9WgXcQ here.</p>\n<p>https://evil.example/x</p>\n";
        let out = render(html, &|_| Preview::default());
        assert_eq!(
            out.matches("<figure class=\"embed embed-youtube").count(),
            1,
            "{out}"
        );
        assert!(out.contains(
            "data-embed-frame=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\""
        ));
        assert!(out.contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\""));
        assert!(out.contains("<p>See https://youtu.be/dQw4w9WgXcQ here.</p>"));
        assert!(out.contains("<p>https://evil.example/x</p>"));
        // Nothing in the placeholder makes the browser ask another site for anything.
        assert!(!out.contains("<iframe"));
        assert!(!out.contains("src=\"https://"));
    }

    #[test]
    fn a_thumbnail_is_only_ever_one_kept_on_this_site() {
        let embed = recognise("https://vimeo.com/76979871").expect("vimeo");
        let kept = placeholder(
            &embed,
            &Preview {
                title: Some("A <b>film</b>".into()),
                thumbnail_url: Some("/media/0123456789abcdef0123456789abcdef-640.jpg".into()),
            },
        );
        assert!(kept.contains("src=\"/media/0123456789abcdef0123456789abcdef-640.jpg\""));
        assert!(kept.contains("A &lt;b&gt;film&lt;/b&gt;"));
        let remote = placeholder(
            &embed,
            &Preview {
                title: None,
                thumbnail_url: Some("https://i.vimeocdn.com/x.jpg".into()),
            },
        );
        assert!(!remote.contains("<img"), "{remote}");
    }
}
