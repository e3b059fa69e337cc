INSERT INTO raw_pages SELECT sha256, size, content_type, gz, fetched_at FROM incoming ON CONFLICT DO NOTHING;
