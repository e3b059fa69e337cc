INSERT INTO articles BY NAME
SELECT article_key, canonical_url, url, feed_id, title, author, site_name, language, published_at,
       date_source, text, text_sha256, raw_sha256, extractor, extractor_version, fetched_at, context,
       context_confidence,
       $run_id AS run_id, $figures_version AS figures_version
FROM incoming
ON CONFLICT DO NOTHING;
