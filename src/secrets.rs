//! Secrets kept out of logs and messages: URLs with their passwords and keys masked, and
//! request addresses without their one-time tokens.

const MASK: &str = "***";

/// Whether a query parameter (or form field) by this name holds a secret: passwords,
/// keys, tokens, signatures. Generous on purpose: masking a harmless value costs nothing.
fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "pass",
        "pwd",
        "secret",
        "token",
        "key",
        "sig",
        "authorization",
        "credential",
        "session",
        "csrf",
        "code",
    ]
    .iter()
    .any(|word| name.contains(word))
}

/// A URL (database, SMTP relay, object store) fit for logs and error messages: the
/// password in `user:password@` and the value of every query parameter that names a
/// secret (`password=`, `sslpassword=`, `sslkey=`, `secret_access_key=`...) become `***`.
/// A malformed URL is masked generously rather than shown.
pub fn redact_url(url: &str) -> String {
    let (head, query) = match url.find("://") {
        Some(scheme_end) => {
            let start = scheme_end + 3;
            // The last `@` ends the user information, even in a URL too malformed for a
            // driver to read (a password with an unescaped `/`, `?` or `@`).
            match url[start..].rfind('@').map(|at| start + at) {
                Some(at) => {
                    let userinfo = &url[start..at];
                    let rest = &url[at..];
                    let (rest, query) = split_query(rest);
                    let head = match userinfo.split_once(':') {
                        Some((user, _)) => format!("{}{user}:{MASK}{rest}", &url[..start]),
                        None => format!("{}{userinfo}{rest}", &url[..start]),
                    };
                    (head, query)
                }
                None => {
                    let (head, query) = split_query(url);
                    (head.to_owned(), query)
                }
            }
        }
        None => {
            let (head, query) = split_query(url);
            (head.to_owned(), query)
        }
    };
    match query {
        Some(query) => format!("{head}?{}", redact_query(query)),
        None => head,
    }
}

/// The path and query of a request, fit for a log line: one-time tokens in the path
/// (`/admin/password-reset/TOKEN`, any `ndt_…` segment) and secret query values
/// (`?token=`, `csrf=`, `key=`...) become `***`.
pub fn redact_request_target(target: &str) -> String {
    let (path, query) = split_query(target);
    let mut after_reset = false;
    let path: Vec<String> = path
        .split('/')
        .map(|segment| {
            let secret = after_reset || segment.starts_with("ndt_");
            after_reset = segment == "password-reset";
            if secret && !segment.is_empty() {
                MASK.to_owned()
            } else {
                segment.to_owned()
            }
        })
        .collect();
    let path = path.join("/");
    match query {
        Some(query) => format!("{path}?{}", redact_query(query)),
        None => path,
    }
}

fn split_query(text: &str) -> (&str, Option<&str>) {
    match text.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (text, None),
    }
}

fn redact_query(query: &str) -> String {
    query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, value))
                if is_secret_name(name) || value.contains("ndt_") || value.contains('@') =>
            {
                if value.contains('@') && !is_secret_name(name) {
                    // An address, not a secret; but a password may hide in its user part.
                    format!("{name}={}", redact_userinfo(value))
                } else {
                    format!("{name}={MASK}")
                }
            }
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `user:password@host` inside a value (a URL in a query), with the password masked.
fn redact_userinfo(value: &str) -> String {
    match value.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:{MASK}@{host}"),
            None => value.to_owned(),
        },
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_the_user_part_are_masked() {
        assert_eq!(
            redact_url("postgres://news:s3cret@db:5432/news"),
            "postgres://news:***@db:5432/news"
        );
        assert_eq!(
            redact_url("smtp://mailer:p%40ss@relay.internal:2525"),
            "smtp://mailer:***@relay.internal:2525"
        );
        assert_eq!(
            redact_url("postgres://news@db/news"),
            "postgres://news@db/news"
        );
        assert_eq!(redact_url("sqlite:data/x.db"), "sqlite:data/x.db");
        assert_eq!(
            redact_url("sqlite:data/x.db?mode=rwc"),
            "sqlite:data/x.db?mode=rwc"
        );
    }

    #[test]
    fn secrets_in_the_query_are_masked() {
        assert_eq!(
            redact_url("postgres://news@db/news?password=s3cret&sslmode=require"),
            "postgres://news@db/news?password=***&sslmode=require"
        );
        assert_eq!(
            redact_url(
                "postgres://db/news?user=news&sslpassword=k3y&sslkey=/etc/k.pem&PASSWORD=x&options[search_path]=paper_two"
            ),
            "postgres://db/news?user=news&sslpassword=***&sslkey=***&PASSWORD=***&options[search_path]=paper_two"
        );
        assert_eq!(
            redact_url("s3://bucket/prefix?aws_secret_access_key=abc&region=eu-west-1"),
            "s3://bucket/prefix?aws_secret_access_key=***&region=eu-west-1"
        );
        assert_eq!(
            redact_url("postgres://u:pw@db/news?password=again"),
            "postgres://u:***@db/news?password=***"
        );
    }

    #[test]
    fn malformed_urls_hide_more_rather_than_leak() {
        for url in [
            "postgres://u:pa/ss@db/news",
            "postgres://u:pa?ss@db/news",
            "postgres://u:p@ss@db/news",
        ] {
            let shown = redact_url(url);
            assert!(
                !shown.contains("pa/ss") && !shown.contains("pa?ss") && !shown.contains("p@ss"),
                "{url} -> {shown}"
            );
            assert!(shown.contains("db/news"), "{shown}");
        }
    }

    #[test]
    fn one_time_tokens_leave_request_targets() {
        assert_eq!(
            redact_request_target("/admin/setup?token=ndt_abc"),
            "/admin/setup?token=***"
        );
        assert_eq!(
            redact_request_target("/admin/password-reset/ndt_abc123"),
            "/admin/password-reset/***"
        );
        assert_eq!(
            redact_request_target("/admin/password-reset/anything-at-all"),
            "/admin/password-reset/***"
        );
        assert_eq!(
            redact_request_target("/admin/password-reset"),
            "/admin/password-reset"
        );
        assert_eq!(
            redact_request_target("/admin/articles?csrf=abc&page=2"),
            "/admin/articles?csrf=***&page=2"
        );
        assert_eq!(
            redact_request_target("/somewhere/ndt_abc/x?next=ndt_def"),
            "/somewhere/***/x?next=***"
        );
        assert_eq!(
            redact_request_target("/search?q=council+vote&page=2"),
            "/search?q=council+vote&page=2"
        );
    }
}
