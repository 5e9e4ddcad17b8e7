//! The paper's identity: its logo and the icons made from it, its colour, its profiles on
//! social networks, the pages that state its principles (for `NewsMediaOrganization`
//! structured data) and the measurement snippet placed in every public page's head. Only
//! admins change it; it is kept as one value in the site's settings table.

use std::io::Cursor;

use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use serde::{Deserialize, Serialize};

use crate::domain::{FieldErrors, Problem, Role};
use crate::i18n::Phrase;
use crate::newsroom::{NewsroomError, NewsroomResult};
use crate::store::User;

/// The site value holding the identity, as JSON.
pub const KEY: &str = "identity";
/// Icon sizes made from the logo: the favicon's two, the Apple touch icon, and the web
/// app manifest's two.
pub const ICON_SIZES: [u32; 5] = [16, 32, 180, 192, 512];
/// The logo's height in the header, in CSS pixels; it is made at twice that for sharp
/// screens.
pub const LOGO_HEIGHT: u32 = 48;
/// The widest the header logo may be, in CSS pixels.
const LOGO_MAX_WIDTH: u32 = 360;
/// The longest measurement snippet kept.
pub const MAX_SNIPPET: usize = 4_000;

/// What an admin set; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    pub logo: Option<Logo>,
    /// `#rrggbb`, dark enough for text on white.
    pub colour: Option<String>,
    pub social: SocialLinks,
    /// A site path (`/about/principles`) or an `https://` address.
    pub publishing_principles: Option<String>,
    pub corrections_policy: Option<String>,
    pub masthead: Option<String>,
    /// HTML placed in the head of every public page (a self-hosted Plausible or Matomo tag).
    pub measurement: Option<String>,
}

/// The logo as served: the library photo it came from and the images made from it, all
/// at `/media/{images}-{size}.png`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Logo {
    /// The library photo uploaded as the logo.
    pub media_id: i64,
    /// 32 hex digits naming the made images (the header logo, the icons).
    pub images: String,
    /// The header logo's size in CSS pixels; its file is twice as large.
    pub width: u32,
    pub height: u32,
    /// The alt text of the photo, kept for the record; the header shows the site's name.
    #[serde(default)]
    pub alt: String,
}

impl Logo {
    /// The header logo: `/media/{images}-{2 × width}.png` is taken by icons only when the
    /// logo is as narrow as an icon, so the logo has its own name stem.
    pub fn logo_url(&self) -> String {
        format!("/media/{}-{}.png", logo_stem(&self.images), self.width * 2)
    }

    pub fn icon_url(&self, size: u32) -> String {
        format!("/media/{}-{size}.png", self.images)
    }
}

/// The name stem of the header logo's file: the images' hash turned, so it never meets an
/// icon's name.
fn logo_stem(images: &str) -> String {
    crate::auth::sha256_hex(format!("logo:{images}").as_bytes())[..32].to_owned()
}

/// The social networks a paper may link to, each with the hosts its profiles live on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    Facebook,
    X,
    Instagram,
    YouTube,
    TikTok,
    WhatsApp,
}

impl Network {
    pub const ALL: [Network; 6] = [
        Network::Facebook,
        Network::X,
        Network::Instagram,
        Network::YouTube,
        Network::TikTok,
        Network::WhatsApp,
    ];

