-- Trust on the record: where a story's copy came from, its dateline, its embargo, the time
-- readers see as "Updated", and the corrections, clarifications and updates an editor adds
-- once it is out (never deleted; every amendment kept).

-- The place before the first paragraph ("NAIROBI").
ALTER TABLE articles ADD COLUMN dateline TEXT;
-- Nobody may publish or schedule the story for before this time.
ALTER TABLE articles ADD COLUMN embargo_until INTEGER;
-- Where the copy came from, the agency's name, the original address, the rights note.
ALTER TABLE articles ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'staff'
    CHECK (source_kind IN ('staff', 'agency', 'press_release', 'syndication', 'reader'));
ALTER TABLE articles ADD COLUMN source_agency TEXT;
ALTER TABLE articles ADD COLUMN source_url TEXT;
ALTER TABLE articles ADD COLUMN source_rights TEXT;
-- The visible "Updated" time: stamped by a real edit after publication, left alone by a
-- minor edit (typo, formatting), which still changes `updated_at` (dateModified).
ALTER TABLE articles ADD COLUMN updated_shown_at INTEGER;
-- When its newest public note was written or amended (NULL: it has none).
ALTER TABLE articles ADD COLUMN noted_at INTEGER;

-- Until now "Updated" showed for any save more than a minute after publication.
UPDATE articles SET updated_shown_at = updated_at
 WHERE version > 1 AND published_at IS NOT NULL AND updated_at - published_at > 60;

CREATE INDEX articles_source ON articles (source_kind, updated_at DESC);

-- The public notes on a story, as they stand now.
CREATE TABLE article_corrections (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL
        CHECK (kind IN ('correction', 'clarification', 'update', 'editors_note')),
    body       TEXT NOT NULL,
    noted_at   INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX article_corrections_article ON article_corrections (article_id, noted_at);
CREATE INDEX article_corrections_public ON article_corrections (noted_at DESC, id DESC);

-- Every wording a note had before an amendment, with who amended it and when.
CREATE TABLE article_correction_history (
    id            INTEGER PRIMARY KEY,
    correction_id INTEGER NOT NULL REFERENCES article_corrections(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    body          TEXT NOT NULL,
    noted_at      INTEGER NOT NULL,
    saved_by      INTEGER REFERENCES users(id) ON DELETE SET NULL,
    saved_by_name TEXT,
    saved_at      INTEGER NOT NULL
);
CREATE INDEX article_correction_history_note ON article_correction_history (correction_id, id);
