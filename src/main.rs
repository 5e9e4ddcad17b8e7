//! The `newsdesk` command.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    fewer_malloc_arenas();
    let cli = newsdesk::cli::Cli::parse();
    if let Err(error) = newsdesk::cli::init_logging() {
        eprintln!("error: {error:#}");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: could not start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(newsdesk::cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// glibc gives each thread that allocates at once an arena of its own, up to eight per core,
/// and keeps what each frees for that arena. SQLite's connection threads each filled one
/// (a search for a common word alone left 34 MiB spread over them), so the server is held to
/// two. Measured at 100,000 stories (bench/RESULTS.md, "Memory"): peak 169 → 124 MiB with
/// the page cache on. `MALLOC_ARENA_MAX` in the environment still decides when it is set.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fewer_malloc_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: runs first in `main`, before any other thread exists; `mallopt` only sets
        // one of the allocator's limits, and a refusal (0) leaves glibc's default.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fewer_malloc_arenas() {}
