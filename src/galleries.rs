//! Photo galleries: a story's ordered photos from the library, each with its caption and
//! credit; who may change them (whoever may change the story), what a valid gallery is,
//! and moving a photo up or down.

use serde::{Deserialize, Serialize};

use crate::changes::{self, Touched};
use crate::domain::{FieldErrors, Problem, optional_text};
use crate::i18n::Phrase;
use crate::newsroom::{NewsroomError, NewsroomResult, may_edit};
use crate::store::{GalleryItem, GalleryPhoto, Store, StoreError, User};

pub const MAX_PHOTOS: usize = 60;
pub const MAX_CAPTION: usize = 1_000;
pub const MAX_CREDIT: usize = 200;

/// One photo as the API names it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GalleryPhotoRequest {
    pub media_id: i64,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
}

/// A whole gallery, in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GalleryRequest {
    pub photos: Vec<GalleryPhotoRequest>,
}

impl GalleryRequest {
    /// The photos to store, or every problem at once.
    pub fn check(&self) -> Result<Vec<GalleryItem>, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.photos.is_empty() {
            errors.say(
                "photos",
                "A gallery needs at least one photo: add photos from the library.",
                Phrase::new("sto-gallery-empty"),
            );
        } else if self.photos.len() > MAX_PHOTOS {
            errors.say(
                "photos",
                format!(
                    "A gallery holds at most {MAX_PHOTOS} photos; this one has {}. Make two \
                     galleries, or leave some out.",
                    self.photos.len()
                ),
                Phrase::new("sto-gallery-too-many")
                    .with("limit", MAX_PHOTOS)
                    .with("count", self.photos.len()),
            );
        }
        let items = self
            .photos
            .iter()
            .enumerate()
            .map(|(n, photo)| GalleryItem {
                media_id: photo.media_id,
                caption: errors
                    .check(
                        "photos",
                        optional_text(
                            photo.caption.as_deref(),
                            &format!("Photo {}'s caption", n + 1),
                            MAX_CAPTION,
                        ),
                    )
                    .flatten(),
                credit: errors
                    .check(
                        "photos",
                        optional_text(
                            photo.credit.as_deref(),
                            &format!("Photo {}'s credit", n + 1),
                            MAX_CREDIT,
                        ),
                    )
                    .flatten(),
            })
            .collect();
        errors.into_result()?;
        Ok(items)
    }
}

/// Which way a photo moves in its gallery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// The newsroom's door to galleries.
pub struct Galleries<'a> {
    store: &'a dyn Store,
}

