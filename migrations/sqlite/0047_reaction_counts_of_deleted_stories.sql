-- On PostgreSQL this migration stops the reaction totals trigger from writing totals for
-- a story being deleted. SQLite's triggers already let a story with reactions be deleted
-- (its totals go with it), so there is nothing to change here; the number is kept in step.
SELECT 1;
