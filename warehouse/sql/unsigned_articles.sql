-- Articles that have no MinHash signature yet, oldest first (so clusters start at the first copy).
SELECT a.article_key, a.text
FROM articles AS a ANTI JOIN article_signatures AS s USING (article_key)
ORDER BY a.fetched_at, a.article_key;