    /// The field name in forms and the API.
    pub fn field(self) -> &'static str {
        match self {
            Network::Facebook => "facebook",
            Network::X => "x",
            Network::Instagram => "instagram",
            Network::YouTube => "youtube",
            Network::TikTok => "tiktok",
            Network::WhatsApp => "whatsapp",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Network::Facebook => "Facebook",
            Network::X => "X",
            Network::Instagram => "Instagram",
            Network::YouTube => "YouTube",
            Network::TikTok => "TikTok",
            Network::WhatsApp => "WhatsApp channel",
        }
    }

    fn hosts(self) -> &'static [&'static str] {
        match self {
            Network::Facebook => &["facebook.com", "www.facebook.com", "m.facebook.com"],
            Network::X => &["x.com", "www.x.com", "twitter.com", "www.twitter.com"],
            Network::Instagram => &["instagram.com", "www.instagram.com"],
            Network::YouTube => &["youtube.com", "www.youtube.com", "m.youtube.com"],
            Network::TikTok => &["tiktok.com", "www.tiktok.com"],
            Network::WhatsApp => &["whatsapp.com", "www.whatsapp.com"],
        }
    }

    /// An example a person can copy the shape of.
    fn example(self) -> &'static str {
        match self {
            Network::Facebook => "https://www.facebook.com/yourpaper",
            Network::X => "https://x.com/yourpaper",
            Network::Instagram => "https://www.instagram.com/yourpaper",
            Network::YouTube => "https://www.youtube.com/@yourpaper",
            Network::TikTok => "https://www.tiktok.com/@yourpaper",
            Network::WhatsApp => "https://whatsapp.com/channel/0029Va...",
        }
    }

    /// Checks a profile address: `https://`, on one of the network's own hosts, with a
    /// path naming the profile, nothing else.
    pub fn check(self, text: &str) -> Result<Option<String>, Problem> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let refuse = || {
            Problem::new(
                format!(
                    "\"{}\" is not a {} address; paste the https:// address of the profile, like {}",
                    shorten(text),
                    self.name(),
                    self.example()
                ),
                Phrase::new("adm-refuse-network")
                    .with("value", shorten(text))
                    .with("network", self.field())
                    .with("example", self.example()),
            )
        };
        if text.len() > 300 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(refuse());
        }
        let url = url::Url::parse(text).map_err(|_| refuse())?;
        let host = url.host_str().unwrap_or("").to_ascii_lowercase();
        let path = url.path().trim_matches('/');
        let ok = url.scheme() == "https"
            && url.username().is_empty()
            && url.password().is_none()
            && url.port().is_none()
            && self.hosts().contains(&host.as_str())
            && !path.is_empty()
            && (self != Network::WhatsApp || path.starts_with("channel/"));
        if ok {
            Ok(Some(url.to_string()))
        } else {
            Err(refuse())
        }
    }
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The paper's profiles, by network.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SocialLinks {
    pub facebook: Option<String>,
    pub x: Option<String>,
    pub instagram: Option<String>,
    pub youtube: Option<String>,
    pub tiktok: Option<String>,
    pub whatsapp: Option<String>,
}

impl SocialLinks {
    pub fn get(&self, network: Network) -> Option<&str> {
        match network {
            Network::Facebook => self.facebook.as_deref(),
            Network::X => self.x.as_deref(),
            Network::Instagram => self.instagram.as_deref(),
            Network::YouTube => self.youtube.as_deref(),
            Network::TikTok => self.tiktok.as_deref(),
            Network::WhatsApp => self.whatsapp.as_deref(),
        }
    }

    fn set(&mut self, network: Network, value: Option<String>) {
        let slot = match network {
            Network::Facebook => &mut self.facebook,
            Network::X => &mut self.x,
            Network::Instagram => &mut self.instagram,
            Network::YouTube => &mut self.youtube,
            Network::TikTok => &mut self.tiktok,
            Network::WhatsApp => &mut self.whatsapp,
        };
        *slot = value;
    }

    /// The profiles set, in the order the footer shows them.
    pub fn listed(&self) -> Vec<(Network, &str)> {
        Network::ALL
            .iter()
            .filter_map(|n| self.get(*n).map(|url| (*n, url)))
            .collect()
    }
}

/// Changes to the identity as a form or a script sends them: a field left out keeps its
/// value; an empty string clears it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityChange {
    pub colour: Option<String>,
    pub facebook: Option<String>,
    pub x: Option<String>,
    pub instagram: Option<String>,
    pub youtube: Option<String>,
    pub tiktok: Option<String>,
    pub whatsapp: Option<String>,
    pub publishing_principles: Option<String>,
    pub corrections_policy: Option<String>,
    pub masthead: Option<String>,
    pub measurement: Option<String>,
    /// `true` removes the logo (the library keeps the photo).
    pub remove_logo: Option<bool>,
}

