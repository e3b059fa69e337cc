-- Per feed, what an operator looks at first: its state, its last success, how many failures in
-- a row, what it brought in over the last 7 and 30 days, and which errors are still open.
CREATE OR REPLACE VIEW feed_health AS
WITH recent AS (
    SELECT a.feed_id,
           count(*) FILTER (WHERE a.fetched_at >= now() - INTERVAL 7 DAY) AS articles_7d,
           count(*) FILTER (WHERE a.fetched_at >= now() - INTERVAL 30 DAY) AS articles_30d
    FROM articles AS a GROUP BY a.feed_id
), figured AS (
    SELECT a.feed_id,
           count(*) FILTER (WHERE a.fetched_at >= now() - INTERVAL 7 DAY) AS figures_7d,
           count(*) FILTER (WHERE a.fetched_at >= now() - INTERVAL 30 DAY) AS figures_30d
    FROM figures AS f JOIN articles AS a USING (article_key) GROUP BY a.feed_id
), errors AS (
    SELECT feed_id, count(*) AS open_errors,
           list(DISTINCT stage || ':' || kind ORDER BY stage || ':' || kind) AS error_kinds
    FROM ingest_errors WHERE resolved_at IS NULL GROUP BY feed_id
)
SELECT fd.feed_id, fd.url, fd.status, fd.last_checked_at, fd.last_success_at,
       fd.failure_count AS consecutive_failures, fd.last_error,
       coalesce(r.articles_7d, 0) AS articles_7d, coalesce(r.articles_30d, 0) AS articles_30d,
       coalesce(g.figures_7d, 0) AS figures_7d, coalesce(g.figures_30d, 0) AS figures_30d,
       coalesce(e.open_errors, 0) AS open_errors, coalesce(e.error_kinds, []) AS error_kinds
FROM feeds AS fd
LEFT JOIN recent AS r USING (feed_id)
LEFT JOIN figured AS g USING (feed_id)
LEFT JOIN errors AS e USING (feed_id);
