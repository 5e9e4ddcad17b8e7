//! Reaction changes in batches (group commit), for every backend: `set_reaction` queues a
//! change and waits; a writer task takes whatever has queued up, has the backend apply it in
//! one transaction, and answers each change with its article's totals after the batch.
//! Exactness does not depend on the batching: each change is still its own upsert or
//! delete, and the totals follow the rows inside the same transaction.

use async_trait::async_trait;
use jiff::Timestamp;
use tokio::sync::{mpsc, oneshot};

use super::{ReactionCounts, StoreError, StoreResult};
use crate::domain::ReactionKind;

/// Most changes one reaction transaction applies.
pub(super) const REACTION_BATCH: usize = 512;

/// One reader's reaction change, waiting for a reaction writer.
pub(super) struct ReactionOp {
    pub article_id: i64,
    pub reader_id: String,
    pub kind: Option<String>,
    reply: oneshot::Sender<StoreResult<ReactionCounts>>,
}

/// How a backend applies one batch: answers per change, in the batch's order.
#[async_trait]
pub(super) trait ApplyReactions: Send + Sync + 'static {
    async fn apply(
        &self,
        batch: &[ReactionOp],
        now: i64,
    ) -> Result<Vec<StoreResult<ReactionCounts>>, sqlx::Error>;
}

/// A writer for `backend`, fed by the returned queue; it stops when the queue is dropped.
pub(super) fn start_writer(backend: impl ApplyReactions) -> mpsc::Sender<ReactionOp> {
    let (sender, queue) = mpsc::channel(8 * REACTION_BATCH);
    tokio::spawn(run_writer(backend, queue));
    sender
}

async fn run_writer(backend: impl ApplyReactions, mut queue: mpsc::Receiver<ReactionOp>) {
    let mut batch = Vec::with_capacity(REACTION_BATCH);
    while queue.recv_many(&mut batch, REACTION_BATCH).await > 0 {
        let now = Timestamp::now().as_second();
        match backend.apply(&batch, now).await {
            Ok(results) => {
                for (op, result) in batch.drain(..).zip(results) {
                    let _ = op.reply.send(result);
                }
            }
            Err(error) => {
                let message = error.to_string();
                for op in batch.drain(..) {
                    let _ = op.reply.send(Err(StoreError::Backend(anyhow::anyhow!(
                        "reaction not saved: {message}"
                    ))));
                }
            }
        }
    }
}

/// Queues one change on `writer` and waits for the totals after its batch.
pub(super) async fn submit(
    writer: &mpsc::Sender<ReactionOp>,
    article_id: i64,
    reader_id: &str,
    kind: Option<&ReactionKind>,
) -> StoreResult<ReactionCounts> {
    let (reply, answer) = oneshot::channel();
    let op = ReactionOp {
        article_id,
        reader_id: reader_id.to_owned(),
        kind: kind.map(|k| k.as_str().to_owned()),
        reply,
    };
    let stopped = || StoreError::Backend(anyhow::anyhow!("the reaction writer has stopped"));
    writer.send(op).await.map_err(|_| stopped())?;
    answer.await.map_err(|_| stopped())?
}
