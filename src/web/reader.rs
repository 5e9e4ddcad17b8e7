//! Anonymous readers: a random id in a signed, HttpOnly cookie, set the first time a
//! reader does something that needs remembering (reacting). No login, no tracking beyond it.

use axum::http::{HeaderMap, HeaderValue, header};
use hmac::{Hmac, Mac};

use crate::comments::ForgedToken;
use sha2::Sha256;

pub const COOKIE: &str = "nd_reader";
const MAX_AGE_SECONDS: u64 = 2 * 365 * 24 * 60 * 60;

/// Signs and checks reader cookies with the site's secret.
pub struct ReaderKeys {
    secret: Vec<u8>,
    secure: bool,
}

impl ReaderKeys {
    /// `secure` marks the cookie for HTTPS only, as it must be on an HTTPS site.
    pub fn new(secret: &str, secure: bool) -> ReaderKeys {
        ReaderKeys {
            secret: secret.as_bytes().to_vec(),
            secure,
        }
    }

    fn sign(&self, purpose: &str, message: &str) -> String {
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.secret) {
            Ok(mac) => mac,
            Err(_) => unreachable!("HMAC accepts keys of any length"),
        };
        mac.update(purpose.as_bytes());
        mac.update(b":");
        mac.update(message.as_bytes());
        let bytes = mac.finalize().into_bytes();
        bytes[..16].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Whether cookies must be marked `Secure` (the site is served over HTTPS).
    pub fn secure(&self) -> bool {
        self.secure
    }

    /// The CSRF token for a browser whose forms are bound to `binding` (its session).
    pub fn csrf_token(&self, binding: &str) -> String {
        self.sign("csrf", binding)
    }

    /// Whether `token` is the CSRF token for `binding`.
    pub fn csrf_matches(&self, binding: &str, token: &str) -> bool {
        constant_time_eq(&self.csrf_token(binding), token.trim())
    }

    fn signature(&self, id: &str) -> String {
        self.sign("reader", id)
    }

    /// A signed note of when a comment form for this article was served.
    pub fn form_token(&self, article_id: i64, now: jiff::Timestamp) -> String {
        self.timed_token("comment-form", article_id, now)
    }

    /// Seconds since the form was served, or `Err` if the token was not made here for
    /// this article.
    pub fn form_age(
        &self,
        token: &str,
        article_id: i64,
        now: jiff::Timestamp,
    ) -> Result<i64, ForgedToken> {
        self.timed_age("comment-form", token, article_id, now)
    }

    /// A signed note of when the contact form on this page was served.
    pub fn contact_form_token(&self, page_id: i64, now: jiff::Timestamp) -> String {
        self.timed_token("contact-form", page_id, now)
    }

    /// Seconds since the contact form on this page was served, or `Err` for a token not
    /// made here for it (a comment form's token included).
    pub fn contact_form_age(
        &self,
        token: &str,
        page_id: i64,
        now: jiff::Timestamp,
    ) -> Result<i64, ForgedToken> {
        self.timed_age("contact-form", token, page_id, now)
    }

    fn timed_token(&self, purpose: &str, id: i64, now: jiff::Timestamp) -> String {
        let seconds = now.as_second();
        format!(
            "{seconds}.{}",
            self.sign(purpose, &format!("{id}:{seconds}"))
        )
    }

    fn timed_age(
        &self,
        purpose: &str,
        token: &str,
        id: i64,
        now: jiff::Timestamp,
    ) -> Result<i64, ForgedToken> {
        let (seconds, signature) = token.trim().split_once('.').ok_or(ForgedToken)?;
        let served: i64 = seconds.parse().map_err(|_| ForgedToken)?;
        let expected = self.sign(purpose, &format!("{id}:{served}"));
        if !constant_time_eq(&expected, signature) {
            return Err(ForgedToken);
        }
        Ok(now.as_second() - served)
    }

    /// The signed part of a shareable preview link: `{link id}-{expiry}-{signature}`.
    pub fn preview_token(&self, link_id: i64, expires: i64) -> String {
        format!(
            "{link_id}-{expires}-{}",
            self.sign("preview", &format!("{link_id}:{expires}"))
        )
    }

