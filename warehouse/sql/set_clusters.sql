UPDATE articles SET cluster_id = incoming.cluster_id
FROM incoming WHERE articles.article_key = incoming.article_key;
