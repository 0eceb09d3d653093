-- The outbox worker claims messages in batches and renews the lease while it sends them
-- (src/email/outbox_worker.rs): `claimed_by` names the batch, so a worker renews, releases or
-- records only what it still holds, never a message another worker has taken since.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
-- The messages batches hold now (a claim reads its batch back, a renewal finds it): few rows,
-- as a sent or released message's claim is cleared.
CREATE INDEX outbox_claimed ON outbox(claimed_by) WHERE claimed_by IS NOT NULL;
-- The due messages, in the order they are claimed; sent ones (nearly all rows) are not in it.
CREATE INDEX outbox_pending ON outbox(next_attempt_at, id) WHERE sent_at IS NULL;
