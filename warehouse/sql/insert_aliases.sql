INSERT INTO url_aliases
SELECT alias_key, alias_url, article_key, reason, $now AS created_at FROM incoming
ON CONFLICT DO NOTHING;
