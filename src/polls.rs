//! Reader polls: what a valid poll is, who may attach one to a story, one vote per reader,
//! and what a reader is shown of the results (hidden before voting when the poll says so,
//! final once it closes).

use crate::config::Settings;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::changes::{self, Touched};
use crate::domain::{FieldErrors, PollId, Problem, required_text};
use crate::galleries::naming;
use crate::i18n::Phrase;
use crate::newsroom::{NewsroomError, NewsroomResult, may_edit};
use crate::store::{Article, Ballot, NewPoll, Poll, Store, StoreError, User};

pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 10;
pub const MAX_QUESTION: usize = 300;
pub const MAX_OPTION: usize = 120;

/// A poll as the API and the editor's form ask for one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PollRequest {
    pub question: String,
    pub options: Vec<String>,
    /// RFC 3339; none: open until an editor closes it.
    #[serde(default)]
    pub closes_at: Option<String>,
    #[serde(default)]
    pub results_before_vote: Option<bool>,
}

impl PollRequest {
    /// The poll to store, or every problem with it at once.
    pub fn check(&self, now: Timestamp) -> Result<NewPoll, FieldErrors> {
        let mut errors = FieldErrors::new();
        let question = errors.check(
            "question",
            required_text(&self.question, "The question", MAX_QUESTION),
        );
        let options: Vec<String> = self
            .options
            .iter()
            .map(|o| o.trim().to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        if options.len() < MIN_OPTIONS {
            errors.say(
                "options",
                format!(
                    "A poll needs at least {MIN_OPTIONS} options for readers to choose between; \
                     it has {}. Add another answer.",
                    options.len()
                ),
                Phrase::new("sto-poll-too-few")
                    .with("min", MIN_OPTIONS)
                    .with("count", options.len()),
            );
        } else if options.len() > MAX_OPTIONS {
            errors.say(
                "options",
                format!(
                    "A poll has at most {MAX_OPTIONS} options; this one has {}. Merge or drop some.",
                    options.len()
                ),
                Phrase::new("sto-poll-too-many")
                    .with("max", MAX_OPTIONS)
                    .with("count", options.len()),
            );
        }
        for option in &options {
            if let Err(problem) = required_text(option, "An option", MAX_OPTION) {
                let start = short(option);
                let english = format!("{problem} (\"{start}…\")");
                let named = naming(
                    problem,
                    &[
                        ("field-too-long", "sto-poll-option-too-long"),
                        ("field-nul", "sto-poll-option-nul"),
                    ],
                );
                errors.add(
                    "options",
                    Problem {
                        english,
                        phrase: named.phrase.map(|phrase| phrase.with("start", start)),
                    },
                );
            }
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(twice) = options.iter().find(|o| !seen.insert(o.to_lowercase())) {
            errors.say(
                "options",
                format!("The option \"{twice}\" is there twice; each answer must differ."),
                Phrase::new("sto-poll-twice").with("value", twice.as_str()),
            );
        }
        let closes_at = match self.closes_at.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => match text.parse::<Timestamp>() {
                Ok(at) if at <= now => {
                    errors.say(
                        "closes_at",
                        "The closing time has passed; give a time in the future, or none to \
                         keep the poll open until you close it.",
                        Phrase::new("sto-poll-closes-passed"),
                    );
                    None
                }
                Ok(at) => Some(at),
                Err(_) => {
                    errors.say(
                        "closes_at",
                        format!(
                            "\"{text}\" is not a time; use RFC 3339 with an offset, like \
                             2026-07-17T18:00:00+03:00"
                        ),
                        Phrase::new("sto-poll-closes-unreadable").with("value", text),
                    );
                    None
                }
            },
        };
        errors.into_result()?;
        Ok(NewPoll {
            question: question.unwrap_or_default(),
            options,
            closes_at,
            results_before_vote: self.results_before_vote.unwrap_or(false),
        })
    }
}

/// The start of a long text, to name it in a message.
fn short(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(30).collect()
}

/// Why a reader's vote was not counted.
#[derive(Debug, thiserror::Error)]
pub enum VoteError {
    #[error("no such poll")]
    NotFound,
    #[error("the poll has closed")]
    Closed(Poll),
    #[error("no such option")]
    NoSuchOption(Poll),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The newsroom's and readers' doors to polls.
pub struct Polls<'a> {
    store: &'a dyn Store,
}

impl<'a> Polls<'a> {
    pub fn new(store: &'a dyn Store) -> Polls<'a> {
        Polls { store }
    }

    /// Attaches a poll to a story the user may change.
    pub async fn attach(
        &self,
        article_id: i64,
        request: &PollRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<Poll> {
        let article = self.store.article_by_id(article_id).await?;
        may_edit(user, &article)?;
        let poll = request.check(now).map_err(NewsroomError::Invalid)?;
        let poll = self
            .store
            .create_poll(article.id, &poll, Some(user.id), now)
            .await?;
        changes::record(Touched::Story { id: article.id });
        Ok(poll)
    }

    /// A poll the user may change (its story is one they may change).
    pub async fn editable(&self, id: PollId, user: &User) -> NewsroomResult<Poll> {
        let poll = self.store.poll(id).await?;
        let article = self.store.article_by_id(poll.article_id).await?;
        may_edit(user, &article)?;
        Ok(poll)
    }

    /// Stops taking votes now; readers see the final results.
    pub async fn close(&self, id: PollId, user: &User, now: Timestamp) -> NewsroomResult<Poll> {
        self.editable(id, user).await?;
        let poll = self.store.close_poll(id, now).await?;
        changes::record(Touched::Story {
            id: poll.article_id,
        });
        Ok(poll)
    }

    /// Removes a poll and its votes; answers what it was.
    pub async fn remove(&self, id: PollId, user: &User) -> NewsroomResult<Poll> {
        let poll = self.editable(id, user).await?;
        self.store.delete_poll(id).await?;
        changes::record(Touched::Story {
            id: poll.article_id,
        });
        Ok(poll)
    }

    /// A poll readers can see, with its story, which is public.
    pub async fn public(&self, id: PollId, now: Timestamp) -> Result<(Poll, Article), VoteError> {
        let poll = match self.store.poll(id).await {
            Err(StoreError::NotFound) => return Err(VoteError::NotFound),
            other => other?,
        };
        match self.store.article_by_id(poll.article_id).await {
            Ok(article) if article.is_public(now) => Ok((poll, article)),
            Ok(_) | Err(StoreError::NotFound) => Err(VoteError::NotFound),
            Err(other) => Err(other.into()),
        }
    }

    /// Sets (`Some`) or withdraws (`None`) a reader's vote; answers the totals right after.
    pub async fn vote(
        &self,
        id: PollId,
        reader: &str,
        option: Option<i64>,
        now: Timestamp,
    ) -> Result<(Poll, Option<i64>), VoteError> {
        match self.store.vote(id, reader, option, now).await {
            Ok(Ballot::Counted { poll, mine }) => Ok((poll, mine)),
            Ok(Ballot::Closed(poll)) => Err(VoteError::Closed(poll)),
            Ok(Ballot::NoSuchOption(poll)) => Err(VoteError::NoSuchOption(poll)),
            Err(StoreError::NotFound) => Err(VoteError::NotFound),
            Err(other) => Err(other.into()),
        }
    }
}

/// One option as a reader is shown it: its votes only when the results are shown.
#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    pub id: i64,
    pub label: String,
    pub votes: Option<i64>,
    /// Share of the votes, a whole percentage, when the results are shown.
    pub percent: Option<i64>,
    pub mine: bool,
}

/// A poll as a reader is shown it (the API's shape, and the pages').
#[derive(Debug, Clone, Serialize)]
pub struct PollView {
    pub id: PollId,
    pub article_id: i64,
    pub question: String,
    pub options: Vec<OptionView>,
    /// Votes in all; `null` while the results are hidden.
    pub total: Option<i64>,
    pub closed: bool,
    pub closes_at: Option<String>,
    /// When it closes or closed, as the site writes dates.
    pub closes_display: Option<String>,
    pub results_before_vote: bool,
    /// The option this reader voted for.
    pub mine: Option<i64>,
    /// Whether the results are shown to this reader.
    pub results_shown: bool,
}

/// Whether a reader sees the results: once closed, after voting, or before if allowed.
pub fn results_shown(poll: &Poll, voted: bool, now: Timestamp) -> bool {
    poll.is_closed(now) || voted || poll.results_before_vote
}

/// Whether anyone may see the results now, so a live update may carry them to every page.
pub fn results_public(poll: &Poll, now: Timestamp) -> bool {
    results_shown(poll, false, now)
}

/// The poll as this reader is shown it.
pub fn view(poll: &Poll, mine: Option<i64>, settings: &Settings, now: Timestamp) -> PollView {
    build_view(
        poll,
        mine,
        results_shown(poll, mine.is_some(), now),
        settings,
        now,
    )
}

/// The poll as the newsroom sees it: every figure, whatever readers are shown.
pub fn newsroom_view(poll: &Poll, settings: &Settings, now: Timestamp) -> PollView {
    build_view(poll, None, true, settings, now)
}

/// The poll as a page every reader shares shows it (a cached story): the question and
/// the form while it is open, the final results once closed. Live totals and a reader's
/// own vote are filled in by the page's script or shown at the poll's own page.
pub fn shared_view(poll: &Poll, settings: &Settings, now: Timestamp) -> PollView {
    build_view(poll, None, poll.is_closed(now), settings, now)
}

fn build_view(
    poll: &Poll,
    mine: Option<i64>,
    shown: bool,
    settings: &Settings,
    now: Timestamp,
) -> PollView {
    let total = poll.total();
    PollView {
        id: poll.id,
        article_id: poll.article_id,
        question: poll.question.clone(),
        options: poll
            .options
            .iter()
            .map(|o| OptionView {
                id: o.id,
                label: o.label.clone(),
                votes: shown.then_some(o.votes),
                percent: shown.then(|| percent(o.votes, total)),
                mine: mine == Some(o.id),
            })
            .collect(),
        total: shown.then_some(total),
        closed: poll.is_closed(now),
        closes_at: poll
            .closes_at
            .map(|at| settings.timezone.format_rfc3339(at)),
        closes_display: poll.closes_at.map(|at| settings.dateline(at)),
        results_before_vote: poll.results_before_vote,
        mine,
        results_shown: shown,
    }
}

/// `votes` of `total` as a whole percentage (0 when nobody voted).
fn percent(votes: i64, total: i64) -> i64 {
    if total == 0 {
        0
    } else {
        (votes * 100 + total / 2) / total
    }
}

/// What readers with the story open are told after a vote, under `polls` by poll id (so
/// updates of several polls merge): the totals when anyone may see them, else only that
/// the poll changed (an empty object; a reader who voted asks for their own view).
pub fn live_update(poll: &Poll, now: Timestamp) -> Value {
    if results_public(poll, now) {
        let options: Vec<Value> = poll
            .options
            .iter()
            .map(|o| json!({ "id": o.id, "votes": o.votes }))
            .collect();
        let closed = poll.is_closed(now);
        json!({ "polls": { poll.id.to_string(): {
            "options": options, "total": poll.total(), "closed": closed,
        } } })
    } else {
        json!({ "polls": { poll.id.to_string(): {} } })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(options: &[&str]) -> PollRequest {
        PollRequest {
            question: "Should the bridge be rebuilt?".into(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            ..PollRequest::default()
        }
    }

    #[test]
    fn a_poll_needs_two_to_ten_different_answers() {
        let now = Timestamp::now();
        let one = request(&["Yes"]).check(now).expect_err("one option");
        assert!(one.to_string().contains("at least 2 options"), "{one}");
        let many: Vec<String> = (0..11).map(|n| format!("Answer {n}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(request(&many).check(now).is_err());
        let twice = request(&["Yes", "yes"]).check(now).expect_err("twice");
        assert!(twice.to_string().contains("twice"), "{twice}");
        let ok = request(&[" Yes ", "No", ""]).check(now).expect("valid");
        assert_eq!(ok.options, vec!["Yes", "No"]);
    }

    #[test]
    fn a_closing_time_must_be_ahead() {
        let now = Timestamp::now();
        let mut past = request(&["Yes", "No"]);
        past.closes_at = Some("2001-01-01T00:00:00Z".into());
        assert!(past.check(now).is_err());
        let mut garbled = request(&["Yes", "No"]);
        garbled.closes_at = Some("tomorrow".into());
        assert!(garbled.check(now).is_err());
    }

    #[test]
    fn percentages_round_and_survive_an_empty_poll() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
    }
}
