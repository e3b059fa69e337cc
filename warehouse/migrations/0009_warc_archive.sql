-- Raw pages move out of the warehouse into WARC files (warehouse/archive.py): a row keeps its
-- digest, size, type and where the page is. `gz` stays for the rows stored before this
-- migration until the first run moves them out (DuckDB cannot drop NOT NULL from a table that
-- articles reference): it is empty once the page is in the archive.
ALTER TABLE raw_pages ADD COLUMN warc_file VARCHAR;
ALTER TABLE raw_pages ADD COLUMN warc_offset BIGINT;
ALTER TABLE raw_pages ADD COLUMN warc_length BIGINT;
