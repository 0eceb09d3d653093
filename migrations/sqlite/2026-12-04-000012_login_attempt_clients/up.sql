-- Login throttling counts per client as well as per account (src/accounts/throttle.rs): the
-- client is kept as a hash of its address, like the sign-up counts.
ALTER TABLE login_attempts ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX login_attempts_client_at ON login_attempts(client, at);
