"""Places of figures: the offline GeoNames gazetteer and how ambiguous names are resolved.
Texts written for these tests."""

from __future__ import annotations

import pytest

from transforms.figures import extract_figures
from transforms.figures.places import actor_countries, country_mentions, place_mentions
from transforms.gazetteer import fold, gazetteer, spelling_key


@pytest.mark.parametrize(("name", "iso3"), [("Tripoli", "LBY"), ("Bani Walid", "LBY"), ("Idlib", "SYR"),
                                             ("Idleb", "SYR"), ("Mogadishu", "SOM"), ("Borno", "NGA"),
                                             ("Helmand", "AFG"), ("Soum", "BFA"),
                                             # admin areas written without the doubled vowels of GeoNames
                                             ("Banadir", "SOM"), ("Hiran", "SOM")])
def test_the_gazetteer_knows_conflict_places_and_their_spellings(name: str, iso3: str) -> None:
    assert iso3 in {p.country_iso3 for p in gazetteer().lookup(name)}


@pytest.mark.parametrize(("written", "gazetteer_name"), [
    ("Deir Ezzor", "Dayr az Zawr"), ("Deir ez-Zor", "Dayr az Zawr"), ("Reef Dimashq", "Rif Dimashq"),
    ("al-Suwaidaa", "As Suwayda"), ("Al-Raqqah", "Ar Raqqah"), ("Jisr al-Shughur", "Jisr ash Shughur"),
    ("Tal Abyad", "Tall Abyad"), ("Qameshly", "Qamishli"),
])
def test_romanisations_of_an_arabic_name_share_one_key(written: str, gazetteer_name: str) -> None:
    assert spelling_key(fold(written)) == spelling_key(fold(gazetteer_name))


def test_names_are_matched_folded() -> None:
    assert fold("Qaşr Bin Ghashīr") == "qasr bin ghashir"
    assert gazetteer().lookup("qasr bin ghashir")[0].country_iso3 == "LBY"


