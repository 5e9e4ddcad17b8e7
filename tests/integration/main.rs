//! One integration test binary, so the suite links once. Each test starts the real
//! server on a free port with a fresh data folder and drives it over HTTP.

mod api;
mod archive;
mod cache;
mod cli;
mod comments;
mod discovery;
mod helpers;
mod instances;
mod media;
mod newsroom;
mod operations;
mod pages;
mod reactions;
mod store;
mod xss;
