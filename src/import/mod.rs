//! Moving a whole site in from another platform. A `Source` reads the old platform's
//! records and turns them into the neutral records below; `run` applies them through the
//! store in the order they depend on each other (sections, people, stories, comments,
//! reactions, addresses), in batches with a commit each. Every source record is kept in the
//! import map by its source id with a fingerprint, so a second run skips what it already
//! brought and updates only what changed. Everything not brought across exactly goes into
//! the `Report` with its source id and why; nothing is dropped silently.

pub mod ghost;
pub mod html;
pub mod photos;
pub mod varient;
pub mod wordpress;
pub mod wordpress_body;
pub mod xml;

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use crate::domain::{ArticleFormat, ArticleStatus, Email, Role, Slug};
use crate::store::{
    ArticleInput, AuthorInput, CommentStatus, GalleryItem, ImportMapping, ImportedComment,
    LeadImage, LeadVideoInput, NewComment, NewListItem, NewPoll, NewUser, OldAddress, OldTarget,
    PageInput, ParentRef, Placement, ReactionCounts, SectionInput, SectionLayout, Slot, Store,
    StoreError, UserChange,
};

/// A section (Varient: category) as the source has it.
#[derive(Debug, Clone, Serialize)]
pub struct SectionRecord {
    pub source_id: String,
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
    pub position: i64,
    /// The source id of the section this one is a subsection of (one level deep).
    pub parent: Option<String>,
    /// Whether the home page shows a block of its stories, when the source says.
    pub on_home: Option<bool>,
    /// Its colour as the source has it (`#1e73be`).
    pub colour: Option<String>,
    /// What Newsdesk has no place for (block style, menu flag).
    pub extra: serde_json::Value,
    /// Paths of the old site that showed this section.
    pub old_paths: Vec<String>,
    /// Feeds of the old site for this section, by path (`/rss/category/news`).
    pub old_feeds: Vec<String>,
    /// The language of the edition it belongs to (`sw`); `None` for the site's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// A person: staff (with a role) become members of the newsroom with a byline; readers'
/// accounts (no role) are only counted.
#[derive(Debug, Clone, Serialize)]
pub struct PersonRecord {
    pub source_id: String,
    pub email: String,
    pub name: String,
    pub slug: String,
    pub role: Option<Role>,
    /// The old platform's password hash (bcrypt `$2y$` for Varient), kept as it is.
    pub password_hash: Option<String>,
    pub active: bool,
    pub bio: Option<String>,
    pub avatar: Option<String>,
    pub old_paths: Vec<String>,
    pub old_feeds: Vec<String>,
}

/// One item of a gallery or a numbered list as the source has it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemRecord {
    pub title: Option<String>,
    /// Its text as the old editor's HTML.
    pub html: String,
    /// Its photo's address as the source has it, and the words under it.
    pub image: Option<String>,
    pub image_words: Option<String>,
}

/// A story format Newsdesk has, with what goes in it.
#[derive(Debug, Clone, Serialize)]
pub enum FormatKind {
    Gallery(Vec<ItemRecord>),
    List(Vec<ItemRecord>),
    /// Addresses of the video at a video site (its page, its player), best first.
    Video(Vec<String>),
    /// One question, its answers with the votes each had.
    Poll {
        question: String,
        options: Vec<(String, i64)>,
    },
}

/// A story's format, and its items as HTML to follow the body where the format cannot be
/// used here (a gallery without its photo files, a video site Newsdesk does not embed).
#[derive(Debug, Clone, Serialize)]
pub struct FormatRecord {
    pub kind: FormatKind,
    pub fallback_html: String,
}

/// A story with its body as the old editor's HTML.
#[derive(Debug, Clone, Serialize)]
pub struct StoryRecord {
    pub source_id: String,
    pub slug: String,
    pub title: String,
    pub standfirst: Option<String>,
    pub body_html: String,
    /// Markdown to put after the body: a gallery's or a list's items, a poll's questions.
    pub body_after: Option<String>,
    /// A gallery, numbered list, video or poll: the format with its items.
    pub format: Option<FormatRecord>,
    pub section: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<(String, String)>,
    pub status: ArticleStatus,
    pub published_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The lead photo's address as the source has it, and the words under it.
    pub lead_image: Option<(String, Option<String>)>,
    /// The lead photo's alt text, when the source has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_alt: Option<String>,
    /// The title for search engines, when the source has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    /// Reads on the old site.
    pub reads: i64,
    /// Waiting for an editor's approval on the old site: a draft in the review queue here.
    pub review: bool,
    /// What Newsdesk has no place for yet (front-page flags and their order...).
    pub extra: serde_json::Value,
    pub old_paths: Vec<String>,
    /// What the source already knows it could not bring exactly.
    pub notes: Vec<String>,
}

/// A page of the site (About, Contact...) with its text as the old editor's HTML.
#[derive(Debug, Clone, Serialize)]
pub struct PageRecord {
    pub source_id: String,
    pub slug: String,
    pub title: String,
    pub body_html: String,
    /// The title for search engines, when the source has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    /// Whether the contact form sits under the text.
    pub contact_form: bool,
    pub old_paths: Vec<String>,
    /// What the source already knows it could not bring exactly.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The language of the edition it belongs to (`sw`); `None` for the site's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// What the old site's front page showed, by the stories' source ids.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FrontRecord {
    /// The stories at the top (Varient: the slider, then the featured ones), in order.
    pub top: Vec<String>,
    /// Stories marked breaking, newest first.
    pub breaking: Vec<String>,
    /// Stories the old site recommended, which Newsdesk has no list for.
    pub recommended: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommentRecord {
    pub source_id: String,
    pub story: String,
    pub parent: Option<String>,
    pub name: String,
    pub email: Option<String>,
    pub body: String,
    pub approved: bool,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReactionRecord {
    pub source_id: String,
    pub story: String,
    pub counts: ReactionCounts,
}

/// What a source can give; stories and comments come in batches so a large site never
/// has to fit in memory.
#[async_trait]
pub trait Source: Send {
    /// Names the source in the import map (`varient`).
    fn name(&self) -> &'static str;
    /// How many stories and comments there are, for the progress bar.
    async fn totals(&mut self) -> anyhow::Result<(u64, u64)>;
    async fn sections(&mut self, report: &mut Report) -> anyhow::Result<Vec<SectionRecord>>;
    async fn people(&mut self, report: &mut Report) -> anyhow::Result<Vec<PersonRecord>>;
    /// The next stories in the source's order; empty when there are no more.
    async fn next_stories(
        &mut self,
        limit: usize,
        report: &mut Report,
    ) -> anyhow::Result<Vec<StoryRecord>>;
    /// The next comments, parents before their replies; empty when there are no more.
    async fn next_comments(
        &mut self,
        limit: usize,
        report: &mut Report,
    ) -> anyhow::Result<Vec<CommentRecord>>;
    async fn reactions(&mut self, report: &mut Report) -> anyhow::Result<Vec<ReactionRecord>>;
    /// The site's pages; none when the source has no pages.
    async fn pages(&mut self, _report: &mut Report) -> anyhow::Result<Vec<PageRecord>> {
        Ok(Vec::new())
    }
    /// What the front page showed; nothing when the source does not say.
    async fn front_page(&mut self, _report: &mut Report) -> anyhow::Result<FrontRecord> {
        Ok(FrontRecord::default())
    }
    /// Old addresses that lead to fixed places of the new site (`/rss` -> `/feed.xml`).
    fn fixed_addresses(&self) -> Vec<(String, String)>;
    /// Where a photo of the old site is, as an address the new site can show.
    fn image_address(&self, source: &str) -> String;
    /// The path of a photo of the old site inside a copy of its files (`--uploads`), or
    /// `None` for a photo kept elsewhere (another site, a video service).
    fn image_file(&self, source: &str) -> Option<String>;
    /// Whatever the source wants to close (its connections).
    async fn close(&mut self) {}
}

/// One item not brought across exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportLine {
    /// `post`, `comment`, `user`, `category`, `reaction`, `page`, `photo`, `site`...
    pub kind: String,
    pub source_id: String,
    pub reason: String,
}

/// What happened to the records of one kind.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub read: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
}

