DROP INDEX checkins_latest_conversation;
DROP INDEX checkins_latest_belonging;
DROP INDEX checkins_latest_going;
DROP TRIGGER checkins_programme;
ALTER TABLE checkins DROP COLUMN programme_id;
CREATE INDEX checkins_latest_going ON checkins(going_next_at, answered_at, participant_id, side, going)
    WHERE going IS NOT NULL;
CREATE INDEX checkins_latest_belonging ON checkins(belonging_next_at, answered_at, participant_id,
    belonging, belonging_first, belonging_first_at) WHERE belonging IS NOT NULL AND side = 'seeker';
CREATE INDEX checkins_latest_conversation ON checkins(conversation_next_at, answered_at,
    participant_id, conversation, conversation_first, conversation_first_at)
    WHERE conversation IS NOT NULL AND side = 'seeker';
