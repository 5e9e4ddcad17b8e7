//! Coherence between instances: several servers on one PostgreSQL database each keep their
//! own page cache and live streams, so each tells the others what it changed, and applies
//! what they tell it. The store carries the notices (`LISTEN/NOTIFY` on PostgreSQL; with
//! SQLite there is one server and nothing to carry).

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::mpsc;

use super::AppState;
use crate::store::ReactionCounts;

/// What changed, in enough detail for another instance to catch up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Content or comments changed: any cached page may be stale.
    Pages,
    /// An admin saved the site's settings: read them again (pages are stale too).
    Settings,
    /// An article's reaction totals, for its cached page and its live stream.
    Reactions {
        article_id: i64,
        counts: ReactionCounts,
    },
    /// Something readers' pages show changed: the pages that show it are stale.
    Touched { touched: crate::changes::Touched },
    /// A poll's results after a vote, for the story's live stream (no page is stale).
    Poll {
        article_id: i64,
        poll_id: crate::domain::PollId,
        update: serde_json::Value,
    },
    /// An article's number of approved comments (pages are stale too).
    Comments { article_id: i64, count: i64 },
    /// The breaking-news banner went up or came down: read it again and tell open pages
    /// (pages are stale too).
    Breaking,
    /// An admin changed the paper's identity or ad slots: read them again (pages are stale
    /// too).
    Brand,
    /// A live-blog entry was posted, edited or deleted: readers with the story open get it
    /// (the page itself goes with the `Touched` notice that follows).
    Entry {
        article_id: i64,
        entry_id: i64,
        action: super::live_blog::EntryAction,
    },
    /// A live blog ended or reopened: readers with it open see its Live badge go or come
    /// back (the page itself goes with the `Touched` notice that follows).
    Coverage { article_id: i64 },
    /// A sign-in (or reset request) from a client address failed, or one succeeded: every
    /// instance counts it, so spreading guesses over instances buys no extra tries.
    SignIn { client: IpAddr, failed: bool },
}

#[derive(Debug, Serialize, Deserialize)]
struct Notice {
    /// The instance that made the change, which has applied it already.
    from: String,
    /// Counts the instance's notices: PostgreSQL folds identical notices sent together
    /// into one, and two failed sign-ins from one address must stay two.
    #[serde(default)]
    n: u64,
    #[serde(flatten)]
    change: Change,
}

/// Most notices sent at once; a burst beyond it is coalesced in the next round.
const BATCH: usize = 256;

/// The outgoing side: changes queue here and one task sends them, coalescing a burst (one
/// `Pages` however many edits, the latest totals of each article).
pub struct Peers {
    queue: mpsc::UnboundedSender<Change>,
    pub instance: String,
}

impl Peers {
    pub fn start(store: std::sync::Arc<dyn crate::store::Store>) -> Peers {
        // Twelve random hex digits name this instance in its notices.
        let token = crate::auth::new_api_token();
        let instance = token[token.len() - 12..].to_owned();
        let (queue, mut changes) = mpsc::unbounded_channel::<Change>();
        let from = instance.clone();
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(BATCH);
            let mut n = 0;
            while changes.recv_many(&mut batch, BATCH).await > 0 {
                for change in coalesce(batch.drain(..)) {
                    n += 1;
                    let notice = Notice {
                        from: from.clone(),
                        n,
                        change,
                    };
                    if let Ok(payload) = serde_json::to_string(&notice) {
                        store.notify_peers(payload);
                    }
                }
            }
        });
        Peers { queue, instance }
    }

    pub fn tell(&self, change: Change) {
        let _ = self.queue.send(change);
    }
}

/// A burst of changes as the fewest notices that say the same.
fn coalesce(changes: impl Iterator<Item = Change>) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for change in changes {
        match &change {
            Change::Reactions { article_id, .. } => {
                out.retain(
                    |c| !matches!(c, Change::Reactions { article_id: a, .. } if a == article_id),
                );
            }
            Change::Comments { article_id, .. } => {
                out.retain(
                    |c| !matches!(c, Change::Comments { article_id: a, .. } if a == article_id),
                );
            }
            Change::Poll { poll_id, .. } => {
                out.retain(|c| !matches!(c, Change::Poll { poll_id: p, .. } if p == poll_id));
            }
            Change::Pages
            | Change::Settings
            | Change::Touched { .. }
            | Change::Breaking
            | Change::Brand
            | Change::Coverage { .. } => {
                if out.contains(&change) {
                    continue;
                }
            }
            // Each attempt counts, and each entry is news.
            Change::SignIn { .. } | Change::Entry { .. } => {}
        }
        out.push(change);
    }
    out
}