/// Everything an import did and could not do.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub lines: Vec<ReportLine>,
    pub counts: BTreeMap<String, Counts>,
}

impl Report {
    pub fn note(&mut self, kind: &str, source_id: impl ToString, reason: impl Into<String>) {
        self.lines.push(ReportLine {
            kind: kind.to_owned(),
            source_id: source_id.to_string(),
            reason: reason.into(),
        });
    }

    pub fn count(&mut self, kind: &str) -> &mut Counts {
        self.counts.entry(kind.to_owned()).or_default()
    }

    /// The report as a file: one tab-separated line per item (kind, source id, why).
    pub fn to_text(&self) -> String {
        let mut text = String::from("kind\tsource_id\treason\n");
        for line in &self.lines {
            let reason = line.reason.replace(['\t', '\n', '\r'], " ");
            text.push_str(&format!("{}\t{}\t{reason}\n", line.kind, line.source_id));
        }
        text
    }

    /// The counts per kind, one line each, for the terminal.
    pub fn summary(&self) -> String {
        let mut text = String::new();
        for (kind, c) in &self.counts {
            text.push_str(&format!(
                "{kind}: {} read, {} new, {} updated, {} unchanged, {} not brought\n",
                c.read, c.created, c.updated, c.unchanged, c.skipped
            ));
        }
        text.push_str(&format!(
            "{} item(s) not brought across exactly (see --report)\n",
            self.lines.len()
        ));
        text
    }
}

/// How progress is shown: a bar on a terminal, lines otherwise, or nothing (tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Bar,
    Lines,
    Quiet,
}

impl Progress {
    /// A bar when standard error is a terminal, plain lines otherwise.
    pub fn for_stderr() -> Progress {
        if std::io::stderr().is_terminal() {
            Progress::Bar
        } else {
            Progress::Lines
        }
    }

    fn show(self, what: &str, done: u64, total: u64) {
        match self {
            Progress::Quiet => {}
            Progress::Lines => eprintln!("{what}: {done} of {total}"),
            Progress::Bar => {
                let width = 30u64;
                let filled = (done.min(total) * width)
                    .checked_div(total)
                    .unwrap_or(width);
                let bar: String = (0..width)
                    .map(|i| if i < filled { '#' } else { '.' })
                    .collect();
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r{what:<9} [{bar}] {done}/{total}");
                if done >= total {
                    let _ = writeln!(err);
                }
                let _ = err.flush();
            }
        }
    }
}

/// How an import runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Read and report without writing anything.
    pub dry_run: bool,
    /// Records per batch; each batch is committed before the next is read.
    pub batch: usize,
    pub progress: Progress,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            dry_run: false,
            batch: 500,
            progress: Progress::Quiet,
        }
    }
}

/// A digest of a record, so a second run can tell whether it changed.
/// The edition a record of another language joins: its language's (a Varient site's second
/// language becomes an edition at `/LANG/`), or the site's own when the code is not a
/// language code, with a note saying so.
fn edition_of(
    code: Option<&str>,
    kind: &str,
    source_id: &str,
    report: &mut Report,
) -> Option<crate::domain::Language> {
    let code = code?;
    match crate::domain::Language::parse(code) {
        Ok(language) => Some(language),
        Err(why) => {
            report.note(
                kind,
                source_id,
                format!("its language {code:?} is not a language code ({why}): it joins the site's own edition"),
            );
            None
        }
    }
}

fn fingerprint(record: &impl Serialize) -> String {
    crate::auth::sha256_hex(&serde_json::to_vec(record).unwrap_or_default())
}

/// The import map of one kind, and the mappings waiting to be saved with the next commit.
struct Kind {
    name: &'static str,
    known: HashMap<String, (i64, String)>,
    /// Records an earlier run brought that were deleted here since: not brought again.
    gone: std::collections::HashSet<String>,
    pending: Vec<ImportMapping>,
}

impl Kind {
    async fn load(store: &dyn Store, source: &str, name: &'static str) -> anyhow::Result<Kind> {
        let mut known = HashMap::new();
        let mut gone = std::collections::HashSet::new();
        for (source_id, mapped) in store.import_mappings(source, name).await? {
            if mapped.present {
                known.insert(source_id, (mapped.target_id, mapped.fingerprint));
            } else {
                gone.insert(source_id);
            }
        }
        Ok(Kind {
            name,
            known,
            gone,
            pending: Vec::new(),
        })
    }

    /// True (with a report line) for a record deleted here since an earlier run.
    fn skip_gone(&self, source_id: &str, report: &mut Report, counted: &str) -> bool {
        if !self.gone.contains(source_id) {
            return false;
        }
        report.note(
            self.name,
            source_id,
            "deleted here since an earlier import: not brought again",
        );
        report.count(counted).skipped += 1;
        true
    }

    fn target(&self, source_id: &str) -> Option<i64> {
        self.known.get(source_id).map(|(id, _)| *id)
    }

    fn remember(
        &mut self,
        source_id: &str,
        target: i64,
        fingerprint: String,
        extra: Option<String>,
    ) {
        self.known
            .insert(source_id.to_owned(), (target, fingerprint.clone()));
        self.pending.push(ImportMapping {
            kind: self.name.to_owned(),
            source_id: source_id.to_owned(),
            target_id: target,
            fingerprint,
            extra,
        });
    }

