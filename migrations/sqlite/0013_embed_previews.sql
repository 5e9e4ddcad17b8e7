-- What the server learnt about each embedded video or post from its provider: a title and
-- a thumbnail kept on this site (a /media/ address), so readers' browsers ask the provider
-- for nothing until they click. Keyed by the provider's own address for the post.
CREATE TABLE embed_previews (
    page_url      TEXT PRIMARY KEY,
    title         TEXT,
    thumbnail_url TEXT,
    fetched_at    INTEGER NOT NULL
);
