"""The figure contract's vocabularies as data: number words, vague words, hedges, person nouns
and their groups, units, and the nouns that are never people. Kept in one module so a reader
can check them against ../shared/spec/FIGURES.md in one sitting."""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
          "billion": 1_000_000_000}
# Abbreviated scales after digits: "2.3m", "1.2bn", "40k".
SHORT_SCALES = {"m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

# Vague words: (low, best, high). Longest phrase first is handled by the regex order.
VAGUE = {
    "tens of thousands": (20_000, 20_000, 99_999),
    "hundreds of thousands": (200_000, 200_000, 999_999),
    "tens": (20, 20, 99),
    "dozens": (24, 24, 99),
    "scores": (40, 40, 99),
    "hundreds": (200, 200, 999),
    "thousands": (2_000, 2_000, 9_999),
    "millions": (2_000_000, 2_000_000, None),
}
# "a few, several, some (as a number), a number of, many, numerous": 3, 3, null
FEW_WORDS = ("a few", "several", "some", "a number of", "many", "numerous", "a handful of")

# Hedges before a number, mapped to the contract's qualifier.
HEDGES_BEFORE = {
    "approx": ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "nearly",
               "almost", "close to", "approx.", "circa", "c.", "just under", "just over", "an approximate",
               "a reported", "up to around", "estimated to be", "estimated at", "put at", "put the number at"),
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "more_than": ("more than", "over", "upwards of", "in excess of", "above", "well over"),
    "up_to": ("up to", "as many as", "at most", "a maximum of"),
    "less_than": ("less than", "fewer than", "under", "below"),
}

# Plural person nouns without a final "s": "14,382 people or 4,475 families" is a people count,
# never a singular used as a modifier ("3 soldier and 2 militant fatalities").
PLURALS_WITHOUT_S = frozenset({"people", "men", "women", "children", "police", "personnel", "staff", "crew",
                               "militia", "youth", "elderly", "dead", "injured", "wounded", "displaced",
                               "population"})
PLURAL_ENDINGS = ("men", "people", "folk")  # "tribesmen", "townspeople", "kinfolk"

# Person nouns (singular and plural) and the group each names.
GROUPS: dict[str, tuple[str, ...]] = {
    "people": ("people", "persons", "person", "individuals", "individual", "others", "other", "victims",
               "victim", "survivors", "bodies", "body", "lives", "casualties", "fatalities", "deaths",
               "dead", "men", "man", "relatives", "family members", "passengers", "passenger",
               "inhabitants", "population", "souls", "ones", "adults",
               "nationals", "Palestinians", "Israelis", "persons with disabilities", "IDPs", "evacuees",
               "returnees", "refugees", "displaced", "injured", "wounded", "prisoners", "prisoner",
               "detainees", "detainee", "hostages", "hostage", "inmates", "pilgrims", "fans", "guests",
               "tourists", "visitors", "elderly", "member", "members", "occupants", "crew", "crew members",
               "sailors", "fishermen", "fisherman"),
    "civilians": ("civilians", "civilian", "residents", "resident", "villagers", "villager", "protesters",
                  "protester", "demonstrators", "demonstrator", "worshippers", "worshipper", "worshipers",
                  "worshiper", "students",
                  "student", "patients", "patient", "farmers", "farmer", "citizens", "citizen", "teachers",
                  "teacher", "traders", "trader", "shoppers", "bystanders", "bystander", "herders", "herder",
                  "workers", "worker",
                  "homeowners", "locals", "youths", "youth", "doctors", "doctor", "nurses", "nurse",
                  "operator", "operators", "miners", "miner", "merchants", "shepherds", "shepherd",
                  "engineers", "engineer", "drivers", "driver", "vendors", "vendor", "labourers",
                  "laborers", "imam", "priest", "chief", "elders", "elder", "medics", "medic",
                  "activists", "activist", "mourners", "mourner", "tribesmen", "truck drivers", "staff",
                  # roles a singular victim is named by: "assassinated a school director"
                  "officials", "director", "councilman", "councillor", "councilor", "mayor",
                  "governor", "judge", "lawyer", "businessman", "businessmen", "businesswoman", "politician",
                  "politicians", "lawmaker", "legislator", "pastor", "cleric", "clerics", "sheikh", "headman",
                  "chairman", "principal", "headmaster", "lecturer", "professor", "shopkeeper", "shopkeepers",
                  "motorcyclist", "motorist", "pedestrian", "herdsman", "herdsmen", "monk", "monks", "bishop",
                  "catechist", "diplomat", "ambassador", "senator", "deputy", "landlord", "chieftain",
                  "customer", "customers", "witness", "suspect", "suspects", "merchant", "tollbooth operator",
                  "father", "brother", "uncle", "husband", "nephew", "cousin", "grandfather", "grandson",
                  "laborer", "labourer", "hawker", "head", "trafficker", "traffickers", "smuggler",
                  "official", "supporter", "supporters", "informant", "informants", "collaborator",
                  "collaborators", "spy", "spies", "thief", "thieves", "robber", "robbers",
                  # leaders who bear no arms: "the assassination of a religious leader"
                  "religious leader", "community leader", "tribal leader", "traditional leader",
                  "village leader", "local leader", "opposition leader", "youth leader", "church leader",
                  "party leader", "civil society leader"),
    "children": ("children", "child", "kids", "boys", "boy", "girls", "girl", "infants", "infant", "babies",
                 "baby", "minors", "minor", "schoolchildren", "pupils", "pupil", "toddlers", "teenagers",
                 "teenager", "sons", "son", "daughters", "daughter", "schoolgirls", "schoolboys", "newborns",
                 "adolescent", "adolescents", "teens", "teen", "juveniles", "juvenile"),
    "women": ("women", "woman", "mothers", "mother", "wives", "wife", "pregnant women", "female IDP",
              "widows", "sisters", "sister"),
    "combatants": ("soldiers", "soldier", "troops", "servicemen", "serviceman", "police", "policemen",
                   "policeman", "police officers", "police officer", "officers", "officer", "security forces",
                   "militants", "militant", "rebels", "rebel", "fighters", "fighter", "mercenaries",
                   "mercenary", "jihadists", "jihadist", "militiamen", "militiaman", "militia", "militias",
                   "insurgents", "insurgent", "gunmen", "gunman", "assailants", "assailant", "attackers",
                   "attacker", "combatants", "combatant", "guards", "guard", "bodyguards", "bodyguard", "gendarmes",
                   "gendarme",
                   "commanders", "commander", "leader", "leaders", "bombers", "bomber", "suicide bombers",
                   "snipers", "sniper", "paramilitaries", "recruits", "personnel", "troopers", "marines",
                   "policewomen", "Koglweogo", "Koglweogos", "dozos", "terrorists", "terrorist", "extremists",
                   "perpetrators", "perpetrator", "loyalists", "gunmen loyal", "members of the regime forces",
                   "regime forces", "forces", "army", "soldiery", "conscripts", "pilots", "pilot",
                   "policemen and soldiers", "rangers", "ranger", "cadets", "agents", "spies", "militia members",
                   "separatists", "separatist", "bandits", "bandit", "kidnappers", "smugglers", "pirates",
                   "colonel", "colonels", "captain", "lieutenant", "sergeant", "corporal", "warlord", "emir",
                   # police ranks ("a work inspector" is no policeman)
                   "police inspector", "police inspectors", "sub-inspector", "sub-inspectors", "constable",
                   "constables",
                   "commando", "policewoman", "gendarmerie officer", "cadre", "cadres", "volunteer fighters",
                   "volunteer fighter", "self-defense volunteers", "self-defence volunteers"),
    "aid_workers": ("aid workers", "aid worker", "humanitarian workers", "humanitarian worker",
                    "relief workers", "relief worker", "UNICEF employee", "contractor", "contractors",
                    "NGO workers", "NGO staff", "UN staff", "peacekeepers", "peacekeeper", "volunteers",
                    "volunteer", "health workers", "health worker", "rescuers", "rescue workers",
                    "paramedics", "paramedic"),
    "journalists": ("journalists", "journalist", "reporters", "reporter", "editor", "Editor-in-Chief",
                    "photographers", "photographer", "cameraman", "cameramen", "media workers",
                    "correspondent", "correspondents", "bloggers", "blogger", "photojournalist"),
    "migrants": ("migrants", "migrant", "asylum seekers", "asylum-seekers", "asylum seeker",
                 "undocumented Afghans", "undocumented migrants", "stowaways"),
}
HOUSEHOLD_NOUNS = ("families", "family", "households", "household", "familis", "fami-lies")
# a damage word before one of these names the kind: "collapsed houses"
DWELLING_NOUNS = ("houses", "house", "homes", "home", "dwellings", "dwelling", "shelters", "huts", "hut",
                  "housing units", "buildings", "residences", "apartments", "flats", "houses and",
                  "tents", "shacks", "homesteads")

