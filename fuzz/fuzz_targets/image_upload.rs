//! Photo uploads: any bytes are sniffed, checked against the limits before decoding, and
//! either refused with a reason or turned into sizes within the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::media::{self, MediaLimits};

// Small limits keep each run quick; the checks are the same at any size.
const LIMITS: MediaLimits = MediaLimits {
    max_bytes: 256 * 1024,
    max_pixels: 250_000,
};

fuzz_target!(|bytes: &[u8]| {
    let sniffed = media::sniff(bytes);
    match media::process(bytes.to_vec(), LIMITS) {
        Ok(processed) => {
            assert!(sniffed.is_ok());
            assert!(u64::from(processed.width) * u64::from(processed.height) <= LIMITS.max_pixels);
            assert!(!processed.variants.is_empty());
            for variant in &processed.variants {
                assert!(variant.width <= processed.width, "never enlarged");
                assert!(!variant.bytes.is_empty());
                let url = media::variant_url(&variant.key);
                assert!(media::key_for_url_name(url.trim_start_matches("/media/")).is_some());
            }
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
    if let Ok(name) = std::str::from_utf8(bytes) {
        let _ = media::key_for_url_name(name);
        let _ = media::hash_in_url(name);
    }
});
