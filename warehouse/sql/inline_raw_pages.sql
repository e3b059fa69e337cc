-- The next pages still held inside the warehouse (stored before migration 0009), in digest
-- order after $after, with a URL that led to them for the archive record.
SELECT r.sha256, r.content_type, r.gz, r.fetched_at,
       coalesce((SELECT min(a.url) FROM articles AS a WHERE a.raw_sha256 = r.sha256), 'urn:sha256:' || r.sha256)
FROM raw_pages AS r
WHERE r.warc_file IS NULL AND r.sha256 > $after
ORDER BY r.sha256
LIMIT $limit;
