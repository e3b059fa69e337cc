-- Figures: one row per casualty or displacement figure of an article, with the contract's fields
-- (../shared/spec/FIGURES.md). "group" keeps the contract's name, so it needs quotes in SQL.
-- Re-extraction replaces an article's rows; figure_index is the figure's position in the
-- article's output and part_of points at another figure_index of the same article.

CREATE TABLE figures (
    article_key        VARCHAR NOT NULL,
    figure_index       INTEGER NOT NULL,
    kind               VARCHAR NOT NULL,
    "group"            VARCHAR NOT NULL,
    unit               VARCHAR NOT NULL,
    low                BIGINT,
    best               BIGINT NOT NULL,
    high               BIGINT,
    qualifier          VARCHAR NOT NULL,
    number_text        VARCHAR NOT NULL,
    start_offset       INTEGER NOT NULL,
    end_offset         INTEGER NOT NULL,
    sentence           VARCHAR NOT NULL,
    part_of            INTEGER,
    cumulative         BOOLEAN NOT NULL,
    modality           VARCHAR NOT NULL,
    event_date_start   DATE,
    event_date_end     DATE,
    date_precision     VARCHAR,
    place              VARCHAR,
    country_iso3       VARCHAR,
    latitude           DOUBLE,
    longitude          DOUBLE,
    extractor_version  VARCHAR NOT NULL,
    load_id            VARCHAR NOT NULL,
    extracted_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_key, figure_index)
);

ALTER TABLE runs ADD COLUMN figures_new INTEGER;