    /// The link id and expiry a preview token names, if this site signed it.
    pub fn preview_link(&self, token: &str) -> Option<(i64, i64)> {
        let mut parts = token.splitn(3, '-');
        let id: i64 = parts.next()?.parse().ok()?;
        let expires: i64 = parts.next()?.parse().ok()?;
        let signature = parts.next()?;
        let expected = self.sign("preview", &format!("{id}:{expires}"));
        constant_time_eq(&expected, signature).then_some((id, expires))
    }

    /// The reader the request's cookie names, if the cookie is ours and untampered.
    pub fn reader(&self, headers: &HeaderMap) -> Option<String> {
        let value = cookie(headers, COOKIE)?;
        let (id, signature) = value.split_once('.')?;
        let well_formed = id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit());
        let matches = constant_time_eq(&self.signature(id), signature);
        (well_formed && matches).then(|| id.to_owned())
    }

    /// A new reader id and the `Set-Cookie` value that remembers it.
    pub fn new_reader(&self) -> (String, HeaderValue) {
        let id = crate::auth::new_api_token()[4..36].to_owned();
        let mut cookie = format!(
            "{COOKIE}={id}.{}; Path=/; Max-Age={MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax",
            self.signature(&id)
        );
        if self.secure {
            cookie.push_str("; Secure");
        }
        let value = HeaderValue::from_str(&cookie)
            .unwrap_or_else(|_| HeaderValue::from_static("nd_reader=; Max-Age=0"));
        (id, value)
    }

    /// The request's reader, or a new one with the cookie to set.
    pub fn reader_or_new(&self, headers: &HeaderMap) -> (String, Option<HeaderValue>) {
        match self.reader(headers) {
            Some(id) => (id, None),
            None => {
                let (id, cookie) = self.new_reader();
                (id, Some(cookie))
            }
        }
    }
}

/// Compares signatures in constant time, so one cannot be guessed byte by byte.
fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of a cookie by name, from every `Cookie` header.
pub(super) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookie: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(cookie).expect("header"),
        );
        headers
    }

    #[test]
    fn a_signed_cookie_names_its_reader_and_a_forged_one_does_not() {
        let keys = ReaderKeys::new("secret", false);
        let (id, set_cookie) = keys.new_reader();
        let pair = set_cookie
            .to_str()
            .expect("ascii")
            .split(';')
            .next()
            .expect("pair")
            .to_owned();
        assert!(set_cookie.to_str().expect("ascii").contains("HttpOnly"));
        assert_eq!(
            keys.reader(&headers(&format!("other=1; {pair}"))),
            Some(id.clone())
        );
        let forged = format!("{COOKIE}={}.{}", "0".repeat(32), "0".repeat(32));
        assert_eq!(keys.reader(&headers(&forged)), None);
        let other_site = ReaderKeys::new("another secret", false);
        assert_eq!(other_site.reader(&headers(&pair)), None);
        assert_eq!(keys.reader(&headers("nd_reader=garbage")), None);
    }

    #[test]
    fn form_tokens_tell_their_age_and_refuse_forgery() {
        let keys = ReaderKeys::new("secret", false);
        let served: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().expect("time");
        let later = served + jiff::SignedDuration::from_secs(42);
        let token = keys.form_token(7, served);
        assert_eq!(keys.form_age(&token, 7, later), Ok(42));
        assert_eq!(
            keys.form_age(&token, 8, later),
            Err(ForgedToken),
            "bound to its article"
        );
        let (_, signature) = token.split_once('.').expect("dot");
        let backdated = format!("{}.{signature}", served.as_second() - 3600);
        assert_eq!(keys.form_age(&backdated, 7, later), Err(ForgedToken));
        assert_eq!(keys.form_age("nonsense", 7, later), Err(ForgedToken));
    }

    #[test]
    fn https_sites_get_secure_cookies() {
        let (_, cookie) = ReaderKeys::new("s", true).new_reader();
        assert!(cookie.to_str().expect("ascii").ends_with("; Secure"));
    }
}
