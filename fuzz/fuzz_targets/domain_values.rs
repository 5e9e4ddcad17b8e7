//! The values people type that the domain checks once: slugs, emails, public URLs,
//! reaction names, roles, statuses, time zones and times. Each is accepted or refused with
//! a sentence, and what is accepted is accepted again as it was stored.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::domain::{
    ArticleStatus, Email, ReactionKind, Role, SiteTimeZone, Slug, parse_public_url, required_text,
};
use newsdesk::newsroom::parse_time;

fuzz_target!(|text: &str| {
    match Slug::parse(text) {
        Ok(slug) => assert_eq!(Slug::parse(slug.as_str()), Ok(slug.clone())),
        Err(message) => assert!(!message.english.is_empty()),
    }
    let made = Slug::from_title(text);
    assert!(Slug::parse(made.as_str()).is_ok(), "{made:?} from {text:?}");
    assert!(Slug::parse(made.with_suffix(99).as_str()).is_ok());

    if let Ok(email) = Email::parse(text) {
        assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
        assert!(email.as_str().contains('@'));
    }
    if let Ok(url) = parse_public_url(text, "the image URL") {
        let lower = url.to_ascii_lowercase();
        assert!(
            lower.starts_with("http://") || lower.starts_with("https://") || url.starts_with('/'),
            "{url:?}"
        );
        assert!(!url.starts_with("//"), "{url:?}");
        assert!(!url.chars().any(char::is_whitespace));
    }
    if let Ok(kind) = ReactionKind::parse(text) {
        assert_eq!(ReactionKind::parse(kind.as_str()), Ok(kind.clone()));
    }
    if let Ok(role) = Role::parse(text) {
        assert_eq!(Role::parse(role.as_str()), Ok(role));
    }
    if let Ok(status) = ArticleStatus::parse(text) {
        assert_eq!(ArticleStatus::parse(status.as_str()), Ok(status));
    }
    if let Ok(zone) = SiteTimeZone::parse(text) {
        let at = jiff::Timestamp::UNIX_EPOCH;
        assert!(!zone.format_dateline(at).is_empty());
        assert!(parse_time(&zone.format_rfc3339(at)).is_ok());
    }
    if let Ok(at) = parse_time(text) {
        let zone = SiteTimeZone::parse("Africa/Nairobi").expect("a zone");
        let _ = zone.format_dateline(at);
    }
    if let Ok(kept) = required_text(text, "name", 120) {
        assert!(!kept.trim().is_empty() && kept.chars().count() <= 120);
    }
});
