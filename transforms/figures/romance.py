"""Figures in Spanish and French texts, by the lexicon in transforms/data/lexicon_es_fr.toml.

The English rules read word order, agents and clauses; these read the two shapes that carry almost
every figure in Latin American and francophone bulletins: a count, maybe its noun ("familias"), a
restatement in people ("150 familles soit 1 206 personnes"), an auxiliary ("han sido") and the word
that says what happened ("evacuadas"); or the words before a count ("la muerte de 3 personas").
Numbers follow the languages' own conventions: "2.000" and "2 000" are two thousand, "1,5
millones" one and a half million, "2 mil" two thousand. Places come from the same gazetteer as
English; dates are not read (a figure keeps no event date), which the README says.
"""

from __future__ import annotations

import logging
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, Generic, TypeVar

from transforms.context import lower_same_length
from transforms.figures.model import Figure
from transforms.figures.numbers import bounds
from transforms.figures.places import assign_places
from transforms.figures.sentences import Sentence, split_sentences

logger = logging.getLogger(__name__)

LANGUAGES = ("es", "fr")
# English function words: a text with as many of them as of a language's own marks is English
_ENGLISH = frozenset("the and of to in were was have has been by with from that for on at this which".split())
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_MIN_MARKS = 3
_HOUSING = "housing_destroyed"
_PREPOSITIONS = re.compile(r"\b(?:en|de|del|desde|hacia|cerca\s+de|dans|près\s+de|au|aux|vers)(?=\s+[A-Z])")


V = TypeVar("V")


class Table(Generic[V]):
    """A lexicon table read the way its words are matched: "más de" is also "mas de" and "m\ufffds de"."""

    def __init__(self, entries: dict[str, V]) -> None:
        self._exact = {k.lower(): v for k, v in entries.items()}
        self._loose = [(re.compile(_loose(k)), v) for k, v in entries.items()]

    def get(self, words: str) -> V | None:
        words = re.sub(r"\s+", " ", words.strip().lower())
        if words in self._exact:
            return self._exact[words]
        return next((v for pattern, v in self._loose if pattern.fullmatch(words)), None)


@dataclass(frozen=True, slots=True)
class Grammar:
    code: str
    after: re.Pattern[str]  # count, noun, restatement, auxiliary, predicate
    before: re.Pattern[str]  # trigger, count, noun
    after_kinds: tuple[tuple[str, re.Pattern[str]], ...]  # which kind a matched predicate is
    before_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    words: Table[int]
    multipliers: Table[int]
    vague: Table[tuple[str, int, int, int]]
    hedges: Table[str]
    nouns: Table[tuple[str, str]]
    cumulative: re.Pattern[str]
    hypothetical: re.Pattern[str]
    uncertain: re.Pattern[str]
    conflict: re.Pattern[str]
    disaster: re.Pattern[str]


def language_of(text: str) -> str:
    """``es``, ``fr`` or ``en``: a text is Spanish or French when it has at least three of that
    language's marks and three times as many as English function words."""
    head = text[:3000].lower()
    if " the " in head or " and " in head:
        return "en"  # nearly every text: decided without counting
    words = _WORD.findall(head)
    english = sum(w in _ENGLISH for w in words)
    best, score = "en", 0
    for code in LANGUAGES:
        marks = _marks(code)
        found = sum(w in marks for w in words)
        # a short bulletin line may hold two marks and no English word at all
        enough = found >= _MIN_MARKS or (found == _MIN_MARKS - 1 and english == 0 and len(words) >= 8)
        if enough and found >= 3 * english and found > score:
            best, score = code, found
    return best


def extract(text: str, published: date | None, doc_id: str, code: str) -> list[Figure]:
    """The figures of a Spanish or French text, in text order (``published`` is not used: no
    dates are read)."""
    grammar = _grammar(code)
    sentences = split_sentences(text)
    figures: list[Figure] = []
    for sentence in sentences:
        lowered = lower_same_length(sentence.text)  # the match offsets are the sentence's
        taken: list[tuple[int, int]] = []
        for match in grammar.after.finditer(lowered):
            fig = _read(grammar, sentence, lowered, match, doc_id, after=True)
            if fig is not None:
                taken.append(match.span())
                figures.append(fig)
        for match in grammar.before.finditer(lowered):
            if not any(a <= match.start("count") < b for a, b in taken):
                fig = _read(grammar, sentence, lowered, match, doc_id, after=False)
                if fig is not None:
                    figures.append(fig)
    figures.sort(key=lambda f: f.start)
    context = _context(grammar, lower_same_length(text))
    for fig in figures:
        fig.context = context
    # the gazetteer's place reader knows English prepositions: the same text with "en", "de",
    # "dans" before a name read as "in" (same length, so every offset holds)
    assign_places(figures, sentences, _PREPOSITIONS.sub(lambda m: "in".ljust(len(m.group(0))), text))
    return figures


