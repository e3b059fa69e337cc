-- Operations: which flow made a run, with which parameters and what it counted; how an entry
-- was discovered (the feed, or a sitemap during a refetch backfill); and which figure extractor
-- last read each article, so a reprocess backfill knows what is out of date.

ALTER TABLE runs ADD COLUMN flow VARCHAR;             -- daily-ingest | backfill
ALTER TABLE runs ADD COLUMN parameters JSON;          -- the flow run's parameters
ALTER TABLE runs ADD COLUMN counts JSON;              -- every count the run kept

ALTER TABLE feed_entries ADD COLUMN via VARCHAR DEFAULT 'feed';  -- feed | sitemap

ALTER TABLE articles ADD COLUMN figures_version VARCHAR;         -- EXTRACTOR_VERSION of its figures
UPDATE articles SET figures_version = (
    SELECT min(f.extractor_version) FROM figures AS f WHERE f.article_key = articles.article_key
);
