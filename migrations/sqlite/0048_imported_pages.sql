-- Pages come across from other platforms too (Varient's About, Contact...): an old address
-- may now lead to a page. SQLite cannot change a CHECK, so the table is made again.
CREATE TABLE old_addresses_new (
    path      TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('article', 'section', 'tag', 'author', 'page', 'path')),
    target_id INTEGER,
    target    TEXT
);
INSERT INTO old_addresses_new (path, kind, target_id, target)
    SELECT path, kind, target_id, target FROM old_addresses;
DROP TABLE old_addresses;
ALTER TABLE old_addresses_new RENAME TO old_addresses;
