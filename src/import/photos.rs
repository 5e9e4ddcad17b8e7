//! Photos of an imported site brought into the media library from a copy of the old site's
//! files (`--uploads`), with every size the library makes. Each file is brought once per
//! run; the library keeps each photo once by the hash of its bytes, so a second run finds
//! the same item again.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use crate::media::{self, MediaLimits, MediaStorage};
use crate::store::{MediaVariant, NewMedia, Store, StoreError};

/// The old site's files and where the library keeps photos.
pub struct Photos {
    folder: PathBuf,
    storage: Arc<dyn MediaStorage>,
    limits: MediaLimits,
    /// Relative path -> the library item and its address, or why the photo could not be
    /// brought.
    done: HashMap<String, Result<(i64, String), String>>,
}

impl Photos {
    pub fn new(folder: &Path, storage: Arc<dyn MediaStorage>, limits: MediaLimits) -> Photos {
        Photos {
            folder: folder.to_owned(),
            storage,
            limits,
            done: HashMap::new(),
        }
    }

    /// Where a relative path of the old site is in the copy, if it stays inside it.
    fn file(&self, relative: &str) -> Option<PathBuf> {
        let relative = Path::new(relative.trim_start_matches('/'));
        let inside = relative
            .components()
            .all(|part| matches!(part, Component::Normal(_)));
        inside.then(|| self.folder.join(relative))
    }

    /// Whether the copy holds the file (what a dry run checks).
    pub fn exists(&self, relative: &str) -> bool {
        self.file(relative).is_some_and(|path| path.is_file())
    }

    /// The library address of the photo at `relative` in the copy, bringing it in the first
    /// time it is asked for; `Err` says why it could not be.
    pub async fn bring(
        &mut self,
        store: &dyn Store,
        relative: &str,
        credit: Option<&str>,
        caption: Option<&str>,
    ) -> Result<String, String> {
        self.bring_described(store, relative, "", credit, caption)
            .await
    }

    /// `bring`, with the photo's alt text when the source has one.
    pub async fn bring_described(
        &mut self,
        store: &dyn Store,
        relative: &str,
        alt: &str,
        credit: Option<&str>,
        caption: Option<&str>,
    ) -> Result<String, String> {
        self.bring_media(store, relative, alt, credit, caption)
            .await
            .map(|(_, address)| address)
    }

    /// `bring_described`, answering the library item's id with its address (galleries and
    /// lists hold library photos by id).
    pub async fn bring_media(
        &mut self,
        store: &dyn Store,
        relative: &str,
        alt: &str,
        credit: Option<&str>,
        caption: Option<&str>,
    ) -> Result<(i64, String), String> {
        if let Some(done) = self.done.get(relative) {
            return done.clone();
        }
        let outcome = self.bring_new(store, relative, alt, credit, caption).await;
        self.done.insert(relative.to_owned(), outcome.clone());
        outcome
    }

    async fn bring_new(
        &self,
        store: &dyn Store,
        relative: &str,
        alt: &str,
        credit: Option<&str>,
        caption: Option<&str>,
    ) -> Result<(i64, String), String> {
        let path = self
            .file(relative)
            .ok_or_else(|| format!("{relative} is not a path inside the uploads folder"))?;
        let bytes = match tokio::fs::read(&path).await {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Err(format!("{} is missing", path.display()));
            }
            Err(error) => return Err(format!("{} cannot be read: {error}", path.display())),
        };
        let limits = self.limits;
        let processed = tokio::task::spawn_blocking(move || media::process(bytes, limits))
            .await
            .map_err(|error| format!("processing stopped: {error}"))?
            .map_err(|error| format!("{}: {error}", path.display()))?;
        match store.media_by_hash(&processed.hash).await {
            Ok(existing) => return Ok((existing.id, address(&existing.variants))),
            Err(StoreError::NotFound) => {}
            Err(other) => return Err(other.to_string()),
        }
        let put = async {
            self.storage
                .put(&processed.original_key, &processed.original)
                .await?;
            for variant in &processed.variants {
                self.storage.put(&variant.key, &variant.bytes).await?;
            }
            anyhow::Ok(())
        };
        put.await
            .map_err(|error| format!("could not store {}: {error:#}", path.display()))?;
        let new = NewMedia {
            hash: processed.hash.clone(),
            original_type: processed.kind.mime().to_owned(),
            original_key: processed.original_key.clone(),
            width: processed.width,
            height: processed.height,
            bytes: processed.original.len() as i64,
            alt: alt.to_owned(),
            credit: credit.map(str::to_owned),
            caption: caption.map(str::to_owned),
            variants: processed
                .variants
                .iter()
                .map(|v| MediaVariant {
                    width: v.width,
                    height: v.height,
                    mime: v.mime.to_owned(),
                    key: v.key.clone(),
                })
                .collect(),
            uploaded_by: None,
        };
        match store.create_media(&new, Timestamp::now()).await {
            Ok(media) => Ok((media.id, address(&media.variants))),
            Err(StoreError::Taken { .. }) => store
                .media_by_hash(&new.hash)
                .await
                .map(|media| (media.id, address(&media.variants)))
                .map_err(|error| error.to_string()),
            Err(other) => Err(other.to_string()),
        }
    }
}

/// The address an article shows a library photo at: its widest size in the original's
/// kind (the page makes the other sizes from it).
fn address(variants: &[MediaVariant]) -> String {
    variants
        .iter()
        .rev()
        .find(|v| v.mime != "image/webp")
        .or_else(|| variants.last())
        .map(|v| media::variant_url(&v.key))
        .unwrap_or_default()
}