impl IdentityChange {
    fn social(&self, network: Network) -> Option<&String> {
        match network {
            Network::Facebook => self.facebook.as_ref(),
            Network::X => self.x.as_ref(),
            Network::Instagram => self.instagram.as_ref(),
            Network::YouTube => self.youtube.as_ref(),
            Network::TikTok => self.tiktok.as_ref(),
            Network::WhatsApp => self.whatsapp.as_ref(),
        }
    }

    /// The identity with these changes made, or every problem at once, by field.
    pub fn apply(&self, current: &Identity) -> Result<Identity, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut next = current.clone();
        if let Some(colour) = &self.colour {
            next.colour = errors.check("colour", check_colour(colour)).flatten();
        }
        for network in Network::ALL {
            if let Some(text) = self.social(network) {
                let value = errors.check(network.field(), network.check(text)).flatten();
                next.social.set(network, value);
            }
        }
        for (field, value, target) in [
            (
                "publishing_principles",
                &self.publishing_principles,
                &mut next.publishing_principles,
            ),
            (
                "corrections_policy",
                &self.corrections_policy,
                &mut next.corrections_policy,
            ),
            ("masthead", &self.masthead, &mut next.masthead),
        ] {
            if let Some(text) = value {
                *target = errors.check(field, check_page_link(text)).flatten();
            }
        }
        if let Some(text) = &self.measurement {
            next.measurement = errors.check("measurement", check_snippet(text)).flatten();
        }
        if self.remove_logo == Some(true) {
            next.logo = None;
        }
        errors.into_result().map(|()| next)
    }
}

/// Only admins change the paper's identity, ad slots and measurement snippet.
pub fn may_change_identity(user: &User) -> NewsroomResult<()> {
    if user.role == Role::Admin {
        Ok(())
    } else {
        Err(NewsroomError::Forbidden(format!(
            "The logo, colours, social links, ads and measurement snippet are set by admins; you are {}.",
            user.role.with_article()
        )))
    }
}

/// A site colour: `#rrggbb` that white text can sit on and that reads on white (4.5:1).
pub fn check_colour(text: &str) -> Result<Option<String>, Problem> {
    let Some(colour) = crate::front_page::parse_colour(text)? else {
        return Ok(None);
    };
    let hex = colour.trim_start_matches('#');
    let hex = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect::<String>()
    } else {
        hex.to_owned()
    };
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    let rgb = [channel(0), channel(2), channel(4)];
    let ratio = 1.05 / (luminance(rgb) + 0.05);
    if ratio < 4.5 {
        return Err(Problem::new(
            format!(
                "{colour} is too light to read on white (contrast {ratio:.1}:1; at least 4.5:1 is needed); pick a darker shade"
            ),
            Phrase::new("adm-refuse-colour-light")
                .with("colour", colour.as_str())
                .with("ratio", format!("{ratio:.1}")),
        ));
    }
    Ok(Some(format!("#{hex}")))
}

/// The relative luminance of a colour (WCAG 2).
fn luminance(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// The accent colour darkened for hover states and labels (three quarters of each channel).
pub fn darker(colour: &str) -> String {
    let hex = colour.trim_start_matches('#');
    if hex.len() != 6 {
        return colour.to_owned();
    }
    let mut out = String::from("#");
    for i in [0, 2, 4] {
        let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
        out.push_str(&format!("{:02x}", u32::from(c) * 3 / 4));
    }
    out
}

/// A page a policy link points at: a path on this site (`/corrections`) or an `https://`
/// address elsewhere.
pub fn check_page_link(text: &str) -> Result<Option<String>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let refuse = || {
        Problem::new(
            format!(
                "\"{}\" is not a page address; write a path on this site, like /corrections, or an https:// address",
                shorten(text)
            ),
            Phrase::new("adm-refuse-page-link").with("value", shorten(text)),
        )
    };
    if text.len() > 500 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(refuse());
    }
    if text.starts_with('/') && !text.starts_with("//") && !text.contains('\\') {
        // Parsed against any base, a path stays a path on this site.
        let url = url::Url::parse("https://site.invalid")
            .and_then(|base| base.join(text))
            .map_err(|_| refuse())?;
        if url.host_str() != Some("site.invalid") {
            return Err(refuse());
        }
        return Ok(Some(url[url::Position::BeforePath..].to_owned()));
    }
    match url::Url::parse(text) {
        Ok(url)
            if url.scheme() == "https"
                && url.host_str().is_some()
                && url.username().is_empty()
                && url.password().is_none() =>
        {
            Ok(Some(url.to_string()))
        }
        _ => Err(refuse()),
    }
}

