-- The bodies are gone for good.
SELECT 1;
