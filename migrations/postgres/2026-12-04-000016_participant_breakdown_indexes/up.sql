-- SQLite only (see its migration): PostgreSQL groups the participant breakdowns in one pass
-- with grouping sets and keeps participants_outcomes.
SELECT 1;
