-- What kind of story an article is: `standard` text, or a `live` blog, photo `gallery`,
-- lead `video` or numbered `list`, each of which carries more than its body.
ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'standard'
    CHECK (format IN ('standard', 'live', 'gallery', 'video', 'list'));
