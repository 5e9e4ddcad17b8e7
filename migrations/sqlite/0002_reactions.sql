-- Reader reactions: one row per reader per article, and per-article totals that triggers
-- keep in step inside the same statement, so a total always equals its rows.

CREATE TABLE site_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE reactions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reader_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    reacted_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, reader_id)
) WITHOUT ROWID;

CREATE TABLE reaction_counts (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    count      INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (article_id, kind)
) WITHOUT ROWID;

CREATE TRIGGER reactions_counted_on_insert AFTER INSERT ON reactions BEGIN
    INSERT INTO reaction_counts (article_id, kind, count) VALUES (NEW.article_id, NEW.kind, 1)
    ON CONFLICT (article_id, kind) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER reactions_counted_on_change AFTER UPDATE OF kind ON reactions
WHEN OLD.kind <> NEW.kind BEGIN
    UPDATE reaction_counts SET count = count - 1
     WHERE article_id = OLD.article_id AND kind = OLD.kind;
    INSERT INTO reaction_counts (article_id, kind, count) VALUES (NEW.article_id, NEW.kind, 1)
    ON CONFLICT (article_id, kind) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER reactions_counted_on_delete AFTER DELETE ON reactions BEGIN
    UPDATE reaction_counts SET count = count - 1
     WHERE article_id = OLD.article_id AND kind = OLD.kind;
END;
