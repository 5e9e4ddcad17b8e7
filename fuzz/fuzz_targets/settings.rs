//! Settings from outside: any `newsdesk.toml` is loaded or refused with a message, and any
//! admin settings saved in the database (JSON) are checked and applied without a crash.
//! Input: the file, then a line `%%`, then the saved JSON.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newsdesk::config::{Overrides, Settings, SiteOverrides};

static FOLDER: LazyLock<tempfile::TempDir> =
    LazyLock::new(|| tempfile::tempdir().expect("a temporary folder"));

fuzz_target!(|input: &str| {
    let (file, saved) = input.split_once("\n%%\n").unwrap_or((input, ""));
    let path = FOLDER.path().join("newsdesk.toml");
    if std::fs::write(&path, file).is_err() {
        return;
    }
    let settings = match Settings::load(FOLDER.path(), &Overrides::default()) {
        Ok(settings) => settings,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            return;
        }
    };
    if let Ok(overrides) = serde_json::from_str::<SiteOverrides>(saved) {
        let valid = overrides.validate().is_ok();
        let applied = overrides.apply(&settings);
        assert!((1..=100).contains(&applied.per_page));
        assert!(!applied.reactions.is_empty());
        if valid {
            if let Some(title) = &overrides.site_title {
                assert_eq!(applied.site_title, title.trim());
            }
        }
    }
});
