//! Trust on the record: the public notes an editor adds to a published story (corrections,
//! clarifications, updates, editor's notes), which are amended but never deleted; the
//! dateline; the embargo no story may be published or scheduled before; where the copy
//! came from; and when a save stamps the "Updated" time readers see.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::changes::{self, List, Touched};
use crate::domain::{ArticleStatus, FieldErrors, Problem, Role, optional_text, parse_public_url};
use crate::i18n::Phrase;
use crate::newsroom::{NewsroomError, NewsroomResult, checked_time};
use crate::store::{
    Article, Correction, CorrectionKind, CorrectionText, CorrectionWording, SavedBy, Source,
    SourceKind, Store, StoreError, User,
};

pub const MAX_NOTE: usize = 2_000;
pub const MAX_DATELINE: usize = 60;
pub const MAX_AGENCY: usize = 120;
pub const MAX_RIGHTS: usize = 1_000;

/// Where the copy came from, as an editor or script sends it. On update, missing fields
/// keep their value.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRequest {
    pub kind: Option<String>,
    pub agency: Option<String>,
    pub url: Option<String>,
    pub rights: Option<String>,
}

/// A note as an editor or script writes or amends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionRequest {
    /// `correction`, `clarification`, `update` or `editors_note`.
    pub kind: Option<String>,
    pub text: Option<String>,
    /// When the note is dated; now if not given.
    pub at: Option<String>,
    /// The version an amendment is based on; a newer one refuses it.
    pub version: Option<i64>,
}

/// The refusal an embargoed story gets, naming the time it lifts.
pub fn embargo_refusal(until: impl std::fmt::Display) -> String {
    format!(
        "This story is under embargo until {until}: nobody may publish it or schedule it for \
         before then. Schedule it for {until} or later, or save it as a draft."
    )
}

/// [`embargo_refusal`] with the message that says it in the newsroom's language.
pub fn embargo_problem(until: &str) -> Problem {
    Problem::new(
        embargo_refusal(until),
        Phrase::new("ed-embargo-refusal").with("until", until),
    )
}

/// Whether a story may carry this status and time under its embargo: a story that will be
/// public (published or scheduled) must not go out before the embargo lifts. Answers the
/// embargo's end when it is broken.
pub fn embargo_broken(
    status: ArticleStatus,
    published_at: Option<Timestamp>,
    embargo_until: Option<Timestamp>,
) -> Option<Timestamp> {
    let until = embargo_until?;
    if status == ArticleStatus::Draft {
        return None;
    }
    match published_at {
        Some(at) if at >= until => None,
        _ => Some(until),
    }
}

/// The "Updated" time readers see after a save: a save that changes what readers read of a
/// public story stamps it, unless the editor calls it a minor edit (typo, formatting).
/// Anything else keeps the time it had.
pub fn shown_update(
    current: Option<&Article>,
    words_changed: bool,
    minor_edit: bool,
    now: Timestamp,
) -> Option<Timestamp> {
    let current = current?;
    if current.is_public(now) && words_changed && !minor_edit {
        Some(now)
    } else {
        current.updated_shown_at
    }
}

/// A dateline as readers see it: the place, in capitals (`NAIROBI`).
pub fn dateline_text(dateline: &str) -> String {
    dateline.trim().to_uppercase()
}

/// Checks a dateline: one short line naming a place; empty removes it.
pub fn parse_dateline(text: &str) -> Result<Option<String>, Problem> {
    let text = text
        .trim()
        .trim_end_matches(['—', '-', '–', ':', ','])
        .trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.contains(['\n', '\r', '<', '>']) {
        return Err(Problem::new(
            "a dateline is one line naming a place, like NAIROBI",
            Phrase::new("ed-dateline-one-line"),
        ));
    }
    if text.chars().count() > MAX_DATELINE {
        return Err(Problem::new(
            format!("a dateline is at most {MAX_DATELINE} characters, like NAIROBI"),
            Phrase::new("ed-dateline-too-long").with("limit", MAX_DATELINE),
        ));
    }
    Ok(Some(text.to_owned()))
}

