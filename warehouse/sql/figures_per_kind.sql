-- The demo's summary: figures per kind, and the sums an analyst would report (asserted,
-- incident figures not contained in another one; cumulative totals beside them).
SELECT kind,
       count(*) AS figures,
       sum(best) FILTER (WHERE part_of IS NULL AND NOT cumulative AND modality = 'asserted') AS incident_total,
       sum(best) FILTER (WHERE part_of IS NULL AND cumulative AND modality = 'asserted') AS cumulative_total
FROM figures
GROUP BY kind
ORDER BY figures DESC, kind;
