//! Numbers for the newsroom: what readers read, react to and comment on, right now and
//! over time. Reads are counted without tracking anyone (see `web::readership`): a number
//! per story per hour, the referring site's host, and reads per minute for the last hour.
//! This module turns those rows into what the dashboard, a story's page and the API show,
//! in the site's time zone; who sees what is decided here too.

pub mod chart;
pub mod sources;

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

use crate::domain::{FieldErrors, SiteTimeZone};
use crate::newsroom::{NewsroomError, NewsroomResult};
use crate::store::{Article, CreatedBy, Store, StoreResult, StoryNumbers, StoryReads, User};
use chart::Point;
use sources::SourceKind;

/// "Right now" is the reads of the last this many minutes.
pub const RIGHT_NOW_MINUTES: i64 = 5;
/// Hourly rows older than this many days are folded into one row per day.
pub const HOURLY_FOR_DAYS: i64 = 90;
/// The longest window the overview answers for, in days.
pub const LONGEST_WINDOW_DAYS: i64 = 400;

/// Whose numbers someone sees: an editor or admin sees the whole site; anyone else
/// sees the stories they created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Everyone,
    OwnStories(i64),
}

impl Viewer {
    pub fn of(user: &User) -> Viewer {
        if user.role.is_editor() {
            Viewer::Everyone
        } else {
            Viewer::OwnStories(user.id)
        }
    }

    fn created_by(self) -> CreatedBy {
        match self {
            Viewer::Everyone => None,
            Viewer::OwnStories(id) => Some(id),
        }
    }

    /// Whether this viewer may see one story's numbers.
    pub fn may_see(self, article: &Article) -> bool {
        match self {
            Viewer::Everyone => true,
            Viewer::OwnStories(id) => article.created_by == Some(id),
        }
    }
}

/// A story as the numbers list it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StoryRow {
    pub id: i64,
    pub title: String,
    pub url: String,
    pub edit_url: String,
    pub stats_url: String,
    pub reads: i64,
    /// Lifetime reactions and approved comments (lists show them beside the reads).
    pub reactions: i64,
    pub comments: i64,
}

/// Stories read in the last minutes.
#[derive(Debug, Clone, Serialize)]
pub struct RightNow {
    pub minutes: i64,
    pub reads: i64,
    pub stories: Vec<StoryRow>,
}

/// Reads per hour or per day, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub unit: &'static str,
    pub total: i64,
    pub points: Vec<Point>,
}

impl Series {
    fn new(unit: &'static str, points: Vec<Point>) -> Series {
        Series {
            unit,
            total: points.iter().map(|p| p.value).sum(),
            points,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HostReads {
    /// A network or engine's name where the host belongs to one, else the host.
    pub name: String,
    pub hosts: Vec<String>,
    pub reads: i64,
}

/// Reads from one kind of source, with the sites within it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourceGroup {
    pub kind: SourceKind,
    pub label: &'static str,
    pub reads: i64,
    /// Share of all reads in the window, in whole percent.
    pub percent: i64,
    pub sites: Vec<HostReads>,
}

/// A section or byline and the reads its stories drew.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NamedReads {
    pub id: i64,
    pub name: String,
    pub reads: i64,
}

/// The numbers for a window of time.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub from: String,
    pub to: String,
    pub reads: i64,
    pub series: Series,
    pub top_stories: Vec<StoryRow>,
    pub sources: Vec<SourceGroup>,
    /// Site-wide breakdowns, for editors only.
    pub sections: Option<Vec<NamedReads>>,
    pub authors: Option<Vec<NamedReads>>,
}

/// The newsroom's dashboard: right now, today, the last 48 hours and 30 days, this week.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub right_now: RightNow,
    pub today: Vec<StoryRow>,
    pub today_reads: i64,
    pub hours: Series,
    pub days: Series,
    pub week: Overview,
}

/// How a story compares with the others in its section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionComparison {
    pub section: String,
    pub stories: usize,
    pub median_reads: i64,
    /// This story's reads as a percentage of the section's median (100 = the median).
    pub percent_of_median: Option<i64>,
}

