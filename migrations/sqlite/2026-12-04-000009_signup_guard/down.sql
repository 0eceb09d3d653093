DROP TABLE service_keys;
DROP TABLE signup_mails;
DROP TABLE signup_attempts;
