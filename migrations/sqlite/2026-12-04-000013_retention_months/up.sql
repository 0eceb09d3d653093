-- Months the personal data of people who left and of closed matches is kept (src/housekeeping/retention.rs).
ALTER TABLE programmes ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 24;
