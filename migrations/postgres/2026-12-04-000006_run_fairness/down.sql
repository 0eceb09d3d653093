ALTER TABLE matching_runs DROP COLUMN fairness;