/// Applies other instances' changes to this one until the store stops delivering them.
pub async fn follow(state: AppState, mut notices: mpsc::Receiver<Option<String>>) {
    while let Some(notice) = notices.recv().await {
        let Some(text) = notice else {
            // Notices may have been missed while the connection was down.
            if let Err(error) = state.reload_brand().await {
                tracing::warn!(%error, "could not read the identity and ads again");
            }
            state.memory.forget_all();
            state.cache.invalidate_all();
            continue;
        };
        let notice: Notice = match serde_json::from_str(&text) {
            Ok(notice) => notice,
            Err(error) => {
                tracing::warn!(%error, "ignored a notice from another instance");
                continue;
            }
        };
        if notice.from == state.peers.instance {
            continue;
        }
        apply(&state, notice.change).await;
    }
}

async fn apply(state: &AppState, change: Change) {
    match change {
        Change::Pages => {
            state.memory.forget_all();
            state.cache.invalidate_all();
        }
        Change::Settings => {
            if let Err(error) = state.reload_settings().await {
                tracing::warn!(%error, "could not read the settings another instance saved");
            }
            state.cache.invalidate_all();
        }
        Change::Brand => {
            if let Err(error) = state.reload_brand().await {
                tracing::warn!(%error, "could not read the identity another instance saved");
            }
            state.cache.invalidate_all();
        }
        Change::Breaking => {
            state.memory.forget_breaking();
            state.cache.invalidate_all();
            state.announce_breaking().await;
        }
        Change::Reactions { article_id, counts } => {
            state.cache.reactions_changed(article_id);
            let payload = json!({ "reactions": state.reaction_totals(&counts) });
            state.live.publish(article_id, payload.to_string());
        }
        Change::Touched { touched } => state.apply_change(&touched),
        Change::Poll {
            article_id, update, ..
        } => state.live.publish(article_id, update.to_string()),
        Change::Comments { article_id, count } => {
            // The story's page and the lists showing its count.
            state.apply_change(&crate::changes::Touched::Story { id: article_id });
            state
                .live
                .publish(article_id, json!({ "comments": count }).to_string());
        }
        Change::Entry {
            article_id,
            entry_id,
            action,
        } => state.send_entry_event(article_id, entry_id, action).await,
        Change::Coverage { article_id } => state.send_coverage_event(article_id).await,
        Change::SignIn {
            client,
            failed: true,
        } => state.login_throttle.failed(client),
        Change::SignIn {
            client,
            failed: false,
        } => state.login_throttle.succeeded(client),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_becomes_one_notice_per_thing_changed() {
        let counts = |n: i64| ReactionCounts::from([("like".to_owned(), n)]);
        let burst = vec![
            Change::Pages,
            Change::Reactions {
                article_id: 1,
                counts: counts(1),
            },
            Change::Pages,
            Change::Reactions {
                article_id: 2,
                counts: counts(5),
            },
            Change::Reactions {
                article_id: 1,
                counts: counts(2),
            },
        ];
        assert_eq!(
            coalesce(burst.into_iter()),
            vec![
                Change::Pages,
                Change::Reactions {
                    article_id: 2,
                    counts: counts(5)
                },
                Change::Reactions {
                    article_id: 1,
                    counts: counts(2)
                },
            ]
        );
        let notice = Notice {
            from: "a".into(),
            n: 7,
            change: Change::Comments {
                article_id: 3,
                count: 4,
            },
        };
        let text = serde_json::to_string(&notice).expect("json");
        assert_eq!(
            text,
            r#"{"from":"a","n":7,"change":"comments","article_id":3,"count":4}"#
        );
    }
}
