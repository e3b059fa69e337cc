"""The kind lexicon (transforms/data/lexicon.toml) as the tables the extractor matches with.

The file lists, per kind, verb lemmas (transitive or not), event nouns, counted nouns and the few
phrases that are not a verb form. Everything the extractor needs is generated here: the forms of
each verb, one pattern per kind for the words before a number ("killing 3"), one pattern for the
predicate after a noun phrase ("were killed", longest phrase first across kinds), the participles
whose active use makes the phrase before them the agent, and the noun tables. So a new trigger is a
line of data, and ``tests/transforms/test_lexicon.py`` proves that the line alone is enough.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from transforms.figures.model import KINDS

NO_KIND = "none"  # the lexicon table of predicates that name no kind ("rescued", "affected")
_SECTIONS = frozenset({"transitive", "intransitive", "forms", "person_objects", "nominals", "before", "after",
                       "nouns", "state_nouns"})
_VOWELS = "aeiou"


@dataclass(frozen=True, slots=True)
class VerbForms:
    base: str
    third: str  # "kills"
    past: str  # "killed"
    participle: str  # "killed", "slain"
    ing: str  # "killing"

    def all(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.base, self.third, self.past, self.participle, self.ing)))


def verb_forms(lemma: str, irregular: dict[str, str] | None = None) -> VerbForms:
    """The five forms of a lemma: regular English rules unless ``irregular`` lists them. A phrasal
    lemma ("tear down") inflects its first word."""
    head, _, particle = lemma.partition(" ")
    tail = f" {particle}" if particle else ""
    given = (irregular or {}).get(head)
    if given:
        parts = given.split()
        if len(parts) != 4:
            raise ValueError(f"lexicon forms for {head!r} must be '3rd-person past participle -ing', got {given!r}")
        third, past, participle, ing = parts
    else:
        third, past, ing = _third(head), _past(head), _ing(head)
        participle = past
    return VerbForms(lemma, third + tail, past + tail, participle + tail, ing + tail)


def _doubles(word: str) -> bool:
    """One-syllable consonant-vowel-consonant words double their last letter: stab -> stabbed."""
    syllables = len(re.findall(r"[aeiouy]+", word))
    return (syllables == 1 and len(word) >= 3 and word[-1] not in _VOWELS + "wxy"
            and word[-2] in _VOWELS and word[-3] not in _VOWELS)


def _third(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ied"
    if _doubles(word):
        return word + word[-1] + "ed"
    return word + "ed"


def _ing(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith("ee"):
        return word[:-1] + "ing"
    if _doubles(word):
        return word + word[-1] + "ing"
    return word + "ing"


def phrase_pattern(phrase: str) -> str:
    """A lexicon phrase as a regular expression: "re:..." as written, words with flexible spaces."""
    if phrase.startswith("re:"):
        pattern = phrase[3:]
        if re.compile(pattern).groups:
            raise ValueError(f"lexicon pattern {phrase!r} must not capture: use (?:...)")
        return pattern
    return r"\s+".join(re.escape(word) for word in phrase.split())


@dataclass(frozen=True, slots=True)
class KindEntry:
    """One table of the lexicon, its verbs already inflected."""

    kind: str | None  # None for the [none] table
    transitive: tuple[VerbForms, ...]
    intransitive: tuple[VerbForms, ...]
    person_objects: tuple[VerbForms, ...]
    nominals: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    nouns: tuple[str, ...]
    state_nouns: tuple[str, ...]

    def before_patterns(self) -> list[str]:
        """What may stand right before the number: active forms, "the X of", other phrases."""
        words = [form for verb in self.transitive for form in verb.all()]
        out = [phrase_pattern(w) for w in words]
        for nominal in self.nominals:
            body = phrase_pattern(nominal)
            if not re.search(r"\s(?:of|to)$", nominal):
                body += r"\s+of"
            out.append(r"(?:the\s+)?" + body)
        out += [phrase_pattern(p) for p in self.before]
        return _longest_first(out)

    def after_patterns(self) -> list[str]:
        """What may follow the noun phrase: passive participles, the subject verb's forms, phrases."""
        words = [verb.participle for verb in self.transitive]
        words += [form for verb in self.intransitive for form in verb.all()]
        return [phrase_pattern(w) for w in dict.fromkeys(words)] + [phrase_pattern(p) for p in self.after]


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: tuple[KindEntry, ...]

    def kind_entries(self) -> tuple[KindEntry, ...]:
        return tuple(e for e in self.entries if e.kind is not None)

    def strong_nouns(self) -> dict[str, str]:
        return {noun: e.kind for e in self.kind_entries() for noun in e.nouns if e.kind}

    def state_nouns(self) -> dict[str, str]:
        return {noun: e.kind for e in self.kind_entries() for noun in e.state_nouns if e.kind}

    def transitive_participles(self) -> list[str]:
        """'killed', 'torn down': an active past right after a noun phrase, with an object after it,
        makes the phrase the agent."""
        return _longest_first([phrase_pattern(v.past) for e in self.kind_entries() for v in e.transitive]
                              + [phrase_pattern(v.participle) for e in self.kind_entries() for v in e.transitive])

    def predicate_alternatives(self) -> list[tuple[str | None, str]]:
        """(kind, pattern) of every phrase after a noun phrase, longest first: the most specific
        phrase wins whatever its kind."""
        pairs = [(e.kind, p) for e in self.entries for p in e.after_patterns()]
        seen: set[str] = set()
        unique = []
        for kind, pattern in sorted(pairs, key=lambda kp: -len(kp[1])):
            if pattern not in seen:
                seen.add(pattern)
                unique.append((kind, pattern))
        return unique

    def person_object_verbs(self) -> list[str]:
        """Active forms of the verbs whose object is always a person: "killed", "kidnapping"."""
        forms = [phrase_pattern(form) for e in self.kind_entries() for v in e.person_objects
                 for form in (v.base, v.third, v.past, v.ing)]
        # and the active idioms of killing: "shot dead a lieutenant", "stabbed to death a colonel"
        forms += [phrase_pattern(p) for e in self.kind_entries() if e.kind == "killed" for p in e.before
                  if not p.startswith("re:") and ("dead" in p or "death" in p or "down" in p)]
        return _longest_first(forms)

    def person_object_participles(self) -> list[str]:
        """Passive participles of the verbs whose object is always a person: "was lynched"."""
        return _longest_first([phrase_pattern(v.participle) for e in self.kind_entries() for v in e.person_objects])

    def damage_words(self) -> frozenset[str]:
        """One-word housing participles: before a dwelling noun they name the kind ("collapsed houses")."""
        entry = next((e for e in self.entries if e.kind == "housing_destroyed"), None)
        if entry is None:
            return frozenset()
        words = {v.participle for v in entry.transitive} | set(entry.after)
        return frozenset(w for w in words if " " not in w and not w.startswith("re:"))


