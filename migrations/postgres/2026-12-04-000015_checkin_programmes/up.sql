-- The programme of each check-in (its match's), so that the outcomes' answer figures read one
-- range of an index per programme instead of joining all the programme's participants
-- (src/db/outcomes.rs). A trigger fills it in for every writer.
ALTER TABLE checkins ADD COLUMN programme_id INTEGER;
UPDATE checkins c SET programme_id = m.programme_id FROM matches m WHERE m.id = c.match_id;
CREATE FUNCTION checkins_programme() RETURNS trigger AS $$
BEGIN
    IF NEW.programme_id IS NULL THEN
        SELECT m.programme_id INTO NEW.programme_id FROM matches m WHERE m.id = NEW.match_id;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER checkins_programme BEFORE INSERT ON checkins
    FOR EACH ROW EXECUTE FUNCTION checkins_programme();
DROP INDEX checkins_latest_going;
DROP INDEX checkins_latest_belonging;
DROP INDEX checkins_latest_conversation;
CREATE INDEX checkins_latest_going ON checkins(programme_id, going_next_at, answered_at, side, going)
    WHERE going IS NOT NULL;
CREATE INDEX checkins_latest_belonging ON checkins(programme_id, belonging_next_at, answered_at,
    belonging, belonging_first, belonging_first_at) WHERE belonging IS NOT NULL AND side = 'seeker';
CREATE INDEX checkins_latest_conversation ON checkins(programme_id, conversation_next_at,
    answered_at, conversation, conversation_first, conversation_first_at)
    WHERE conversation IS NOT NULL AND side = 'seeker';
