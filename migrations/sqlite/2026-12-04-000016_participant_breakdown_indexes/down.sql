DROP INDEX participants_by_main_language;
DROP INDEX participants_by_area;
DROP INDEX participants_by_birth_year;
DROP INDEX participants_by_gender;
CREATE INDEX participants_outcomes
    ON participants(programme_id, status, confirmed_at, role, gender, birth_year, area, main_language);
