-- One row per (stage, URL); a repeat failure counts another attempt (a run) and reopens the row;
-- `tries` keeps the HTTP attempts within the last run.
INSERT INTO ingest_errors BY NAME
SELECT stage, url_key, url, feed_id, kind, reason, http_status, raw_sha256, 1 AS attempts,
       $now AS first_seen_at, $now AS last_seen_at, $run_id AS last_run_id, NULL AS resolved_at, tries
FROM incoming
ON CONFLICT (stage, url_key) DO UPDATE SET
    url = excluded.url,
    kind = excluded.kind,
    reason = excluded.reason,
    http_status = excluded.http_status,
    raw_sha256 = coalesce(excluded.raw_sha256, ingest_errors.raw_sha256),
    attempts = ingest_errors.attempts + 1,
    tries = excluded.tries,
    last_seen_at = excluded.last_seen_at,
    last_run_id = excluded.last_run_id,
    resolved_at = NULL;
