//! The header and footer menus: what an entry may lead to (a section, a page, or an http(s)
//! address or path on this site: never `javascript:` or another scheme), who may change
//! them (admins), and the menus as every page shows them. The header menu is the sections
//! until an admin sets it. Readers' pages read the menus from memory (`crate::reading`).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::changes::{self, Touched};
use crate::domain::{FieldErrors, Problem, Role, optional_text, parse_public_url};
use crate::i18n::Phrase;
use crate::newsroom::{Newsroom, NewsroomError, NewsroomResult};
use crate::store::{Menu, MenuItem, MenuTarget, Store, StoreResult, User};

pub const MAX_LABEL: usize = 60;
/// Most entries in one menu.
pub const MAX_ITEMS: usize = 30;

/// One link of a menu as pages show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MenuLink {
    pub label: String,
    pub url: String,
    /// A section's subsections, for the menu panel.
    pub children: Vec<MenuLink>,
}

/// Both menus as every page shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Menus {
    pub header: Vec<MenuLink>,
    pub footer: Vec<MenuLink>,
}

/// One entry as an admin sends it: `target` is `section:ID`, `page:ID` or `link` (with
/// `url`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuEntryRequest {
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// A section's menu link (its own name unless `label` says otherwise), with its
/// subsections under it.
fn section_menu_link(
    section: &crate::store::Section,
    label: Option<&str>,
    sections: &[crate::store::Section],
) -> MenuLink {
    MenuLink {
        label: label.unwrap_or(&section.name).to_owned(),
        url: section.path(),
        children: sections
            .iter()
            .filter(|c| c.parent_id == Some(section.id))
            .map(|c| MenuLink {
                label: c.name.clone(),
                url: c.path(),
                children: Vec::new(),
            })
            .collect(),
    }
}

/// Reads the menus with their sections' and pages' current names and addresses.
pub async fn load(store: &dyn Store) -> StoreResult<Menus> {
    let sections = store.list_sections().await?;
    let pages = store.list_pages().await?;
    let section_link = |id: i64, label: Option<&str>| {
        sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| section_menu_link(s, label, &sections))
    };
    let mut menus = Menus::default();
    let mut header_set = false;
    for (menu, item) in store.menu_items().await? {
        let label = item.label.as_deref();
        let link = match &item.target {
            MenuTarget::Section(id) => section_link(*id, label),
            MenuTarget::Page(id) => pages.iter().find(|p| p.id == *id).map(|p| MenuLink {
                label: label.unwrap_or(&p.title).to_owned(),
                url: crate::editions::path_in(p.language, &format!("/{}", p.slug)),
                children: Vec::new(),
            }),
            MenuTarget::Link(url) => Some(MenuLink {
                label: label.unwrap_or(url).to_owned(),
                url: url.clone(),
                children: Vec::new(),
            }),
        };
        match menu {
            Menu::Header => {
                header_set = true;
                menus.header.extend(link);
            }
            Menu::Footer => menus.footer.extend(link),
        }
    }
    if !header_set {
        menus.header = sections
            .iter()
            .filter(|s| s.parent_id.is_none())
            .filter_map(|s| section_link(s.id, None))
            .collect();
    }
    Ok(menus)
}

/// The menus as a page of `edition` shows them (`sections` are the edition's): the links
/// into the edition. An edition whose header menu leads nowhere in it shows its sections.
pub fn for_edition(
    menus: &Menus,
    sections: &[crate::store::Section],
    edition: &crate::editions::Edition,
) -> Menus {
    if !edition.several {
        return menus.clone();
    }
    let prefix = edition.prefix();
    let inside = |link: &&MenuLink| match edition.language {
        Some(_) => link.url.starts_with(&format!("{prefix}/")),
        // The default edition's links are those that lead into no other edition.
        None => crate::editions::split_path(&link.url).is_none(),
    };
    let mut header: Vec<MenuLink> = menus.header.iter().filter(inside).cloned().collect();
    if header.is_empty() {
        header = sections
            .iter()
            .filter(|s| s.parent_id.is_none())
            .map(|s| section_menu_link(s, None, sections))
            .collect();
    }
    Menus {
        header,
        footer: menus.footer.iter().filter(inside).cloned().collect(),
    }
}

/// A menu's stored entries for the editor: the header's are the sections while unset.
pub async fn entries(store: &dyn Store, menu: Menu) -> StoreResult<Vec<MenuItem>> {
    let stored: Vec<MenuItem> = store
        .menu_items()
        .await?
        .into_iter()
        .filter(|(m, _)| *m == menu)
        .map(|(_, item)| item)
        .collect();
    if stored.is_empty() && menu == Menu::Header {
        return Ok(store
            .list_sections()
            .await?
            .iter()
            .filter(|s| s.parent_id.is_none())
            .map(|s| MenuItem {
                label: None,
                target: MenuTarget::Section(s.id),
            })
            .collect());
    }
    Ok(stored)
}