    async fn commit(
        &mut self,
        store: &dyn Store,
        source: &str,
        dry_run: bool,
    ) -> anyhow::Result<()> {
        if !dry_run && !self.pending.is_empty() {
            store
                .save_import_mappings(source, &self.pending, Timestamp::now())
                .await?;
        }
        self.pending.clear();
        Ok(())
    }
}

/// What `fresh` gives when a record is new in a dry run: no id, as nothing was written.
const DRY_ID: i64 = 0;

/// Reads everything from `source` and brings it into the site.
pub async fn run(
    store: &dyn Store,
    source: &mut dyn Source,
    options: &Options,
    mut photos: Option<&mut photos::Photos>,
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let name = source.name();
    let dry = options.dry_run;
    let (story_total, comment_total) = source.totals().await?;
    let mut addresses: Vec<OldAddress> = Vec::new();

    // Sections.
    let mut sections = Kind::load(store, name, "category").await?;
    for record in source.sections(&mut report).await? {
        report.count("categories").read += 1;
        if sections.skip_gone(&record.source_id, &mut report, "categories") {
            continue;
        }
        let print = fingerprint(&record);
        let slug = Slug::parse(&record.slug).unwrap_or_else(|_| Slug::from_title(&record.name));
        let input = SectionInput {
            slug,
            name: record.name.clone(),
            description: record.description.clone(),
            language: edition_of(
                record.language.as_deref(),
                "category",
                &record.source_id,
                &mut report,
            ),
        };
        let extra = Some(record.extra.to_string());
        let id = match sections.known.get(&record.source_id).cloned() {
            Some((id, old)) if old == print => {
                report.count("categories").unchanged += 1;
                id
            }
            Some((id, _)) => {
                if !dry {
                    update_section(store, id, input, &record, &mut report).await?;
                }
                report.count("categories").updated += 1;
                id
            }
            None => {
                let id = if dry {
                    DRY_ID
                } else {
                    create_section(store, input, &record, &mut report).await?
                };
                report.count("categories").created += 1;
                id
            }
        };
        let parent = record.parent.as_deref().and_then(|p| sections.target(p));
        let changed = sections
            .known
            .get(&record.source_id)
            .is_none_or(|(_, old)| *old != print);
        if !dry && changed {
            place_section(store, id, parent, &record, &mut report).await?;
        }
        sections.remember(&record.source_id, id, print, extra);
        for path in &record.old_paths {
            addresses.push(OldAddress {
                path: path.clone(),
                target: OldTarget::Section(id),
            });
        }
        let slug = store
            .section_by_id(id)
            .await
            .map(|s| s.slug.to_string())
            .unwrap_or_else(|_| record.slug.clone());
        for path in &record.old_feeds {
            addresses.push(OldAddress {
                path: path.clone(),
                target: OldTarget::Path(format!("/section/{slug}/feed.xml")),
            });
        }
    }
    sections.commit(store, name, dry).await?;

    bring_pages(store, source, dry, &mut addresses, &mut report).await?;

    // People.
    let mut users = Kind::load(store, name, "user").await?;
    let mut authors = Kind::load(store, name, "author").await?;
    let mut readers = 0u64;
    for record in source.people(&mut report).await? {
        let Some(role) = record.role else {
            readers += 1;
            continue;
        };
        report.count("staff").read += 1;
        if users.skip_gone(&record.source_id, &mut report, "staff")
            || authors.gone.contains(&record.source_id)
        {
            continue;
        }
        let print = fingerprint(&record);
        let known_user = users.known.get(&record.source_id).cloned();
        let known_author = authors.target(&record.source_id);
        match (&known_user, known_author) {
            (Some((_, old)), Some(_)) if *old == print => {
                report.count("staff").unchanged += 1;
                continue;
            }
            _ => {}
        }
        let Ok(email) = Email::parse(&record.email) else {
            report.note(
                "user",
                &record.source_id,
                format!(
                    "not brought: \"{}\" is not an email address a person can sign in with",
                    record.email
                ),
            );
            report.count("staff").skipped += 1;
            continue;
        };
        let hash = match &record.password_hash {
            Some(hash) if !hash.is_empty() => hash.clone(),
            _ => {
                report.note(
                    "user",
                    &record.source_id,
                    "has no password (signed in through a social account): set one with \
                     `newsdesk user password`",
                );
                NO_PASSWORD.to_owned()
            }
        };
        let photo_url = match record.avatar.as_deref() {
            Some(avatar) => Some(
                photo(
                    store,
                    &mut photos,
                    &*source,
                    avatar,
                    None,
                    dry,
                    ("user", &record.source_id, "profile photo"),
                    &mut report,
                )
                .await,
            ),
            None => None,
        };
        let author_input = AuthorInput {
            slug: Slug::parse(&record.slug).unwrap_or_else(|_| Slug::from_title(&record.name)),
            name: record.name.clone(),
            bio: record.bio.clone(),
            photo_url,
        };
        if dry {
            if known_user.is_some() {
                report.count("staff").updated += 1;
            } else {
                report.count("staff").created += 1;
            }
            continue;
        }
        let user_id = match &known_user {
            Some((id, _)) => {
                store
                    .update_user(
                        *id,
                        &UserChange {
                            name: Some(record.name.clone()),
                            role: Some(role),
                            active: Some(record.active),
                            password_hash: None,
                        },
                    )
                    .await?;
                report.count("staff").updated += 1;
                *id
            }
            None => {
                let new = NewUser {
                    email: email.clone(),
                    name: record.name.clone(),
                    role,
                    password_hash: hash,
                };
                let user = match store.create_user(&new, Timestamp::now()).await {
                    Ok(user) => user,
                    Err(StoreError::Taken { .. }) => {
                        report.note(
                            "user",
                            &record.source_id,
                            format!(
                                "{email} already has an account here; kept that one (its role and password)"
                            ),
                        );
                        store.user_by_email(&email).await?
                    }
                    Err(other) => return Err(other.into()),
                };
                if !record.active {
                    store
                        .update_user(
                            user.id,
                            &UserChange {
                                active: Some(false),
                                ..UserChange::default()
                            },
                        )
                        .await?;
                    report.note("user", &record.source_id, "banned: arrives deactivated");
                }
                report.count("staff").created += 1;
                user.id
            }
        };
        let author_id = match known_author {
            Some(id) => {
                store.update_author(id, &author_input).await?;
                id
            }
            None => create_author(store, author_input, &record, &mut report).await?,
        };
        users.remember(&record.source_id, user_id, print.clone(), None);
        authors.remember(&record.source_id, author_id, print, None);
        for path in &record.old_paths {
            addresses.push(OldAddress {
                path: path.clone(),
                target: OldTarget::Author(author_id),
            });
        }
        let slug = store.author_by_id(author_id).await?.slug.to_string();
        for path in &record.old_feeds {
            addresses.push(OldAddress {
                path: path.clone(),
                target: OldTarget::Path(format!("/author/{slug}/feed.xml")),
            });
        }
    }
    if readers > 0 {
        report.count("reader accounts").read = readers;
        report.count("reader accounts").skipped = readers;
        report.note(
            "user",
            "*",
            format!("{readers} reader account(s) not brought: Newsdesk readers need no account"),
        );
    }
    users.commit(store, name, dry).await?;
    authors.commit(store, name, dry).await?;

    // Stories, in batches.
    let mut stories = Kind::load(store, name, "post").await?;
    let mut fallback_section: Option<i64> = None;
    let mut reads: Vec<(i64, i64)> = Vec::new();
    let mut done = 0u64;
    let mut fresh: Vec<FreshStory> = Vec::new();
    let mut saved: Vec<SavedStory> = Vec::new();
    loop {
        let batch = source.next_stories(options.batch, &mut report).await?;
        if batch.is_empty() {
            break;
        }
        for record in batch {
            done += 1;
            report.count("stories").read += 1;
            if stories.skip_gone(&record.source_id, &mut report, "stories") {
                continue;
            }
            let print = fingerprint(&record);
            let known = stories.known.get(&record.source_id).cloned();
            if let Some((id, old)) = &known
                && *old == print
            {
                report.count("stories").unchanged += 1;
                for path in &record.old_paths {
                    addresses.push(OldAddress {
                        path: path.clone(),
                        target: OldTarget::Article(*id),
                    });
                }
                continue;
            }
            for note in &record.notes {
                report.note("post", &record.source_id, note.clone());
            }
            // The format first: its photos, or why it cannot be used (its items then
            // follow the body, as text).
            let plan = match &record.format {
                Some(format) => {
                    match plan_format(store, &mut photos, &*source, format, dry).await {
                        Ok(plan) => Some(plan),
                        Err(why) => {
                            report.note(
                                "post",
                                &record.source_id,
                                format!("{why}: its items arrive as the story's text"),
                            );
                            None
                        }
                    }
                }
                None => None,
            };
            let body_html = match (&record.format, &plan) {
                (Some(format), None) => format!("{}\n{}", record.body_html, format.fallback_html),
                _ => record.body_html.clone(),
            };
            // The photos first (into the library when the old site's files are given),
            // then the body with their new addresses.
            let found = html::to_markdown(&body_html, &|src| src.to_owned());
            let mut moved: HashMap<String, String> = HashMap::new();
            for image in &found.images {
                let address = photo(
                    store,
                    &mut photos,
                    &*source,
                    image,
                    None,
                    dry,
                    ("post", &record.source_id, "inline photo"),
                    &mut report,
                )
                .await;
                moved.insert(image.clone(), address);
            }
            let converted = if found.images.is_empty() {
                found
            } else {
                html::to_markdown(&body_html, &|src| {
                    moved
                        .get(src)
                        .cloned()
                        .unwrap_or_else(|| source.image_address(src))
                })
            };
            for note in &converted.notes {
                report.note("post", &record.source_id, note.clone());
            }
            let mut body = converted.markdown;
            if let Some(after) = &record.body_after {
                if !body.is_empty() {
                    body.push_str("\n\n");
                }
                body.push_str(after);
            }
            let section_id = match record.section.as_deref().and_then(|s| sections.target(s)) {
                Some(id) => id,
                None => {
                    report.note(
                        "post",
                        &record.source_id,
                        format!(
                            "its category ({}) is gone: filed under \"Imported\"",
                            record.section.as_deref().unwrap_or("none")
                        ),
                    );
                    match fallback_section {
                        Some(id) => id,
                        None if dry => DRY_ID,
                        None => {
                            let id = imported_section(store).await?;
                            fallback_section = Some(id);
                            id
                        }
                    }
                }
            };
            let author_ids: Vec<i64> = match record.author.as_deref() {
                Some(author) => match authors.target(author) {
                    Some(id) => vec![id],
                    None => {
                        report.note(
                            "post",
                            &record.source_id,
                            format!("its author ({author}) is gone or not staff: no byline"),
                        );
                        Vec::new()
                    }
                },
                None => Vec::new(),
            };
            let lead_image = match &record.lead_image {
                Some((path, words)) => {
                    let (credit, caption) = credit_or_caption(words.as_deref());
                    let url = photo(
                        store,
                        &mut photos,
                        &*source,
                        path,
                        Some((credit.as_deref(), caption.as_deref())),
                        dry,
                        ("post", &record.source_id, "lead photo"),
                        &mut report,
                    )
                    .await;
                    Some(LeadImage {
                        url,
                        alt: record.lead_alt.clone().unwrap_or_default(),
                        credit,
                        caption,
                    })
                }
                None => None,
            };
            let tags = record
                .tags
                .iter()
                .filter_map(|(slug, tag)| {
                    let slug = Slug::parse(slug).unwrap_or_else(|_| Slug::from_title(tag));
                    (!tag.trim().is_empty()).then(|| (slug, tag.trim().to_owned()))
                })
                .fold(Vec::<(Slug, String)>::new(), |mut all, tag| {
                    if !all.iter().any(|(s, _)| s == &tag.0) {
                        all.push(tag);
                    }
                    all
                });
            let slug = Slug::parse(&record.slug).unwrap_or_else(|_| {
                let slug = Slug::from_title(&record.title);
                report.note(
                    "post",
                    &record.source_id,
                    format!("slug \"{}\" became \"{slug}\"", record.slug),
                );
                slug
            });
            let input = ArticleInput {
                slug,
                title: record.title.clone(),
                standfirst: record.standfirst.clone(),
                body,
                status: record.status,
                section_id,
                tags,
                author_ids,
                lead_image,
                seo_title: record.seo_title.clone(),
                seo_description: record.seo_description.clone(),
                published_at: record.published_at,
                comments_open: true,
                format: plan.as_ref().map(FormatPlan::format).unwrap_or_default(),
                dateline: None,
                embargo_until: None,
                source: crate::store::Source::default(),
                updated_shown_at: None,
            };
            let extra = (!record.extra.is_null()).then(|| record.extra.to_string());
            let id = match (&known, dry) {
                (Some((id, _)), true) => *id,
                (None, true) => DRY_ID,
                (Some((id, _)), false) => {
                    let current = store.article_by_id(*id).await?;
                    // What the newsroom added since the import is the newsroom's.
                    let input = ArticleInput {
                        dateline: current.dateline.clone(),
                        embargo_until: current.embargo_until,
                        source: current.source.clone(),
                        updated_shown_at: current.updated_shown_at,
                        ..input
                    };
                    store
                        .update_article(*id, current.version, &input, None, record.updated_at)
                        .await?;
                    *id
                }
                (None, false) => {
                    // Saved with the rest of the batch, in one transaction.
                    fresh.push((record, print, extra, input, plan));
                    continue;
                }
            };
            if known.is_some() {
                report.count("stories").updated += 1;
            } else {
                report.count("stories").created += 1;
            }
            saved.push((record, print, extra, id, plan));
        }
        if !fresh.is_empty() {
            let inputs: Vec<(ArticleInput, Timestamp)> = fresh
                .iter()
                .map(|(record, _, _, input, _)| (input.clone(), record.created_at))
                .collect();
            let ids = match store.import_articles(&inputs).await {
                Ok(ids) => ids,
                // A slug taken here: this batch one by one, each finding a free slug.
                Err(StoreError::Taken { .. }) => {
                    let mut ids = Vec::with_capacity(fresh.len());
                    for (record, _, _, input, _) in &fresh {
                        ids.push(create_article(store, input.clone(), record, &mut report).await?);
                    }
                    ids
                }
                Err(other) => return Err(other.into()),
            };
            report.count("stories").created += ids.len() as u64;
            for ((record, print, extra, _, plan), id) in fresh.drain(..).zip(ids) {
                saved.push((record, print, extra, id, plan));
            }
        }
        for (record, print, extra, id, plan) in saved.drain(..) {
            if !dry {
                if let Some(plan) = plan {
                    apply_format(store, id, plan, &record, &mut report).await?;
                }
                if record.reads > 0 {
                    reads.push((id, record.reads));
                }
                if record.review && record.status == ArticleStatus::Draft {
                    store
                        .set_review(id, Some((None, record.created_at)))
                        .await?;
                }
            }
            stories.remember(&record.source_id, id, print, extra);
            for path in &record.old_paths {
                addresses.push(OldAddress {
                    path: path.clone(),
                    target: OldTarget::Article(id),
                });
            }
        }
        if !reads.is_empty() {
            store.set_read_baselines(&reads).await?;
            reads.clear();
        }
        stories.commit(store, name, dry).await?;
        options
            .progress
            .show("stories", done, story_total.max(done));
    }

    // Comments, in batches; parents come before their replies.
    let mut comments = Kind::load(store, name, "comment").await?;
    let mut done = 0u64;
    loop {
        let batch = source.next_comments(options.batch, &mut report).await?;
        if batch.is_empty() {
            break;
        }
        // New comments are saved together at the end of the batch; a reply may attach to
        // a comment earlier in it.
        let mut new: Vec<(String, String, ImportedComment)> = Vec::new();
        let mut in_batch: HashMap<String, usize> = HashMap::new();
        for record in batch {
            done += 1;
            report.count("comments").read += 1;
            if comments.skip_gone(&record.source_id, &mut report, "comments") {
                continue;
            }
            let print = fingerprint(&record);
            let known = comments.known.get(&record.source_id).cloned();
            let status = if record.approved {
                CommentStatus::Approved
            } else {
                CommentStatus::Pending
            };
            match &known {
                Some((_, old)) if *old == print => {
                    report.count("comments").unchanged += 1;
                    continue;
                }
                Some((id, _)) => {
                    if !dry {
                        store
                            .update_comment(*id, Some(status), Some(&record.body), Timestamp::now())
                            .await?;
                    }
                    report.count("comments").updated += 1;
                    comments.remember(&record.source_id, *id, print, None);
                    continue;
                }
                None => {}
            }
            let Some(article_id) = stories.target(&record.story) else {
                report.note(
                    "comment",
                    &record.source_id,
                    format!("not brought: its post ({}) is gone", record.story),
                );
                report.count("comments").skipped += 1;
                continue;
            };
            let parent = match record.parent.as_deref() {
                Some(parent) => match (comments.target(parent), in_batch.get(parent)) {
                    (Some(id), _) => Some(ParentRef::Id(id)),
                    (None, Some(at)) => Some(ParentRef::InBatch(*at)),
                    (None, None) => {
                        report.note(
                            "comment",
                            &record.source_id,
                            format!(
                                "its parent ({parent}) is gone: shown as a comment on the story"
                            ),
                        );
                        None
                    }
                },
                None => None,
            };
            report.count("comments").created += 1;
            if dry {
                comments.remember(&record.source_id, DRY_ID, print, None);
                continue;
            }
            in_batch.insert(record.source_id.clone(), new.len());
            new.push((
                record.source_id.clone(),
                print,
                ImportedComment {
                    comment: NewComment {
                        article_id,
                        parent_id: None,
                        author_name: record.name.clone(),
                        author_email: record.email.as_deref().and_then(|e| Email::parse(e).ok()),
                        body: record.body.clone(),
                        status,
                        reason: None,
                        reader_id: None,
                    },
                    parent,
                    created_at: record.created_at,
                },
            ));
        }
        if !new.is_empty() {
            let batch: Vec<ImportedComment> = new.iter().map(|(_, _, c)| c.clone()).collect();
            let ids = store.import_comments(&batch).await?;
            for ((source_id, print, _), id) in new.drain(..).zip(ids) {
                comments.remember(&source_id, id, print, None);
            }
        }
        comments.commit(store, name, dry).await?;
        options
            .progress
            .show("comments", done, comment_total.max(done));
    }

    // Reactions: the old site's totals become each story's starting totals.
    let mut reactions = Kind::load(store, name, "reaction").await?;
    let mut baselines: Vec<(i64, ReactionCounts)> = Vec::new();
    for record in source.reactions(&mut report).await? {
        report.count("reactions").read += 1;
        if reactions.skip_gone(&record.source_id, &mut report, "reactions") {
            continue;
        }
        let print = fingerprint(&record);
        if reactions
            .known
            .get(&record.source_id)
            .is_some_and(|(_, old)| *old == print)
        {
            report.count("reactions").unchanged += 1;
            continue;
        }
        let Some(article_id) = stories.target(&record.story) else {
            report.note(
                "reaction",
                &record.source_id,
                format!("not brought: its post ({}) is gone", record.story),
            );
            report.count("reactions").skipped += 1;
            continue;
        };
        if !dry {
            baselines.push((article_id, record.counts.clone()));
            if baselines.len() >= options.batch.max(1) {
                store.set_reaction_baselines(&baselines).await?;
                baselines.clear();
                reactions.commit(store, name, dry).await?;
            }
        }
        let counts = report.count("reactions");
        if reactions.known.contains_key(&record.source_id) {
            counts.updated += 1;
        } else {
            counts.created += 1;
        }
        reactions.remember(&record.source_id, article_id, print, None);
    }
    if !baselines.is_empty() {
        store.set_reaction_baselines(&baselines).await?;
    }
    reactions.commit(store, name, dry).await?;

    arrange_front(store, source, &stories, dry, &mut report).await?;

    // Old addresses, last: every target exists now.
    for (path, target) in source.fixed_addresses() {
        addresses.push(OldAddress {
            path,
            target: OldTarget::Path(target),
        });
    }
    report.count("addresses").read = addresses.len() as u64;
    if !dry {
        for chunk in addresses.chunks(options.batch.max(1)) {
            store.save_old_addresses(chunk).await?;
        }
    }
    source.close().await;
    Ok(report)
}

