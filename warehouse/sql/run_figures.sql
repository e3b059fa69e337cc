-- Figures a run loaded, by kind and country: how many, and the total an analyst would sum
-- (asserted, not part of another figure, not cumulative).
SELECT kind, coalesce(country_iso3, '-') AS country, count(*) AS figures,
       sum(coalesce(people, best)) FILTER (WHERE modality = 'asserted' AND part_of IS NULL AND NOT cumulative) AS total
FROM figures
WHERE load_id = $run_id
GROUP BY ALL
ORDER BY figures DESC, kind, country;
