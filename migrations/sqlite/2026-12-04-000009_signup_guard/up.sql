-- The public sign-up form's limits (src/signup/guard.rs), counted here so that they hold across
-- app instances. Clients and addresses are kept as hashes, and only for a day.

-- Each accepted sign-up: from which client (hashed address or /64 prefix), for which programme.
CREATE TABLE signup_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    client TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX signup_attempts_client_at ON signup_attempts(client, at);
CREATE INDEX signup_attempts_programme_at ON signup_attempts(programme_id, at);

-- Each sign-up email sent (confirmation or "already signed up"), by hashed recipient address.
CREATE TABLE signup_mails (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    address TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX signup_mails_address_at ON signup_mails(address, at);

-- Keys the service makes for itself on first use and shares between instances (e.g. signing the
-- time a sign-up form was shown).
CREATE TABLE service_keys (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
