//! The `newsdesk` binary as an operator uses it: user add, token create, serve, shutdown.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::free_port;

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

fn newsdesk(data: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(BIN)
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("NEWSDESK_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsdesk");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

#[test]
fn an_operator_adds_a_user_and_a_token_then_uses_the_api() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = newsdesk(
        data.path(),
        &[
            "user",
            "add",
            "--email",
            "Editor@Example.com",
            "--name",
            "Ed Itor",
            "--role",
            "editor",
        ],
        "a very long password\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("editor@example.com"));

    let again = newsdesk(
        data.path(),
        &[
            "user",
            "add",
            "--email",
            "editor@example.com",
            "--name",
            "Twice",
            "--role",
            "editor",
        ],
        "a very long password\n",
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has an account"));

    let short = newsdesk(
        data.path(),
        &[
            "user",
            "add",
            "--email",
            "b@example.com",
            "--name",
            "B",
            "--role",
            "boss",
        ],
        "short\n",
    );
    assert!(!short.status.success());
    let message = String::from_utf8_lossy(&short.stderr);
    assert!(
        message.contains("not a role") && message.contains("at least"),
        "{message}"
    );

    let out = newsdesk(
        data.path(),
        &["token", "create", "--email", "editor@example.com"],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let token = stdout.lines().last().expect("token line").trim().to_owned();
    assert!(
        token.starts_with("ndt_") && !token.contains(' '),
        "{stdout}"
    );

    // Tokens are stored only as hashes.
    let db = std::fs::read(data.path().join("newsdesk.db")).expect("db");
    let wal = std::fs::read(data.path().join("newsdesk.db-wal")).unwrap_or_default();
    let needle = token.as_bytes();
    for bytes in [&db, &wal] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "token stored in clear"
        );
    }

    let port = free_port();
    let mut server = Command::new(BIN)
        .arg("--data")
        .arg(data.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env_remove("NEWSDESK_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let base = format!("http://127.0.0.1:{port}");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    runtime.block_on(async {
        let client = reqwest::Client::new();
        let started = Instant::now();
        while client.get(format!("{base}/healthz")).send().await.is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "server did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let response = client
            .post(format!("{base}/api/v1/sections"))
            .bearer_auth(&token)
            .json(&serde_json::json!({"name": "Opinion"}))
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), reqwest::StatusCode::CREATED);
    });

    // SIGTERM stops it gracefully.
    let pid = server.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "server ignored SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status}");
}

#[test]
fn serve_prints_how_to_create_the_first_admin_and_refuses_bad_settings() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(BIN)
        .arg("--data")
        .arg(data.path())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("NEWSDESK_TIMEZONE", "Mars/Olympus_Mons")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("NEWSDESK_TIMEZONE") && stderr.contains("Mars/Olympus_Mons"),
        "{stderr}"
    );
    assert!(
        data.path().join("newsdesk.toml").exists(),
        "a commented settings file is written"
    );

    let mut server = Command::new(BIN)
        .arg("--data")
        .arg(data.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{}", free_port())])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let mut stdout = server.stdout.take().expect("stdout");
    let mut seen = String::new();
    let started = Instant::now();
    let mut buffer = [0u8; 4096];
    while !seen.contains("Press Ctrl-C") && started.elapsed() < Duration::from_secs(20) {
        use std::io::Read;
        match stdout.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
        }
    }
    let _ = server.kill();
    let _ = server.wait();
    assert!(seen.contains("newsdesk user add"), "{seen}");
    assert!(seen.contains("--role admin"), "{seen}");
}

