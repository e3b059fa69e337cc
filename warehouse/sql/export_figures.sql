-- Figures with reviews applied (rejected ones left out) and their article, for the Parquet export.
SELECT coalesce(r.event_date_start, CAST(a.published_at AS DATE)) AS date, r.* EXCLUDE (rejected),
       a.title, a.url, a.site_name, a.published_at, a.feed_id, a.cluster_id, cf.claim_id
FROM reviewed_figures AS r
JOIN articles AS a USING (article_key)
LEFT JOIN claim_figures AS cf ON cf.article_key = r.article_key AND cf.figure_index = r.figure_index
WHERE NOT r.rejected;
