-- The latest running or period total per country and kind ("the conflict has killed 3,000 since
-- April"), with its date and source: reported beside the daily totals, never added to them.
CREATE OR REPLACE VIEW cumulative_reports AS
SELECT r.country_iso3, r.kind, r.kind_class, r.best, r.low, r.high, r.event_date_start, r.event_date_end,
       CAST(a.published_at AS DATE) AS reported_on, a.site_name, a.url, r.sentence, r.figure_id, r.article_key
FROM reviewed_figures AS r
JOIN articles AS a USING (article_key)
WHERE r.cumulative AND NOT r.rejected AND r.part_of IS NULL AND r.modality = 'asserted'
QUALIFY row_number() OVER (PARTITION BY r.country_iso3, r.kind
                           ORDER BY a.published_at DESC NULLS LAST, r.best DESC) = 1;
