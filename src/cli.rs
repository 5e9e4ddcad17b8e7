//! The command line: `serve`, `migrate`, `user add`, `token create`, `export`, `import`,
//! `backup` and `restore`, each acting on the site that `--data` and `--database-url` name.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use jiff::Timestamp;

use crate::config::{Overrides, Settings};
use crate::newsroom::{Newsroom, NewsroomError};
use crate::server::{self, Server};

#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, about = "A news publishing platform")]
pub struct Cli {
    #[command(flatten)]
    pub site: SiteArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Which site a command acts on; accepted by every subcommand.
#[derive(Debug, Clone, Args)]
pub struct SiteArgs {
    /// The site's data folder: settings file, SQLite database, media.
    #[arg(
        long,
        global = true,
        env = "NEWSDESK_DATA",
        default_value = "newsdesk-data"
    )]
    pub data: PathBuf,
    /// Database URL; defaults to the SQLite file in the data folder.
    #[arg(long, global = true, env = "NEWSDESK_DATABASE_URL")]
    pub database_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the site.
    Serve {
        /// Address to listen on, like 127.0.0.1:8080.
        #[arg(long)]
        listen: Option<String>,
        /// Fill an empty site with sample content and print a demo login.
        #[arg(long)]
        demo: bool,
    },
    /// Bring the database schema up to date without serving.
    Migrate,
    /// Manage the newsroom's people.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Manage integrations: Content API keys for Ghost front-ends.
    Integration {
        #[command(subcommand)]
        command: IntegrationCommand,
    },
    /// Write the whole site (content, people, reactions, comments, media records, settings)
    /// to one archive file. It holds password hashes and the site's secret: keep it safe.
    Export {
        /// The file to write; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Bring a site in: `import archive --in FILE` restores an archive made by `export`
    /// (also accepted as `import --in FILE`); `import varient --mysql URL` reads a Varient
    /// site's database.
    #[command(args_conflicts_with_subcommands = true)]
    Import {
        /// The archive to read (the same as `import archive --in FILE`).
        #[arg(long = "in")]
        input: Option<PathBuf>,
        #[command(subcommand)]
        source: Option<ImportCommand>,
    },
    /// Copy the running site into a new folder: its database at one moment, its photo
    /// files and a manifest of what is in it. Readable by its owner only: keep it safe.
    Backup {
        /// The folder to write; it must be new or empty.
        #[arg(long)]
        out: PathBuf,
    },
    /// Bring a backup made by `backup` into an empty site, then check the database and
    /// every table's count against the backup's manifest.
    Restore {
        /// The backup folder to read.
        #[arg(long)]
        from: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Restore an archive made by `export` into an empty site, then check every table's
    /// count against the archive's.
    Archive {
        /// The archive to read.
        #[arg(long = "in")]
        input: PathBuf,
    },
    /// Bring a whole Varient site (2.2 or 2.3) in from its MySQL or MariaDB database:
    /// sections, stories, tags, people, comments, reaction totals and old addresses. Run it
    /// again to bring only what is new or changed.
    Varient {
        /// The Varient database, like mysql://USER:PASSWORD@HOST:3306/DATABASE.
        #[arg(long, env = "NEWSDESK_VARIENT_MYSQL")]
        mysql: String,
        /// The Varient site's folder (the one holding `uploads/`): its photos go into the
        /// media library with all their sizes. Without it photos keep their old addresses.
        #[arg(long)]
        uploads: Option<PathBuf>,
        /// The old site's address (https://old.example), so photos and links written
        /// relative to it keep working; without it they stay relative (`/uploads/...`).
        #[arg(long)]
        site_url: Option<String>,
        /// One language by its short form (en) or `all`; the site's default when absent.
        #[arg(long)]
        language: Option<String>,
        /// Read and report without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Write every item not brought across exactly to this file (tab-separated).
        #[arg(long)]
        report: Option<PathBuf>,
        /// Records per batch; each batch is committed before the next is read.
        #[arg(long, default_value_t = 500)]
        batch: usize,
    },
    /// Bring a WordPress site in from its export (Tools › Export, "All content"; WXR 1.0
    /// to 1.2): categories, tags, authors, posts, pages, comments, photos, sticky posts and
    /// old addresses. Authors get one-time links to choose passwords (in the report). Run it
    /// again to bring only what is new or changed.
    Wordpress {
        /// The export file (.xml).
        file: PathBuf,
        /// A copy of the old site's `wp-content/uploads` folder: photos go into the media
        /// library with all their sizes. Without it photos keep their old addresses.
        #[arg(long)]
        uploads: Option<PathBuf>,
        /// Read and report without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Write every item not brought across exactly to this file (tab-separated).
        #[arg(long)]
        report: Option<PathBuf>,
        /// Records per batch; each batch is committed before the next is read.
        #[arg(long, default_value_t = 500)]
        batch: usize,
    },
    /// Bring a Ghost site in from its export (Settings › Labs › Export; Ghost 1 to 5): posts,
    /// pages, tags (a post's primary tag is its section), staff with their passwords,
    /// feature images, featured posts and old addresses. Run it again to bring only what is
    /// new or changed.
    Ghost {
        /// The export file (.json).
        file: PathBuf,
        /// A copy of the old site's `content/images` folder: photos go into the media
        /// library with all their sizes. Without it photos keep their old addresses.
        #[arg(long)]
        images: Option<PathBuf>,
        /// The old site's address (https://old.example), for photos written relative to it
        /// (`__GHOST_URL__/content/images/...`).
        #[arg(long)]
        site_url: Option<String>,
        /// Read and report without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Write every item not brought across exactly to this file (tab-separated).
        #[arg(long)]
        report: Option<PathBuf>,
        /// Records per batch; each batch is committed before the next is read.
        #[arg(long, default_value_t = 500)]
        batch: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a person; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, editor, author or contributor.
        #[arg(long)]
        role: String,
    },
    /// Set a person's password (read from standard input) and end their sessions: the way
    /// back in when a password, or the demo's printed login, is lost.
    Password {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Print a new API token for a user (the token alone on the last line).
    Create {
        #[arg(long)]
        email: String,
        /// A note on what the token is for.
        #[arg(long, default_value = "cli")]
        label: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum IntegrationCommand {
    /// Make an integration and print its Content API key (the key alone on the last line).
    Create {
        /// What the key is for, like "Next.js front-end".
        #[arg(long)]
        name: String,
    },
}

/// Logs to standard error: `NEWSDESK_LOG` says what (`info` by default), and
/// `NEWSDESK_LOG_FORMAT` how (`text`, in colour only on a terminal, or `json`, one object
/// a line for log collectors). A value that cannot be read is refused, naming it.
pub fn init_logging() -> anyhow::Result<()> {
    let filter = log_filter(std::env::var("NEWSDESK_LOG").ok().as_deref())?;
    let format = std::env::var("NEWSDESK_LOG_FORMAT").unwrap_or_default();
    let json = match format.trim() {
        "" | "text" => false,
        "json" => true,
        other => bail!("NEWSDESK_LOG_FORMAT: {other:?} is not text or json"),
    };
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    let log = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        log.json().flatten_event(true).init();
    } else {
        log.with_ansi(colour).init();
    }
    Ok(())
}

/// What `NEWSDESK_LOG` asks for. Each part is a level (`debug`) or `TARGET=LEVEL`
/// (`tower_http=debug`); a bare word that is not a level (`warning`, `verbose`) would
/// quietly mean "everything from a module of that name", so it is refused.
fn log_filter(value: Option<&str>) -> anyhow::Result<tracing_subscriber::EnvFilter> {
    const HELP: &str = "use a level (trace, debug, info, warn, error, off) or TARGET=LEVEL, \
                        e.g. NEWSDESK_LOG=info,newsdesk=debug,tower_http=debug";
    let Some(text) = value.map(str::trim).filter(|text| !text.is_empty()) else {
        return Ok(tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    };
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bare = !part.contains(['=', '[']);
        if bare
            && part
                .parse::<tracing_subscriber::filter::LevelFilter>()
                .is_err()
        {
            bail!("NEWSDESK_LOG {text:?}: {part:?} is not a level; {HELP}");
        }
    }
    tracing_subscriber::EnvFilter::try_new(text)
        .map_err(|error| anyhow::anyhow!("NEWSDESK_LOG {text:?}: {error}; {HELP}"))
}

/// The site's settings for `serve`, which makes the data folder and its settings file on
/// first start.
fn serve_settings(site: &SiteArgs, listen: Option<String>) -> anyhow::Result<Settings> {
    Settings::load(&site.data, &overrides(site, listen))
}

/// The site's settings for the other commands, which write nothing but the database: a
/// site on PostgreSQL needs no data folder here.
fn settings(site: &SiteArgs) -> anyhow::Result<Settings> {
    Settings::read(&site.data, &overrides(site, None))
}

fn overrides(site: &SiteArgs, listen: Option<String>) -> Overrides {
    Overrides {
        listen,
        database_url: site
            .database_url
            .clone()
            .filter(|url| !url.trim().is_empty()),
    }
}

/// A new file only its owner can read: archives hold password hashes and the site secret.
pub(crate) fn create_private(path: &std::path::Path) -> anyhow::Result<std::fs::File> {
    crate::files::create_private_file(path)
        .with_context(|| format!("could not write {}", path.display()))
}

/// Turns the newsroom's refusals into one clear line for the terminal.
fn cli_error(error: NewsroomError) -> anyhow::Error {
    match error {
        NewsroomError::Invalid(errors) => anyhow::anyhow!("{errors}"),
        other => anyhow::anyhow!("{other}"),
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { listen, demo } => serve(&cli.site, listen, demo).await,
        Command::Export { out } => {
            let settings = settings(&cli.site)?;
            if let Some(file) = crate::store::sqlite_file(&settings.database_url)
                && !file.exists()
            {
                bail!(
                    "there is no site to export at {}; name it with --data DIR or --database-url URL",
                    file.display()
                );
            }
            let store = server::open_store(&settings).await?;
            let counts = match &out {
                Some(path) => {
                    let file = create_private(path)?;
                    let mut writer = std::io::BufWriter::new(file);
                    crate::archive::export(store.as_ref(), &mut writer).await?
                }
                None => {
                    let mut stdout = std::io::BufWriter::new(std::io::stdout());
                    crate::archive::export(store.as_ref(), &mut stdout).await?
                }
            };
            store.close().await;
            let total: i64 = counts.values().sum();
            eprintln!(
                "Exported {total} records ({} articles, {} users, {} reactions, {} comments, {} photos){}.",
                counts.get("articles").unwrap_or(&0),
                counts.get("users").unwrap_or(&0),
                counts.get("reactions").unwrap_or(&0),
                counts.get("comments").unwrap_or(&0),
                counts.get("media").unwrap_or(&0),
                out.as_ref()
                    .map(|p| format!(" to {}", p.display()))
                    .unwrap_or_default()
            );
            eprintln!("Photo files are not in the archive: copy the data folder's media/ too.");
            Ok(())
        }
        Command::Import {
            input: None,
            source: None,
        } => bail!(
            "say what to import: `newsdesk import archive --in FILE`, \
             `newsdesk import varient --mysql mysql://USER:PASSWORD@HOST/DATABASE`, \
             `newsdesk import wordpress EXPORT.xml` or `newsdesk import ghost EXPORT.json`"
        ),
        Command::Import {
            source:
                Some(ImportCommand::Varient {
                    mysql,
                    uploads,
                    site_url,
                    language,
                    dry_run,
                    report,
                    batch,
                }),
            ..
        } => {
            let settings = settings(&cli.site)?;
            let language = crate::import::varient::Language::parse(language.as_deref());
            let mut source =
                crate::import::varient::open(&mysql, &language, site_url.as_deref()).await?;
            let store = server::open_store(&settings).await?;
            let options = crate::import::Options {
                dry_run,
                batch: batch.max(1),
                progress: crate::import::Progress::for_stderr(),
            };
            let mut photos = match &uploads {
                Some(folder) => {
                    if !folder.is_dir() {
                        bail!("--uploads {} is not a folder", folder.display());
                    }
                    let storage = crate::media::open_storage(
                        settings.media_store.as_deref(),
                        &settings.data_dir,
                    )?;
                    let limits = crate::media::MediaLimits {
                        max_bytes: settings.media_max_mib as usize * 1024 * 1024,
                        max_pixels: u64::from(settings.media_max_megapixels) * 1_000_000,
                    };
                    Some(crate::import::photos::Photos::new(folder, storage, limits))
                }
                None => None,
            };
            let result =
                crate::import::run(store.as_ref(), &mut source, &options, photos.as_mut()).await;
            if !dry_run {
                // Instances serving this database (PostgreSQL) clear their page caches.
                let peers = crate::web::peers::Peers::start(store.clone());
                peers.tell(crate::web::peers::Change::Pages);
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            }
            store.close().await;
            let outcome = result?;
            if let Some(path) = &report {
                std::fs::write(path, outcome.to_text())
                    .with_context(|| format!("could not write {}", path.display()))?;
            }
            print!("{}", outcome.summary());
            if dry_run {
                println!("Dry run: nothing was written.");
            }
            Ok(())
        }
        Command::Import {
            source:
                Some(ImportCommand::Wordpress {
                    file,
                    uploads,
                    dry_run,
                    report,
                    batch,
                }),
            ..
        } => {
            let settings = settings(&cli.site)?;
            // The whole file is read (and refused if it must be) before anything is written.
            let mut source = crate::import::wordpress::open(&file)?;
            let store = server::open_store(&settings).await?;
            let options = crate::import::Options {
                dry_run,
                batch: batch.max(1),
                progress: crate::import::Progress::for_stderr(),
            };
            let mut photos = import_photos(&settings, uploads.as_deref())?;
            let result = async {
                let mut outcome =
                    crate::import::run(store.as_ref(), &mut source, &options, photos.as_mut())
                        .await?;
                let finish = crate::import::wordpress::Finish {
                    dry_run,
                    base_url: &settings.base_url,
                };
                source
                    .finish(store.as_ref(), photos.as_mut(), &finish, &mut outcome)
                    .await?;
                anyhow::Ok(outcome)
            }
            .await;
            finish_import(&store, dry_run, result, report.as_deref()).await
        }
        Command::Import {
            source:
                Some(ImportCommand::Ghost {
                    file,
                    images,
                    site_url,
                    dry_run,
                    report,
                    batch,
                }),
            ..
        } => {
            let settings = settings(&cli.site)?;
            let mut source = crate::import::ghost::open(&file, site_url.as_deref())?;
            let store = server::open_store(&settings).await?;
            let options = crate::import::Options {
                dry_run,
                batch: batch.max(1),
                progress: crate::import::Progress::for_stderr(),
            };
            let mut photos = import_photos(&settings, images.as_deref())?;
            let result = async {
                let mut outcome =
                    crate::import::run(store.as_ref(), &mut source, &options, photos.as_mut())
                        .await?;
                source.finish(store.as_ref(), dry_run, &mut outcome).await?;
                anyhow::Ok(outcome)
            }
            .await;
            finish_import(&store, dry_run, result, report.as_deref()).await
        }
        Command::Import {
            input: Some(input), ..
        }
        | Command::Import {
            source: Some(ImportCommand::Archive { input }),
            ..
        } => {
            let settings = settings(&cli.site)?;
            let store = server::open_store(&settings).await?;
            let file = std::fs::File::open(&input)
                .with_context(|| format!("could not open {}", input.display()))?;
            let mut reader = std::io::BufReader::new(file);
            let imported = crate::archive::import(store.as_ref(), &mut reader)
                .await
                .map_err(|e| anyhow::anyhow!("nothing was imported: {e:#}"))?;
            store.close().await;
            println!("{:<22} {:>10} {:>10}", "table", "archive", "site");
            for (table, expected) in &imported.expected {
                println!(
                    "{table:<22} {expected:>10} {:>10}",
                    imported.found.get(table).copied().unwrap_or(0)
                );
            }
            let mismatches = imported.mismatches();
            if !mismatches.is_empty() {
                bail!(
                    "the site does not match the archive: {}",
                    mismatches.join("; ")
                );
            }
            let total: i64 = imported.restored.values().sum();
            println!("Imported {total} records; every table matches the archive.");
            Ok(())
        }
        Command::Backup { out } => {
            let settings = settings(&cli.site)?;
            let store = server::open_store(&settings).await?;
            let result = crate::backup::backup(&settings, store.as_ref(), &out).await;
            store.close().await;
            let manifest = result?;
            let counts = &manifest.counts;
            let total: i64 = counts.values().sum();
            println!(
                "Backed up {total} records ({} articles, {} users, {} reactions, {} comments, {} photos) \
                 as they stood at {} to {}.",
                counts.get("articles").unwrap_or(&0),
                counts.get("users").unwrap_or(&0),
                counts.get("reactions").unwrap_or(&0),
                counts.get("comments").unwrap_or(&0),
                counts.get("media").unwrap_or(&0),
                manifest.taken_at,
                out.display()
            );
            if manifest.media.copied {
                println!(
                    "Photo files: {} ({} bytes) in {}.",
                    manifest.media.files,
                    manifest.media.bytes,
                    out.join("media").display()
                );
            } else {
                println!(
                    "Photo files stay in {}; copy them with that store's own tools (for S3, \
                     `aws s3 sync`), into the backup's media/ folder or beside it.",
                    manifest.media.store
                );
            }
            Ok(())
        }
        Command::Restore { from } => {
            let settings = settings(&cli.site)?;
            let restored = crate::backup::restore(&settings, &from).await?;
            println!("{:<22} {:>10} {:>10}", "table", "backup", "site");
            for (table, expected) in &restored.manifest.counts {
                println!(
                    "{table:<22} {expected:>10} {:>10}",
                    restored.found.get(table).copied().unwrap_or(0)
                );
            }
            let mismatches = restored.mismatches();
            if !mismatches.is_empty() {
                bail!(
                    "the site does not match the backup: {}",
                    mismatches.join("; ")
                );
            }
            let total: i64 = restored.found.values().sum();
            println!(
                "Restored {total} records taken at {}; the database is sound and every table \
                 matches the backup.",
                restored.manifest.taken_at
            );
            if restored.manifest.media.copied {
                println!("Photo files: {} restored.", restored.media_files);
            } else {
                println!(
                    "Photo files were not in the backup (they stay in {}); the site's media_store \
                     must reach them.",
                    restored.manifest.media.store
                );
            }
            Ok(())
        }
        Command::Migrate => {
            let settings = settings(&cli.site)?;
            let store = server::open_store(&settings).await?;
            store.close().await;
            println!("The database schema is up to date.");
            Ok(())
        }
        Command::User {
            command: UserCommand::Add { email, name, role },
        } => {
            let settings = settings(&cli.site)?;
            let password = read_password()?;
            let store = server::open_store(&settings).await?;
            let result = Newsroom::new(store.as_ref())
                .add_user(&email, &name, &role, &password, Timestamp::now())
                .await;
            store.close().await;
            let user = result.map_err(cli_error)?;
            println!(
                "Added {} <{}> as {}.",
                user.name,
                user.email,
                user.role.as_str()
            );
            Ok(())
        }
        Command::User {
            command: UserCommand::Password { email },
        } => {
            let settings = settings(&cli.site)?;
            let password = read_password()?;
            let store = server::open_store(&settings).await?;
            let result = Newsroom::new(store.as_ref())
                .set_password(&email, &password, Timestamp::now())
                .await;
            store.close().await;
            let user = result.map_err(cli_error)?;
            println!(
                "The password of {} <{}> is changed; their other sessions have ended.",
                user.name, user.email
            );
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Create { email, label },
        } => {
            let settings = settings(&cli.site)?;
            let store = server::open_store(&settings).await?;
            let result = Newsroom::new(store.as_ref())
                .create_token(&email, &label, Timestamp::now())
                .await;
            store.close().await;
            let token = result.map_err(cli_error)?;
            println!(
                "API token for {email} (shown only once; send it as `Authorization: Bearer TOKEN`):"
            );
            println!("{token}");
            Ok(())
        }
        Command::Integration {
            command: IntegrationCommand::Create { name },
        } => {
            let settings = settings(&cli.site)?;
            let store = server::open_store(&settings).await?;
            let result = crate::integrations::Integrations::new(store.as_ref())
                .create(&name, None, Timestamp::now())
                .await;
            store.close().await;
            let (integration, key) = result.map_err(cli_error)?;
            println!(
                "Integration \"{}\" made. Its Content API key, shown only once: Ghost \
                 front-ends send it as ?key=KEY to {}/ghost/api/content/",
                integration.name, settings.base_url
            );
            println!("{key}");
            Ok(())
        }
    }
}

/// Reads a password from the first line of standard input, prompting on a terminal.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!(
            "Password (at least {} characters): ",
            crate::auth::MIN_PASSWORD_CHARS
        );
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("could not read the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!(
            "no password was given on standard input; pipe it in, e.g. `echo 'long secret pass' | newsdesk user add ...`"
        );
    }
    Ok(password)
}