def _read(g: Grammar, sentence: Sentence, lowered: str, m: re.Match[str], doc_id: str, after: bool) -> Figure | None:
    """The figure of a match of the words after a count (``after``) or before it: its kind, the
    count's value, its noun's unit and group, the sentence's modality and scope."""
    words = m.group("pred") if after else m.group("trigger")
    kind = _kind_of(g.after_kinds if after else g.before_kinds, words)
    # "150 familles soit 1 206 personnes ... sont sans abri": the people count is the figure
    prefix = "r_" if after and (m.group("r_n") or m.group("r_vague")) else ""
    noun_unit, group = _noun(g, m.group("noun")) or ("person", "people")
    unit = _unit_for(kind, "person" if prefix else noun_unit)
    value = _value(g, m, prefix)
    if kind is None or unit is None or value is None:
        return None
    qualifier, low, best, high = value
    start, end = m.span(prefix + "count")
    rule = f"{g.code}:{'after' if after else 'before'}:{words}"
    modality = ("hypothetical" if g.hypothetical.search(lowered) else
                "uncertain" if g.uncertain.search(lowered) else "asserted")
    cumulative = bool(g.cumulative.search(lowered)) or rule.endswith(":pdi")  # IDPs counted are a stock
    return Figure(doc_id=doc_id, kind=kind, group=group, unit=unit, low=low, best=best, high=high,
                  qualifier=qualifier, number_text=sentence.text[start:end], start=sentence.start + start,
                  end=sentence.start + end, sentence=sentence.text, cumulative=cumulative, modality=modality,
                  kind_rule=rule)


def _unit_for(kind: str | None, unit: str) -> str | None:
    """Only dwellings are destroyed or damaged; people moved out of houses are households ("obligó a
    evacuar un centenar de casas"); None where the count cannot be of the kind."""
    if kind == _HOUSING:
        return unit if unit == "dwelling" else None
    return "household" if unit == "dwelling" else unit


def _value(g: Grammar, m: re.Match[str], prefix: str) -> tuple[str, int | None, int, int | None] | None:
    """(qualifier, low, best, high) of the count in groups ``prefix``vague / n / mult / hedge."""
    hedge = m.group(prefix + "hedge")
    qualifier = (g.hedges.get(hedge) or "exact") if hedge else "exact"
    vague = m.group(prefix + "vague")
    if vague:
        word_qualifier, word_low, best, word_high = g.vague.get(vague) or ("exact", 0, 0, 0)
        if word_qualifier == "approx":
            return "approx", None, best, None
        return word_qualifier, word_low, best, word_high or None
    number = _number(g, m.group(prefix + "n"), m.group(prefix + "mult"))
    if number is None or number <= 0:
        return None
    low, high = bounds(qualifier, number)
    return qualifier, low, number, high


def _number(g: Grammar, digits: str, multiplier: str | None) -> int | None:
    word = g.words.get(digits)
    if word is not None:
        value: float = word
    elif re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+", digits):
        value = int(re.sub(r"\D", "", digits))  # "2.000", "25,081", "1 206": thousands
    else:
        try:
            value = float(digits.replace(",", "."))  # "1,5 millones"
        except ValueError:
            return None
    if multiplier:
        value *= g.multipliers.get(multiplier) or 1
    if not multiplier and word is None and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", digits):
        return None  # a year
    return int(value)


def _kind_of(kinds: tuple[tuple[str, re.Pattern[str]], ...], words: str) -> str | None:
    return next((kind for kind, pattern in kinds if pattern.fullmatch(words)), None)


def _noun(g: Grammar, word: str | None) -> tuple[str, str] | None:
    return g.nouns.get(word) if word else None


def _context(g: Grammar, lowered: str) -> str:
    conflict, disaster = len(g.conflict.findall(lowered)), len(g.disaster.findall(lowered))
    if not conflict and not disaster:
        return "other"
    return "conflict" if conflict > disaster else "disaster"