/// A measurement snippet: HTML with at least one `<script>`, loading only over `https://`.
pub fn check_snippet(text: &str) -> Result<Option<String>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let count = text.chars().count();
    if count > MAX_SNIPPET {
        return Err(Problem::new(
            format!("the snippet is {count} characters long; the limit is {MAX_SNIPPET}"),
            Phrase::new("adm-refuse-snippet-long")
                .with("count", count.to_string())
                .with("limit", MAX_SNIPPET.to_string()),
        ));
    }
    if text.contains('\0') {
        return Err(Problem::new(
            "the snippet contains a NUL character",
            Phrase::new("adm-refuse-snippet-nul"),
        ));
    }
    if !text.to_ascii_lowercase().contains("<script") {
        let example = r#"<script defer data-domain="example.com" src="https://stats.example.com/js/script.js"></script>"#;
        return Err(Problem::new(
            format!(
                "the snippet has no <script> element; paste the tag your analytics server gives, like {example}"
            ),
            Phrase::new("adm-refuse-snippet-script").with("example", example),
        ));
    }
    if let Some(at) = text.to_ascii_lowercase().find("http://") {
        let plain: String = text[at..].chars().take(50).collect();
        return Err(Problem::new(
            format!(
                "the snippet loads from {plain}…, which is not encrypted; use its https:// address"
            ),
            Phrase::new("adm-refuse-snippet-plain").with("address", plain),
        ));
    }
    Ok(Some(text.to_owned()))
}

/// The origins (`https://host[:port]`) a snippet names, for the content policy.
pub fn snippet_origins(snippet: &str) -> Vec<String> {
    let mut origins = Vec::new();
    let mut rest = snippet;
    while let Some(at) = rest.find("//") {
        let after = &rest[at + 2..];
        let host: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
            .collect();
        let before_ok = at == 0 || {
            let prefix = &rest[..at];
            prefix.ends_with("https:")
                || prefix.ends_with('"')
                || prefix.ends_with('\'')
                || prefix.ends_with('=')
        };
        if before_ok
            && host.contains('.')
            && !host.starts_with('.')
            && !host.starts_with(':')
            && host.len() <= 253
        {
            let origin = format!("https://{}", host.trim_end_matches(['.', ':']));
            if !origins.contains(&origin) {
                origins.push(origin);
            }
        }
        rest = after;
    }
    origins
}

/// The bodies of a snippet's inline scripts, byte for byte as the page carries them, so
/// the content policy can allow exactly those by their hash.
pub fn inline_scripts(snippet: &str) -> Vec<&str> {
    let lower = snippet.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(open) = lower[from..].find("<script") {
        let open = from + open;
        let Some(tag_end) = lower[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| tag_end + i) else {
            break;
        };
        let body = &snippet[tag_end..close];
        if !body.trim().is_empty() {
            scripts.push(body);
        }
        from = close;
    }
    scripts
}

/// The images made from a logo, each a PNG: the header logo, then the icons by size (the
/// favicon's ICO is put together from the two smallest when asked for).
#[derive(Debug)]
pub struct BrandImages {
    /// The header logo at twice its CSS size, and that CSS size.
    pub logo: (Vec<u8>, u32, u32),
    pub icons: Vec<(u32, Vec<u8>)>,
}

impl BrandImages {
    /// The storage key and bytes of every file, named from `images` (32 hex digits).
    pub fn files(&self, images: &str) -> Vec<(String, &[u8])> {
        let mut files = vec![(
            format!("variants/{}-{}.png", logo_stem(images), self.logo.1 * 2),
            &self.logo.0[..],
        )];
        for (size, bytes) in &self.icons {
            files.push((format!("variants/{images}-{size}.png"), &bytes[..]));
        }
        files
    }
}

