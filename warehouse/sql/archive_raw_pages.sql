-- Pages now in the archive: record where, and empty their inline copy.
UPDATE raw_pages
SET warc_file = i.warc_file, warc_offset = i.warc_offset, warc_length = i.warc_length, gz = ''::BLOB
FROM incoming AS i
WHERE raw_pages.sha256 = i.sha256;
