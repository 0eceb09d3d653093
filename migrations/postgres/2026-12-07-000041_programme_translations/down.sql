ALTER TABLE programmes DROP COLUMN translations;
