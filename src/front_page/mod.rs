//! The front page run by editors: which story leads, which are top stories, what is
//! breaking, what label a story carries and how each section shows on the home page.
//! Empty slots fill with the newest stories not already shown, so a site nobody arranges
//! still looks right. The API, the newsroom's pages and the demo all go through here.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::domain::{FieldErrors, Problem};
use crate::i18n::Phrase;
use crate::newsroom::{Newsroom, NewsroomError, NewsroomResult, parse_time};
use crate::store::{
    Article, BlockStyle, BreakingNews, EditionFilter, Placement, PublicFilter, Section,
    SectionLayout, Slot, Store, StoreResult, User,
};

/// How many top stories sit under the lead.
pub const MAX_TOP: i64 = 4;
/// How long a story stays breaking when the editor names no time.
pub const BREAKING_DEFAULT: SignedDuration = SignedDuration::from_hours(2);
/// The labels every site has; a site may add its own (`LABELS_KEY`).
pub const DEFAULT_LABELS: &[&str] = &[
    "Live",
    "Exclusive",
    "Opinion",
    "Analysis",
    "Explainer",
    "Sponsored",
];
/// A label as a page in `locale`'s language shows it: the labels every site has in that
/// language (`label-live`), a site's own label as the newsroom wrote it.
pub fn label_in(locale: &crate::i18n::Locale, label: &str) -> String {
    if DEFAULT_LABELS.contains(&label) {
        locale.t(&format!("label-{}", label.to_ascii_lowercase()))
    } else {
        label.to_owned()
    }
}

/// The site value holding a site's own labels, one per line.
pub const LABELS_KEY: &str = "story_labels";
/// The label that also puts a disclosure line on the article.
pub const SPONSORED: &str = "Sponsored";
/// Stories in the "Latest" rail.
pub const LATEST: u32 = 10;

/// A placement as an editor or script sends it: `{"slot": "top", "position": 2,
/// "article_id": 9, "until": "2026-11-30T18:00:00+03:00"}`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SlotRequest {
    pub slot: String,
    pub position: Option<i64>,
    pub article_id: i64,
    pub until: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementRequest {
    pub slots: Vec<SlotRequest>,
}

/// Where a section sits, as an editor or script sends it; missing fields keep their value.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LayoutRequest {
    pub position: Option<i64>,
    /// A parent section's slug; an empty string makes it a top-level section.
    pub parent: Option<String>,
    pub on_home: Option<bool>,
    pub block_style: Option<String>,
    /// `#rgb` or `#rrggbb`; an empty string removes it.
    pub colour: Option<String>,
}

/// The home page as readers see it now.
#[derive(Debug, Default)]
pub struct Front {
    pub lead: Option<Article>,
    pub top: Vec<Article>,
    /// The newest stories, for the "Latest" rail.
    pub latest: Vec<Article>,
    /// Sections shown on the home page, with their stories not already above.
    pub blocks: Vec<(Section, Vec<Article>)>,
    /// Which of `lead` and `top` an editor placed (the rest filled themselves).
    pub placed: Vec<i64>,
}

/// Only editors and admins run the front page.
pub fn may_run_front(user: &User) -> NewsroomResult<()> {
    if user.role.is_editor() {
        Ok(())
    } else {
        Err(NewsroomError::Forbidden(format!(
            "The front page, breaking news and labels are run by editors and admins; you are {}.",
            user.role.with_article()
        )))
    }
}

/// Checks a CSS colour an editor typed: `#rgb` or `#rrggbb`.
pub fn parse_colour(text: &str) -> Result<Option<String>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let hex = text.strip_prefix('#').unwrap_or("");
    if matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(Some(format!("#{}", hex.to_ascii_lowercase())))
    } else {
        Err(Problem::new(
            format!("\"{text}\" is not a colour; write it as #rrggbb, like #a4161a"),
            Phrase::new("adm-refuse-colour").with("value", text),
        ))
    }
}

pub struct FrontPage<'a> {
    pub store: &'a dyn Store,
}

impl<'a> FrontPage<'a> {
    pub fn new(store: &'a dyn Store) -> Self {
        FrontPage { store }
    }

