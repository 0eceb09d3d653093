-- Live matches per stage over time, kept as per-day changes of each stage's count
-- (src/db/outcomes.rs: stage_deltas, compact_stage_days). Each stage entry adds +1 on the day it
-- began and -1 on the day it ended (`closed` entries count for nothing: a closed match is not
-- live). Triggers write the changes, so every writer of the stage history (the continuum, a
-- simulated history, an erasure deleting matches) keeps them right. Rows are only appended (no
-- counter row to lock); the hourly housekeeping sums them up per programme, stage and day.
CREATE TABLE stage_day_deltas (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    -- YYYY-MM-DD
    day TEXT NOT NULL,
    delta INTEGER NOT NULL
);
CREATE INDEX stage_day_deltas_programme ON stage_day_deltas(programme_id, day, stage, delta);

CREATE TRIGGER stage_day_deltas_insert AFTER INSERT ON match_stage_changes
WHEN NEW.stage <> 'closed'
BEGIN
    INSERT INTO stage_day_deltas (programme_id, stage, day, delta)
    SELECT m.programme_id, NEW.stage, substr(d.at, 1, 10), d.delta
    FROM matches m, (SELECT NEW.changed_at AS at, 1 AS delta
                     UNION ALL SELECT NEW.ended_at, -1) d
    WHERE m.id = NEW.match_id AND d.at IS NOT NULL;
END;

CREATE TRIGGER stage_day_deltas_update
AFTER UPDATE OF stage, changed_at, ended_at, match_id ON match_stage_changes
WHEN OLD.stage IS NOT NEW.stage OR OLD.changed_at IS NOT NEW.changed_at
     OR OLD.ended_at IS NOT NEW.ended_at OR OLD.match_id IS NOT NEW.match_id
BEGIN
    INSERT INTO stage_day_deltas (programme_id, stage, day, delta)
    SELECT m.programme_id, d.stage, substr(d.at, 1, 10), d.delta
    FROM (SELECT OLD.match_id AS match_id, OLD.stage AS stage, OLD.changed_at AS at, -1 AS delta
          UNION ALL SELECT OLD.match_id, OLD.stage, OLD.ended_at, 1
          UNION ALL SELECT NEW.match_id, NEW.stage, NEW.changed_at, 1
          UNION ALL SELECT NEW.match_id, NEW.stage, NEW.ended_at, -1) d
    JOIN matches m ON m.id = d.match_id
    WHERE d.stage <> 'closed' AND d.at IS NOT NULL;
END;

-- An entry deleted on its own (its match still there). When a match is deleted, the entries go
-- with it after the match row is gone, so the match's trigger below takes them away first.
CREATE TRIGGER stage_day_deltas_delete AFTER DELETE ON match_stage_changes
WHEN OLD.stage <> 'closed'
BEGIN
    INSERT INTO stage_day_deltas (programme_id, stage, day, delta)
    SELECT m.programme_id, OLD.stage, substr(d.at, 1, 10), d.delta
    FROM matches m, (SELECT OLD.changed_at AS at, -1 AS delta
                     UNION ALL SELECT OLD.ended_at, 1) d
    WHERE m.id = OLD.match_id AND d.at IS NOT NULL;
END;

-- (Not when the whole programme goes: its rows go with it.)
CREATE TRIGGER stage_day_deltas_match_delete BEFORE DELETE ON matches
WHEN EXISTS (SELECT 1 FROM programmes WHERE id = OLD.programme_id)
BEGIN
    INSERT INTO stage_day_deltas (programme_id, stage, day, delta)
    SELECT OLD.programme_id, d.stage, substr(d.at, 1, 10), SUM(d.delta)
    FROM (SELECT stage, changed_at AS at, -1 AS delta FROM match_stage_changes
          WHERE match_id = OLD.id AND stage <> 'closed'
          UNION ALL
          SELECT stage, ended_at, 1 FROM match_stage_changes
          WHERE match_id = OLD.id AND stage <> 'closed' AND ended_at IS NOT NULL) d
    GROUP BY d.stage, substr(d.at, 1, 10);
END;

-- The history so far.
INSERT INTO stage_day_deltas (programme_id, stage, day, delta)
SELECT m.programme_id, d.stage, d.day, SUM(d.delta)
FROM (SELECT match_id, stage, substr(changed_at, 1, 10) AS day, 1 AS delta
      FROM match_stage_changes WHERE stage <> 'closed'
      UNION ALL
      SELECT match_id, stage, substr(ended_at, 1, 10), -1
      FROM match_stage_changes WHERE stage <> 'closed' AND ended_at IS NOT NULL) d
JOIN matches m ON m.id = d.match_id
GROUP BY m.programme_id, d.stage, d.day;
