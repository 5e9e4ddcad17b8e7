-- Numbers for the newsroom. Reads stay aggregate: no reader, no address, no user agent.

-- Lifetime reads per story, kept beside the hourly rows so lists can sort by them and a
-- story's total survives the hourly rows' roll-up.
CREATE TABLE article_view_totals (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    views      INTEGER NOT NULL
);
INSERT INTO article_view_totals (article_id, views)
SELECT article_id, SUM(views) FROM article_views GROUP BY article_id;

-- Reads of the whole site per hour (Unix hour), so site-wide charts read one row an hour.
CREATE TABLE site_views (
    hour  INTEGER PRIMARY KEY,
    views INTEGER NOT NULL
);
INSERT INTO site_views (hour, views) SELECT hour, SUM(views) FROM article_views GROUP BY hour;

-- Hourly rows (here, in article_views and in article_referrers) older than 90 days are
-- rolled up into one row per day, kept at the day's first hour; this says how far.
INSERT INTO site_meta (key, value) VALUES ('stats_rolled_up_before', '0');

-- Where readers came from: the referring site's host only, per story per hour.
CREATE TABLE article_referrers (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    hour       INTEGER NOT NULL,
    host       TEXT NOT NULL,
    views      INTEGER NOT NULL,
    PRIMARY KEY (article_id, hour, host)
) WITHOUT ROWID;
CREATE INDEX article_referrers_hour ON article_referrers (hour);

-- Reads per story per minute (Unix minute) for "right now"; rows older than an hour go.
CREATE TABLE article_views_recent (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    minute     INTEGER NOT NULL,
    views      INTEGER NOT NULL,
    PRIMARY KEY (article_id, minute)
) WITHOUT ROWID;
CREATE INDEX article_views_recent_minute ON article_views_recent (minute);
