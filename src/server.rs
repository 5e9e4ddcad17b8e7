//! `newsdesk serve`: opens the store, starts the scheduler and serves the app until
//! Ctrl-C or SIGTERM, then finishes in-flight requests and closes the database.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::net::TcpListener;

use crate::config::Settings;
use crate::store::{self, Store};
use crate::web::{self, AppState};

/// A server bound to its address, ready to run.
pub struct Server {
    listener: TcpListener,
    state: AppState,
    stopping: tokio::sync::watch::Sender<bool>,
}

impl Server {
    /// Opens the site's store (migrating it) and binds the listen address.
    pub async fn bind(settings: Settings) -> anyhow::Result<Server> {
        let listener = TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("could not listen on {}", settings.listen))?;
        Server::with_listener(settings, listener).await
    }

    /// Like `bind`, on a listener the caller already holds (tests bind port 0).
    pub async fn with_listener(
        settings: Settings,
        listener: TcpListener,
    ) -> anyhow::Result<Server> {
        let store = open_store(&settings).await?;
        let (stopping, shutdown) = tokio::sync::watch::channel(false);
        Ok(Server {
            listener,
            state: AppState::build(store, settings, shutdown).await?,
            stopping,
        })
    }

    pub fn local_addr(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// The settings in force: the file's and environment's, with an admin's applied.
    pub fn settings(&self) -> Arc<Settings> {
        self.state.settings()
    }

    pub fn store(&self) -> Arc<dyn Store> {
        self.state.store.clone()
    }

    /// The shared state, for what is set up through its rules before serving (the demo's
    /// identity and ads).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The token that opens first-run setup, while the site has no users.
    pub fn setup_token(&self) -> Option<String> {
        self.state.current_setup_token()
    }

    /// Serves until `shutdown` resolves, then lets in-flight requests finish.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let store = self.state.store.clone();
        let reads = self.state.reads.clone();
        // Listening starts before serving, so no change another instance makes from now
        // on is missed.
        let notices = store
            .listen_peers()
            .await
            .context("could not listen for other instances' changes")?;
        let peers =
            notices.map(|notices| tokio::spawn(web::peers::follow(self.state.clone(), notices)));
        let scheduler = tokio::spawn(run_scheduler(self.state.clone()));
        let stopping = self.stopping;
        let app = web::app(self.state).into_make_service_with_connect_info::<SocketAddr>();
        let result = axum::serve(self.listener, app)
            .with_graceful_shutdown(async move {
                shutdown.await;
                // Open event streams end, so the graceful shutdown does not wait on them.
                let _ = stopping.send(true);
            })
            .await
            .context("the server stopped with an error");
        scheduler.abort();
        if let Some(peers) = peers {
            peers.abort();
        }
        // Reads counted since the last flush are not lost to a clean stop.
        reads.flush(store.as_ref()).await;
        store.close().await;
        result
    }
}

/// Opens and migrates the store the settings name.
pub async fn open_store(settings: &Settings) -> anyhow::Result<Arc<dyn Store>> {
    let store = store::open(&settings.database_url).await?;
    store
        .migrate()
        .await
        .context("could not bring the database schema up to date")?;
    Ok(store)
}

/// Publishes scheduled articles when their time comes, and any that came while the
/// server was down as soon as it starts. Every instance runs it; the store hands each due
/// article to exactly one.
async fn run_scheduler(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut last = jiff::Timestamp::now();
    loop {
        tick.tick().await;
        // A placement or the banner that ran out since the last tick changes the pages.
        let now = jiff::Timestamp::now();
        match state.store.front_expired_between(last, now).await {
            Ok(true) => {
                state.pages_changed();
                state.announce_breaking().await;
            }
            Ok(false) => {}
            Err(error) => tracing::warn!(%error, "scheduler could not check the front page"),
        }
        last = now;
        let newsroom = crate::newsroom::Newsroom::new(state.store.as_ref());
        match newsroom.publish_due(jiff::Timestamp::now()).await {
            Ok(ids) if !ids.is_empty() => {
                tracing::info!(?ids, "published scheduled articles");
                state.pages_changed();
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "scheduler could not publish due articles"),
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