#[test]
fn serve_refuses_more_reactions_than_a_page_can_carry_in_one_line() {
    let data = tempfile::tempdir().expect("tempdir");
    let file: String = (1..=13)
        .map(|i| format!("[[reactions]]\nkind = \"kind-{i}\"\n"))
        .collect();
    std::fs::write(data.path().join("newsdesk.toml"), file).expect("settings file");
    let mut server = Command::new(BIN)
        .arg("--data")
        .arg(data.path())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("NEWSDESK_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    // A server that accepts the file would serve until stopped: give it a bounded time.
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().expect("wait") {
            break Some(status);
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = server.kill();
            let _ = server.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = server.wait_with_output().expect("output");
    assert_eq!(
        status.and_then(|s| s.code()),
        Some(2),
        "it refuses to start"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("error:"))
        .unwrap_or_else(|| panic!("an error line: {stderr}"));
    assert!(
        line.contains("newsdesk.toml")
            && line.contains("13 reactions")
            && line.contains("at most 12"),
        "{stderr}"
    );
}

#[test]
fn demo_fills_an_empty_site_once_and_prints_a_login() {
    let data = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let run = || {
        let mut server = Command::new(BIN)
            .arg("--data")
            .arg(data.path())
            .args(["serve", "--demo", "--listen", &format!("127.0.0.1:{port}")])
            .env_remove("NEWSDESK_DATABASE_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve");
        let mut stdout = server.stdout.take().expect("stdout");
        let mut seen = String::new();
        let started = Instant::now();
        let mut buffer = [0u8; 4096];
        while !seen.contains("Press Ctrl-C") && started.elapsed() < Duration::from_secs(30) {
            use std::io::Read;
            match stdout.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
            }
        }
        let _ = Command::new("kill")
            .args(["-TERM", &server.id().to_string()])
            .status();
        let _ = server.wait();
        seen
    };
    let first = run();
    assert!(
        first.contains("Demo login: demo@newsdesk.example / "),
        "{first}"
    );
    assert!(
        first.contains(&format!("http://127.0.0.1:{port}/")),
        "{first}"
    );
    let second = run();
    assert!(second.contains("added nothing"), "{second}");
}

/// A `serve` that runs until `visit` is done with its base URL and stdout, then stops on
/// SIGTERM; answers everything it wrote to standard error.
fn serve_and_read_the_log(
    data: &std::path::Path,
    env: &[(&str, &str)],
    visit: impl FnOnce(&str, &str),
) -> String {
    use std::io::Read;
    let port = free_port();
    let mut server = Command::new(BIN)
        .arg("--data")
        .arg(data)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env_remove("NEWSDESK_DATABASE_URL")
        .env_remove("NEWSDESK_LOG")
        .env_remove("NEWSDESK_LOG_FORMAT")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve");
    let mut stderr = server.stderr.take().expect("stderr");
    let log = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut stdout = server.stdout.take().expect("stdout");
    let mut seen = String::new();
    let started = Instant::now();
    let mut buffer = [0u8; 4096];
    while !seen.contains("Press Ctrl-C") && started.elapsed() < Duration::from_secs(30) {
        match stdout.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
        }
    }
    if seen.contains("Press Ctrl-C") {
        visit(&format!("http://127.0.0.1:{port}"), &seen);
    }
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let _ = server.wait();
    let log = log.join().expect("stderr reader");
    assert!(seen.contains("Press Ctrl-C"), "did not start: {seen}{log}");
    log
}

fn get(url: &str) -> reqwest::StatusCode {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    runtime.block_on(async {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
            .get(url)
            .send()
            .await
            .expect("request")
            .status()
    })
}

#[test]
fn the_log_is_plain_text_off_a_terminal_shows_the_settings_in_force_and_hides_secrets() {
    use newsdesk::config::SiteOverrides;
    let data = tempfile::tempdir().expect("tempdir");
    // An admin renamed the site; the database's value wins over the environment's.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    runtime.block_on(async {
        let url = format!("sqlite:{}", data.path().join("newsdesk.db").display());
        let store = newsdesk::store::open(&url).await.expect("open");
        store.migrate().await.expect("migrate");
        let overrides = SiteOverrides {
            site_title: Some("The Admin's Title".into()),
            ..SiteOverrides::default()
        };
        store
            .set_site_value(
                SiteOverrides::KEY,
                &serde_json::to_string(&overrides).expect("json"),
            )
            .await
            .expect("save");
        store.close().await;
    });

    let log = serve_and_read_the_log(
        data.path(),
        &[
            ("NEWSDESK_LOG", "info,tower_http=debug"),
            ("NEWSDESK_SITE_TITLE", "The Environment's Title"),
            ("NEWSDESK_SMTP_URL", "smtp://mailer:hunter3@127.0.0.1:2525"),
        ],
        |base, stdout| {
            let token = stdout
                .split("setup?token=")
                .nth(1)
                .and_then(|rest| rest.split_whitespace().next())
                .expect("setup link");
            assert_eq!(
                get(&format!("{base}/admin/setup?token={token}")),
                reqwest::StatusCode::OK
            );
            get(&format!("{base}/admin/password-reset/ndt_notarealtoken"));
        },
    );
    assert!(
        !log.contains('\u{1b}'),
        "colour codes in a piped log: {log}"
    );
    assert!(
        log.contains("/admin/setup?token=***") && log.contains("/admin/password-reset/***"),
        "request addresses are logged at debug, without their tokens: {log}"
    );
    assert!(!log.contains("ndt_"), "a token reached the log: {log}");
    let starting = log
        .lines()
        .find(|line| line.contains("starting"))
        .expect("start-up line");
    assert!(
        starting.contains("The Admin's Title") && !starting.contains("The Environment's Title"),
        "{starting}"
    );
    assert!(
        starting.contains("mailer:***@127.0.0.1:2525") && !log.contains("hunter3"),
        "{starting}"
    );
}