async fn serve(site: &SiteArgs, listen: Option<String>, demo: bool) -> anyhow::Result<()> {
    let server = Server::bind(serve_settings(site, listen)?).await?;
    // The settings in force: an admin's changes, kept in the database, win over the file
    // and the environment.
    let settings = server.settings();
    tracing::info!(?settings, "starting");
    let data_dir = settings.data_dir.clone();
    let base_url = settings.base_url.clone();
    let title = settings.site_title.clone();
    let store = server.store();

    if demo {
        let media =
            crate::media::open_storage(settings.media_store.as_deref(), &settings.data_dir)?;
        match crate::demo::load(store.as_ref(), media.as_ref()).await? {
            Some(login) => {
                crate::demo::brand(server.state()).await?;
                println!("Demo content loaded: {} articles.", login.articles);
                println!("Demo login: {} / {}", login.email, login.password);
                println!("Demo API token: {}", login.token);
            }
            None => println!(
                "The site already has content; --demo added nothing and prints no login. \
                 Lost the demo login? Set a new password with\n  \
                 echo 'a new long password' | newsdesk user password --data {} --email {}\n\
                 or start over by stopping the server and deleting {}.",
                data_dir.display(),
                crate::demo::DEMO_EMAIL,
                data_dir.display()
            ),
        }
    }
    if store.count_users().await? == 0 {
        let setup = server
            .setup_token()
            .map(|token| format!("open {base_url}/admin/setup?token={token}\n  or "))
            .unwrap_or_default();
        println!(
            "No one can sign in yet. To create the first admin, {setup}run (the password is read from standard input):\n  \
             newsdesk user add --data {} --email you@example.com --name \"Your Name\" --role admin",
            data_dir.display()
        );
    }
    let address = server.local_addr()?;
    println!(
        "{title} is being served at {base_url}/ (listening on {address}). Press Ctrl-C to stop."
    );
    server.run(server::shutdown_signal()).await
}

