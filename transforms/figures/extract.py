"""Article text to figures, by the contract in ../shared/spec/FIGURES.md.

Per sentence (``candidates``): the numbers (``numbers``), zero statements ("No casualties") and
bare singulars ("a woman was killed"), each with its noun phrase (``nouns``) and kind
(``classify``, ``triggers``). Per document (here): re-reports and subsets of earlier figures
(``part_of``), running totals (``scope``), dates (``dates``) and places (``places``).
"""

from __future__ import annotations

import logging
import re
from datetime import date

from transforms.context import document_and_spans
from transforms.figures import romance
from transforms.figures.candidates import (
    ANAPHORA_BEFORE,
    REFERS_BACK,
    Candidate,
    sentence_candidates,
    sentence_mentions,
)
from transforms.figures.classify import KindRule, RuleSource, context_before, elided
from transforms.figures.cleanup import clean
from transforms.figures.dates import DateMention, find_dates
from transforms.figures.gate import may_hold_figure
from transforms.figures.model import KIND_CLASS, Figure
from transforms.figures.places import assign_places
from transforms.figures.romance import language_of
from transforms.figures.scope import is_cumulative
from transforms.figures.sentences import Sentence, split_sentences

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000


def extract_figures(text: str, published: date | None, doc_id: str = "") -> list[Figure]:
    """All figures of one document, in document order, with ``part_of`` indexes into that order."""
    original = text[:MAX_CHARS]
    language = language_of(original)
    if language != "en":
        return romance.extract(original, published, doc_id, language)  # "más de 2.000 mineros se han desplazado"
    text, back = clean(original)
    sentences = split_sentences(text)
    figures: list[Figure] = []
    sources: list[tuple[Candidate, Sentence]] = []
    seen_values: set[int] = set()
    unread: list[Sentence] = []  # sentences the gate skipped, whose numbers are read only if needed
    for sentence in sentences:
        if not may_hold_figure(sentence.text):
            unread.append(sentence)
            continue
        candidates = sentence_candidates(sentence)
        for cand in candidates:
            m = cand.mention
            if m.kind in ("digits", "words") and ANAPHORA_BEFORE.search(context_before(sentence.text, m.start)):
                if unread:  # "these 1,314 families" may point back at a number of a skipped sentence
                    seen_values.update(n.best for skipped in unread for n in sentence_mentions(skipped.text)
                                       if n.kind in ("digits", "words"))
                    unread.clear()
                if m.best in seen_values:
                    cand.drop = True  # "these 1,314 families": a reference back, not a new report
        seen_values.update(c.mention.best for c in candidates if c.mention.kind in ("digits", "words"))
        for k, cand in enumerate(candidates):
            refers_back = REFERS_BACK.search(context_before(sentence.text, cand.mention.start))
            has_earlier = bool(figures) or any(c.kind and not c.drop for c in candidates[:k])
            if cand.kind is None and not cand.drop and refers_back and has_earlier:
                cand.refers_back = True  # "... estimated to be 349, and according to the ministry the figure is 427"
        for cand in candidates:
            if not cand.of_them or cand.drop:
                continue
            if cand.kind is not None:
                cand.of_previous = cand.of_previous or cand.kind  # "... and four of them were charged"
            elif (figures and figures[-1].best > cand.mention.best and cand.mention.kind in ("digits", "words")
                  and _BE_AFTER.match(sentence.text, cand.np_end)):
                # "Gunmen killed 12 villagers. Four of them were women.": of the figure just before
                cand.kind, cand.of_previous = figures[-1].kind, figures[-1].kind
                cand.kind_rule = KindRule(RuleSource.OF_PREVIOUS, figures[-1].kind_rule or "")
                cand.modality = figures[-1].modality
        whole = _fronted_whole(sentence, candidates, figures, sources)
        index_map: dict[int, int] = {}
        for i, cand in enumerate(candidates):
            if cand.drop or (cand.kind is None and not cand.refers_back):
                continue
            m = cand.mention
            index_map[i] = len(figures)
            figures.append(Figure(
                doc_id=doc_id, kind=cand.kind or "", group=cand.group, unit=cand.unit, low=m.low, best=m.best,
                high=m.high, qualifier=m.qualifier, number_text=m.text, start=sentence.start + m.start,
                end=sentence.start + m.end, sentence=sentence.text, modality=cand.modality,
                kind_rule=str(cand.kind_rule) if cand.kind_rule else None,
            ))
            sources.append((cand, sentence))
        for i, cand in enumerate(candidates):
            part = i in index_map and whole is not None and figures[index_map[i]].part_of is None
            if part and whole is not None and cand.kind_rule and cand.kind_rule.source is RuleSource.OF_PREVIOUS:
                figures[index_map[i]].part_of = whole if whole >= 0 else index_map.get(-whole - 1)
            if i in index_map and cand.subset_of is not None and cand.subset_of in index_map:
                figures[index_map[i]].part_of = index_map[cand.subset_of]
            if i in index_map and cand.refers_back:
                fig = figures[index_map[i]]
                earlier = figures[index_map[i] - 1]
                fig.kind, fig.unit, fig.group = earlier.kind, earlier.unit, earlier.group
                fig.kind_rule = f"re-report:{earlier.kind_rule}"
                fig.part_of = earlier.part_of if earlier.part_of is not None else index_map[i] - 1
    _link_rereports(figures, sources)
    _later_killed(figures, sources, text)
    _link_restated_sums(figures, sources)
    _link_coding_remarks(figures, sources)
    _link_bare_breakdowns(figures, sources)
    _link_exact_breakdowns(figures, sources, text)
    for j, (cand, _sentence) in enumerate(sources):
        if cand.of_previous and figures[j].part_of is None:
            for i in range(j - 1, max(-1, j - 30), -1):
                if KIND_CLASS[figures[i].kind] == KIND_CLASS[cand.of_previous] and figures[i].best >= figures[j].best:
                    if KIND_CLASS[figures[j].kind] != KIND_CLASS[figures[i].kind]:
                        break  # "One of the wounded later died": a death of its own, never part of the injured
                    if figures[j].kind == cand.of_previous and figures[j].kind != figures[i].kind:
                        figures[j].kind = figures[i].kind
                        figures[j].kind_rule = f"of-previous:{figures[i].kind_rule}"
                    figures[j].part_of = figures[i].part_of if figures[i].part_of is not None else i
                    break
        rule = cand.kind_rule
        if (rule is not None and rule.source is RuleSource.TOLL and rule.trigger == "the number"
                and figures[j].part_of is None):
            # "11 thought dead, though the number was raised to sixteen": the same people, recounted
            figures[j].part_of = next((i for i in range(j - 1, -1, -1) if sources[i][1].start == sources[j][1].start
                                       and figures[i].part_of is None
                                       and KIND_CLASS[figures[i].kind] == KIND_CLASS[figures[j].kind]), None)
        if cand.restates is not None and figures[j].part_of is None:
            for i in range(max(0, j - 30), j):
                if (figures[i].best == cand.restates and figures[i].unit == "household"
                        and KIND_CLASS[figures[i].kind] == KIND_CLASS[figures[j].kind]):
                    figures[j].part_of = figures[i].part_of if figures[i].part_of is not None else i
                    break
    following = {s.start: (sentences[i + 1].text if i + 1 < len(sentences) else "") for i, s in enumerate(sentences)}
    if figures:
        _document, own = document_and_spans(text, [(sentence.start, sentence.end) for _cand, sentence in sources])
        for fig, context in zip(figures, own, strict=True):
            fig.context = context
    for fig, (cand, sentence) in zip(figures, sources, strict=True):
        fig.cumulative = is_cumulative(sentence.text, cand.mention.start, cand.np_end, fig.kind,
                                       following.get(sentence.start, ""), cand.stock, fig.context)
    # once cumulative is known: a war's running total holds no incident, a victim is of the dead of its scope
    _link_victims(figures, sources)
    _link_raised_tolls(figures, sources)
    _propagate_cumulative(figures)
    if figures:  # dates are read only for texts that have figures to date
        _assign_dates(figures, sources, find_dates(text, published), published, text)
    assign_places(figures, sentences, text)
    if back is not None:
        for fig, (_cand, sentence) in zip(figures, sources, strict=True):
            fig.start, fig.end = back[fig.start], back[fig.end]
            fig.number_text = original[fig.start:fig.end]
            fig.sentence = original[back[sentence.start]:back[sentence.end]]
    return figures


