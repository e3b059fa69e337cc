-- One review per figure (article key + the number's offsets and text): a new review replaces it.
INSERT OR REPLACE INTO figure_reviews BY NAME SELECT * FROM incoming;
