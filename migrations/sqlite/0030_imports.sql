-- Imports from other platforms (`newsdesk import varient`): which record each source row
-- became, the old platform's addresses that now answer with a redirect, and the reaction
-- totals the old platform had, which readers' new reactions add to.

-- One row per imported source record: (source, kind, source id) -> the Newsdesk id, with a
-- fingerprint of the source row so a second run updates only what changed. `extra` keeps
-- what has no place yet (front-page flags, colours), as JSON, to be applied later.
CREATE TABLE import_map (
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    target_id   INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    extra       TEXT,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (source, kind, source_id)
);

-- An old address (a path like `/category/news`) and what answers there now: an article,
-- section, tag or author by id (so a later change of slug is followed), or a fixed path.
CREATE TABLE old_addresses (
    path      TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('article', 'section', 'tag', 'author', 'path')),
    target_id INTEGER,
    target    TEXT
);

-- The totals an article arrived with, per kind; `reaction_counts` holds them plus every
-- reaction given here since, so a later import can swap one starting total for another.
CREATE TABLE reaction_baselines (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    count      INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (article_id, kind)
);