    /// The labels this site offers: the standard ones, then its own.
    pub async fn labels(&self) -> StoreResult<Vec<String>> {
        let mut labels: Vec<String> = DEFAULT_LABELS.iter().map(|l| (*l).to_owned()).collect();
        if let Some(own) = self.store.site_value(LABELS_KEY).await? {
            for label in own.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if !labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
                    labels.push(label.to_owned());
                }
            }
        }
        Ok(labels)
    }

    /// Saves the site's own labels (one per line) after the standard ones.
    pub async fn set_own_labels(&self, text: &str, user: &User) -> NewsroomResult<()> {
        may_run_front(user)?;
        let mut own: Vec<String> = Vec::new();
        for label in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if label.chars().count() > 30 {
                return Err(NewsroomError::Invalid(FieldErrors::single(
                    "labels",
                    Problem::new(
                        format!(
                            "\"{label}\" is longer than 30 characters; labels are one or two words"
                        ),
                        Phrase::new("adm-refuse-label-long")
                            .with("label", label)
                            .with("limit", 30_i64),
                    ),
                )));
            }
            if !DEFAULT_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
                && !own.iter().any(|l| l.eq_ignore_ascii_case(label))
            {
                own.push(label.to_owned());
            }
        }
        if own.len() > 20 {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "labels",
                Problem::new(
                    "a site may add at most 20 labels of its own",
                    Phrase::new("adm-refuse-labels-many").with("count", 20_i64),
                ),
            )));
        }
        self.store
            .set_site_value(LABELS_KEY, &own.join("\n"))
            .await?;
        Newsroom::new(self.store)
            .audit(
                Some(user),
                "change labels",
                "story labels",
                Some(own.join(", ")),
                Timestamp::now(),
            )
            .await;
        Ok(())
    }

    /// Checks a placement against the rules and the stories that exist, naming every
    /// problem: one lead, top positions 1-4 once each, each story once, published, with an
    /// `until` still ahead.
    pub async fn check_placement(
        &self,
        request: &PlacementRequest,
        now: Timestamp,
    ) -> NewsroomResult<Vec<Placement>> {
        let mut errors = FieldErrors::new();
        let mut placements: Vec<Placement> = Vec::new();
        for (n, slot) in request.slots.iter().enumerate() {
            let field = format!("slots[{n}]");
            let Some(kind) = errors.check(&field, Slot::parse(slot.slot.trim())) else {
                continue;
            };
            let position = match (kind, slot.position) {
                (Slot::Lead, None | Some(1)) => 1,
                (Slot::Lead, Some(other)) => {
                    errors.say(
                        &field,
                        format!("the lead has one position, 1, not {other}"),
                        Phrase::new("adm-refuse-lead-position").with("position", other.to_string()),
                    );
                    continue;
                }
                (Slot::Top, Some(p)) if (1..=MAX_TOP).contains(&p) => p,
                (Slot::Top, None) => {
                    // The next free top position, in the order they were sent.
                    let used = placements.iter().filter(|p| p.slot == Slot::Top).count();
                    i64::try_from(used).unwrap_or(MAX_TOP) + 1
                }
                (Slot::Top, Some(other)) => {
                    errors.say(
                        &field,
                        format!("top stories take positions 1 to {MAX_TOP}, not {other}"),
                        Phrase::new("adm-refuse-top-position")
                            .with("most", MAX_TOP)
                            .with("position", other.to_string()),
                    );
                    continue;
                }
            };
            if kind == Slot::Top && position > MAX_TOP {
                errors.say(
                    &field,
                    format!("there are only {MAX_TOP} top-story slots"),
                    Phrase::new("adm-refuse-top-slots").with("count", MAX_TOP),
                );
                continue;
            }
            let until = match slot.until.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => match parse_time(text) {
                    Ok(at) if at <= now => {
                        errors.say(
                            &field,
                            format!("until {text} has already passed; give a time ahead"),
                            Phrase::new("adm-refuse-until-passed").with("until", text),
                        );
                        continue;
                    }
                    Ok(at) => Some(at),
                    Err(message) => {
                        errors.add(&field, message);
                        continue;
                    }
                },
            };
            if placements
                .iter()
                .any(|p| p.slot == kind && p.position == position)
            {
                errors.say(
                    &field,
                    format!("{} position {position} is given twice", kind.as_str()),
                    Phrase::new("adm-refuse-position-twice")
                        .with("slot", kind.as_str())
                        .with("position", position.to_string()),
                );
                continue;
            }
            if placements.iter().any(|p| p.article_id == slot.article_id) {
                errors.say(
                    &field,
                    format!("article {} is placed twice", slot.article_id),
                    Phrase::new("adm-refuse-placed-twice").with("id", slot.article_id.to_string()),
                );
                continue;
            }
            placements.push(Placement {
                slot: kind,
                position,
                article_id: slot.article_id,
                until,
            });
        }
        let ids: Vec<i64> = placements.iter().map(|p| p.article_id).collect();
        let public = self.store.public_articles_by_ids(&ids, now).await?;
        for (n, placement) in placements.iter().enumerate() {
            if public.iter().any(|a| a.id == placement.article_id) {
                continue;
            }
            let id = placement.article_id;
            let message = match self.store.article_by_id(id).await {
                Ok(article) => Problem::new(
                    format!(
                        "article {id} (\"{}\") is not published; only published stories go on the front page",
                        article.title
                    ),
                    Phrase::new("adm-refuse-front-unpublished")
                        .with("id", id.to_string())
                        .with("title", article.title.as_str()),
                ),
                Err(crate::store::StoreError::NotFound) => Problem::new(
                    format!("there is no article {id}"),
                    Phrase::new("adm-refuse-no-article").with("id", id.to_string()),
                ),
                Err(other) => return Err(other.into()),
            };
            errors.add(&format!("slots[{n}].article_id"), message);
        }
        errors.into_result().map_err(NewsroomError::Invalid)?;
        Ok(placements)
    }

    /// Replaces the placement (editors and admins), with a line in the audit log.
    pub async fn replace(
        &self,
        request: &PlacementRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<Vec<Placement>> {
        may_run_front(user)?;
        let placements = self.check_placement(request, now).await?;
        self.store
            .replace_placements(&placements, Some(user.id), now)
            .await?;
        let detail = placements
            .iter()
            .map(|p| match p.slot {
                Slot::Lead => format!("lead: #{}", p.article_id),
                Slot::Top => format!("top {}: #{}", p.position, p.article_id),
            })
            .collect::<Vec<_>>()
            .join(", ");
        Newsroom::new(self.store)
            .audit(
                Some(user),
                "arrange front page",
                "the front page",
                Some(if detail.is_empty() {
                    "no placed stories".into()
                } else {
                    detail
                }),
                now,
            )
            .await;
        Ok(placements)
    }

    /// The placements still in force.
    pub async fn active_placements(&self, now: Timestamp) -> StoreResult<Vec<Placement>> {
        Ok(self
            .store
            .placements()
            .await?
            .into_iter()
            .filter(|p| p.is_active(now))
            .collect())
    }

    /// Marks a published story as breaking until `until` (two hours when not given).
    pub async fn set_breaking(
        &self,
        article_id: i64,
        until: Option<&str>,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<(BreakingNews, Article)> {
        may_run_front(user)?;
        let until = match until.map(str::trim).filter(|t| !t.is_empty()) {
            None => now + BREAKING_DEFAULT,
            Some(text) => {
                let at = parse_time(text)
                    .map_err(|m| NewsroomError::Invalid(FieldErrors::single("until", m)))?;
                if at <= now {
                    return Err(NewsroomError::Invalid(FieldErrors::single(
                        "until",
                        Problem::new(
                            format!("{text} has already passed; give a time ahead"),
                            Phrase::new("adm-refuse-time-passed").with("time", text),
                        ),
                    )));
                }
                at
            }
        };
        let article = self.store.article_by_id(article_id).await?;
        if !article.is_public(now) {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "article_id",
                Problem::new(
                    format!(
                        "article {article_id} (\"{}\") is not published; only published stories can be breaking news",
                        article.title
                    ),
                    Phrase::new("adm-refuse-breaking-unpublished")
                        .with("id", article_id.to_string())
                        .with("title", article.title.as_str()),
                ),
            )));
        }
        self.store
            .set_breaking_news(article_id, until, Some(user.id), now)
            .await?;
        Newsroom::new(self.store)
            .audit(
                Some(user),
                "set breaking news",
                &format!("article \"{}\" (#{})", article.title, article.id),
                Some(format!("until {until}")),
                now,
            )
            .await;
        let banner = BreakingNews {
            article_id,
            until,
            set_by: Some(user.id),
            set_at: now,
        };
        Ok((banner, article))
    }

    /// Takes the banner down; answers whether one was up.
    pub async fn clear_breaking(&self, user: &User, now: Timestamp) -> NewsroomResult<bool> {
        may_run_front(user)?;
        let cleared = self.store.clear_breaking_news().await?;
        if cleared {
            Newsroom::new(self.store)
                .audit(Some(user), "clear breaking news", "the banner", None, now)
                .await;
        }
        Ok(cleared)
    }

    /// The banner readers see now, with its story: none once it has expired or its story
    /// is no longer public.
    pub async fn active_breaking(
        &self,
        now: Timestamp,
    ) -> StoreResult<Option<(BreakingNews, Article)>> {
        let Some(banner) = self.store.breaking_news().await? else {
            return Ok(None);
        };
        if banner.until <= now {
            return Ok(None);
        }
        let article = self
            .store
            .public_articles_by_ids(&[banner.article_id], now)
            .await?
            .into_iter()
            .next();
        Ok(article.map(|article| (banner, article)))
    }

    /// Sets or removes a story's label; it must be one the site offers.
    pub async fn set_label(
        &self,
        article_id: i64,
        label: Option<&str>,
        user: &User,
    ) -> NewsroomResult<Option<String>> {
        may_run_front(user)?;
        let label = label.map(str::trim).filter(|l| !l.is_empty());
        let label = match label {
            None => None,
            Some(wanted) => {
                let labels = self.labels().await?;
                match labels.iter().find(|l| l.eq_ignore_ascii_case(wanted)) {
                    Some(found) => Some(found.clone()),
                    None => {
                        return Err(NewsroomError::Invalid(FieldErrors::single(
                            "label",
                            Problem::new(
                                format!(
                                    "\"{wanted}\" is not one of this site's labels: {}",
                                    labels.join(", ")
                                ),
                                Phrase::new("adm-refuse-label-unknown")
                                    .with("label", wanted)
                                    .with("labels", labels.join(", ")),
                            ),
                        )));
                    }
                }
            }
        };
        let article = self.store.article_by_id(article_id).await?;
        self.store
            .set_article_label(article_id, label.as_deref())
            .await?;
        Newsroom::new(self.store)
            .audit(
                Some(user),
                "label article",
                &format!("article \"{}\" (#{})", article.title, article.id),
                Some(label.clone().unwrap_or_else(|| "no label".into())),
                Timestamp::now(),
            )
            .await;
        Ok(label)
    }

    /// Changes where a section sits: menu position, parent, home-page block and colour.
    pub async fn set_layout(
        &self,
        section_id: i64,
        request: &LayoutRequest,
        user: &User,
    ) -> NewsroomResult<Section> {
        may_run_front(user)?;
        self.apply_layout(section_id, request).await
    }

    /// `set_layout` for a door that has checked the role already (sections' own forms).
    pub async fn apply_layout(
        &self,
        section_id: i64,
        request: &LayoutRequest,
    ) -> NewsroomResult<Section> {
        let current = self.store.section_by_id(section_id).await?;
        let mut errors = FieldErrors::new();
        let parent_id = match request.parent.as_deref().map(str::trim) {
            None => current.parent_id,
            Some("") => None,
            Some(slug) => match self.store.section_by_slug(slug).await {
                Ok(parent) if parent.id == section_id => {
                    errors.say(
                        "parent",
                        "a section cannot be its own parent",
                        Phrase::new("adm-refuse-own-parent"),
                    );
                    None
                }
                Ok(parent) if parent.language != current.language => {
                    let edition = |language: Option<crate::domain::Language>| {
                        language.map_or_else(
                            || "the site's own language".to_owned(),
                            |l| format!("\"{l}\""),
                        )
                    };
                    errors.say(
                        "parent",
                        format!(
                            "\"{}\" is in the edition in {}, this section in {}: a subsection is in its parent's edition, so give them the same language first",
                            parent.name,
                            edition(parent.language),
                            edition(current.language)
                        ),
                        Phrase::new("adm-refuse-parent-edition").with("name", parent.name.as_str()),
                    );
                    None
                }
                Ok(parent) if parent.parent_id.is_some() => {
                    errors.say(
                        "parent",
                        format!(
                            "\"{}\" is itself a subsection; subsections go one level deep",
                            parent.name
                        ),
                        Phrase::new("adm-refuse-parent-nested").with("name", parent.name.as_str()),
                    );
                    None
                }
                Ok(parent) => {
                    let children = self
                        .store
                        .list_sections()
                        .await?
                        .iter()
                        .any(|s| s.parent_id == Some(section_id));
                    if children {
                        errors.say(
                            "parent",
                            "this section has subsections of its own, so it cannot become one",
                            Phrase::new("adm-refuse-parent-has-children"),
                        );
                    }
                    Some(parent.id)
                }
                Err(crate::store::StoreError::NotFound) => {
                    errors.say(
                        "parent",
                        format!("there is no section \"{slug}\""),
                        Phrase::new("adm-refuse-no-section").with("slug", slug),
                    );
                    None
                }
                Err(other) => return Err(other.into()),
            },
        };
        let block_style = match request.block_style.as_deref().map(str::trim) {
            None | Some("") => current.block_style,
            Some(text) => errors
                .check("block_style", BlockStyle::parse(text))
                .unwrap_or_default(),
        };
        let colour = match request.colour.as_deref() {
            None => current.colour.clone(),
            Some(text) => errors.check("colour", parse_colour(text)).flatten(),
        };
        let position = match request.position {
            None => current.position,
            Some(p) if (0..=10_000).contains(&p) => p,
            Some(p) => {
                errors.say(
                    "position",
                    format!("{p} is not a menu position; use 0 to 10000"),
                    Phrase::new("adm-refuse-menu-position").with("position", p.to_string()),
                );
                current.position
            }
        };
        errors.into_result().map_err(NewsroomError::Invalid)?;
        let layout = SectionLayout {
            position,
            parent_id,
            on_home: request.on_home.unwrap_or(current.on_home),
            block_style,
            colour,
        };
        let section = self.store.set_section_layout(section_id, &layout).await?;
        Ok(section)
    }

    /// The home page now: placed stories where editors put them, empty slots filled with
    /// the newest stories not already shown, the latest rail and the sections' blocks.
    pub async fn compose(
        &self,
        edition: Option<EditionFilter>,
        now: Timestamp,
    ) -> StoreResult<Front> {
        // An edition's front page holds its own stories: placed ones in another language
        // are for that edition's.
        let in_edition = |a: &Article| edition.is_none_or(|e| EditionFilter::of(a.language()) == e);
        let placements = self.active_placements(now).await?;
        let ids: Vec<i64> = placements.iter().map(|p| p.article_id).collect();
        let placed_articles: Vec<Article> = self
            .store
            .public_articles_by_ids(&ids, now)
            .await?
            .into_iter()
            .filter(|a| in_edition(a))
            .collect();
        let find = |id: i64| placed_articles.iter().find(|a| a.id == id).cloned();
        let everything = PublicFilter {
            edition,
            ..PublicFilter::default()
        };
        let newest = self
            .store
            .latest_public_articles(everything, 12 + MAX_TOP as u32, now)
            .await?;
        let mut shown: Vec<i64> = placed_articles.iter().map(|a| a.id).collect();
        let mut fill = newest.iter().filter(|a| !ids.contains(&a.id));
        let mut next_unshown = |shown: &mut Vec<i64>| -> Option<Article> {
            let article = fill.find(|a| !shown.contains(&a.id))?.clone();
            shown.push(article.id);
            Some(article)
        };
        let lead = match placements
            .iter()
            .find(|p| p.slot == Slot::Lead)
            .and_then(|p| find(p.article_id))
        {
            Some(article) => Some(article),
            None => next_unshown(&mut shown),
        };
        let mut top = Vec::new();
        for position in 1..=MAX_TOP {
            let placed = placements
                .iter()
                .find(|p| p.slot == Slot::Top && p.position == position)
                .and_then(|p| find(p.article_id));
            match placed.or_else(|| next_unshown(&mut shown)) {
                Some(article) => top.push(article),
                None => break,
            }
        }
        let placed = placed_articles.iter().map(|a| a.id).collect();
        let latest = newest.iter().take(LATEST as usize).cloned().collect();
        let mut blocks = Vec::new();
        let mut above: Vec<i64> = lead.iter().chain(top.iter()).map(|a| a.id).collect();
        for section in self.store.list_sections().await? {
            if !section.on_home || edition.is_some_and(|e| EditionFilter::of(section.language) != e)
            {
                continue;
            }
            let want = match section.block_style {
                BlockStyle::LeadList => 4,
                BlockStyle::Grid => 4,
                BlockStyle::List => 5,
            };
            let filter = PublicFilter {
                section_id: Some(section.id),
                ..Default::default()
            };
            let stories: Vec<Article> = self
                .store
                .latest_public_articles(filter, want + 5, now)
                .await?
                .into_iter()
                .filter(|a| !above.contains(&a.id))
                .take(want as usize)
                .collect();
            if stories.is_empty() {
                continue;
            }
            above.extend(stories.iter().map(|a| a.id));
            blocks.push((section, stories));
        }
        Ok(Front {
            lead,
            top,
            latest,
            blocks,
            placed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_hex() {
        assert_eq!(parse_colour("#A4161A"), Ok(Some("#a4161a".into())));
        assert_eq!(parse_colour(" "), Ok(None));
        assert!(parse_colour("red").is_err());
        assert!(parse_colour("#12345").is_err());
    }
}
