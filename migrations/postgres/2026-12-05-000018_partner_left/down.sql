ALTER TABLE participants DROP COLUMN partner_left_at;