impl<'a> Galleries<'a> {
    pub fn new(store: &'a dyn Store) -> Galleries<'a> {
        Galleries { store }
    }

    async fn editable(&self, article_id: i64, user: &User) -> NewsroomResult<Vec<GalleryPhoto>> {
        let article = self.store.article_by_id(article_id).await?;
        may_edit(user, &article)?;
        Ok(self.store.gallery(article_id).await?)
    }

    async fn save_items(
        &self,
        article_id: i64,
        items: &[GalleryItem],
    ) -> NewsroomResult<Vec<GalleryPhoto>> {
        match self.store.replace_gallery(article_id, items).await {
            Ok(photos) => {
                changes::record(Touched::Story { id: article_id });
                Ok(photos)
            }
            Err(StoreError::NotFound) => Err(NewsroomError::Invalid(FieldErrors::single(
                "photos",
                Problem::new(
                    "One of the photos is not in the library (it may have been deleted); choose \
                     photos from the library.",
                    Phrase::new("sto-gallery-photo-gone"),
                ),
            ))),
            Err(other) => Err(other.into()),
        }
    }

    /// Replaces a story's gallery with the photos asked for, in that order.
    pub async fn save(
        &self,
        article_id: i64,
        request: &GalleryRequest,
        user: &User,
    ) -> NewsroomResult<Vec<GalleryPhoto>> {
        self.editable(article_id, user).await?;
        let items = request.check().map_err(NewsroomError::Invalid)?;
        self.save_items(article_id, &items).await
    }

    /// The story's gallery, for whoever may change the story.
    pub async fn photos(&self, article_id: i64, user: &User) -> NewsroomResult<Vec<GalleryPhoto>> {
        self.editable(article_id, user).await
    }

    /// Adds a library photo at the end.
    pub async fn add(
        &self,
        article_id: i64,
        media_id: i64,
        user: &User,
    ) -> NewsroomResult<Vec<GalleryPhoto>> {
        let photos = self.editable(article_id, user).await?;
        if photos.len() >= MAX_PHOTOS {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "media_id",
                Problem::new(
                    format!("A gallery holds at most {MAX_PHOTOS} photos; it is full."),
                    Phrase::new("sto-gallery-full").with("limit", MAX_PHOTOS),
                ),
            )));
        }
        let mut items = items_of(&photos);
        items.push(GalleryItem {
            media_id,
            caption: None,
            credit: None,
        });
        self.save_items(article_id, &items).await
    }

    /// Moves the photo at `position` (1 for the first) one place up or down; a photo
    /// already at that end stays.
    pub async fn move_photo(
        &self,
        article_id: i64,
        position: usize,
        direction: Direction,
        user: &User,
    ) -> NewsroomResult<Vec<GalleryPhoto>> {
        let photos = self.editable(article_id, user).await?;
        let mut items = items_of(&photos);
        let index = photo_index(position, items.len())?;
        let other = match direction {
            Direction::Up if index > 0 => index - 1,
            Direction::Down if index + 1 < items.len() => index + 1,
            _ => return Ok(photos),
        };
        items.swap(index, other);
        self.save_items(article_id, &items).await
    }

    /// Changes the gallery's words for one photo (empty: the library's own).
    pub async fn describe(
        &self,
        article_id: i64,
        position: usize,
        caption: &str,
        credit: &str,
        user: &User,
    ) -> NewsroomResult<Vec<GalleryPhoto>> {
        let photos = self.editable(article_id, user).await?;
        let mut items = items_of(&photos);
        let index = photo_index(position, items.len())?;
        let mut errors = FieldErrors::new();
        // The page lists its refusals together, so each says which text it is about.
        let caption = errors
            .check(
                "caption",
                optional_text(Some(caption), "The caption", MAX_CAPTION).map_err(|problem| {
                    naming(
                        problem,
                        &[
                            ("field-too-long", "sto-gallery-caption-too-long"),
                            ("field-nul", "sto-gallery-caption-nul"),
                        ],
                    )
                }),
            )
            .flatten();
        let credit = errors
            .check(
                "credit",
                optional_text(Some(credit), "The credit", MAX_CREDIT).map_err(|problem| {
                    naming(
                        problem,
                        &[
                            ("field-too-long", "sto-gallery-credit-too-long"),
                            ("field-nul", "sto-gallery-credit-nul"),
                        ],
                    )
                }),
            )
            .flatten();
        errors.into_result().map_err(NewsroomError::Invalid)?;
        items[index].caption = caption;
        items[index].credit = credit;
        self.save_items(article_id, &items).await
    }

    /// Takes one photo out of the gallery (it stays in the library).
    pub async fn remove(
        &self,
        article_id: i64,
        position: usize,
        user: &User,
    ) -> NewsroomResult<Vec<GalleryPhoto>> {
        let photos = self.editable(article_id, user).await?;
        let mut items = items_of(&photos);
        let index = photo_index(position, items.len())?;
        items.remove(index);
        self.save_items(article_id, &items).await
    }
}

/// The same refusal in words that name the text it is about: each general phrase in
/// `names` (`field-too-long`) is swapped for its own (`sto-gallery-caption-too-long`), with
/// the same values; the English stays. For pages that list refusals together rather than
/// under each field.
pub fn naming(problem: Problem, names: &[(&str, &'static str)]) -> Problem {
    let phrase = problem.phrase.map(|phrase| {
        match names.iter().find(|(general, _)| *general == phrase.id) {
            Some((_, id)) => Phrase {
                id,
                args: phrase.args,
            },
            None => phrase,
        }
    });
    Problem {
        english: problem.english,
        phrase,
    }
}

fn items_of(photos: &[GalleryPhoto]) -> Vec<GalleryItem> {
    photos
        .iter()
        .map(|p| GalleryItem {
            media_id: p.media.id,
            caption: p.caption.clone(),
            credit: p.credit.clone(),
        })
        .collect()
}

fn photo_index(position: usize, len: usize) -> NewsroomResult<usize> {
    if position == 0 || position > len {
        return Err(NewsroomError::NotFound);
    }
    Ok(position - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gallery_needs_a_photo_and_keeps_its_words_short() {
        let empty = GalleryRequest { photos: vec![] };
        let refused = empty.check().expect_err("no photos");
        assert!(
            refused.to_string().contains("at least one photo"),
            "{refused}"
        );
        let long = GalleryRequest {
            photos: vec![GalleryPhotoRequest {
                media_id: 1,
                caption: Some("x".repeat(MAX_CAPTION + 1)),
                credit: Some(" ".into()),
            }],
        };
        assert!(long.check().is_err());
        let fine = GalleryRequest {
            photos: vec![GalleryPhotoRequest {
                media_id: 1,
                caption: Some(" At dawn ".into()),
                credit: Some("".into()),
            }],
        };
        let items = fine.check().expect("valid");
        assert_eq!(items[0].caption.as_deref(), Some("At dawn"));
        assert_eq!(items[0].credit, None);
    }
}
