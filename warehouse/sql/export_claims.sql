SELECT coalesce(event_date_start, published_on, CAST(first_seen AS DATE)) AS date, * FROM figure_claims;
