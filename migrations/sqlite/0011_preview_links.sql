-- Shareable previews of a story before it is published: a signed link, valid 48 hours,
-- that an editor can revoke. The link carries its id, expiry and signature; this row says
-- whether it still works.
CREATE TABLE preview_links (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX preview_links_article ON preview_links (article_id, id);