# "four of them were women": what the part is, not something it did ("two of them set off explosives")
_BE_AFTER = re.compile(r"(?i)\s+(?:were|was|are|is)\b")
# a part with a verb of its own says something else of them: "one was released", "5,800 have been rebuilt"
_OWN_VERB = re.compile(r"(?i)\s+(?:(?:have|has|had)\s+(?:not\s+)?been|(?:was|were|are|is)(?:\s+not)?|have|has|had)?\s*"
                       r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn)\b")
_FRONTED = re.compile(r"(?i)^\W*(?:of|among)\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?$")


def _fronted_whole(sentence: Sentence, candidates: list[Candidate], figures: list[Figure],
                   sources: list[tuple[Candidate, Sentence]]) -> int | None:
    """'Of the 1,314 affected families, 295 are in A, 195 in B and 79 in C': the numbers after
    the fronted whole that have no kind of their own are its parts. Gives them the whole's kind,
    unit and rule, and returns where the whole is: an index into ``figures`` (an earlier figure
    of the same value) or, as ``-1 - i``, candidate ``i`` of this sentence."""
    if not candidates or not _FRONTED.match(sentence.text[:candidates[0].mention.start]):
        return None
    head = candidates[0]
    if head.mention.kind not in ("digits", "words") or not re.match(r"[^,.;:]{0,40}?,", sentence.text[head.np_end:]):
        return None
    if head.kind is not None and not head.drop:
        kind, unit, rule, where = head.kind, head.unit, str(head.kind_rule or ""), -1
    else:
        # the figure of that value, or the people count that restated it ("1,314 families (8,710 people)")
        earlier = next((i for i in range(len(figures) - 1, -1, -1) if figures[i].part_of is None and (
            figures[i].best == head.mention.best or sources[i][0].restates == head.mention.best)), None)
        if earlier is None:
            return None
        kind, rule, where = figures[earlier].kind, figures[earlier].kind_rule or "", earlier
        unit = head.unit if head.head is not None else figures[earlier].unit
    for cand in candidates[1:]:
        if (cand.kind is None and not cand.drop and cand.mention.kind in ("digits", "words")
                and cand.mention.best < head.mention.best and (cand.head is None or cand.unit == unit)
                and not _OWN_VERB.match(sentence.text, cand.np_end)):
            cand.kind, cand.unit = kind, unit
            cand.kind_rule = KindRule(RuleSource.OF_PREVIOUS, rule)
    return where


