INSERT INTO runs (run_id, flow_run_id, started_at, status, flow, parameters, host, pid)
VALUES ($run_id, $flow_run_id, $now, 'running', $flow, $parameters, $host, $pid);
