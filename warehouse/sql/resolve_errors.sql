-- A later success closes the open errors of the same URL at the given stages.
UPDATE ingest_errors SET resolved_at = $now
WHERE resolved_at IS NULL
  AND stage IN (SELECT unnest($stages))
  AND url_key IN (SELECT url_key FROM incoming);
