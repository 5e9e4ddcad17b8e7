//! `newsdesk backup` and `newsdesk restore`: a copy of a site taken while it serves (its
//! database as it stood at one moment, its photo files, and a manifest counting what is in
//! it), and bringing that copy back into an empty site, checked against the manifest.
//!
//! A backup folder holds `manifest.json` (written last: a folder without it is unfinished),
//! the database (`newsdesk.db`, SQLite's own online copy, or `site.ndjson`, the archive
//! `export` writes in one snapshot, for PostgreSQL), `media/` (the photo files, when the site
//! keeps them on this machine) and the site's `newsdesk.toml`. Everything in it is readable
//! by its owner only: it holds password hashes and the site's secret.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::config::Settings;
use crate::store::{self, Store, TableCounts};

pub const FORMAT: &str = "newsdesk-backup";
pub const VERSION: i64 = 1;
const MANIFEST: &str = "manifest.json";
const DATABASE_FILE: &str = "newsdesk.db";
const ARCHIVE_FILE: &str = "site.ndjson";
const MEDIA: &str = "media";
const SETTINGS_FILE: &str = "newsdesk.toml";
/// The folders of a media store that hold photo files.
const MEDIA_FOLDERS: [&str; 2] = ["originals", "variants"];

/// What a backup holds, written beside it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: i64,
    /// When the database was copied (RFC 3339).
    pub taken_at: String,
    /// The Newsdesk release that took it.
    pub newsdesk_version: String,
    /// `newsdesk.db` (a SQLite site's database) or `site.ndjson` (the export archive).
    pub database: String,
    /// Rows per archived table in the copy.
    pub counts: TableCounts,
    pub media: MediaManifest,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MediaManifest {
    /// The site's `media_store` setting: `local`, `file:///folder` or `s3://bucket/prefix`.
    pub store: String,
    /// Whether the photo files are in the backup's `media/` folder.
    pub copied: bool,
    pub files: u64,
    pub bytes: u64,
}

/// Takes a backup of a running site into `out`, a new or empty folder.
pub async fn backup(
    settings: &Settings,
    store: &dyn Store,
    out: &Path,
) -> anyhow::Result<Manifest> {
    new_private_folder(out)?;
    let media_folder =
        crate::media::local_folder(settings.media_store.as_deref(), &settings.data_dir);
    let media_copy = out.join(MEDIA);
    // Photos are copied before and after the database: a photo the copy names was stored
    // before it was recorded, so it is in one pass or the other.
    if let Some(folder) = &media_folder {
        copy_media_blocking(folder.clone(), media_copy.clone()).await?;
    }
    let taken_at = Timestamp::now();
    let (database, counts) = match store.copy_database(&out.join(DATABASE_FILE)).await? {
        Some(counts) => (DATABASE_FILE, counts),
        None => {
            let path = out.join(ARCHIVE_FILE);
            let mut writer = std::io::BufWriter::new(crate::cli::create_private(&path)?);
            let counts = crate::archive::export(store, &mut writer).await?;
            writer
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|file| file.sync_all())
                .with_context(|| format!("could not write {}", path.display()))?;
            (ARCHIVE_FILE, counts)
        }
    };
    let (files, bytes) = match &media_folder {
        Some(folder) => copy_media_blocking(folder.clone(), media_copy).await?,
        None => (0, 0),
    };
    let settings_file = settings.data_dir.join(SETTINGS_FILE);
    if settings_file.is_file() {
        copy_private(&settings_file, &out.join(SETTINGS_FILE))?;
    }
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        version: VERSION,
        taken_at: taken_at.to_string(),
        newsdesk_version: env!("CARGO_PKG_VERSION").to_owned(),
        database: database.to_owned(),
        counts,
        media: MediaManifest {
            store: settings
                .media_store
                .clone()
                .unwrap_or_else(|| "local".to_owned()),
            copied: media_folder.is_some(),
            files,
            bytes,
        },
    };
    let partial = out.join(format!("{MANIFEST}.partial"));
    let mut file = crate::cli::create_private(&partial)?;
    serde_json::to_writer_pretty(&mut file, &manifest)?;
    writeln!(file)?;
    file.sync_all()?;
    std::fs::rename(&partial, out.join(MANIFEST))
        .with_context(|| format!("could not write {}", out.join(MANIFEST).display()))?;
    Ok(manifest)
}

