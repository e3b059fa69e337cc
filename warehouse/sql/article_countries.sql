-- The country of the feed that led to each of these articles, where the feed list names one.
SELECT a.article_key, f.country_iso3
FROM articles AS a JOIN feeds AS f USING (feed_id)
WHERE f.country_iso3 IS NOT NULL AND a.article_key IN (SELECT unnest($keys));
