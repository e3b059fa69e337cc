INSERT INTO articles
SELECT article_key, canonical_url, url, feed_id, title, author, site_name, language, published_at,
       date_source, text, text_sha256, raw_sha256, extractor, extractor_version, fetched_at,
       $run_id AS run_id
FROM incoming
ON CONFLICT DO NOTHING;
