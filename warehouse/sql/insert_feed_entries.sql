-- An entry seen again (the feed still lists it, or a sitemap names it too) keeps its first sighting.
INSERT INTO feed_entries BY NAME
SELECT feed_id, entry_key, url, canonical_url, guid, title, summary, published_raw, published_at,
       $now AS first_seen_at, $run_id AS first_run_id, via
FROM incoming
QUALIFY row_number() OVER (PARTITION BY feed_id, entry_key ORDER BY position) = 1
ON CONFLICT DO NOTHING;
