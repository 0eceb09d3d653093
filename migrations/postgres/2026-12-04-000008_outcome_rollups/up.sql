-- Each answer knows when the same person next answered the same question, and each belonging
-- or conversation answer carries the person's first one; each stage entry knows when it ended.
-- "Not yet" is 9999-12-31 rather than NULL, so that "latest before a date" is one index range.
-- "Each person's latest answer in a period" and "the stage of every match at a date" are then
-- ranges of rows (src/db/outcomes.rs), not groupings of every answer or window functions.
-- Kept up to date by db::checkins::answer and db::continuum::record_stage_change.
ALTER TABLE checkins ADD COLUMN going_next_at TIMESTAMP;
ALTER TABLE checkins ADD COLUMN belonging_next_at TIMESTAMP;
ALTER TABLE checkins ADD COLUMN belonging_first INTEGER;
ALTER TABLE checkins ADD COLUMN belonging_first_at TIMESTAMP;
ALTER TABLE checkins ADD COLUMN conversation_next_at TIMESTAMP;
ALTER TABLE checkins ADD COLUMN conversation_first INTEGER;
ALTER TABLE checkins ADD COLUMN conversation_first_at TIMESTAMP;
ALTER TABLE match_stage_changes ADD COLUMN ended_at TIMESTAMP;
-- backfill (scripts/bench/outcomes.sh runs this part after its bulk insert)
UPDATE checkins SET going_next_at = COALESCE((
    SELECT MIN(n.answered_at) FROM checkins n WHERE n.participant_id = checkins.participant_id
    AND n.going IS NOT NULL AND n.answered_at > checkins.answered_at), '9999-12-31 00:00:00')
WHERE going IS NOT NULL AND answered_at IS NOT NULL;
UPDATE checkins SET belonging_next_at = COALESCE((
    SELECT MIN(n.answered_at) FROM checkins n WHERE n.participant_id = checkins.participant_id
    AND n.belonging IS NOT NULL AND n.side = 'seeker' AND n.answered_at > checkins.answered_at), '9999-12-31 00:00:00'),
  belonging_first_at = (
    SELECT MIN(n.answered_at) FROM checkins n WHERE n.participant_id = checkins.participant_id
    AND n.belonging IS NOT NULL AND n.side = 'seeker'),
  belonging_first = (
    SELECT n.belonging FROM checkins n WHERE n.participant_id = checkins.participant_id
    AND n.belonging IS NOT NULL AND n.side = 'seeker' AND n.answered_at IS NOT NULL
    ORDER BY n.answered_at, n.id LIMIT 1)
WHERE belonging IS NOT NULL AND side = 'seeker' AND answered_at IS NOT NULL;
UPDATE checkins SET conversation_next_at = COALESCE((
    SELECT MIN(n.answered_at) FROM checkins n WHERE n.participant_id = checkins.participant_id
    AND n.conversation IS NOT NULL AND n.side = 'seeker' AND n.answered_at > checkins.answered_at), '9999-12-31 00:00:00'),
  conversation_first_at = (
    SELECT MIN(n.answered_at) FROM checkins n WHERE n.participant_id = checkins.participant_id
    AND n.conversation IS NOT NULL AND n.side = 'seeker'),
  conversation_first = (
    SELECT n.conversation FROM checkins n WHERE n.participant_id = checkins.participant_id
    AND n.conversation IS NOT NULL AND n.side = 'seeker' AND n.answered_at IS NOT NULL
    ORDER BY n.answered_at, n.id LIMIT 1)
WHERE conversation IS NOT NULL AND side = 'seeker' AND answered_at IS NOT NULL;
UPDATE match_stage_changes SET ended_at = COALESCE((
    SELECT MIN(n.changed_at) FROM match_stage_changes n
    WHERE n.match_id = match_stage_changes.match_id
    AND (n.changed_at > match_stage_changes.changed_at
         OR (n.changed_at = match_stage_changes.changed_at AND n.id > match_stage_changes.id))), '9999-12-31 00:00:00');
CREATE INDEX checkins_latest_going ON checkins(going_next_at, answered_at, participant_id, side, going)
    WHERE going IS NOT NULL;
CREATE INDEX checkins_latest_belonging ON checkins(belonging_next_at, answered_at, participant_id,
    belonging, belonging_first, belonging_first_at) WHERE belonging IS NOT NULL AND side = 'seeker';
CREATE INDEX checkins_latest_conversation ON checkins(conversation_next_at, answered_at,
    participant_id, conversation, conversation_first, conversation_first_at)
    WHERE conversation IS NOT NULL AND side = 'seeker';
CREATE INDEX match_stage_changes_spans ON match_stage_changes(changed_at, ended_at, stage, match_id);
