-- Resilience: retries within a run beside the runs across days, the process that owns a run
-- (so a killed run is found and marked abandoned), and feeds that are gone (Media Cloud's
-- soft / hard failure model: a feed answering 410, or 404 for days, is polled rarely).

ALTER TABLE ingest_errors ADD COLUMN tries INTEGER;     -- HTTP attempts within the last run that met it

ALTER TABLE runs ADD COLUMN host VARCHAR;               -- machine and process running it
ALTER TABLE runs ADD COLUMN pid INTEGER;

ALTER TABLE feeds ADD COLUMN status VARCHAR DEFAULT 'active';   -- active | dead
ALTER TABLE feeds ADD COLUMN dead_since TIMESTAMPTZ;
ALTER TABLE feeds ADD COLUMN gone_count INTEGER DEFAULT 0;      -- consecutive polls answered 410
ALTER TABLE feeds ADD COLUMN missing_since TIMESTAMPTZ;         -- first poll of an unbroken run of 404s
ALTER TABLE feeds ADD COLUMN last_status INTEGER;               -- HTTP status of the last failed poll
ALTER TABLE feeds ADD COLUMN next_check_at TIMESTAMPTZ;         -- a dead feed's next poll
UPDATE feeds SET status = 'active', gone_count = 0;
