-- Errors a run met and left open, by stage and kind, with one example reason.
SELECT stage, kind, count(*) AS errors, min(reason) AS example
FROM ingest_errors
WHERE last_run_id = $run_id AND resolved_at IS NULL
GROUP BY ALL
ORDER BY stage, kind;
