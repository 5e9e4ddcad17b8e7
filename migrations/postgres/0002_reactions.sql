-- Reader reactions: one row per reader per article, and per-article totals that triggers
-- keep in step inside the same statement, so a total always equals its rows.

CREATE TABLE site_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE reactions (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reader_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    reacted_at BIGINT NOT NULL,
    PRIMARY KEY (article_id, reader_id)
);

CREATE TABLE reaction_counts (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    count      BIGINT NOT NULL CHECK (count >= 0),
    PRIMARY KEY (article_id, kind)
);

-- Totals rows are always locked in kind order, so two readers switching between the same
-- two kinds at once cannot deadlock.
CREATE FUNCTION newsdesk_count_reaction(p_article BIGINT, p_kind TEXT, p_delta BIGINT)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reaction_counts AS c (article_id, kind, count)
    VALUES (p_article, p_kind, GREATEST(p_delta, 0))
    ON CONFLICT (article_id, kind) DO UPDATE SET count = c.count + p_delta;
END $$;

CREATE FUNCTION newsdesk_reactions_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM newsdesk_count_reaction(NEW.article_id, NEW.kind, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM newsdesk_count_reaction(OLD.article_id, OLD.kind, -1);
    ELSIF OLD.kind <> NEW.kind THEN
        IF OLD.kind < NEW.kind THEN
            PERFORM newsdesk_count_reaction(OLD.article_id, OLD.kind, -1);
            PERFORM newsdesk_count_reaction(NEW.article_id, NEW.kind, 1);
        ELSE
            PERFORM newsdesk_count_reaction(NEW.article_id, NEW.kind, 1);
            PERFORM newsdesk_count_reaction(OLD.article_id, OLD.kind, -1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER reactions_counted AFTER INSERT OR DELETE OR UPDATE OF kind ON reactions
FOR EACH ROW EXECUTE FUNCTION newsdesk_reactions_counted();
