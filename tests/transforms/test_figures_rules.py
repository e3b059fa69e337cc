"""Every rule of the figure contract as a table of sentences written for these tests, in the
style of wire copy and humanitarian bulletins. Each row: a text and the figures it must give
(kind, group, unit, best, qualifier, part_of, cumulative, modality), in order."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.figures import extract_figures

P = date(2026, 11, 27)

Row = tuple[str, str, str, int, str, int | None, bool, str]

CASES: list[tuple[str, str, list[Row]]] = [
    # kinds
    ("killed-passive", "Fourteen soldiers were killed in the ambush near Djibo.",
     [("killed", "combatants", "person", 14, "exact", None, False, "asserted")]),
    ("killed-active", "Gunmen killed 12 villagers in Ouahigouya on Tuesday.",
     [("killed", "civilians", "person", 12, "exact", None, False, "asserted")]),
    ("died", "At least 30 people died when the bridge collapsed.",
     [("killed", "people", "person", 30, "at_least", None, False, "asserted")]),
    ("lives", "The storm claimed 41 lives across the province.",
     [("killed", "people", "person", 41, "exact", None, False, "asserted")]),
    ("bodies", "Rescuers recovered the bodies of nine miners.",
     [("killed", "civilians", "person", 9, "exact", None, False, "asserted")]),
    ("injured", "The blast wounded 23 worshippers outside the mosque.",
     [("injured", "civilians", "person", 23, "exact", None, False, "asserted")]),
    ("casualties-noun", "The shelling caused 15 casualties among residents.",
     [("casualties", "people", "person", 15, "exact", None, False, "asserted")]),
    ("casualties-shared-number", "Eight policemen were killed and wounded in the attack.",
     [("casualties", "combatants", "person", 8, "exact", None, False, "asserted")]),
    ("two-numbers-two-kinds", "The raid killed 5 civilians and wounded 12 others.",
     [("killed", "civilians", "person", 5, "exact", None, False, "asserted"),
      ("injured", "civilians", "person", 12, "exact", None, False, "asserted")]),
    ("missing", "Two fishermen are still missing after the boat capsized.",
     [("missing", "people", "person", 2, "exact", None, False, "asserted")]),
    ("abducted", "Gunmen abducted 17 students from a school in Kaduna.",
     [("abducted", "civilians", "person", 17, "exact", None, False, "asserted")]),
    ("detained", "Police arrested 40 protesters in the capital.",
     [("detained", "civilians", "person", 40, "exact", None, False, "asserted")]),
    ("displaced", "Flooding has displaced 3,200 people in Beledweyne.",
     [("displaced", "people", "person", 3200, "exact", None, False, "asserted")]),
    ("fled-homes", "About 900 residents fled their homes after the river burst its banks.",
     [("displaced", "civilians", "person", 900, "approx", None, False, "asserted")]),
    ("evacuated", "Authorities evacuated 1,150 people from low-lying areas ahead of the cyclone.",
     [("evacuated", "people", "person", 1150, "exact", None, False, "asserted")]),
    ("refugees", "More than 2,000 refugees crossed into Chad last week.",
     [("refugees", "people", "person", 2000, "more_than", None, False, "asserted")]),
    ("sheltered", "Some 640 families are staying in evacuation centres in Tacloban.",
     [("sheltered", "people", "household", 640, "approx", None, False, "asserted")]),
    ("homeless", "The fire left 300 people homeless in the camp.",
     [("homeless", "people", "person", 300, "exact", None, False, "asserted")]),
    ("returned", "About 1,200 people returned to their villages in the valley.",
     [("returned", "people", "person", 1200, "approx", None, False, "asserted")]),
    ("housing", "The earthquake destroyed 210 houses and damaged 95 others.",
     [("housing_destroyed", "people", "dwelling", 210, "exact", None, False, "asserted")]),
    ("housing-passive", "At least 48 homes were damaged by the storm.",
     [("housing_destroyed", "people", "dwelling", 48, "at_least", None, False, "asserted")]),
    # groups
    ("group-children", "The strike killed seven children.",
     [("killed", "children", "person", 7, "exact", None, False, "asserted")]),
    ("group-women", "Three women were wounded.",
     [("injured", "women", "person", 3, "exact", None, False, "asserted")]),
    ("group-aid", "Two aid workers were abducted on the road to Kidal.",
     [("abducted", "aid_workers", "person", 2, "exact", None, False, "asserted")]),
    ("group-journalists", "Four journalists were detained at the border.",
     [("detained", "journalists", "person", 4, "exact", None, False, "asserted")]),
    ("group-migrants", "Some 60 migrants drowned off the coast.",
     [("killed", "migrants", "person", 60, "approx", None, False, "asserted")]),
    ("group-members-of-armed", "Airstrikes killed 11 members of the militia.",
     [("killed", "combatants", "person", 11, "exact", None, False, "asserted")]),
    ("group-enclosing", "Gunmen killed three teachers.",
     [("killed", "civilians", "person", 3, "exact", None, False, "asserted")]),
    ("group-others-inherit", "Militants killed two soldiers and wounded five others.",
     [("killed", "combatants", "person", 2, "exact", None, False, "asserted"),
      ("injured", "combatants", "person", 5, "exact", None, False, "asserted")]),
    ("coordinated-phrase", "About 10 members of the army and the militiamen loyal to them were killed in an ambush.",
     [("killed", "combatants", "person", 10, "approx", None, False, "asserted")]),
    ("unknown-noun-before-verb", "On 15 March, militants attacked a post. One porter killed and a vehicle burned.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    ("shot-and-injured", "Two civilians were shot and injured.",
     [("injured", "civilians", "person", 2, "exact", None, False, "asserted")]),
    ("range-after-verb", "The gendarmerie arrested between 25 and 47 people in the town.",
     [("detained", "people", "person", 25, "range", None, False, "asserted")]),
    ("few-with-a-verb", "Two soldiers were killed and several wounded.",
     [("killed", "combatants", "person", 2, "exact", None, False, "asserted"),
      ("injured", "people", "person", 3, "vague", None, False, "asserted")]),
    ("convoy-of-martyrs", "7 citizens join the convoy of martyrs of the Eastern Ghouta.",
     [("killed", "civilians", "person", 7, "exact", None, False, "asserted")]),
    # humanitarian bulletins' idioms
    ("forcing-to-evacuate", "Nine houses were flooded, forcing about 35 people to evacuate.",
     [("evacuated", "people", "person", 35, "approx", None, False, "asserted")]),
    ("staying-at-a-base", "About 6,000 people were staying at the UN base and about 5,000 at the airstrip.",
     [("sheltered", "people", "person", 6000, "approx", None, False, "asserted")]),
    ("host-families", "Some 1,000 people are staying with host families near the border.",
     [("displaced", "people", "person", 1000, "approx", None, False, "asserted")]),
    ("registered-as-displaced", "About 19,000 people were registered as displaced in the prefecture.",
     [("displaced", "people", "person", 19000, "approx", None, False, "asserted")]),
    ("collapsed-houses", "The quake left more than 7,300 collapsed houses.",
     [("housing_destroyed", "people", "dwelling", 7300, "more_than", None, False, "asserted")]),
    ("lakh", "The state says 2.14 lakh people have been accommodated in relief camps.",
     [("sheltered", "people", "person", 214_000, "exact", None, False, "asserted")]),
    ("pre-emptively", "Approximately 488,000 people were pre-emptively evacuated before the typhoon.",
     [("evacuated", "people", "person", 488_000, "approx", None, False, "asserted")]),
    ("unconfirmed-reports", "There are unconfirmed reports of 300 people killed in the raid.",
     [("killed", "people", "person", 300, "exact", None, False, "uncertain")]),
    ("the-figure-is", "The agency estimated 349 families displaced, and the ministry said the figure is 427.",
     [("displaced", "people", "household", 349, "approx", None, False, "asserted"),
      ("displaced", "people", "household", 427, "exact", 0, False, "asserted")]),
    ("toll-counts-families", "Officials put the number of displaced families at 1,250 on Friday.",
     [("displaced", "people", "household", 1250, "exact", None, False, "asserted")]),
    ("toll-counts-families-then-figure", "Local officials estimated the number of families displaced by the floods "
     "to be about 610, while according to the national disaster agency the figure is 700.",
     [("displaced", "people", "household", 610, "approx", None, False, "asserted"),
      ("displaced", "people", "household", 700, "exact", 0, False, "asserted")]),
    ("period-total-days-after", "Shelling killed about 900 civilians in 18 days of escalation on the enclave.",
     [("killed", "civilians", "person", 900, "approx", None, True, "asserted")]),
    ("days-before-are-not-the-figures", "In the second attack in 5 days, a car bomb killed 7 soldiers.",
     [("killed", "combatants", "person", 7, "exact", None, False, "asserted")]),
    ("increment-before-period-total", "The death of 21 fighters raises to about 610 the numbers of people killed "
     "in 7 weeks of clashes.",
     [("killed", "combatants", "person", 21, "exact", None, False, "asserted"),
      ("killed", "people", "person", 610, "approx", None, True, "asserted")]),
    ("inverted-toll-long-noun-phrase", "Renewed shelling raises to more than 30, the number of members and "
     "fighters who were killed in the ranks of both sides.",
     [("killed", "people", "person", 30, "more_than", None, False, "asserted")]),
    ("inverted-toll-killed-and-injured", "More casualties raise to about 25, the number of people killed and "
     "injured in two bombings in the city.",
     [("casualties", "people", "person", 25, "approx", None, False, "asserted")]),
    ("inverted-toll-with-subset", "More casualties raise to 512 including 130 children, the number of citizens "
     "who have been killed since the start of the escalation.",
     [("killed", "people", "person", 512, "exact", None, True, "asserted"),
      ("killed", "children", "person", 130, "exact", 0, True, "asserted")]),
    ("increment-not-the-inverted-toll", "A massacre claims the lives of 7 citizens including 3 children and raises "
     "to about 65 the number of civilian casualties.",
     [("killed", "civilians", "person", 7, "exact", None, False, "asserted"),
      ("killed", "children", "person", 3, "exact", 0, False, "asserted"),
      ("casualties", "civilians", "person", 65, "approx", None, False, "asserted")]),
    ("out-of-whole", "Shelling claims the lives of about 440 civilians out of more than 1,500 people killed "
     "since the offensive began.",
     [("killed", "civilians", "person", 440, "approx", 1, True, "asserted"),
      ("killed", "people", "person", 1500, "more_than", None, True, "asserted")]),
    ("out-of-a-population-is-no-whole", "Floods displaced 300 families out of 1,200 living in the valley.",
     [("displaced", "people", "household", 300, "exact", None, False, "asserted")]),
    ("age-after-a-name", "Police said Adam Kerr, 20, from the town of Hull, was arrested on Sunday.", []),
    ("driven-from-homes-whole-insurgency", "The group's six-year insurgency has killed some 20,000 people and "
     "driven more than two million people from their homes.",
     [("killed", "people", "person", 20000, "approx", None, True, "asserted"),
      ("displaced", "people", "person", 2000000, "more_than", None, True, "asserted")]),
    ("of-them-takes-the-kind-before", "Gunmen killed 12 villagers on Monday. Four of them were women.",
     [("killed", "civilians", "person", 12, "exact", None, False, "asserted"),
      ("killed", "women", "person", 4, "exact", 0, False, "asserted")]),
    ("of-them-with-a-verb-of-its-own", "Gunmen killed 12 villagers on Monday. Two of them set off for the hills.",
     [("killed", "civilians", "person", 12, "exact", None, False, "asserted")]),
    ("digits-glued-to-a-noun", "Officials said 37people are dead after the landslide.",
     [("killed", "people", "person", 37, "exact", None, False, "asserted")]),
    ("critical-condition-of-earlier", "The blast wounded 13 people. At least three are said to be in critical "
     "condition.",
     [("injured", "people", "person", 13, "exact", None, False, "asserted"),
      ("injured", "people", "person", 3, "at_least", 0, False, "asserted")]),
    ("of-which-is-of-them", "Officials said 12 people were injured, 4 of which were in critical condition.",
     [("injured", "people", "person", 12, "exact", None, False, "asserted"),
      ("injured", "people", "person", 4, "exact", 0, False, "asserted")]),
    ("years-from-to-period-total", "Between 954,000 and 1.2 million people were internally displaced from 1986 "
     "to 2005, the study found.",
     [("displaced", "people", "person", 954000, "range", None, True, "asserted")]),
    ("glued-both-sides", "The landslide left 16 dead, 1 injured31,739 people evacuated.",
     [("killed", "people", "person", 16, "exact", None, False, "asserted"),
      ("injured", "people", "person", 1, "exact", None, False, "asserted"),
      ("evacuated", "people", "person", 31739, "exact", None, False, "asserted")]),
    ("toll-rose-from-to", "The death toll from the landslide rose from 9 to 12 on Sunday.",
     [("killed", "people", "person", 12, "exact", None, False, "asserted")]),
    ("range-from-to-not-a-change", "From 2,000 to 3,000 villagers fled when the river burst its banks.",
     [("displaced", "civilians", "person", 2000, "range", None, False, "asserted")]),
    ("toll-counts-people", "The number of displaced people rose to 5,000.",
     [("displaced", "people", "person", 5000, "exact", None, True, "asserted")]),
    ("people-restated-in-families", "About 9,210 people or 1,850 families fled to higher ground in Cotabato.",
     [("displaced", "people", "person", 9210, "approx", None, False, "asserted")]),
    ("person-list-with-commas", "More than 300 men, women and children were killed in the raids on Tawila.",
     [("killed", "people", "person", 300, "more_than", None, False, "asserted")]),
    ("person-list-one-group", "The ambush killed 14 soldiers, policemen and militiamen near Gao.",
     [("killed", "combatants", "person", 14, "exact", None, False, "asserted")]),
    ("first-outcome-then-died", "Two miners were trapped underground and later died in hospital.",
     [("killed", "civilians", "person", 2, "exact", None, False, "asserted")]),
    ("with-injuries-is-injured", "Five people with severe burns were flown to the capital on Friday.",
     [("injured", "people", "person", 5, "exact", None, False, "asserted")]),
    ("fire-consumed-homes", "The bushfire swept through the valley, consuming 23 homes.",
     [("housing_destroyed", "people", "dwelling", 23, "exact", None, False, "asserted")]),
    ("inverted-toll-of-executions", "The group executed three detainees on Friday, raising to 61 the number of "
     "people it has executed since March.",
     [("killed", "people", "person", 3, "exact", None, False, "asserted"),
      ("killed", "people", "person", 61, "exact", None, True, "asserted")]),
    ("a-conflict-that-has-killed", "The accord aims to end a conflict that has killed some 50,000 people.",
     [("killed", "people", "person", 50000, "approx", None, True, "asserted")]),
    ("yearly-disaster-toll-is-cumulative", "Landslides in the hills kill dozens of people every year.",
     [("killed", "people", "person", 24, "vague", None, True, "asserted")]),
    ("one-disaster-this-year-is-not", "The floods have left 83 people dead in one of the worst disasters this year.",
     [("killed", "people", "person", 83, "exact", None, False, "asserted")]),
    ("number-raised-is-a-recount", "Nine were first reported dead, but the number was later raised to 14.",
     [("killed", "people", "person", 9, "exact", None, False, "asserted"),
      ("killed", "people", "person", 14, "exact", 0, False, "asserted")]),
    ("closing-count-glued-to-the-stop", "Gunmen shot dead a farmer. Two of his sons were also killed. The motive "
     "is unknown.3 fatalities.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted"),
      ("killed", "children", "person", 2, "exact", None, False, "asserted"),
      ("killed", "people", "person", 3, "exact", 0, False, "asserted")]),
    ("other-people-are-the-rest", "Shelling killed 40 people, including 6 soldiers and 34 other people.",
     [("killed", "people", "person", 40, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 6, "exact", 0, False, "asserted"),
      ("killed", "people", "person", 34, "exact", 0, False, "asserted")]),
    ("a-later-subject-keeps-its-predicate", "There are 340 pupils at the school, however, twelve have "
     "relocated to the capital.",
     [("displaced", "people", "person", 12, "exact", None, False, "asserted")]),
    ("sitrep-heading-glued-to-counts", "Floods hit Kratie province.IMPACT12 dead3,400 families were evacuated",
     [("killed", "people", "person", 12, "exact", None, False, "asserted"),
      ("evacuated", "people", "household", 3400, "exact", None, False, "asserted")]),
    ("age-limit-is-no-count", "Some 4,100 people were displaced, of whom 60 per cent were children under 18.",
     [("displaced", "people", "person", 4100, "approx", None, False, "asserted")]),
    ("remained-in-collective-centres", "More than 2,300 people remained in collective centres on Friday.",
     [("sheltered", "people", "person", 2300, "more_than", None, False, "asserted")]),
    ("minor-injuries-is-no-person", "Nine people sustained minor injuries when the roof collapsed.",
     [("injured", "people", "person", 9, "exact", None, False, "asserted")]),
    ("another-n-counts-what-the-first-counted", "The earthquake destroyed at least 150 houses and damaged "
     "another 900 within the affected area.",
     [("housing_destroyed", "people", "dwelling", 150, "at_least", None, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 900, "exact", None, False, "asserted")]),
    ("n-more-counts-what-the-first-counted", "Rebels killed nine soldiers and wounded 13 more near the bridge.",
     [("killed", "combatants", "person", 9, "exact", None, False, "asserted"),
      ("injured", "combatants", "person", 13, "exact", None, False, "asserted")]),
    ("own-predicate-is-no-shared-noun", "One was killed, three wounded and 150 houses destroyed.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted"),
      ("injured", "people", "person", 3, "exact", None, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 150, "exact", None, False, "asserted")]),
    ("displaced-households", "The province registered more than 42,000 displaced households in January.",
     [("displaced", "people", "household", 42000, "more_than", None, True, "asserted")]),
    ("thousands-separator-is-no-year", "There are 2,000 displaced people in the town.",
     [("displaced", "people", "person", 2000, "exact", None, False, "asserted")]),
    ("place-then-n-more-shares-the-verb", "Rebels killed three villagers in Baksa district and eight more in "
     "neighbouring Kokrajhar.",
     [("killed", "civilians", "person", 3, "exact", None, False, "asserted"),
      ("killed", "civilians", "person", 8, "exact", None, False, "asserted")]),
    ("taken-refuge-in-a-place-is-displaced", "About 33,000 Sunni Arabs have taken refuge in Kirkuk province "
     "since June.",
     [("displaced", "people", "person", 33000, "approx", None, True, "asserted")]),
    ("houses-suffered-damage", "A total of 127 houses suffered damage in the storm.",
     [("housing_destroyed", "people", "dwelling", 127, "exact", None, False, "asserted")]),
    ("homes-by-place-break-down-the-total", "The hurricane destroyed 836 homes. It wiped out 413 homes in "
     "Long Island, 227 houses in San Salvador, 123 homes in Acklins, 50 houses in Crooked Island and 23 "
     "residences in Rum Cay.",
     [("housing_destroyed", "people", "dwelling", 836, "exact", None, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 413, "exact", 0, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 227, "exact", 0, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 123, "exact", 0, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 50, "exact", 0, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 23, "exact", 0, False, "asserted")]),
    ("in-addition-to-shares-the-verb", "Gunmen shot dead a councillor in addition to 3 of his guards.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 3, "exact", None, False, "asserted")]),
    ("inverted-toll-at-least", "Shelling raises to 215 at least, the number of people killed in 53 days of "
     "the offensive.",
     [("killed", "people", "person", 215, "at_least", None, True, "asserted")]),
    ("inverted-toll-of-assassinations", "A bombing raises to 304, the number of those who have been "
     "assassinated since late April.",
     [("killed", "people", "person", 304, "exact", None, True, "asserted")]),
    ("received-injuries", "A policeman received injuries and two police vehicles were damaged.",
     [("injured", "combatants", "person", 1, "exact", None, False, "asserted")]),
    ("plural-of-a-listed-role", "Unknown gunmen killed two village chiefs near Kaya.",
     [("killed", "civilians", "person", 2, "exact", None, False, "asserted")]),
    ("left-them-injured", "Militants shot at two civilians in the market and left them injured.",
     [("injured", "civilians", "person", 2, "exact", None, False, "asserted")]),
    ("martyrs-and-wounded-are-casualties", "About 25 martyrs and wounded in air strikes on the town.",
     [("casualties", "people", "person", 25, "approx", None, False, "asserted")]),
    ("a-named-person-then-a-number-share-the-verb", "Troops advanced after killing Abu Talha al-Almani and "
     "14 members of the group.",
     [("killed", "people", "person", 14, "exact", None, False, "asserted")]),
    ("a-named-war-has-killed", "The UN says the Yemen war has killed more than 6,200 people.",
     [("killed", "people", "person", 6200, "more_than", None, True, "asserted")]),
    ("an-insurgent-campaign-is-cumulative", "Boko Haram has killed about 15,000 people and displaced more "
     "than 2 million in its bid to create a state.",
     [("killed", "people", "person", 15000, "approx", None, True, "asserted"),
      ("displaced", "people", "person", 2000000, "more_than", None, True, "asserted")]),
    ("a-claim-of-one-clash-is-not-a-campaign", "After heavy gunfire, Al Shabaab militants claimed to have killed "
     "three soldiers.",
     [("killed", "combatants", "person", 3, "exact", None, False, "uncertain")]),
    ("toppled-buildings", "The quake toppled 6,988 buildings in the province.",
     [("housing_destroyed", "people", "dwelling", 6988, "exact", None, False, "asserted")]),
    # bare singulars
    ("singular-passive", "A woman was killed when the shell hit her house.",
     [("killed", "women", "person", 1, "exact", None, False, "asserted")]),
    ("singular-object", "The sniper killed a child near the market.",
     [("killed", "children", "person", 1, "exact", None, False, "asserted")]),
    ("singular-sequence", "A nurse was kidnapped and later found dead.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    ("sequence-reduced-relative", "A suspected cattle thief detained by vigilantes was later shot dead by police.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    ("sequence-relative-not-dead", "Two farmers wounded by stray bullets were taken to the district hospital.",
     [("injured", "civilians", "person", 2, "exact", None, False, "asserted")]),
    ("headline-bare-singular", "Turkish soldier killed in rocket attack near Kilis",
     [("killed", "combatants", "person", 1, "exact", None, False, "asserted")]),
    ("headline-bare-singular-and-number", "Aid worker shot dead, two wounded in Ituri ambush",
     [("killed", "aid_workers", "person", 1, "exact", None, False, "asserted"),
      ("injured", "people", "person", 2, "exact", None, False, "asserted")]),
    ("parent-of-n-is-one-person", "A father of five was shot dead outside his shop in Kano.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    ("headline-parent-of-n", "Mother of three killed in crossfire in Tripoli",
     [("killed", "women", "person", 1, "exact", None, False, "asserted")]),
    ("singular-role-noun", "A ruling party official was gunned down outside his home.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    ("singular-official-adjective", "The raid killed four herders, the official news agency reported.",
     [("killed", "civilians", "person", 4, "exact", None, False, "asserted")]),
    ("singular-sources-not-victims", "Gunmen killed five villagers, including a boy, a resident and a police "
     "official told reporters.",
     [("killed", "civilians", "person", 5, "exact", None, False, "asserted"),
      ("killed", "children", "person", 1, "exact", 0, False, "asserted")]),
    ("unknown-noun-then-second-verb", "Vigilantes killed three Bororo and wounded several others at the market.",
     [("killed", "people", "person", 3, "exact", None, False, "asserted"),
      ("injured", "people", "person", 3, "vague", None, False, "asserted")]),
    ("adjective-before-person-noun", "Some 800 sick and wounded people await evacuation from the enclave.",
     [("injured", "people", "person", 800, "approx", None, False, "asserted")]),
    ("subset-of-unnumbered-whole", "The shell hit a house, killing two civilians and wounding others, "
     "including three children.",
     [("killed", "civilians", "person", 2, "exact", None, False, "asserted"),
      ("injured", "children", "person", 3, "exact", None, False, "asserted")]),
    ("subset-not-a-second-clause", "A car bomb killed 26 displaced people including 19 children.",
     [("killed", "people", "person", 26, "exact", None, False, "asserted"),
      ("killed", "children", "person", 19, "exact", 0, False, "asserted")]),
    ("fronted-whole-breakdown", "Storms left 900 families homeless. Of the 900 families, 500 are in Bimbo "
     "and 400 in Bouar.",
     [("homeless", "people", "household", 900, "exact", None, False, "asserted"),
      ("homeless", "people", "household", 500, "exact", 0, False, "asserted"),
      ("homeless", "people", "household", 400, "exact", 0, False, "asserted")]),
    ("fronted-whole-same-sentence", "Of the 12 dead, seven were soldiers.",
     [("killed", "people", "person", 12, "exact", None, False, "asserted"),
      ("killed", "people", "person", 7, "exact", 0, False, "asserted")]),
    ("fronted-whole-part-with-own-verb", "Of the two men arrested in the raid, one was released on Monday.",
     [("detained", "people", "person", 2, "exact", None, False, "asserted")]),
    ("exact-breakdown-next-sentence", "Eight people were killed on Sunday. Three soldiers and five civilians "
     "died in the blast.",
     [("killed", "people", "person", 8, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 3, "exact", 0, False, "asserted"),
      ("killed", "civilians", "person", 5, "exact", 0, False, "asserted")]),
    ("list-items-are-not-a-breakdown", "Three policemen, two militiamen and one soldier were killed.",
     [("killed", "combatants", "person", 3, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 2, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 1, "exact", None, False, "asserted")]),
    ("ordinal-singular-is-someone-new", "Soldiers opened fire on a family, killing one civilian. A third member "
     "of the family was kidnapped and later found dead.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted"),
      ("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    ("closing-total-holds-unnumbered", "Gunmen stopped the councillor's car and shot him dead. His two "
     "bodyguards were also killed. 3 fatalities.",
     [("killed", "people", "person", 2, "exact", 1, False, "asserted"),
      ("killed", "people", "person", 3, "exact", None, False, "asserted")]),
    ("closing-total-restates-one", "Gunmen kidnapped a trader in the market. The next day his body was found "
     "with signs of torture. 1 fatality.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted"),
      ("killed", "people", "person", 1, "exact", 0, False, "asserted")]),
    ("unknown-name-then-fled", "About 2,500 Yazidi fled into the hills overnight.",
     [("displaced", "people", "person", 2500, "approx", None, False, "asserted")]),
    ("name-in-brackets-inside-phrase", "One presumed Ansarul Islam (AI) fighter was killed near the wells.",
     [("killed", "combatants", "person", 1, "exact", None, False, "asserted")]),
    # subsets
    ("subset-including", "The battle has left hundreds dead, including dozens of civilians.",
     [("killed", "people", "person", 200, "vague", None, True, "asserted"),
      ("killed", "civilians", "person", 24, "vague", 0, True, "asserted")]),
    ("subset-among-them", "Shelling killed 16 people, among them four children.",
     [("killed", "people", "person", 16, "exact", None, False, "asserted"),
      ("killed", "children", "person", 4, "exact", 0, False, "asserted")]),
    ("subset-of-the-dead", "A bomb killed nine people. Four of the dead were soldiers.",
     [("killed", "people", "person", 9, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 4, "exact", 0, False, "asserted")]),
    ("restated-units", "The floods displaced 2,000 families, or about 10,000 people.",
     [("displaced", "people", "person", 10000, "approx", None, False, "asserted")]),
    ("restated-in-brackets", "About 310 households (about 1,600 people) were displaced by the floods.",
     [("displaced", "people", "person", 1600, "approx", None, False, "asserted")]),
    ("re-report", "Five soldiers were killed in Gao. Officials later confirmed that five soldiers died.",
     [("killed", "combatants", "person", 5, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 5, "exact", 0, False, "asserted")]),
    # zeros
    ("zero-no-one", "No one was hurt in the explosion.",
     [("injured", "people", "person", 0, "exact", None, False, "asserted")]),
    ("zero-no-casualties", "No casualties were reported.",
     [("casualties", "people", "person", 0, "exact", None, False, "asserted")]),
    ("zero-neither-nor", "Neither injuries nor fatalities were reported.",
     [("injured", "people", "person", 0, "exact", None, False, "asserted"),
      ("killed", "people", "person", 0, "exact", None, False, "asserted")]),
    # modality
    ("hypothetical-could", "Another 10,000 people could be displaced if the dam fails.",
     [("displaced", "people", "person", 10000, "exact", None, False, "hypothetical")]),
    ("hypothetical-might", "Some 5,000 residents might have to be evacuated.",
     [("evacuated", "civilians", "person", 5000, "approx", None, False, "hypothetical")]),
    ("uncertain-feared", "Twelve miners are feared dead after the collapse.",
     [("killed", "civilians", "person", 12, "exact", None, False, "uncertain")]),
    ("uncertain-claim", "The militants claimed to have killed 30 soldiers.",
     [("killed", "combatants", "person", 30, "exact", None, False, "uncertain")]),
    ("negated", "The army said no civilians were harmed and that 4 soldiers were not wounded.", []),
    # cumulative
    ("cumulative-since", "The conflict has killed more than 3,000 people since April.",
     [("killed", "people", "person", 3000, "more_than", None, True, "asserted")]),
    ("cumulative-toll", "The death toll from the fighting rose to 112.",
     [("killed", "people", "person", 112, "exact", None, True, "asserted")]),
    ("not-cumulative-incident-toll", "The death toll from the bombing rose to 19.",
     [("killed", "people", "person", 19, "exact", None, False, "asserted")]),
    ("not-cumulative-disaster", "The flood's toll rose to nine.",
     [("killed", "people", "person", 9, "exact", None, False, "asserted")]),
    ("cumulative-stock", "Some 2 million people remain displaced by the war.",
     [("displaced", "people", "person", 2_000_000, "approx", None, True, "asserted")]),
    ("increment-not-cumulative", "The death of 34 soldiers raises the death toll to 66 since the offensive began.",
     [("killed", "combatants", "person", 34, "exact", None, False, "asserted"),
      ("killed", "people", "person", 66, "exact", None, True, "asserted")]),
]

NOT_FIGURES = [
    ("fraction-of-a-toll", "About one-third of the casualties were children, the mission said."),
    ("cargo-planes", "Seven cargo planes had landed at the airport."),
    ("barracks", "They said they had seized three barracks south of the capital."),
    ("distance", "The town lies some 145 kilometers southeast of the capital."),
    ("aircraft-model", "An Antonov 32 military cargo plane landed at the airport."),
    ("duration", "The year-long offensive stalled, and 20 bursts of fire were heard."),
    ("age", "A 12-year-old boy was among those at the rally."),
    ("date", "On 26 September 2020, officials met in Ouagadougou."),
    ("money", "The agency appealed for $800 million to help the region."),
    ("percentage", "About 40 percent of the residents have no water."),
    ("fighters-withdrawing", "Some 1,500 to 1,600 mercenaries had fled from the frontlines."),
    ("fighters-evacuated", "Hundreds of mercenaries were evacuated from combat zones."),
    ("affected-is-not-a-kind", "More than 23,000 people have been affected by the floods."),
    ("time", "The attack began at 3 a.m. and ended at 9:20 p.m."),
    ("protesters", "About two dozen relatives protested outside the ministry."),
    ("no-number", "The shelling left casualties and wounded in the countryside."),
    ("acled-coding", "Fatalities coded as 10."),
    ("few-without-people", "Several countries have been accused of involvement."),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES])
def test_contract_rule(text: str, expected: list[Row]) -> None:
    got = [(f.kind, f.group, f.unit, f.best, f.qualifier, f.part_of, f.cumulative, f.modality)
           for f in extract_figures(text, P)]
    assert got == expected


@pytest.mark.parametrize("text", [t for _, t in NOT_FIGURES], ids=[i for i, _ in NOT_FIGURES])
def test_not_a_figure(text: str) -> None:
    assert extract_figures(text, P) == []


def test_figures_carry_their_sentence_and_offsets() -> None:
    text = "Heavy rain fell overnight.\nIn Bossaso, floods displaced 4,300 people, officials said."
    (figure,) = extract_figures(text, P, "doc-1")
    assert figure.doc_id == "doc-1"
    assert text[figure.start:figure.end] == figure.number_text == "4,300"
    assert figure.sentence == "In Bossaso, floods displaced 4,300 people, officials said."


def test_soft_hyphens_do_not_hide_numbers_and_offsets_stay_in_the_original() -> None:
    text = "Nearly 1.2 millio\u00adn people are now stayin\u00adg in relief camps."
    (figure,) = extract_figures(text, None)
    assert (figure.kind, figure.best) == ("sheltered", 1_200_000)
    assert text[figure.start:figure.end] == figure.number_text == "1.2 millio\u00adn"


KIND_RULES = [
    ("The death toll rose to 66.", [("killed", 66, "toll:death toll")]),
    ("14 militants were killed in clashes.", [("killed", 14, "predicate:killed")]),
    ("The attack left 34 casualties.", [("casualties", 34, "noun:casualties")]),
    ("Floods forced 12,000 people from their homes.", [("displaced", 12000, "forced:forced … from their homes")]),
    ("No one was hurt.", [("injured", 0, "zero:no one hurt")]),
    ("Gunmen killed a woman and her two children.", [("killed", 1, "left-verb:killed"),
                                                      ("killed", 2, "shared-verb:left-verb:killed")]),
]


@pytest.mark.parametrize(("text", "expected"), KIND_RULES, ids=[t[:30] for t, _ in KIND_RULES])
def test_every_figure_says_which_rule_gave_its_kind(text: str, expected: list[tuple[str, int, str]]) -> None:
    got = [(f.kind, f.best, f.kind_rule) for f in extract_figures(text, date(2026, 11, 20))]
    assert got == expected
