//! Review before publication: contributors (and anyone else who wants a second pair of eyes)
//! submit a draft; editors see the queue, send a story back with a note, or publish it.
//! Stories can be assigned to a member of the newsroom, and internal notes stay internal:
//! they live in their own table that no reader-facing query reads, and in the audit log.

use jiff::Timestamp;

use crate::domain::{ArticleStatus, FieldErrors, Problem};
use crate::i18n::{Locale, Phrase};
use crate::newsroom::{Newsroom, NewsroomError, NewsroomResult, may_edit};
use crate::store::{Article, ArticleNote, Store, StoreError, User};

pub const MAX_NOTE: usize = 5_000;

/// The status word the API and the editor use for a draft waiting for review.
pub const REVIEW: &str = "review";

/// An email to send about the desk's work: to whom, about what.
#[derive(Debug, Clone)]
pub struct DeskMail {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

pub struct Review<'a> {
    store: &'a dyn Store,
}

impl<'a> Review<'a> {
    pub fn new(store: &'a dyn Store) -> Self {
        Review { store }
    }

    fn newsroom(&self) -> Newsroom<'a> {
        Newsroom::new(self.store)
    }

    /// Puts a draft in the editors' queue. Whoever may change the draft may submit it.
    pub async fn submit(
        &self,
        article: &Article,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<()> {
        may_edit(user, article)?;
        if article.status != ArticleStatus::Draft {
            return Err(NewsroomError::Forbidden(format!(
                "This story is {} already; only a draft is submitted for review.",
                article.status.as_str()
            )));
        }
        self.store
            .set_review(article.id, Some((Some(user.id), now)))
            .await?;
        self.newsroom()
            .audit(
                Some(user),
                "submit for review",
                &subject(article),
                None,
                now,
            )
            .await;
        Ok(())
    }

    /// An editor sends a story back to its writer, with a note saying what to change.
    pub async fn send_back(
        &self,
        article_id: i64,
        editor: &User,
        note: &str,
        now: Timestamp,
    ) -> NewsroomResult<Article> {
        require_editor(editor, "send a story back")?;
        let article = self.store.article_by_id(article_id).await?;
        let note = note_text(note)?;
        self.store.set_review(article.id, None).await?;
        self.store
            .add_note(article.id, Some(editor.id), &editor.name, &note, now)
            .await?;
        self.newsroom()
            .audit(
                Some(editor),
                "send back",
                &subject(&article),
                Some(note),
                now,
            )
            .await;
        Ok(article)
    }

    /// A story leaves the queue once it is published or scheduled.
    pub async fn settled(&self, article: &Article) -> NewsroomResult<()> {
        if article.status != ArticleStatus::Draft {
            match self.store.desk_entry(article.id).await? {
                Some(entry) if entry.review_since.is_some() => {
                    self.store.set_review(article.id, None).await?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Editors assign a story to a member of the newsroom (or to nobody).
    pub async fn assign(
        &self,
        article_id: i64,
        editor: &User,
        person: Option<i64>,
        now: Timestamp,
    ) -> NewsroomResult<()> {
        require_editor(editor, "assign a story")?;
        let article = self.store.article_by_id(article_id).await?;
        let detail = match person {
            Some(id) => {
                let user = match self.store.user_by_id(id).await {
                    Err(StoreError::NotFound) => {
                        return Err(NewsroomError::Invalid(FieldErrors::single(
                            "assigned_to",
                            Problem::new(
                                "there is no such member of the newsroom",
                                Phrase::new("ed-no-such-member"),
                            ),
                        )));
                    }
                    other => other?,
                };
                if !user.active {
                    return Err(NewsroomError::Invalid(FieldErrors::single(
                        "assigned_to",
                        Problem::new(
                            format!(
                                "{} is deactivated; choose someone who can sign in",
                                user.name
                            ),
                            Phrase::new("ed-member-deactivated").with("name", user.name.as_str()),
                        ),
                    )));
                }
                format!("to {}", user.name)
            }
            None => "to nobody".to_owned(),
        };
        self.store.assign_article(article.id, person).await?;
        self.newsroom()
            .audit(
                Some(editor),
                "assign",
                &subject(&article),
                Some(detail),
                now,
            )
            .await;
        Ok(())
    }

    /// Any member of the newsroom leaves a note on a story. Notes are internal.
    pub async fn add_note(
        &self,
        article_id: i64,
        user: &User,
        text: &str,
        now: Timestamp,
    ) -> NewsroomResult<ArticleNote> {
        let article = self.store.article_by_id(article_id).await?;
        let body = note_text(text)?;
        let note = self
            .store
            .add_note(article.id, Some(user.id), &user.name, &body, now)
            .await?;
        self.newsroom()
            .audit(Some(user), "add note", &subject(&article), Some(body), now)
            .await;
        Ok(note)
    }

    /// The email to the desk's editors when a story waits for them.
    pub async fn submitted_mail(
        &self,
        article: &Article,
        by: &User,
        base_url: &str,
        locale: &Locale,
    ) -> NewsroomResult<DeskMail> {
        let to = self
            .store
            .list_users()
            .await?
            .into_iter()
            .filter(|u| u.active && u.role.is_editor() && u.id != by.id)
            .map(|u| u.email.to_string())
            .collect();
        Ok(DeskMail {
            to,
            subject: locale.format(
                "email-review-waiting-subject",
                &[("title", article.title.as_str().into())],
            ),
            body: format!(
                "{}\n\n{}\n{}/admin/articles/{}\n",
                locale.format(
                    "email-review-waiting",
                    &[
                        ("name", by.name.as_str().into()),
                        ("title", article.title.as_str().into())
                    ],
                ),
                locale.t("email-review-waiting-action"),
                base_url.trim_end_matches('/'),
                article.id
            ),
        })
    }

    /// The email to a story's writer when an editor sends it back.
    pub async fn sent_back_mail(
        &self,
        article: &Article,
        editor: &User,
        note: &str,
        base_url: &str,
        locale: &Locale,
    ) -> NewsroomResult<DeskMail> {
        let writer = match article.created_by {
            Some(id) => match self.store.user_by_id(id).await {
                Ok(user) if user.active && user.id != editor.id => Some(user),
                Ok(_) | Err(StoreError::NotFound) => None,
                Err(other) => return Err(other.into()),
            },
            None => None,
        };
        Ok(DeskMail {
            to: writer.map(|u| u.email.to_string()).into_iter().collect(),
            subject: locale.format(
                "email-review-returned-subject",
                &[("title", article.title.as_str().into())],
            ),
            body: format!(
                "{}\n\n{}\n\n{}/admin/articles/{}\n",
                locale.format(
                    "email-review-returned",
                    &[
                        ("name", editor.name.as_str().into()),
                        ("title", article.title.as_str().into())
                    ],
                ),
                note.trim(),
                base_url.trim_end_matches('/'),
                article.id
            ),
        })
    }
}

fn subject(article: &Article) -> String {
    format!("article \"{}\" (#{})", article.title, article.id)
}

fn require_editor(user: &User, what: &str) -> NewsroomResult<()> {
    if user.role.is_editor() {
        Ok(())
    } else {
        Err(NewsroomError::Forbidden(format!(
            "Only an editor or admin may {what}; you are {}.",
            user.role.with_article()
        )))
    }
}

fn note_text(text: &str) -> NewsroomResult<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NewsroomError::Invalid(FieldErrors::single(
            "note",
            Problem::new(
                "write the note: what should change, or what the desk should know",
                Phrase::new("ed-desk-note-required"),
            ),
        )));
    }
    if text.chars().count() > MAX_NOTE {
        return Err(NewsroomError::Invalid(FieldErrors::single(
            "note",
            Problem::new(
                format!("a note may be up to {MAX_NOTE} characters"),
                Phrase::new("ed-desk-note-too-long").with("limit", MAX_NOTE),
            ),
        )));
    }
    if text.contains('\0') {
        return Err(NewsroomError::Invalid(FieldErrors::single(
            "note",
            Problem::new(
                "the note contains a NUL character",
                Phrase::new("field-nul"),
            ),
        )));
    }
    Ok(text.to_owned())
}
