"""The classes of misses seen on text nobody tuned to (issue 9), each as rows written for these
tests in the style of ACLED notes, wire copy and humanitarian bulletins. A row: a text and the
(kind, best, unit, part_of, modality) of the figures it must give, in order."""

from __future__ import annotations

import pytest

from transforms.figures import extract_figures
from transforms.figures.cleanup import clean

Row = tuple[str, int, str, int | None, str]

COVERAGE: list[tuple[str, str, list[Row]]] = [
    # death and harm phrases
    ("shot-to-death", "A trader was shot to death by two armed men in Maiduguri.",
     [("killed", 1, "person", None, "asserted")]),
    ("stabbed-to-death", "Two herders were stabbed to death near Bama.", [("killed", 2, "person", None, "asserted")]),
    ("fatally-shot", "Three protesters were fatally shot outside the ministry.",
     [("killed", 3, "person", None, "asserted")]),
    ("died-of-wounds", "Two soldiers later died of their wounds in Goma.", [("killed", 2, "person", None, "asserted")]),
    ("lynched", "A mob lynched two men accused of theft in Kasai.", [("killed", 2, "person", None, "asserted")]),
    ("beaten-to-death", "A village chief was beaten to death by unidentified men.",
     [("killed", 1, "person", None, "asserted")]),
    ("tortured-then-executed", "At least nine detainees were tortured and then summarily executed.",
     [("killed", 9, "person", None, "asserted")]),
    ("homes-buried", "The landslide buried 40 homes in the village.", [("housing_destroyed", 40, "dwelling", None,
                                                                       "asserted")]),
    ("damage-to-homes", "Officials reported damage to 3,100 homes.", [("housing_destroyed", 3100, "dwelling", None,
                                                                       "asserted")]),
    # taken, then killed: one killed figure
    ("arrested-and-executed-them", "Soldiers arrested fifteen herders at the market and executed them nearby.",
     [("killed", 15, "person", None, "asserted")]),
    ("bodies-found-later", "Two teachers were abducted near Djibo; their bodies were found a week later.",
     [("killed", 2, "person", None, "asserted")]),
    ("missing-then-found-murdered", "A forest ranger went missing and was found murdered two days later.",
     [("killed", 1, "person", None, "asserted")]),
    ("abducted-then-released", "Gunmen abducted 12 passengers; they were released and later found safe.",
     [("abducted", 12, "person", None, "asserted")]),
    ("participle-list", "Three herders were identified, taken away, and executed.",
     [("killed", 3, "person", None, "asserted")]),
    ("neutralised", "The army said it neutralised 14 militants in the operation.",
     [("killed", 14, "person", None, "asserted")]),
    ("slit-throats", "Militants slit the throats of three gold miners.", [("killed", 3, "person", None, "asserted")]),
    ("beat-to-death", "Vigilantes beat a suspected thief to death near the market.",
     [("killed", 1, "person", None, "asserted")]),
    ("stabbed-to-death-active", "A man stabbed to death a police colonel outside his home.",
     [("killed", 1, "person", None, "asserted")]),
    ("more-is-not-a-re-report", "Two soldiers died in the blast. Two more died at the hospital.",
     [("killed", 2, "person", None, "asserted"), ("killed", 2, "person", None, "asserted")]),
    ("parallel-places", "Four villagers were killed overnight in Basnere and 1 in Djibo.",
     [("killed", 4, "person", None, "asserted"), ("killed", 1, "person", None, "asserted")]),
    ("modifier-before-person-noun", "Soldiers arrested seventeen livestock traders and executed them.",
     [("killed", 17, "person", None, "asserted")]),
    ("of-his-family", "Gunmen killed a village chief and at least three of his relatives.",
     [("killed", 1, "person", None, "asserted"), ("killed", 3, "person", None, "asserted")]),
    ("apposition-same-person", "Gunmen opened fire, killing a man, the director of the school, and wounding two.",
     [("killed", 1, "person", None, "asserted"), ("injured", 2, "person", None, "asserted")]),
    ("two-word-singular", "Four gendarmes and a civilian driver were killed in the ambush.",
     [("killed", 4, "person", None, "asserted"), ("killed", 1, "person", None, "asserted")]),
    ("possessor-is-not-a-victim", "Militants attacked the house of the village chief, and two guards were wounded.",
     [("injured", 2, "person", None, "asserted")]),
    ("body-found", "The partially burnt body of a man was found in the river.",
     [("killed", 1, "person", None, "asserted")]),
    ("possessive-body-found", "A woman's body was found in a field near the village.",
     [("killed", 1, "person", None, "asserted")]),
    ("shot-and-died", "A suspect was shot and died at the scene.", [("killed", 1, "person", None, "asserted")]),
    ("abducted-and-stabbed", "A man was abducted by four men and stabbed to death.",
     [("killed", 1, "person", None, "asserted")]),
    ("shot-them-to-death", "Border guards shot two men to death near the crossing.",
     [("killed", 2, "person", None, "asserted")]),
    ("shared-counted-noun", "The clash resulted in 25 rebel fighters and 6 military fatalities.",
     [("killed", 25, "person", None, "asserted"), ("killed", 6, "person", None, "asserted")]),
    ("number-then-apposition", "On Monday, 1 civilian, a tribal elder, was killed by gunmen.",
     [("killed", 1, "person", None, "asserted")]),
    ("bare-list", "A mob attacked the village. 1 killed 3 injured.",
     [("killed", 1, "person", None, "asserted"), ("injured", 3, "person", None, "asserted")]),
    ("ordinal-in-phrase", "Nine fighters from the 5th Brigade were reported killed.",
     [("killed", 9, "person", None, "asserted")]),
    ("sustained-injuries", "Two prisoners sustained serious injuries and were taken to hospital.",
     [("injured", 2, "person", None, "asserted")]),
    ("injuries-counted", "At least 5 injuries were reported after the blast.",
     [("injured", 5, "person", None, "asserted")]),
    ("month-then-count", "Earlier this month 25 people died after floods hit the south.",
     [("killed", 25, "person", None, "asserted")]),
    ("including-without-commas", 'Around "600 people" including tourists had been evacuated from the town.',
     [("evacuated", 600, "person", None, "asserted")]),
    ("people-from-homes", "About 8,200 people from some 3,400 homes were evacuated overnight.",
     [("evacuated", 8200, "person", None, "asserted")]),
    ("rendered-homeless", "About 200 families have been rendered homeless by the floods.",
     [("homeless", 200, "household", None, "asserted")]),
    ("occupied-shelters", "At its peak, an estimated 1,300 people occupied Red Cross shelters.",
     [("sheltered", 1300, "person", None, "asserted")]),
    # singular victims of active verbs, named by their role
    ("assassinated-colonel", "Unidentified gunmen assassinated an army colonel near his residence.",
     [("killed", 1, "person", None, "asserted")]),
    ("executed-director", "Militants executed a school director in the village of Toumo.",
     [("killed", 1, "person", None, "asserted")]),
    ("agent-is-not-a-victim", "Three gunmen killed a police officer in Kano.",
     [("killed", 1, "person", None, "asserted")]),
    ("shot-and-killed-agent", "A soldier shot and killed a civilian at a checkpoint.",
     [("killed", 1, "person", None, "asserted")]),
    ("attempted", "Militants attempted to assassinate a councilman at his home.",
     [("killed", 1, "person", None, "hypothetical")]),
    # combined harm
    ("killed-injured-or-captured", "Four militants were killed, injured or captured in the operation.",
     [("casualties", 4, "person", None, "asserted")]),
    # lists, appositions, breakdowns and restatements: the parts are part_of the whole
    ("dash-list", "Four villagers - two farmers, a teacher and a nurse - were killed.",
     [("killed", 4, "person", None, "asserted"), ("killed", 2, "person", 0, "asserted"),
      ("killed", 1, "person", 0, "asserted"), ("killed", 1, "person", 0, "asserted")]),
    ("comma-apposition", "Six people, five men and a boy, died in the blast.",
     [("killed", 6, "person", None, "asserted"), ("killed", 5, "person", 0, "asserted"),
      ("killed", 1, "person", 0, "asserted")]),
    ("shared-noun", "The clash left 3 soldier and 2 militant fatalities.",
     [("killed", 3, "person", None, "asserted"), ("killed", 2, "person", None, "asserted")]),
    ("two-singulars", "A nurse and another resident were killed.",
     [("killed", 1, "person", None, "asserted"), ("killed", 1, "person", None, "asserted")]),
    ("per-place-breakdown", "The clashes left 8 tribesmen killed, 5 from Al Dahshal and 3 from Al Tilan.",
     [("killed", 8, "person", None, "asserted"), ("killed", 5, "person", 0, "asserted"),
      ("killed", 3, "person", 0, "asserted")]),
    ("toll-breakdown", "The toll is nine: four in Kumba, three in Buea and two in Limbe.",
     [("killed", 9, "person", None, "asserted"), ("killed", 4, "person", 0, "asserted"),
      ("killed", 3, "person", 0, "asserted"), ("killed", 2, "person", 0, "asserted")]),
    ("closing-restatement", "Militants ambushed a patrol, killing 1 soldier and 2 policemen. 3 fatalities.",
     [("killed", 1, "person", None, "asserted"), ("killed", 2, "person", None, "asserted"),
      ("killed", 3, "person", 0, "asserted")]),
    ("no-restatement-without-a-total-word", "Gunmen killed 2 farmers on Monday. Soldiers killed 1 herder. "
     "Floods killed 3 people on Friday.",
     [("killed", 2, "person", None, "asserted"), ("killed", 1, "person", None, "asserted"),
      ("killed", 3, "person", None, "asserted")]),
    # phrases between trigger and number
    ("aside-before-number", "The floods forced the evacuation of, officials said, 2,300 residents.",
     [("evacuated", 2300, "person", None, "asserted")]),
    ("aside-after-noun", "Some 4,000 people, most of them in the north, were displaced.",
     [("displaced", 4000, "person", None, "asserted")]),
    ("mainly-aside", "More than 9,000 people, mainly women and children, fled the town.",
     [("displaced", 9000, "person", None, "asserted")]),
    ("affected-and-displaced", "About 1,200 families were affected and displaced by the floods.",
     [("displaced", 1200, "household", None, "asserted")]),
    # households, camps, homes
    ("homes-evacuated", "On the coast, 80 homes were evacuated as the river rose.",
     [("evacuated", 80, "dwelling", None, "asserted")]),
    ("evacuated-their-homes", "More than 5,000 residents evacuated their homes overnight.",
     [("evacuated", 5000, "person", None, "asserted")]),
    ("forced-into-shelters", "Some 600 people were forced into temporary shelters.",
     [("sheltered", 600, "person", None, "asserted")]),
    ("moved-to-shelters", "About 2,500 people moved to schools and emergency shelters.",
     [("sheltered", 2500, "person", None, "asserted")]),
    # sitrep tables
    ("label-colon", "Number of displaced: 452", [("displaced", 452, "person", None, "asserted")]),
    ("label-total", "IDPs total 12 387", [("displaced", 12387, "person", None, "asserted")]),
    ("label-housing", "Completely destroyed housing: 146", [("housing_destroyed", 146, "dwelling", None, "asserted")]),
    # words run together or split by PDF and OCR extraction
    ("glued-words", "The floods displacedfamilies in Sindh and 45, 000 people werekilled.",
     [("killed", 45000, "person", None, "asserted")]),
    ("line-break-hyphen", "About 2,000 people were evacu-ated from the valley.",
     [("evacuated", 2000, "person", None, "asserted")]),
    ("glued-to-number", "Flooding hit the district: 310 people evacuated200 houses inundated.",
     [("evacuated", 310, "person", None, "asserted")]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in COVERAGE], ids=[i for i, _, _ in COVERAGE])
