DROP INDEX checkins_answers;
DROP INDEX participants_outcomes;
ALTER TABLE participants DROP COLUMN main_language;
