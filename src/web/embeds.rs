//! Embeds on the web: after a story is saved, the server asks each embed's provider for its
//! title and thumbnail (kept as our own `/media/` files), and article bodies are rendered
//! with what it learnt. Readers' browsers ask the provider for nothing before a click.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::Timestamp;

use super::{AppError, AppState};
use crate::embeds::{self, Embed, Preview, fetch};
use crate::media::{self, MediaLimits};
use crate::store::EmbedPreview;

/// The widest thumbnail kept for a placeholder.
const THUMBNAIL_WIDTH: u32 = 960;

fn client() -> Option<&'static reqwest::Client> {
    static CLIENT: OnceLock<Option<reqwest::Client>> = OnceLock::new();
    CLIENT
        .get_or_init(|| match fetch::client() {
            Ok(client) => Some(client),
            Err(error) => {
                tracing::warn!(%error, "embed previews are off: no HTTP client");
                None
            }
        })
        .as_ref()
}

impl AppState {
    /// The body of a story as readers see it: embeds with what is known of them, library
    /// photos as figures.
    pub async fn article_body(&self, markdown: &str) -> Result<String, AppError> {
        let pages: Vec<String> = embeds::in_body(markdown)
            .iter()
            .map(|(_, e)| e.page_url())
            .collect();
        let known = if pages.is_empty() {
            HashMap::new()
        } else {
            self.store.embed_previews(&pages).await?
        };
        let preview = |address: &str| {
            embeds::recognise(address)
                .and_then(|e| known.get(&e.page_url()))
                .map(|p| Preview {
                    title: p.title.clone(),
                    thumbnail_url: p.thumbnail_url.clone(),
                })
                .unwrap_or_default()
        };
        let html = super::views::body_html_with(markdown, &preview);
        self.body_figures(&media::responsive_body_images(&html))
            .await
    }

    /// Asks the providers of a body's embeds that were never asked, in the background.
    pub fn fetch_embed_previews(&self, markdown: &str) {
        let mut wanted: Vec<Embed> = Vec::new();
        for (_, embed) in embeds::in_body(markdown) {
            if embed.oembed_url().is_some() && !wanted.iter().any(|w| w == &embed) {
                wanted.push(embed);
            }
        }
        if wanted.is_empty() {
            return;
        }
        let state = self.clone();
        tokio::spawn(async move {
            let pages: Vec<String> = wanted.iter().map(Embed::page_url).collect();
            let known = match state.store.embed_previews(&pages).await {
                Ok(known) => known,
                Err(error) => {
                    tracing::warn!(%error, "could not read embed previews");
                    return;
                }
            };
            let mut learnt = false;
            for embed in wanted.iter().filter(|e| !known.contains_key(&e.page_url())) {
                learnt |= state.learn_embed(embed).await;
            }
            if learnt {
                state.pages_changed();
            }
        });
    }

    /// Asks one provider and keeps what it says; whether anything was kept.
    async fn learn_embed(&self, embed: &Embed) -> bool {
        let Some(client) = client() else { return false };
        let Some((answer, thumbnail)) = fetch::ask(client, embed).await else {
            tracing::info!(page = %embed.page_url(), "the provider said nothing about an embed");
            return false;
        };
        let thumbnail_url = match thumbnail {
            Some(bytes) => self.keep_thumbnail(bytes).await,
            None => None,
        };
        let preview = EmbedPreview {
            title: fetch::title_of(&answer),
            thumbnail_url,
        };
        match self
            .store
            .save_embed_preview(&embed.page_url(), &preview, Timestamp::now())
            .await
        {
            Ok(()) => true,
            Err(error) => {
                tracing::warn!(%error, "could not keep an embed preview");
                false
            }
        }
    }

    /// Checks and resizes a provider's thumbnail like any photo, keeps its sizes among our
    /// media files, and answers the address of the one a placeholder shows.
    async fn keep_thumbnail(&self, bytes: Vec<u8>) -> Option<String> {
        let limits = MediaLimits {
            max_bytes: fetch::MAX_THUMBNAIL_BYTES,
            max_pixels: 20_000_000,
        };
        let processed = tokio::task::spawn_blocking(move || media::process(bytes, limits))
            .await
            .ok()?
            .ok()?;
        for variant in &processed.variants {
            if let Err(error) = self.media.put(&variant.key, &variant.bytes).await {
                tracing::warn!(%error, "could not keep an embed thumbnail");
                return None;
            }
        }
        processed
            .variants
            .iter()
            .filter(|v| v.mime != "image/webp" && v.width <= THUMBNAIL_WIDTH)
            .max_by_key(|v| v.width)
            .or_else(|| processed.variants.iter().find(|v| v.mime != "image/webp"))
            .map(|v| media::variant_url(&v.key))
    }
}
