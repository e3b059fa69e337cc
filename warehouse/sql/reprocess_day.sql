-- How many articles a reprocess backfill finds on one publication day (UTC), and how many of
-- them were extracted by another extractor than the current one.
SELECT count(*) AS articles,
       count(*) FILTER (WHERE extractor <> $extractor OR extractor_version <> $article_version
                        OR figures_version IS DISTINCT FROM $figures_version) AS stale
FROM articles
WHERE published_at >= $day AND published_at < $day + INTERVAL 1 DAY
  AND ($any_feed OR feed_id IN (SELECT unnest($feeds)));