/// An address a menu may lead to, with a sentence for the ones it may not.
pub fn parse_menu_url(text: &str) -> Result<String, Problem> {
    let lower = text.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|s| !s.is_empty() && !s.contains('/'));
    if let Some(scheme) = scheme
        && scheme != "http"
        && scheme != "https"
    {
        return Err(Problem::new(
            format!(
                "{scheme}: addresses are refused (they can run code or leave the web); use an \
                 http(s) address or a path on this site starting with /"
            ),
            Phrase::new("lib-menu-scheme-refused").with("scheme", scheme),
        ));
    }
    parse_public_url(text, "the address")
}

/// Checks a menu's entries as an admin sent them, in order; errors name `items.N.field`.
pub async fn check_entries(
    store: &dyn Store,
    requests: &[MenuEntryRequest],
) -> NewsroomResult<Vec<MenuItem>> {
    let mut errors = FieldErrors::new();
    if requests.len() > MAX_ITEMS {
        errors.say(
            "items",
            format!(
                "a menu holds up to {MAX_ITEMS} entries; this one has {}",
                requests.len()
            ),
            Phrase::new("lib-menu-too-many")
                .with("limit", MAX_ITEMS)
                .with("count", requests.len()),
        );
    }
    let sections = store.list_sections().await?;
    let pages = store.list_pages().await?;
    let mut items = Vec::new();
    for (n, request) in requests.iter().enumerate() {
        let field = |name: &str| format!("items.{n}.{name}");
        let label = errors
            .check(
                &field("label"),
                optional_text(request.label.as_deref(), "the label", MAX_LABEL),
            )
            .flatten();
        let id = |prefix: &str| {
            request
                .target
                .strip_prefix(prefix)
                .and_then(crate::domain::parse_id)
        };
        let target = match request.target.trim() {
            "link" => {
                if label.is_none() {
                    errors.say(
                        &field("label"),
                        "a link needs a label to show",
                        Phrase::new("lib-menu-link-needs-label"),
                    );
                }
                errors
                    .check(
                        &field("url"),
                        parse_menu_url(request.url.as_deref().unwrap_or("")),
                    )
                    .map(MenuTarget::Link)
            }
            t if t.starts_with("section:") => match id("section:") {
                Some(id) if sections.iter().any(|s| s.id == id) => Some(MenuTarget::Section(id)),
                _ => {
                    errors.say(
                        &field("target"),
                        "that section no longer exists",
                        Phrase::new("lib-menu-section-gone"),
                    );
                    None
                }
            },
            t if t.starts_with("page:") => match id("page:") {
                Some(id) if pages.iter().any(|p| p.id == id) => Some(MenuTarget::Page(id)),
                _ => {
                    errors.say(
                        &field("target"),
                        "that page no longer exists",
                        Phrase::new("lib-menu-page-gone"),
                    );
                    None
                }
            },
            other => {
                errors.say(
                    &field("target"),
                    format!(
                        "\"{other}\" is not something a menu leads to; choose a section, a page \
                         or a link"
                    ),
                    Phrase::new("lib-menu-target-unknown").with("value", other),
                );
                None
            }
        };
        if let Some(target) = target {
            items.push(MenuItem { label, target });
        }
    }
    errors.into_result().map_err(NewsroomError::Invalid)?;
    Ok(items)
}

/// Replaces a menu (admins only). Menus are on every page: every cached page goes.
pub async fn save(
    store: &dyn Store,
    menu: Menu,
    requests: &[MenuEntryRequest],
    user: &User,
    now: Timestamp,
) -> NewsroomResult<Vec<MenuItem>> {
    if user.role != Role::Admin {
        return Err(NewsroomError::Forbidden(format!(
            "Menus are set by admins; you are {}.",
            user.role.with_article()
        )));
    }
    let items = check_entries(store, requests).await?;
    store.replace_menu(menu, &items).await?;
    changes::record(Touched::Everything);
    Newsroom::new(store)
        .audit(
            Some(user),
            "change menu",
            &format!("the {} menu", menu.as_str()),
            Some(format!("{} entries", items.len())),
            now,
        )
        .await;
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_lead_only_to_web_addresses() {
        assert!(parse_menu_url("https://example.com/x").is_ok());
        assert!(parse_menu_url("/about").is_ok());
        let refused = parse_menu_url("javascript:alert(1)").expect_err("refused");
        assert!(
            refused
                .english
                .starts_with("javascript: addresses are refused"),
            "{refused}"
        );
        assert!(parse_menu_url("JavaScript:alert(1)").is_err());
        assert!(parse_menu_url("data:text/html,x").is_err());
        assert!(parse_menu_url("//evil.test").is_err());
        assert!(parse_menu_url("mailto:desk@example.com").is_err());
        assert!(parse_menu_url("about").is_err());
    }
}
