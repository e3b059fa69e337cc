-- A poll's outcome: HTTP state, success and failure counts, and whether the feed is gone. A feed
-- is dead after $dead_after_gone polls in a row answered 410, or after 404s (with nothing but
-- failures between them) for $dead_after_missing_days days; a dead feed is polled again after
-- $dead_poll_days days, and any success makes it active again.
UPDATE feeds SET
    etag = n.etag,
    last_modified = n.last_modified,
    body_sha256 = n.body_sha256,
    format = coalesce(n.format, feeds.format),
    parse_problem = CASE WHEN n.outcome = 'changed' THEN n.problem ELSE feeds.parse_problem END,
    last_checked_at = n.checked_at,
    last_success_at = CASE WHEN n.outcome <> 'failed' THEN n.checked_at ELSE feeds.last_success_at END,
    last_changed_at = CASE WHEN n.outcome = 'changed' THEN n.checked_at ELSE feeds.last_changed_at END,
    failure_count = CASE WHEN n.outcome = 'failed' THEN feeds.failure_count + 1 ELSE 0 END,
    last_error = CASE WHEN n.outcome = 'failed' THEN n.error ELSE NULL END,
    last_status = CASE WHEN n.outcome = 'failed' THEN n.http_status ELSE NULL END,
    entries_last_seen = CASE WHEN n.outcome = 'changed' THEN n.entries ELSE feeds.entries_last_seen END,
    gone_count = n.gone_count,
    missing_since = n.missing_since,
    status = CASE WHEN n.dead THEN 'dead' ELSE 'active' END,
    dead_since = CASE WHEN n.dead THEN coalesce(feeds.dead_since, n.checked_at) END,
    next_check_at = CASE WHEN n.dead THEN n.checked_at + to_days(CAST($dead_poll_days AS INTEGER)) END
FROM (
    SELECT *,
           gone_count >= $dead_after_gone
           OR missing_since <= checked_at - to_days(CAST($dead_after_missing_days AS INTEGER)) AS dead
    FROM (
        SELECT i.*,
               CASE WHEN i.outcome <> 'failed' THEN 0
                    WHEN i.http_status = 410 THEN coalesce(f.gone_count, 0) + 1
                    ELSE coalesce(f.gone_count, 0) END AS gone_count,
               CASE WHEN i.outcome <> 'failed' THEN NULL
                    WHEN i.http_status = 404 THEN coalesce(f.missing_since, i.checked_at)
                    ELSE f.missing_since END AS missing_since
        FROM incoming AS i JOIN feeds AS f USING (feed_id)
    )
) AS n
WHERE feeds.feed_id = n.feed_id;
