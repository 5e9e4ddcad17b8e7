//! Newsdesk: a news publishing platform. A newsroom writes and publishes articles;
//! readers read them.
//!
//! `domain` holds types that validate themselves, `store` the storage seam and its
//! backends, `newsroom` the rules for changing content, `web` the HTTP app, and `server`
//! ties them together for `newsdesk serve`.

pub mod ads;
pub mod archive;
pub mod auth;
pub mod backup;
pub mod changes;
pub mod cli;
pub mod comments;
pub mod compare;
pub mod config;
pub mod demo;
pub mod domain;
pub mod editions;
pub mod embeds;
pub mod files;
pub mod formats;
pub mod front_page;
pub mod galleries;
pub mod ghost;
pub mod i18n;
pub mod identity;
pub mod import;
pub mod integrations;
pub mod lists;
pub mod live_blog;
pub mod mail;
pub mod markdown;
pub mod media;
pub mod newsroom;
pub mod pages;
pub mod polls;
pub mod preview;
pub mod reading;
pub mod review;
pub mod secrets;
pub mod server;
pub mod stats;
pub mod store;
pub mod trust;
pub mod video;
pub mod web;
