"""One article per story, however many URLs lead to it.

An article's key is its page's declared canonical URL when there is one, else the entry's
canonical URL. A page whose key or exact body text is already stored (or earlier in the same
batch) becomes an alias of that article: syndicated copies and duplicate URLs load once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from transforms.records import Alias, ArticleRow

logger = logging.getLogger(__name__)


def plan_articles(rows: Iterable[ArticleRow], stored_keys: set[str],
                  stored_texts: Mapping[str, str]) -> tuple[list[ArticleRow], list[Alias]]:
    """Split a batch into new articles and aliases.

    ``stored_keys``: article keys already in the warehouse; ``stored_texts``: text hash to
    article key for stored articles with the batch's text hashes."""
    keys = set(stored_keys)
    texts = dict(stored_texts)
    new: list[ArticleRow] = []
    aliases: list[Alias] = []
    for row in rows:
        if row.article_key in keys:
            target, reason = row.article_key, "page_canonical"
        elif row.text_sha256 in texts:
            target, reason = texts[row.text_sha256], "same_text"
        else:
            new.append(row)
            keys.add(row.article_key)
            texts[row.text_sha256] = row.article_key
            target, reason = row.article_key, "page_canonical"
        if row.entry_key != target:
            aliases.append(Alias(row.entry_key, row.entry_url, target, reason))
    return new, aliases