/// A new story waiting for its batch's transaction: the record, its fingerprint and extra,
/// what is saved, and its format.
type FreshStory = (
    StoryRecord,
    String,
    Option<String>,
    ArticleInput,
    Option<FormatPlan>,
);
/// A story saved, with its id, waiting for what follows a save.
type SavedStory = (StoryRecord, String, Option<String>, i64, Option<FormatPlan>);

/// A story's format, ready to be saved with the story's id.
#[derive(Debug)]
enum FormatPlan {
    Gallery(Vec<GalleryItem>),
    List(Vec<NewListItem>),
    Video(LeadVideoInput),
    Poll(NewPoll, Vec<i64>),
}

impl FormatPlan {
    fn format(&self) -> ArticleFormat {
        match self {
            FormatPlan::Gallery(_) => ArticleFormat::Gallery,
            FormatPlan::List(_) => ArticleFormat::List,
            FormatPlan::Video(_) => ArticleFormat::Video,
            // A poll sits under an ordinary story.
            FormatPlan::Poll(..) => ArticleFormat::Standard,
        }
    }
}

/// What a format needs before its story is saved (its photos in the library), or why it
/// cannot be used here.
async fn plan_format(
    store: &dyn Store,
    photos: &mut Option<&mut photos::Photos>,
    source: &dyn Source,
    format: &FormatRecord,
    dry: bool,
) -> Result<FormatPlan, String> {
    match &format.kind {
        FormatKind::Video(addresses) => addresses
            .iter()
            .find_map(|url| {
                crate::video::LeadVideoRequest {
                    embed_url: Some(url.clone()),
                    ..Default::default()
                }
                .check()
                .ok()
            })
            .map(FormatPlan::Video)
            .ok_or_else(|| {
                format!(
                    "post type video: {} is not a YouTube, Vimeo or Facebook video, which the video format embeds",
                    addresses.join(", ")
                )
            }),
        FormatKind::Poll { question, options } => {
            if options.len() < 2 {
                return Err("post type poll: a poll here needs at least two answers".into());
            }
            let poll = NewPoll {
                question: question.clone(),
                options: options.iter().map(|(label, _)| label.clone()).collect(),
                closes_at: None,
                results_before_vote: false,
            };
            Ok(FormatPlan::Poll(
                poll,
                options.iter().map(|(_, votes)| (*votes).max(0)).collect(),
            ))
        }
        FormatKind::Gallery(items) => {
            let mut photos_in = Vec::with_capacity(items.len());
            for item in items {
                let image = item
                    .image
                    .as_deref()
                    .ok_or("post type gallery: an item has no photo")?;
                let (credit, words) = credit_or_caption(item.image_words.as_deref());
                let text = html::to_markdown(&item.html, &|src| src.to_owned()).markdown;
                let caption = [item.title.clone(), words, Some(text)]
                    .into_iter()
                    .flatten()
                    .map(|part| part.trim().to_owned())
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" — ");
                let caption = (!caption.is_empty()).then_some(caption);
                let media_id = library_photo(store, photos, source, image, dry)
                    .await
                    .map_err(|why| format!("post type gallery: {why}"))?;
                photos_in.push(GalleryItem {
                    media_id,
                    caption,
                    credit,
                });
            }
            Ok(FormatPlan::Gallery(photos_in))
        }
        FormatKind::List(items) => {
            let mut list = Vec::with_capacity(items.len());
            for item in items {
                let mut body = html::to_markdown(&item.html, &|src| source.image_address(src)).markdown;
                let media_id = match &item.image {
                    Some(image) => match library_photo(store, photos, source, image, dry).await {
                        Ok(id) => Some(id),
                        // Without the file, the photo stays at its old address in the text.
                        Err(_) => {
                            body = format!(
                                "![{}]({})\n\n{body}",
                                item.title.as_deref().unwrap_or(""),
                                source.image_address(image)
                            );
                            None
                        }
                    },
                    None => None,
                };
                list.push(NewListItem {
                    heading: item.title.clone().unwrap_or_default(),
                    media_id,
                    body,
                });
            }
            Ok(FormatPlan::List(list))
        }
    }
}

