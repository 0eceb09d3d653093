-- When a paused match last started again: the stall clock restarts there (a pause is not a
-- stall). Keep identical in meaning on both backends.
ALTER TABLE matches ADD COLUMN resumed_at TIMESTAMP;
