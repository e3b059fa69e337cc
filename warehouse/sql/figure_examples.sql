SELECT f.kind, f."group", f.best, f.qualifier, f.number_text,
       coalesce(f.place || ', ', '') || coalesce(f.country_iso3, '?') AS place,
       coalesce(CAST(f.event_date_start AS VARCHAR) || ' (' || f.date_precision || ')', '') AS event_date,
       f.sentence
FROM figures AS f JOIN articles AS a USING (article_key)
ORDER BY a.published_at DESC, f.article_key, f.figure_index
LIMIT $limit;
