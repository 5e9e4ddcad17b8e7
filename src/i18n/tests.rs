use std::collections::BTreeSet;

use jiff::Timestamp;

use super::*;

/// Every `t("id")` the built-in templates use (a computed id, `t("list-kind-" ~ kind)`,
/// is listed by its prefix).
fn template_ids() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut files = vec![root.clone()];
    let mut ids = BTreeSet::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(&path)
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
            );
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for call in ["t(\"", "count_forms(\""] {
            for (start, _) in text.match_indices(call) {
                if start > 0 && text.as_bytes()[start - 1].is_ascii_alphanumeric() {
                    continue;
                }
                let rest = &text[start + call.len()..];
                let end = rest.find('"').unwrap();
                ids.insert(rest[..end].to_owned());
            }
        }
    }
    ids
}

#[test]
fn every_shipped_language_has_every_message() {
    let english: BTreeSet<String> = built_in_ids("en").into_iter().collect();
    assert!(english.len() > 100, "{} messages", english.len());
    for code in SHIPPED {
        let locale = Locale::load(code, None).unwrap();
        let ids: BTreeSet<String> = built_in_ids(code).into_iter().collect();
        let missing: Vec<_> = english.difference(&ids).collect();
        assert!(missing.is_empty(), "{code} lacks {missing:?}");
        let extra: Vec<_> = ids.difference(&english).collect();
        assert!(
            extra.is_empty(),
            "{code} has messages English lacks: {extra:?}"
        );
        for id in &english {
            assert!(locale.has(id), "{code} does not load {id}");
        }
    }
}

#[test]
fn every_message_a_template_asks_for_exists() {
    let english: BTreeSet<String> = built_in_ids("en").into_iter().collect();
    let mut unknown = Vec::new();
    for id in template_ids() {
        let known = if id.ends_with('-') {
            english.iter().any(|e| e.starts_with(&id))
        } else {
            english.contains(&id)
        };
        if !known {
            unknown.push(id);
        }
    }
    assert!(unknown.is_empty(), "templates ask for {unknown:?}");
}

