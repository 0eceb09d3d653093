-- The connections continuum: check-ins from both sides of a live match, the history of its
-- stage, coordinator notes, concerns, and the dates of a live match's life. Keep identical in
-- meaning to ../../postgres.

-- Thresholds of the stage rules, per programme.
-- Check-in periods without a meeting (or without an answer from either side) before `stalled`.
ALTER TABLE programmes ADD COLUMN stall_periods INTEGER NOT NULL DEFAULT 2;
-- Lowest trust rating (1-5) that counts towards `building_trust`.
ALTER TABLE programmes ADD COLUMN trust_threshold INTEGER NOT NULL DEFAULT 4;
-- Consecutive check-in periods with a meeting that count as "meeting regularly".
ALTER TABLE programmes ADD COLUMN regular_periods INTEGER NOT NULL DEFAULT 2;

-- Set when both accept; check-ins are scheduled from it.
ALTER TABLE matches ADD COLUMN active_since TIMESTAMP;
ALTER TABLE matches ADD COLUMN stage_since TIMESTAMP;
ALTER TABLE matches ADD COLUMN paused_until DATE;
ALTER TABLE matches ADD COLUMN closed_at TIMESTAMP;
-- completed, moved_away, not_a_good_fit, no_longer_available, concern, other
ALTER TABLE matches ADD COLUMN close_reason TEXT;
-- When the scheduler last computed the stage.
ALTER TABLE matches ADD COLUMN stage_checked_at TIMESTAMP;
-- Matches that were active before this migration: the last change is the best date we have.
UPDATE matches SET active_since = updated_at WHERE status = 'active';
UPDATE matches SET stage_since = updated_at WHERE stage IS NOT NULL;
CREATE INDEX matches_status_id ON matches(status, id);

-- One check-in per (match, side, period): due, sent, reminded, then answered (once). The unique
-- key makes scheduling safe across app instances: the insert that loses the race fails and
-- sends nothing.
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    -- seeker or buddy
    side TEXT NOT NULL,
    -- 1 = the first check-in after the match became active
    period INTEGER NOT NULL,
    due_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    reminded_at TIMESTAMP,
    answered_at TIMESTAMP,
    -- the coordinator who recorded the answer after a call (NULL: answered by link)
    recorded_by INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
    -- none, once, several
    met TEXT,
    met_in_person BOOLEAN NOT NULL DEFAULT FALSE,
    met_online BOOLEAN NOT NULL DEFAULT FALSE,
    met_by_phone BOOLEAN NOT NULL DEFAULT FALSE,
    -- 1-5
    going INTEGER,
    -- 1-5
    trust INTEGER,
    -- JSON: integration domain codes
    gave TEXT NOT NULL DEFAULT '[]',
    received TEXT NOT NULL DEFAULT '[]',
    -- yes, pause, end
    go_on TEXT,
    pause_until DATE,
    -- a close reason code, when go_on = end
    end_reason TEXT,
    carry_on_without_programme BOOLEAN NOT NULL DEFAULT FALSE,
    wants_to_volunteer BOOLEAN NOT NULL DEFAULT FALSE,
    -- seen only by coordinators
    note TEXT,
    -- 1-5, arriving members, every few months
    belonging INTEGER,
    conversation INTEGER,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (match_id, side, period)
);
-- The scheduler: check-ins due to send, and sent ones waiting for a reminder.
CREATE INDEX checkins_to_send ON checkins(sent_at, due_at);
CREATE INDEX checkins_to_remind ON checkins(answered_at, reminded_at, sent_at);
CREATE INDEX checkins_participant ON checkins(participant_id);

CREATE TABLE match_stage_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    -- the coordinator who changed it (NULL: the scheduler or the participants)
    changed_by INTEGER REFERENCES coordinators(id) ON DELETE SET NULL
);
CREATE INDEX match_stage_changes_match ON match_stage_changes(match_id, changed_at);

CREATE TABLE match_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    match_id INTEGER NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX match_notes_match ON match_notes(match_id, created_at);

-- Safeguarding concerns and complaints: never shown to the partner.
CREATE TABLE concerns (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    match_id INTEGER REFERENCES matches(id) ON DELETE CASCADE,
    raised_by_participant INTEGER REFERENCES participants(id) ON DELETE CASCADE,
    -- seeker or buddy, when raised from a match
    side TEXT,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    handled_at TIMESTAMP,
    handled_by INTEGER REFERENCES coordinators(id) ON DELETE SET NULL
);
CREATE INDEX concerns_programme_open ON concerns(programme_id, handled_at);
CREATE INDEX concerns_match ON concerns(match_id);
CREATE INDEX concerns_raised_by ON concerns(raised_by_participant);