/// One story's numbers since publication.
#[derive(Debug, Clone, Serialize)]
pub struct StoryStats {
    pub id: i64,
    pub title: String,
    pub url: String,
    pub published_at: Option<String>,
    pub reads: i64,
    pub reactions: BTreeMap<String, i64>,
    pub reactions_total: i64,
    pub comments: i64,
    /// Reads per day since publication (per hour while the story is under two days old).
    pub reads_over_time: Series,
    pub last_48_hours: Series,
    pub comments_over_time: Series,
    pub sources: Vec<SourceGroup>,
    pub section: SectionComparison,
}

fn unix_hour(at: Timestamp) -> i64 {
    at.as_second().div_euclid(3600)
}

fn hour_start(hour: i64) -> Timestamp {
    Timestamp::from_second(hour * 3600).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The moment today began in the site's zone.
fn start_of_today(zone: &SiteTimeZone, now: Timestamp) -> Timestamp {
    now.to_zoned(zone.zone().clone())
        .start_of_day()
        .map(|z| z.timestamp())
        .unwrap_or(now)
}

fn local_date(zone: &SiteTimeZone, at: Timestamp) -> Date {
    at.to_zoned(zone.zone().clone()).date()
}

/// Hourly values laid out hour by hour over `[from_hour, to_hour)`, zeros included.
fn by_hour(zone: &SiteTimeZone, rows: &[(i64, i64)], from_hour: i64, to_hour: i64) -> Series {
    let values: HashMap<i64, i64> = rows.iter().copied().collect();
    let points = (from_hour..to_hour)
        .map(|hour| {
            let at = hour_start(hour);
            Point {
                label: at
                    .to_zoned(zone.zone().clone())
                    .strftime("%H:00")
                    .to_string(),
                at: zone.format_rfc3339(at),
                value: values.get(&hour).copied().unwrap_or(0),
            }
        })
        .collect();
    Series::new("hour", points)
}

/// Hourly values added up per day of the site's calendar, from `first` to `last` inclusive.
fn by_day(zone: &SiteTimeZone, rows: &[(i64, i64)], first: Date, last: Date) -> Series {
    let mut values: BTreeMap<Date, i64> = BTreeMap::new();
    for (hour, value) in rows {
        *values
            .entry(local_date(zone, hour_start(*hour)))
            .or_default() += value;
    }
    let mut points = Vec::new();
    let mut day = first;
    while day <= last && points.len() <= LONGEST_WINDOW_DAYS as usize {
        let at = day
            .to_zoned(zone.zone().clone())
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH);
        points.push(Point {
            label: day.strftime("%b %-d").to_string(),
            at: zone.format_rfc3339(at),
            value: values.get(&day).copied().unwrap_or(0),
        });
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    Series::new("day", points)
}

/// Groups referring hosts into kinds and, within a kind, by network or site; the reads
/// that named no other site are "direct or unknown".
fn group_sources(hosts: &[(String, i64)], total: i64, own_host: &str) -> Vec<SourceGroup> {
    let mut kinds: BTreeMap<SourceKind, BTreeMap<String, HostReads>> = BTreeMap::new();
    let mut referred = 0;
    for (host, reads) in hosts {
        referred += reads;
        let (kind, name) = sources::classify(host, own_host);
        let name = name.map_or_else(|| host.clone(), str::to_owned);
        let site = kinds
            .entry(kind)
            .or_default()
            .entry(name.clone())
            .or_insert_with(|| HostReads {
                name,
                hosts: Vec::new(),
                reads: 0,
            });
        site.reads += reads;
        site.hosts.push(host.clone());
    }
    let direct = (total - referred).max(0);
    if direct > 0 {
        kinds.entry(SourceKind::Direct).or_default();
    }
    let mut groups: Vec<SourceGroup> = kinds
        .into_iter()
        .map(|(kind, sites)| {
            let mut sites: Vec<HostReads> = sites.into_values().collect();
            sites.sort_by(|a, b| b.reads.cmp(&a.reads).then(a.name.cmp(&b.name)));
            sites.truncate(10);
            let reads = if kind == SourceKind::Direct {
                direct
            } else {
                sites.iter().map(|s| s.reads).sum()
            };
            SourceGroup {
                kind,
                label: kind.label(),
                reads,
                percent: if total > 0 {
                    (reads * 100 + total / 2) / total
                } else {
                    0
                },
                sites,
            }
        })
        .collect();
    groups.sort_by(|a, b| b.reads.cmp(&a.reads).then(a.kind.cmp(&b.kind)));
    groups
}

/// The numbers every list shows beside each story.
async fn story_rows(store: &dyn Store, stories: &[StoryReads]) -> StoreResult<Vec<StoryRow>> {
    let ids: Vec<i64> = stories.iter().map(|s| s.article_id).collect();
    let numbers: HashMap<i64, StoryNumbers> =
        store.story_numbers(&ids).await?.into_iter().collect();
    Ok(stories
        .iter()
        .map(|story| {
            let lifetime = numbers.get(&story.article_id).copied().unwrap_or_default();
            StoryRow {
                id: story.article_id,
                title: story.title.clone(),
                url: format!("/article/{}", story.slug),
                edit_url: format!("/admin/articles/{}", story.article_id),
                stats_url: format!("/admin/articles/{}/stats", story.article_id),
                reads: story.reads,
                reactions: lifetime.reactions,
                comments: lifetime.comments,
            }
        })
        .collect())
}

/// Stories read in the last `RIGHT_NOW_MINUTES` minutes, most read first.
pub async fn right_now(store: &dyn Store, viewer: Viewer, now: Timestamp) -> StoreResult<RightNow> {
    let minute = now.as_second().div_euclid(60);
    let recent = store
        .recent_reads(minute - RIGHT_NOW_MINUTES + 1, viewer.created_by(), 20)
        .await?;
    let stories = story_rows(store, &recent).await?;
    Ok(RightNow {
        minutes: RIGHT_NOW_MINUTES,
        reads: stories.iter().map(|s| s.reads).sum(),
        stories,
    })
}

async fn hourly_rows(
    store: &dyn Store,
    viewer: Viewer,
    from_hour: i64,
    to_hour: i64,
) -> StoreResult<Vec<(i64, i64)>> {
    match viewer {
        Viewer::Everyone => store.site_reads_by_hour(from_hour, to_hour).await,
        Viewer::OwnStories(user) => store.own_reads_by_hour(user, from_hour, to_hour).await,
    }
}

/// The numbers for `[from, to)`: reads per hour (a window of up to three days) or per day,
/// the most read stories, where readers came from, and for editors sections and bylines.
pub async fn overview(
    store: &dyn Store,
    viewer: Viewer,
    from: Timestamp,
    to: Timestamp,
    zone: &SiteTimeZone,
    own_host: &str,
) -> StoreResult<Overview> {
    let (from_hour, to_hour) = (unix_hour(from), unix_hour(to - 1.second()) + 1);
    let named = |rows: Vec<(i64, String, i64)>| {
        rows.into_iter()
            .map(|(id, name, reads)| NamedReads { id, name, reads })
            .collect::<Vec<_>>()
    };
    // The figures are independent: asked for at once, they run on the pool's connections
    // side by side.
    let breakdowns = async {
        if viewer == Viewer::Everyone {
            let (sections, authors) = tokio::try_join!(
                store.reads_by_section(from_hour, to_hour, 10),
                store.reads_by_author(from_hour, to_hour, 10),
            )?;
            Ok((Some(named(sections)), Some(named(authors))))
        } else {
            Ok((None, None))
        }
    };
    let (rows, top, hosts, (sections, authors)) = tokio::try_join!(
        hourly_rows(store, viewer, from_hour, to_hour),
        store.top_stories(from_hour, to_hour, viewer.created_by(), 10),
        store.referrer_hosts(from_hour, to_hour, None, viewer.created_by()),
        breakdowns,
    )?;
    let series = if to_hour - from_hour <= 72 {
        by_hour(zone, &rows, from_hour, to_hour)
    } else {
        by_day(
            zone,
            &rows,
            local_date(zone, from),
            local_date(zone, to - 1.second()),
        )
    };
    let reads = series.total;
    Ok(Overview {
        from: zone.format_rfc3339(hour_start(from_hour)),
        to: zone.format_rfc3339(hour_start(to_hour)),
        reads,
        series,
        top_stories: story_rows(store, &top).await?,
        sources: group_sources(&hosts, reads, own_host),
        sections,
        authors,
    })
}

/// The two figures the newsroom's front door shows: reads in the last minutes, and today.
pub async fn glance(
    store: &dyn Store,
    viewer: Viewer,
    now: Timestamp,
    zone: &SiteTimeZone,
) -> StoreResult<(i64, i64)> {
    let minute = now.as_second().div_euclid(60);
    let recent: i64 = store
        .recent_reads(minute - RIGHT_NOW_MINUTES + 1, viewer.created_by(), 1000)
        .await?
        .iter()
        .map(|s| s.reads)
        .sum();
    let midnight = start_of_today(zone, now);
    let today = hourly_rows(store, viewer, unix_hour(midnight), unix_hour(now) + 1)
        .await?
        .iter()
        .map(|(_, n)| n)
        .sum();
    Ok((recent, today))
}

/// Everything the dashboard shows, as of `now`.
pub async fn dashboard(
    store: &dyn Store,
    viewer: Viewer,
    now: Timestamp,
    zone: &SiteTimeZone,
    own_host: &str,
) -> StoreResult<Dashboard> {
    let now_hour = unix_hour(now);
    let midnight = start_of_today(zone, now);
    let today_date = local_date(zone, now);
    let first_day = today_date.checked_sub(29.days()).unwrap_or(today_date);
    let first_day_hour = first_day
        .to_zoned(zone.zone().clone())
        .map(|z| unix_hour(z.timestamp()))
        .unwrap_or(now_hour - 30 * 24);
    // Independent figures, asked for at once so they run side by side on the pool.
    let today_rows = async {
        let top = store
            .top_stories(unix_hour(midnight), now_hour + 1, viewer.created_by(), 10)
            .await?;
        story_rows(store, &top).await
    };
    let (today, hour_rows, day_rows, right_now, week) = tokio::try_join!(
        today_rows,
        hourly_rows(store, viewer, now_hour - 47, now_hour + 1),
        hourly_rows(store, viewer, first_day_hour, now_hour + 1),
        right_now(store, viewer, now),
        overview(
            store,
            viewer,
            hour_start(now_hour - 7 * 24 + 1),
            now,
            zone,
            own_host,
        ),
    )?;
    let today_reads = day_rows
        .iter()
        .filter(|(hour, _)| *hour >= unix_hour(midnight))
        .map(|(_, n)| n)
        .sum();
    Ok(Dashboard {
        right_now,
        today,
        today_reads,
        hours: by_hour(zone, &hour_rows, now_hour - 47, now_hour + 1),
        days: by_day(zone, &day_rows, first_day, today_date),
        week,
    })
}

/// A story's numbers for someone in the newsroom: editors see any story's, others only
/// the stories they created.
pub async fn story_for(
    store: &dyn Store,
    user: &User,
    article_id: i64,
    now: Timestamp,
    zone: &SiteTimeZone,
    own_host: &str,
) -> NewsroomResult<StoryStats> {
    let article = store.article_by_id(article_id).await?;
    if !Viewer::of(user).may_see(&article) {
        return Err(NewsroomError::Forbidden(format!(
            "This story is someone else's: as {} you see the numbers of the stories you \
             created. Editors see every story's.",
            user.role.with_article()
        )));
    }
    Ok(story(store, &article, now, zone, own_host).await?)
}

/// Reads a window's ends as an API caller writes them: RFC 3339 moments or whole days
/// (`2026-11-30`, the day's start in the site's zone; a day as `to` includes that day).
/// Missing ends mean the last seven days up to `now`.
pub fn window(
    from: Option<&str>,
    to: Option<&str>,
    now: Timestamp,
    zone: &SiteTimeZone,
) -> NewsroomResult<(Timestamp, Timestamp)> {
    let mut errors = FieldErrors::new();
    let mut read = |field: &str, text: Option<&str>, end_of_day: bool| -> Option<Timestamp> {
        let text = text.map(str::trim).filter(|t| !t.is_empty())?;
        if let Ok(at) = text.parse::<Timestamp>() {
            return Some(at);
        }
        match text.parse::<Date>() {
            Ok(day) => {
                let day = if end_of_day {
                    day.tomorrow().unwrap_or(day)
                } else {
                    day
                };
                day.to_zoned(zone.zone().clone())
                    .ok()
                    .map(|z| z.timestamp())
            }
            Err(_) => {
                errors.add(
                    field,
                    format!(
                        "\"{text}\" is not a moment or a day; write 2026-11-30 or \
                         2026-11-30T08:00:00Z"
                    ),
                );
                None
            }
        }
    };
    let to_at = read("to", to, true).unwrap_or(now);
    let from_at = read("from", from, false).unwrap_or(to_at - (7 * 24).hours());
    if errors.is_empty() {
        if from_at >= to_at {
            errors.add("from", "from must be before to");
        } else if to_at.duration_since(from_at).as_secs() > LONGEST_WINDOW_DAYS * 86_400 {
            errors.add(
                "to",
                format!("a window may be at most {LONGEST_WINDOW_DAYS} days long"),
            );
        }
    }
    if errors.is_empty() {
        Ok((from_at, to_at))
    } else {
        Err(NewsroomError::Invalid(errors))
    }
}

fn median(sorted: &[i64]) -> i64 {
    match sorted.len() {
        0 => 0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

/// One story's numbers since it was published (or written, if it never was).
pub async fn story(
    store: &dyn Store,
    article: &Article,
    now: Timestamp,
    zone: &SiteTimeZone,
    own_host: &str,
) -> StoreResult<StoryStats> {
    let since = article.published_at.unwrap_or(article.created_at).min(now);
    let rows = store.story_reads_by_hour(article.id).await?;
    let numbers = store
        .story_numbers(&[article.id])
        .await?
        .into_iter()
        .next()
        .map(|(_, n)| n)
        .unwrap_or_default();
    let now_hour = unix_hour(now);
    let young = now_hour - unix_hour(since) < 48;
    let first_day = local_date(zone, since).max(
        local_date(zone, now)
            .checked_sub(LONGEST_WINDOW_DAYS.days())
            .unwrap_or(local_date(zone, since)),
    );
    let reads_over_time = if young {
        by_hour(zone, &rows, unix_hour(since), now_hour + 1)
    } else {
        by_day(zone, &rows, first_day, local_date(zone, now))
    };
    let comment_rows = store.comments_by_hour(article.id).await?;
    let comments_over_time = if young {
        by_hour(zone, &comment_rows, unix_hour(since), now_hour + 1)
    } else {
        by_day(zone, &comment_rows, first_day, local_date(zone, now))
    };
    let hosts = store
        .referrer_hosts(0, now_hour + 1, Some(article.id), None)
        .await?;
    let reactions = store.reaction_counts(article.id).await?;
    let mut section_reads = store.section_story_reads(article.section.id).await?;
    section_reads.sort_unstable();
    let median_reads = median(&section_reads);
    Ok(StoryStats {
        id: article.id,
        title: article.title.clone(),
        url: format!("/article/{}", article.slug),
        published_at: article.published_at.map(|at| zone.format_rfc3339(at)),
        reads: numbers.reads,
        reactions_total: reactions.values().sum(),
        reactions,
        comments: numbers.comments,
        reads_over_time,
        last_48_hours: by_hour(zone, &rows, now_hour - 47, now_hour + 1),
        comments_over_time,
        sources: group_sources(&hosts, numbers.reads, own_host),
        section: SectionComparison {
            section: article.section.name.clone(),
            stories: section_reads.len(),
            median_reads,
            percent_of_median: (median_reads > 0)
                .then(|| (numbers.reads * 100 + median_reads / 2) / median_reads),
        },
    })
}

/// Folds hourly rows older than `HOURLY_FOR_DAYS` into days, a day per transaction, and
/// answers how many days it folded.
pub async fn roll_up(store: &dyn Store, now: Timestamp) -> StoreResult<u32> {
    let limit = (unix_hour(now) - HOURLY_FOR_DAYS * 24).div_euclid(24) * 24;
    let mut days = 0;
    while store.roll_up_one_day(limit).await? {
        days += 1;
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone() -> SiteTimeZone {
        SiteTimeZone::parse("Africa/Nairobi").expect("zone")
    }

    #[test]
    fn hours_are_laid_out_with_zeros_in_the_sites_zone() {
        // Hour 0 is 1970-01-01 00:00 UTC, 03:00 in Nairobi.
        let series = by_hour(&zone(), &[(1, 5)], 0, 3);
        let labels: Vec<&str> = series.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["03:00", "04:00", "05:00"]);
        assert_eq!(
            series.points.iter().map(|p| p.value).collect::<Vec<_>>(),
            [0, 5, 0]
        );
    }

    #[test]
    fn days_follow_the_sites_calendar() {
        // 20:00 UTC on Jan 1 is 23:00 in Nairobi; 21:00 UTC is already Jan 2 there.
        let series = by_day(
            &zone(),
            &[(20, 2), (21, 3)],
            Date::constant(1970, 1, 1),
            Date::constant(1970, 1, 2),
        );
        assert_eq!(
            series
                .points
                .iter()
                .map(|p| (p.label.as_str(), p.value))
                .collect::<Vec<_>>(),
            [("Jan 1", 2), ("Jan 2", 3)]
        );
    }

    #[test]
    fn sources_group_by_kind_with_the_rest_direct() {
        let hosts = vec![
            ("google.com".to_owned(), 30),
            ("google.co.ke".to_owned(), 10),
            ("l.facebook.com".to_owned(), 15),
            ("m.facebook.com".to_owned(), 5),
            ("t.co".to_owned(), 4),
            ("news.example".to_owned(), 6),
            ("nation.africa".to_owned(), 10),
        ];
        let groups = group_sources(&hosts, 100, "news.example");
        let summary: Vec<(SourceKind, i64, i64)> = groups
            .iter()
            .map(|g| (g.kind, g.reads, g.percent))
            .collect();
        assert_eq!(
            summary,
            [
                (SourceKind::Search, 40, 40),
                (SourceKind::Social, 24, 24),
                (SourceKind::Direct, 20, 20),
                (SourceKind::OtherSites, 10, 10),
                (SourceKind::Internal, 6, 6),
            ]
        );
        let social = &groups[1].sites;
        assert_eq!(social[0].name, "Facebook");
        assert_eq!(social[0].reads, 20);
        assert_eq!(social[0].hosts, ["l.facebook.com", "m.facebook.com"]);
    }

    #[test]
    fn windows_read_days_and_moments_and_refuse_the_rest() {
        let now: Timestamp = "2026-11-30T12:00:00Z".parse().expect("now");
        let z = zone();
        let (from, to) = window(None, None, now, &z).expect("default");
        assert_eq!(to, now);
        assert_eq!(to.duration_since(from).as_secs(), 7 * 86_400);
        let (from, to) = window(Some("2026-11-01"), Some("2026-11-01"), now, &z).expect("day");
        assert_eq!(from.to_string(), "2026-10-31T21:00:00Z");
        assert_eq!(to.to_string(), "2026-11-01T21:00:00Z");
        assert!(window(Some("yesterday"), None, now, &z).is_err());
        assert!(window(Some("2026-11-02"), Some("2026-11-01"), now, &z).is_err());
        assert!(window(Some("2020-01-01"), Some("2026-01-01"), now, &z).is_err());
    }

    #[test]
    fn the_median_of_an_even_count_is_the_middle_pair_averaged() {
        assert_eq!(median(&[]), 0);
        assert_eq!(median(&[1, 3, 9]), 3);
        assert_eq!(median(&[1, 3, 9, 11]), 6);
    }
}
