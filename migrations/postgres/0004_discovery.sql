-- Discovery: full-text search over articles, and read counts per article per hour.

-- Words are matched without their accents ("cafe" finds "café"), as SQLite's index does.
-- unaccent ships with PostgreSQL (contrib) and is a trusted extension: a database owner
-- may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION newsdesk_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION newsdesk_search
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- One row per article, rewritten by the store on every save. Weights: title A,
-- standfirst B, tags and bylines C, body D.
CREATE TABLE article_search (
    article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    document   tsvector NOT NULL
);
CREATE INDEX article_search_document ON article_search USING GIN (document);

-- Aggregate reads: no reader, no address, just a number per article per hour (Unix hour).
CREATE TABLE article_views (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    hour       BIGINT NOT NULL,
    views      BIGINT NOT NULL,
    PRIMARY KEY (article_id, hour)
);
CREATE INDEX article_views_hour ON article_views (hour);

CREATE INDEX reactions_recent ON reactions (reacted_at);
