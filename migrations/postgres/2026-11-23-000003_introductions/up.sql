-- Introductions: how long people have to answer before a reminder, when the reminder went out,
-- and anonymous counts of erased participants. Keep identical in meaning to ../../sqlite.
ALTER TABLE programmes ADD COLUMN response_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE matches ADD COLUMN reminded_at TIMESTAMP;

-- One row per erasure, with nothing that identifies the person.
CREATE TABLE erasures (
    id SERIAL PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    -- arriving or receiving
    role TEXT NOT NULL,
    volunteer BOOLEAN NOT NULL,
    -- had an approved or active match when erased
    was_matched BOOLEAN NOT NULL,
    erased_at TIMESTAMP NOT NULL
);
CREATE INDEX erasures_programme ON erasures(programme_id);
