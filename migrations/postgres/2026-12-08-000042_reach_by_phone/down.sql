DELETE FROM participants WHERE email IS NULL;
DROP INDEX participants_by_phone;
ALTER TABLE participants ALTER COLUMN email SET NOT NULL;
ALTER TABLE programmes DROP COLUMN phone_region;
