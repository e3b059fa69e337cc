"""The kind lexicon (transforms/data/lexicon.toml): a trigger is one line of data.

The decisive test copies the package, adds one verb to one table of the copy and runs the extractor
from it in a fresh interpreter: the verb must then work before the number, as a passive predicate,
and under the agent guard, with no other change anywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from transforms.figures import extract_figures
from transforms.figures.lexicon import lexicon, parse, verb_forms

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("lemma", "forms"), [
    ("kill", ("kills", "killed", "killed", "killing")),
    ("execute", ("executes", "executed", "executed", "executing")),
    ("massacre", ("massacres", "massacred", "massacred", "massacring")),
    ("bury", ("buries", "buried", "buried", "burying")),
    ("stab", ("stabs", "stabbed", "stabbed", "stabbing")),
    ("demolish", ("demolishes", "demolished", "demolished", "demolishing")),
    ("displace", ("displaces", "displaced", "displaced", "displacing")),
    ("abduct", ("abducts", "abducted", "abducted", "abducting")),
    ("die", ("dies", "died", "died", "dying")),
    ("wash away", ("washes away", "washed away", "washed away", "washing away")),
])
def test_regular_forms_are_generated(lemma: str, forms: tuple[str, str, str, str]) -> None:
    got = verb_forms(lemma)
    assert (got.third, got.past, got.participle, got.ing) == forms


def test_irregular_forms_come_from_the_table_and_phrasal_verbs_inflect_their_first_word() -> None:
    irregular = {"tear": "tears tore torn tearing", "kidnap": "kidnaps kidnapped kidnapped kidnapping"}
    torn = verb_forms("tear down", irregular)
    assert (torn.past, torn.participle, torn.ing) == ("tore down", "torn down", "tearing down")
    assert verb_forms("kidnap", irregular).past == "kidnapped"
    with pytest.raises(ValueError, match="3rd-person past participle -ing"):
        verb_forms("slay", {"slay": "slew slain"})


@pytest.mark.parametrize(("table", "message"), [
    ({"massacred": {"transitive": ["massacre"]}}, "not a kind of the contract"),
    ({"killed": {"verbs": ["kill"]}}, "unknown keys: verbs"),
    ({"killed": {"after": ["re:(shot|stabbed) dead"]}}, "must not capture"),
])
def test_a_malformed_lexicon_fails_on_load(table: dict[str, dict[str, list[str]]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse(table)


def test_the_shipped_lexicon_covers_every_kind_and_its_phrases_compile() -> None:
    kinds = {entry.kind for entry in lexicon().entries}
    assert {"killed", "injured", "casualties", "displaced", "evacuated", "housing_destroyed", None} <= kinds
    assert "killed" not in lexicon().strong_nouns()  # a participle, never a counted noun


@pytest.mark.parametrize(("sentence", "kind", "best", "rule"), [
    ("Gunmen assassinated a village chief in Kidal.", "killed", 1, "left-verb:assassinated"),
    ("Two traders were slaughtered near the market.", "killed", 2, "predicate:slaughtered"),
    ("A mob lynched three men accused of theft.", "killed", 3, "left-verb:lynched"),
    ("Police jailed 12 protesters overnight.", "detained", 12, "left-verb:jailed"),
    ("About 300 families fled the fighting.", "displaced", 300, "predicate:fled"),
    ("Two soldiers died of their wounds in hospital.", "killed", 2, "predicate:died of their wounds"),
])
def test_entries_of_the_shipped_lexicon_fire(sentence: str, kind: str, best: int, rule: str) -> None:
    figures = extract_figures(sentence, None)
    assert [(f.kind, f.best, f.kind_rule) for f in figures] == [(kind, best, rule)]


def test_an_active_verb_after_a_noun_phrase_makes_it_the_agent() -> None:
    figures = extract_figures("Three gunmen killed a police officer in Kano on Monday.", None)
    assert [(f.kind, f.best, f.group) for f in figures] == [("killed", 1, "combatants")]


_PROBE = """
import json, sys
from transforms.figures import extract_figures
rows = []
for text in sys.argv[1:]:
    rows.append([[f.kind, f.best, f.kind_rule] for f in extract_figures(text, None)])
print(json.dumps(rows))
"""
_SENTENCES = (
    "Militants garroted 4 villagers near Gao.",
    "Four villagers were garroted near Gao.",
    "Three gunmen garroted a police officer near Gao.",
)


def _run(package_root: Path) -> list[list[list[object]]]:
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    out = subprocess.run([sys.executable, "-c", _PROBE, *_SENTENCES], env=env, cwd=package_root,
                         capture_output=True, text=True, check=True, timeout=120)
    return list(json.loads(out.stdout))


def test_one_line_in_the_lexicon_is_enough_to_add_a_trigger(tmp_path: Path) -> None:
    copy = tmp_path / "pkg"
    shutil.copytree(ROOT / "transforms", copy / "transforms", ignore=shutil.ignore_patterns("__pycache__"))
    assert _run(copy) == [[], [], []]  # the verb is unknown before the line is added
    path = copy / "transforms" / "data" / "lexicon.toml"
    text = path.read_text(encoding="utf-8")
    marker = 'transitive = [\n    "kill",'
    assert marker in text
    path.write_text(text.replace(marker, 'transitive = [\n    "garrote", "kill",', 1), encoding="utf-8")
    assert _run(copy) == [
        [["killed", 4, "left-verb:garroted"]],
        [["killed", 4, "predicate:garroted"]],
        [["killed", 1, "left-verb:garroted"]],  # the gunmen are the agent, not three more dead
    ]
