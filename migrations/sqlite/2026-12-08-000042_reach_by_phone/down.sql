-- Back to email required: people without one are deleted first, while the foreign keys still
-- cascade to their rows.
DELETE FROM participants WHERE email IS NULL;
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE participants_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    message_language TEXT NOT NULL,
    role TEXT NOT NULL,
    volunteer BOOLEAN NOT NULL,
    capacity INTEGER NOT NULL,
    birth_year INTEGER,
    gender TEXT,
    languages TEXT NOT NULL,
    practise_languages TEXT NOT NULL,
    interests TEXT NOT NULL,
    availability INTEGER NOT NULL,
    area TEXT,
    max_travel_km INTEGER NOT NULL,
    online_ok BOOLEAN NOT NULL,
    household_adults INTEGER NOT NULL,
    household_children INTEGER NOT NULL,
    is_minor BOOLEAN NOT NULL,
    pref_buddy_gender TEXT,
    pref_family BOOLEAN NOT NULL,
    pref_age_min INTEGER,
    pref_age_max INTEGER,
    pref_outside_language_community BOOLEAN NOT NULL,
    share_domains TEXT NOT NULL,
    learn_domains TEXT NOT NULL,
    safeguarding_cleared BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL,
    confirmed_at TIMESTAMP,
    waiting_since TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    main_language TEXT GENERATED ALWAYS AS (json_extract(languages, '$[0].code')) VIRTUAL,
    partner_left_at TIMESTAMP,
    UNIQUE (programme_id, email)
);
INSERT INTO participants_new (id, programme_id, first_name, last_name, email, phone, message_language, role, volunteer, capacity, birth_year, gender, languages, practise_languages, interests, availability, area, max_travel_km, online_ok, household_adults, household_children, is_minor, pref_buddy_gender, pref_family, pref_age_min, pref_age_max, pref_outside_language_community, share_domains, learn_domains, safeguarding_cleared, status, confirmed_at, waiting_since, created_at, updated_at, partner_left_at) SELECT id, programme_id, first_name, last_name, email, phone, message_language, role, volunteer, capacity, birth_year, gender, languages, practise_languages, interests, availability, area, max_travel_km, online_ok, household_adults, household_children, is_minor, pref_buddy_gender, pref_family, pref_age_min, pref_age_max, pref_outside_language_community, share_domains, learn_domains, safeguarding_cleared, status, confirmed_at, waiting_since, created_at, updated_at, partner_left_at FROM participants;
DROP TABLE participants;
ALTER TABLE participants_new RENAME TO participants;
CREATE INDEX participants_programme_status ON participants(programme_id, status);
CREATE INDEX participants_by_gender ON participants(programme_id, status, role, gender, confirmed_at);
CREATE INDEX participants_by_birth_year
    ON participants(programme_id, status, role, birth_year, confirmed_at);
CREATE INDEX participants_by_area ON participants(programme_id, status, role, area, confirmed_at);
CREATE INDEX participants_by_main_language
    ON participants(programme_id, status, role, main_language, confirmed_at);
ALTER TABLE programmes DROP COLUMN phone_region;
COMMIT;
PRAGMA foreign_keys = ON;
