-- A gallery story's photos in order: each a photo of the library, with the caption and
-- credit it carries in this gallery (the library's own when left empty). A photo in a
-- gallery stays in the library until it is taken out of the gallery.
CREATE TABLE gallery_photos (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    media_id   INTEGER NOT NULL REFERENCES media(id),
    caption    TEXT,
    credit     TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX gallery_photos_media ON gallery_photos (media_id);
