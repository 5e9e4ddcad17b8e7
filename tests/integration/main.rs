//! One integration test binary, so the suite links once. Each test starts the real
//! server on a free port with a fresh data folder and drives it over HTTP.

mod api;
mod archive;
mod backup;
mod brand;
mod budget;
mod cache;
mod cli;
mod comments;
mod crash;
mod discovery;
mod editions;
mod flow;
mod formats;
mod front_page;
mod ghost;
mod ghost_import;
mod held;
mod helpers;
mod instances;
mod invalidation;
mod languages;
mod live_blog;
mod load;
mod media;
mod newsroom;
mod newsroom_languages;
mod openapi;
mod operations;
mod pages;
mod polls;
mod reactions;
mod reader_messages;
#[cfg(feature = "s3")]
mod s3;
mod site_pages;
mod sites;
mod stats;
mod store;
mod trust;
mod varient;
mod wordpress;
mod xss;
