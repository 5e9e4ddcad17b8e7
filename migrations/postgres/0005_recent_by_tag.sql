-- Related stories look at the most recent articles that share a tag; this index lets them
-- stop after a few rows however many articles carry the tag.
CREATE INDEX article_tags_recent ON article_tags (tag_id, article_id DESC);