# "2 more died at the hospital": other people than the 2 before
_MORE = re.compile(r"(?i)\s+(?:more|other|others|additional|further|new)\b")


# "... were also (confirmed) killed", "... also died"; before the number: "they also killed eight"; never a reporting
# verb ("VoJ also reported 1 fatality" is another source's count of the same dead)
_REPORTING = r"(?!(?:reported|stated|claimed|said|counted|recorded|noted|announced|mentioned|put|cited)\b)"
_ALSO_AFTER = re.compile(r"(?i)[^;:]{0,50}?\s(?:(?:were|was|are|is|have|has|had)\s+(?:been\s+)?)?also\s+" + _REPORTING
                         + r"(?:[a-z]+\s+)?[a-z]+(?:ed|en)\b")
_ALSO_BEFORE = re.compile(r"(?i)\balso\s+" + _REPORTING + r"(?:[a-z]+\s+)?[a-z]+(?:ed|en)\s+(?:[\w'-]+\s+){0,3}$")
# "Also a Taliban militant was killed", "In addition, two civilians died": a sentence that says it adds people
_ALSO_OPENS = re.compile(r"(?i)^\W*(?:also|in\s+addition|additionally)\b[^.;:]{0,40}$")
# "another woman", "a third member": someone new (a bare "a man" often re-introduces the lead's victim)
_INDEFINITE = re.compile(r"(?i)(?:an?\s+(?:second|third|fourth|fifth|sixth|further|new)|another)\s")


