"""Every rule of the figure contract as a table of sentences written for these tests, in the
style of wire copy and humanitarian bulletins. Each row: a text and the figures it must give
(kind, group, unit, best, qualifier, part_of, cumulative, modality), in order."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.figures import extract_figures
from transforms.figures.sentences import split_sentences

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
    # the contract counts homes destroyed or damaged: the 95 "others" are houses too
    ("housing", "The earthquake destroyed 210 houses and damaged 95 others.",
     [("housing_destroyed", "people", "dwelling", 210, "exact", None, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 95, "exact", None, False, "asserted")]),
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
    # a bare number of the next clause counts the people the phrase before it named
    ("group-bare-number-continues", "Four gendarmes were killed and 6 were wounded when their patrol hit a mine.",
     [("killed", "combatants", "person", 4, "exact", None, False, "asserted"),
      ("injured", "combatants", "person", 6, "exact", None, False, "asserted")]),
    ("group-bare-object-continues", "Raiders shot dead 3 herders and injured 2 near the wells.",
     [("killed", "civilians", "person", 3, "exact", None, False, "asserted"),
      ("injured", "civilians", "person", 2, "exact", None, False, "asserted")]),
    ("group-no-verb-of-the-first", "Some 40,000 residents were affected and 2,500 have been evacuated.",
     [("evacuated", "civilians", "person", 2500, "exact", None, False, "asserted")]),
    # but not a list's member, a lone person, or a partitive with its own noun
    ("group-bare-after-a-member", "Gunmen killed 7 people, including 3 children, and wounded 9.",
     [("killed", "people", "person", 7, "exact", None, False, "asserted"),
      ("killed", "children", "person", 3, "exact", 0, False, "asserted"),
      ("injured", "people", "person", 9, "exact", None, False, "asserted")]),
    ("group-bare-after-one-person", "The quake killed a farmer and injured 40 in the valley.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted"),
      ("injured", "people", "person", 40, "exact", None, False, "asserted")]),
    ("group-volunteer-fighters", "Two volunteer fighters were killed and one went missing after the ambush.",
     [("killed", "combatants", "person", 2, "exact", None, False, "asserted"),
      ("missing", "combatants", "person", 1, "exact", None, False, "asserted")]),
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
      ("injured", "combatants", "person", 3, "vague", None, False, "asserted")]),
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
    ("and-then-detained-them", "Soldiers beat three farmers and then detained them near the checkpoint.",
     [("detained", "civilians", "person", 3, "exact", None, False, "asserted")]),
    ("a-family-of-n-counts-its-people", "A landmine explosion killed a family of 6 persons near Hama.",
     [("killed", "people", "person", 6, "exact", None, False, "asserted")]),
    ("a-claim-before-the-number", "The rebels claimed 15 soldiers died in the clashes.",
     [("killed", "combatants", "person", 15, "exact", None, False, "uncertain")]),
    ("a-religious-leader-is-a-civilian", "Gunmen shot dead a religious leader and two community leaders.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted"),
      ("killed", "civilians", "person", 2, "exact", None, False, "asserted")]),
    ("bare-number-after-homes-counts-homes", "More than 3,000 houses were destroyed and 21,000 severely damaged.",
     [("housing_destroyed", "people", "dwelling", 3000, "more_than", None, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 21000, "exact", None, False, "asserted")]),
    ("a-noun-of-its-own-is-no-home", "The storm destroyed 57 homes and 11 outbuildings.",
     [("housing_destroyed", "people", "dwelling", 57, "exact", None, False, "asserted")]),
    ("displaced-then-fled-across-the-border", "About 27,000 people who were displaced in Rakhine state fled "
     "across the border into Bangladesh.",
     [("refugees", "people", "person", 27000, "approx", None, False, "asserted")]),
    ("partitive-is-part-of-its-whole", "Three of the 12 people injured were in critical condition.",
     [("injured", "people", "person", 3, "exact", 1, False, "asserted"),
      ("injured", "people", "person", 12, "exact", None, False, "asserted")]),
    ("partitive-says-what-the-part-is", "Two of the 30 dead were children.",
     [("killed", "children", "person", 2, "exact", 1, False, "asserted"),
      ("killed", "people", "person", 30, "exact", None, False, "asserted")]),
    ("partitive-part-has-its-own-verb", "Five of the 20 people abducted were later killed.",
     [("killed", "people", "person", 5, "exact", None, False, "asserted"),
      ("abducted", "people", "person", 20, "exact", None, False, "asserted")]),
    ("partitive-found-safe-is-no-count", "Fourteen of the 15 people reported missing were reported safe.",
     [("missing", "people", "person", 15, "exact", None, False, "asserted")]),
    ("partitive-whole-without-a-verb-is-no-count", "Gunmen kidnapped 5 of the 20 passengers and killed them.",
     [("killed", "people", "person", 5, "exact", None, False, "asserted")]),
    ("a-year-as-subject-is-no-count", "While 2015 saw the highest number of civilian casualties since 2009, "
     "this year was calmer.", []),
    ("casualty-members-keep-their-kinds", "From Jan. 1, 2009 until June 30, 2016, a total of 63,934 civilian "
     "casualties — 22,941 deaths and 40,993 wounded — have been recorded.",
     [("casualties", "civilians", "person", 63934, "exact", None, True, "asserted"),
      ("killed", "people", "person", 22941, "exact", 0, True, "asserted"),
      ("injured", "civilians", "person", 40993, "exact", 0, True, "asserted")]),
    ("n-others-after-homes-are-homes", "The rains destroyed more than 500 shelters and damaged about 1,000 others.",
     [("housing_destroyed", "people", "dwelling", 500, "more_than", None, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 1000, "approx", None, False, "asserted")]),
    ("sent-teams-are-not-displaced", "The Red Cross sent a total of 25 response teams to the affected areas.", []),
    ("and-another-wounded-is-one", "Two soldiers were killed and another wounded in the ambush.",
     [("killed", "combatants", "person", 2, "exact", None, False, "asserted"),
      ("injured", "combatants", "person", 1, "exact", None, False, "asserted")]),
    ("the-other-was-injured", "One man died and the other was injured.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted"),
      ("injured", "people", "person", 1, "exact", None, False, "asserted")]),
    ("a-quoted-name-is-a-noun", "On 3 March, 2 'Arbakis' were killed and 1 was wounded near Aqcha.",
     [("killed", "people", "person", 2, "exact", None, False, "asserted"),
      ("injured", "people", "person", 1, "exact", None, False, "asserted")]),
    ("and-seriously-injured-them", "A fighter opened fire on two children and seriously injured them.",
     [("injured", "children", "person", 2, "exact", None, False, "asserted")]),
    ("internally-displaced-households", "Haiti still has 14,593 internally displaced households.",
     [("displaced", "people", "household", 14593, "exact", None, True, "asserted")]),
    ("announced-dead", "Four soldiers were initially announced dead, while four others were later found dead.",
     [("killed", "combatants", "person", 4, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 4, "exact", None, False, "asserted")]),
    ("a-bracketed-acronym-does-not-break-a-list", "Militants killed three Koglweogo volunteer fighters (VDP) and "
     "eleven civilians.",
     [("killed", "combatants", "person", 3, "exact", None, False, "asserted"),
      ("killed", "civilians", "person", 11, "exact", None, False, "asserted")]),
    ("a-figure-that-could-not-be-verified", "The army said twenty militants were killed, a figure that could "
     "not be independently verified.",
     [("killed", "combatants", "person", 20, "exact", None, False, "uncertain")]),
    ("a-man-and-then-a-girl-are-two", "A man was killed when a tree fell on his car. Meanwhile, a girl was "
     "killed when a tree fell on a caravan.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted"),
      ("killed", "children", "person", 1, "exact", None, False, "asserted")]),
    ("the-whole-population-apposition", "More than 150 people, the whole population of Santa Rosa (Valle del "
     "Cauca department), were displaced on 11 February.",
     [("displaced", "people", "person", 150, "more_than", None, False, "asserted")]),
    ("fled-to-a-country-are-refugees", "More than 405,000 South Sudanese have fled to Uganda this year.",
     [("refugees", "people", "person", 405000, "more_than", None, True, "asserted")]),
    ("fled-to-a-town-are-displaced", "About 2,000 people fled to Kodok after the attack.",
     [("displaced", "people", "person", 2000, "approx", None, False, "asserted")]),
    ("glued-new-displacements", "Nearly 500,000 newdisplacements have been recorded in the same period.",
     [("displaced", "people", "person", 500000, "approx", None, True, "asserted")]),
    ("inverted-toll-is-a-running-total", "This brings to 332,000 the number of people displaced in the province.",
     [("displaced", "people", "person", 332000, "exact", None, True, "asserted")]),
    ("households-had-their-houses-destroyed", "About 41,000 households (178,000 people) had their houses "
     "destroyed by the quake.",
     [("housing_destroyed", "people", "dwelling", 41000, "approx", None, False, "asserted")]),
    ("able-to-return", "Around 300,000 of the evacuees were able to return to their homes within a week.",
     [("returned", "people", "person", 300000, "approx", None, False, "asserted")]),
    ("another-n-is-no-re-report", "Clashes displaced about 15,000 people in Maungdaw on 12 November. Another "
     "15,000 people were displaced after clashes on 9 October.",
     [("displaced", "people", "person", 15000, "approx", None, True, "asserted"),
      ("displaced", "people", "person", 15000, "exact", None, True, "asserted")]),
    ("people-from-families-count-the-people", "Around 3,000 people from 690 families have been forced from "
     "their homes by the rains.",
     [("displaced", "people", "person", 3000, "approx", None, False, "asserted")]),
    ("residents-from-apartments-in-buildings", "Some 100 residents from 28 apartments in two buildings were "
     "forced to evacuate.",
     [("evacuated", "civilians", "person", 100, "approx", None, False, "asserted")]),
    ("the-nearest-toll-names-the-kind", "The increase in the number of casualties in the attack raises the death "
     "toll to about 50 during the Putin – Erdogan agreement.",
     [("killed", "people", "person", 50, "approx", None, True, "asserted")]),
    ("two-verbs-before-the-number", "They have evacuated and saved more than 1,000 people.",
     [("evacuated", "people", "person", 1000, "more_than", None, False, "asserted")]),
    ("abducted-and-raped", "Unknown gunmen abducted and raped two women in the village.",
     [("abducted", "women", "person", 2, "exact", None, False, "asserted")]),
    ("n-of-whom-is-no-list", "He and eight other students, five of whom were also displaced, study there.",
     [("displaced", "people", "person", 5, "exact", None, False, "asserted")]),
    ("during-the-year-is-a-period", "OCHA recorded 3,427 Palestinian injuries during the year.",
     [("injured", "people", "person", 3427, "exact", None, True, "asserted")]),
    ("the-ongoing-armed-conflicts-have-displaced", "The ongoing armed conflicts in Iraq and Syria have now "
     "displaced more than 10 million people.",
     [("displaced", "people", "person", 10000000, "more_than", None, True, "asserted")]),
    ("found-killed-another-wounded-a-third-abducted", "Militants seized two vehicles, one of the occupants was "
     "found killed, another wounded, and a third abducted.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted"),
      ("injured", "people", "person", 1, "exact", None, False, "asserted"),
      ("abducted", "people", "person", 1, "exact", None, False, "asserted")]),
    ("the-body-of-a-member-is-one", "Militiamen killed and mutilated the body of a member of the community.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    ("fighters-and-civilians-are-people", "At least 38 soldiers and civilians were killed in the attack.",
     [("killed", "people", "person", 38, "at_least", None, False, "asserted")]),
    ("fighters-and-families-evacuated", "About 2,100 opposition fighters and family members were evacuated from "
     "Wadi Barada.",
     [("evacuated", "people", "person", 2100, "approx", None, False, "asserted")]),
    ("half-of-the-displaced-returned", "Half of the 111,000 people displaced from Aleppo returned to their homes.",
     [("displaced", "people", "person", 111000, "exact", None, False, "asserted")]),
    # the man is dead; "allegedly" doubts who shot him (as "presumed" does), so the death is asserted
    ("the-agent-in-a-relative-clause", "Two men who allegedly shot dead a man in the market clashed with police.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted")]),
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
    ("also-is-new-people", "Six attackers were killed near the bridge. Six policemen from the post were also "
     "confirmed killed, officials said.",
     [("killed", "combatants", "person", 6, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 6, "exact", None, False, "asserted")]),
    ("also-reported-is-the-same-dead", "Two villagers were killed in the raid. The local radio also reported 2 "
     "fatalities.",
     [("killed", "civilians", "person", 2, "exact", None, False, "asserted"),
      ("killed", "people", "person", 2, "exact", 0, False, "asserted")]),
    ("headline-runs-into-caption", "Quake kills a 70-year-old man, injures 12 The debris of collapsed houses is "
     "pictured in the town square.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted"),
      ("injured", "people", "person", 12, "exact", None, False, "asserted")]),
    ("settlement-after-of-is-where-they-live", "Gunmen executed seventeen worshipers of the Fulani community.",
     [("killed", "civilians", "person", 17, "exact", None, False, "asserted")]),
    ("place-between-subject-and-verb", "A homeless man south of the city died when a tree fell on him.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    ("relative-clause-then-death", "A soldier who went missing for four days during the exercise died of "
     "dehydration.",
     [("killed", "combatants", "person", 1, "exact", None, False, "asserted")]),
    ("relative-clause-no-death", "Two people who were injured in the blast were taken to hospital.",
     [("injured", "people", "person", 2, "exact", None, False, "asserted")]),
    ("counted-noun-rises-to", "Casualties of the market bombing rise to about 40 people.",
     [("casualties", "people", "person", 40, "approx", None, False, "asserted")]),
    ("martyrs-rise-to", "Shelling went on and more martyrs rises to 12 civilians documented today.",
     [("killed", "civilians", "person", 12, "exact", None, False, "asserted")]),
    ("other-with-its-own-noun", "Ten people were killed, including 4 soldiers and 6 other civilians.",
     [("killed", "people", "person", 10, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 4, "exact", 0, False, "asserted"),
      ("killed", "civilians", "person", 6, "exact", 0, False, "asserted")]),
    ("one-of-the-wounded-died-is-a-new-death", "Gunmen killed five villagers and wounded three others. One of "
     "the wounded later died in hospital.",
     [("killed", "civilians", "person", 5, "exact", None, False, "asserted"),
      ("injured", "civilians", "person", 3, "exact", None, False, "asserted"),
      ("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    ("a-verb-ends-the-including-list", "Raiders attacked the village killing four civilians including the imam and "
     "wounding two others, one of the wounded succumbed.",
     [("killed", "civilians", "person", 4, "exact", None, False, "asserted"),
      ("killed", "civilians", "person", 1, "exact", 0, False, "asserted"),
      ("injured", "civilians", "person", 2, "exact", None, False, "asserted"),
      ("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    ("a-victim-is-one-of-the-dead", "Militants assassinated two men near the well. The corpse of one victim was "
     "booby-trapped.",
     [("killed", "people", "person", 2, "exact", None, False, "asserted"),
      ("killed", "people", "person", 1, "exact", 0, False, "asserted")]),
    ("summarily-shot", "Two men accused of theft were summarily shot by a local militia.",
     [("killed", "people", "person", 2, "exact", None, False, "asserted")]),
    ("hanged", "Three prisoners were hanged at dawn.",
     [("killed", "people", "person", 3, "exact", None, False, "asserted")]),
    ("part-of-between-subject-and-verb", "A civilian driver part of an army convoy was killed by a roadside bomb.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    # "allegedly" before the verb doubts who did it, not that it happened
    # the armed group's (or its outlet's) own count of the enemies it killed is its claim
    ("perpetrator-source-before", "According to Taliban sources, 9 policemen were killed in the raid on the post.",
     [("killed", "combatants", "person", 9, "exact", None, False, "uncertain")]),
    ("perpetrator-outlet-said", "Amaq said 14 soldiers died when its fighters stormed the barracks.",
     [("killed", "combatants", "person", 14, "exact", None, False, "uncertain")]),
    # but not its own losses, nor people it says another side killed
    ("perpetrator-own-losses", "Al-Shabaab said 3 of its fighters were killed in the air strike.",
     [("killed", "combatants", "person", 3, "exact", None, False, "asserted")]),
    ("partisan-accusation", "According to the Taliban, 4 civilians were killed by an army mortar round.",
     [("killed", "civilians", "person", 4, "exact", None, False, "asserted")]),
    ("ministry-run-by-a-group", "According to the Hamas-run health ministry, 26 people were killed.",
     [("killed", "people", "person", 26, "exact", None, False, "asserted")]),
    # ACLED's remark on its coding: the other source's count is an estimate of the same dead
    ("coding-remark-other-value", "Two soldiers were killed at a checkpoint in Zabul. Fatalities coded as 2 "
                                  "(VoJ reported 5 fatalities).",
     [("killed", "combatants", "person", 2, "exact", None, False, "asserted"),
      ("killed", "people", "person", 5, "exact", 0, False, "asserted")]),
    # a list's member is not re-reported by a later count with another noun
    ("list-member-not-re-reported", "Five soldiers including a captain were killed in the ambush. The army said 3 "
                                    "soldiers were wounded, while 1 attacker was killed.",
     [("killed", "combatants", "person", 5, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 1, "exact", 0, False, "asserted"),
      ("injured", "combatants", "person", 3, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 1, "exact", None, False, "asserted")]),
    # another source's count in brackets after a figure: the same people
    ("bracketed-other-estimate", "The blast killed 12 people (hospital sources reported 24 dead) and wounded 30.",
     [("killed", "people", "person", 12, "exact", None, False, "asserted"),
      ("killed", "people", "person", 24, "exact", 0, False, "asserted"),
      ("injured", "people", "person", 30, "exact", None, False, "asserted")]),
    # a list in brackets ends at its bracket: a new verb after it counts new people
    ("bracketed-list-ends", "Gunmen shot dead 6 villagers (including 2 women) in the market and beheaded a herder "
                            "near the river.",
     [("killed", "civilians", "person", 6, "exact", None, False, "asserted"),
      ("killed", "women", "person", 2, "exact", 0, False, "asserted"),
      ("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    # a later count of another noun of people is other people, not a re-report of the same value
    ("same-value-other-noun", "Police shot dead a protester in the square. The crowd then set fire to the jail, "
                              "and 1 prisoner was killed in the blaze.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted"),
      ("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    # but a closing count by a noun that names anyone restates them
    ("same-value-closing-fatality", "Two gunmen wounded a guard. The guard died days later in hospital from his "
                                    "wounds. 1 fatality.",
     [("injured", "combatants", "person", 1, "exact", None, False, "asserted"),
      ("killed", "combatants", "person", 1, "exact", None, False, "asserted"),
      ("killed", "people", "person", 1, "exact", 1, False, "asserted")]),
    # a stock with no cause in its sentence is of the disaster its text is about: no running total
    ("disaster-stock-not-cumulative", "A wildfire tore through the town on Tuesday as firefighters battled the "
                                      "flames. Officials said about 8,000 evacuees headed north to the provincial "
                                      "capital.",
     [("evacuated", "people", "person", 8000, "approx", None, False, "asserted")]),
    # a displacement between two dates in a text about a conflict is the conflict's period total,
    # though its own sentence names no fighting; "between the army and armed groups" is no period
    ("conflict-text-period-total", "Fighting between the army and armed groups intensified across the region, "
                                   "with repeated air strikes. About 6,000 people were displaced from Kidal "
                                   "between 3 and 9 March.",
     [("displaced", "people", "person", 6000, "approx", None, True, "asserted")]),
    # the one counted is whom a possessive names: the official's wife, not the official
    ("possessive-names-the-person", "Gunmen shot dead a local official's wife outside her home in Gao.",
     [("killed", "women", "person", 1, "exact", None, False, "asserted")]),
    ("possessive-kin-of-a-soldier", "Gunmen shot dead a soldier's brother at the market.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    # the passive of a verb whose object is always a person counts its singular subject, whatever its noun
    ("passive-person-verb-unknown-noun", "A village headman was beaten to death by a mob near the market.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    ("passive-person-verb-relative", "Mourners gathered for a bus conductor who was stabbed to death last week.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    ("allegedly-doubts-the-perpetrator", "Police allegedly killed four protesters and injured five.",
     [("killed", "civilians", "person", 4, "exact", None, False, "asserted"),
      ("injured", "civilians", "person", 5, "exact", None, False, "asserted")]),
    ("participle-clause-pronoun", "Snipers opened fire on a civilian near the bridge, killing him.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    ("possessive-is-not-the-pronoun", "Troops opened fire on civilians, killing a woman and her son, and injuring "
     "her husband.",
     [("killed", "women", "person", 1, "exact", None, False, "asserted"),
      ("killed", "children", "person", 1, "exact", None, False, "asserted"),
      ("injured", "civilians", "person", 1, "exact", None, False, "asserted")]),
    ("fatalities-range", "Militias clashed over farmland. Reports on fatalities range from 2 to 4.",
     [("killed", "people", "person", 2, "range", None, False, "asserted")]),
    ("raised-toll-holds-the-increment", "Rescuers pulled three more bodies from the rubble, raising the death toll "
     "from the quake to 40.",
     [("killed", "people", "person", 3, "exact", 1, False, "asserted"),
      ("killed", "people", "person", 40, "exact", None, False, "asserted")]),
    ("agent-with-an-adverb", "A gunman reportedly killed two traders at the market.",
     [("killed", "civilians", "person", 2, "exact", None, False, "asserted")]),
    ("a-long-way-after-including-is-no-member", "Hundreds of people including members of several unions staged a "
     "protest outside the district office on Monday demanding an inquiry into the abduction and killing of a "
     "businessman.",
     [("killed", "civilians", "person", 1, "exact", None, False, "asserted")]),
    ("a-count-in-days-is-no-ratio", "Gunmen killed 5 in 10 days across the province.",
     [("killed", "people", "person", 5, "exact", None, False, "asserted")]),
    ("hedged-noun-count", "Engineers warned a failure of the dam could lead to as many as 50,000 deaths.",
     [("killed", "people", "person", 50000, "up_to", None, False, "hypothetical")]),
    ("a-hedge-before-after-does-not-reach", "Officials fear more bodies could be found after 8 deaths were confirmed "
     "in the town.",
     [("killed", "people", "person", 8, "exact", None, False, "asserted")]),
    # an acronym ending in "-is" is a name, not a demonym like "Somalis"
    ("acronym-before-the-noun", "Airstrikes on the convoy left more than 70 ISIS members dead.",
     [("killed", "people", "person", 70, "more_than", None, False, "asserted")]),
    ("ellipsis-ends-the-hedge", "Guards killed 41 people trying to cross…Militias kill a child in a raid on the "
     "road.",
     [("killed", "people", "person", 41, "exact", None, False, "asserted"),
      ("killed", "children", "person", 1, "exact", None, False, "asserted")]),
    ("at-least-after-the-number", "Shelling left 12 at least dead in the northern countryside.",
     [("killed", "people", "person", 12, "at_least", None, False, "asserted")]),
    ("at-least-after-the-predicate", "3 wounded at least after explosions hit the city.",
     [("injured", "people", "person", 3, "at_least", None, False, "asserted")]),
    ("hours-are-no-object", "Shelling leaves about 10 wounded about 72 hours after a massacre.",
     [("injured", "people", "person", 10, "approx", None, False, "asserted")]),
    ("a-short-place-before-the-death", "At least 11 people in Haiti died in the storm.",
     [("killed", "people", "person", 11, "at_least", None, False, "asserted")]),
    ("a-camp-named-displaced-is-no-predicate", "Shelling killed 9 civilians, including 4 children in the displaced "
     "camp.",
     [("killed", "civilians", "person", 9, "exact", None, False, "asserted"),
      ("killed", "children", "person", 4, "exact", 0, False, "asserted")]),
    # a sitrep's list, its items ended by a dash glued to the word before
    ("sitrep-dash-list", "IMPACT- 1 death- 2 injured- 30 houses were damaged- 2000 evacuated- 5,000 people affected",
     [("killed", "people", "person", 1, "exact", None, False, "asserted"),
      ("injured", "people", "person", 2, "exact", None, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 30, "exact", None, False, "asserted"),
      ("evacuated", "people", "person", 2000, "exact", None, False, "asserted")]),
    ("mostly-aside-without-commas", "18 people mostly foreigners were killed by strikes on the enclave.",
     [("killed", "people", "person", 18, "exact", None, False, "asserted")]),
    ("after-being-kidnapped", "Unknown fate for 30 workers after being kidnapped by the militants.",
     [("abducted", "civilians", "person", 30, "exact", None, False, "asserted")]),
    ("homes-after-a-count-of-flooded-homes", "More than 15,000 houses were flooded, 90 were destroyed and 800 were "
     "severely damaged.",
     [("housing_destroyed", "people", "dwelling", 90, "exact", None, False, "asserted"),
      ("housing_destroyed", "people", "dwelling", 800, "exact", None, False, "asserted")]),
    ("colon-glued-to-a-count", "The impact of the flood is as follows:3,000 people evacuated and 2 bridges damaged.",
     [("evacuated", "people", "person", 3000, "exact", None, False, "asserted")]),
    ("affected-or-displaced", "About 300 people were affected or displaced by the floods.",
     [("displaced", "people", "person", 300, "approx", None, False, "asserted")]),
    ("higher-ground", "Nearly 10,000 residents were forced to head for higher ground as the river rose.",
     [("displaced", "civilians", "person", 10000, "approx", None, False, "asserted")]),
    ("verb-then-another", "Gunmen killed one gendarme and wounded another.",
     [("killed", "combatants", "person", 1, "exact", None, False, "asserted"),
      ("injured", "combatants", "person", 1, "exact", None, False, "asserted")]),
    ("another-went-missing", "Militants killed one gendarme while another went missing.",
     [("killed", "combatants", "person", 1, "exact", None, False, "asserted"),
      ("missing", "combatants", "person", 1, "exact", None, False, "asserted")]),
    ("with-a-part-of-the-total", "About 36,000 people were displaced between 1 January and 14 February, with "
     "26,000 people displaced in February alone.",
     [("displaced", "people", "person", 36000, "approx", None, False, "asserted"),
      ("displaced", "people", "person", 26000, "exact", 0, False, "asserted")]),
    ("with-gives-no-kind", "A man was shot dead by gunmen, with two shots to the head.",
     [("killed", "people", "person", 1, "exact", None, False, "asserted")]),
    ("others-are-not-the-listed-member", "Gunmen killed three people including a woman and wounded two others.",
     [("killed", "people", "person", 3, "exact", None, False, "asserted"),
      ("killed", "women", "person", 1, "exact", 0, False, "asserted"),
      ("injured", "people", "person", 2, "exact", None, False, "asserted")]),
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
    # a headline run into the wire dateline is a sentence of its own: the body restates its figure
    ("dateline-after-headline", "Floods displace 5,000 in Assam GUWAHATI, India, July 2 (Reuters) - Floods "
     "displaced about 5,000 people in Assam, officials said.",
     [("displaced", "people", "person", 5000, "exact", None, False, "asserted"),
      ("displaced", "people", "person", 5000, "approx", 0, False, "asserted")]),
    # kin of someone: "were killed" after them is said of them, not of the one they belong to
    ("relatives-were-killed", "Three relatives of the governor were killed in the ambush.",
     [("killed", "people", "person", 3, "exact", None, False, "asserted")]),
    ("wounded-another-adverb", "Militants killed five gendarmes and wounded another severely near Djibo.",
     [("killed", "combatants", "person", 5, "exact", None, False, "asserted"),
      ("injured", "combatants", "person", 1, "exact", None, False, "asserted")]),
    # a headline's bare singular with a verb whose object is always a person
    ("headline-assassinated", "Health worker assassinated overnight in Djibo.",
     [("killed", "aid_workers", "person", 1, "exact", None, False, "asserted")]),
    # ACLED's remark on how it split one death among events is no second death
    ("acled-split-remark", "One soldier was killed near Popasna [1 fatality split among 12 events].",
     [("killed", "combatants", "person", 1, "exact", None, False, "asserted")]),
    # cumulative
    ("cumulative-since", "The conflict has killed more than 3,000 people since April.",
     [("killed", "people", "person", 3000, "more_than", None, True, "asserted")]),
    ("cumulative-passive-campaign", "About 2.4 million people have been displaced by Boko Haram's seven-year "
     "campaign in the northeast.", [("displaced", "people", "person", 2_400_000, "approx", None, True, "asserted")]),
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
    ("a-ratio", "Around one in five malnourished children will die without treatment, the agency said."),
    ("settlements-counted", "The rains left 14 communities cut off and 3 hamlets evacuated."),
    ("buildings-no-one-lives-in", "The airport reopened, although some terminal buildings suffered damage."),
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
    ("acled-coding-after", "Clashes lasted two days (14 fatalities coded for 3 May and 9 coded for 4 May)."),
    ("few-without-people", "Several countries have been accused of involvement."),
    ("passive-of-a-thing", "A cow was killed by the shelling and a tractor was destroyed."),
    ("relatives-of-the-dead", "About 50 relatives of a man killed by police protested in Lagos."),
    ("friends-of-the-dead", "About 20 friends and family of a man who died in a road accident rallied."),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES])
def test_contract_rule(text: str, expected: list[Row]) -> None:
    got = [(f.kind, f.group, f.unit, f.best, f.qualifier, f.part_of, f.cumulative, f.modality)
           for f in extract_figures(text, P)]
    assert got == expected


@pytest.mark.parametrize(("text", "sentences"), [
    ("Floods kill 4 in Assam GUWAHATI, India, July 2 (Reuters) - Floods killed four people.",
     ["Floods kill 4 in Assam", "GUWAHATI, India, July 2 (Reuters) - Floods killed four people."]),
    ("Volcano erupts, hamlets evacuated MEXICO CITY (AP) — Eruptions forced the evacuation.",
     ["Volcano erupts, hamlets evacuated", "MEXICO CITY (AP) — Eruptions forced the evacuation."]),
    # a menu of capitals is no dateline, nor is a capitalised word between dashes
    ("M5+ - CHILE – CANADA – BRITISH COLUMBIA, Canada - OREGON",
     ["M5+ - CHILE – CANADA – BRITISH COLUMBIA, Canada - OREGON"]),
    ("Updated with comment JOHANNESBURG - Reports say 3 died",
     ["Updated with comment JOHANNESBURG - Reports say 3 died"]),
    # a full stop a scraper glued to the next sentence still ends one; an abbreviation does not
    ("Nearly 500 people have been killed.But on Monday the UN said.",
     ["Nearly 500 people have been killed.", "But on Monday the UN said."]),
    ("Dr.Smith said the U.S. Army left.", ["Dr.Smith said the U.S. Army left."]),
], ids=["reuters", "ap", "menu", "no-comma-or-agency", "glued-full-stop", "abbreviation"])
def test_datelines_and_glued_full_stops_end_sentences(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == sentences


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


def test_the_shooter_is_not_the_one_a_pronoun_names() -> None:
    """'A bystander shot the Palestinian and wounded him': him is the Palestinian, never the bystander."""
    figures = extract_figures("A bystander shot the Palestinian and wounded him.", None)
    assert all(f.number_text != "A bystander" for f in figures)
