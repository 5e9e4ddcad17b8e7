-- Review before publication. A story waiting for review keeps the status `draft` in
-- `articles` (readers never see a draft); this table says it waits, since when and sent by
-- whom, and who on the desk it is assigned to.
CREATE TABLE article_desk (
    article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    review_since INTEGER,
    submitted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    assigned_to  INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX article_desk_review ON article_desk (review_since);

-- Notes the newsroom leaves on a story ("check the minister's quote"). Never shown to
-- readers: no public page, feed or reader API reads this table.
CREATE TABLE article_notes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    user_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    actor      TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX article_notes_article ON article_notes (article_id, id);
