-- When the programme was archived: sign-up closed, no new matching runs (src/programmes/archive.rs).
-- NULL while it is open.
ALTER TABLE programmes ADD COLUMN archived_at TIMESTAMP;
