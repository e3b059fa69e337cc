-- The figures of the articles in `incoming` (article_key), before their new figures are inserted.
DELETE FROM figures WHERE article_key IN (SELECT article_key FROM incoming);
