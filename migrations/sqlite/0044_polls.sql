-- Reader polls attached to a story: a question, its options in order, and one vote per
-- reader (the signed reader cookie), each option keeping its running total beside the
-- votes so a hot poll's results are read without counting its rows.
CREATE TABLE polls (
    id                  INTEGER PRIMARY KEY,
    article_id          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    question            TEXT NOT NULL,
    -- No votes are taken from this time on; NULL: open until an editor closes it.
    closes_at           INTEGER,
    -- Readers see the results before they vote (else only after, or once it closes).
    results_before_vote INTEGER NOT NULL DEFAULT 0,
    created_by          INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at          INTEGER NOT NULL
);
CREATE INDEX polls_by_article ON polls (article_id, id);

CREATE TABLE poll_options (
    id       INTEGER PRIMARY KEY,
    poll_id  INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT NOT NULL,
    votes    INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
    UNIQUE (poll_id, position)
);

CREATE TABLE poll_votes (
    poll_id   INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    reader_id TEXT NOT NULL,
    option_id INTEGER NOT NULL REFERENCES poll_options(id) ON DELETE CASCADE,
    voted_at  INTEGER NOT NULL,
    PRIMARY KEY (poll_id, reader_id)
);
