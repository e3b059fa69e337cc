-- Which of these page digests the warehouse holds already: their bytes are not archived again.
SELECT sha256 FROM raw_pages WHERE sha256 IN (SELECT unnest($digests));
