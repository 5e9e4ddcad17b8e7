-- Editions: a site may publish in several languages. A section belongs to one edition
-- (its language; none is the site's own language) and its stories with it; a story may
-- be linked to its translations, which share a group (the first story's id). A page
-- (About, Contact) belongs to one edition the same way.
ALTER TABLE sections ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN translation_group BIGINT;
ALTER TABLE pages ADD COLUMN language TEXT;
CREATE INDEX articles_translation_group ON articles (translation_group);
