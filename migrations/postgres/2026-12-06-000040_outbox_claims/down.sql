DROP INDEX outbox_pending;
DROP INDEX outbox_claimed;
ALTER TABLE outbox DROP COLUMN claimed_by;
