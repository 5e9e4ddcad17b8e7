//! Where readers came from: the referring page's host, and nothing else of it, grouped as
//! an editor thinks of it (search, each social network, this site, other sites, direct).

use serde::Serialize;

/// The kinds of source an editor reads, in the order the dashboard lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Search,
    Social,
    Internal,
    OtherSites,
    Direct,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Search => "Search",
            SourceKind::Social => "Social",
            SourceKind::Internal => "This site",
            SourceKind::OtherSites => "Other sites",
            SourceKind::Direct => "Direct or unknown",
        }
    }
}

/// Search engines by the host's registrable name (a host matches it or ends in `.name`).
const SEARCH: &[(&str, &str)] = &[
    ("google", "Google"),
    ("bing.com", "Bing"),
    ("duckduckgo.com", "DuckDuckGo"),
    ("search.yahoo.com", "Yahoo"),
    ("yahoo.com", "Yahoo"),
    ("yandex", "Yandex"),
    ("baidu.com", "Baidu"),
    ("ecosia.org", "Ecosia"),
    ("search.brave.com", "Brave"),
    ("startpage.com", "Startpage"),
    ("qwant.com", "Qwant"),
    ("news.google.com", "Google News"),
];

/// Social networks and messengers, each by name.
const SOCIAL: &[(&str, &str)] = &[
    ("facebook.com", "Facebook"),
    ("fb.com", "Facebook"),
    ("fb.me", "Facebook"),
    ("t.co", "X"),
    ("x.com", "X"),
    ("twitter.com", "X"),
    ("instagram.com", "Instagram"),
    ("linkedin.com", "LinkedIn"),
    ("lnkd.in", "LinkedIn"),
    ("whatsapp.com", "WhatsApp"),
    ("wa.me", "WhatsApp"),
    ("t.me", "Telegram"),
    ("telegram.org", "Telegram"),
    ("tiktok.com", "TikTok"),
    ("youtube.com", "YouTube"),
    ("reddit.com", "Reddit"),
    ("threads.net", "Threads"),
    ("pinterest.com", "Pinterest"),
    ("snapchat.com", "Snapchat"),
];

fn matches(host: &str, name: &str) -> bool {
    if name.contains('.') {
        host == name || host.ends_with(&format!(".{name}"))
    } else {
        // A brand with many country domains (google.com, google.co.ke, news.google.com):
        // its label followed only by a short country or generic ending.
        let labels: Vec<&str> = host.split('.').collect();
        labels.iter().enumerate().any(|(i, label)| {
            let tail = &labels[i + 1..];
            *label == name && (1..=2).contains(&tail.len()) && tail.iter().all(|t| t.len() <= 3)
        })
    }
}

/// The kind of a referring host, and the network or engine's name where it has one.
pub fn classify(host: &str, own_host: &str) -> (SourceKind, Option<&'static str>) {
    if host.is_empty() {
        return (SourceKind::Direct, None);
    }
    if host.eq_ignore_ascii_case(own_host) {
        return (SourceKind::Internal, None);
    }
    // News aggregators named before the engines that own them.
    if let Some((_, name)) = SEARCH
        .iter()
        .rev()
        .find(|(pattern, _)| matches(host, pattern))
    {
        return (SourceKind::Search, Some(name));
    }
    if let Some((_, name)) = SOCIAL.iter().find(|(pattern, _)| matches(host, pattern)) {
        return (SourceKind::Social, Some(name));
    }
    if let Some(app) = host.strip_prefix("android-app.") {
        return (SourceKind::OtherSites, Some(leak_free_app(app)));
    }
    (SourceKind::OtherSites, None)
}

fn leak_free_app(_app: &str) -> &'static str {
    "An Android app"
}

/// The host a `Referer` names, lower-cased and without `www.` or a port; `None` for anything
/// that is not a web address with a plain host name (the header is the sender's to write).
pub fn referrer_host(referer: &str) -> Option<String> {
    let url = url::Url::parse(referer.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let plain = !host.is_empty()
        && host.len() <= 120
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && host.contains('.');
    plain.then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_read_from_web_addresses_only() {
        assert_eq!(
            referrer_host("https://www.Google.co.ke/search?q=x").as_deref(),
            Some("google.co.ke")
        );
        assert_eq!(
            referrer_host("http://l.facebook.com:8080/l.php?u=…").as_deref(),
            Some("l.facebook.com")
        );
        assert_eq!(referrer_host("javascript:alert(1)"), None);
        assert_eq!(referrer_host("not a url"), None);
        assert_eq!(referrer_host("https://localhost/"), None);
        assert_eq!(referrer_host("https://[::1]/"), None);
        assert_eq!(
            referrer_host("https://127.0.0.1/x").as_deref(),
            Some("127.0.0.1")
        );
    }

    #[test]
    fn hosts_group_as_editors_think_of_them() {
        let own = "news.example";
        assert_eq!(
            classify("google.co.ke", own),
            (SourceKind::Search, Some("Google"))
        );
        assert_eq!(
            classify("news.google.com", own),
            (SourceKind::Search, Some("Google News"))
        );
        assert_eq!(
            classify("bing.com", own),
            (SourceKind::Search, Some("Bing"))
        );
        assert_eq!(
            classify("l.facebook.com", own),
            (SourceKind::Social, Some("Facebook"))
        );
        assert_eq!(classify("t.co", own), (SourceKind::Social, Some("X")));
        assert_eq!(
            classify("web.whatsapp.com", own),
            (SourceKind::Social, Some("WhatsApp"))
        );
        // Lookalikes are other sites.
        assert_eq!(classify("notfacebook.com", own).0, SourceKind::OtherSites);
        assert_eq!(
            classify("facebook.com.evil.example", own).0,
            SourceKind::OtherSites
        );
        assert_eq!(classify("news.example", own).0, SourceKind::Internal);
        assert_eq!(classify("", own).0, SourceKind::Direct);
        assert_eq!(classify("nation.africa", own).0, SourceKind::OtherSites);
        assert_eq!(
            classify("google.evil.example", own).0,
            SourceKind::OtherSites
        );
    }
}
