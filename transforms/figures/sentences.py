"""Paragraphs and sentences with their character offsets in the document.

News copy and humanitarian bulletins break every rule a general splitter relies on: missing
spaces after full stops ("Cianjur.IMPACT:-"), bulleted "- " lists, abbreviations ("Nov.",
"Gen."), initials and decimals. The splitter is deliberately simple and predictable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col capt sgt maj cpl pte st no nos jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.n u.k e.g i.e etc vs alta gov sen rep jr sr co inc ltd approx est fig ft mt rev prof hon dept
govt a.m p.m ave blvd rd
""".split())

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a likely
# sentence start, or at a full stop glued to a capitalised word ("floods.IMPACT", "have been killed.But"
# where a scraper dropped the space).
_BOUNDARY = re.compile(r"""([.!?]["'”’)\]]*)(\s+|(?=[A-Z][a-z]*[A-Z:])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"""
                       r"""|-\s*(?=[A-Z]))(?=["'“‘(\[]?[A-Z0-9])""")
_PARAGRAPH = re.compile(r"\n\s*")
# A wire dateline starts the story even where the page ran the headline or a photo caption into it
# with no full stop: "... 3 hamlets evacuated MEXICO CITY (AP) - Eruptions", "(Photo: AP) NAPA,
# Calif. - A strong earthquake", "displaces 100,000 - UN GENEVA, Sept 7 (Reuters) - Fighting". Capitals,
# then a state, country or date after a comma and/or the agency in brackets, then a dash; a run of
# capitals alone ("CHILE - CANADA - OREGON", a menu) is no dateline.
_DATELINE = re.compile(
    r"\s+(?=(?:[A-Z][A-Z.'’-]+\s+){0,3}[A-Z][A-Z.'’-]{2,}"
    r"(?:(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Z0-9][\w.]*){0,3}){1,2}\s*(?:\([A-Za-z/ ]{2,25}\)\s*)?"
    r"|\s*\([A-Za-z/ ]{2,25}\)\s*)"
    r"(?:--|[-–—])\s+[\"“A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    para_start = 0
    for number, para_end in enumerate([*(m.start() for m in _PARAGRAPH.finditer(text)), len(text)]):
        _split_paragraph(text, para_start, para_end, number, sentences)
        match = _PARAGRAPH.match(text, para_end)
        para_start = match.end() if match else para_end
    return sentences


def _split_paragraph(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    cursor = start
    ends = [(m.start() + len(m.group(1)), m.end(), m.start()) for m in _BOUNDARY.finditer(text, start, end)]
    ends += [(m.start(), m.end(), -1) for m in _DATELINE.finditer(text, start, end)
             if m.start() > start and _not_capitals(text, start, m.start())]
    for stop, next_start, dot in sorted(ends):
        if stop < cursor or (dot >= 0 and _is_abbreviation(text, cursor, dot)):
            continue
        _emit(text, cursor, stop, paragraph, out)
        cursor = next_start
    _emit(text, cursor, end, paragraph, out)


def _not_capitals(text: str, start: int, at: int) -> bool:
    """Whether the word before a dateline is written in lower case too (or is a number, a bracket):
    inside a run of capitals ("CANADA - BRITISH COLUMBIA, Canada - ...") no dateline starts."""
    before = [word for word in text[max(start, at - 30):at].split() if word.strip("-–—:")]
    return bool(before) and not before[-1].isupper()


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > sentence_start and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“":
        word_start -= 1
    word = text[word_start:dot].lower()
    if word in ABBREVIATIONS:
        return True
    # single initials ("J. Smith") and decimals are not ends
    return len(word) == 1 and word.isalpha() and text[dot - 1].isupper()


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))
