//! Ad slots: the named places on readers' pages that can hold an advertiser's code (raw
//! HTML, set by admins only) or a house ad (a library photo and a link), each with a
//! reserved size so nothing moves when the ad arrives, and the sections that carry no ads.
//! Kept as one value in the site's settings table.

use serde::{Deserialize, Serialize};

use crate::domain::{FieldErrors, Problem};
use crate::i18n::Phrase;

/// The site value holding the ad slots, as JSON.
pub const KEY: &str = "ad_slots";
/// The longest ad code kept, desktop or mobile.
pub const MAX_CODE: usize = 20_000;

/// A place on readers' pages an ad can go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Under the masthead, on every public page.
    Header,
    /// The side column of the home page and article pages.
    Sidebar,
    /// In an article's body, after paragraph `every`.
    InArticle,
    /// On the home page, after every `every` section blocks.
    HomeBlocks,
    /// In section, tag and author lists, after every `every` stories.
    Lists,
}

impl Place {
    pub const ALL: [Place; 5] = [
        Place::Header,
        Place::Sidebar,
        Place::InArticle,
        Place::HomeBlocks,
        Place::Lists,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Place::Header => "header",
            Place::Sidebar => "sidebar",
            Place::InArticle => "in_article",
            Place::HomeBlocks => "home_blocks",
            Place::Lists => "lists",
        }
    }

    pub fn parse(text: &str) -> Option<Place> {
        Place::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// Whether the place repeats or sits after paragraph N (`every`); the newsroom names
    /// each place and what its N counts in messages (`adm-ads-place-…`, `adm-ads-every-…`).
    pub fn takes_every(self) -> bool {
        matches!(self, Place::InArticle | Place::HomeBlocks | Place::Lists)
    }

    /// The standard sizes (desktop, then phone), the IAB's usual ones for each place.
    fn default_sizes(self) -> ((u32, u32), (u32, u32)) {
        match self {
            Place::Header => ((728, 90), (320, 50)),
            Place::Sidebar => ((300, 250), (300, 250)),
            Place::InArticle | Place::HomeBlocks | Place::Lists => ((728, 90), (300, 250)),
        }
    }
}

/// A house ad: the paper's own, a library photo and where it leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HouseAd {
    pub media_id: i64,
    /// A path on this site or an `https://` address.
    pub link: String,
    /// What the photo says, for readers who cannot see it.
    pub alt: String,
    /// The photo's sizes as they were when the ad was saved.
    pub src: String,
    pub srcset: String,
    pub webp_srcset: String,
    pub width: u32,
    pub height: u32,
}

/// One place and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdSlot {
    pub place: Place,
    pub enabled: bool,
    /// Raw HTML from an ad network for wide screens, and for phones.
    pub desktop_code: Option<String>,
    pub mobile_code: Option<String>,
    pub house: Option<HouseAd>,
    /// The space reserved, in CSS pixels; a phone size of 0 × 0 leaves phones without it.
    pub width: u32,
    pub height: u32,
    pub mobile_width: u32,
    pub mobile_height: u32,
    /// The paragraph, block or story count after which it goes (1 and more).
    pub every: u32,
}

impl AdSlot {
    /// An empty, switched-off slot of standard size.
    pub fn empty(place: Place) -> AdSlot {
        let ((width, height), (mobile_width, mobile_height)) = place.default_sizes();
        AdSlot {
            place,
            enabled: false,
            desktop_code: None,
            mobile_code: None,
            house: None,
            width,
            height,
            mobile_width,
            mobile_height,
            every: match place {
                Place::InArticle => 3,
                Place::HomeBlocks => 2,
                Place::Lists => 5,
                Place::Header | Place::Sidebar => 1,
            },
        }
    }

    /// Whether readers see something here.
    pub fn shows(&self) -> bool {
        self.enabled && (self.has_code() || self.house.is_some())
    }

    /// Whether it carries an advertiser's code (which loosens the content policy).
    pub fn has_code(&self) -> bool {
        self.desktop_code.is_some() || self.mobile_code.is_some()
    }
}

/// Every place, and the sections without ads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdSlots {
    pub slots: Vec<AdSlot>,
    /// Sections (by id) whose pages and stories carry no ads.
    pub sections_off: Vec<i64>,
}

impl AdSlots {
    /// The slot at a place, empty if never set.
    pub fn slot(&self, place: Place) -> AdSlot {
        self.slots
            .iter()
            .find(|s| s.place == place)
            .cloned()
            .unwrap_or_else(|| AdSlot::empty(place))
    }

    /// Every place in order, set or not.
    pub fn all(&self) -> Vec<AdSlot> {
        Place::ALL.into_iter().map(|p| self.slot(p)).collect()
    }

