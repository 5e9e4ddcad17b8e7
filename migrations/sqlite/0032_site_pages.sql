-- The rest of a paper's site: static pages (About, Contact, Privacy...) with their
-- revisions and old slugs, the header and footer menus, and readers' contact messages.

-- A page at `/{slug}`: no section, byline, reactions or comments. `contact_form` puts
-- the contact form under its body.
CREATE TABLE pages (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    seo_title       TEXT,
    seo_description TEXT,
    contact_form    INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- Every save of a page, and every save refused because the page had moved on.
CREATE TABLE page_revisions (
    id       INTEGER PRIMARY KEY,
    page_id  INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    version  INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('save', 'conflict')),
    saved_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    saved_at INTEGER NOT NULL,
    snapshot TEXT NOT NULL
);
CREATE INDEX page_revisions_page ON page_revisions (page_id, id);

-- A page's earlier slugs, answered with a 301 to where it is now.
CREATE TABLE page_slug_history (
    old_slug TEXT PRIMARY KEY,
    page_id  INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE
);

-- The header and footer menus in order. An entry leads to a section, a page or an
-- address (`url`); `label` is its text (a section's or page's own name when empty).
CREATE TABLE menu_items (
    id         INTEGER PRIMARY KEY,
    menu       TEXT NOT NULL CHECK (menu IN ('header', 'footer')),
    position   INTEGER NOT NULL,
    label      TEXT,
    section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    page_id    INTEGER REFERENCES pages(id) ON DELETE CASCADE,
    url        TEXT
);
CREATE INDEX menu_items_menu ON menu_items (menu, position);

-- What readers sent through a contact form. `spam_reason` is set when a defence judged
-- the sender a bot: such messages are kept for a look but never emailed.
CREATE TABLE contact_messages (
    id          INTEGER PRIMARY KEY,
    page_id     INTEGER REFERENCES pages(id) ON DELETE SET NULL,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    message     TEXT NOT NULL,
    spam_reason TEXT,
    created_at  INTEGER NOT NULL,
    read_at     INTEGER
);
CREATE INDEX contact_messages_created ON contact_messages (created_at);