/// What a restore brought back.
pub struct Restored {
    pub manifest: Manifest,
    /// Rows per archived table in the restored site.
    pub found: TableCounts,
    /// Photo files copied into the site's media store.
    pub media_files: u64,
}

impl Restored {
    /// Tables whose rows differ from the manifest's count, and photo files that did not
    /// arrive.
    pub fn mismatches(&self) -> Vec<String> {
        let mut found = mismatches(&self.manifest.counts, &self.found);
        let media = &self.manifest.media;
        if media.copied && self.media_files < media.files {
            found.push(format!(
                "photo files: the backup holds {}, the site's media store got {}",
                media.files, self.media_files
            ));
        }
        found
    }
}

/// Brings a backup back into the empty site `settings` name, then checks the database's
/// soundness and every table's count against the manifest.
pub async fn restore(settings: &Settings, from: &Path) -> anyhow::Result<Restored> {
    let manifest = read_manifest(from)?;
    // Photos already in the site's media store stay: a file's name is its photo's hash, so
    // one of the same name holds the same photo (a database restored beside a shared
    // folder that kept its files, say).
    let media_folder =
        crate::media::local_folder(settings.media_store.as_deref(), &settings.data_dir);
    let store = match manifest.database.as_str() {
        DATABASE_FILE => {
            store::install_database_copy(&settings.database_url, &from.join(DATABASE_FILE)).await?;
            let store = store::open(&settings.database_url).await?;
            check_sound(store.as_ref(), &settings.database_url).await?;
            store
                .migrate()
                .await
                .context("could not bring the restored database up to date")?;
            store
        }
        ARCHIVE_FILE => {
            let store = store::open(&settings.database_url).await?;
            store
                .migrate()
                .await
                .context("could not bring the database schema up to date")?;
            let path = from.join(ARCHIVE_FILE);
            let file = std::fs::File::open(&path)
                .with_context(|| format!("could not open {}", path.display()))?;
            crate::archive::import(store.as_ref(), &mut std::io::BufReader::new(file)).await?;
            check_sound(store.as_ref(), &settings.database_url).await?;
            store
        }
        other => bail!("the manifest names a database file {other:?} this release does not know"),
    };
    let found = store.table_counts().await;
    store.close().await;
    let found = found?;
    let media_files = match (&media_folder, manifest.media.copied) {
        (Some(folder), true) => {
            copy_media_blocking(from.join(MEDIA), folder.clone())
                .await?
                .0
        }
        _ => 0,
    };
    Ok(Restored {
        manifest,
        found,
        media_files,
    })
}

async fn check_sound(store: &dyn Store, database_url: &str) -> anyhow::Result<()> {
    let problems = store.check_integrity().await?;
    if !problems.is_empty() {
        store.close().await;
        bail!(
            "the restored database ({}) is damaged: {}; delete it and restore another backup",
            store::redact_url(database_url),
            problems.join("; ")
        );
    }
    Ok(())
}

fn read_manifest(from: &Path) -> anyhow::Result<Manifest> {
    let path = from.join(MANIFEST);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => bail!(
            "{} has no {MANIFEST}, so it is not a finished backup (made by `newsdesk backup`)",
            from.display()
        ),
        Err(error) => {
            return Err(error).with_context(|| format!("could not read {}", path.display()));
        }
    };
    let manifest: Manifest = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a Newsdesk backup manifest", path.display()))?;
    if manifest.format != FORMAT {
        bail!("{} is not a Newsdesk backup manifest", path.display());
    }
    if manifest.version != VERSION {
        bail!(
            "this backup is format version {}; this release reads version {VERSION}",
            manifest.version
        );
    }
    Ok(manifest)
}