#[test]
fn every_message_fills_in_without_errors_in_every_language() {
    // Every placeholder any English message names, as a number (a count can choose a
    // plural form) unless it is one of the words a message quotes.
    let texts = [
        "site", "status", "query", "title", "name", "section", "author", "when", "zone", "weekday",
        "month", "mon", "day", "year", "time", "email", "page",
    ];
    let mut names = BTreeSet::new();
    for (_, text) in super::built_in("en") {
        for (at, _) in text.match_indices('$') {
            let name: String = text[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            names.insert(name);
        }
    }
    let args: Vec<(&str, Arg)> = names
        .iter()
        .map(|name| {
            let value = if texts.contains(&name.as_str()) {
                Arg::Text("X".into())
            } else {
                Arg::Number(3)
            };
            (name.as_str(), value)
        })
        .collect();
    for code in SHIPPED {
        let locale = Locale::load(code, None).unwrap();
        for id in built_in_ids("en") {
            let text = locale.format(&id, &args);
            assert!(!text.trim().is_empty(), "{code} {id} is empty");
            assert!(!text.contains('{'), "{code} {id}: {text}");
        }
        assert_eq!(locale.untranslated(), 0, "{code}");
    }
}

#[test]
fn plural_forms_follow_each_language() {
    let count = |code: &str, n: i64| {
        Locale::load(code, None)
            .unwrap()
            .format("comment-count", &[("count", n.into())])
    };
    assert_eq!(count("en", 1), "1 comment");
    assert_eq!(count("en", 2), "2 comments");
    assert_eq!(count("en", 0), "0 comments");
    assert_eq!(count("fr", 0), "0 commentaire");
    assert_eq!(count("fr", 1), "1 commentaire");
    assert_eq!(count("fr", 2), "2 commentaires");
    assert_eq!(count("sw", 1), "maoni 1");
    assert_eq!(count("sw", 5), "maoni 5");
    assert_eq!(count("ar", 0), "لا تعليقات");
    assert_eq!(count("ar", 1), "تعليق واحد");
    assert_eq!(count("ar", 2), "تعليقان");
    assert_eq!(count("ar", 3), "٣ تعليقات");
    assert_eq!(count("ar", 11), "١١ تعليقًا");
    assert_eq!(count("ar", 100), "١٠٠ تعليق");
    assert_eq!(count("en", 12400), "12,400 comments");
    assert_eq!(count("fr", 12400), "12\u{202f}400 commentaires");
}

#[test]
fn numbers_are_grouped_and_written_in_each_language_s_digits() {
    let number = |code: &str, n: i64| Locale::load(code, None).unwrap().number(n);
    assert_eq!(number("en", 7), "7");
    assert_eq!(number("en", 1234567), "1,234,567");
    assert_eq!(number("sw", 12400), "12,400");
    assert_eq!(number("fr", 12400), "12\u{202f}400");
    assert_eq!(number("ar", 12400), "١٢٬٤٠٠");
    assert_eq!(number("en", -1500), "-1,500");
}

#[test]
fn dates_and_relative_times_read_as_each_language_writes_them() {
    let at: Timestamp = "2026-12-01T08:05:00Z".parse().unwrap();
    let zoned = at.to_zoned(jiff::tz::TimeZone::UTC);
    let date = |code: &str, style| Locale::load(code, None).unwrap().date(&zoned, style);
    assert_eq!(date("en", DateStyle::Day), "Tuesday, December 1, 2026");
    assert_eq!(date("sw", DateStyle::Day), "Jumanne, 1 Desemba 2026");
    assert_eq!(date("fr", DateStyle::Day), "mardi 1 décembre 2026");
    assert_eq!(date("ar", DateStyle::Day), "الثلاثاء، ١ ديسمبر ٢٠٢٦");
    assert_eq!(date("en", DateStyle::Dateline), "Dec 1, 2026 - 08:05");
    assert_eq!(date("sw", DateStyle::Dateline), "1 Des 2026 - 08:05");
    assert_eq!(date("ar", DateStyle::Dateline), "١ ديسمبر ٢٠٢٦ - ٠٨:٠٥");
    assert_eq!(date("ar", DateStyle::Clock), "٠٨:٠٥");

    let later = |seconds: i64| Timestamp::from_second(at.as_second() + seconds).unwrap();
    let ago = |code: &str, seconds| {
        Locale::load(code, None)
            .unwrap()
            .relative(at, later(seconds))
    };
    assert_eq!(ago("sw", 2 * 3600).as_deref(), Some("saa 2 zilizopita"));
    assert_eq!(ago("sw", 60).as_deref(), Some("dakika 1 iliyopita"));
    assert_eq!(ago("en", 5).as_deref(), Some("just now"));
    assert_eq!(ago("en", 60).as_deref(), Some("1 minute ago"));
    assert_eq!(ago("en", 12 * 60).as_deref(), Some("12 minutes ago"));
    assert_eq!(ago("en", 3 * 3600).as_deref(), Some("3 hours ago"));
    assert_eq!(ago("en", 25 * 3600), None);
    assert_eq!(ago("en", -10), None);
    assert_eq!(ago("fr", 3 * 3600).as_deref(), Some("il y a 3 heures"));
    assert_eq!(ago("ar", 2 * 3600).as_deref(), Some("منذ ساعتين"));
    assert_eq!(ago("ar", 5 * 60).as_deref(), Some("منذ ٥ دقائق"));
    assert_eq!(ago("en", 2 * 86400), None);
}

#[test]
fn a_site_s_own_file_changes_a_message_and_a_missing_one_falls_back_to_english() {
    let data = tempfile::tempdir().unwrap();
    let dir = overrides_dir(data.path()).join("sw");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("paper.ftl"), "home = Ukurasa wa mbele\n").unwrap();
    let locale = Locale::load("sw-KE", Some(&overrides_dir(data.path()))).unwrap();
    assert_eq!(locale.code(), "sw");
    assert_eq!(locale.t("home"), "Ukurasa wa mbele");
    assert_eq!(locale.t("menu"), "Menyu");
    assert_eq!(locale.untranslated(), 0);

    // A language Newsdesk does not ship shows English, and counts each message it lacked.
    let german = Locale::load("de", Some(&overrides_dir(data.path()))).unwrap();
    assert_eq!(german.t("home"), "Home");
    assert_eq!(german.untranslated(), 1);

    // A mistake in a site's file names the file and line.
    std::fs::write(
        dir.join("broken.ftl"),
        "home = Mwanzo\nthis is not fluent\n",
    )
    .unwrap();
    let error = Locale::load("sw", Some(&overrides_dir(data.path()))).unwrap_err();
    let message = format!("{error:#}");
    assert!(
        message.contains("broken.ftl") && message.contains("line 2"),
        "{message}"
    );
}

#[test]
fn right_to_left_languages_say_so() {
    assert_eq!(Locale::load("ar", None).unwrap().dir(), "rtl");
    assert_eq!(Locale::load("sw", None).unwrap().dir(), "ltr");
    assert!(is_right_to_left("he-IL"));
    assert!(!is_right_to_left("fr-CA"));
}

#[test]
fn the_shipped_reaction_kinds_and_a_reader_s_refusals_read_in_each_language() {
    let say = |code: &str, id: &str| Locale::load(code, None).unwrap().t(id);
    assert_eq!(say("en", "reaction-like"), "Like");
    assert_eq!(say("sw", "reaction-like"), "Napenda");
    assert_eq!(say("fr", "reaction-like"), "J’aime");
    assert_eq!(say("ar", "reaction-like"), "أعجبني");
    let new_updates = |code: &str, n: i64| {
        Locale::load(code, None)
            .unwrap()
            .format("live-new-updates", &[("count", n.into())])
    };
    assert_eq!(new_updates("en", 1), "1 new update");
    assert_eq!(new_updates("sw", 3), "masasisho 3 mapya");
    assert_eq!(new_updates("ar", 2), "تحديثان جديدان");
    assert_eq!(new_updates("ar", 3), "٣ تحديثات جديدة");
    assert_eq!(new_updates("ar", 11), "١١ تحديثًا جديدًا");
    // No translation is an English copy.
    for code in ["sw", "fr", "ar"] {
        let english = Locale::load("en", None).unwrap();
        let locale = Locale::load(code, None).unwrap();
        for id in [
            "comment-name-missing",
            "comments-closed",
            "poll-choose",
            "share-copied",
        ] {
            assert_ne!(locale.t(id), english.t(id), "{code} {id}");
        }
    }
}