/// The library id of a photo of the old site, brought from its files.
async fn library_photo(
    store: &dyn Store,
    photos: &mut Option<&mut photos::Photos>,
    source: &dyn Source,
    image: &str,
    dry: bool,
) -> Result<i64, String> {
    let relative = source
        .image_file(image)
        .ok_or_else(|| format!("the photo {image} is not one of the old site's files"))?;
    let photos = photos
        .as_deref_mut()
        .ok_or_else(|| format!("the photo {relative} needs the old site's files (--uploads)"))?;
    if dry {
        return if photos.exists(&relative) {
            Ok(DRY_ID)
        } else {
            Err(format!("{relative} is missing"))
        };
    }
    photos
        .bring_media(store, &relative, "", None, None)
        .await
        .map(|(id, _)| id)
}

/// Saves a story's format with its items. A poll is made once: a later run leaves it, and
/// the votes readers gave here, as they are.
async fn apply_format(
    store: &dyn Store,
    article_id: i64,
    plan: FormatPlan,
    record: &StoryRecord,
    report: &mut Report,
) -> anyhow::Result<()> {
    match plan {
        FormatPlan::Gallery(items) => {
            store.replace_gallery(article_id, &items).await?;
        }
        FormatPlan::List(items) => {
            store.replace_list(article_id, &items, false).await?;
        }
        FormatPlan::Video(lead) => {
            store.set_lead_video(article_id, Some(&lead)).await?;
        }
        FormatPlan::Poll(poll, totals) => {
            if store.article_polls(article_id).await?.is_empty() {
                let made = store
                    .create_poll(article_id, &poll, None, record.created_at)
                    .await?;
                store.set_poll_totals(made.id, &totals).await?;
            } else {
                report.note(
                    "post",
                    &record.source_id,
                    "its poll was brought before: kept as it is here, with the votes given here",
                );
            }
        }
    }
    Ok(())
}

