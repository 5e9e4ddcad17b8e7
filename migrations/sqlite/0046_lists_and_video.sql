-- Numbered lists and lead videos.
-- Numbered-list stories ("ten things to see"): their items in order, each a heading, an
-- optional photo of the library and a short text (Markdown); and whether the numbers
-- count down (10 to 1) rather than up.
CREATE TABLE list_items (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    heading    TEXT NOT NULL,
    media_id   INTEGER REFERENCES media(id),
    body       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, position)
);
CREATE INDEX list_items_media ON list_items (media_id);

CREATE TABLE list_numbering (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    descending INTEGER NOT NULL DEFAULT 0
);

-- Uploaded videos (MP4 or WebM, checked by their bytes), kept in the media store under a
-- name made from the hash of their bytes, so the same file is kept once.
CREATE TABLE videos (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    mime        TEXT NOT NULL CHECK (mime IN ('video/mp4', 'video/webm')),
    storage_key TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL
);

-- A video story's lead video, shown in place of the lead photo: an uploaded video with a
-- poster from the photo library, or a YouTube, Vimeo or Facebook address.
CREATE TABLE lead_videos (
    article_id       INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    video_id         INTEGER REFERENCES videos(id),
    embed_url        TEXT,
    poster_media_id  INTEGER REFERENCES media(id),
    duration_seconds INTEGER,
    CHECK ((video_id IS NULL) <> (embed_url IS NULL))
);
