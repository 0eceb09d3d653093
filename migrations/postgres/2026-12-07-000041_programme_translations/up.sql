-- Names of the programme, its areas and its extra interests per interface language (JSON, see
-- src/domain/programme/translations.rs); '{}' means none: pages fall back to the programme's own names.
ALTER TABLE programmes ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