def test_coverage(text: str, expected: list[Row]) -> None:
    got = [(f.kind, f.best, f.unit, f.part_of, f.modality) for f in extract_figures(text, None)]
    assert got == expected


@pytest.mark.parametrize(("text", "repaired"), [
    ("were displacedfamilies werekilled", "were displaced families were killed"),
    ("forcedmore than 1,000", "forced more than 1,000"),
    ("damageto 61,000 homes", "damage to 61,000 homes"),
    ("evacu-ated fami-lies", "evacuated families"),
    ("45, 000 people", "45,000 people"),
    ("affected4109 people", "affected 4109 people"),
    ("inundatedRESPONSE", "inundated RESPONSE"),
    ("SembilanIMPACTS1 death", "Sembilan IMPACTS 1 death"),  # a heading glued to the word before and the count after
    ("have already fledShirqat", "have already fled Shirqat"),  # a known word glued to a name
    ("stillliving inIDPcamps", "still living in IDP camps"),  # and an acronym glued to a known noun
    ("nearly 500,000 newdisplacements", "nearly 500,000 new displacements"),
    ("theIDPs", "the IDPs"),  # two repairs of one spot insert one space
    ("30,000 homes mayhave been destroyed", "30,000 homes may have been destroyed"),  # a modal and its auxiliary
    ("The stormdestroyed 300 homes", "The storm destroyed 300 homes"),  # any word and a long participle
    # curly marks garbled by a wrong decoding, always the same three characters
    ("the missionŠ—Ès base, Š—“in mass displacementŠ—�", "the mission’s base, “in mass displacement”"),
    # a replaced character alone between spaces was a dash; inside a word it was a letter, left as it is
    ("8,000 to 9,000 \ufffd the number of people", "8,000 to 9,000 \u2013 the number of people"),
    ("R\ufffdo Grande", "R\ufffdo Grande"),
])
def test_cleanup_repairs_extraction_damage(text: str, repaired: str) -> None:
    assert clean(text)[0] == repaired


