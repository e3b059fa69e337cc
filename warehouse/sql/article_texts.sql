-- Stored articles to (re-)extract figures from, in key order, one page at a time.
SELECT article_key, text, CAST(published_at AS DATE) AS published
FROM articles
WHERE article_key > $after
ORDER BY article_key
LIMIT $limit;
