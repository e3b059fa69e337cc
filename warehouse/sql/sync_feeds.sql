-- The feed list is the source of truth for a feed's URL, tags and country; HTTP state stays.
INSERT INTO feeds (feed_id, url, tags, country_iso3)
SELECT feed_id, url, tags, country_iso3 FROM incoming
ON CONFLICT (feed_id) DO UPDATE SET
    url = excluded.url,
    tags = excluded.tags,
    country_iso3 = excluded.country_iso3,
    -- a new URL is a new resource: its validators and body hash no longer apply
    etag = CASE WHEN feeds.url = excluded.url THEN feeds.etag END,
    last_modified = CASE WHEN feeds.url = excluded.url THEN feeds.last_modified END,
    body_sha256 = CASE WHEN feeds.url = excluded.url THEN feeds.body_sha256 END;
