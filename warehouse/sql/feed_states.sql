SELECT feed_id, etag, last_modified, body_sha256, status, next_check_at FROM feeds;
