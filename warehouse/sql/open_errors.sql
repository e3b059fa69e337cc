SELECT stage, kind, coalesce(CAST(http_status AS VARCHAR), '') AS http_status, url, reason, attempts
FROM ingest_errors
WHERE resolved_at IS NULL
ORDER BY stage, url;
