//! The paper's identity and ad slots on readers' pages: held in memory between changes
//! (every public page shows them), the icons and manifest browsers ask for, the style sheet
//! carrying the site colour and the ads' reserved sizes, the content policy public pages
//! carry, and the publisher in structured data. The rules are in `crate::identity` and
//! `crate::ads`; the newsroom's forms in `admin/brand.rs`, the API in `api/brand.rs`.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use serde_json::{Value, json};

use super::{AppError, AppState, PageError, peers};
use crate::ads::{AdSlot, AdSlots, HousePhoto, Place, SlotChange};
use crate::config::Settings;
use crate::identity::{self, Identity, IdentityChange, Logo};
use crate::media::MediaError;
use crate::store::{Store, StoreError, User};

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/favicon.ico", get(favicon))
        .route("/apple-touch-icon.png", get(touch_icon))
        .route("/site.webmanifest", get(manifest))
        .route("/brand.css", get(stylesheet))
}

/// The identity and ads in force, with what follows from them.
#[derive(Debug, Default)]
pub struct Brand {
    pub identity: Identity,
    pub ads: AdSlots,
    /// The content policy of public pages: strict, or loosened for ad code or a
    /// measurement snippet.
    pub policy: String,
    /// Changes whenever the identity or the ads do, so `/brand.css?v=` can be kept a year.
    pub version: String,
}

impl Brand {
    pub fn new(identity: Identity, ads: AdSlots) -> Brand {
        let policy = public_policy(&identity, &ads);
        let version = crate::auth::sha256_hex(
            format!(
                "{}{}",
                serde_json::to_string(&identity).unwrap_or_default(),
                serde_json::to_string(&ads).unwrap_or_default()
            )
            .as_bytes(),
        )[..10]
            .to_owned();
        Brand {
            identity,
            ads,
            policy,
            version,
        }
    }

    /// Whether pages need `/brand.css`: a site colour, or an ad with a size to reserve.
    fn has_stylesheet(&self) -> bool {
        self.identity.colour.is_some() || self.ads.slots.iter().any(AdSlot::shows)
    }
}

/// What every public page's template sees as `brand`.
#[derive(Debug, Serialize)]
pub struct BrandView {
    logo: Option<LogoView>,
    colour: Option<String>,
    stylesheet: Option<String>,
    social: Vec<SocialView>,
    measurement: Option<String>,
    /// The places that show an ad on this page, by name.
    ads: BTreeMap<&'static str, AdView>,
}

#[derive(Debug, Serialize)]
struct LogoView {
    url: String,
    width: u32,
    height: u32,
    icon16: String,
    icon32: String,
    touch: String,
}

#[derive(Debug, Serialize)]
struct SocialView {
    network: &'static str,
    name: &'static str,
    url: String,
}

#[derive(Debug, Serialize)]
pub struct AdView {
    place: &'static str,
    desktop_code: Option<String>,
    mobile_code: Option<String>,
    house: Option<crate::ads::HouseAd>,
    every: u32,
    /// The wide-screen width, for the house ad's `sizes`.
    width: u32,
}

impl BrandView {
    /// `ads`: whether this page carries ads (not a preview, not a section without ads);
    /// `measured`: whether the measurement snippet goes in its head.
    pub fn new(brand: &Brand, ads: bool, measured: bool) -> BrandView {
        let identity = &brand.identity;
        BrandView {
            logo: identity.logo.as_ref().map(|logo| LogoView {
                url: logo.logo_url(),
                width: logo.width,
                height: logo.height,
                icon16: logo.icon_url(16),
                icon32: logo.icon_url(32),
                touch: logo.icon_url(180),
            }),
            colour: identity.colour.clone(),
            stylesheet: brand
                .has_stylesheet()
                .then(|| format!("/brand.css?v={}", brand.version)),
            social: identity
                .social
                .listed()
                .into_iter()
                .map(|(network, url)| SocialView {
                    network: network.field(),
                    name: network.name(),
                    url: url.to_owned(),
                })
                .collect(),
            measurement: identity.measurement.clone().filter(|_| measured),
            ads: if ads {
                brand
                    .ads
                    .slots
                    .iter()
                    .filter(|slot| slot.shows())
                    .map(|slot| {
                        (
                            slot.place.as_str(),
                            AdView {
                                place: slot.place.as_str(),
                                desktop_code: slot.desktop_code.clone(),
                                mobile_code: slot.mobile_code.clone(),
                                house: slot.house.clone(),
                                every: slot.every,
                                width: slot.width,
                            },
                        )
                    })
                    .collect()
            } else {
                BTreeMap::new()
            },
        }
    }
}

