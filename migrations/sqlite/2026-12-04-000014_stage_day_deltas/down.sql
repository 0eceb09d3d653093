DROP TRIGGER stage_day_deltas_match_delete;
DROP TRIGGER stage_day_deltas_delete;
DROP TRIGGER stage_day_deltas_update;
DROP TRIGGER stage_day_deltas_insert;
DROP TABLE stage_day_deltas;