# (text, the place tied to the figure, its country, its precision)
DISAMBIGUATION = [
    ("libya-named", "Fighting in Libya continued. Shelling killed 12 people in Tripoli on Sunday.",
     "Tripoli", "LBY", "admin_area"),
    ("lebanon-named", "In northern Lebanon, clashes in Tripoli killed 3 people, the Lebanese army said.",
     "Tripoli", "LBN", "town"),
    ("by-population", "Shelling killed 12 people in Tripoli.", "Tripoli", "LBY", "admin_area"),
    ("town-and-country", "A car bomb killed 9 people in Mogadishu, Somalia.", "Mogadishu", "SOM", "town"),
    ("paragraph-place", "On 4 May, militants attacked Kaya (Sanmatenga). Two soldiers were wounded.",
     "Kaya", "BFA", "town"),
    ("admin-area", "Floods displaced 4,000 people in Borno state.", "Borno", "NGA", "admin_area"),
    # "state" says an admin area: Shan state (Myanmar), not a town of another spelling in the
    # country the people fled to
    ("named-area-beats-destination", "Officials in China said the border stayed shut. Clashes displaced "
     "9,500 people in Shan state last week.", "Shan", "MMR", "admin_area"),
    ("province-after-name", "Torrential rain left 21 people dead in Hubei province.", "Hubei", "CHN", "admin_area"),
    # a country's name inside a longer place name is not the country: "Hajir Togo" lies in Sudan
    ("country-inside-a-name", "Militias clashed at Hajir Togo, killing 14 herders near Nyala.",
     "Nyala", "SDN", "town"),
    # money is no place: "US dollars" says nothing of where the figure is
    ("currency-not-a-country", "Traders protesting the price of US dollars clashed with police in Tripoli "
     "and 12 were injured.", "Tripoli", "LBY", "admin_area"),
    # a neighbourhood named like a town elsewhere: the city it is in decides
    ("neighbourhood-of-a-city", "Police shot dead a street vendor in the Williamsville neighbourhood of Abidjan.",
     "Abidjan", "CIV", "town"),
    # a country's possessive before a place: the place is what it owns
    ("country-possessive", "A typhoon hit the Philippines on Sunday and China on Monday. About 210,000 people "
     "were evacuated in China's Guangdong province.", "Guangdong", "CHN", "admin_area"),
    # but a city's possessive keeps the city: "Mogadishu's Afgooye road" is a road of Mogadishu
    ("city-possessive", "A bomb exploded at a checkpoint on Mogadishu's Afgooye road, and 6 people were killed.",
     "Mogadishu", "SOM", "town"),
    # a list of a city's neighbourhoods names no towns and no countries ("Kuwait" is a quarter of Mosul)
    ("neighbourhood-list", "About 9,000 people fled on Monday. The fighting in western Mosul reached the Kuwait, "
     "Ma'mun and Wadi Hajar neighbourhoods.", "Mosul", "IRQ", "town"),
    # ACLED's "City-District district (District, Region)": the city before the hyphen, the region spelt
    # without GeoNames' doubled vowels ("Banaadir")
    # a list of names before a plural admin word: the last is a place ("and Yei"), and a three-letter
    # name counts where the admin word after it says it is one ("Yei counties", "Wau state")
    ("admin-list-plural", "Fighting displaced some 7,000 people, with Tambura and Yei counties the worst hit.",
     "Yei", "SSD", "town"),
    ("three-letter-name", "Cattle raiders killed 8 herders in Wau state on Sunday.", "Wau", "SSD", "town"),
    # another romanisation of an Arabic name of two words or more, or with its lower-case article
    ("arabic-romanisation", "Shelling killed 14 civilians in the eastern countryside of Deir Ezzor.",
     "Deir Ezzor", "SYR", "admin_area"),
    ("lower-case-article", "Raids on al-Suwaidaa killed 6 people.", "al-Suwaidaa", "SYR", "admin_area"),
    ("article-and-place-word", "Three fighters were killed in clashes in al-Houla area.", "al-Houla", "SYR", "town"),
    # "at" between two names is the English word: the second is a place of its own
    ("at-between-names", "A car bomb killed 7 people in the neighborhood of al-Sekkary at Aleppo.",
     "Aleppo", "SYR", "admin_area"),
    # a region news copy names alone that GeoNames holds under no such name (data/regions.csv); as
    # an admin area it outranks a town of that name abroad
    ("conflict-region", "Shelling killed 12 civilians in Eastern Ghouta on Sunday.", "Eastern Ghouta", "SYR",
     "admin_area"),
    ("english-name-of-a-governorate", "Gunmen assassinated a man in front of his house in Bait Jan in Rural Damascus.",
     "Rural Damascus", "SYR", "admin_area"),
    ("region-beats-a-foreign-town", "Militiamen killed 9 villagers in Kasai.", "Kasai", "COD", "admin_area"),
    ("within", "Around 200,000 people have fled within Aleppo alone.", "Aleppo", "SYR", "admin_area"),
    ("city-district-hyphen", "A policeman shot and injured a driver in Mogadishu-Karan district (Karan, Banadir).",
     "Mogadishu", "SOM", "town"),
    # a road named by the towns at its ends: both are evidence, enough to outweigh an armed group's
    # home country named after it
    ("road-between-two-towns", "An IED struck a gendarmerie convoy on the axis Djibo-Bourzanga, killing two. "
     "The attack was claimed by the Sahel branch of ISWAP.", "Djibo", "BFA", "town"),
    ("hyphenated-county", "Floods damaged 40 houses in Sibenik-Knin county.", "Sibenik", "HRV", "town"),
    # GeoNames holds it as "Province de l'Oudalan": the elided article goes with the affix
    ("elided-article-in-admin-name", "Gunmen killed two herders near Tin Agadel (Markoye, Oudalan) on Sunday.",
     "Oudalan", "BFA", "admin_area"),
    # the French names ACLED writes for areas the tables hold in English or not at all (data/regions.csv)
    ("french-province-name", "A policeman shot dead a fisherman in a village (Idjwi, Sud-Kivu).", "Sud-Kivu",
     "COD", "admin_area"),
    ("province-made-in-2015", "About 10,000 people fled clashes in Mitwaba territory in Haut-Katanga province.",
     "Haut-Katanga", "COD", "admin_area"),
    ("french-region-name", "Boko Haram fighters abducted three women in a village of Mayo-Tsanaga (Extreme-Nord).",
     "Extreme-Nord", "CMR", "admin_area"),
    ("possessive", "Shelling killed 19 people in Aleppo’s eastern neighbourhoods.", "Aleppo", "SYR", "admin_area"),
    # "Colonia" is a Mexican city's neighbourhood, not Colonia, New Jersey or Uruguay
    ("colonia-is-a-neighbourhood", "In Hermosillo, Sonora, gunmen shot dead a man in Colonia San Benito.",
     "Hermosillo", "MEX", "admin_area"),
    # a province as its sentence's subject
    ("province-as-subject", "Guangdong has suffered the worst of the flooding, where 17 people have died.",
     "Guangdong", "CHN", "admin_area"),
    # the city of a "City, State" pair, not its state
    ("city-before-its-state", "On 6 May 2020, in Maranguape, Ceara, a man was killed in a drive-by shooting.",
     "Maranguape", "BRA", "town"),
    # a town and the state written after it say the country together: Bolivar is also a department
    # of Colombia, but Ciudad Bolivar's state is Bolivar, Venezuela
    ("town-and-its-state", "On 28 April 2020, in Ciudad Bolivar, Bolivar state, police shot dead two men.",
     "Ciudad Bolivar", "VEN", "town"),
    ("sentence-opening-preposition", "In Oudomxay, 17 people were killed on 20 August.", "Oudomxay", "LAO", "town"),
    ("accented-capital", "Thousands were left homeless after the river overflowed in parts of Équateur province.",
     "Équateur", "COD", "admin_area"),
]


