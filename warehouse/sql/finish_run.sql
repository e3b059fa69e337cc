UPDATE runs SET
    finished_at = $now, status = $status, feeds_checked = $feeds_checked,
    feeds_unchanged = $feeds_unchanged, feeds_failed = $feeds_failed, entries_new = $entries_new,
    pages_fetched = $pages_fetched, articles_new = $articles_new, figures_new = $figures_new, errors = $errors,
    counts = $counts
WHERE run_id = $run_id;
