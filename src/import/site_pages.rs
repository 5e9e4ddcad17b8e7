//! An imported site's own pages (About, Contact...) brought as Newsdesk's pages, kept in
//! the import map (kind `page`) so a second run updates only what changed, with their old
//! addresses leading to where they are now.

use jiff::Timestamp;

use super::Report;
use crate::domain::Slug;
use crate::store::{ImportMapping, OldAddress, OldTarget, PageInput, Store, StoreError};

/// A published page of the old site, its body already Markdown.
#[derive(Debug, Clone)]
pub struct PageRecord {
    pub source_id: String,
    pub slug: String,
    pub title: String,
    pub body: String,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    /// Addresses of the old site that showed it (`/?page_id=2`, `/about-us`).
    pub old_paths: Vec<String>,
    pub notes: Vec<String>,
}

/// Brings a batch of pages for `source` (`wordpress`, `ghost`), adding their old
/// addresses to `addresses`.
pub async fn bring(
    store: &dyn Store,
    source: &str,
    records: Vec<PageRecord>,
    dry: bool,
    report: &mut Report,
    addresses: &mut Vec<OldAddress>,
) -> anyhow::Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    let known = store.import_mappings(source, "page").await?;
    let mut mappings = Vec::new();
    for record in records {
        let id = record.source_id.clone();
        report.count("pages").read += 1;
        let slug = match crate::pages::parse_page_slug(&record.slug) {
            Ok(slug) => slug,
            Err(_) => {
                let other = Slug::from_title(&format!("{}-page", record.slug));
                report.note(
                    "page",
                    &id,
                    format!(
                        "\"{}\" is an address the site itself uses: the page is at /{other}",
                        record.slug
                    ),
                );
                other
            }
        };
        let input = PageInput {
            slug,
            title: record.title.clone(),
            body: record.body.clone(),
            seo_title: record.seo_title.clone(),
            seo_description: record.seo_description.clone(),
            contact_form: false,
        };
        let print = crate::auth::sha256_hex(
            serde_json::to_string(&(
                input.slug.as_str(),
                &input.title,
                &input.body,
                &input.seo_title,
                &input.seo_description,
            ))
            .unwrap_or_default()
            .as_bytes(),
        );
        let page_id = match known.get(&id) {
            Some(mapped) if mapped.fingerprint == print => {
                report.count("pages").unchanged += 1;
                Some(mapped.target_id)
            }
            Some(mapped) if dry => {
                report.count("pages").updated += 1;
                Some(mapped.target_id)
            }
            Some(mapped) => match store.page_by_id(mapped.target_id).await {
                Ok(current) => {
                    report.count("pages").updated += 1;
                    let page = store
                        .update_page(current.id, current.version, &input, None, Timestamp::now())
                        .await?;
                    Some(page.id)
                }
                Err(StoreError::NotFound) => {
                    report.note(
                        "page",
                        &id,
                        "deleted here since an earlier import: not brought again",
                    );
                    report.count("pages").skipped += 1;
                    None
                }
                Err(other) => return Err(other.into()),
            },
            None => {
                for note in &record.notes {
                    report.note("page", &id, note.clone());
                }
                report.count("pages").created += 1;
                if dry {
                    None
                } else {
                    Some(create(store, input, &id, report).await?)
                }
            }
        };
        let Some(page_id) = page_id else { continue };
        mappings.push(ImportMapping {
            kind: "page".into(),
            source_id: id,
            target_id: page_id,
            fingerprint: print,
            extra: None,
        });
        if dry {
            continue;
        }
        let here = format!("/{}", store.page_by_id(page_id).await?.slug);
        for path in record.old_paths {
            if path != here {
                addresses.push(OldAddress {
                    path,
                    target: OldTarget::Path(here.clone()),
                });
            }
        }
    }
    if !dry {
        store
            .save_import_mappings(source, &mappings, Timestamp::now())
            .await?;
    }
    Ok(())
}

async fn create(
    store: &dyn Store,
    mut input: PageInput,
    id: &str,
    report: &mut Report,
) -> anyhow::Result<i64> {
    for attempt in 0..5u32 {
        match store.create_page(&input, None, Timestamp::now()).await {
            Ok(page) => return Ok(page.id),
            Err(StoreError::Taken { .. }) if attempt < 4 => {
                input.slug = input.slug.with_suffix(attempt + 2);
                report.note(
                    "page",
                    id,
                    format!("its slug was taken here: the page is at /{}", input.slug),
                );
            }
            Err(other) => return Err(other.into()),
        }
    }
    anyhow::bail!("page {id}: no free slug")
}
