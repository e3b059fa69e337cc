-- One row per claim: the figure however many articles and outlets report it, with the
-- sentences and articles it was read from.
CREATE OR REPLACE VIEW figure_claims AS
SELECT c.claim_id, c.kind_class, c.kind, c."group", c.unit, c.country_iso3, c.place, c.event_date_start,
       c.event_date_end, c.low, c.best, c.high, c.people, c.cumulative, c.modality, c.context, c.sources,
       c.articles, c.reviewed, c.published_on, c.first_seen, c.last_seen,
       list(DISTINCT f.sentence ORDER BY f.sentence) AS sentences,
       list(DISTINCT cf.article_key ORDER BY cf.article_key) AS article_keys
FROM claims AS c
JOIN claim_figures AS cf USING (claim_id)
JOIN figures AS f ON f.article_key = cf.article_key AND f.figure_index = cf.figure_index
GROUP BY ALL;
