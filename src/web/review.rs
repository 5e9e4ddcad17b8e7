//! What the API and the newsroom pages share about review: the status word a story in the
//! queue answers with, and the desk's emails, sent through the relay in the background.

use serde_json::Value;

use super::AppState;
use crate::domain::ArticleStatus;
use crate::newsroom::NewsroomResult;
use crate::review::{DeskMail, REVIEW, Review};
use crate::store::{Article, User};

impl AppState {
    /// Sends a desk email to each recipient; a failure is logged by the mailer, not passed on.
    pub fn send_desk_mail(&self, mail: DeskMail) {
        let mailer = self.mailer.clone();
        tokio::spawn(async move {
            for to in &mail.to {
                mailer.send(to, &mail.subject, &mail.body).await;
            }
        });
    }

    /// Tells the editors a story waits for them.
    pub async fn story_submitted(&self, article: &Article, by: &User) -> NewsroomResult<()> {
        let base_url = self.settings().base_url.clone();
        let mail = Review::new(self.store.as_ref())
            .submitted_mail(article, by, &base_url, &self.settings().locale)
            .await?;
        self.send_desk_mail(mail);
        Ok(())
    }
}

/// Marks the JSON of drafts that wait for review with the status `review`.
pub async fn mark_review(
    state: &AppState,
    articles: &mut [(i64, &mut Value)],
) -> NewsroomResult<()> {
    let ids: Vec<i64> = articles.iter().map(|(id, _)| *id).collect();
    let desk = state.store.desk_entries(&ids).await?;
    for (id, value) in articles.iter_mut() {
        let waiting = desk.get(id).is_some_and(|e| e.review_since.is_some());
        if waiting && value["status"] == ArticleStatus::Draft.as_str() {
            value["status"] = Value::from(REVIEW);
        }
    }
    Ok(())
}
