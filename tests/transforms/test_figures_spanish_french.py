"""Spanish and French texts (transforms/figures/romance.py): which texts are read that way, and
the figures of sentences written for these tests in the style of Latin American and francophone
humanitarian bulletins. Each row: a text and its figures (kind, group, unit, best, qualifier,
cumulative, modality), in order."""

from __future__ import annotations

import pytest

from transforms.figures import extract_figures
from transforms.figures.romance import language_of

Row = tuple[str, str, str, int, str, bool, str]


@pytest.mark.parametrize(("text", "language"), [
    ("Más de quince familias han sido evacuadas de la comunidad de Tiquipaya por las lluvias.", "es"),
    ("Se registran 3 mil viviendas con daños en la comuna de Alto Hospicio, según la oficina regional.", "es"),
    ("Environ 300 personnes ont été évacuées du quartier après les inondations de la semaine dernière.", "fr"),
    ("12 000 PDI (2 400 ménages) identifiés par la DTM dans les 3 préfectures visées", "fr"),
    # English, though it names Spanish places or Arabic ones
    ("Floods in Santa Cruz de la Sierra displaced 300 families on Monday, officials said.", "en"),
    ("Los Zetas gunmen kill five police officers in Nuevo Laredo", "en"),
    ("March 9th 2017: (I418) Al Qa'im, al Hadītha district, Western Anbar province, Iraq", "en"),
    ("Al Qaeda deputy killed in drone strike near al Mukalla", "en"),
])
def test_a_text_is_read_in_its_language(text: str, language: str) -> None:
    assert language_of(text) == language


CASES: list[tuple[str, str, list[Row]]] = [
    ("es-passive-households", "Más de quince familias han sido evacuadas de la comunidad de Tiquipaya por las lluvias.",
     [("evacuated", "people", "household", 15, "more_than", False, "asserted")]),
    ("es-predicate-nouns", "Hay al menos 800 evacuados y tres desaparecidos en la provincia tras las crecidas.",
     [("evacuated", "people", "person", 800, "at_least", False, "asserted"),
      ("missing", "people", "person", 3, "exact", False, "asserted")]),
    ("es-thousands-dot-and-reflexive", "Más de 4.500 campesinos se han desplazado hacia la cabecera municipal.",
     [("displaced", "civilians", "person", 4500, "more_than", False, "asserted")]),
    ("es-mil-dwellings-damaged", "En la región se registran 3 mil viviendas con daños, según la oficina regional.",
     [("housing_destroyed", "people", "dwelling", 3000, "exact", False, "asserted")]),
    ("es-words-before-the-count", "El alud causó la muerte de 7 personas y destruyó 15 viviendas en la localidad.",
     [("killed", "people", "person", 7, "exact", False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 15, "exact", False, "asserted")]),
    ("es-houses-evacuated-are-households", "El incendio forestal obligó a evacuar un centenar de casas del cerro.",
     [("evacuated", "people", "household", 100, "approx", False, "asserted")]),
    ("es-decimal-comma-millions", "Unos 1,2 millones de personas fueron desplazadas por el conflicto en el país.",
     [("displaced", "people", "person", 1_200_000, "approx", False, "asserted")]),
    ("es-hypothetical", "Unas 3.000 familias podrían ser evacuadas si siguen las lluvias en la zona.",
     [("evacuated", "people", "household", 3000, "approx", False, "hypothetical")]),
    ("es-since-is-cumulative", "Desde enero, más de 900 personas han sido desplazadas por los enfrentamientos.",
     [("displaced", "people", "person", 900, "more_than", True, "asserted")]),
    ("es-a-year-is-no-count", "En 2015 fueron evacuadas todas las familias de la zona por las inundaciones.", []),
    ("es-people-are-not-destroyed", "Unas 40 personas destruidas por el dolor se reunieron en la plaza.", []),
    ("es-broken-accents", "M\ufffds de diez familias han sido evacuadas por seguridad a otra comunidad.",
     [("evacuated", "people", "household", 10, "more_than", False, "asserted")]),
    ("fr-households-restated-in-people", "Quelque 230 ménages, soit 1 150 personnes, sont sans abri après les pluies.",
     [("homeless", "people", "person", 1150, "exact", False, "asserted")]),
    ("fr-idps-are-a-stock", "Plus de 12 000 PDI vivent dans les sites de déplacés de la ville.",
     [("displaced", "people", "person", 12000, "more_than", True, "asserted")]),
    ("fr-dead-and-wounded", "Les combats ont fait au moins 9 morts et 21 blessés dans la ville, selon la Croix-Rouge.",
     [("killed", "people", "person", 9, "at_least", False, "asserted"),
      ("injured", "people", "person", 21, "exact", False, "asserted")]),
    ("fr-passive", "Environ 300 personnes ont été évacuées du quartier après les inondations.",
     [("evacuated", "people", "person", 300, "approx", False, "asserted")]),
    ("fr-vague-thousands", "Des milliers de personnes ont fui les violences dans la préfecture de la Ouaka.",
     [("displaced", "people", "person", 2000, "vague", False, "asserted")]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES])
def test_spanish_and_french_figures(text: str, expected: list[Row]) -> None:
    got = [(f.kind, f.group, f.unit, f.best, f.qualifier, f.cumulative, f.modality)
           for f in extract_figures(text, None)]
    assert got == expected


def test_figures_say_their_rule_sentence_and_offsets() -> None:
    text = "Las lluvias no cesan. Más de 4.500 campesinos se han desplazado hacia la cabecera."
    (figure,) = extract_figures(text, None, "doc")
    assert text[figure.start:figure.end] == figure.number_text == "Más de 4.500"
    assert figure.sentence == "Más de 4.500 campesinos se han desplazado hacia la cabecera."
    assert figure.kind_rule == "es:after:desplazado"


def test_their_context_and_places_are_read() -> None:
    dead, injured = extract_figures("Les combats ont fait au moins 9 morts et 21 blessés dans la ville de Bangui.",
                                    None)
    assert (dead.context, dead.place, dead.country_iso3) == ("conflict", "Bangui", "CAF")
    assert (injured.kind, injured.place) == ("injured", "Bangui")
    (evacuated,) = extract_figures("Unas 100 personas fueron evacuadas por las inundaciones en La Paz, Bolivia.", None)
    assert (evacuated.context, evacuated.country_iso3) == ("disaster", "BOL")
