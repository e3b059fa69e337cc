-- Pages to fetch: entries that are not an article or an alias yet, and whose page has not
-- failed for good (a permanent failure, or temporary failures on $max_attempts runs); all of
-- them ($any_key) or only those of $keys (a backfill's range).
SELECT
    e.entry_key,
    arg_min(e.url, e.first_seen_at) AS url,
    arg_min(e.canonical_url, e.first_seen_at) AS canonical_url,
    arg_min(e.feed_id, e.first_seen_at) AS feed_id,
    max(e.published_at) AS feed_published_at
FROM feed_entries AS e
WHERE ($any_key OR e.entry_key IN (SELECT unnest($keys)))
  AND NOT EXISTS (SELECT 1 FROM articles AS a WHERE a.article_key = e.entry_key)
  AND NOT EXISTS (SELECT 1 FROM url_aliases AS u WHERE u.alias_key = e.entry_key)
  AND NOT EXISTS (
      SELECT 1 FROM ingest_errors AS x
      WHERE x.url_key = e.entry_key
        AND x.stage IN ('fetch', 'extract', 'load')
        AND x.resolved_at IS NULL
        AND (x.kind = 'permanent' OR x.attempts >= $max_attempts)
  )
GROUP BY e.entry_key
ORDER BY min(e.first_seen_at), e.entry_key
LIMIT $limit;
