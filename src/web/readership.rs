//! Counting reads without tracking readers: no cookie, no address, only a number per
//! article per hour, buffered in memory and written in one transaction every
//! `FLUSH_INTERVAL` (and when the server stops), so counting never slows a page.
//! A crash loses at most the reads of the last interval.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::store::Store;

pub const FLUSH_INTERVAL: Duration = Duration::from_secs(5);

/// User agents of crawlers, monitors and scripts, whose fetches are not reads.
const NOT_READERS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "curl",
    "wget",
    "python",
    "java/",
    "go-http",
    "okhttp",
    "headless",
    "lighthouse",
    "monitor",
    "preview",
    "facebookexternalhit",
    "feed",
    "http_request",
];

/// Whether a request with this `User-Agent` is a person reading.
pub fn is_reader(user_agent: Option<&str>) -> bool {
    match user_agent {
        None => false,
        Some(agent) => {
            let agent = agent.to_ascii_lowercase();
            agent.contains("mozilla/") && !NOT_READERS.iter().any(|word| agent.contains(word))
        }
    }
}

/// At most this many different referring hosts are kept per flush; the rest of an
/// interval's referrers count under `OTHER_HOSTS`, so a stranger sending made-up
/// `Referer` headers cannot grow the table without bound.
const MOST_HOSTS_PER_FLUSH: usize = 500;
pub const OTHER_HOSTS: &str = "(others)";
/// How often hourly rows older than 90 days are folded into days.
const ROLL_UP_EVERY: Duration = Duration::from_secs(3600);

#[derive(Default)]
struct Pending {
    /// (article, Unix hour) → reads
    hours: HashMap<(i64, i64), i64>,
    /// (article, Unix minute) → reads
    minutes: HashMap<(i64, i64), i64>,
    /// (article, Unix hour, referring host) → reads
    referrers: HashMap<(i64, i64, String), i64>,
}

#[derive(Default)]
pub struct ReadCounter {
    pending: Mutex<Pending>,
}

impl ReadCounter {
    /// Starts the counter and the task that writes its counts every interval (and folds
    /// old hourly rows into days every hour).
    pub fn start(store: Arc<dyn Store>) -> Arc<ReadCounter> {
        let counter = Arc::new(ReadCounter::default());
        let weak = Arc::downgrade(&counter);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(FLUSH_INTERVAL);
            tick.tick().await;
            let mut rolled_up: Option<tokio::time::Instant> = None;
            loop {
                tick.tick().await;
                let Some(counter) = weak.upgrade() else {
                    return;
                };
                counter.flush(store.as_ref()).await;
                if rolled_up.is_none_or(|at| at.elapsed() >= ROLL_UP_EVERY) {
                    rolled_up = Some(tokio::time::Instant::now());
                    match crate::stats::roll_up(store.as_ref(), jiff::Timestamp::now()).await {
                        Ok(0) => {}
                        Ok(days) => tracing::info!(days, "folded old hourly read counts into days"),
                        Err(error) => tracing::warn!(%error, "could not fold old read counts"),
                    }
                }
            }
        });
        counter
    }

    /// Counts one read of an article, now, and the host of the page that linked to it.
    pub fn record(&self, article_id: i64, referrer_host: Option<String>) {
        let now = jiff::Timestamp::now().as_second();
        let hour = now.div_euclid(3600);
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        *pending.hours.entry((article_id, hour)).or_default() += 1;
        *pending
            .minutes
            .entry((article_id, now.div_euclid(60)))
            .or_default() += 1;
        if let Some(host) = referrer_host {
            let mut key = (article_id, hour, host);
            if pending.referrers.len() >= MOST_HOSTS_PER_FLUSH
                && !pending.referrers.contains_key(&key)
            {
                key.2 = OTHER_HOSTS.to_owned();
            }
            *pending.referrers.entry(key).or_default() += 1;
        }
    }

    /// Writes the buffered counts; on failure they stay buffered for the next try.
    pub async fn flush(&self, store: &dyn Store) {
        let taken = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|p| p.into_inner()));
        if taken.hours.is_empty() {
            return;
        }
        let batch: Vec<(i64, i64, i64)> =
            taken.hours.iter().map(|((a, h), n)| (*a, *h, *n)).collect();
        if let Err(error) = store.record_views(&batch).await {
            tracing::warn!(%error, "could not save read counts; keeping them for the next try");
            let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
            for (key, n) in taken.hours {
                *pending.hours.entry(key).or_default() += n;
            }
            for (key, n) in taken.referrers {
                *pending.referrers.entry(key).or_default() += n;
            }
            return;
        }
        // Referrers and the last minutes are a view onto the same reads: if they cannot be
        // written they are dropped rather than counted twice later.
        let details = crate::store::ReadDetails {
            referrers: taken
                .referrers
                .into_iter()
                .map(|((a, h, host), n)| (a, h, host, n))
                .collect(),
            recent: taken
                .minutes
                .into_iter()
                .map(|((a, m), n)| (a, m, n))
                .collect(),
        };
        let forget_before = jiff::Timestamp::now().as_second().div_euclid(60) - 60;
        if let Err(error) = store.record_read_details(&details, forget_before).await {
            tracing::warn!(%error, "could not save where reads came from");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_reader;

    #[test]
    fn browsers_are_readers_and_bots_are_not() {
        assert!(is_reader(Some(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
        )));
        assert!(!is_reader(Some(
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        )));
        assert!(!is_reader(Some("curl/8.1")));
        assert!(!is_reader(Some(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36"
        )));
        assert!(!is_reader(None));
    }
}
