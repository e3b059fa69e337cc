SELECT coalesce(event_date_start, CAST(first_seen AS DATE)) AS date, * FROM figure_claims;
