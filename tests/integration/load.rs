//! Writes from several tasks against a live site (reactions from new readers and readers
//! changing their minds, comments, edits), each one the server acknowledged remembered, so
//! a test can check that none was lost: by backups taken under load and by servers killed
//! mid-burst.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::xorshift;

const KINDS: [&str; 7] = ["like", "dislike", "love", "funny", "angry", "sad", "wow"];

/// A reader's reaction to an article as the server last acknowledged it. When a later
/// change got no answer (the server died), it may or may not have been saved.
#[derive(Debug, Clone)]
pub struct ReaderReaction {
    pub article: i64,
    /// The reader's cookie (`nd_reader=...`).
    pub cookie: String,
    /// The acknowledged reaction, then any unanswered change after it.
    pub may_be: Vec<Option<String>>,
}

/// Everything the server acknowledged.
#[derive(Debug, Default, Clone)]
pub struct Acknowledged {
    pub reactions: Vec<ReaderReaction>,
    /// (article, comment id, body)
    pub comments: Vec<(i64, i64, String)>,
    /// (article, version, headline) of each acknowledged save.
    pub edits: Vec<(i64, i64, String)>,
    /// Requests that got no answer or an error status.
    pub unanswered: u64,
}

impl Acknowledged {
    pub fn writes(&self) -> usize {
        self.reactions.len() + self.comments.len() + self.edits.len()
    }
}

