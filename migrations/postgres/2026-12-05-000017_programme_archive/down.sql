ALTER TABLE programmes DROP COLUMN archived_at;
