-- Integrations: the keys Ghost front-ends send (`?key=`) to read the Content API under
-- /ghost/api/content/. Only the SHA-256 of a key is kept; the key is shown once, when made.
CREATE TABLE integrations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    key_hash   TEXT NOT NULL UNIQUE,
    -- The key's last four characters, so admins can tell keys apart without the key.
    key_hint   TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
