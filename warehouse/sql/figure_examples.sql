SELECT f.kind, f."group", f.best, f.qualifier, f.number_text, a.title, f.sentence
FROM figures AS f JOIN articles AS a USING (article_key)
ORDER BY a.published_at DESC, f.article_key, f.figure_index
LIMIT $limit;
