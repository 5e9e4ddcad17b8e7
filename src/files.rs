//! Files only the site's owner may read (mode 0600, folders 0700): the data folder, the
//! database, `newsdesk.toml` (which may hold the SMTP password), photo originals (with
//! their GPS data) and export archives. Modes apply when a file is created; the operator's
//! own choices for existing files are kept.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};

/// Creates a folder and any missing parents, each new one readable by its owner only.
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(0o700);
    builder.create(path)
}

/// Opens a file for writing from the start, creating it readable by its owner only.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(0o600);
    options.open(path)
}

/// Creates an empty file readable by its owner only, unless one is already there.
pub fn touch_private_file(path: &Path) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}

/// Writes a whole file (replacing it) through a private file beside it, renamed into
/// place, so a reader never sees half of it and nobody else can read it.
pub async fn write_private_async(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use tokio::io::AsyncWriteExt;
    let partial = path.with_extension("partial");
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(0o600);
    let mut file = options.open(&partial).await?;
    file.write_all(bytes).await?;
    file.flush().await?;
    drop(file);
    tokio::fs::rename(&partial, path).await
}

/// Async `create_private_dir`.
pub async fn create_private_dir_async(path: &Path) -> io::Result<()> {
    let mut builder = tokio::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(0o700);
    builder.create(path).await
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[tokio::test]
    async fn new_files_and_folders_are_the_owners_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("a/b");
        create_private_dir(&folder).expect("dir");
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        let file = folder.join("x");
        create_private_file(&file).expect("file");
        assert_eq!(mode(&file), 0o600);
        let touched = folder.join("y");
        touch_private_file(&touched).expect("touch");
        touch_private_file(&touched).expect("again");
        assert_eq!(mode(&touched), 0o600);
        let written = folder.join("z.jpg");
        write_private_async(&written, b"bytes")
            .await
            .expect("write");
        assert_eq!(mode(&written), 0o600);
        assert_eq!(std::fs::read(&written).expect("read"), b"bytes");
    }
}
