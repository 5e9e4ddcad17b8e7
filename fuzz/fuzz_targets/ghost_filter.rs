//! Ghost's Content API query: any `?filter=` (NQL) and any other parameters are parsed
//! into the store's typed filters and orders, or refused with a message, never a crash.
//! Input: a query string as a front-end sends it (`filter=tag:news+featured:true&limit=5`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::ghost::params::{Request, Resource};
use newsdesk::ghost::{filter, nql};

fuzz_target!(|query: &str| {
    let now = jiff::Timestamp::now();
    // The whole input as one filter, as the NQL parser sees it.
    match nql::parse(query) {
        Ok(Some(expr)) => {
            let _ = filter::posts(&expr, now);
            let _ = filter::tags(&expr);
            let _ = filter::authors(&expr);
        }
        Ok(None) => assert!(query.trim().is_empty()),
        Err(error) => assert!(!error.message.is_empty()),
    }
    // The input as a query string, through each resource's parameters.
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    for resource in [
        Resource::Posts,
        Resource::Pages,
        Resource::Tags,
        Resource::Authors,
    ] {
        if let Ok(request) = Request::parse(&pairs, resource) {
            let _ = request.window();
            let _ = request.story_filter(now);
            let _ = request.tag_filter();
            let _ = request.author_filter();
            let _ = request.story_order();
            let _ = request.tag_order();
            let _ = request.author_order();
        }
    }
});
