-- Runs whose process died before finishing: each batch they loaded is whole (one transaction a
-- batch), and what they did not do is still pending for the next run.
UPDATE runs SET status = 'abandoned', finished_at = $now WHERE run_id IN (SELECT unnest($run_ids));
