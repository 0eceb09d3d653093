-- Days an unconfirmed sign-up is kept before the housekeeping pass deletes it (src/housekeeping).
ALTER TABLE programmes ADD COLUMN unconfirmed_days INTEGER NOT NULL DEFAULT 14;
