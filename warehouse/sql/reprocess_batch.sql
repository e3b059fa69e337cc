-- The next batch of one day's out-of-date articles, in key order after $after, with where their
-- raw page is and their figure count: what a reprocess backfill extracts again without the network.
SELECT a.article_key, a.url, a.feed_id, a.published_at, a.date_source, a.text_sha256, r.gz, r.fetched_at,
       a.raw_sha256, (SELECT count(*) FROM figures AS f WHERE f.article_key = a.article_key) AS figures,
       r.content_type, r.warc_file, r.warc_offset, r.warc_length
FROM articles AS a
JOIN raw_pages AS r ON r.sha256 = a.raw_sha256
WHERE a.published_at >= $day AND a.published_at < $day + INTERVAL 1 DAY
  AND ($any_feed OR a.feed_id IN (SELECT unnest($feeds)))
  AND (a.extractor <> $extractor OR a.extractor_version <> $article_version
       OR a.figures_version IS DISTINCT FROM $figures_version)
  AND a.article_key > $after
ORDER BY a.article_key
LIMIT $limit;
