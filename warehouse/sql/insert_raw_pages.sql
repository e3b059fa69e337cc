-- Raw pages by reference: the bytes are in the WARC archive, written before this transaction.
INSERT INTO raw_pages (sha256, size, content_type, gz, fetched_at, warc_file, warc_offset, warc_length)
SELECT sha256, size, content_type, ''::BLOB, fetched_at, warc_file, warc_offset, warc_length
FROM incoming
ON CONFLICT DO NOTHING;