/// The name of a logo's made images, from the hash of the photo they came from.
pub fn images_name(photo_hash: &str) -> String {
    crate::auth::sha256_hex(format!("icons:{photo_hash}").as_bytes())[..32].to_owned()
}

/// Makes the header logo and the icons from a logo's pixels (already checked and decoded
/// by the photo pipeline). The icons hold the whole logo, centred on a square: clear for
/// the favicon, white for the home-screen icons (a phone fills clear pixels with black).
pub fn brand_images(logo: &DynamicImage) -> Result<BrandImages, crate::media::MediaError> {
    let (w, h) = (logo.width().max(1), logo.height().max(1));
    // The header logo: 48 CSS pixels tall unless that makes it wider than the header allows.
    let mut css_height = LOGO_HEIGHT;
    let mut css_width = (u64::from(w) * u64::from(css_height)).div_ceil(u64::from(h)) as u32;
    if css_width > LOGO_MAX_WIDTH {
        css_width = LOGO_MAX_WIDTH;
        css_height = ((u64::from(h) * u64::from(css_width)).div_ceil(u64::from(w)) as u32).max(1);
    }
    let header = logo.resize_exact(css_width * 2, css_height * 2, FilterType::CatmullRom);
    let logo_png = png(&header)?;
    let mut icons = Vec::new();
    for size in ICON_SIZES {
        let background = if size >= 180 {
            Rgba([255, 255, 255, 255])
        } else {
            Rgba([0, 0, 0, 0])
        };
        // A little margin on home-screen icons, which phones round off at the corners.
        let inner = if size >= 180 { size * 5 / 6 } else { size };
        let fitted = logo.resize(inner, inner, FilterType::CatmullRom);
        let mut canvas = RgbaImage::from_pixel(size, size, background);
        let x = i64::from((size - fitted.width().min(size)) / 2);
        let y = i64::from((size - fitted.height().min(size)) / 2);
        image::imageops::overlay(&mut canvas, &fitted.to_rgba8(), x, y);
        icons.push((size, png(&DynamicImage::ImageRgba8(canvas))?));
    }
    Ok(BrandImages {
        logo: (logo_png, css_width, css_height),
        icons,
    })
}

fn png(image: &DynamicImage) -> Result<Vec<u8>, crate::media::MediaError> {
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, ImageFormat::Png)
        .map_err(|_| crate::media::MediaError::Unreadable)?;
    Ok(out.into_inner())
}

/// An ICO file holding PNG images (every browser since Windows Vista's reads these).
pub fn ico(images: &[(u32, &[u8])]) -> Vec<u8> {
    let count = images.len() as u16;
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    let mut offset = 6 + 16 * u32::from(count);
    for (size, bytes) in images {
        // 256 and more is written as 0.
        let side = if *size >= 256 { 0 } else { *size as u8 };
        out.extend_from_slice(&[side, side, 0, 0]);
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&32u16.to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        offset += bytes.len() as u32;
    }
    for (_, bytes) in images {
        out.extend_from_slice(bytes);
    }
    out
}

