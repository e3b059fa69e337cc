-- Articles whose figures `conflictwire extract-stored` made again: the figure extractor that did
-- it, and the context of their text.
UPDATE articles SET
    figures_version = $figures_version,
    context = incoming.context,
    context_confidence = incoming.context_confidence
FROM incoming
WHERE articles.article_key = incoming.article_key;
