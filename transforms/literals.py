"""Finding many literal words in a text at once, for the cheap first passes of the extractor and
the context classifier, and the literals a regular expression's every match contains (read with
Python's own regex parser): one pattern shaped like a trie ("ki(?:ll|dnap)"), so the regular-expression
engine tries each letter once per position instead of once per word (five times faster than a flat
alternation of the same words on news text)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre_constants  # type: ignore[attr-defined]  # the engine's own parser
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_Trie = dict[str, "_Trie"]


def trie_pattern(words: tuple[str, ...] | list[str] | set[str]) -> str:
    """A regular expression matching exactly the given literal words, prefixes shared; at any
    position it matches the longest of them that starts there."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _emit(root)


def _emit(node: _Trie) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")


def word_starts(words: tuple[str, ...] | list[str] | set[str]) -> re.Pattern[str]:
    """Finds, on lower-cased text, each word start where one of ``words`` begins (overlaps too)."""
    return re.compile(r"\b(?=" + trie_pattern(words) + ")")


def finditer_at(pattern: re.Pattern[str], text: str, lowered: str, starts: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which begins where ``starts``
    matches in ``lowered`` (``text`` lower-cased, same length): the pattern is tried only there,
    left to right, a match never inside the one before, as finditer does."""
    end = 0
    for hit in starts.finditer(lowered):
        if hit.start() < end:
            continue
        match = pattern.match(text, hit.start())
        if match is not None:
            yield match
            end = max(match.end(), match.start() + 1)


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, chosen to be as long
    as the pattern allows; None when no literal is required (a match may be any letters)."""
    found = _required(list(sre_parse.parse(pattern, re.IGNORECASE)))
    return frozenset(found) if found else None


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    options: list[set[str]] = []  # each a set one of which every match contains
    run = ""

    def close() -> None:
        nonlocal run
        if run:
            options.append({run})
        run = ""

    for op, arg in items:
        if op is sre_constants.LITERAL:
            run += chr(arg).lower()
        elif op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # \b, lookarounds: no characters of their own
        elif op is sre_constants.SUBPATTERN:
            close()
            inner = _required(list(arg[-1]))
            if inner:
                options.append(inner)
        elif op is sre_constants.BRANCH:
            close()
            branches = [_required(list(branch)) for branch in arg[1]]
            if all(branches):
                options.append({s for b in branches if b for s in b})
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            close()
            low, _high, body = arg
            inner = _required(list(body)) if low >= 1 else None
            if inner:
                options.append(inner)
        else:
            close()  # a class, "any", a backreference: no literal here
    close()
    if not options:
        return None
    return max(options, key=lambda o: (min(len(s) for s in o), -len(o)))


def first_chars(pattern: str) -> frozenset[str] | None:
    """The lower-case ASCII characters a case-insensitive match of ``pattern`` can begin with;
    None when that cannot be told (a class like \\w, a non-ASCII letter, a match that may be empty).
    A large alternation split by first character this way is tried only where it can match."""
    chars, may_be_empty = _first(list(sre_parse.parse(pattern, re.IGNORECASE)))
    return None if chars is None or may_be_empty else frozenset(chars)


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(first characters, whether the items can match the empty string); None for unknown."""
    found: set[str] = set()
    for op, arg in items:
        if op is sre_constants.LITERAL:
            return (found | {chr(arg).lower()}, False) if arg < 128 else (None, False)
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # \b, lookarounds: no characters of their own, the next item begins the match
        if op is sre_constants.SUBPATTERN:
            parts = [list(arg[-1])]
        elif op is sre_constants.BRANCH:
            parts = [list(branch) for branch in arg[1]]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            low, _high, body = arg
            parts = [list(body)] if low >= 1 else [list(body), []]
        elif op is sre_constants.IN and all(o in (sre_constants.LITERAL, sre_constants.RANGE) for o, _ in arg):
            codes = [c for o, a in arg for c in ((a,) if o is sre_constants.LITERAL else range(a[0], a[1] + 1))]
            if max(codes) >= 128:
                return None, False
            return found | {chr(c).lower() for c in codes}, False
        else:
            return None, False  # a category, a negated class, "any": could begin with anything
        empty = False
        for part in parts:
            chars, part_empty = _first(part)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or part_empty
        if not empty:
            return found, False
    return found, True
