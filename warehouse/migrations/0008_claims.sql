-- The analyst's layer: near-duplicate clusters of articles, a stable id per figure, analysts'
-- reviews of figures, and claims (one row per figure reported, however many outlets repeat it).
-- Claims are rebuilt from figures and reviews after every load (warehouse/claims.py); reviews
-- are keyed by what survives re-extraction, never by figure_index.

ALTER TABLE articles ADD COLUMN cluster_id VARCHAR;   -- near-duplicate cluster: the key of its first article
ALTER TABLE figures ADD COLUMN figure_id VARCHAR;     -- stable: article key + the number's offsets and text
UPDATE figures SET figure_id = substr(sha256(article_key || '|' || start_offset || '|' || end_offset || '|'
                                             || number_text), 1, 16);

-- MinHash signatures of article texts (datasketch), to find a new article's near-duplicates
CREATE TABLE article_signatures (
    article_key  VARCHAR PRIMARY KEY,
    signature    BLOB NOT NULL,       -- 128 unsigned 32-bit hash minima, little-endian
    shingles     INTEGER NOT NULL     -- how many word 5-grams the text has (short texts never cluster)
);

CREATE TABLE figure_reviews (
    article_key   VARCHAR NOT NULL,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    number_text   VARCHAR NOT NULL,
    figure_id     VARCHAR NOT NULL,
    rejected      BOOLEAN NOT NULL,
    best          BIGINT,
    low           BIGINT,
    high          BIGINT,
    kind          VARCHAR,
    "group"       VARCHAR,
    place         VARCHAR,
    country_iso3  VARCHAR,
    note          VARCHAR,
    reviewer      VARCHAR,
    reviewed_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_key, start_offset, end_offset, number_text)
);

CREATE TABLE claims (
    claim_id          VARCHAR PRIMARY KEY,
    kind_class        VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    "group"           VARCHAR NOT NULL,
    unit              VARCHAR NOT NULL,
    country_iso3      VARCHAR,
    place             VARCHAR,
    event_date_start  DATE,
    event_date_end    DATE,
    low               BIGINT,
    best              BIGINT NOT NULL,
    high              BIGINT,
    people            BIGINT,
    cumulative        BOOLEAN NOT NULL,
    modality          VARCHAR NOT NULL,
    context           VARCHAR,
    sources           INTEGER NOT NULL,
    articles          INTEGER NOT NULL,
    reviewed          BOOLEAN NOT NULL,
    published_on      DATE,
    first_seen        TIMESTAMPTZ,
    last_seen         TIMESTAMPTZ,
    built_at          TIMESTAMPTZ NOT NULL
);

CREATE TABLE claim_figures (
    claim_id      VARCHAR NOT NULL,
    figure_id     VARCHAR NOT NULL,
    article_key   VARCHAR NOT NULL,
    figure_index  INTEGER NOT NULL,
    PRIMARY KEY (claim_id, figure_id)
);
