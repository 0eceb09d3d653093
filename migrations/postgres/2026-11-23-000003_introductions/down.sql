DROP TABLE erasures;
ALTER TABLE matches DROP COLUMN reminded_at;
ALTER TABLE programmes DROP COLUMN response_days;
