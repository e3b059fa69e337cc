"""Invariants of the extractor over any text (Hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.figures import extract_figures

WIRE_WORDS = st.sampled_from(["fatalities.", "Of the", "3", "five", "also",
    "killed", "wounded", "at least", "more than", "about", "dozens", "hundreds of", "thousands", "people",
    "civilians", "soldiers", "were", "displaced", "including", "children", "1,500", "12", "two", "a", "the",
    "fled", "homes", "families", "(", ")", ",", ".", "no one", "was", "hurt", "since", "toll", "rose to",
    "between", "and", "to", "2020", "Monday", "yesterday", "in", "Tripoli", "\u00ad", "-", "million", "2.3m",
])
WIRE_TEXT = st.lists(WIRE_WORDS, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), WIRE_TEXT), st.one_of(st.none(), st.dates()))
def test_never_raises_and_keeps_the_contract_invariants(text: str, published: date | None) -> None:
    figures = extract_figures(text, published, "doc")
    for index, figure in enumerate(figures):
        assert text[figure.start:figure.end] == figure.number_text
        assert figure.number_text in figure.sentence or "\u00ad" in text
        if figure.low is not None:
            assert figure.low <= figure.best
        if figure.high is not None:
            assert figure.best <= figure.high
        assert figure.part_of is None or (0 <= figure.part_of < len(figures) and figure.part_of != index)
        # part_of may point forward ("... 3 fatalities."), never round in a circle: sums need a root
        seen, at = {index}, figure.part_of
        while at is not None:
            assert at not in seen
            seen.add(at)
            at = figures[at].part_of
        if figure.event_date_start and figure.event_date_end:
            assert figure.event_date_start <= figure.event_date_end


@settings(max_examples=20, deadline=2000)
@given(st.integers(min_value=1, max_value=5000))
def test_long_repetitive_input_finishes(repeats: int) -> None:
    text = "Gunmen killed 12 villagers and wounded dozens of others, including 3 children. " * (repeats % 50 + 1)
    assert len(extract_figures(text, None)) >= 2