#[test]
fn json_logs_for_collectors_and_a_failed_relay_is_a_warning() {
    let data = tempfile::tempdir().expect("tempdir");
    let added = newsdesk(
        data.path(),
        &[
            "user",
            "add",
            "--email",
            "ed@example.com",
            "--name",
            "Ed",
            "--role",
            "editor",
        ],
        "a very long password\n",
    );
    assert!(added.status.success());
    let log = serve_and_read_the_log(
        data.path(),
        &[
            ("NEWSDESK_LOG_FORMAT", "json"),
            // Nothing listens on port 1: sending fails at once.
            ("NEWSDESK_SMTP_URL", "smtp://127.0.0.1:1"),
        ],
        |base, _| {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("rt");
            runtime.block_on(async {
                let browser = reqwest::Client::builder()
                    .cookie_store(true)
                    .build()
                    .expect("client");
                let page = browser
                    .get(format!("{base}/admin/password-reset"))
                    .send()
                    .await
                    .expect("page")
                    .text()
                    .await
                    .expect("body");
                let html = scraper::Html::parse_document(&page);
                let csrf = crate::helpers::attr(&html, "input[name=csrf]", "value").expect("csrf");
                let sent = browser
                    .post(format!("{base}/admin/password-reset"))
                    .header("origin", base)
                    .form(&[("email", "ed@example.com"), ("csrf", &csrf)])
                    .send()
                    .await
                    .expect("reset");
                assert_eq!(sent.status(), reqwest::StatusCode::OK);
                // The email is sent in the background; wait for its log line.
                tokio::time::sleep(Duration::from_secs(2)).await;
            });
        },
    );
    let lines: Vec<serde_json::Value> = log
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    assert!(lines.iter().any(|l| l["message"] == "starting"), "{log}");
    let failed = lines
        .iter()
        .find(|l| {
            l["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("email could not be sent"))
        })
        .unwrap_or_else(|| panic!("no line for the failed email: {log}"));
    assert_eq!(failed["level"], "WARN", "{failed}");
    assert!(
        failed["body"]
            .as_str()
            .is_some_and(|b| b.contains("/admin/password-reset/ndt_"))
    );
}

#[test]
fn a_log_setting_that_cannot_be_read_is_refused_by_name() {
    let data = tempfile::tempdir().expect("tempdir");
    for (name, value, named) in [
        ("NEWSDESK_LOG", "warning", "\"warning\" is not a level"),
        ("NEWSDESK_LOG", "info,sqlx=loud", "sqlx=loud"),
        ("NEWSDESK_LOG_FORMAT", "xml", "\"xml\" is not text or json"),
    ] {
        let out = Command::new(BIN)
            .arg("--data")
            .arg(data.path())
            .arg("migrate")
            .env_remove("NEWSDESK_LOG")
            .env_remove("NEWSDESK_LOG_FORMAT")
            .env(name, value)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{name}={value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("error: ") && stderr.contains(name) && stderr.contains(named),
            "{stderr}"
        );
    }
}

#[test]
fn commands_on_a_database_elsewhere_write_no_data_folder() {
    let work = tempfile::tempdir().expect("tempdir");
    let unused = work.path().join("newsdesk-data");
    let database = format!("sqlite:{}", work.path().join("db/site.db").display());
    let archive = work.path().join("site.ndjson");
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(BIN)
            .arg("--data")
            .arg(&unused)
            .args(["--database-url", &database])
            .args(args)
            .env_remove("NEWSDESK_DATABASE_URL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("stdin");
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["migrate"], "");
    run(
        &[
            "user",
            "add",
            "--email",
            "a@example.com",
            "--name",
            "A",
            "--role",
            "admin",
        ],
        "a very long password\n",
    );
    run(&["token", "create", "--email", "a@example.com"], "");
    run(&["export", "--out", archive.to_str().expect("path")], "");
    let other = format!("sqlite:{}", work.path().join("db/other.db").display());
    let imported = Command::new(BIN)
        .arg("--data")
        .arg(&unused)
        .args(["--database-url", &other, "import", "--in"])
        .arg(&archive)
        .output()
        .expect("import");
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(!unused.exists(), "a data folder was written");

    // Exporting a site that is not there says so, and makes no empty database.
    let missing = Command::new(BIN)
        .arg("--data")
        .arg(&unused)
        .args(["export", "--out"])
        .arg(work.path().join("nothing.ndjson"))
        .env_remove("NEWSDESK_DATABASE_URL")
        .output()
        .expect("export");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("no site to export"),
        "{}",
        String::from_utf8_lossy(&missing.stderr)
    );
    assert!(!unused.exists());
}

