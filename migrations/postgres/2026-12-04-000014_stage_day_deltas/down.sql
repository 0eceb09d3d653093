DROP TRIGGER stage_day_deltas_match_delete ON matches;
DROP FUNCTION stage_day_deltas_match_delete();
DROP TRIGGER stage_day_deltas_update ON match_stage_changes;
DROP TRIGGER stage_day_deltas_insert_delete ON match_stage_changes;
DROP FUNCTION stage_day_deltas_keep();
DROP FUNCTION stage_day_deltas_of(INTEGER, TEXT, TIMESTAMP, TIMESTAMP, INTEGER);
DROP TABLE stage_day_deltas;
