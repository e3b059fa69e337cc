-- Every feed's state, failing and dead ones first: what an operator looks at first.
SELECT feed_id, status, last_success_at, failure_count, last_status, last_error, next_check_at,
       entries_last_seen
FROM feeds
ORDER BY status = 'active', failure_count DESC, feed_id;