fn read_value<T: serde::de::DeserializeOwned + Default>(text: Option<String>) -> T {
    // A value saved by another version that no longer parses is ignored, never fatal.
    text.and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Reads the identity and ads from the store.
pub async fn load(store: &dyn Store) -> Result<Brand, StoreError> {
    let identity = read_value(store.site_value(identity::KEY).await?);
    let ads = read_value(store.site_value(crate::ads::KEY).await?);
    Ok(Brand::new(identity, ads))
}

/// The policy public pages carry. Strict (`CONTENT_SECURITY_POLICY`) by default; a
/// measurement snippet adds the origins it names and the hashes of its inline scripts;
/// ad code, which loads from wherever its network chooses, opens scripts, frames and
/// styles to any `https:` origin.
pub fn public_policy(identity: &Identity, ads: &AdSlots) -> String {
    if ads.any_code() {
        return ADS_CONTENT_SECURITY_POLICY.to_owned();
    }
    let Some(snippet) = identity.measurement.as_deref() else {
        return super::CONTENT_SECURITY_POLICY.to_owned();
    };
    let origins = identity::snippet_origins(snippet);
    let hashes: Vec<String> = identity::inline_scripts(snippet)
        .into_iter()
        .map(|script| {
            use sha2::Digest;
            format!(
                "'sha256-{}'",
                base64(&sha2::Sha256::digest(script.as_bytes()))
            )
        })
        .collect();
    let mut scripts = vec!["script-src 'self'".to_owned()];
    scripts.extend(origins.iter().cloned());
    scripts.extend(hashes);
    let mut connect = vec!["connect-src 'self'".to_owned()];
    connect.extend(origins);
    format!(
        "{}; {}",
        super::CONTENT_SECURITY_POLICY.replace("script-src 'self'", &scripts.join(" ")),
        connect.join(" ")
    )
}

/// Public pages while some ad slot holds an advertiser's code.
pub const ADS_CONTENT_SECURITY_POLICY: &str = "default-src 'self' https:; \
     img-src 'self' https: http: data:; style-src 'self' 'unsafe-inline' https:; \
     script-src 'self' 'unsafe-inline' 'unsafe-eval' https:; connect-src 'self' https:; \
     frame-src 'self' https:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; \
     form-action 'self'";

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The paper as a `NewsMediaOrganization`: its name, address, logo, profiles and the pages
/// stating its principles, for the publisher of every article and the home page.
pub fn publisher(settings: &Settings, identity: &Identity) -> Value {
    use super::discovery::absolute;
    let logo = identity
        .logo
        .as_ref()
        .map_or_else(|| "/static/favicon.svg".to_owned(), Logo::logo_url);
    let mut publisher = json!({
        "@type": "NewsMediaOrganization",
        "name": settings.site_title,
        "url": settings.base_url,
        "logo": { "@type": "ImageObject", "url": absolute(settings, &logo) },
    });
    let profiles: Vec<&str> = identity
        .social
        .listed()
        .into_iter()
        .map(|(_, url)| url)
        .collect();
    if !profiles.is_empty() {
        publisher["sameAs"] = json!(profiles);
    }
    for (key, value) in [
        ("publishingPrinciples", &identity.publishing_principles),
        ("correctionsPolicy", &identity.corrections_policy),
        ("masthead", &identity.masthead),
    ] {
        if let Some(link) = value {
            publisher[key] = json!(absolute(settings, link));
        }
    }
    publisher
}

impl AppState {
    /// The identity and ads in force now.
    pub fn brand(&self) -> Arc<Brand> {
        self.brand
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Reads the identity and ads again (another instance changed them).
    pub async fn reload_brand(&self) -> Result<(), StoreError> {
        let brand = load(self.store.as_ref()).await?;
        self.put_brand(brand);
        Ok(())
    }

    fn put_brand(&self, brand: Brand) {
        *self
            .brand
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(brand);
    }

    /// Saves the identity and puts it in force: every page shows it, here and on the other
    /// instances.
    async fn save_identity(&self, identity: Identity) -> Result<(), AppError> {
        let text = serde_json::to_string(&identity).map_err(anyhow::Error::from)?;
        self.store.set_site_value(identity::KEY, &text).await?;
        let ads = self.brand().ads.clone();
        self.put_brand(Brand::new(identity, ads));
        self.brand_changed();
        Ok(())
    }

    async fn save_ads(&self, ads: AdSlots) -> Result<(), AppError> {
        let text = serde_json::to_string(&ads).map_err(anyhow::Error::from)?;
        self.store.set_site_value(crate::ads::KEY, &text).await?;
        let identity = self.brand().identity.clone();
        self.put_brand(Brand::new(identity, ads));
        self.brand_changed();
        Ok(())
    }

    /// The pages every instance holds are stale, and the others read the brand again.
    fn brand_changed(&self) {
        crate::changes::declare();
        self.cache.invalidate_all();
        self.peers.tell(peers::Change::Brand);
    }

    /// Changes the identity's words, colour and links, as an admin asked.
    pub async fn change_identity(
        &self,
        change: &IdentityChange,
        user: &User,
    ) -> Result<Identity, AppError> {
        identity::may_change_identity(user)?;
        let current = self.brand().identity.clone();
        let next = change.apply(&current).map_err(AppError::Invalid)?;
        self.save_identity(next.clone()).await?;
        self.audit_brand(user, "change identity").await;
        Ok(next)
    }

    /// Makes an uploaded photo the logo: it goes through the photo pipeline into the
    /// library (so SVG and anything not a photo is refused), then the header logo and the
    /// icons are made from it.
    pub async fn set_logo(&self, bytes: Vec<u8>, user: &User) -> Result<Identity, AppError> {
        identity::may_change_identity(user)?;
        let words = super::media::MediaWords {
            alt: Some(format!("{} logo", self.settings().site_title)),
            credit: None,
            caption: None,
        };
        let (media, _) = self.upload_media(bytes, &words, user).await?;
        self.logo_from_library(media.id, user).await
    }

    /// Makes a library photo the logo.
    pub async fn logo_from_library(
        &self,
        media_id: i64,
        user: &User,
    ) -> Result<Identity, AppError> {
        identity::may_change_identity(user)?;
        let media = self.store.media_by_id(media_id).await?;
        // The widest size with every pixel kept (PNG keeps transparency), already upright.
        let widest = media
            .variants
            .iter()
            .rev()
            .find(|v| v.mime != "image/webp")
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("photo {media_id} has no sizes")))?;
        let bytes = self.media.get(&widest.key).await?.ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!("the file of photo {media_id} is missing"))
        })?;
        let made = tokio::task::spawn_blocking(move || {
            let image = image::load_from_memory(&bytes).map_err(|_| MediaError::Unreadable)?;
            identity::brand_images(&image)
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("making the icons stopped: {e}")))?
        .map_err(|e| {
            AppError::Invalid(crate::domain::FieldErrors::single("file", e.to_string()))
        })?;
        let images = identity::images_name(&media.hash);
        for (key, bytes) in made.files(&images) {
            self.media.put(&key, bytes).await?;
        }
        let mut next = self.brand().identity.clone();
        next.logo = Some(Logo {
            media_id,
            images,
            width: made.logo.1,
            height: made.logo.2,
            alt: media.alt.clone(),
        });
        self.save_identity(next.clone()).await?;
        self.audit_brand(user, "set logo").await;
        Ok(next)
    }

    /// Changes one ad slot, as an admin asked.
    pub async fn change_ad_slot(
        &self,
        place: Place,
        change: &SlotChange,
        user: &User,
    ) -> Result<AdSlot, AppError> {
        identity::may_change_identity(user)?;
        let photo = match change.house_media_id {
            Some(Some(id)) if id > 0 => match self.store.media_by_id(id).await {
                Ok(media) => {
                    let responsive = super::media::Responsive::new(&media);
                    Some(HousePhoto {
                        alt: media.alt.clone(),
                        src: responsive.src,
                        srcset: responsive.fallback_srcset,
                        webp_srcset: responsive.webp_srcset,
                        width: responsive.width,
                        height: responsive.height,
                    })
                }
                Err(StoreError::NotFound) => None,
                Err(other) => return Err(other.into()),
            },
            _ => None,
        };
        let mut ads = self.brand().ads.clone();
        let slot = change
            .apply(&ads.slot(place), photo)
            .map_err(AppError::Invalid)?;
        ads.replace(slot.clone());
        self.save_ads(ads).await?;
        self.audit_brand(user, &format!("change ad slot {}", place.as_str()))
            .await;
        Ok(slot)
    }

    /// Sets the sections whose pages carry no ads.
    pub async fn set_ad_free_sections(
        &self,
        section_ids: Vec<i64>,
        user: &User,
    ) -> Result<(), AppError> {
        identity::may_change_identity(user)?;
        let mut ads = self.brand().ads.clone();
        let mut ids = section_ids;
        ids.sort_unstable();
        ids.dedup();
        ads.sections_off = ids;
        self.save_ads(ads).await?;
        self.audit_brand(user, "change sections without ads").await;
        Ok(())
    }

    async fn audit_brand(&self, user: &User, action: &str) {
        crate::newsroom::Newsroom::new(self.store.as_ref())
            .audit(
                Some(user),
                action,
                "site identity and ads",
                None,
                jiff::Timestamp::now(),
            )
            .await;
    }
}

