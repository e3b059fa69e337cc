-- The contract's summing rule over claims: per day, country, kind class and group, the sum of
-- asserted, non-cumulative claims (each counted once however many outlets report it), households
-- converted to people. Texts about neither conflict nor disaster are left out.
CREATE OR REPLACE VIEW daily_totals AS
SELECT CASE WHEN event_date_start IS NOT NULL AND event_date_start = event_date_end THEN event_date_start
            ELSE coalesce(published_on, CAST(first_seen AS DATE)) END AS day,
       country_iso3, kind_class, "group",
       sum(CASE WHEN unit = 'dwelling' THEN best ELSE people END) AS total,
       count(*) AS claims,
       count(*) FILTER (WHERE unit = 'household' AND people IS NULL) AS households_without_size,
       max(sources) AS most_sources
FROM claims
WHERE modality = 'asserted' AND NOT cumulative AND coalesce(context, 'conflict') <> 'other'
GROUP BY ALL;
