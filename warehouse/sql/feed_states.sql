SELECT feed_id, etag, last_modified, body_sha256 FROM feeds;
