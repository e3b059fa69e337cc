INSERT INTO article_signatures BY NAME SELECT article_key, signature, shingles FROM incoming;