def _link_rereports(figures: list[Figure], sources: list[tuple[Candidate, Sentence]]) -> None:
    """A later figure with the same value and class as an earlier one in another sentence
    re-reports the same people: it stays, ``part_of`` the first mention."""
    earlier: dict[tuple[int, str, str], list[int]] = {}
    for j, fig in enumerate(figures):
        key = (fig.best, KIND_CLASS[fig.kind], fig.unit)
        same = earlier.setdefault(key, [])
        cand, sentence = sources[j]
        if same and fig.part_of is None and fig.best != 0 and not _MORE.match(sentence.text, cand.mention.end):
            # "a third member" is someone new, unless its whole sentence is said again
            someone_new = cand.mention.kind == "single" and _INDEFINITE.match(cand.mention.text) is not None
            # "Another 15,000 people were displaced": new people, unless the words around it are said again
            someone_new = someone_new or elided(sentence.text, cand.mention)
            # "Eight assailants were killed. Eight soldiers were also killed": "also" adds people
            someone_new = someone_new or _ALSO_AFTER.match(sentence.text, cand.np_end) is not None or (
                _ALSO_BEFORE.search(sentence.text, max(0, cand.mention.start - 60), cand.mention.start) is not None
                or _ALSO_OPENS.match(sentence.text[:cand.mention.start]) is not None)
            around = sentence.text[max(0, cand.mention.start - 40):cand.mention.end + 10]
            for i in same[:20]:
                first = figures[i]
                if (sources[i][1].start != sources[j][1].start
                        and (not someone_new or sources[i][1].text == sentence.text or around in sources[i][1].text)
                        and (first.group == fig.group or "people" in (first.group, fig.group))
                        and not _other_person(sources[i][0], cand)
                        # "a demonstrator ... 1 prisoner was killed", "6 soldiers including a commander ...
                        # while 1 militant was killed": a count by another noun of people is other people
                        and not ((first.part_of is not None or cand.mention.kind in ("digits", "words"))
                                 and fig.unit == "person" and KIND_CLASS[fig.kind] != "displacement"
                                 and _other_noun(sources[i][0].head, cand.head))):
                    fig.part_of = first.part_of if first.part_of is not None else i
                    break
        same.append(j)


# the toll a new count raises: "raising the death toll from the quake to 40", "elevating the death toll ... to"
_RAISES_TOLL = re.compile(r"(?i)\b(?:rais|bring|elevat|push|increas|tak)(?:e|es|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?"
                          r"(?:overall\s+|total\s+|civilian\s+)?(?:death\s+)?toll\b")


def _link_raised_tolls(figures: list[Figure], sources: list[tuple[Candidate, Sentence]]) -> None:
    """'Rescuers pulled three more bodies from the rubble, raising the death toll to 40': the toll
    holds the three, which are part of it. Not for a running total of a war ("raises the death
    toll to 66 since the offensive began"), which the contract keeps apart from incident figures."""
    for j, (cand, sentence) in enumerate(sources):
        rule = cand.kind_rule
        if rule is None or rule.source is not RuleSource.TOLL or figures[j].cumulative:
            continue
        if not _RAISES_TOLL.search(sentence.text, 0, cand.mention.start):
            continue
        for i in range(j - 1, -1, -1):
            if sources[i][1].start != sentence.start:
                break
            if (figures[i].part_of is None and not figures[i].cumulative and figures[i].best < figures[j].best
                    and KIND_CLASS[figures[i].kind] == KIND_CLASS[figures[j].kind]):
                figures[i].part_of = j


def _link_victims(figures: list[Figure], sources: list[tuple[Candidate, Sentence]]) -> None:
    """'Militants assassinated two men. The corpse of one victim was booby-trapped': a victim is
    one of the dead already counted, part of the nearest earlier death figure as large."""
    for j, (cand, _sentence) in enumerate(sources):
        if (cand.head not in ("victim", "victims") or figures[j].part_of is not None or figures[j].kind != "killed"
                or _INDEFINITE.match(cand.mention.text)):
            continue  # "Another victim was found dead": someone new
        earlier = next((i for i in range(j - 1, -1, -1) if figures[i].kind == "killed" and sources[i][0].head
                        not in ("victim", "victims") and figures[i].best >= figures[j].best
                        and figures[i].cumulative == figures[j].cumulative), None)
        if earlier is not None:
            figures[j].part_of = figures[earlier].part_of if figures[earlier].part_of is not None else earlier