/// A breaking story older than this gets no banner here, only a report line.
const BREAKING_FRESH: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// The old front page onto this one: its top stories (Varient's slider, then featured) into
/// the lead and top slots in order, the newest breaking story onto the banner if it is
/// fresh. An arrangement editors changed here since the last import is left alone; what
/// has no place here gets a report line.
async fn arrange_front(
    store: &dyn Store,
    source: &mut dyn Source,
    stories: &Kind,
    dry: bool,
    report: &mut Report,
) -> anyhow::Result<()> {
    let front = source.front_page(report).await?;
    for id in &front.recommended {
        report.note(
            "post",
            id,
            "recommended on the old site: Newsdesk has no recommended list, so it is not marked",
        );
    }
    if dry {
        return Ok(());
    }
    let now = Timestamp::now();
    let ids: Vec<i64> = front
        .top
        .iter()
        .chain(&front.breaking)
        .filter_map(|s| stories.target(s))
        .collect();
    let public = store.public_articles_by_ids(&ids, now).await?;
    let live = |source_id: &str| {
        stories
            .target(source_id)
            .and_then(|id| public.iter().find(|a| a.id == id))
    };

    let mut placements: Vec<Placement> = Vec::new();
    for source_id in &front.top {
        let Some(article) = live(source_id) else {
            report.note(
                "post",
                source_id,
                "on the old front page but not published here: not placed",
            );
            continue;
        };
        if placements.len() as i64 > crate::front_page::MAX_TOP {
            report.note(
                "post",
                source_id,
                format!(
                    "on the old front page, which had more stories than the lead and {} top slots here: not placed",
                    crate::front_page::MAX_TOP
                ),
            );
            continue;
        }
        let (slot, position) = match placements.len() as i64 {
            0 => (Slot::Lead, 1),
            n => (Slot::Top, n),
        };
        placements.push(Placement {
            slot,
            position,
            article_id: article.id,
            until: None,
        });
    }
    let mut arranged = Kind::load(store, source.name(), "front page").await?;
    let current = store.placements().await?;
    let ours = arranged
        .known
        .get("placements")
        .is_some_and(|(_, print)| *print == fingerprint(&current));
    if !placements.is_empty() || ours {
        if current.is_empty() || ours {
            store.replace_placements(&placements, None, now).await?;
            arranged.remember("placements", 0, fingerprint(&placements), None);
        } else {
            report.note(
                "site",
                "front page",
                "editors arranged the front page here since the last import: left as it is",
            );
        }
    }

    let mut breaking = front.breaking.iter();
    if let Some(newest) = breaking.next() {
        match live(newest) {
            Some(article)
                if article
                    .published_at
                    .is_some_and(|at| at + BREAKING_FRESH > now) =>
            {
                let banner = store.breaking_news().await?;
                if banner.is_none_or(|b| b.until <= now || b.set_by.is_none()) {
                    store
                        .set_breaking_news(
                            article.id,
                            now + crate::front_page::BREAKING_DEFAULT,
                            None,
                            now,
                        )
                        .await?;
                } else {
                    report.note(
                        "post",
                        newest,
                        "breaking on the old site, but an editor's banner is up here: left as it is",
                    );
                }
            }
            Some(_) => report.note(
                "post",
                newest,
                format!(
                    "breaking on the old site, but older than {} hours: no banner",
                    BREAKING_FRESH.as_hours()
                ),
            ),
            None => report.note(
                "post",
                newest,
                "breaking on the old site but not published here: no banner",
            ),
        }
    }
    for older in breaking {
        report.note(
            "post",
            older,
            "breaking on the old site: only the newest breaking story gets the banner",
        );
    }
    arranged.commit(store, source.name(), dry).await?;
    Ok(())
}