def _bare(char: str) -> str:
    """A letter without its accent: "é" -> "e"."""
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def _loose(pattern: str) -> str:
    """A lexicon pattern that also matches its words written without accents, or with the
    replacement character in place of an accented letter, and any run of spaces for a space."""
    out = []
    for char in pattern:
        base = _bare(char) if char.isalpha() else char
        if base != char:
            out.append(f"[{char}{base}\ufffd]")
        elif char == " ":
            out.append(r"\s+")
        else:
            out.append(char)
    return "".join(out)


def _alternatives(patterns: list[str]) -> str:
    return "|".join(_loose(p) for p in sorted(patterns, key=len, reverse=True))


@cache
def _table() -> dict[str, Any]:
    with files("transforms").joinpath("data/lexicon_es_fr.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def _marks(code: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _table()[code]["marks"])


def _count_pattern(data: dict[str, Any], prefix: str) -> str:
    """A count with its hedge: "más de 2.000", "unas 100", "un centenar", "1,5 millones"."""
    words = _alternatives(list(data["number_words"]))
    digits = r"\d{1,3}(?:[.,]\d{3}|\s\d{3}(?!\d))+|\d+(?:,\d+)?"
    return (rf"(?P<{prefix}count>(?P<{prefix}hedge>(?:{_alternatives(list(data['hedges']))})\s+)?"
            rf"(?:(?P<{prefix}vague>{_alternatives(list(data['vague']))})"
            rf"|(?<![\w.,])(?P<{prefix}n>{digits}|{words})(?![\w]|[.,]\d)"
            rf"(?:\s+(?P<{prefix}mult>{_alternatives(list(data['multipliers']))})\b)?))")


@cache
def _grammar(code: str) -> Grammar:
    data = _table()[code]
    nouns = _alternatives(list(data["nouns"]))
    people = "|".join(_loose(n) for n, (unit, _g) in data["nouns"].items() if unit == "person")
    after = {kind: _alternatives(p) for kind, p in data["after"].items()}
    before = {kind: _alternatives(p) for kind, p in data["before"].items()}
    every_after = "|".join(f"(?:{p})" for p in after.values())
    every_before = "|".join(f"(?:{p})" for p in before.values())
    count, restated_count = _count_pattern(data, ""), _count_pattern(data, "r_")
    restated = _alternatives(list(data["restated"]))
    # "150 familles soit 1206 personnes à charges), sont sans abris": a restatement in people may
    # sit between the count and what happened to them, with a few words of its own
    restatement = (rf"(?:\s*(?:\(|,)?\s*(?:(?:{restated})\s+)?{restated_count}\s+(?:{people})"
                   rf"(?:\s+[^\d().;:]{{1,25}}?)?\s*\)?\s*,?)?")
    # a few words may describe the counted noun before the auxiliary: "300 familias de la zona fueron"
    described = r"(?:\s+(?:de|del|d'|des|du|en|dans)\s+[^\d.;:()]{1,40}?)?"
    after_pattern = (rf"\b{count}(?:\s+(?:de\s+|d')?(?P<noun>{nouns})\b{described})?{restatement}"
                     rf"(?:\s+(?:{_alternatives(list(data['auxiliaries']))}))?\s+(?P<pred>{every_after})(?![\w])")
    before_pattern = (rf"(?<![\w])(?P<trigger>{every_before})(?:\s+\w+)?\s+(?:a\s+)?{count}"
                      rf"(?:\s+(?:de\s+)?(?P<noun>{nouns})\b)?")
    return Grammar(
        code=code, after=re.compile(after_pattern), before=re.compile(before_pattern),
        after_kinds=tuple((kind, re.compile(p)) for kind, p in after.items()),
        before_kinds=tuple((kind, re.compile(p)) for kind, p in before.items()),
        words=Table(data["number_words"]), multipliers=Table(data["multipliers"]),
        vague=Table({w: (v[0], v[1], v[2], v[3]) for w, v in data["vague"].items()}),
        hedges=Table(data["hedges"]), nouns=Table({w: (v[0], v[1]) for w, v in data["nouns"].items()}),
        cumulative=re.compile(rf"(?<![\w])(?:{_alternatives(data['cumulative'])})(?![\w])"),
        hypothetical=re.compile(rf"(?<![\w])(?:{_alternatives(data['hypothetical'])})(?![\w])"),
        uncertain=re.compile(rf"(?<![\w])(?:{_alternatives(data['uncertain'])})(?![\w])"),
        conflict=re.compile(rf"(?<![\w])(?:{_alternatives(data['conflict'])})(?![\w])"),
        disaster=re.compile(rf"(?<![\w])(?:{_alternatives(data['disaster'])})(?![\w])"),
    )
