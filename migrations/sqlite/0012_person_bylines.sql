-- A person in the newsroom is also an author: this links a member (users) to the author
-- profile they write under. One profile per person and one person per profile.
CREATE TABLE person_bylines (
    user_id   INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL UNIQUE REFERENCES authors(id) ON DELETE CASCADE
);
