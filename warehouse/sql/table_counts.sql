SELECT (SELECT count(*) FROM articles) AS articles,
       (SELECT count(*) FROM url_aliases) AS aliases,
       (SELECT count(*) FROM raw_pages) AS raw_pages,
       (SELECT count(*) FROM ingest_errors WHERE resolved_at IS NULL) AS open_errors;
