-- The run next to first come, first served on the same cohort, with unmatched rates per group
-- (JSON, see src/matching_runs/fairness.rs); NULL for runs made before it was kept.
ALTER TABLE matching_runs ADD COLUMN fairness TEXT;