/// Merges a source request with the story's current source; an agency story needs the
/// agency's name.
pub fn parse_source(
    request: Option<&SourceRequest>,
    current: Option<&Source>,
    errors: &mut FieldErrors,
) -> Source {
    let current = current.cloned().unwrap_or_default();
    let Some(request) = request else {
        return current;
    };
    let kind = match &request.kind {
        Some(kind) => errors
            .check("source.kind", SourceKind::parse(kind))
            .unwrap_or(current.kind),
        None => current.kind,
    };
    let agency = match &request.agency {
        Some(text) => errors
            .check(
                "source.agency",
                optional_text(Some(text), "the agency's name", MAX_AGENCY),
            )
            .flatten(),
        None => current.agency,
    };
    let url = match &request.url {
        Some(text) if text.trim().is_empty() => None,
        Some(text) => errors.check("source.url", parse_public_url(text, "the original URL")),
        None => current.url,
    };
    let rights = match &request.rights {
        Some(text) => errors
            .check(
                "source.rights",
                optional_text(Some(text), "the rights note", MAX_RIGHTS),
            )
            .flatten(),
        None => current.rights,
    };
    if kind == SourceKind::Agency && agency.is_none() {
        errors.say(
            "source.agency",
            "name the agency the copy came from (like PNN), or choose another source",
            Phrase::new("ed-agency-required"),
        );
    }
    Source {
        kind,
        agency,
        url,
        rights,
    }
}

/// The line readers see under a story whose copy is not the newsroom's own.
pub fn provenance_line(source: &Source) -> Option<String> {
    let from = source.agency.as_deref();
    match (source.kind, from) {
        (SourceKind::Staff, _) => None,
        (_, Some(name)) => Some(format!("This story is from {name}.")),
        (SourceKind::PressRelease, None) => Some("This story is from a press release.".into()),
        (SourceKind::Syndication, None) => Some("This story is syndicated.".into()),
        (SourceKind::Reader, None) => Some("This story was sent in by a reader.".into()),
        (SourceKind::Agency, None) => Some("This story is from a news agency.".into()),
    }
}

/// When what readers see of a story last changed: its latest save, its publication or its
/// newest note (`dateModified`, a feed item's update time).
pub fn last_modified(article: &Article) -> Timestamp {
    let published = article.published_at.unwrap_or(article.updated_at);
    let noted = article.noted_at.unwrap_or(article.updated_at);
    article.updated_at.max(published).max(noted)
}

/// The byline of agency copy that carries no author profile: the agency itself.
pub fn agency_byline(article: &Article) -> Option<&str> {
    if article.authors.is_empty() && article.source.kind == SourceKind::Agency {
        article.source.agency.as_deref()
    } else {
        None
    }
}

/// The notes desk: who may write and amend public notes, and what a valid note is.
pub struct Trust<'a> {
    store: &'a dyn Store,
}

impl<'a> Trust<'a> {
    pub fn new(store: &'a dyn Store) -> Self {
        Trust { store }
    }

    /// The notes on a story, oldest first (nothing asked of the store when it has none).
    pub async fn notes(&self, article: &Article) -> NewsroomResult<Vec<Correction>> {
        if article.noted_at.is_none() {
            return Ok(Vec::new());
        }
        Ok(self
            .store
            .corrections_of(&[article.id])
            .await?
            .remove(&article.id)
            .unwrap_or_default())
    }