    pub fn replace(&mut self, slot: AdSlot) {
        self.slots.retain(|s| s.place != slot.place);
        self.slots.push(slot);
        self.slots
            .sort_by_key(|s| Place::ALL.iter().position(|p| *p == s.place));
    }

    /// Whether any slot readers see carries an advertiser's code.
    pub fn any_code(&self) -> bool {
        self.slots.iter().any(|s| s.shows() && s.has_code())
    }

    pub fn off_in(&self, section_id: i64) -> bool {
        self.sections_off.contains(&section_id)
    }
}

/// A slot as an admin or a script sends it; a field left out keeps its value, an empty
/// string clears code or a house ad.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotChange {
    pub enabled: Option<bool>,
    pub desktop_code: Option<String>,
    pub mobile_code: Option<String>,
    /// A library photo's id for a house ad; `null` (or 0) removes the house ad.
    #[serde(default, deserialize_with = "some_or_null")]
    pub house_media_id: Option<Option<i64>>,
    pub house_link: Option<String>,
    pub house_alt: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub mobile_width: Option<u32>,
    pub mobile_height: Option<u32>,
    pub every: Option<u32>,
}

/// Tells a field sent as `null` (`Some(None)`) from one left out (`None`).
fn some_or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
    Ok(Some(Option::<i64>::deserialize(d)?))
}

/// A library photo as a house ad needs it.
pub struct HousePhoto {
    pub alt: String,
    pub src: String,
    pub srcset: String,
    pub webp_srcset: String,
    pub width: u32,
    pub height: u32,
}

impl SlotChange {
    /// The slot with these changes made, or every problem at once; `photo` is the library
    /// photo `house_media_id` names, looked up by the caller (`None` if there is none).
    pub fn apply(
        &self,
        current: &AdSlot,
        photo: Option<HousePhoto>,
    ) -> Result<AdSlot, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut next = current.clone();
        if let Some(enabled) = self.enabled {
            next.enabled = enabled;
        }
        if let Some(code) = &self.desktop_code {
            next.desktop_code = errors.check("desktop_code", check_code(code)).flatten();
        }
        if let Some(code) = &self.mobile_code {
            next.mobile_code = errors.check("mobile_code", check_code(code)).flatten();
        }
        for (field, value, target, most) in [
            ("width", self.width, &mut next.width, 2000),
            ("height", self.height, &mut next.height, 1200),
            (
                "mobile_width",
                self.mobile_width,
                &mut next.mobile_width,
                800,
            ),
            (
                "mobile_height",
                self.mobile_height,
                &mut next.mobile_height,
                1200,
            ),
        ] {
            if let Some(n) = value {
                if n > most {
                    errors.say(
                        field,
                        format!("{n} pixels is more than {most}; give the ad's size in CSS pixels"),
                        Phrase::new("adm-refuse-ad-size")
                            .with("count", n.to_string())
                            .with("most", most.to_string()),
                    );
                } else {
                    *target = n;
                }
            }
        }
        if next.width == 0 || next.height == 0 {
            errors.say(
                "width",
                "the wide-screen size needs a width and a height above 0",
                Phrase::new("adm-refuse-ad-no-size"),
            );
        }
        if let Some(every) = self.every {
            if (1..=50).contains(&every) {
                next.every = every;
            } else {
                errors.say(
                    "every",
                    format!("{every} is not between 1 and 50"),
                    Phrase::new("adm-refuse-ad-every").with("every", every.to_string()),
                );
            }
        }
        match self.house_media_id {
            Some(None) | Some(Some(0)) => next.house = None,
            Some(Some(id)) => match photo {
                Some(photo) => {
                    let link = self
                        .house_link
                        .as_deref()
                        .or(next.house.as_ref().map(|h| h.link.as_str()))
                        .unwrap_or("");
                    let link = errors.check("house_link", crate::identity::check_page_link(link));
                    let alt = self
                        .house_alt
                        .as_deref()
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(str::to_owned)
                        .unwrap_or(photo.alt.clone());
                    if alt.is_empty() {
                        errors.say(
                            "house_alt",
                            "say what the house ad shows, for readers who cannot see it",
                            Phrase::new("adm-refuse-ad-alt"),
                        );
                    } else if alt.chars().count() > 300 {
                        errors.say(
                            "house_alt",
                            "the description is longer than 300 characters",
                            Phrase::new("adm-refuse-ad-alt-long").with("limit", 300_i64),
                        );
                    }
                    match link {
                        Some(Some(link)) => {
                            next.house = Some(HouseAd {
                                media_id: id,
                                link,
                                alt,
                                src: photo.src,
                                srcset: photo.srcset,
                                webp_srcset: photo.webp_srcset,
                                width: photo.width,
                                height: photo.height,
                            })
                        }
                        Some(None) => errors.say(
                            "house_link",
                            "a house ad needs the address it leads to, like /subscribe",
                            Phrase::new("adm-refuse-ad-link"),
                        ),
                        None => {}
                    }
                }
                None => errors.say(
                    "house_media_id",
                    format!("there is no photo {id} in the library; upload it first"),
                    Phrase::new("adm-refuse-ad-no-photo").with("id", id.to_string()),
                ),
            },
            None => {
                // The link or description of the house ad already there.
                if let Some(house) = next.house.as_mut() {
                    if let Some(link) = &self.house_link {
                        match errors.check("house_link", crate::identity::check_page_link(link)) {
                            Some(Some(link)) => house.link = link,
                            Some(None) => errors.say(
                                "house_link",
                                "a house ad needs the address it leads to, like /subscribe",
                                Phrase::new("adm-refuse-ad-link"),
                            ),
                            None => {}
                        }
                    }
                    if let Some(alt) = self
                        .house_alt
                        .as_deref()
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                    {
                        house.alt = alt.chars().take(300).collect();
                    }
                }
            }
        }
        errors.into_result().map(|()| next)
    }
}