_SEX_AND_AGE = {"man": "man", "men": "man", "woman": "woman", "women": "woman", "girl": "girl", "boy": "boy",
                "child": "child", "baby": "child", "teenager": "teen", "mother": "woman", "father": "man"}


# nouns that say nothing of who the people are, so they may name anyone counted before
_ANYONE = frozenset({"people", "persons", "person", "victims", "victim", "others", "individuals", "man", "men",
                     "woman", "women", "bodies", "body", "corpse", "corpses", "dead", "death", "deaths", "fatality",
                     "fatalities", "casualty", "casualties", "lives", "life"})


def _other_noun(first: str | None, later: str | None) -> bool:
    """'a demonstrator ... 1 prisoner': two different nouns of people name different people."""
    return (first is not None and later is not None and first != later
            and first not in _ANYONE and later not in _ANYONE and first.rstrip("s") != later.rstrip("s"))


def _other_person(first: Candidate, later: Candidate) -> bool:
    """'A man ... was killed. Meanwhile, a 17-year-old girl was killed': one each, not one person."""
    if first.mention.kind != "single" or later.mention.kind != "single":
        return False
    a, b = _SEX_AND_AGE.get(first.head or ""), _SEX_AND_AGE.get(later.head or "")
    return a is not None and b is not None and a != b


_TOTAL_WORDS = re.compile(r"(?i)\b(?:total|in\s+all|altogether|overall|fatalit(?:y|ies)|deaths|dead|toll|casualties)\b")


# a sentence that is only a note's closing count: "3 fatalities.", "In total, 5 deaths."
_CLOSING_TOTAL = re.compile(r"(?i)^(?:(?:in\s+total|in\s+all|altogether|overall|total)\W+)?(?:a\s+total\s+of\s+)?"
                            r"\d[\d,]*\s+(?:total\s+)?(?:fatalit(?:y|ies)|deaths|dead)"
                            r"(?:\s+(?:in\s+total|in\s+all|total|overall))?\W*$")


_KILLED_AFTER = re.compile(
    r"(?i)\b(?:(?:executed|killed|murdered|beheaded|shot\s+dead|slaughtered|burned|burnt)\s+(?:them|him|her)\b|"
    # any adverbs between: "their corpses were reportedly found", "were later found"
    r"(?:their|his|her|the)\s+(?:bodies|body|corpses?)\s+(?:were|was)\s+(?:[a-z]+ly\s+|later\s+){0,2}found|"
    r"(?:subsequently|later)\s+(?:found\s+dead|executed|killed)|(?:were|was)\s+found\s+(?:dead|executed|beheaded|"
    r"murdered)|(?:he|she|they)\s+(?:later\s+|subsequently\s+)?(?:succumbed|died)\s+(?:to|of|from)\s+"
    r"(?:his|her|their)\s+(?:wounds|injuries))")


_SOME_OF = re.compile(r"(?i)\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|some|"
                      r"several|most|half|many|few|dozens)\s+of\s+(?:the|them|these|those)\b")


_SOME_OF_BEFORE = re.compile(_SOME_OF.pattern + r"\s*$")


def _later_killed(figures: list[Figure], sources: list[tuple[Candidate, Sentence]], text: str) -> None:
    """'arrested fifteen villagers and executed them', 'Two teachers were abducted; their bodies were
    found a week later': taken, then killed, is one killed figure (the gravest outcome)."""
    for fig, (cand, sentence) in zip(figures, sources, strict=True):
        if fig.kind not in ("abducted", "detained", "missing") or fig.part_of is not None:
            continue
        if _SOME_OF_BEFORE.search(sentence.text[:cand.mention.start]):
            continue  # the whole of "Five of the 20 people abducted were later killed": the verb is the five's
        start = sentence.start + cand.np_end
        window = text[start:min(len(text), start + 220)]
        end_of_next = [m.end() for m in re.finditer(r"[.!?](?:\s|$)", window)][:2]
        later = _KILLED_AFTER.search(window[:end_of_next[-1] if end_of_next else len(window)])
        if (later is not None and not re.search(r"(?i)\b(?:escaped|released|freed|rescued)\b", window[:later.start()])
                and not _SOME_OF.search(window[:later.start()])):  # "Five of the 20 were later killed": a part
            fig.kind, fig.kind_rule = "killed", f"sequence:{fig.kind_rule}"