    /// An editor adds a note to a published story.
    pub async fn add_note(
        &self,
        article_id: i64,
        request: &CorrectionRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<Correction> {
        may_note(user)?;
        let article = self.store.article_by_id(article_id).await?;
        if !article.is_public(now) {
            return Err(NewsroomError::InUse(published_first().english));
        }
        let text = note_text(request, None, &article, now)?;
        let note = self
            .store
            .add_correction(article.id, &text, &saved_by(user), now)
            .await?;
        noted(article.id);
        Ok(note)
    }

    /// An editor amends a note; the earlier wording stays in its history.
    pub async fn amend_note(
        &self,
        article_id: i64,
        id: i64,
        request: &CorrectionRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<Correction> {
        may_note(user)?;
        let article = self.store.article_by_id(article_id).await?;
        let current = self
            .store
            .corrections_of(&[article.id])
            .await?
            .remove(&article.id)
            .unwrap_or_default()
            .into_iter()
            .find(|n| n.id == id)
            .ok_or(NewsroomError::NotFound)?;
        let text = note_text(request, Some(&current), &article, now)?;
        let note = match self
            .store
            .amend_correction(article.id, id, request.version, &text, &saved_by(user), now)
            .await
        {
            Err(StoreError::StaleVersion { expected, current }) => {
                return Err(NewsroomError::InUse(format!(
                    "This note was amended by someone else since version {expected} was \
                     loaded (it is now at version {current}); nothing was overwritten. Read it \
                     again and amend that version."
                )));
            }
            other => other?,
        };
        noted(article.id);
        Ok(note)
    }

    /// Why a note cannot be deleted: after the checks any change of it gets (who may, that
    /// it exists), always that it stays on the record.
    pub async fn refuse_deletion(&self, article_id: i64, id: i64, user: &User) -> NewsroomError {
        match self.history(article_id, id, user).await {
            Err(refusal) => refusal,
            Ok(_) => NewsroomError::InUse(NO_DELETION.to_owned()),
        }
    }

    /// Every wording of a note, newest first, for editors.
    pub async fn history(
        &self,
        article_id: i64,
        id: i64,
        user: &User,
    ) -> NewsroomResult<(Correction, Vec<CorrectionWording>)> {
        may_note(user)?;
        let note = self
            .store
            .corrections_of(&[article_id])
            .await?
            .remove(&article_id)
            .unwrap_or_default()
            .into_iter()
            .find(|n| n.id == id)
            .ok_or(NewsroomError::NotFound)?;
        let wordings = self.store.correction_history(id).await?;
        Ok((note, wordings))
    }
}

/// The refusal every attempt to delete a public note gets.
pub const NO_DELETION: &str = "A note readers have seen stays on the record: it cannot be \
     deleted. Amend it instead (PATCH with new text); every earlier wording is kept.";

fn may_note(user: &User) -> NewsroomResult<()> {
    if user.role.is_editor() {
        Ok(())
    } else {
        Err(NewsroomError::Forbidden(editors_note(user.role).english))
    }
}

fn editors_note(role: Role) -> Problem {
    Problem::new(
        format!(
            "Only an editor or admin adds or amends corrections and notes readers see; you \
             are {}. Ask an editor.",
            role.with_article()
        ),
        Phrase::new("ed-editors-note").with("role", role.as_str()),
    )
}

fn published_first() -> Problem {
    Problem::new(
        "Notes go on published stories, for readers: publish this story first. Leave \
         the newsroom a desk note instead if it is not out yet.",
        Phrase::new("ed-note-published-first"),
    )
}

/// The message that says one of the note rules' refusals (which travel as English in
/// [`NewsroomError`]) in the newsroom's language, found by its English words.
pub fn refusal_phrase(english: &str) -> Option<Phrase> {
    [Role::Contributor, Role::Author]
        .map(editors_note)
        .into_iter()
        .chain([published_first()])
        .find(|problem| problem.english == english)
        .and_then(|problem| problem.phrase)
}

fn saved_by(user: &User) -> SavedBy {
    SavedBy {
        id: user.id,
        name: user.name.clone(),
    }
}

/// The story's page, its feeds and the corrections page show its notes.
fn noted(article_id: i64) {
    changes::record(Touched::Listing {
        id: article_id,
        lists: vec![List::Corrections],
    });
}

/// Checks a note's words against the story, merged with the note as it stands.
fn note_text(
    request: &CorrectionRequest,
    current: Option<&Correction>,
    article: &Article,
    now: Timestamp,
) -> NewsroomResult<CorrectionText> {
    let mut errors = FieldErrors::new();
    let kind = match (&request.kind, current) {
        (Some(kind), _) => errors.check("kind", CorrectionKind::parse(kind)),
        (None, Some(note)) => Some(note.kind),
        (None, None) => errors.check::<CorrectionKind, Problem>(
            "kind",
            Err(Problem::new(
                "say what the note is: correction, clarification, update or editors_note",
                Phrase::new("ed-note-needs-kind"),
            )),
        ),
    };
    if let (Some(kind), Some(note)) = (kind, current)
        && note.kind.owns_a_mistake()
        && !kind.owns_a_mistake()
    {
        errors.say(
            "kind",
            format!(
                "a {} stays one on the record; amend its text instead",
                note.kind.label().to_lowercase()
            ),
            Phrase::new("ed-note-stays-kind").with("kind", note.kind.as_str()),
        );
    }
    let body = match (&request.text, current) {
        (Some(text), _) => {
            let text = text.trim();
            if text.is_empty() {
                errors.say(
                    "text",
                    "write what the note says; a note cannot be emptied or deleted",
                    Phrase::new("ed-note-not-empty"),
                );
                None
            } else if text.chars().count() > MAX_NOTE {
                errors.say(
                    "text",
                    format!("a note is at most {MAX_NOTE} characters"),
                    Phrase::new("ed-note-too-long").with("limit", MAX_NOTE),
                );
                None
            } else if text.contains('\0') {
                errors.say(
                    "text",
                    "the text contains a NUL character",
                    Phrase::new("field-nul"),
                );
                None
            } else {
                Some(text.to_owned())
            }
        }
        (None, Some(note)) => Some(note.body.clone()),
        (None, None) => errors.check::<String, Problem>(
            "text",
            Err(Problem::new(
                "write what the note says",
                Phrase::new("field-required"),
            )),
        ),
    };
    let noted_at = match (&request.at, current) {
        (Some(text), _) if !text.trim().is_empty() => errors.check("at", checked_time(text)),
        (_, Some(note)) => Some(note.noted_at),
        _ => Some(now),
    };
    if let Some(at) = noted_at {
        if at > now + jiff::SignedDuration::from_secs(60) {
            errors.say(
                "at",
                "a note is dated now or earlier, not in the future",
                Phrase::new("ed-note-in-future"),
            );
        } else if article.published_at.is_some_and(|published| at < published) {
            errors.say(
                "at",
                "a note is dated after the story was published; leave it empty for now",
                Phrase::new("ed-note-before-story"),
            );
        }
    }
    errors.into_result().map_err(NewsroomError::Invalid)?;
    match (kind, body, noted_at) {
        (Some(kind), Some(body), Some(noted_at)) => Ok(CorrectionText {
            kind,
            body,
            noted_at,
        }),
        _ => Err(NewsroomError::Invalid(FieldErrors::single(
            "text",
            Problem::new("the note is incomplete", Phrase::new("ed-note-incomplete")),
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embargo_holds_until_its_time() {
        let until = Timestamp::from_second(2_000_000_000).expect("time");
        let before = Timestamp::from_second(1_999_999_000).expect("time");
        let published = ArticleStatus::Published;
        assert_eq!(
            embargo_broken(published, Some(before), Some(until)),
            Some(until)
        );
        assert_eq!(
            embargo_broken(ArticleStatus::Scheduled, Some(before), Some(until)),
            Some(until)
        );
        assert_eq!(embargo_broken(published, Some(until), Some(until)), None);
        assert_eq!(
            embargo_broken(ArticleStatus::Draft, Some(before), Some(until)),
            None
        );
        assert_eq!(embargo_broken(published, Some(before), None), None);
    }

    #[test]
    fn datelines_are_one_short_line() {
        assert_eq!(
            parse_dateline(" Nairobi — ").expect("ok").as_deref(),
            Some("Nairobi")
        );
        assert_eq!(parse_dateline("").expect("ok"), None);
        assert!(parse_dateline("A\nB").is_err());
        assert_eq!(dateline_text("Nairobi"), "NAIROBI");
    }

    #[test]
    fn readers_learn_where_copy_came_from() {
        let agency = Source {
            kind: SourceKind::Agency,
            agency: Some("PNN".into()),
            ..Source::default()
        };
        assert_eq!(
            provenance_line(&agency).as_deref(),
            Some("This story is from PNN.")
        );
        assert_eq!(provenance_line(&Source::default()), None);
    }
}
