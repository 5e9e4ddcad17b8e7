-- Pages come across from other platforms too (Varient's About, Contact...): an old address
-- may now lead to a page.
ALTER TABLE old_addresses DROP CONSTRAINT IF EXISTS old_addresses_kind_check;
ALTER TABLE old_addresses ADD CONSTRAINT old_addresses_kind_check
    CHECK (kind IN ('article', 'section', 'tag', 'author', 'page', 'path'));