def _link_restated_sums(figures: list[Figure], sources: list[tuple[Candidate, Sentence]]) -> None:
    """A note's closing restatement ("... killing 1 soldier and 2 volunteer fighters. 3 fatalities.")
    adds up figures of earlier sentences: it is part of the first of them, never added to them."""
    for j, fig in enumerate(figures):
        closing = _CLOSING_TOTAL.match(fig.sentence.strip())
        if (fig.part_of is not None or (fig.best < 2 and not closing) or fig.unit != "person"
                or not _TOTAL_WORDS.search(fig.sentence)):
            continue
        total, members = 0, []
        for i in range(j - 1, -1, -1):
            earlier = figures[i]
            if sources[i][1].start == sources[j][1].start or not _counts_on_its_own(figures, sources, i):
                continue
            if KIND_CLASS[earlier.kind] != KIND_CLASS[fig.kind] or earlier.unit != "person":
                continue
            total += earlier.best
            members.append(i)
            if total >= fig.best:
                break
        if members and total == fig.best and (len(members) >= 2 or closing):
            fig.part_of = members[-1]
            for i in members:
                # "four men were shot dead in A ... four men were shot dead in B ... 9 fatalities": the
                # total says the second four are other people, not a re-report of the first
                figures[i].part_of = None
        elif members and total < fig.best and closing:
            # "... shot him dead. His two bodyguards were also killed. 3 fatalities.": the total
            # holds people the sentences before it name without a number we read; they are its parts
            for i in members:
                figures[i].part_of = j


# ACLED's remark on its own coding: "Fatalities coded as 2 (VoJ reported 7 fatalities)"
_CODING_REMARK = re.compile(r"(?i)\bcoded\s+(?:as|at)\b[^()]{0,40}\(\s*[^()]{0,40}?\b(?:reported|claimed|said)\s+"
                            r"(?:at\s+least\s+|about\s+|up\s+to\s+)?$")


def _link_coding_remarks(figures: list[Figure], sources: list[tuple[Candidate, Sentence]]) -> None:
    """The count another source gave, in brackets after ACLED's coding ("Fatalities coded as 2 (VoJ
    reported 7 fatalities)"), is a competing estimate of the note's dead, whatever its value: part
    of the note's first death figure, never added to it."""
    for j, fig in enumerate(figures):
        cand, sentence = sources[j]
        if fig.part_of is not None or "coded" not in sentence.text:
            continue
        start = cand.mention.hedge_start if cand.mention.hedge_start is not None else cand.mention.start
        if not _CODING_REMARK.search(sentence.text, 0, start):
            continue
        first = next((i for i in range(j) if KIND_CLASS[figures[i].kind] == KIND_CLASS[fig.kind]
                      and sources[i][1].start != sentence.start), None)
        if first is not None:
            fig.part_of = figures[first].part_of if figures[first].part_of is not None else first


def _link_bare_breakdowns(figures: list[Figure], sources: list[tuple[Candidate, Sentence]]) -> None:
    """A sentence that opens on a bare number, with no noun of its own ("Five people were killed.
    Three were killed in A, while one in B"), breaks down the total of the sentence before it."""
    for j, fig in enumerate(figures):
        cand, sentence = sources[j]
        if (fig.part_of is not None or cand.head is not None or cand.mention.kind not in ("digits", "words")
                or cand.mention.start > 40 or j == 0):
            continue
        previous = [i for i in range(j) if sources[i][1].end <= sentence.start
                    and sentence.start - sources[i][1].end <= 2 and figures[i].part_of is None
                    and KIND_CLASS[figures[i].kind] == KIND_CLASS[fig.kind]]
        if len(previous) != 1:
            continue
        total = previous[0]
        run = [k for k in range(j, len(figures)) if sources[k][1].start == sentence.start
               and figures[k].part_of is None and KIND_CLASS[figures[k].kind] == KIND_CLASS[fig.kind]]
        if sum(figures[k].best for k in run) <= figures[total].best and fig.best < figures[total].best:
            for k in run:
                figures[k].part_of = total


