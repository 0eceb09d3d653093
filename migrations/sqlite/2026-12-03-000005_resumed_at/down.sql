ALTER TABLE matches DROP COLUMN resumed_at;
