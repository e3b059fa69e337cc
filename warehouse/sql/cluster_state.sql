-- Every signature with its article's cluster (null for articles not clustered yet), in the
-- order articles arrived.
SELECT s.article_key, s.signature, s.shingles, a.cluster_id
FROM article_signatures AS s JOIN articles AS a USING (article_key)
ORDER BY a.fetched_at, a.article_key;
