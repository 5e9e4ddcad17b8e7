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