@pytest.mark.parametrize(("text", "place", "iso3", "precision"), [r[1:] for r in DISAMBIGUATION],
                         ids=[r[0] for r in DISAMBIGUATION])
def test_ambiguous_names_resolve_by_the_countries_named_and_population(text: str, place: str, iso3: str,
                                                                       precision: str) -> None:
    figure = extract_figures(text, None)[-1]
    assert (figure.place, figure.country_iso3, figure.geo_precision) == (place, iso3, precision)
    assert figure.latitude is not None and figure.longitude is not None


def test_a_surname_as_a_subject_is_no_place() -> None:
    # Johnson County, Kansas is in the tables; a sentence's subject counts only as a province or a big city
    assert extract_figures("Johnson has suffered a great deal; 3 people died.", None)[0].place is None


def test_a_neighbourhood_is_no_village() -> None:
    figure = extract_figures("In Guadalajara, Jalisco, a man was shot dead in Colonia Jardines del Sur.", None)[0]
    assert (figure.place, figure.country_iso3) == ("Guadalajara", "MEX")


def test_a_news_agency_in_brackets_is_no_place() -> None:
    # "(Lana)" is Libya's news agency, not Lana in Italy; "(SANA)" Syria's
    assert [m.place.name for m in place_mentions("Zliten, 03.05 (Lana) Shelling hit Sirte.")] == ["Sirte"]


def test_countries_named_only_as_actors_are_not_places() -> None:
    text = "Russia, the UAE and Turkey have been accused of involvement in the battle for the capital."
    assert country_mentions(text) == []
    assert [m.place.level for m in place_mentions(text)] == []
    assert country_mentions("Five Turkish soldiers were killed.") == []
    assert country_mentions("Turkish troops shelled the town.") == []
    # a country's possessive is its deed, not where it happened
    assert [m.place.name for m in place_mentions("13 members of Iran's elite force killed in Syria")] == ["Syria"]
    # a demonym before a common noun is the country's adjective: not Malian (a town in China) nor Ethiopia's
    # Somali region; before an admin word it is the region
    assert [m.place.name for m in place_mentions("The Malian army clashed with Dozos in Abaye.")] == []
    text = "Kenyan forces shelled a village in Gedo region near Somali border, killing one civilian."
    assert (extract_figures(text, None)[0].place, extract_figures(text, None)[0].country_iso3) == ("Gedo", "SOM")
    assert extract_figures("Floods displaced 3,000 people in the Somali region.", None)[0].country_iso3 == "ETH"
    # the country a force is loyal to is its patron, not where it fought
    text = "15 soldiers and gunmen loyal to Iran were killed in an attack on Deir Ezzor desert"
    assert (extract_figures(text, None)[0].place, extract_figures(text, None)[0].country_iso3) == ("Deir Ezzor", "SYR")
    # a group named after the lands it claims: the fighting is in Syria here
    text = "Clashes between the SDF and Islamic State in Iraq and the Levant displaced 3,000 people."
    assert country_mentions(text) == [] and place_mentions(text) == []
    assert extract_figures(text, None)[0].country_iso3 == "SYR"  # the Syrian Democratic Forces hint it
    # a group named after one country fights there
    assert [iso3 for _, iso3 in country_mentions("Fighters of the Islamic State in Libya attacked.")] == ["LBY"]