@pytest.mark.parametrize("text", [
    "Overall, the bodyguards and a policewoman waited without food.",  # ordinary compounds stay whole
    "The undamaged houses, the uninjured and the unregistered stayed.",  # a prefix is no word of its own
    "On June 5, 300 people fled.",  # a day of the month, then the count
    "It was a well-known route.",
    "Staffan Somebody spoke.",
    "The iPhone, eBay and McDonald said UNHCRestimates were wrong.",  # case inside names, unknown halves
])
def test_cleanup_leaves_ordinary_text_alone(text: str) -> None:
    assert clean(text)[0] == text


def test_repaired_text_keeps_original_offsets() -> None:
    text = "In Sindh 45, 000 people werekilled."
    (figure,) = extract_figures(text, None)
    assert text[figure.start:figure.end] == figure.number_text == "45, 000"
    assert figure.sentence == text


@pytest.mark.parametrize(("text", "place", "country", "precision"), [
    ("Gunmen killed 12 villagers in Zamfara State on Monday.", "Zamfara", "NGA", "admin_area"),
    ("In Burkina Faso, militants killed 5 herders in the village of Toumousseni.", "Toumousseni", "BFA", "town"),
    ("Fighters killed 4 civilians in the village of Bushaku in South Kivu province.", "Bushaku", "COD", "town"),
    ("In Somalia, al Shabaab killed 3 soldiers in Kalehe district.", "Kalehe", "SOM", "admin_area"),
    ("Floods displaced 3,000 people in Sindh province.", "Sindh", "PAK", "admin_area"),
])
def test_places_the_gazetteer_does_not_hold_are_named_and_placed_in_the_texts_country(
        text: str, place: str, country: str, precision: str) -> None:
    (figure,) = extract_figures(text, None)
    assert (figure.place, figure.country_iso3, figure.geo_precision) == (place, country, precision)