fn check_code(text: &str) -> Result<Option<String>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let count = text.chars().count();
    if count > MAX_CODE {
        return Err(Problem::new(
            format!("the code is {count} characters long; the limit is {MAX_CODE}"),
            Phrase::new("adm-refuse-ad-code-long")
                .with("count", count.to_string())
                .with("limit", MAX_CODE.to_string()),
        ));
    }
    if text.contains('\0') {
        return Err(Problem::new(
            "the code contains a NUL character",
            Phrase::new("adm-refuse-ad-code-nul"),
        ));
    }
    Ok(Some(text.to_owned()))
}

/// Splits an article's body after its `n`th paragraph at the top level (not one inside a
/// quotation or a list); `None` when the body has fewer.
pub fn after_paragraph(html: &str, n: u32) -> Option<(&str, &str)> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let mut depth: i32 = 0;
    let mut seen = 0;
    let mut at = 0;
    while let Some(open) = html[at..].find('<') {
        let start = at + open;
        if html[start..].starts_with("<!--") {
            at = html[start..]
                .find("-->")
                .map_or(html.len(), |i| start + i + 3);
            continue;
        }
        let end = html[start..].find('>').map(|i| start + i + 1)?;
        let tag = &html[start + 1..end - 1];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if closing {
            depth -= 1;
            if name == "p" && depth == 0 {
                seen += 1;
                if seen == n {
                    return Some((&html[..end], &html[end..]));
                }
            }
        } else if !VOID.contains(&name.as_str()) && !tag.ends_with('/') && !name.is_empty() {
            depth += 1;
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ad_goes_after_the_nth_paragraph_of_the_body_not_inside_a_quote() {
        let body = "<p>One</p>\n<blockquote>\n<p>Quoted</p>\n</blockquote>\n<p>Two <img src=\"a\" alt=\"\"> <br></p>\n<p>Three</p>\n";
        let (before, after) = after_paragraph(body, 2).expect("two paragraphs");
        assert!(before.ends_with("<br></p>"), "{before}");
        assert_eq!(after, "\n<p>Three</p>\n");
        assert!(after_paragraph(body, 4).is_none());
    }

    #[test]
    fn a_house_ad_needs_a_photo_a_link_and_words() {
        let slot = AdSlot::empty(Place::Sidebar);
        let change = SlotChange {
            house_media_id: Some(Some(4)),
            house_link: Some("javascript:alert(1)".into()),
            ..SlotChange::default()
        };
        let photo = || HousePhoto {
            alt: "Subscribe".into(),
            src: "/media/x.png".into(),
            srcset: String::new(),
            webp_srcset: String::new(),
            width: 600,
            height: 500,
        };
        let errors = change.apply(&slot, Some(photo())).unwrap_err();
        assert_eq!(errors.0[0].field, "house_link");
        let change = SlotChange {
            house_media_id: Some(Some(4)),
            house_link: Some("/subscribe".into()),
            enabled: Some(true),
            ..SlotChange::default()
        };
        let saved = change.apply(&slot, Some(photo())).unwrap();
        assert!(saved.shows() && !saved.has_code());
        let gone = SlotChange {
            house_media_id: Some(None),
            ..SlotChange::default()
        };
        assert!(gone.apply(&saved, None).unwrap().house.is_none());
    }
}
