-- Figures with analysts' reviews applied: a reviewed value replaces the extracted one, and a
-- rejected figure is flagged (every view after this one leaves it out).
CREATE OR REPLACE VIEW reviewed_figures AS
SELECT f.article_key, f.figure_index, f.figure_id,
       coalesce(r.kind, f.kind) AS kind,
       CASE coalesce(r.kind, f.kind)
           WHEN 'killed' THEN 'deaths' WHEN 'injured' THEN 'injuries' WHEN 'casualties' THEN 'casualties'
           WHEN 'missing' THEN 'missing' WHEN 'abducted' THEN 'abducted' WHEN 'detained' THEN 'detained'
           WHEN 'returned' THEN 'returns' WHEN 'housing_destroyed' THEN 'housing'
           ELSE 'displacement' END AS kind_class,
       coalesce(r."group", f."group") AS "group", f.unit,
       CASE WHEN r.best IS NOT NULL THEN coalesce(r.low, r.best) ELSE f.low END AS low,
       coalesce(r.best, f.best) AS best,
       CASE WHEN r.best IS NOT NULL THEN coalesce(r.high, r.best) ELSE f.high END AS high,
       CASE f.unit WHEN 'person' THEN coalesce(r.best, f.best)
                   WHEN 'household' THEN CAST(round(coalesce(r.best, f.best) * f.household_size) AS BIGINT)
       END AS people,
       f.qualifier, f.number_text, f.start_offset, f.end_offset, f.sentence, f.part_of, f.cumulative,
       f.modality, f.event_date_start, f.event_date_end, f.date_precision,
       coalesce(r.place, f.place) AS place, coalesce(r.country_iso3, f.country_iso3) AS country_iso3,
       f.admin1, f.latitude, f.longitude, f.geo_precision, f.household_size, f.context, f.kind_rule,
       f.extractor_version,
       r.article_key IS NOT NULL AS reviewed, coalesce(r.rejected, false) AS rejected, r.note AS review_note
FROM figures AS f
LEFT JOIN figure_reviews AS r
       ON r.article_key = f.article_key AND r.start_offset = f.start_offset AND r.end_offset = f.end_offset
      AND r.number_text = f.number_text;
