"""Repair what PDF and OCR extraction does to words before any rule reads them.

Humanitarian bulletins reach us through PDF text layers and scrapers that glue words together
("displacedfamilies", "werekilled", "forcedmore"), break them at line ends ("evacu-ated",
"fami-lies"), space thousands apart ("45, 000") and leave soft hyphens and zero-width characters
inside words. The repairs are general: a glued token is split only where both halves are words
the extractor knows (a trigger form, a person or household noun, a function word), a hyphenated
token is joined only when the joined word is one it knows and a half is not, so no misspelling is
ever listed. ``clean`` returns the repaired text with a map from each of its offsets back to the
original, so figures keep the offsets and sentences of the text as it was given.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from transforms.figures.dates import MONTH_WORD
from transforms.figures.lexicon import lexicon
from transforms.figures.vocab import DWELLING_NOUNS, GROUPS, HOUSEHOLD_NOUNS

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# "45, 000 people", "1, 250 families": a thousands group split off by a space after its comma
_SPLIT_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3}),[ \u00a0](\d{3})(?![\d,])")
_MONTH_BEFORE = re.compile(rf"(?i){MONTH_WORD}\.?\s*$")
_LONG_WORD = re.compile(r"[A-Za-z]{7,}")
# Possessive runs ("{4,}+"): a shorter run of letters is followed by a letter, never by what the
# pattern wants next, so giving letters back cannot help, and not trying is several times faster.
_WORD_THEN_DIGITS = re.compile(r"(?<![a-z])([a-z]{4,}+)(?=\d)")  # "affected4109 people evacuated900 houses"
# a participle glued to digits, or any word glued to a count with thousands groups, is split
# whatever the word: "houses inundated44,069 hectares" (no English word ends in either)
_GLUED_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])")
# or to a count of something the extractor knows: "at 501 evacuation centres14 death"
_COUNT_OF_KNOWN = re.compile(r"\d+\s+([a-z]+)")
_DIGITS_THEN_WORD = re.compile(r"(?<![\d.,])(\d[\d,]*+)([a-z]{4,}+)(?![a-z])")  # "37people", "45dead16,000"
# "IMPACT45 dead": a heading glued to a count (itself glued to the word before: "sub-districtsIMPACT1 injured")
_CAPITALS_THEN_DIGITS = re.compile(r"(?<![A-Z])[A-Z]{4,}+(?=\d)")
_CASE_GLUE = re.compile(r"[a-z]{3}(?=[A-Z]{2})")  # "inundatedRESPONSE", "StateIMPACT": a space at its end
# a known lower-case word glued to a capital ("fledShirqat", "inIDPcamps"), and an acronym glued to a
# known noun ("IDPcamps"): no English word changes case inside itself
_KNOWN_THEN_CAPITAL = re.compile(r"(?<![A-Za-z])([a-z]{2,}+)(?=[A-Z])")
_ACRONYM_THEN_NOUN = re.compile(r"[A-Z]{2,}+([a-z]{3,}+)(?![A-Za-z])")
# "not reported.4 fatalities.": a sentence glued to the count that starts the next one (never a
# decimal: a decimal point has a digit before it)
_STOP_THEN_DIGITS = re.compile(r"(?<=[a-z]{2})[.:](?=\d[\d,]*\s+[a-z])")  # "follow:3,000 people evacuated"
_HYPHENATED = re.compile(r"\b([A-Za-z]{2,}+)-[ \u00a0]?([a-z]{2,})\b")
# cheap tests for whether a repair can apply at all, most texts need none. Each starts from the
# rarest character it needs and looks behind for the rest: the engine skips ahead to a digit, a
# capital or a stop, where "[a-z]\d" would stop at every lower-case letter (two to four times faster).
_MAYBE_THOUSANDS = re.compile(r",(?<=\d,)[ \u00a0]\d")
_MAYBE_WORD_THEN_DIGITS = re.compile(r"\d(?<=[a-z]\d)")
_MAYBE_DIGITS_THEN_WORD = re.compile(r"\d[a-z]")
_MAYBE_CASE_GLUE = re.compile(r"[A-Z](?<=[a-z][A-Z])[A-Z]")
# a capital after a lower-case letter, or two capitals before one ("[a-z][A-Z]|[A-Z]{2}[a-z]")
_MAYBE_GLUED_CAPITAL = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|[A-Z][a-z])")
_MAYBE_STOP_THEN_DIGITS = re.compile(r"[.:](?<=[a-z][.:])\d")
_MAYBE_CAPITALS_THEN_DIGITS = re.compile(r"[A-Z]\d")
_MAYBE_HYPHENATED = re.compile(r"-(?<=[A-Za-z]{2}-)[ \u00a0]?[a-z]{2}")

_FUNCTION_WORDS = frozenset("""
a an the of to in on at by for from with and or but as than more over some about around nearly almost
were was are is have has had been be being who which that their his her its following after before
since during people persons families households homes houses already newly internally reportedly
further also another least each all both others other new still
""".split())


# no word of seven letters or more is a function word and one of these ("another" is listed whole)
_DETERMINERS = frozenset("the their his her its".split())
# a modal glued to the auxiliary of the passive after it: "up to 30,000 homes mayhave been destroyed"
_MODALS = frozenset("may might could would should must".split())


@cache
def _verb_forms() -> frozenset[str]:
    """Every one-word form of every lexicon verb: "killed", "displaced", "fleeing"."""
    forms = {form for entry in lexicon().entries for verb in (*entry.transitive, *entry.intransitive)
             for form in verb.all() if " " not in form}
    return frozenset(forms | {"forced", "forcing", "staying", "living", "affected"})


@cache
def _nouns() -> frozenset[str]:
    """Counted nouns: the lexicon's, people, households and dwellings ("body" is left out: it
    ends ordinary words such as "somebody")."""
    words = {n for entry in lexicon().entries for n in (*entry.nouns, *entry.state_nouns) if " " not in n}
    for group_words in GROUPS.values():
        words.update(w.lower() for w in group_words if " " not in w)
    words.update(w.lower() for w in (*HOUSEHOLD_NOUNS, *DWELLING_NOUNS) if " " not in w and "-" not in w)
    words.update({"displacement", "evacuation", "evacuations", "shelter", "shelters", "camps", "camp", "damage",
                  "destruction", "flooding", "toll", "death", "deaths"})
    return frozenset(w for w in words if len(w) > 2) - {"body", "bodies"}


def _counts_a_known_noun(text: str, at: int) -> bool:
    counted = _COUNT_OF_KNOWN.match(text, at)
    return counted is not None and counted.group(1) in _nouns()


def _known(word: str) -> bool:
    return word in _FUNCTION_WORDS or word in _verb_forms() or word in _nouns()


@lru_cache(maxsize=1 << 16)
def _split_glued(word: str) -> int | None:
    """Where to split a token glued from a function word and a trigger or noun ("werekilled",
    "forcedmore", "damageto") or from a trigger and its noun ("displacedfamilies"); None for a
    word we know or an ordinary compound ("overall", "bodyguards", "policewoman")."""
    low = word.lower()
    if _known(low):
        return None
    verbs, nouns = _verb_forms(), _nouns()
    for cut in range(2, len(low) - 1):
        head, tail = low[:cut], low[cut:]
        if word[0].isupper() and not word[cut].isupper():
            continue  # "Staffan": a name, unless it is "casualtiesThe"
        if ((head in _FUNCTION_WORDS and (tail in verbs or tail in nouns))
                or ((head in verbs or head in nouns) and tail in _FUNCTION_WORDS and tail != "as")
                or (head in verbs and tail in nouns)
                or (head in _MODALS and tail in ("have", "been"))  # "mayhave been destroyed"
                # a preposition glued to the determiner after it: "displaced sincethe start of 2016"
                or (head in _FUNCTION_WORDS and tail in _DETERMINERS)
                # any word glued to a long participle of the lexicon: "The stormdestroyed more than 300 homes"
                or (cut >= 4 and len(tail) >= 8 and tail.endswith("ed") and tail in verbs and head.isalpha())):
            return cut
    return None


# a dash glued to the word before it and followed by a count: the separator of a sitrep's list
# ("IMPACT- 1 injured- 2 collapsed houses- 430 houses were submerged")
_LIST_DASH = re.compile(r"(?<=[a-z])- (?=\d)|(?<=ed)- (?=[a-z])")


# Curly quotes and dashes garbled by a wrong decoding in one of IDMC's exports, always the same
# three characters per mark: "familiesŠ—È homes", "Š—“in mass displacementŠ—�"
_MOJIBAKE = {"\u0160\u2014\u00c8": "\u2019", "\u0160\u2014\u201c": "\u201c", "\u0160\u2014\ufffd": "\u201d",
             "\u0160\u2014\u2013": "\u2013"}
_MOJIBAKE_RE = re.compile("|".join(_MOJIBAKE))
# a character a wrong decoding replaced, standing alone between spaces, was punctuation: most often a dash
# ("100,000 to 120,000 \ufffd The number of people that were forced out"); inside a word it was a letter
_LOST_DASH = re.compile("(?<= )\ufffd(?= )")


def clean(text: str) -> tuple[str, list[int] | None]:
    """The repaired text and, when anything changed, a map from its offsets (and its length) to
    the original's."""
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the original, in order
    for match in _INVISIBLE.finditer(text):
        edits.append((match.start(), match.end(), ""))
    for match in _MOJIBAKE_RE.finditer(text) if "\u0160\u2014" in text else ():
        edits.append((match.start(), match.end(), _MOJIBAKE[match.group(0)]))  # "SDFŠ—Ès" -> "SDF’s"
    for match in _LOST_DASH.finditer(text) if "\ufffd" in text else ():
        edits.append((match.start(), match.end(), "\u2013"))  # "100,000 to 120,000 \ufffd The number of people"
    for match in _SPLIT_THOUSANDS.finditer(text) if _MAYBE_THOUSANDS.search(text) else ():
        if _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "June 5, 300 people": a day of the month, then the count
        edits.append((match.end(1) + 1, match.start(2), ""))  # drop the space: "45,000"
    for match in _LIST_DASH.finditer(text) if "- " in text else ():
        edits.append((match.start(), match.end(), "; "))  # "IMPACT- 1 injured- 2 collapsed houses": items
    for match in _HYPHENATED.finditer(text) if _MAYBE_HYPHENATED.search(text) else ():
        left, right = match.group(1).lower(), match.group(2).lower()
        if _known(left + right) and not (_known(left) and _known(right)):
            edits.append((match.end(1), match.start(2), ""))  # "evacu-ated" -> "evacuated"
    for match in _CASE_GLUE.finditer(text) if _MAYBE_CASE_GLUE.search(text) else ():
        edits.append((match.end(), match.end(), " "))
    glued_capital = _MAYBE_GLUED_CAPITAL.search(text) is not None
    for match in _KNOWN_THEN_CAPITAL.finditer(text) if glued_capital else ():
        if _known(match.group(1)):
            edits.append((match.end(), match.end(), " "))
    for match in _ACRONYM_THEN_NOUN.finditer(text) if glued_capital else ():
        if match.group(1) in _nouns() or match.group(1) in _verb_forms():
            edits.append((match.start(1), match.start(1), " "))
    for match in _CAPITALS_THEN_DIGITS.finditer(text) if _MAYBE_CAPITALS_THEN_DIGITS.search(text) else ():
        edits.append((match.end(), match.end(), " "))
    for match in _STOP_THEN_DIGITS.finditer(text) if _MAYBE_STOP_THEN_DIGITS.search(text) else ():
        edits.append((match.end(), match.end(), " "))
    for match in _WORD_THEN_DIGITS.finditer(text) if _MAYBE_WORD_THEN_DIGITS.search(text) else ():
        word = match.group(1)
        if (_known(word.lower()) or word.endswith("ed") or _GLUED_COUNT.match(text, match.end())
                or _counts_a_known_noun(text, match.end())):
            edits.append((match.end(), match.end(), " "))
    for match in _DIGITS_THEN_WORD.finditer(text) if _MAYBE_DIGITS_THEN_WORD.search(text) else ():
        if _known(match.group(2).lower()):
            edits.append((match.end(1), match.end(1), " "))  # "37people are dead" -> "37 people"
    # each distinct long word is judged once (cached across texts); most texts have no glued one
    cuts = {word: cut for word in set(_LONG_WORD.findall(text)) if (cut := _split_glued(word)) is not None}
    for match in _LONG_WORD.finditer(text) if cuts else ():
        cut = cuts.get(match.group(0))
        if cut is not None:
            edits.append((match.start() + cut, match.start() + cut, " "))  # "werekilled" -> "were killed"
    if not edits:
        return text, None
    edits = sorted(set(edits))  # two repairs may insert the same space ("theIDPs")
    out: list[str] = []
    back: list[int] = []
    pos = 0
    for start, end, replacement in edits:
        if start < pos:
            continue  # overlapping repairs: the first one wins
        out.append(text[pos:start])
        back.extend(range(pos, start))
        out.append(replacement)
        back.extend([start] * len(replacement))  # an inserted space maps to the character after it
        pos = end
    out.append(text[pos:])
    back.extend(range(pos, len(text)))
    back.append(len(text))
    return "".join(out), back
