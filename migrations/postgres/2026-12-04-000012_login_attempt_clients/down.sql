DROP INDEX login_attempts_client_at;
ALTER TABLE login_attempts DROP COLUMN client;
