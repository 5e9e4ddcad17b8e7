//! What readers' browsers send back: the signed reader cookie, the comment form's signed
//! timestamp and CSRF tokens. Anything not made by this site is refused, never trusted.
#![no_main]

use axum::http::{HeaderMap, HeaderValue, header};
use libfuzzer_sys::fuzz_target;
use newsdesk::web::reader::ReaderKeys;

fuzz_target!(|text: &str| {
    let keys = ReaderKeys::new("a site secret for fuzzing", false);
    let now = jiff::Timestamp::now();
    assert!(keys.form_age(text, 1, now).is_err() || text.contains('.'));
    assert!(!keys.csrf_matches("session", text) || text == keys.csrf_token("session"));
    if let Ok(value) = HeaderValue::from_str(text) {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, value);
        if let Some(reader) = keys.reader(&headers) {
            // Only a cookie this site signed names a reader.
            assert_eq!(reader.len(), 32);
        }
        let (_, cookie) = keys.reader_or_new(&headers);
        assert!(cookie.is_some() || keys.reader(&headers).is_some());
    }
});