def _link_exact_breakdowns(figures: list[Figure], sources: list[tuple[Candidate, Sentence]], text: str) -> None:
    """'Airstrikes kill eight civilians ... strikes killed three women, five children': two or more
    figures of one sentence that add up exactly to the figure just before them (in their sentence
    or the one before), counting what it counts (people, households, homes), break it down."""
    for w, whole in enumerate(figures):
        if whole.part_of is not None or w + 2 >= len(figures):
            continue
        first = w + 1
        # a running total breaks down only in its own sentence: "the total number of civilian casualties
        # rose ... to 5,166 — 1,601 killed and 3,565 wounded"
        if whole.cumulative and _sentences_apart(sources, w, first) != 0:
            continue

        run = [first]
        while (run[-1] + 1 < len(figures) and sources[run[-1] + 1][1].start == sources[first][1].start
               and _breaks_down(whole, figures[run[-1] + 1])):
            run.append(run[-1] + 1)
        if (len(run) >= 2 and _sentences_apart(sources, w, first) <= 1
                and all(figures[k].part_of is None and figures[k].unit == whole.unit
                        and _breaks_down(whole, figures[k]) for k in run)
                and sum(figures[k].best for k in run) == whole.best
                # a clause of their own, not more items of the whole's list ("3 policemen, 2 militiamen and 1 soldier")
                and _CLAUSE_BETWEEN.search(text, whole.end, figures[first].start)):
            for k in run:
                figures[k].part_of = w


# (or a dash: "to 5,166 — 1,601 killed and 3,565 wounded")
_CLAUSE_BETWEEN = re.compile(r"[.!?—–]|\s-\s|\b(?:kill(?:s|ed|ing)?|died|dead|wounded|injured|were|was|are|is|"
                             r"including|among\s+them|[a-z]+ed)\b", re.IGNORECASE)


def _breaks_down(whole: Figure, part: Figure) -> bool:
    """A part counts what the whole counts: the same class, or the dead and the wounded of casualties."""
    return (KIND_CLASS[part.kind] == KIND_CLASS[whole.kind]
            or (whole.kind == "casualties" and part.kind in ("killed", "injured")))


def _sentences_apart(sources: list[tuple[Candidate, Sentence]], i: int, j: int) -> int:
    """0 for one sentence, 1 for neighbours (nothing but space between them), else 2."""
    first, second = sources[i][1], sources[j][1]
    if first.start == second.start:
        return 0
    return 1 if 0 <= second.start - first.end <= 2 else 2


def _counts_on_its_own(figures: list[Figure], sources: list[tuple[Candidate, Sentence]], i: int) -> bool:
    """Top level, or linked only as a re-report of a figure in another sentence."""
    parent = figures[i].part_of
    if parent is None:
        return True
    return sources[parent][1].start != sources[i][1].start and figures[parent].best == figures[i].best


def _propagate_cumulative(figures: list[Figure]) -> None:
    for fig in figures:
        if fig.part_of is not None and figures[fig.part_of].cumulative and fig.kind in ("killed", "injured"):
            parent = figures[fig.part_of]
            if parent.sentence == fig.sentence:
                fig.cumulative = True


def _assign_dates(figures: list[Figure], sources: list[tuple[Candidate, Sentence]], dates: list[DateMention],
                  published: date | None, text: str) -> None:
    from transforms.figures.dates import date_for

    for fig, (_cand, sentence) in zip(figures, sources, strict=True):
        resolved = date_for(fig.start, sentence, dates, published, text)
        if resolved is not None:
            fig.event_date_start, fig.event_date_end, fig.date_precision = resolved
