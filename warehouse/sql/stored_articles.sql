-- Which of a batch's candidate keys and text hashes are stored already.
SELECT article_key, text_sha256 FROM articles
WHERE article_key IN (SELECT unnest($keys)) OR text_sha256 IN (SELECT unnest($texts));
