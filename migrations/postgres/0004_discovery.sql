-- Discovery: full-text search over articles, and read counts per article per hour.

-- Words are matched without their accents ("cafe" finds "café"), as SQLite's index does.
-- unaccent ships with PostgreSQL (contrib) and is a trusted extension: a database owner
-- may create it. An extension belongs to the whole database, and several sites may share
-- one, each in its own schema with nothing else on its search path: so the extension goes
-- into public (where every site may use it and dropping one site's schema cannot take it
-- away from the others), and this site's configuration names the dictionary in whichever
-- schema the extension already lives in.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN
            CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
        ELSE
            CREATE EXTENSION IF NOT EXISTS unaccent;
        END IF;
    END IF;
END $$;
CREATE TEXT SEARCH CONFIGURATION newsdesk_search (COPY = pg_catalog.simple);
DO $$
BEGIN
    EXECUTE format(
        'ALTER TEXT SEARCH CONFIGURATION newsdesk_search '
        'ALTER MAPPING FOR hword, hword_part, word WITH %I.unaccent, pg_catalog.simple',
        (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
          WHERE e.extname = 'unaccent'));
END $$;

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
