-- Nothing to do on SQLite: this number moves PostgreSQL's unaccent extension out of a
-- site's own schema (see migrations/postgres/0008_shared_extension.sql), and the two
-- engines' migrations keep the same numbers.
SELECT 1;
