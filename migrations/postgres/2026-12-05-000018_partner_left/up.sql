-- When a buddy of theirs erased their data: the match went with them, and the person's own page
-- says it has ended (src/introductions/my_data.rs).
ALTER TABLE participants ADD COLUMN partner_left_at TIMESTAMP;
