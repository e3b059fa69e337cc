-- Figures to insert (an article's old ones are deleted first by delete_figures.sql when it had any).
INSERT INTO figures BY NAME
SELECT article_key, figure_index, kind, "group", unit, low, best, high, qualifier, number_text,
       start_offset, end_offset, sentence, part_of, cumulative, modality, event_date_start,
       event_date_end, date_precision, place, country_iso3, latitude, longitude, extractor_version,
       admin1, geo_precision, people, household_size, household_size_source, context, kind_rule, figure_id,
       $load_id AS load_id, $now AS extracted_at
FROM incoming;
