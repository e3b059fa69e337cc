SELECT run_id, host, pid, started_at FROM runs WHERE status = 'running';
