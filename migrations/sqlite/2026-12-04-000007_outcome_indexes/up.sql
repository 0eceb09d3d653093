-- What the outcomes' aggregates (src/db/outcomes.rs) read, in indexes they can answer from
-- without reading the wide participant and check-in rows. The first language a person listed is
-- a generated column so that both backends group by the same name.
ALTER TABLE participants ADD COLUMN main_language TEXT
    GENERATED ALWAYS AS (json_extract(languages, '$[0].code')) VIRTUAL;
CREATE INDEX participants_outcomes
    ON participants(programme_id, status, confirmed_at, role, gender, birth_year, area, main_language);
CREATE INDEX checkins_answers
    ON checkins(participant_id, answered_at, going, side, belonging, conversation);