@pytest.mark.parametrize(("text", "place", "iso3"), [
    # Ariel is a town in Israel, half a world from where the Burkinabe army fights: the country of
    # the text's armed groups stands, with no town
    ("The Burkinabe army clashed with militants in the area of Ariel, at least four militants were killed.",
     None, "BFA"),
    # a town across the border from the group's country is where it struck: Diffa, Niger
    ("Boko Haram fighters killed 9 herders near Diffa.", "Diffa", "NER"),
    # Niger is also a state of Nigeria: "(Rafi LGA, Niger)", "Niger State"
    ("Gunmen attacked the village (Rafi LGA, Niger) and abducted 4 people.", "Niger", "NGA"),
    ("Gunmen killed 5 villagers in Niger State on Monday.", "Niger", "NGA"),
    # an article and one word has namesakes everywhere: alone in its text it names no country
    ("Warplanes killed 9 people in Al-Shafa town.", None, None),
    ("Warplanes killed 9 people in al-Susah.", None, None),
], ids=["namesake-on-another-continent", "town-across-a-border", "lga-then-state", "niger-state",
        "article-namesake-capital", "article-namesake-lower"])
def test_a_place_resolves_to_the_country_the_text_means(text: str, place: str | None, iso3: str) -> None:
    figure = extract_figures(text, None)[-1]
    assert (figure.place, figure.country_iso3) == (place, iso3)


def test_several_admin_areas_in_one_breath_make_the_country_the_place() -> None:
    text = "Floods displaced 9,000 people in the provinces of Cordoba, Santa Fe and San Luis in Argentina."
    (figure,) = extract_figures(text, None)
    assert figure.country_iso3 == "ARG"


def test_each_part_of_a_breakdown_is_in_its_own_area() -> None:
    text = ("Fighting displaced more than 21,000 people in the north of Syria last week: 12,000 from Idlib, "
            "5,500 from Aleppo, 2,300 from Hama and 1,400 from Latakia.")
    total, *parts = extract_figures(text, None)
    assert (total.place, total.best) == ("Syria", 21000)
    assert [(p.place, p.best, p.part_of) for p in parts] == [
        ("Idlib", 12000, 0), ("Aleppo", 5500, 0), ("Hama", 2300, 0), ("Latakia", 1400, 0)]


def test_a_count_in_a_list_of_areas_is_in_their_country() -> None:
    (figure,) = extract_figures("Shelling killed 26 people in Idlib, Hama and Latakia on Sunday.", None)
    assert (figure.place, figure.country_iso3) == ("Syria", "SYR")


def test_people_killed_where_they_had_fled_to_are_placed_there() -> None:
    text = "Shelling killed 4 displaced people from Hama countryside in Balyun Camp south of Idlib."
    (figure,) = extract_figures(text, None)
    assert (figure.place, figure.country_iso3) == ("Balyun Camp", "SYR")


def test_armed_groups_hint_the_country_when_no_place_resolves() -> None:
    assert actor_countries("Al Shabaab fighters attacked the base.") == {"SOM"}
    assert actor_countries("Al shabaab militants shot a soldier.") == {"SOM"}  # ACLED's lower-case spelling
    assert actor_countries("An airstrike by Afghan military forces hit a house.") == {"AFG"}
    assert actor_countries("Raia Mutomboki militiamen abducted 5 civilians.") == {"COD"}
    assert actor_countries("Jaysh al-Islam fighters shelled the town.") == {"SYR"}
    assert actor_countries("A mob killed a man in Ihie (Ohaji/Egbema LGA, Imo).") == {"NGA"}  # only Nigeria has LGAs
    assert actor_countries("Floods destroyed 120 houses in Barangay Pahina San Nicolas.") == {"PHL"}  # and barangays
    assert actor_countries("The UNAMA report documents 388 children killed.") == {"AFG"}
    # a country named for its border is the other side of it: the ambush was in Soum, Burkina Faso
    text = "Two policemen killed after an ambush between Baraboule and Petegoli, Soum province, near the Mali border"
    assert [(f.place, f.country_iso3) for f in extract_figures(text, None)] == [("Soum", "BFA")]
    assert country_mentions("the offensive along the Syria - Lebanon border") == []
    assert [iso3 for _, iso3 in country_mentions("near Syria’s border with Turkey")] == ["SYR"]
    # a state visited is a place ("have visited Louisiana since the floods that killed 13")
    text = "Neither candidate has visited Louisiana since historic rains caused flooding that killed 13."
    assert [(f.place, f.country_iso3) for f in extract_figures(text, None)] == [("Louisiana", "USA")]
    # "the Arab world" is no town in Alabama
    text = "The conflict has killed more than 9,000 people in the Arab world’s poorest country."
    assert [f.country_iso3 for f in extract_figures(text, None)] == [None]
    (figure,) = extract_figures("Koglweogo members repelled the attack; two assailants were killed.", None)
    assert figure.country_iso3 == "BFA" and figure.place is None


