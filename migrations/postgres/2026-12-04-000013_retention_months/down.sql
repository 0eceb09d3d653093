ALTER TABLE programmes DROP COLUMN retention_months;
