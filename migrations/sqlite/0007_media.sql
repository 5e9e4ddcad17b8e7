-- The media library: each photo once (by the hash of its bytes), its served sizes, and the
-- words that go with it. The bytes themselves live in the media storage, not here.
CREATE TABLE media (
    id            INTEGER PRIMARY KEY,
    hash          TEXT NOT NULL UNIQUE,
    original_type TEXT NOT NULL,
    original_key  TEXT NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    bytes         INTEGER NOT NULL,
    alt           TEXT NOT NULL DEFAULT '',
    credit        TEXT,
    caption       TEXT,
    -- JSON: [{"width", "height", "mime", "key"}], narrowest first.
    variants      TEXT NOT NULL,
    uploaded_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX media_created ON media (created_at DESC, id DESC);
