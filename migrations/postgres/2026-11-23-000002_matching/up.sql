-- Matching runs, proposals and live matches, pair rules, volunteer readiness, coordinator
-- sessions, login throttling and the audit log. Keep identical in meaning to ../../sqlite.
CREATE TABLE matching_runs (
    id SERIAL PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    started_by INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
    objective TEXT NOT NULL,
    -- JSON: the weights used (matching::compat::Weights)
    weights TEXT NOT NULL,
    -- queued, running, done, failed
    status TEXT NOT NULL,
    -- what the run is doing now, e.g. "scoring 12000 of 80000000 pairs"
    progress TEXT NOT NULL DEFAULT '',
    seekers INTEGER NOT NULL DEFAULT 0,
    buddies INTEGER NOT NULL DEFAULT 0,
    feasible_pairs INTEGER NOT NULL DEFAULT 0,
    matched INTEGER NOT NULL DEFAULT 0,
    total_score INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    -- JSON: unmatched seekers with their reason
    unmatched TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    created_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
-- One active run per programme, enforced by the database (several app instances may share it).
CREATE UNIQUE INDEX matching_runs_one_active ON matching_runs(programme_id) WHERE status IN ('queued', 'running');

CREATE TABLE matches (
    id SERIAL PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    run_id INTEGER REFERENCES matching_runs(id) ON DELETE SET NULL,
    seeker_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    buddy_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    score INTEGER NOT NULL,
    -- JSON: matching::compat reasons
    reasons TEXT NOT NULL,
    -- proposed, rejected, approved (introduced), declined, active, closed, superseded
    status TEXT NOT NULL,
    -- connections continuum: introduced, getting_to_know, building_trust, mutual, independent
    stage TEXT,
    seeker_response TEXT,
    buddy_response TEXT,
    reject_reason TEXT,
    decided_by INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX matches_run ON matches(run_id);
CREATE INDEX matches_seeker ON matches(seeker_id);
CREATE INDEX matches_buddy ON matches(buddy_id);
CREATE INDEX matches_programme_status ON matches(programme_id, status);

CREATE TABLE pair_rules (
    id SERIAL PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    seeker_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    buddy_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    -- pinned or forbidden
    kind TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (seeker_id, buddy_id, kind)
);

CREATE TABLE volunteer_readiness (
    participant_id INTEGER PRIMARY KEY NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    code_of_conduct_signed_at TIMESTAMP,
    safeguarding_training_at TIMESTAMP,
    first_aid_training_at TIMESTAMP,
    child_safeguarding_training_at TIMESTAMP,
    background_check_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE coordinator_sessions (
    id SERIAL PRIMARY KEY,
    coordinator_id INTEGER NOT NULL REFERENCES coordinators(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

CREATE TABLE login_attempts (
    id SERIAL PRIMARY KEY,
    email TEXT NOT NULL,
    succeeded BOOLEAN NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_email_at ON login_attempts(email, at);

CREATE TABLE audit_log (
    id SERIAL PRIMARY KEY,
    coordinator_id INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
    programme_id INTEGER REFERENCES programmes(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id INTEGER,
    detail TEXT NOT NULL DEFAULT '',
    at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
