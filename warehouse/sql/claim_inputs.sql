-- Top-level figures with reviews applied, as the claim builder takes them: the article's
-- cluster and outlet, and its publication day for figures without an event date.
SELECT r.figure_id, r.article_key, coalesce(a.cluster_id, a.article_key) AS cluster_id,
       coalesce(a.site_name, a.feed_id) AS source, r.kind_class, r.kind, r."group", r.unit, r.cumulative,
       r.modality, r.country_iso3, r.place,
       coalesce(r.event_date_start, CAST(a.published_at AS DATE)) AS day_start,
       coalesce(r.event_date_end, r.event_date_start, CAST(a.published_at AS DATE)) AS day_end,
       r.low, r.best, r.high, r.figure_index, r.people, r.context, r.reviewed, a.fetched_at,
       CAST(a.published_at AS DATE) AS published_on
FROM reviewed_figures AS r
JOIN articles AS a USING (article_key)
WHERE r.part_of IS NULL AND NOT r.rejected;
