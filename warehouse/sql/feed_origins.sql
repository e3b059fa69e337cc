-- The site each feed's entries mostly link to (scheme and host): where a refetch backfill looks
-- for robots.txt and sitemaps when the feed list names none.
SELECT feed_id, origin
FROM (
    SELECT feed_id, regexp_extract(canonical_url, '^(https?://[^/]+)', 1) AS origin, count(*) AS entries
    FROM feed_entries
    GROUP BY ALL
)
QUALIFY row_number() OVER (PARTITION BY feed_id ORDER BY entries DESC, origin) = 1;