/// Percent-encodes text for a URL's query, keeping only RFC 3986's unreserved characters.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Links to share a story: each network's own share address, carrying the story's
/// canonical address exactly encoded. Nothing is loaded from those sites until a reader
/// follows a link.
pub fn share_links(url: &str, title: &str) -> Vec<(&'static str, &'static str, String)> {
    let u = encode_component(url);
    let t = encode_component(title);
    let both = encode_component(&format!("{title} {url}"));
    vec![
        (
            "whatsapp",
            "WhatsApp",
            format!("https://wa.me/?text={both}"),
        ),
        (
            "facebook",
            "Facebook",
            format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        ),
        (
            "x",
            "X",
            format!("https://x.com/intent/post?text={t}&url={u}"),
        ),
        (
            "telegram",
            "Telegram",
            format!("https://t.me/share/url?url={u}&text={t}"),
        ),
        (
            "linkedin",
            "LinkedIn",
            format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ),
        ("email", "Email", format!("mailto:?subject={t}&body={u}")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_profiles_on_the_networks_own_hosts_are_kept() {
        assert_eq!(
            Network::Facebook
                .check(" https://www.facebook.com/dailypaper ")
                .unwrap(),
            Some("https://www.facebook.com/dailypaper".into())
        );
        for bad in [
            "http://www.facebook.com/dailypaper",
            "javascript:alert(1)",
            "https://facebook.com.evil.example/x",
            "https://evil.example/facebook.com",
            "https://user@facebook.com/x",
            "https://www.facebook.com/",
            "https://www.facebook.com:8443/x",
            "//www.facebook.com/x",
        ] {
            assert!(Network::Facebook.check(bad).is_err(), "{bad}");
        }
        assert!(
            Network::WhatsApp
                .check("https://whatsapp.com/channel/0029VaAbc")
                .is_ok()
        );
        assert!(
            Network::WhatsApp
                .check("https://whatsapp.com/evil")
                .is_err()
        );
        assert_eq!(Network::X.check("").unwrap(), None);
    }

    #[test]
    fn a_colour_must_read_on_white() {
        assert_eq!(check_colour("#0B4F8A").unwrap(), Some("#0b4f8a".into()));
        assert!(
            check_colour("#ffff00")
                .unwrap_err()
                .english
                .contains("too light")
        );
        assert!(check_colour("red").is_err());
        assert_eq!(darker("#a4161a"), "#7b1013");
    }

    #[test]
    fn policy_links_are_site_paths_or_https_addresses() {
        assert_eq!(
            check_page_link("/corrections").unwrap(),
            Some("/corrections".into())
        );
        assert!(check_page_link("//evil.example/x").is_err());
        assert!(check_page_link("javascript:alert(1)").is_err());
        assert!(check_page_link("http://example.com/x").is_err());
        assert!(check_page_link("/a b").is_err());
    }

    #[test]
    fn a_snippet_names_its_origins_and_inline_scripts() {
        let snippet = r#"<script defer data-domain="news.example" src="https://stats.example.com/js/script.js"></script>
<script>var u="//matomo.example.org/";window._paq=[];</script>"#;
        assert!(check_snippet(snippet).is_ok());
        assert_eq!(
            snippet_origins(snippet),
            vec!["https://stats.example.com", "https://matomo.example.org"]
        );
        assert_eq!(
            inline_scripts(snippet),
            vec![r#"var u="//matomo.example.org/";window._paq=[];"#]
        );
        assert!(check_snippet("<img src=x>").is_err());
        assert!(check_snippet("<script src=\"http://x.example/a.js\"></script>").is_err());
    }

    #[test]
    fn share_links_carry_the_address_exactly_encoded() {
        let links = share_links("https://news.example/article/a-b?x=1&y=2", "Rain & sun");
        let whatsapp = &links[0].2;
        assert_eq!(
            whatsapp,
            "https://wa.me/?text=Rain%20%26%20sun%20https%3A%2F%2Fnews.example%2Farticle%2Fa-b%3Fx%3D1%26y%3D2"
        );
        assert_eq!(
            links[5].2,
            "mailto:?subject=Rain%20%26%20sun&body=https%3A%2F%2Fnews.example%2Farticle%2Fa-b%3Fx%3D1%26y%3D2"
        );
    }

    #[test]
    fn icons_are_square_and_the_logo_keeps_its_shape() {
        let logo =
            DynamicImage::ImageRgba8(RgbaImage::from_pixel(400, 100, Rgba([10, 20, 30, 255])));
        let made = brand_images(&logo).unwrap();
        assert_eq!((made.logo.1, made.logo.2), (192, 48));
        for (size, bytes) in &made.icons {
            let icon = image::load_from_memory(bytes).unwrap();
            assert_eq!((icon.width(), icon.height()), (*size, *size));
        }
        let ico = ico(&[(16, &made.icons[0].1[..]), (32, &made.icons[1].1[..])]);
        assert_eq!(&ico[..6], &[0, 0, 1, 0, 2, 0]);
    }
}
