-- Live matches per stage over time, kept as per-day changes of each stage's count
-- (src/db/outcomes.rs: stage_deltas, compact_stage_days). Each stage entry adds +1 on the day it
-- began and -1 on the day it ended (`closed` entries count for nothing: a closed match is not
-- live). Triggers write the changes, so every writer of the stage history (the continuum, a
-- simulated history, an erasure deleting matches) keeps them right. Rows are only appended (no
-- counter row to lock, so concurrent stage changes never wait on each other); the hourly
-- housekeeping sums them up per programme, stage and day.
CREATE TABLE stage_day_deltas (
    id BIGSERIAL PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    -- YYYY-MM-DD
    day TEXT NOT NULL,
    delta INTEGER NOT NULL
);
CREATE INDEX stage_day_deltas_programme ON stage_day_deltas(programme_id, day, stage, delta);

-- One entry's changes: +1 (`sign` 1) or taken back (`sign` -1), for the match's programme.
-- The programme is NULL when the match row is already gone (its entries deleted with it: the
-- match's trigger below took them away first).
CREATE FUNCTION stage_day_deltas_of(entry_match INTEGER, entry_stage TEXT, began TIMESTAMP,
                                    ended TIMESTAMP, sign INTEGER) RETURNS void AS $$
BEGIN
    IF entry_stage <> 'closed' THEN
        INSERT INTO stage_day_deltas (programme_id, stage, day, delta)
        SELECT m.programme_id, entry_stage, to_char(d.at, 'YYYY-MM-DD'), d.delta * sign
        FROM matches m, (VALUES (began, 1), (ended, -1)) AS d(at, delta)
        WHERE m.id = entry_match AND d.at IS NOT NULL;
    END IF;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION stage_day_deltas_keep() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM stage_day_deltas_of(OLD.match_id, OLD.stage, OLD.changed_at, OLD.ended_at, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM stage_day_deltas_of(NEW.match_id, NEW.stage, NEW.changed_at, NEW.ended_at, 1);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER stage_day_deltas_insert_delete AFTER INSERT OR DELETE ON match_stage_changes
    FOR EACH ROW EXECUTE FUNCTION stage_day_deltas_keep();
CREATE TRIGGER stage_day_deltas_update
    AFTER UPDATE OF stage, changed_at, ended_at, match_id ON match_stage_changes
    FOR EACH ROW
    WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.changed_at IS DISTINCT FROM NEW.changed_at
          OR OLD.ended_at IS DISTINCT FROM NEW.ended_at OR OLD.match_id IS DISTINCT FROM NEW.match_id)
    EXECUTE FUNCTION stage_day_deltas_keep();

CREATE FUNCTION stage_day_deltas_match_delete() RETURNS trigger AS $$
BEGIN
    INSERT INTO stage_day_deltas (programme_id, stage, day, delta)
    SELECT OLD.programme_id, d.stage, to_char(d.at, 'YYYY-MM-DD'), SUM(d.delta)
    FROM (SELECT h.stage, h.changed_at AS at, -1 AS delta FROM match_stage_changes h
          WHERE h.match_id = OLD.id AND h.stage <> 'closed'
          UNION ALL
          SELECT h.stage, h.ended_at, 1 FROM match_stage_changes h
          WHERE h.match_id = OLD.id AND h.stage <> 'closed' AND h.ended_at IS NOT NULL) d
    -- Not when the whole programme goes: its rows go with it.
    WHERE EXISTS (SELECT 1 FROM programmes WHERE id = OLD.programme_id)
    GROUP BY d.stage, to_char(d.at, 'YYYY-MM-DD');
    RETURN OLD;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER stage_day_deltas_match_delete BEFORE DELETE ON matches
    FOR EACH ROW EXECUTE FUNCTION stage_day_deltas_match_delete();

-- The history so far.
INSERT INTO stage_day_deltas (programme_id, stage, day, delta)
SELECT m.programme_id, d.stage, d.day, SUM(d.delta)
FROM (SELECT match_id, stage, to_char(changed_at, 'YYYY-MM-DD') AS day, 1 AS delta
      FROM match_stage_changes WHERE stage <> 'closed'
      UNION ALL
      SELECT match_id, stage, to_char(ended_at, 'YYYY-MM-DD'), -1
      FROM match_stage_changes WHERE stage <> 'closed' AND ended_at IS NOT NULL) d
JOIN matches m ON m.id = d.match_id
GROUP BY m.programme_id, d.stage, d.day;
