//! Live updates for readers with a page open: one broadcast channel per article, fed by
//! writes. Counts are throttled so a hot story sends at most one update per interval (only
//! the latest state matters); a live blog's entries are events that each go out at once.
//! And one site-wide channel that every public page listens to (the breaking-news banner).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use tokio::sync::broadcast;

/// The shortest gap between two updates of one article's stream.
pub const INTERVAL: Duration = Duration::from_millis(100);
/// Messages a reader's stream may fall behind by before it skips some: room for a burst
/// of live-blog entries on a slow phone connection.
const BACKLOG: usize = 64;

/// One message on an article's stream: its Server-Sent Events name and JSON data.
#[derive(Debug, Clone)]
pub struct Message {
    /// `update` (counts) or `entry` (a live-blog entry posted, edited or deleted).
    pub event: &'static str,
    pub data: Arc<str>,
}

pub struct LiveHub {
    channels: Mutex<HashMap<i64, Channel>>,
    /// Site-wide news for every open page: rare, so never throttled.
    site: broadcast::Sender<Arc<str>>,
}

impl Default for LiveHub {
    fn default() -> Self {
        LiveHub {
            channels: Mutex::default(),
            site: broadcast::channel(16).0,
        }
    }
}

struct Channel {
    sender: broadcast::Sender<Message>,
    last_sent: Instant,
    pending: Option<Message>,
}

impl LiveHub {
    /// Starts the hub and the task that sends updates held back by the throttle.
    pub fn start() -> Arc<LiveHub> {
        let hub = Arc::new(LiveHub::default());
        tokio::spawn(flush_pending(Arc::downgrade(&hub)));
        hub
    }

    fn channels(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Channel>> {
        self.channels
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The site-wide stream every public page may follow.
    pub fn subscribe_site(&self) -> broadcast::Receiver<Arc<str>> {
        self.site.subscribe()
    }

    /// Tells every open page something site-wide (the banner went up or came down).
    pub fn publish_site(&self, payload: String) {
        let _ = self.site.send(payload.into());
    }

    pub fn subscribe(&self, article_id: i64) -> broadcast::Receiver<Message> {
        self.channels()
            .entry(article_id)
            .or_insert_with(|| Channel {
                sender: broadcast::channel(BACKLOG).0,
                last_sent: Instant::now() - INTERVAL,
                pending: None,
            })
            .sender
            .subscribe()
    }

    /// Sends an article's latest state to its readers now, or at the end of the interval
    /// if one was just sent; only the newest state of a burst goes out.
    pub fn publish(&self, article_id: i64, payload: String) {
        let mut channels = self.channels();
        let Some(channel) = channels.get_mut(&article_id) else {
            return;
        };
        if channel.sender.receiver_count() == 0 {
            channels.remove(&article_id);
            return;
        }
        let payload = Message {
            event: "update",
            data: payload.into(),
        };
        if channel.last_sent.elapsed() >= INTERVAL {
            channel.last_sent = Instant::now();
            channel.pending = None;
            let _ = channel.sender.send(payload);
        } else {
            // Held back: what is already waiting keeps its parts this update does not
            // carry, so a vote right after a reaction does not hide the reaction.
            channel.pending = Some(match channel.pending.take() {
                Some(waiting) => Message {
                    event: payload.event,
                    data: merge(&waiting.data, &payload.data),
                },
                None => payload,
            });
        }
    }
}

impl LiveHub {
    /// Sends an event to an article's readers now, unthrottled and never folded into
    /// another: each live-blog entry matters, not only the latest.
    pub fn send_event(&self, article_id: i64, event: &'static str, payload: String) {
        let mut channels = self.channels();
        let Some(channel) = channels.get_mut(&article_id) else {
            return;
        };
        if channel.sender.receiver_count() == 0 {
            channels.remove(&article_id);
            return;
        }
        let _ = channel.sender.send(Message {
            event,
            data: payload.into(),
        });
    }
}

/// Two updates of one stream as one: the newer's parts win, and parts that are objects on
/// both sides (a story's polls by id) are merged one level down.
fn merge(older: &str, newer: &Arc<str>) -> Arc<str> {
    use serde_json::Value;
    let (Ok(Value::Object(mut merged)), Ok(Value::Object(newer_parts))) = (
        serde_json::from_str::<Value>(older),
        serde_json::from_str::<Value>(newer),
    ) else {
        return newer.clone();
    };
    for (key, value) in newer_parts {
        match (merged.get_mut(&key), value) {
            (Some(Value::Object(held)), Value::Object(parts)) => held.extend(parts),
            (_, value) => {
                merged.insert(key, value);
            }
        }
    }
    Value::Object(merged).to_string().into()
}

async fn flush_pending(hub: Weak<LiveHub>) {
    let mut tick = tokio::time::interval(INTERVAL / 2);
    loop {
        tick.tick().await;
        let Some(hub) = hub.upgrade() else { return };
        let mut channels = hub.channels();
        channels.retain(|_, channel| channel.sender.receiver_count() > 0);
        for channel in channels.values_mut() {
            if channel.last_sent.elapsed() >= INTERVAL
                && let Some(payload) = channel.pending.take()
            {
                channel.last_sent = Instant::now();
                let _ = channel.sender.send(payload);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_burst_of_updates_arrives_as_its_latest_state() {
        let hub = LiveHub::start();
        let mut rx = hub.subscribe(7);
        for n in 0..50 {
            hub.publish(7, format!("{n}"));
        }
        assert_eq!(&*rx.recv().await.expect("first").data, "0");
        let next = tokio::time::timeout(Duration::from_secs(1), rx.recv())
            .await
            .expect("in time")
            .expect("second");
        assert_eq!(&*next.data, "49");
        // Updates of different parts sent in a burst all arrive, merged or one by one.
        hub.publish(7, r#"{"reactions":{"like":1}}"#.into());
        hub.publish(7, r#"{"polls":{"3":{"total":1}}}"#.into());
        hub.publish(7, r#"{"polls":{"4":{"total":2}}}"#.into());
        let mut seen = serde_json::Map::new();
        while let Ok(Ok(payload)) =
            tokio::time::timeout(Duration::from_millis(400), rx.recv()).await
        {
            let serde_json::Value::Object(parts) =
                serde_json::from_str(&payload.data).expect("json")
            else {
                panic!("an object");
            };
            for (key, value) in parts {
                match (seen.get_mut(&key), value) {
                    (Some(serde_json::Value::Object(held)), serde_json::Value::Object(more)) => {
                        held.extend(more)
                    }
                    (_, value) => {
                        seen.insert(key, value);
                    }
                }
            }
        }
        assert_eq!(seen["reactions"]["like"], 1);
        assert_eq!(seen["polls"]["3"]["total"], 1);
        assert_eq!(seen["polls"]["4"]["total"], 2);
        hub.publish(8, "nobody listens".into());
    }

    #[tokio::test]
    async fn every_event_of_a_burst_arrives_in_order() {
        let hub = LiveHub::start();
        let mut rx = hub.subscribe(7);
        for n in 0..20 {
            hub.send_event(7, "entry", format!("{n}"));
        }
        for n in 0..20 {
            let message = rx.recv().await.expect("event");
            assert_eq!(message.event, "entry");
            assert_eq!(&*message.data, n.to_string());
        }
    }
}
