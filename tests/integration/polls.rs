//! Reader polls through the real server: the newsroom attaches them, readers vote once each
//! (moving or withdrawing their vote), the results stay hidden or show as the poll says,
//! votes are exact under concurrency, travel live, and never empty the page cache.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use newsdesk::config::RateLimit;
use newsdesk::domain::PollId;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, PgSchema, TestApp, attr, count, text, user_token};

/// A reader with a cookie jar of one cookie, talking to one server.
#[derive(Clone, Default)]
struct Reader {
    cookie: Option<String>,
}

impl Reader {
    async fn send(
        &mut self,
        client: &reqwest::Client,
        url: String,
        method: Method,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = client.request(method, url);
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("send");
        if let Some(set) = response.headers().get("set-cookie") {
            let pair = set
                .to_str()
                .expect("ascii")
                .split(';')
                .next()
                .expect("pair");
            self.cookie = Some(pair.to_owned());
        }
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn vote(&mut self, app: &TestApp, poll: i64, option: i64) -> (StatusCode, Value) {
        let url = app.url(&format!("/api/v1/polls/{poll}/vote"));
        self.send(
            &app.client,
            url,
            Method::PUT,
            Some(json!({ "option": option })),
        )
        .await
    }

    async fn withdraw(&mut self, app: &TestApp, poll: i64) -> (StatusCode, Value) {
        let url = app.url(&format!("/api/v1/polls/{poll}/vote"));
        self.send(&app.client, url, Method::DELETE, None).await
    }

    async fn look(&mut self, app: &TestApp, poll: i64) -> (StatusCode, Value) {
        let url = app.url(&format!("/api/v1/polls/{poll}"));
        self.send(&app.client, url, Method::GET, None).await
    }
}

async fn unlimited() -> TestApp {
    TestApp::spawn_with(|s| {
        s.reaction_limit = RateLimit {
            burst: 1_000_000,
            per_minute: 1_000_000,
        };
    })
    .await
}

async fn attach(app: &TestApp, article: &Value, poll: Value) -> Value {
    let (status, body) = app
        .api(
            Method::POST,
            &format!("/articles/{}/polls", article["id"]),
            Some(poll),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

fn option_id(poll: &Value, index: usize) -> i64 {
    poll["options"][index]["id"].as_i64().expect("option id")
}

fn votes(poll: &Value) -> Vec<i64> {
    poll["options"]
        .as_array()
        .expect("options")
        .iter()
        .map(|o| o["votes"].as_i64().expect("votes shown"))
        .collect()
}

#[tokio::test]
async fn a_reader_votes_moves_their_vote_and_withdraws_it() {
    let app = unlimited().await;
    let article = app.published("Bridge story", "Body").await;
    let poll = attach(
        &app,
        &article,
        json!({"question": "Should the bridge be rebuilt?", "options": ["Yes", "No"]}),
    )
    .await;
    assert_eq!(poll["question"], "Should the bridge be rebuilt?");
    assert_eq!(poll["total"], 0);
    assert_eq!(poll["closed"], false);
    assert_eq!(poll["options"][0]["label"], "Yes");
    assert_eq!(votes(&poll), vec![0, 0]);
    let id = poll["id"].as_i64().expect("id");
    let (yes, no) = (option_id(&poll, 0), option_id(&poll, 1));

    // Before voting, this poll hides its figures.
    let mut reader = Reader::default();
    let (status, seen) = reader.look(&app, id).await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert!(seen["total"].is_null(), "{seen}");
    assert!(seen["options"][0]["votes"].is_null(), "{seen}");
    assert_eq!(seen["options"][1]["label"], "No");

    let (status, after) = reader.vote(&app, id, yes).await;
    assert_eq!(status, StatusCode::OK, "{after}");
    assert!(
        reader.cookie.is_some(),
        "the first vote sets the reader cookie"
    );
    assert_eq!(after["mine"], yes);
    assert_eq!(after["total"], 1);
    assert_eq!(votes(&after), vec![1, 0]);

    // A second vote moves it.
    let (_, moved) = reader.vote(&app, id, no).await;
    assert_eq!(moved["mine"], no);
    assert_eq!(votes(&moved), vec![0, 1]);
    let (_, seen) = reader.look(&app, id).await;
    assert_eq!(seen["mine"], no);
    assert_eq!(seen["options"][1]["mine"], true);

    // Another reader's vote counts separately.
    let mut other = Reader::default();
    let (_, both) = other.vote(&app, id, no).await;
    assert_eq!(votes(&both), vec![0, 2]);
    assert_eq!(both["options"][1]["percent"], 100);

    let (status, withdrawn) = reader.withdraw(&app, id).await;
    assert_eq!(status, StatusCode::OK, "{withdrawn}");
    assert!(withdrawn["mine"].is_null());
    assert!(withdrawn["total"].is_null(), "hidden again: {withdrawn}");
    let (_, still) = other.look(&app, id).await;
    assert_eq!(votes(&still), vec![0, 1]);
    let rows = app
        .store
        .count_poll_vote_rows(PollId(id))
        .await
        .expect("rows");
    assert_eq!(rows, BTreeMap::from([(no, 1)]));
}

#[tokio::test]
async fn refusals_say_what_was_wrong() {
    let app = unlimited().await;
    let article = app.published("Refusals story", "Body").await;
    let path = format!("/articles/{}/polls", article["id"]);

    let (status, problem) = app
        .api(
            Method::POST,
            &path,
            Some(json!({"question": "Yes?", "options": ["Yes"]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let said = problem.to_string();
    assert!(said.contains("at least 2 options"), "{said}");

    let (status, problem) = app
        .api(
            Method::POST,
            &path,
            Some(json!({"question": "", "options": ["Yes", "yes"],
                        "closes_at": "2001-01-01T00:00:00Z"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: BTreeSet<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        BTreeSet::from(["question", "options", "closes_at"]),
        "{problem}"
    );

    // Without a token, and from someone who may not change the story.
    let response = app
        .client
        .post(app.url(&format!("/api/v1{path}")))
        .json(&json!({"question": "Q?", "options": ["A", "B"]}))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let contributor = user_token(app.store.as_ref(), "c@example.com", "contributor").await;
    let (status, problem) = app
        .api_as(
            &contributor,
            Method::POST,
            &path,
            Some(json!({"question": "Q?", "options": ["A", "B"]})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("someone else's")
    );
    let (status, _) = app
        .api_as(&contributor, Method::DELETE, "/polls/1", None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let poll = attach(
        &app,
        &article,
        json!({"question": "Q?", "options": ["A", "B"], "results_before_vote": true}),
    )
    .await;
    let id = poll["id"].as_i64().expect("id");
    let (status, _) = app
        .api_as(&contributor, Method::DELETE, &format!("/polls/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // A vote for another poll's option, from another site, or with no option.
    let mut reader = Reader::default();
    let (status, problem) = reader.vote(&app, id, 987_654).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(
        problem
            .to_string()
            .contains("not one of this poll's options")
    );
    let response = app
        .client
        .put(app.url(&format!("/api/v1/polls/{id}/vote")))
        .header("origin", "https://elsewhere.example")
        .json(&json!({"option": option_id(&poll, 0)}))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let url = app.url(&format!("/api/v1/polls/{id}/vote"));
    let (status, _) = reader
        .send(&app.client, url, Method::PUT, Some(json!({"option": "A"})))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = reader.vote(&app, 987_654, 1).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A poll on a story readers cannot see is not there for them.
    let (_, draft) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", article["id"]),
            Some(json!({"status": "draft", "version": article["version"]})),
        )
        .await;
    assert_eq!(draft["status"], "draft", "{draft}");
    let (status, _) = reader.look(&app, id).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = reader.vote(&app, id, option_id(&poll, 0)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Votes are readers' quick writes: limited like reactions.
    let limited = TestApp::spawn_with(|s| {
        s.reaction_limit = RateLimit {
            burst: 2,
            per_minute: 1,
        };
    })
    .await;
    let story = limited.published("Limited story", "Body").await;
    let poll = attach(
        &limited,
        &story,
        json!({"question": "Q?", "options": ["A", "B"]}),
    )
    .await;
    let id = poll["id"].as_i64().expect("id");
    let mut reader = Reader::default();
    for _ in 0..2 {
        let (status, _) = reader.vote(&limited, id, option_id(&poll, 0)).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, problem) = reader.vote(&limited, id, option_id(&poll, 1)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("Too many votes")
    );
}

#[tokio::test]
async fn a_closed_poll_shows_its_final_results_and_takes_no_more_votes() {
    let app = unlimited().await;
    let article = app.published("Closing story", "Body").await;
    let poll = attach(
        &app,
        &article,
        json!({"question": "Open late?", "options": ["Yes", "No", "Maybe"]}),
    )
    .await;
    let id = poll["id"].as_i64().expect("id");
    for n in 0..3 {
        let (status, _) = Reader::default()
            .vote(&app, id, option_id(&poll, n % 2))
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    let slug = article["slug"].as_str().expect("slug");
    let (_, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(count(&page, ".poll .poll-form input[type=radio]"), 3);
    assert_eq!(count(&page, ".poll-final"), 0);

    // An editor closes it early in the newsroom.
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let response = editor.post(&format!("/admin/polls/{id}/close"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let mut late = Reader::default();
    let (status, problem) = late.vote(&app, id, option_id(&poll, 2)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("closed")
    );
    let (_, seen) = late.look(&app, id).await;
    assert_eq!(seen["closed"], true);
    assert_eq!(votes(&seen), vec![2, 1, 0], "final results for everyone");

    // The story's page (cached before) shows the final results.
    let (_, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(count(&page, ".poll-final li"), 3);
    assert_eq!(count(&page, ".poll-form"), 0);
    let note = text(&page, ".poll .poll-note").expect("note");
    assert!(note.contains("3 votes in all"), "{note}");
}

#[tokio::test]
async fn votes_never_empty_the_page_cache_but_a_new_poll_does() {
    let app = unlimited().await;
    let article = app.published("Cached poll story", "Body").await;
    let path = format!("/article/{}", article["slug"].as_str().expect("slug"));
    let cache_label = |response: &reqwest::Response| {
        response
            .headers()
            .get("x-cache")
            .map(|v| v.to_str().expect("ascii").to_owned())
            .unwrap_or_default()
    };
    app.get(&path).await;
    let poll = attach(
        &app,
        &article,
        json!({"question": "Cached?", "options": ["A", "B"], "results_before_vote": true}),
    )
    .await;
    let response = app.get(&path).await;
    assert_eq!(
        cache_label(&response),
        "MISS",
        "a new poll makes the page stale"
    );
    let html = response.text().await.expect("html");
    assert!(html.contains("Cached?"));
    assert_eq!(cache_label(&app.get(&path).await), "HIT");

    let id = poll["id"].as_i64().expect("id");
    let (status, _) = Reader::default().vote(&app, id, option_id(&poll, 0)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        cache_label(&app.get(&path).await),
        "HIT",
        "a vote keeps the page"
    );
}

#[tokio::test]
async fn the_poll_works_as_plain_forms_without_javascript() {
    let app = unlimited().await;
    let article = app.published("Form poll story", "Body").await;
    let poll = attach(
        &app,
        &article,
        json!({"question": "Walk or ride?", "options": ["Walk", "Ride"]}),
    )
    .await;
    let id = poll["id"].as_i64().expect("id");
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client");
    let form_url = app.url(&format!("/polls/{id}/vote"));
    let ride = option_id(&poll, 1).to_string();
    let response = browser
        .post(&form_url)
        .header("origin", &app.base)
        .form(&[("option", ride.as_str())])
        .send()
        .await
        .expect("vote");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(location.starts_with(&format!("/polls/{id}")), "{location}");
    let page = browser
        .get(app.url(&location))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    let page = scraper::Html::parse_document(&page);
    assert!(text(&page, ".poll-thanks").is_some());
    let mine = text(&page, ".poll-choice.mine .poll-label").expect("my vote marked");
    assert_eq!(mine, "Ride");
    let figure = text(&page, ".poll-choice.mine .poll-figure").expect("figures shown");
    assert!(figure.starts_with("100%"), "{figure}");

    // No choice: the page again, saying what to do.
    let response = browser
        .post(&form_url)
        .header("origin", &app.base)
        .form(&[("option", "")])
        .send()
        .await
        .expect("vote");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(html.contains("Choose one of the answers"), "{html}");

    // From another site: refused.
    let response = browser
        .post(&form_url)
        .header("origin", "https://elsewhere.example")
        .form(&[("option", ride.as_str())])
        .send()
        .await
        .expect("vote");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let response = browser
        .post(&form_url)
        .header("origin", &app.base)
        .form(&[("withdraw", "1")])
        .send()
        .await
        .expect("withdraw");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let rows = app
        .store
        .count_poll_vote_rows(PollId(id))
        .await
        .expect("rows");
    assert!(rows.is_empty(), "{rows:?}");
}

/// Server-Sent Events from a story's live stream, read as they come.
struct LiveStream {
    response: reqwest::Response,
    buffer: String,
}

impl LiveStream {
    async fn open(url: String) -> LiveStream {
        let response = reqwest::get(url).await.expect("live stream");
        assert_eq!(response.status(), StatusCode::OK);
        LiveStream {
            response,
            buffer: String::new(),
        }
    }

    /// The next `update` event's data, or `None` if none came before the deadline.
    async fn next(&mut self, deadline: Instant) -> Option<Value> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let is_update = event
                    .lines()
                    .any(|line| line.strip_prefix("event:").map(str::trim) == Some("update"));
                if !is_update {
                    continue;
                }
                let data: String = event
                    .lines()
                    .filter_map(|line| line.strip_prefix("data:"))
                    .map(str::trim)
                    .collect();
                return serde_json::from_str(&data).ok();
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            match tokio::time::timeout(left, self.response.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                _ => return None,
            }
        }
    }

    /// Waits for an update of poll `id` that `wanted` accepts.
    async fn poll_update(&mut self, id: i64, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(5);
        while let Some(update) = self.next(deadline).await {
            let poll = &update["polls"][id.to_string()];
            if poll.is_object() && wanted(poll) {
                return poll.clone();
            }
        }
        panic!("no live update of poll {id}");
    }
}

#[tokio::test]
async fn votes_reach_readers_with_the_story_open() {
    let app = unlimited().await;
    let article = app.published("Live poll story", "Body").await;
    let open = attach(
        &app,
        &article,
        json!({"question": "Open results?", "options": ["A", "B"], "results_before_vote": true}),
    )
    .await;
    let hidden = attach(
        &app,
        &article,
        json!({"question": "Hidden results?", "options": ["A", "B"]}),
    )
    .await;
    let mut live =
        LiveStream::open(app.url(&format!("/api/v1/articles/{}/live", article["id"]))).await;
    let open_id = open["id"].as_i64().expect("id");
    Reader::default()
        .vote(&app, open_id, option_id(&open, 1))
        .await;
    let update = live.poll_update(open_id, |p| p["total"] == 1).await;
    assert_eq!(update["options"][1]["votes"], 1);
    assert_eq!(update["closed"], false);

    // Hidden results travel only as word that the poll changed.
    let hidden_id = hidden["id"].as_i64().expect("id");
    Reader::default()
        .vote(&app, hidden_id, option_id(&hidden, 0))
        .await;
    let update = live.poll_update(hidden_id, |_| true).await;
    assert_eq!(update, json!({}), "no figures for those who have not voted");
}

/// Votes from 64 readers at once, `send` choosing the server each talks to: every voter is
/// told a different total (the votes were applied one after another), and the totals
/// the API answers equal the stored votes and what the voters were told.
async fn sixty_four_voters(apps: &[&TestApp], poll: &Value) {
    let id = poll["id"].as_i64().expect("id");
    let options: Vec<i64> = (0..3).map(|n| option_id(poll, n)).collect();
    let mut voters = Vec::new();
    for n in 0..64usize {
        let app = apps[n % apps.len()];
        let url = app.url(&format!("/api/v1/polls/{id}/vote"));
        let option = options[n % 3];
        voters.push(async move {
            let mut reader = Reader::default();
            let (status, body) = reader
                .send(
                    &reqwest::Client::new(),
                    url,
                    Method::PUT,
                    Some(json!({ "option": option })),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            assert_eq!(body["mine"], option);
            (option, body["total"].as_i64().expect("total told"), reader)
        });
    }
    let told = futures_util::future::join_all(voters).await;
    let totals: BTreeSet<i64> = told.iter().map(|(_, total, _)| *total).collect();
    assert_eq!(
        totals,
        (1..=64).collect::<BTreeSet<i64>>(),
        "each voter told a different total"
    );
    let mut believed: BTreeMap<i64, i64> = BTreeMap::new();
    for (option, _, _) in &told {
        *believed.entry(*option).or_default() += 1;
    }
    let rows = apps[0]
        .store
        .count_poll_vote_rows(PollId(id))
        .await
        .expect("rows");
    assert_eq!(rows, believed, "stored votes = what the voters did");
    for app in apps {
        let mut reader = told[0].2.clone();
        let (_, seen) = reader.look(app, id).await;
        assert_eq!(seen["total"], 64, "{seen}");
        let answered: BTreeMap<i64, i64> = seen["options"]
            .as_array()
            .expect("options")
            .iter()
            .map(|o| {
                (
                    o["id"].as_i64().expect("id"),
                    o["votes"].as_i64().expect("votes"),
                )
            })
            .collect();
        assert_eq!(answered, believed, "API totals = stored votes");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixty_four_concurrent_voters_are_counted_exactly() {
    let app = unlimited().await;
    let article = app.published("Busy poll story", "Body").await;
    let poll = attach(
        &app,
        &article,
        json!({"question": "Busy?", "options": ["A", "B", "C"]}),
    )
    .await;
    sixty_four_voters(&[&app], &poll).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn votes_on_two_instances_are_exact_and_reach_readers_on_both() {
    let schema = PgSchema::create().await;
    let unlimited = |s: &mut newsdesk::config::Settings| {
        s.reaction_limit = RateLimit {
            burst: 1_000_000,
            per_minute: 1_000_000,
        };
    };
    let url = schema.url.clone();
    let a = TestApp::spawn_with(move |s| {
        unlimited(s);
        s.database_url = url;
    })
    .await;
    let b = TestApp::spawn_beside(&a, &schema.url, unlimited).await;
    let article = a.published("Two-instance poll story", "Body").await;
    let poll = attach(
        &a,
        &article,
        json!({"question": "Busy?", "options": ["A", "B", "C"], "results_before_vote": true}),
    )
    .await;
    let id = poll["id"].as_i64().expect("id");
    let mut on_b =
        LiveStream::open(b.url(&format!("/api/v1/articles/{}/live", article["id"]))).await;
    // A vote on one instance reaches a reader of the other.
    Reader::default().vote(&a, id, option_id(&poll, 0)).await;
    let update = on_b.poll_update(id, |p| p["total"] == 1).await;
    assert_eq!(update["options"][0]["votes"], 1);
    let (status, _) = Reader::default().withdraw(&a, id).await;
    assert_eq!(status, StatusCode::OK);

    let fresh = attach(
        &a,
        &article,
        json!({"question": "Busier?", "options": ["A", "B", "C"], "results_before_vote": true}),
    )
    .await;
    let fresh_id = fresh["id"].as_i64().expect("id");
    sixty_four_voters(&[&a, &b], &fresh).await;
    let last = on_b.poll_update(fresh_id, |p| p["total"] == 64).await;
    assert_eq!(last["total"], 64);
}

#[tokio::test]
async fn the_newsroom_builds_and_removes_a_poll_beside_the_story() {
    let app = unlimited().await;
    let article = app.published("Newsroom poll story", "Body").await;
    let id = article["id"].as_i64().expect("id");
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let (status, page) = editor.page(&format!("/admin/articles/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let link = format!("/admin/articles/{id}/polls");
    assert_eq!(
        attr(&page, &format!("a[href='{link}']"), "href"),
        Some(link.clone())
    );

    // One answer only: refused, with everything typed kept.
    let response = editor
        .post(
            &link,
            &[("question", "Rebuild the pier?"), ("options", "Yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&response.text().await.expect("html"));
    assert_eq!(
        attr(&page, "#f-question", "value").as_deref(),
        Some("Rebuild the pier?")
    );
    assert_eq!(text(&page, "#f-options").as_deref(), Some("Yes"));
    assert!(
        text(&page, "#e-options")
            .expect("message")
            .contains("at least 2 options")
    );

    let response = editor
        .post(
            &link,
            &[
                ("question", "Rebuild the pier?"),
                ("options", "Yes\r\nNo\r\nNot sure"),
                ("closes_at", "2099-01-01T18:00"),
                ("results_before_vote", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let polls = app.store.article_polls(id).await.expect("polls");
    assert_eq!(polls.len(), 1);
    assert_eq!(polls[0].options.len(), 3);
    assert!(polls[0].results_before_vote);
    assert!(polls[0].closes_at.is_some());

    let slug = article["slug"].as_str().expect("slug");
    let (_, story) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(
        text(&story, ".poll-question").as_deref(),
        Some("Rebuild the pier?")
    );
    assert_eq!(count(&story, ".poll input[name=option]"), 3);

    // Someone who may not change the story may not change its polls.
    user_token(app.store.as_ref(), "author@example.com", "author").await;
    let author = app.sign_in("author@example.com", PASSWORD).await;
    let response = author
        .post(&format!("/admin/polls/{}/delete", polls[0].id), &[])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let response = editor
        .post(&format!("/admin/polls/{}/delete", polls[0].id), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, story) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(
        count(&story, ".poll"),
        0,
        "the cached page went with the poll"
    );
}
