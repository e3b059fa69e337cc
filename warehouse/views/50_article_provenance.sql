-- Every figure with the sentence, article, feed and raw page it came from, one join away.
CREATE OR REPLACE VIEW article_provenance AS
SELECT f.figure_id, f.kind, f.best, f.number_text, f.sentence, f.start_offset, f.end_offset,
       a.article_key, a.title, a.url, a.canonical_url, a.site_name, a.published_at, a.date_source,
       a.cluster_id, a.feed_id, fd.url AS feed_url, a.raw_sha256, a.fetched_at, a.extractor,
       f.extractor_version, f.kind_rule, cf.claim_id
FROM figures AS f
JOIN articles AS a USING (article_key)
LEFT JOIN feeds AS fd ON fd.feed_id = a.feed_id
LEFT JOIN claim_figures AS cf ON cf.article_key = f.article_key AND cf.figure_index = f.figure_index;
