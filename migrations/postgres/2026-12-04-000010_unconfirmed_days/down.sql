ALTER TABLE programmes DROP COLUMN unconfirmed_days;
