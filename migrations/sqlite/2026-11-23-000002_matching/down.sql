DROP TABLE audit_log;
DROP TABLE login_attempts;
DROP TABLE coordinator_sessions;
DROP TABLE volunteer_readiness;
DROP TABLE pair_rules;
DROP TABLE matches;
DROP TABLE matching_runs;