/// A made icon's bytes, or "not found" while the site has no logo.
async fn icon_bytes(state: &AppState, size: u32) -> Result<Vec<u8>, PageError> {
    let brand = state.brand();
    let Some(logo) = brand.identity.logo.as_ref() else {
        return Err(PageError(AppError::not_found("This icon")));
    };
    state
        .media
        .get(&format!("variants/{}-{size}.png", logo.images))
        .await?
        .ok_or_else(|| PageError(AppError::not_found("This icon")))
}

/// Icons at fixed addresses browsers ask for on their own: kept a week, and revalidated by
/// their tag after a new logo.
fn icon_response(headers: &HeaderMap, content_type: &'static str, bytes: Vec<u8>) -> Response {
    let etag = format!("\"{}\"", &crate::auth::sha256_hex(&bytes)[..16]);
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=604800"),
            ),
            (
                header::ETAG,
                HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"\"")),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// `/favicon.ico`: the 16 and 32 pixel icons in one ICO file.
async fn favicon(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, PageError> {
    let small = icon_bytes(&state, 16).await?;
    let large = icon_bytes(&state, 32).await?;
    let ico = identity::ico(&[(16, &small[..]), (32, &large[..])]);
    Ok(icon_response(&headers, "image/x-icon", ico))
}

async fn touch_icon(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let bytes = icon_bytes(&state, 180).await?;
    Ok(icon_response(&headers, "image/png", bytes))
}

/// The web app manifest: the paper's name, colour and home-screen icons.
async fn manifest(State(state): State<AppState>) -> Response {
    let settings = state.settings();
    let brand = state.brand();
    let icons: Vec<Value> = brand
        .identity
        .logo
        .iter()
        .flat_map(|logo| {
            [192, 512].map(|size| {
                json!({ "src": logo.icon_url(size), "sizes": format!("{size}x{size}"), "type": "image/png" })
            })
        })
        .collect();
    let body = json!({
        "name": settings.site_title,
        "short_name": settings.site_title.chars().take(12).collect::<String>(),
        "start_url": "/",
        "display": "minimal-ui",
        "background_color": "#ffffff",
        "theme_color": brand.identity.colour.as_deref().unwrap_or("#a4161a"),
        "icons": icons,
    });
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body.to_string(),
    )
        .into_response()
}

