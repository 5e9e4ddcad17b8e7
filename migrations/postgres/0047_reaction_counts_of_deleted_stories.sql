-- Deleting a story cascades to its reactions, and each reaction's removal adjusted the
-- story's totals, writing a totals row for a story already gone: the foreign key refused
-- it and the story could not be deleted once a reader had reacted. A story that is gone
-- keeps no totals.
CREATE OR REPLACE FUNCTION newsdesk_count_reaction(p_article BIGINT, p_kind TEXT, p_delta BIGINT)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reaction_counts AS c (article_id, kind, count)
    SELECT p_article, p_kind, GREATEST(p_delta, 0)
    WHERE EXISTS (SELECT 1 FROM articles WHERE id = p_article)
    ON CONFLICT (article_id, kind) DO UPDATE SET count = c.count + p_delta;
END $$;
