-- SQLite schema. Keep column names and meaning identical to ../../postgres (one diesel schema.rs).
CREATE TABLE programmes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    local_language TEXT NOT NULL,
    -- JSON: [{"slug": "...", "name": "...", "lat": 0.0, "lon": 0.0}]
    areas TEXT NOT NULL DEFAULT '[]',
    -- JSON: extra interest tags defined by the programme
    interests TEXT NOT NULL DEFAULT '[]',
    checkin_every_days INTEGER NOT NULL DEFAULT 14,
    -- JSON: score weights, see matching::compat::Weights
    weights TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    message_language TEXT NOT NULL,
    role TEXT NOT NULL,
    volunteer BOOLEAN NOT NULL,
    capacity INTEGER NOT NULL,
    birth_year INTEGER,
    gender TEXT,
    languages TEXT NOT NULL,
    practise_languages TEXT NOT NULL,
    interests TEXT NOT NULL,
    availability INTEGER NOT NULL,
    area TEXT,
    max_travel_km INTEGER NOT NULL,
    online_ok BOOLEAN NOT NULL,
    household_adults INTEGER NOT NULL,
    household_children INTEGER NOT NULL,
    is_minor BOOLEAN NOT NULL,
    pref_buddy_gender TEXT,
    pref_family BOOLEAN NOT NULL,
    pref_age_min INTEGER,
    pref_age_max INTEGER,
    pref_outside_language_community BOOLEAN NOT NULL,
    share_domains TEXT NOT NULL,
    learn_domains TEXT NOT NULL,
    safeguarding_cleared BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL,
    confirmed_at TIMESTAMP,
    waiting_since TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (programme_id, email)
);
CREATE INDEX participants_programme_status ON participants(programme_id, status);

CREATE TABLE household_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    first_name TEXT NOT NULL,
    birth_year INTEGER
);
CREATE INDEX household_members_participant ON household_members(participant_id);

CREATE TABLE role_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    volunteer BOOLEAN NOT NULL,
    since TIMESTAMP NOT NULL
);
CREATE INDEX role_history_participant ON role_history(participant_id);

CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    language TEXT NOT NULL,
    given_at TIMESTAMP NOT NULL,
    withdrawn_at TIMESTAMP
);
CREATE INDEX consents_participant ON consents(participant_id);

CREATE TABLE participant_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX participant_tokens_participant ON participant_tokens(participant_id);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    sent_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at);

CREATE TABLE coordinators (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE coordinator_programmes (
    coordinator_id INTEGER NOT NULL REFERENCES coordinators(id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    PRIMARY KEY (coordinator_id, programme_id)
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    coordinator_id INTEGER NOT NULL REFERENCES coordinators(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP
);
