-- A reprocess backfill's new extraction of stored articles: text, metadata and versions change,
-- the key, URLs, feed and raw page stay.
UPDATE articles SET
    title = incoming.title,
    author = incoming.author,
    site_name = incoming.site_name,
    language = incoming.language,
    published_at = incoming.published_at,
    date_source = incoming.date_source,
    text = incoming.text,
    text_sha256 = incoming.text_sha256,
    extractor = incoming.extractor,
    extractor_version = incoming.extractor_version,
    figures_version = incoming.figures_version,
    context = incoming.context,
    context_confidence = incoming.context_confidence
FROM incoming
WHERE articles.article_key = incoming.article_key;