/// Pages, each at its slug; one the site itself uses (`/search`) moves aside, reported.
async fn bring_pages(
    store: &dyn Store,
    source: &mut dyn Source,
    dry: bool,
    addresses: &mut Vec<OldAddress>,
    report: &mut Report,
) -> anyhow::Result<()> {
    let name = source.name();
    let mut pages = Kind::load(store, name, "page").await?;
    for record in source.pages(report).await? {
        report.count("pages").read += 1;
        if pages.skip_gone(&record.source_id, report, "pages") {
            continue;
        }
        let print = fingerprint(&record);
        let known = pages.known.get(&record.source_id).cloned();
        let id = match &known {
            Some((id, old)) if *old == print => {
                report.count("pages").unchanged += 1;
                *id
            }
            _ => {
                let slug = match crate::pages::parse_page_slug(&record.slug) {
                    Ok(slug) => slug,
                    Err(why) => {
                        let wanted = Slug::from_title(&record.slug);
                        let slug = match crate::pages::parse_page_slug(wanted.as_str()) {
                            Ok(slug) => slug,
                            Err(_) => Slug::from_title(&format!("{wanted}-page")),
                        };
                        report.note(
                            "page",
                            &record.source_id,
                            format!("its slug cannot be a page's here ({why}): arrives at /{slug}"),
                        );
                        slug
                    }
                };
                let converted =
                    html::to_markdown(&record.body_html, &|src| source.image_address(src));
                for note in record.notes.iter().chain(&converted.notes) {
                    report.note("page", &record.source_id, note.clone());
                }
                if !converted.images.is_empty() {
                    report.note(
                        "page",
                        &record.source_id,
                        format!(
                            "{} photo(s) on the page keep their old addresses",
                            converted.images.len()
                        ),
                    );
                }
                let input = PageInput {
                    slug,
                    title: record.title.clone(),
                    body: converted.markdown,
                    seo_title: record.seo_title.clone(),
                    seo_description: record.seo_description.clone(),
                    contact_form: record.contact_form,
                    language: edition_of(
                        record.language.as_deref(),
                        "page",
                        &record.source_id,
                        report,
                    ),
                };
                let counts = report.count("pages");
                if known.is_some() {
                    counts.updated += 1;
                } else {
                    counts.created += 1;
                }
                match (&known, dry) {
                    (Some((id, _)), true) => *id,
                    (None, true) => DRY_ID,
                    (Some((id, _)), false) => {
                        let current = store.page_by_id(*id).await?;
                        store
                            .update_page(*id, current.version, &input, None, Timestamp::now())
                            .await?;
                        *id
                    }
                    (None, false) => create_page(store, input, &record, report).await?,
                }
            }
        };
        pages.remember(&record.source_id, id, print, None);
        let own = if dry {
            None
        } else {
            Some(format!("/{}", store.page_by_id(id).await?.slug))
        };
        for path in &record.old_paths {
            if own.as_deref() != Some(path.as_str()) {
                addresses.push(OldAddress {
                    path: path.clone(),
                    target: OldTarget::Page(id),
                });
            }
        }
    }
    pages.commit(store, name, dry).await?;
    Ok(())
}

async fn create_page(
    store: &dyn Store,
    mut input: PageInput,
    record: &PageRecord,
    report: &mut Report,
) -> anyhow::Result<i64> {
    for attempt in 0..5 {
        match store.create_page(&input, None, Timestamp::now()).await {
            Ok(page) => return Ok(page.id),
            Err(StoreError::Taken { .. }) if attempt < 4 => {
                input.slug = suffixed(&input.slug, &record.source_id, attempt);
                report.note(
                    "page",
                    &record.source_id,
                    format!("slug was taken here: arrives at /{}", input.slug),
                );
            }
            Err(other) => return Err(other.into()),
        }
    }
    anyhow::bail!("page {}: no free slug", record.source_id)
}

