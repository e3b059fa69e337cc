-- Articles reached through each feed (an article syndicated in two feeds counts in both;
-- the total line counts it once).
SELECT f.feed_id,
       count(DISTINCT e.entry_key) AS entries,
       count(DISTINCT coalesce(a.article_key, u.article_key)) AS articles
FROM feeds AS f
LEFT JOIN feed_entries AS e ON e.feed_id = f.feed_id
LEFT JOIN articles AS a ON a.article_key = e.entry_key
LEFT JOIN url_aliases AS u ON u.alias_key = e.entry_key
GROUP BY f.feed_id
ORDER BY f.feed_id;
