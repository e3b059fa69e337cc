"""Near-duplicate articles: wire copy syndicated by several outlets, lightly edited and retitled.

Each text is a set of word 5-grams ("shingles"); datasketch's MinHash estimates the Jaccard
similarity of two sets from 128 hash minima, and its LSH index finds the candidates above
``THRESHOLD`` without comparing every pair. A new article joins the cluster of its most similar
stored article, else starts its own (the cluster id is the key of the cluster's first article),
so cluster ids never change once given. Nothing is deleted: clusters only tell the claim builder
which figures tell the same story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch is imported where it is used: importing it loads scipy and redis (1.4 s here), which
# every CLI command and every quiet day, with no new article to sign, would pay for nothing.

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hash scheme, named so stored signatures stay comparable across upgrades
THRESHOLD = 0.5  # estimated Jaccard of shingle sets: syndicated copies score 0.6-1.0, other stories < 0.1
SHINGLE = 5
MIN_SHINGLES = 12  # a text shorter than this (a headline, a caption) never clusters: too little to judge
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Signature:
    article_key: str
    hashes: bytes  # NUM_PERM little-endian uint32
    shingles: int


def signature(article_key: str, text: str) -> Signature:
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return Signature(article_key, minhash.hashvalues.astype("<u4").tobytes(), len(grams))


def _minhash(sig: Signature) -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(sig.hashes, dtype="<u4"))


def assign_clusters(stored: Iterable[tuple[Signature, str]], new: Iterable[Signature]) -> dict[str, str]:
    """Cluster id of each new article, given the stored signatures with their cluster ids. New
    articles are taken in order, so two new copies of one story cluster with each other too."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    cluster_of: dict[str, str] = {}
    minhashes: dict[str, MinHash] = {}
    for sig, cluster in stored:
        if sig.shingles >= MIN_SHINGLES and sig.article_key not in cluster_of:
            minhashes[sig.article_key] = _minhash(sig)
            lsh.insert(sig.article_key, minhashes[sig.article_key])
        cluster_of[sig.article_key] = cluster
    assigned: dict[str, str] = {}
    for sig in new:
        if sig.article_key in cluster_of:
            continue
        cluster = sig.article_key
        if sig.shingles >= MIN_SHINGLES:
            mh = _minhash(sig)
            scored = [(mh.jaccard(minhashes[key]), key) for key in lsh.query(mh)]
            best = max((s for s in scored if s[0] >= THRESHOLD), default=None)
            if best is not None:
                cluster = cluster_of[best[1]]
            minhashes[sig.article_key] = mh
            lsh.insert(sig.article_key, mh)
        cluster_of[sig.article_key] = assigned[sig.article_key] = cluster
    return assigned
