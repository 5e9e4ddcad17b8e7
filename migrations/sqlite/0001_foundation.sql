-- The newsroom's content model: people, sections, tags, authors, articles and their revisions.
-- Times are Unix seconds (UTC); the site's time zone is applied only when displaying them.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('contributor', 'author', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    label        TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);

CREATE TABLE sections (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    description TEXT,
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE authors (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    bio       TEXT,
    photo_url TEXT
);

CREATE TABLE articles (
    id                 INTEGER PRIMARY KEY,
    slug               TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL,
    standfirst         TEXT,
    body               TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
    section_id         INTEGER NOT NULL REFERENCES sections(id),
    lead_image_url     TEXT,
    lead_image_alt     TEXT,
    lead_image_credit  TEXT,
    lead_image_caption TEXT,
    seo_title          TEXT,
    seo_description    TEXT,
    published_at       INTEGER,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1,
    created_by         INTEGER REFERENCES users(id) ON DELETE SET NULL
);

CREATE INDEX articles_public ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_section_public ON articles (section_id, status, published_at DESC, id DESC);
CREATE INDEX articles_updated ON articles (updated_at DESC, id DESC);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES authors(id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_author ON article_authors (author_id);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags (tag_id);

CREATE TABLE article_revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('save', 'conflict')),
    saved_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    saved_at   INTEGER NOT NULL,
    snapshot   TEXT NOT NULL
);
CREATE INDEX article_revisions_article ON article_revisions (article_id, id);

-- An article's earlier slugs, so old links answer with a redirect instead of a 404.
CREATE TABLE article_slug_history (
    old_slug   TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
