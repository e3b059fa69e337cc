UPDATE feeds SET
    etag = incoming.etag,
    last_modified = incoming.last_modified,
    body_sha256 = incoming.body_sha256,
    format = coalesce(incoming.format, feeds.format),
    parse_problem = CASE WHEN incoming.outcome = 'changed' THEN incoming.problem ELSE feeds.parse_problem END,
    last_checked_at = incoming.checked_at,
    last_success_at = CASE WHEN incoming.outcome <> 'failed' THEN incoming.checked_at ELSE feeds.last_success_at END,
    last_changed_at = CASE WHEN incoming.outcome = 'changed' THEN incoming.checked_at ELSE feeds.last_changed_at END,
    failure_count = CASE WHEN incoming.outcome = 'failed' THEN feeds.failure_count + 1 ELSE 0 END,
    last_error = CASE WHEN incoming.outcome = 'failed' THEN incoming.error ELSE NULL END,
    entries_last_seen = CASE WHEN incoming.outcome = 'changed' THEN incoming.entries ELSE feeds.entries_last_seen END
FROM incoming
WHERE feeds.feed_id = incoming.feed_id;
