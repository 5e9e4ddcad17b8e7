//! Numbered lists ("ten things to see this weekend"): a story's items in order, each a
//! heading, an optional library photo and a short text, numbered up or down; who may change
//! them (whoever may change the story) and what a valid list is.

use serde::{Deserialize, Serialize};

use crate::changes::{self, Touched};
use crate::domain::{FieldErrors, Problem, required_text};
use crate::galleries::{Direction, naming};
use crate::i18n::Phrase;
use crate::newsroom::{NewsroomError, NewsroomResult, may_edit};
use crate::store::{NewListItem, Store, StoreError, StoryList, User};

pub const MAX_ITEMS: usize = 100;
pub const MAX_HEADING: usize = 200;
pub const MAX_TEXT: usize = 10_000;

/// One item as the API names it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListItemRequest {
    pub heading: String,
    /// Markdown.
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub media_id: Option<i64>,
}

/// A whole list, in order.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRequest {
    pub items: Vec<ListItemRequest>,
    /// Number the items from the count down to 1.
    #[serde(default)]
    pub descending: Option<bool>,
}

/// Which way a list's numbers run, as a story sent with its list names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListOrder {
    /// 1 first.
    Ascending,
    /// From the count down to 1 ("top 10" style).
    Descending,
}

/// A list sent inline with its story (`"list"` on `POST`/`PATCH /api/v1/articles`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InlineListRequest {
    /// `ascending` unless the list already runs the other way.
    #[serde(default)]
    pub order: Option<ListOrder>,
    pub items: Vec<ListItemRequest>,
}

impl InlineListRequest {
    /// The same list as the list's own endpoint takes it.
    pub fn list(&self) -> ListRequest {
        ListRequest {
            items: self.items.clone(),
            descending: self.order.map(|order| order == ListOrder::Descending),
        }
    }
}

impl ListRequest {
    /// The items to store, or every problem at once.
    pub fn check(&self) -> Result<Vec<NewListItem>, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.items.is_empty() {
            errors.say(
                "items",
                "A numbered list needs at least one item: give it a heading.",
                Phrase::new("sto-list-empty"),
            );
        } else if self.items.len() > MAX_ITEMS {
            errors.say(
                "items",
                format!(
                    "A numbered list has at most {MAX_ITEMS} items; this one has {}.",
                    self.items.len()
                ),
                Phrase::new("sto-list-too-many")
                    .with("limit", MAX_ITEMS)
                    .with("count", self.items.len()),
            );
        }
        let items = self
            .items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let heading = errors
                    .check(
                        "items",
                        required_text(
                            &item.heading,
                            &format!("Item {}'s heading", n + 1),
                            MAX_HEADING,
                        )
                        .map_err(|problem| {
                            naming(
                                problem,
                                &[
                                    ("field-required", "sto-list-heading-required"),
                                    ("field-too-long", "sto-list-heading-too-long"),
                                    ("field-nul", "sto-list-heading-nul"),
                                ],
                            )
                        }),
                    )
                    .unwrap_or_default();
                let body = item.body.as_deref().unwrap_or("").trim().to_owned();
                let long = body.chars().count();
                if long > MAX_TEXT {
                    errors.say(
                        "items",
                        format!(
                            "Item {}'s text is {long} characters long; the limit is {MAX_TEXT}.",
                            n + 1
                        ),
                        Phrase::new("sto-list-text-too-long")
                            .with("count", long)
                            .with("limit", MAX_TEXT),
                    );
                }
                NewListItem {
                    heading,
                    media_id: item.media_id,
                    body,
                }
            })
            .collect();
        errors.into_result()?;
        Ok(items)
    }
}

/// The newsroom's door to numbered lists.
pub struct Lists<'a> {
    store: &'a dyn Store,
}

