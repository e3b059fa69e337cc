"""Conflict, disaster or other: the cue lexicons on made-up wire sentences, one class of text a row."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.context import classify_context, figure_context
from transforms.figures import extract_figures

CASES = [
    ("Militants stormed a village and killed 12 civilians, the army said.", "conflict", "militant-attack"),
    ("An airstrike on a market killed at least 20 people on Tuesday.", "conflict", "airstrike"),
    ("Clashes between rival armed groups forced 3,000 people to flee.", "conflict", "clashes"),
    ("Boko Haram fighters abducted 40 schoolgirls from a boarding school.", "conflict", "named-group"),
    ("IS claimed the suicide bombing that killed nine worshippers.", "conflict", "islamic-state-abbreviation"),
    ("A mob lynched two suspected cattle thieves outside the market, police said.", "conflict", "mob-violence"),
    ("Gang members shot dead a shopkeeper in the Santa Luzia neighbourhood.", "conflict", "gang-killing"),
    ("More martyrs raise the death toll in Maarat al-Numan to 14.", "conflict", "martyrs-toll"),
    ("About 6,000 people were displaced by conflict in the two weeks to Sunday.", "conflict", "displaced-by-conflict"),
    ("Flash floods after torrential rain swept away 200 homes in the valley.", "disaster", "flood"),
    # many words of one domain outweigh a stray word of another: lava "shooting" into the air
    ("The volcano erupted again overnight, shooting lava and ash into the sky; soldiers and police "
     "helped 19,000 villagers flee the eruption.", "disaster", "volcano-with-stray-cues"),
    ("A magnitude 6.1 earthquake flattened houses and killed 15 people.", "disaster", "earthquake"),
    ("The wildfire forced 8,000 residents to evacuate as flames reached the town.", "disaster", "wildfire"),
    ("Cyclone Idai left thousands homeless along the coast.", "disaster", "cyclone"),
    ("Firefighters battled the blaze for hours; two tenants suffered smoke inhalation.", "disaster", "house-fire"),
    ("The Black Death killed an estimated 25 million people in the fourteenth century.", "other", "history"),
    ("Air pollution causes some seven million premature deaths a year, the study found.", "other", "pollution"),
    ("In the new game, players defeat hundreds of stormtroopers on a desert planet.", "other", "video-game"),
    ("The central bank raised interest rates for the third time this year.", "other", "economy"),
    ("A US programme offers online university courses to refugees worldwide.", "other", "education"),
    # a place or a person named like a cue word is no cue: Burnie is a port, Snowden a whistleblower
    ("Ferry bookings were moved to Burnie while the Devonport terminal stayed closed.", "other", "name-not-a-cue"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_context_of_a_text(text: str, expected: str) -> None:
    found = classify_context(text)
    assert found.context == expected, found
    assert 0.5 <= found.confidence <= 1.0


def test_a_figure_takes_its_documents_context_unless_its_sentence_clearly_says_another() -> None:
    assert figure_context("Aid agencies distributed food to 500 families.", "disaster") == "disaster"
    assert figure_context("In a separate attack, militants ambushed a patrol and killed five soldiers.",
                          "disaster") == "conflict"


def test_figures_carry_their_context() -> None:
    text = ("Floods after days of heavy rain have forced 12,000 people from their homes in the delta, the "
            "disaster management agency said. In the north, militants ambushed an army convoy and killed "
            "seven soldiers in an attack near the border.")
    figures = extract_figures(text, date(2026, 11, 20))
    assert [(f.kind, f.best, f.context) for f in figures] == [("displaced", 12000, "disaster"),
                                                              ("killed", 7, "conflict")]


WORDS = ["airstrike", "airstrikes", "Air Strikes", "militia", "militiamen", "flood", "Flooding", "FLASH floods",
         "earthquake", "IS", "is", "al-Shabaab", "al Shabaab", "war-torn", "fire crews", "wildfires", "rains",
         "the", "people", "killed", "shot", "Typhoon", "el niño", "bombardment", "Rebels", "firefighter", "a"]


@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=25).map(" ".join))
def test_the_anchored_scan_finds_what_every_cue_pattern_finds(text: str) -> None:
    from transforms.context import _SCANNERS, _cues, lower_same_length

    fast = _cues(text)
    lowered = lower_same_length(text)
    assert len(lowered) == len(text)
    for side, (cues, _weights) in _SCANNERS.items():
        slow = sorted((m.start(), cue.group, cue.alternative) for cue in cues
                      for m in cue.pattern.finditer(text if cue.cased else lowered))
        assert sorted(fast[side]) == slow
