SELECT count(*) FROM feed_entries;