#[test]
fn a_database_password_never_reaches_a_connection_error() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(BIN)
        .arg("--data")
        .arg(data.path())
        .args([
            "--database-url",
            "postgres://news:hunter1@127.0.0.1:1/news?password=hunter2&sslpassword=hunter3",
            "migrate",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could not connect"), "{stderr}");
    assert!(
        stderr.contains("news:***@127.0.0.1:1/news?password=***"),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter"), "{stderr}");
    assert!(
        stderr.contains("parameter=sslpassword"),
        "a parameter the driver ignores is named, without its value: {stderr}"
    );
}

#[test]
fn an_operator_who_lost_a_password_sets_a_new_one_from_the_command_line() {
    let data = tempfile::tempdir().expect("tempdir");
    let add = newsdesk(
        data.path(),
        &[
            "user",
            "add",
            "--email",
            "ed@example.com",
            "--name",
            "Ed",
            "--role",
            "admin",
        ],
        "the first long password\n",
    );
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );

    let unknown = newsdesk(
        data.path(),
        &["user", "password", "--email", "nobody@example.com"],
        "a second long password\n",
    );
    assert!(!unknown.status.success());
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(said.contains("nobody@example.com"), "{said}");
    assert_eq!(said.trim().lines().count(), 1, "one clear line: {said}");

    let short = newsdesk(
        data.path(),
        &["user", "password", "--email", "ed@example.com"],
        "short\n",
    );
    assert!(!short.status.success());

    let set = newsdesk(
        data.path(),
        &["user", "password", "--email", "ed@example.com"],
        "a second long password\n",
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    assert!(String::from_utf8_lossy(&set.stdout).contains("ed@example.com"));

    // The new password opens the API's token door; the old one no longer does.
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let settings =
            newsdesk::config::Settings::read(data.path(), &newsdesk::config::Overrides::default())
                .expect("settings");
        let store = newsdesk::server::open_store(&settings)
            .await
            .expect("store");
        let email = newsdesk::domain::Email::parse("ed@example.com").expect("email");
        let user = store.user_by_email(&email).await.expect("user");
        assert!(newsdesk::auth::verify_password(
            "a second long password",
            &user.password_hash
        ));
        assert!(!newsdesk::auth::verify_password(
            "the first long password",
            &user.password_hash
        ));
        store.close().await;
    });
}

#[tokio::test]
async fn an_operator_makes_an_integration_whose_key_reads_the_content_api() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = newsdesk(
        data.path(),
        &["integration", "create", "--name", "Gatsby front-end"],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let key = stdout.lines().last().expect("a last line").to_owned();
    assert_eq!(key.len(), 26, "the key alone on the last line: {stdout}");
    assert!(
        key.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );

    let refused = newsdesk(data.path(), &["integration", "create", "--name", " "], "");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("name"));

    let app = crate::helpers::TestApp::spawn_on_sqlite(data).await;
    let response = app
        .get(&format!("/ghost/api/content/settings/?key={key}"))
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let made = app.store.list_integrations().await.expect("list");
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].name, "Gatsby front-end");
    assert_eq!(made[0].key_hint, key[22..]);
}