/// Writers running against one server until stopped.
pub struct Burst {
    stop: Arc<AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Burst {
    /// Starts reaction, comment and edit writers against `base`; `articles` are published
    /// articles, each edited by one writer (so edits do not conflict with each other).
    pub fn start(
        base: &str,
        token: &str,
        articles: &[i64],
        seed: u64,
        acknowledged: &Arc<Mutex<Acknowledged>>,
    ) -> Burst {
        let stop = Arc::new(AtomicBool::new(false));
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("client");
        let mut tasks = Vec::new();
        for n in 0..3u64 {
            tasks.push(tokio::spawn(react(
                Writer::new(base, token, &client, &stop, acknowledged, seed + n),
                articles.to_vec(),
            )));
        }
        tasks.push(tokio::spawn(comment(
            Writer::new(base, token, &client, &stop, acknowledged, seed + 10),
            articles.to_vec(),
        )));
        for (n, article) in articles.iter().enumerate() {
            tasks.push(tokio::spawn(edit(
                Writer::new(
                    base,
                    token,
                    &client,
                    &stop,
                    acknowledged,
                    seed + 20 + n as u64,
                ),
                *article,
            )));
        }
        Burst { stop, tasks }
    }

    /// Waits until `acknowledged` holds at least `writes` writes (at most 30 s: a machine
    /// busy with other work is slow, not broken).
    pub async fn until(&self, acknowledged: &Mutex<Acknowledged>, writes: usize) {
        let started = std::time::Instant::now();
        while acknowledged.lock().expect("acknowledged").writes() < writes {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the writers got no further than {} writes",
                acknowledged.lock().expect("acknowledged").writes()
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Stops the writers and waits for them.
    pub async fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        for task in self.tasks {
            task.await.expect("writer");
        }
    }
}

struct Writer {
    base: String,
    token: String,
    client: reqwest::Client,
    stop: Arc<AtomicBool>,
    acknowledged: Arc<Mutex<Acknowledged>>,
    random: u64,
}

impl Writer {
    fn new(
        base: &str,
        token: &str,
        client: &reqwest::Client,
        stop: &Arc<AtomicBool>,
        acknowledged: &Arc<Mutex<Acknowledged>>,
        seed: u64,
    ) -> Writer {
        Writer {
            base: base.to_owned(),
            token: token.to_owned(),
            client: client.clone(),
            stop: stop.clone(),
            acknowledged: acknowledged.clone(),
            random: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
        }
    }

    fn running(&self) -> bool {
        !self.stop.load(Ordering::Relaxed)
    }

    fn pick(&mut self, n: usize) -> usize {
        (xorshift(&mut self.random) % n as u64) as usize
    }

    fn note(&self, write: impl FnOnce(&mut Acknowledged)) {
        write(&mut self.acknowledged.lock().expect("acknowledged"));
    }

    /// An unanswered request: the server may be gone, so do not spin.
    async fn unanswered(&self) {
        self.note(|a| a.unanswered += 1);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    async fn reaction(
        &self,
        method: Method,
        article: i64,
        cookie: Option<&str>,
        kind: Option<&str>,
    ) -> Option<(StatusCode, Option<String>)> {
        let mut request = self.client.request(
            method,
            format!("{}/api/v1/articles/{article}/reactions", self.base),
        );
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(kind) = kind {
            request = request.json(&json!({ "kind": kind }));
        }
        let response = request.send().await.ok()?;
        let set_cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("nd_reader="))
            .and_then(|v| v.split(';').next())
            .map(str::to_owned);
        let status = response.status();
        response.bytes().await.ok()?;
        Some((status, set_cookie))
    }
}

/// New readers react; some change their reaction or take it back.
async fn react(mut writer: Writer, articles: Vec<i64>) {
    while writer.running() {
        let article = articles[writer.pick(articles.len())];
        let kind = KINDS[writer.pick(KINDS.len())];
        let Some((StatusCode::OK, Some(cookie))) = writer
            .reaction(Method::PUT, article, None, Some(kind))
            .await
        else {
            writer.unanswered().await;
            continue;
        };
        let mut reader = ReaderReaction {
            article,
            cookie,
            may_be: vec![Some(kind.to_owned())],
        };
        match writer.pick(4) {
            0 => {
                let other = KINDS[writer.pick(KINDS.len())];
                match writer
                    .reaction(Method::PUT, article, Some(&reader.cookie), Some(other))
                    .await
                {
                    Some((StatusCode::OK, _)) => reader.may_be = vec![Some(other.to_owned())],
                    _ => reader.may_be.push(Some(other.to_owned())),
                }
            }
            1 => match writer
                .reaction(Method::DELETE, article, Some(&reader.cookie), None)
                .await
            {
                Some((StatusCode::OK, _)) => reader.may_be = vec![None],
                _ => reader.may_be.push(None),
            },
            _ => {}
        }
        writer.note(|a| a.reactions.push(reader));
    }
}

/// Readers comment.
async fn comment(mut writer: Writer, articles: Vec<i64>) {
    let mut n = 0;
    while writer.running() {
        n += 1;
        let article = articles[writer.pick(articles.len())];
        let body = format!("Comment {n} from writer {}", writer.random % 1000);
        let sent = writer
            .client
            .post(format!(
                "{}/api/v1/articles/{article}/comments",
                writer.base
            ))
            .json(&json!({ "author_name": "Reader", "body": body }))
            .send()
            .await;
        let answer = match sent {
            Ok(response) if response.status() == StatusCode::CREATED => {
                response.json::<Value>().await.ok()
            }
            _ => None,
        };
        match answer.and_then(|v| v["id"].as_i64()) {
            Some(id) => writer.note(|a| a.comments.push((article, id, body))),
            None => writer.unanswered().await,
        }
    }
}

/// An editor saves one article again and again, each save based on the last.
async fn edit(writer: Writer, article: i64) {
    let mut version = None;
    let mut n = 0;
    while writer.running() {
        let Some(current) = version else {
            // After a lost answer the save may or may not have happened: ask.
            let response = writer
                .client
                .get(format!("{}/api/v1/articles/{article}", writer.base))
                .bearer_auth(&writer.token)
                .send()
                .await
                .ok()
                .filter(|r| r.status() == StatusCode::OK);
            version = match response {
                Some(response) => response
                    .json::<Value>()
                    .await
                    .ok()
                    .and_then(|v| v["version"].as_i64()),
                None => None,
            };
            if version.is_none() {
                writer.unanswered().await;
            }
            continue;
        };
        n += 1;
        let title = format!("Edition {article}-{current}-{n}");
        let saved = writer
            .client
            .patch(format!("{}/api/v1/articles/{article}", writer.base))
            .bearer_auth(&writer.token)
            .json(&json!({ "version": current, "title": title }))
            .send()
            .await;
        let answer = match saved {
            Ok(response) if response.status() == StatusCode::OK => {
                response.json::<Value>().await.ok()
            }
            _ => None,
        };
        match answer.and_then(|v| v["version"].as_i64()) {
            Some(saved_as) => {
                writer.note(|a| a.edits.push((article, saved_as, title)));
                version = Some(saved_as);
            }
            None => {
                version = None;
                writer.unanswered().await;
            }
        }
    }
}

/// Checks over HTTP that every acknowledged write is on the site: each reader's reaction
/// (as `mine`), each comment, each saved version of each article.
pub async fn assert_nothing_lost(base: &str, token: &str, acknowledged: &Acknowledged) {
    let client = reqwest::Client::new();
    for reader in &acknowledged.reactions {
        let mine: Value = client
            .get(format!(
                "{base}/api/v1/articles/{}/reactions",
                reader.article
            ))
            .header("cookie", &reader.cookie)
            .send()
            .await
            .expect("reactions")
            .json()
            .await
            .expect("json");
        let mine = mine["mine"].as_str().map(str::to_owned);
        assert!(
            reader.may_be.contains(&mine),
            "a reader's acknowledged reaction to article {} was {:?}; the site has {mine:?}",
            reader.article,
            reader.may_be
        );
    }
    for (article, id, body) in &acknowledged.comments {
        let response = client
            .get(format!("{base}/api/v1/comments/{id}"))
            .bearer_auth(token)
            .send()
            .await
            .expect("comment");
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "acknowledged comment {id} is gone"
        );
        let comment: Value = response.json().await.expect("json");
        assert_eq!(comment["body"], body.as_str(), "comment {id}");
        assert_eq!(comment["article_id"], *article, "comment {id}: {comment}");
    }
    let mut articles: Vec<i64> = acknowledged.edits.iter().map(|e| e.0).collect();
    articles.dedup();
    articles.sort_unstable();
    articles.dedup();
    for article in articles {
        let revisions: Value = client
            .get(format!("{base}/api/v1/articles/{article}/revisions"))
            .bearer_auth(token)
            .send()
            .await
            .expect("revisions")
            .json()
            .await
            .expect("json");
        let saved: Vec<(i64, String)> = revisions["items"]
            .as_array()
            .expect("revisions")
            .iter()
            .filter(|r| r["kind"] == "save")
            .map(|r| {
                (
                    r["version"].as_i64().unwrap_or(0),
                    r["snapshot"]["title"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        for (_, version, title) in acknowledged.edits.iter().filter(|e| e.0 == article) {
            assert!(
                saved.contains(&(*version, title.clone())),
                "article {article}'s acknowledged version {version} ({title}) is gone"
            );
        }
    }
}

/// Opens a database as the tests' own client, for what only SQL can see.
pub async fn sql_rows<T>(database_url: &str, sql: &str) -> Vec<T>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    use sqlx::Connection;
    if database_url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(database_url)
            .await
            .expect("open the SQLite file");
        let rows = sqlx::query_as(sql)
            .fetch_all(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        let _ = conn.close().await;
        rows
    } else {
        let mut conn = sqlx::PgConnection::connect(database_url)
            .await
            .expect("connect to PostgreSQL");
        let rows = sqlx::query_as(sql)
            .fetch_all(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        let _ = conn.close().await;
        rows
    }
}

/// Every reaction total equals its rows, and no row is left out of a total.
pub async fn assert_totals_equal_rows(database_url: &str) {
    let wrong: Vec<(i64, String, i64, i64)> = sql_rows(
        database_url,
        "SELECT c.article_id, c.kind, c.count, \
         (SELECT COUNT(*) FROM reactions r WHERE r.article_id = c.article_id AND r.kind = c.kind) \
         FROM reaction_counts c \
         WHERE c.count <> (SELECT COUNT(*) FROM reactions r \
                           WHERE r.article_id = c.article_id AND r.kind = c.kind)",
    )
    .await;
    assert!(
        wrong.is_empty(),
        "totals that differ from their rows: {wrong:?}"
    );
    let uncounted: Vec<(i64,)> = sql_rows(
        database_url,
        "SELECT COUNT(*) FROM reactions r WHERE NOT EXISTS \
         (SELECT 1 FROM reaction_counts c WHERE c.article_id = r.article_id AND c.kind = r.kind)",
    )
    .await;
    assert_eq!(uncounted, vec![(0,)], "reactions missing from the totals");
}

/// The records agree with each other as at one moment: each article's version is its
/// newest saved revision (a copy read table by table while editors save would hold
/// revisions newer than their article).
pub async fn assert_one_moment(database_url: &str) {
    let torn: Vec<(i64, i64)> = sql_rows(
        database_url,
        "SELECT a.id, a.version FROM articles a WHERE a.version <> \
         (SELECT MAX(r.version) FROM article_revisions r \
          WHERE r.article_id = a.id AND r.kind = 'save')",
    )
    .await;
    assert!(
        torn.is_empty(),
        "articles whose revisions are from another moment: {torn:?}"
    );
}

/// `PRAGMA integrity_check` on a SQLite file answers `ok`.
pub async fn assert_sqlite_sound(database_url: &str) {
    let check: Vec<(String,)> = sql_rows(database_url, "PRAGMA integrity_check").await;
    assert_eq!(check, vec![("ok".to_owned(),)], "integrity_check");
    let orphans: Vec<(String,)> = sql_rows(
        database_url,
        "SELECT \"table\" FROM pragma_foreign_key_check",
    )
    .await;
    assert!(orphans.is_empty(), "rows whose parent is gone: {orphans:?}");
}
