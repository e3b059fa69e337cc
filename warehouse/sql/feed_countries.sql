-- The country each feed covers (feeds.toml `country`), for figures whose text names no place.
SELECT feed_id, country_iso3 FROM feeds WHERE country_iso3 IS NOT NULL;
