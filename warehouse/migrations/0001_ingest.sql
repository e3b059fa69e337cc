-- Ingestion tables: feeds and their HTTP state, entries seen in feeds, raw pages, articles,
-- URL aliases, errors and runs. All timestamps are TIMESTAMPTZ in UTC.

CREATE TABLE feeds (
    feed_id            VARCHAR PRIMARY KEY,        -- the name in the feed list
    url                VARCHAR NOT NULL,
    tags               VARCHAR[],
    country_iso3       VARCHAR,
    etag               VARCHAR,
    last_modified      VARCHAR,
    body_sha256        VARCHAR,                    -- hash of the last body we parsed
    format             VARCHAR,                    -- rss20, atom10, rss10, json1, lenient-xml ...
    parse_problem      VARCHAR,                    -- what the parser complained about, if anything
    last_checked_at    TIMESTAMPTZ,
    last_success_at    TIMESTAMPTZ,
    last_changed_at    TIMESTAMPTZ,
    failure_count      INTEGER NOT NULL DEFAULT 0, -- consecutive failures; reset on success
    last_error         VARCHAR,
    entries_last_seen  INTEGER
);

CREATE TABLE feed_entries (
    feed_id        VARCHAR NOT NULL,
    entry_key      VARCHAR NOT NULL,               -- url_key of the entry's canonical URL
    url            VARCHAR NOT NULL,
    canonical_url  VARCHAR NOT NULL,
    guid           VARCHAR,
    title          VARCHAR,
    summary        VARCHAR,
    published_raw  VARCHAR,
    published_at   TIMESTAMPTZ,
    first_seen_at  TIMESTAMPTZ NOT NULL,
    first_run_id   VARCHAR NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);

-- Raw pages, gzip-compressed and addressed by the SHA-256 of the uncompressed bytes, so that
-- extraction can be re-run later without fetching again.
CREATE TABLE raw_pages (
    sha256        VARCHAR PRIMARY KEY,
    size          INTEGER NOT NULL,
    content_type  VARCHAR,
    gz            BLOB NOT NULL,
    fetched_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE articles (
    article_key        VARCHAR PRIMARY KEY,        -- url_key of the canonical URL
    canonical_url      VARCHAR NOT NULL,
    url                VARCHAR NOT NULL,           -- the URL fetched (after redirects)
    feed_id            VARCHAR NOT NULL,           -- first feed that led us here
    title              VARCHAR,
    author             VARCHAR,
    site_name          VARCHAR,
    language           VARCHAR,
    published_at       TIMESTAMPTZ,
    date_source        VARCHAR NOT NULL,           -- page | feed | none
    text               VARCHAR NOT NULL,
    text_sha256        VARCHAR NOT NULL,
    raw_sha256         VARCHAR NOT NULL REFERENCES raw_pages (sha256),
    extractor          VARCHAR NOT NULL,           -- library and version that made `text`
    extractor_version  VARCHAR NOT NULL,           -- conflictwire version
    fetched_at         TIMESTAMPTZ NOT NULL,
    run_id             VARCHAR NOT NULL
);

-- Other URLs that lead to a stored article: entry URLs whose page declares another canonical
-- URL, and syndicated copies. An alias is never fetched again.
CREATE TABLE url_aliases (
    alias_key    VARCHAR PRIMARY KEY,
    alias_url    VARCHAR NOT NULL,
    article_key  VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,                 -- page_canonical | same_text
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE ingest_errors (
    stage         VARCHAR NOT NULL,                -- discover | fetch | extract
    url_key       VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    feed_id       VARCHAR,
    kind          VARCHAR NOT NULL,                -- temporary | permanent
    reason        VARCHAR NOT NULL,
    http_status   INTEGER,
    raw_sha256    VARCHAR,                         -- the stored page, when the fetch worked
    attempts      INTEGER NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    last_run_id   VARCHAR NOT NULL,
    resolved_at   TIMESTAMPTZ,                     -- set when a later attempt succeeds
    PRIMARY KEY (stage, url_key)
);

CREATE TABLE runs (
    run_id            VARCHAR PRIMARY KEY,
    flow_run_id       VARCHAR,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    status            VARCHAR NOT NULL,            -- running | completed | failed
    feeds_checked     INTEGER,
    feeds_unchanged   INTEGER,
    feeds_failed      INTEGER,
    entries_new       INTEGER,
    pages_fetched     INTEGER,
    articles_new      INTEGER,
    errors            INTEGER
);