/// The address a story shows a photo at: the library's, once brought from the old site's
/// files; otherwise its old address, with a report line saying why.
#[allow(clippy::too_many_arguments)]
async fn photo(
    store: &dyn Store,
    photos: &mut Option<&mut photos::Photos>,
    source: &dyn Source,
    image: &str,
    words: Option<(Option<&str>, Option<&str>)>,
    dry: bool,
    (kind, story, what): (&str, &str, &str),
    report: &mut Report,
) -> String {
    let old = source.image_address(image);
    let Some(relative) = source.image_file(image) else {
        return old;
    };
    let Some(photos) = photos.as_deref_mut() else {
        report.note(
            kind,
            story,
            format!("{what} {relative} kept at its old address {old} (no --uploads folder given)"),
        );
        return old;
    };
    let outcome = if dry {
        if photos.exists(&relative) {
            Ok(old.clone())
        } else {
            Err(format!("{relative} is missing"))
        }
    } else {
        let (credit, caption) = words.unwrap_or((None, None));
        photos.bring(store, &relative, credit, caption).await
    };
    match outcome {
        Ok(address) => {
            report.count("photos").read += 1;
            address
        }
        Err(why) => {
            report.note(
                kind,
                story,
                format!("{what} not brought ({why}): kept its old address {old}"),
            );
            old
        }
    }
}

/// The password hash of a person who has none: no password matches it.
pub const NO_PASSWORD: &str = "!no-password";

async fn create_section(
    store: &dyn Store,
    mut input: SectionInput,
    record: &SectionRecord,
    report: &mut Report,
) -> anyhow::Result<i64> {
    for attempt in 0..5 {
        match store.create_section(&input).await {
            Ok(section) => return Ok(section.id),
            Err(StoreError::Taken { field }) if attempt < 4 => {
                if field == "name" {
                    input.name = format!("{} ({})", record.name, attempt + 2);
                } else {
                    input.slug = suffixed(&input.slug, &record.source_id, attempt);
                }
                report.note(
                    "category",
                    &record.source_id,
                    format!(
                        "its {field} was taken here: arrives as \"{}\" at /section/{}",
                        input.name, input.slug
                    ),
                );
            }
            Err(other) => return Err(other.into()),
        }
    }
    anyhow::bail!("category {}: no free slug or name", record.source_id)
}

/// Puts a section where the source had it: under its parent, at its place in the menu,
/// with its home-page block and colour.
async fn place_section(
    store: &dyn Store,
    id: i64,
    parent_id: Option<i64>,
    record: &SectionRecord,
    report: &mut Report,
) -> anyhow::Result<()> {
    let current = store.section_by_id(id).await?;
    let colour = match record
        .colour
        .as_deref()
        .map(crate::front_page::parse_colour)
    {
        Some(Ok(colour)) => colour,
        Some(Err(why)) => {
            report.note(
                "category",
                &record.source_id,
                format!("colour not brought: {why}"),
            );
            current.colour.clone()
        }
        None => current.colour.clone(),
    };
    let layout = SectionLayout {
        position: record.position.clamp(0, 10_000),
        parent_id,
        on_home: record.on_home.unwrap_or(current.on_home),
        block_style: current.block_style,
        colour,
    };
    store.set_section_layout(id, &layout).await?;
    Ok(())
}

async fn update_section(
    store: &dyn Store,
    id: i64,
    input: SectionInput,
    record: &SectionRecord,
    report: &mut Report,
) -> anyhow::Result<()> {
    match store.update_section(id, &input).await {
        Ok(_) => Ok(()),
        Err(StoreError::Taken { field }) => {
            report.note(
                "category",
                &record.source_id,
                format!("its new {field} is taken here: kept the one it had"),
            );
            Ok(())
        }
        Err(other) => Err(other.into()),
    }
}

async fn create_author(
    store: &dyn Store,
    mut input: AuthorInput,
    record: &PersonRecord,
    report: &mut Report,
) -> anyhow::Result<i64> {
    for attempt in 0..5 {
        match store.create_author(&input).await {
            Ok(author) => return Ok(author.id),
            Err(StoreError::Taken { .. }) if attempt < 4 => {
                input.slug = suffixed(&input.slug, &record.source_id, attempt);
                report.note(
                    "user",
                    &record.source_id,
                    format!(
                        "profile slug was taken here: arrives at /author/{}",
                        input.slug
                    ),
                );
            }
            Err(other) => return Err(other.into()),
        }
    }
    anyhow::bail!("user {}: no free profile slug", record.source_id)
}

async fn create_article(
    store: &dyn Store,
    mut input: ArticleInput,
    record: &StoryRecord,
    report: &mut Report,
) -> anyhow::Result<i64> {
    for attempt in 0..5 {
        match store.create_article(&input, None, record.created_at).await {
            Ok(article) => return Ok(article.id),
            Err(StoreError::Taken { .. }) if attempt < 4 => {
                input.slug = suffixed(&input.slug, &record.source_id, attempt);
                report.note(
                    "post",
                    &record.source_id,
                    format!("slug was taken here: arrives at /article/{}", input.slug),
                );
            }
            Err(other) => return Err(other.into()),
        }
    }
    anyhow::bail!("post {}: no free slug", record.source_id)
}

/// A slug made unique with the source id (and a number after the first try).
fn suffixed(slug: &Slug, source_id: &str, attempt: usize) -> Slug {
    let base = slug.as_str();
    let candidate = if attempt == 0 {
        format!("{base}-{source_id}")
    } else {
        format!("{base}-{source_id}-{}", attempt + 1)
    };
    Slug::parse(&candidate).unwrap_or_else(|_| Slug::from_title(&candidate))
}

/// The section for stories whose category is gone, made once.
async fn imported_section(store: &dyn Store) -> anyhow::Result<i64> {
    let slug = Slug::parse("imported").map_err(anyhow::Error::msg)?;
    match store.section_by_slug(slug.as_str()).await {
        Ok(section) => Ok(section.id),
        Err(StoreError::NotFound) => Ok(store
            .create_section(&SectionInput {
                slug,
                name: "Imported".into(),
                description: Some("Stories whose section was gone on the old site.".into()),
                language: None,
            })
            .await?
            .id),
        Err(other) => Err(other.into()),
    }
}

/// A path made safe to compare with the paths requests arrive with: every byte outside
/// the unreserved set (and `/`) percent-encoded.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The words under a photo as a credit ("Photo: Courtesy", "© AFP") or a caption.
pub fn credit_or_caption(words: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(words) = words.map(str::trim).filter(|w| !w.is_empty()) else {
        return (None, None);
    };
    let lower = words.to_lowercase();
    let is_credit = [
        "photo:", "photo by", "credit:", "picture:", "image:", "©", "courtesy",
    ]
    .iter()
    .any(|start| lower.starts_with(start));
    if is_credit {
        (Some(words.to_owned()), None)
    } else {
        (None, Some(words.to_owned()))
    }
}