@pytest.mark.parametrize("text", [
    "At least 15,000 people were displaced on Java island by the floods.",  # Java is also a town in Georgia
    "Floods along the Albany River forced 300 people from their homes.",  # Albany is a town of several countries
])
def test_an_island_or_river_named_like_a_town_is_not_the_town(text: str) -> None:
    (figure,) = extract_figures(text, None)
    assert (figure.place, figure.country_iso3) == (None, None)


@pytest.mark.parametrize("text", [
    # Nina is a town in the United States, Olive a town in several countries
    "Some 400,000 people were evacuated before typhoon Kammuri (local name, Nina) made landfall.",
    "About 3,000 villagers fled the offensive, code-named Olive Branch, in its first week.",
])
def test_a_name_given_to_a_storm_or_an_operation_is_no_place(text: str) -> None:
    (figure,) = extract_figures(text, None)
    assert (figure.place, figure.country_iso3) == (None, None)


@pytest.mark.parametrize("text", [
    # Botswana has districts named North-East, South-East and Central; so do other countries' regions
    "Pyroclastic clouds reached 4,500 m towards South East, and 14,380 people were evacuated.",
    "Some 2,000 people fled to the North East on Monday.",
])
def test_a_compass_direction_is_no_place(text: str) -> None:
    (figure,) = extract_figures(text, None)
    assert (figure.place, figure.country_iso3) == (None, None)


def test_a_storm_named_hurricane_is_not_the_town_of_hurricane() -> None:
    text = ("Floodwaters rose across North Carolina on Monday. The scene was a repeat of Hurricane Fran, which "
            "destroyed 4,300 homes in 1996.")
    (figure,) = extract_figures(text, None)
    assert (figure.place, figure.country_iso3) == ("North Carolina", "USA")


def test_a_sentence_comparing_countries_does_not_place_the_figures_after_it() -> None:
    text = ("Floods killed four people in southern Romania this week. As in other Balkan countries, in "
            "particular Serbia and Bulgaria, the rivers rose after days of rain. Some 235 people had to be "
            "evacuated from their homes.")
    assert [f.country_iso3 for f in extract_figures(text, None)] == ["ROU", "ROU"]


def test_a_province_closing_a_sentence_is_still_a_place() -> None:
    # ACLED's "(district), Province." ends the sentence: the next sentence's first word is no part of it
    text = ("On 28 April 2020, shelling killed 1 civilian in Shewan area of Bala Buluk district, Farah. "
            "Fatalities coded as 0.")
    assert extract_figures(text, None)[0].country_iso3 == "AFG"


def test_a_country_name_is_the_country_not_a_town_of_that_name() -> None:
    (figure,) = extract_figures("Refugees make up 42% of the population in Palestine. In Gaza, 12 were killed.",
                                None)
    assert figure.country_iso3 == "PSE"


def test_refugees_are_placed_where_they_fled_from() -> None:
    text = "In Rakhine State, the military clampdown has sent 900 people fleeing across the border to Bangladesh."
    (figure,) = extract_figures(text, None)
    assert (figure.kind, figure.country_iso3) == ("refugees", "MMR")


def test_a_document_without_any_place_has_no_country() -> None:
    (figure,) = extract_figures("Gunmen killed 4 people at a wedding.", None)
    assert (figure.place, figure.country_iso3, figure.geo_precision) == (None, None, None)


def test_acleds_own_geocode_names_the_place_unless_it_has_namesakes_abroad() -> None:
    text = "On July 6, militants killed four people in Gaselbango (coded as Bourzanga at geoprecision 2)."
    assert [(f.place, f.country_iso3) for f in extract_figures(text, None)] == [("Bourzanga", "BFA")]
    # "Pensa" is known only as another spelling of Penza, Russia: no evidence at all
    text = "On 4 February, militants attacked the village of Danhirmne (coded as Pensa at geoprecision 2), killing 9."
    assert [f.country_iso3 for f in extract_figures(text, None)] == [None]