/// `/brand.css`: the site colour as the theme's accent, and each ad slot's reserved size on
/// wide screens and phones (the content policy allows no inline styles). Its address
/// carries the brand's version, so it is kept a year.
async fn stylesheet(State(state): State<AppState>) -> Response {
    let brand = state.brand();
    let mut css = String::new();
    // Checked when saved: `#` and six hex digits, so it cannot end the rule.
    if let Some(colour) = brand
        .identity
        .colour
        .as_deref()
        .filter(|c| c.len() == 7 && c[1..].bytes().all(|b| b.is_ascii_hexdigit()))
    {
        css.push_str(&format!(
            ":root {{ --accent: {colour}; --accent-dark: {}; }}\n",
            identity::darker(colour)
        ));
    }
    let mut phones = String::new();
    for slot in brand.ads.slots.iter().filter(|s| s.shows()) {
        let place = slot.place.as_str();
        css.push_str(&slot_sizes(place, slot.width, slot.height));
        if slot.mobile_width == 0 || slot.mobile_height == 0 {
            phones.push_str(&format!(
                "  .ad[data-place=\"{place}\"] {{ display: none; }}\n"
            ));
        } else {
            phones.push_str(&format!(
                "  {}",
                slot_sizes(place, slot.mobile_width, slot.mobile_height)
            ));
        }
    }
    if !phones.is_empty() {
        css.push_str(&format!("@media (max-width: 47.99rem) {{\n{phones}}}\n"));
    }
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        css,
    )
        .into_response()
}

