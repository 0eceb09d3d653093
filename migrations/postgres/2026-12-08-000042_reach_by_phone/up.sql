-- People who have no email: a phone number only (stored in E.164), or neither for someone a
-- coordinator adds from a paper form. Email becomes optional (UNIQUE still holds for those who
-- give one; NULLs do not collide). A programme may name the country its local numbers belong to.
ALTER TABLE participants ALTER COLUMN email DROP NOT NULL;
CREATE INDEX participants_by_phone ON participants(programme_id, phone);
ALTER TABLE programmes ADD COLUMN phone_region TEXT;