/// The media library an import brings the old site's photos into, when their folder is
/// given.
fn import_photos(
    settings: &Settings,
    uploads: Option<&std::path::Path>,
) -> anyhow::Result<Option<crate::import::photos::Photos>> {
    let Some(folder) = uploads else {
        return Ok(None);
    };
    if !folder.is_dir() {
        bail!("--uploads {} is not a folder", folder.display());
    }
    let storage = crate::media::open_storage(settings.media_store.as_deref(), &settings.data_dir)?;
    let limits = crate::media::MediaLimits {
        max_bytes: settings.media_max_mib as usize * 1024 * 1024,
        max_pixels: u64::from(settings.media_max_megapixels) * 1_000_000,
    };
    Ok(Some(crate::import::photos::Photos::new(
        folder, storage, limits,
    )))
}

/// After an import: running instances clear their page caches, the report is written and
/// the summary printed.
async fn finish_import(
    store: &std::sync::Arc<dyn crate::store::Store>,
    dry_run: bool,
    result: anyhow::Result<crate::import::Report>,
    report: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    if !dry_run {
        // Instances serving this database (PostgreSQL) clear their page caches.
        let peers = crate::web::peers::Peers::start(store.clone());
        peers.tell(crate::web::peers::Change::Pages);
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    store.close().await;
    let outcome = result?;
    if let Some(path) = report {
        std::fs::write(path, outcome.to_text())
            .with_context(|| format!("could not write {}", path.display()))?;
    }
    print!("{}", outcome.summary());
    if dry_run {
        println!("Dry run: nothing was written.");
    }
    Ok(())
}
