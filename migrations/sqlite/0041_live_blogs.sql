-- Live blogs: a story covered as it happens, with a stream of dated entries. A story's
-- row in live_blogs holds how its page orders them and when the coverage ended.
CREATE TABLE live_blogs (
    article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    oldest_first INTEGER NOT NULL DEFAULT 0,
    ended_at     INTEGER,
    ended_by     INTEGER REFERENCES users(id) ON DELETE SET NULL
);

-- One update of a live blog: Markdown text, an optional library photo, an optional
-- key-event title, and at most one pinned entry per story (the rules keep it so).
CREATE TABLE live_entries (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    title      TEXT,
    key_event  INTEGER NOT NULL DEFAULT 0,
    pinned     INTEGER NOT NULL DEFAULT 0,
    media_id   INTEGER REFERENCES media(id) ON DELETE SET NULL,
    author_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
-- A page of a 2,000-entry blog is read from this index, newest or oldest first.
CREATE INDEX live_entries_in_order ON live_entries (article_id, created_at, id);