def _longest_first(patterns: list[str]) -> list[str]:
    return sorted(dict.fromkeys(patterns), key=len, reverse=True)


def parse(data: dict[str, Any]) -> Lexicon:
    """The lexicon from the TOML tables; unknown kinds or keys are errors, not silently ignored."""
    entries = []
    for name, table in data.items():
        if name != NO_KIND and name not in KINDS:
            raise ValueError(f"lexicon table [{name}] is not a kind of the contract ({', '.join(KINDS)}) or [none]")
        unknown = set(table) - _SECTIONS
        if unknown:
            raise ValueError(f"lexicon table [{name}] has unknown keys: {', '.join(sorted(unknown))}")
        irregular = dict(table.get("forms", {}))
        stray = set(table.get("person_objects", ())) - set(table.get("transitive", ()))
        if stray:
            raise ValueError(f"lexicon table [{name}]: person_objects must be transitive lemmas: {', '.join(stray)}")
        for pattern in (*table.get("before", ()), *table.get("after", ()), *table.get("nominals", ())):
            phrase_pattern(pattern)  # fail on load, not on the first text that reaches it
        entries.append(KindEntry(
            kind=None if name == NO_KIND else name,
            transitive=tuple(verb_forms(v, irregular) for v in table.get("transitive", ())),
            intransitive=tuple(verb_forms(v, irregular) for v in table.get("intransitive", ())),
            person_objects=tuple(verb_forms(v, irregular) for v in table.get("person_objects", ())),
            nominals=tuple(table.get("nominals", ())),
            before=tuple(table.get("before", ())),
            after=tuple(table.get("after", ())),
            nouns=tuple(n.lower() for n in table.get("nouns", ())),
            state_nouns=tuple(n.lower() for n in table.get("state_nouns", ())),
        ))
    return Lexicon(tuple(entries))


@cache
def lexicon() -> Lexicon:
    text = files("transforms").joinpath("data", "lexicon.toml").read_text(encoding="utf-8")
    return parse(tomllib.loads(text))