# Nouns that are never people: a number right before one of them is not a figure.
NOT_PEOPLE = frozenset("""
planes plane aircraft jets jet helicopters helicopter drones drone vehicles vehicle cars car trucks truck
buses bus boats boat ships ship tanks tank rockets rocket missiles missile shells shell mortars mortar
bombs bomb barrels barrel rounds round bullets bullet grenades grenade mines landmines ieds weapons weapon
guns gun rifles rifle pieces carts cart motorbikes motorbike motorcycles motorcycle bicycles camels cattle
cows goats sheep livestock animals dogs dog horses donkeys pigs chickens poultry birds fish buffaloes pets pet cats
mules heads cattle-heads oxen hens ducks rabbits latrines classrooms boreholes pumps generators
barracks bases base camps posts checkpoints
positions villages village towns town cities city districts district provinces province governorates
governorate regions region states countries country areas area sites site neighbourhoods neighborhoods
localities locality communes counties county departments zones zone kilometers kilometres kilometer
kilometre km kms miles mile metres meters metre meter m cm mm ha hectares acres acre feet foot ft inches
inch tons tonnes tonne kg kilograms litres liters degrees percent per cent pct % hours hour minutes minute
seconds days day weeks week months month years year decades decade times time bursts airstrikes airstrike
strikes strike raids raid attacks attack incidents incident clashes operations operation schools school
explosions explosion blasts blast bombings bombing ambushes ambush assaults assault massacres massacre
shootings
hospitals hospital clinics mosques mosque churches church shops shop markets market bridges bridge roads
road tunnels tunnel dams dam wells crops fields farmland dollars dollar euros usd cents billion trillion
barrels tonnes sorties flights flight trains train routes trips rooms beds seats tables votes points goals
mm-rain magnitude storeys floors lanes lines pages articles cases tests doses vaccines meals kits
tarpaulins parcels bags boxes structures facilities offices institutions centres centers camps
evacuation-centres containers trees villagesy files laws resolutions members-of-parliament seats groups batches
""".split())

# the words that tie a force to its patron: "gunmen loyal to Iran", "a faction affiliated with the SDF" (the
# patron is neither the place nor the people counted)
ALLEGIANCE = r"loyal\s+to|allied\s+(?:to|with)|linked\s+to|affiliated\s+(?:to|with)|belonging\s+to"
