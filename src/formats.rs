//! What a story's format asks of it: which of its extras its page shows (a gallery story
//! its gallery, a video story its video, a list story its list; polls on any story), what
//! it must have before it is published or scheduled, and the gallery, list or video sent
//! with the story itself.

use crate::domain::{ArticleFormat, FieldErrors};
use crate::galleries::{Galleries, GalleryPhotoRequest, GalleryRequest};
use crate::lists::{InlineListRequest, Lists};
use crate::newsroom::{NewsroomError, NewsroomResult};
use crate::store::{Store, StoreError, StoryExtras, User};
use crate::video::{InlineVideoRequest, Videos};

/// Of the extras a story has, the ones its format shows.
pub fn shown(format: ArticleFormat, stored: StoryExtras) -> StoryExtras {
    StoryExtras {
        polls: stored.polls,
        gallery: stored.gallery && format == ArticleFormat::Gallery,
        list: stored.list && format == ArticleFormat::List,
        video: stored.video && format == ArticleFormat::Video,
    }
}

/// Why a story of `format` with `extras` may not go out yet, naming what is missing.
pub fn missing(format: ArticleFormat, extras: StoryExtras) -> Option<crate::domain::Problem> {
    let (english, id) = match format {
        ArticleFormat::Gallery if !extras.gallery => (
            "A photo gallery needs its photos before it is published or scheduled: save it as \
             a draft, add photos from the library to its gallery, then publish it.",
            "ed-format-gallery-empty",
        ),
        ArticleFormat::Video if !extras.video => (
            "A video story needs its video before it is published or scheduled: save it as a \
             draft, upload an MP4 or WebM file or give a YouTube, Vimeo or Facebook address, \
             then publish it.",
            "ed-format-video-empty",
        ),
        ArticleFormat::List if !extras.list => (
            "A numbered list needs its items before it is published or scheduled: save it as \
             a draft, add at least one item to its list, then publish it.",
            "ed-format-list-empty",
        ),
        _ => return None,
    };
    Some(crate::domain::Problem::new(
        english,
        crate::i18n::Phrase::new(id),
    ))
}

/// The gallery, list and video sent with a story, checked as their own endpoints check
/// them; each replaces what the story had.
#[derive(Debug, Clone, Default)]
pub struct InlineFormats {
    pub gallery: Option<GalleryRequest>,
    pub list: Option<InlineListRequest>,
    pub video: Option<InlineVideoRequest>,
}

impl InlineFormats {
    pub fn new(
        gallery: Option<&Vec<GalleryPhotoRequest>>,
        list: Option<&InlineListRequest>,
        video: Option<&InlineVideoRequest>,
    ) -> InlineFormats {
        InlineFormats {
            gallery: gallery.map(|photos| GalleryRequest {
                photos: photos.clone(),
            }),
            list: list.cloned(),
            video: video.cloned(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.gallery.is_none() && self.list.is_none() && self.video.is_none()
    }

    /// Which extras the story has once these are saved over `stored`.
    pub fn over(&self, stored: StoryExtras) -> StoryExtras {
        StoryExtras {
            gallery: stored.gallery || self.gallery.is_some(),
            list: stored.list || self.list.is_some(),
            video: stored.video || self.video.is_some(),
            ..stored
        }
    }

    /// Every problem with what was sent, each under `gallery.`, `list.` or `video.`, and
    /// photos or videos that are not there, so nothing is saved half.
    pub async fn check(&self, store: &dyn Store, errors: &mut FieldErrors) -> NewsroomResult<()> {
        let mut photos = Vec::new();
        if let Some(gallery) = &self.gallery {
            match gallery.check() {
                Ok(items) => photos.extend(items.iter().map(|item| ("gallery", item.media_id))),
                Err(found) => nest(errors, "gallery", found),
            }
        }
        if let Some(list) = &self.list {
            match list.list().check() {
                Ok(items) => {
                    photos.extend(items.iter().filter_map(|i| Some(("list", i.media_id?))))
                }
                Err(found) => nest(errors, "list", found),
            }
        }
        if let Some(video) = &self.video {
            match video.lead().check() {
                Ok(input) => {
                    photos.extend(input.poster_media_id.map(|id| ("video", id)));
                    if let Some(id) = input.video_id
                        && !exists(store.video_by_id(id).await)?
                    {
                        errors.add(
                            "video.media_id",
                            format!(
                                "There is no uploaded video {id}; upload the file with POST \
                                 /api/v1/videos and send the id it answers."
                            ),
                        );
                    }
                }
                Err(found) => nest(errors, "video", found),
            }
        }
        for (part, id) in photos {
            if !exists(store.media_by_id(id).await)? {
                errors.add(
                    part,
                    format!(
                        "Photo {id} is not in the library (it may have been deleted); choose \
                         photos from the library."
                    ),
                );
            }
        }
        Ok(())
    }

    /// Saves what was sent on the story, through each format's own door.
    pub async fn save(
        &self,
        store: &dyn Store,
        article_id: i64,
        user: &User,
    ) -> NewsroomResult<()> {
        if let Some(gallery) = &self.gallery {
            Galleries::new(store)
                .save(article_id, gallery, user)
                .await?;
        }
        if let Some(list) = &self.list {
            Lists::new(store)
                .save(article_id, &list.list(), user)
                .await?;
        }
        if let Some(video) = &self.video {
            Videos::new(store)
                .set_lead(article_id, &video.lead(), user)
                .await?;
        }
        Ok(())
    }
}

/// Each of `found` under `part.` (`video.embed_url`), as the API names nested fields.
fn nest(errors: &mut FieldErrors, part: &str, found: FieldErrors) {
    for error in found.0 {
        errors.add(&format!("{part}.{}", error.field), error.message);
    }
}

fn exists<T>(read: Result<T, StoreError>) -> NewsroomResult<bool> {
    match read {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound) => Ok(false),
        Err(other) => Err(NewsroomError::Store(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_shows_the_extras_of_its_format_and_polls_always() {
        let all = StoryExtras {
            polls: true,
            gallery: true,
            list: true,
            video: true,
        };
        let standard = shown(ArticleFormat::Standard, all);
        assert!(standard.polls && !standard.gallery && !standard.list && !standard.video);
        let gallery = shown(ArticleFormat::Gallery, all);
        assert!(gallery.gallery && !gallery.video && !gallery.list);
        assert!(shown(ArticleFormat::Video, all).video);
        assert!(shown(ArticleFormat::List, all).list);
    }

    #[test]
    fn a_format_names_what_it_is_missing() {
        let none = StoryExtras::default();
        assert!(missing(ArticleFormat::Standard, none).is_none());
        assert!(
            missing(ArticleFormat::Gallery, none).is_some_and(|m| m.english.contains("photos"))
        );
        assert!(missing(ArticleFormat::Video, none).is_some_and(|m| m.english.contains("video")));
        assert!(missing(ArticleFormat::List, none).is_some_and(|m| m.english.contains("items")));
        let with_photos = StoryExtras {
            gallery: true,
            ..none
        };
        assert!(missing(ArticleFormat::Gallery, with_photos).is_none());
    }
}