/// Tables whose rows in `found` differ from `expected`.
fn mismatches(expected: &TableCounts, found: &TableCounts) -> Vec<String> {
    expected
        .iter()
        .filter(|(table, n)| found.get(*table) != Some(n))
        .map(|(table, n)| {
            format!(
                "{table}: the backup holds {n}, the site now has {}",
                found.get(table).copied().unwrap_or(0)
            )
        })
        .collect()
}

/// Makes `folder` (or takes it if it exists and is empty), readable by its owner only.
fn new_private_folder(folder: &Path) -> anyhow::Result<()> {
    if let Ok(mut entries) = std::fs::read_dir(folder)
        && entries.next().is_some()
    {
        bail!(
            "{} is not empty; back up into a new folder, so two backups are never mixed",
            folder.display()
        );
    }
    std::fs::create_dir_all(folder)
        .with_context(|| format!("could not create {}", folder.display()))?;
    make_private(folder)
}

#[cfg(unix)]
fn make_private(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if path.is_dir() { 0o700 } else { 0o600 };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .with_context(|| format!("could not make {} private", path.display()))
}

#[cfg(not(unix))]
fn make_private(_path: &Path) -> anyhow::Result<()> {
    Ok(())
}

/// Copies one file to a new owner-only file.
fn copy_private(from: &Path, to: &Path) -> anyhow::Result<u64> {
    let mut source =
        std::fs::File::open(from).with_context(|| format!("could not read {}", from.display()))?;
    let mut target = crate::cli::create_private(to)?;
    std::io::copy(&mut source, &mut target)
        .with_context(|| format!("could not copy {} to {}", from.display(), to.display()))
}

async fn copy_media_blocking(from: PathBuf, to: PathBuf) -> anyhow::Result<(u64, u64)> {
    tokio::task::spawn_blocking(move || copy_media(&from, &to)).await?
}

/// Copies the photo files under `from` to `to`, leaving those already there; answers the
/// files and bytes `to` then holds.
fn copy_media(from: &Path, to: &Path) -> anyhow::Result<(u64, u64)> {
    let (mut files, mut bytes) = (0, 0);
    for folder in MEDIA_FOLDERS {
        let (source, target) = (from.join(folder), to.join(folder));
        let entries = match std::fs::read_dir(&source) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => {
                return Err(error).with_context(|| format!("could not read {}", source.display()));
            }
        };
        std::fs::create_dir_all(&target)
            .with_context(|| format!("could not create {}", target.display()))?;
        make_private(to)?;
        make_private(&target)?;
        for entry in entries {
            let entry = entry.with_context(|| format!("could not read {}", source.display()))?;
            let name = entry.file_name();
            if !entry.file_type()?.is_file() || !is_photo_file(&name.to_string_lossy()) {
                continue;
            }
            let copy = target.join(&name);
            match std::fs::metadata(&copy) {
                Ok(metadata) => bytes += metadata.len(),
                Err(_) => bytes += copy_private(&entry.path(), &copy)?,
            }
            files += 1;
        }
    }
    Ok((files, bytes))
}

/// Whether a file in a media folder is a stored photo rather than one being written
/// (`*.partial`, or an object store's staging file).
fn is_photo_file(name: &str) -> bool {
    !name.starts_with('.')
        && !name.ends_with(".partial")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::is_photo_file;

    #[test]
    fn only_finished_photo_files_are_copied() {
        assert!(is_photo_file("0123abcd-320.webp"));
        assert!(is_photo_file("0123abcd.jpg"));
        assert!(!is_photo_file("0123abcd.partial"));
        assert!(!is_photo_file("0123abcd-320.webp#1"));
        assert!(!is_photo_file(".DS_Store"));
    }
}