/// The space an ad takes: its width (never wider than the page) and height, kept before
/// the ad arrives.
fn slot_sizes(place: &str, width: u32, height: u32) -> String {
    format!(
        ".ad[data-place=\"{place}\"] .ad-box {{ width: min(100%, {width}px); }} \
         .ad[data-place=\"{place}\"] .ad-code {{ min-height: {height}px; }} \
         .ad[data-place=\"{place}\"] .ad-house img {{ aspect-ratio: {width} / {height}; }}\n"
    )
}

/// A slot as the API shows it.
pub fn slot_json(slot: &AdSlot) -> Value {
    json!({
        "place": slot.place.as_str(),
        "enabled": slot.enabled,
        "desktop_code": slot.desktop_code,
        "mobile_code": slot.mobile_code,
        "house": slot.house.as_ref().map(|h| json!({
            "media_id": h.media_id, "link": h.link, "alt": h.alt, "image": h.src,
        })),
        "width": slot.width,
        "height": slot.height,
        "mobile_width": slot.mobile_width,
        "mobile_height": slot.mobile_height,
        "every": slot.every,
        "shows": slot.shows(),
    })
}

/// The identity as the API shows it.
pub fn identity_json(settings: &Settings, identity: &Identity) -> Value {
    use super::discovery::absolute;
    json!({
        "logo": identity.logo.as_ref().map(|logo| json!({
            "media_id": logo.media_id,
            "url": absolute(settings, &logo.logo_url()),
            "width": logo.width,
            "height": logo.height,
            "icons": identity::ICON_SIZES.iter().map(|size| json!({
                "size": size, "type": "image/png", "url": absolute(settings, &logo.icon_url(*size)),
            })).collect::<Vec<_>>(),
            "favicon": absolute(settings, "/favicon.ico"),
        })),
        "colour": identity.colour,
        "facebook": identity.social.facebook,
        "x": identity.social.x,
        "instagram": identity.social.instagram,
        "youtube": identity.social.youtube,
        "tiktok": identity.social.tiktok,
        "whatsapp": identity.social.whatsapp,
        "publishing_principles": identity.publishing_principles,
        "corrections_policy": identity.corrections_policy,
        "masthead": identity.masthead,
        "measurement": identity.measurement,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_stays_strict_without_ad_code() {
        let plain = public_policy(&Identity::default(), &AdSlots::default());
        assert_eq!(plain, super::super::CONTENT_SECURITY_POLICY);
        let identity = Identity {
            measurement: Some(
                "<script src=\"https://stats.example.com/s.js\"></script><script>go()</script>"
                    .into(),
            ),
            ..Identity::default()
        };
        let measured = public_policy(&identity, &AdSlots::default());
        assert!(measured.contains("script-src 'self' https://stats.example.com 'sha256-"));
        assert!(measured.contains("connect-src 'self' https://stats.example.com"));
        assert!(!measured.contains("unsafe-inline"));
        let mut ads = AdSlots::default();
        let mut slot = AdSlot::empty(Place::Header);
        slot.enabled = true;
        slot.desktop_code = Some("<script>ad()</script>".into());
        ads.replace(slot);
        assert_eq!(public_policy(&identity, &ads), ADS_CONTENT_SECURITY_POLICY);
    }

    #[test]
    fn base64_pads_as_the_standard_says() {
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
    }
}