impl<'a> Lists<'a> {
    pub fn new(store: &'a dyn Store) -> Lists<'a> {
        Lists { store }
    }

    /// The story's list, for whoever may change the story.
    pub async fn list(&self, article_id: i64, user: &User) -> NewsroomResult<StoryList> {
        let article = self.store.article_by_id(article_id).await?;
        may_edit(user, &article)?;
        Ok(self.store.story_list(article_id).await?)
    }

    async fn save_items(
        &self,
        article_id: i64,
        items: &[NewListItem],
        descending: bool,
    ) -> NewsroomResult<StoryList> {
        match self.store.replace_list(article_id, items, descending).await {
            Ok(list) => {
                changes::record(Touched::Story { id: article_id });
                Ok(list)
            }
            Err(StoreError::NotFound) => Err(NewsroomError::Invalid(FieldErrors::single(
                "items",
                Problem::new(
                    "A photo of the list is not in the library (it may have been deleted); \
                     choose photos from the library.",
                    Phrase::new("sto-list-photo-gone"),
                ),
            ))),
            Err(other) => Err(other.into()),
        }
    }

    /// Replaces the story's list with the items asked for, in that order.
    pub async fn save(
        &self,
        article_id: i64,
        request: &ListRequest,
        user: &User,
    ) -> NewsroomResult<StoryList> {
        let current = self.list(article_id, user).await?;
        let items = request.check().map_err(NewsroomError::Invalid)?;
        let descending = request.descending.unwrap_or(current.descending);
        self.save_items(article_id, &items, descending).await
    }

    /// Moves the item at `position` (1 for the first) one place up or down.
    pub async fn move_item(
        &self,
        article_id: i64,
        position: usize,
        direction: Direction,
        user: &User,
    ) -> NewsroomResult<StoryList> {
        let list = self.list(article_id, user).await?;
        let mut items = items_of(&list);
        if position == 0 || position > items.len() {
            return Err(NewsroomError::NotFound);
        }
        let index = position - 1;
        let other = match direction {
            Direction::Up if index > 0 => index - 1,
            Direction::Down if index + 1 < items.len() => index + 1,
            _ => return Ok(list),
        };
        items.swap(index, other);
        self.save_items(article_id, &items, list.descending).await
    }

    /// Takes one item out.
    pub async fn remove(
        &self,
        article_id: i64,
        position: usize,
        user: &User,
    ) -> NewsroomResult<StoryList> {
        let list = self.list(article_id, user).await?;
        let mut items = items_of(&list);
        if position == 0 || position > items.len() {
            return Err(NewsroomError::NotFound);
        }
        items.remove(position - 1);
        self.save_items(article_id, &items, list.descending).await
    }

    /// Adds an item at the end, or (with `position`) changes the item there.
    pub async fn put_item(
        &self,
        article_id: i64,
        position: Option<usize>,
        item: &ListItemRequest,
        user: &User,
    ) -> NewsroomResult<StoryList> {
        let list = self.list(article_id, user).await?;
        let mut items = items_of(&list);
        let checked = ListRequest {
            items: vec![item.clone()],
            descending: None,
        }
        .check()
        .map_err(NewsroomError::Invalid)?;
        let Some(new) = checked.into_iter().next() else {
            return Ok(list);
        };
        match position {
            Some(n) if n >= 1 && n <= items.len() => items[n - 1] = new,
            Some(_) => return Err(NewsroomError::NotFound),
            None if items.len() >= MAX_ITEMS => {
                return Err(NewsroomError::Invalid(FieldErrors::single(
                    "items",
                    Problem::new(
                        format!("A numbered list has at most {MAX_ITEMS} items; it is full."),
                        Phrase::new("sto-list-full").with("limit", MAX_ITEMS),
                    ),
                )));
            }
            None => items.push(new),
        }
        self.save_items(article_id, &items, list.descending).await
    }

    /// Sets which way the numbers run.
    pub async fn number(
        &self,
        article_id: i64,
        descending: bool,
        user: &User,
    ) -> NewsroomResult<StoryList> {
        let list = self.list(article_id, user).await?;
        self.save_items(article_id, &items_of(&list), descending)
            .await
    }
}

fn items_of(list: &StoryList) -> Vec<NewListItem> {
    list.items
        .iter()
        .map(|i| NewListItem {
            heading: i.heading.clone(),
            media_id: i.media.as_ref().map(|m| m.id),
            body: i.body.clone(),
        })
        .collect()
}

/// The number shown beside the item at `index` (0 for the first) of `len` items.
pub fn number(index: usize, len: usize, descending: bool) -> usize {
    if descending { len - index } else { index + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_needs_headed_items_and_numbers_either_way() {
        let empty = ListRequest::default().check().expect_err("no items");
        assert!(empty.to_string().contains("at least one item"), "{empty}");
        let headless = ListRequest {
            items: vec![ListItemRequest::default()],
            descending: None,
        };
        assert!(headless.check().is_err());
        assert_eq!(number(0, 10, true), 10);
        assert_eq!(number(9, 10, true), 1);
        assert_eq!(number(0, 10, false), 1);
    }
}
