-- The newsroom's working parts: browser sessions, password resets, the audit log, the old
-- slugs of sections, tags and authors, and the settings admins change from /admin.

-- A session is named by a random token in an HttpOnly cookie; only its hash is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One-time links to choose a new password; a used or expired one no longer works.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

-- Who did what, when. `actor` keeps the name even after the user is gone.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT
);

-- Earlier slugs of sections, tags and authors, so their old pages redirect.
CREATE TABLE slug_history (
    kind      TEXT NOT NULL CHECK (kind IN ('section', 'tag', 'author')),
    old_slug  TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    PRIMARY KEY (kind, old_slug)
);
