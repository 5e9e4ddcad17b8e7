-- The front page run by editors: sections' place on the home page, story labels, the
-- stories editors placed in the home page's slots, and the breaking-news banner.

-- A subsection names its parent (News › Counties); no foreign key, so an archive restores
-- sections in any order; deleting a parent makes its children top-level sections.
ALTER TABLE sections ADD COLUMN parent_id INTEGER;
ALTER TABLE sections ADD COLUMN on_home INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sections ADD COLUMN block_style TEXT NOT NULL DEFAULT 'lead_list'
    CHECK (block_style IN ('lead_list', 'grid', 'list'));
ALTER TABLE sections ADD COLUMN colour TEXT;

-- One label shown before the headline wherever the story appears (`Exclusive`, `Sponsored`...).
ALTER TABLE articles ADD COLUMN label TEXT;

-- The home page's slots: one `lead` (position 1) and `top` stories (positions 1-4). A
-- placement with `until` lets go of its slot when that time passes.
CREATE TABLE front_slots (
    slot       TEXT NOT NULL CHECK (slot IN ('lead', 'top')),
    position   INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    until      INTEGER,
    placed_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    placed_at  INTEGER NOT NULL,
    PRIMARY KEY (slot, position)
);

-- The breaking-news banner: at most one row, shown until `until`.
CREATE TABLE breaking_news (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    until      INTEGER NOT NULL,
    set_by     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    set_at     INTEGER NOT NULL
);
