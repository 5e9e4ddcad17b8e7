-- Discovery: full-text search over articles, and read counts per article per hour.

-- One row per article (rowid = article id), rewritten by the store on every save.
CREATE VIRTUAL TABLE article_search USING fts5(
    title, standfirst, body, tags, authors,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO article_search (rowid, title, standfirst, body, tags, authors)
SELECT a.id, a.title, COALESCE(a.standfirst, ''), a.body,
       COALESCE((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''),
       COALESCE((SELECT group_concat(au.name, ' ') FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id), '')
FROM articles a;

-- Aggregate reads: no reader, no address, just a number per article per hour (Unix hour).
CREATE TABLE article_views (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    hour       INTEGER NOT NULL,
    views      INTEGER NOT NULL,
    PRIMARY KEY (article_id, hour)
) WITHOUT ROWID;
CREATE INDEX article_views_hour ON article_views (hour);

CREATE INDEX reactions_recent ON reactions (reacted_at);
