"""Kind triggers: the words around a number that say what happened to the people it counts.

Three places are looked at, in this order of trust: a running-toll phrase before the number
("the death toll rose to 66"), a verb or nominal right before it whose object it is ("killing 3
fighters", "the displacement of 10,214 people"), and the predicate after its noun phrase
("14 militants were killed", "2,536 relocated"). The noun itself can carry the kind
("34 casualties", "180 lives", "IDPs").
"""

from __future__ import annotations

import re

from transforms.figures.vocab import HEDGES_BEFORE

_HEDGE_WORDS = sorted({h for hs in HEDGES_BEFORE.values() for h in hs} | {
    "another", "an additional", "a further", "a total of", "the", "all", "only", "just", "some", "of",
    "these", "those", "its", "their", "his", "her", "an", "a", "further", "additional", "other", "between",
}, key=len, reverse=True)
FILLER_BEFORE = r"(?:\s+(?:" + "|".join(re.escape(h) for h in _HEDGE_WORDS) + r"))*\s*[\"“']?\s*$"

# Nouns whose count is itself the kind.
STRONG_NOUN_KINDS = {
    "casualties": "casualties", "casualty": "casualties", "fatalities": "killed", "fatality": "killed",
    "deaths": "killed", "death": "killed", "dead": "killed", "bodies": "killed", "body": "killed",
    "lives": "killed", "corpses": "killed", "killed": "killed", "martyrs": "killed",
}
WEAK_NOUN_KINDS = {
    "displacements": "displaced",
    "idps": "displaced", "displaced": "displaced", "displaced people": "displaced", "refugees": "refugees",
    "evacuees": "evacuated", "returnees": "returned", "hostages": "abducted", "injured": "injured",
    "wounded": "injured", "homeless": "homeless", "missing": "missing", "detainees": "detained",
}

_LEFT_VERBS: list[tuple[str, str]] = [
    ("casualties", r"(?:kill(?:s|ed|ing)?|killing)\s+(?:and|or)\s+(?:wound|injur|maim)\w*"),
    ("casualties", r"(?:wound|injur)\w*\s+(?:and|or)\s+kill\w*"),
    ("killed", r"(?:kill(?:s|ed|ing)?|slew|slain|slaying|execut(?:e|es|ed|ing)|massacr(?:e|es|ed|ing)|"
               r"murder(?:s|ed|ing)?|behead(?:s|ed|ing)?|assassinat(?:e|es|ed|ing)|shot\s+dead|"
               r"shooting\s+dead|gunn(?:ed|ing)\s+down|claim(?:s|ed|ing)?\s+the\s+lives\s+of|"
               r"took\s+the\s+lives\s+of|(?:the\s+)?(?:death|deaths|killing|killings|execution|executions|"
               r"murder|murders|massacre|bodies)\s+of)"),
    ("injured", r"(?:wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|hurt(?:ing)?|maim(?:s|ed|ing)?|"
                r"(?:the\s+)?(?:injury|injuries|wounding)\s+(?:of|to))"),
    ("abducted", r"(?:abduct(?:s|ed|ing)?|kidnap(?:s|ped|ping)?|(?:the\s+)?(?:abduction|kidnapping|"
                 r"abductions|kidnappings)\s+of|took|taking|seiz(?:e|es|ed|ing))"),
    ("detained", r"(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|captur(?:e|es|ed|ing)|"
                 r"(?:the\s+)?(?:arrest|arrests|detention|capture)\s+of|capture\s+of|round(?:ed|ing)\s+up)"),
    ("displaced", r"(?:displac(?:e|es|ed|ing)|uproot(?:s|ed|ing)?|(?:the\s+)?(?:displacement|relocation|"
                  r"forced\s+displacement|displacements|relocations|exodus)(?:\s+and\s+\w+)?\s+of|drove|driving|sent|sending|forc(?:ed|ing)\s+the\s+"
                  r"(?:relocation|displacement|departure)\s+of|relocat(?:e|es|ed|ing))"),
    ("evacuated", r"(?:evacuat(?:e|es|ed|ing)|(?:the\s+)?(?:\w+\s+)?evacuations?\s+of)"),

    ("sheltered", r"(?:shelter(?:s|ed|ing)|accommodat(?:e|es|ed|ing)|hous(?:ing|es))"),
    ("returned", r"(?:(?:the\s+)?return\s+of)"),
    ("housing_destroyed", r"(?:destroy(?:s|ed|ing)?|damag(?:e|es|ed|ing)|tore\s+down|tearing\s+down|"
                          r"flatten(?:s|ed|ing)?|raz(?:e|es|ed|ing)|burn(?:s|ed|t|ing)(?:\s+down)?|"
                          r"demolish(?:es|ed|ing)?|swept\s+away|washed\s+away)"),
]
# "forced 12,000 people from their homes", "drove thousands out of the town": a verb before the
# number and its complement after the noun phrase
FORCE_BEFORE = re.compile(r"(?i)\b(?:forc(?:e|es|ed|ing)|driv(?:e|es|ing)|drove|chas(?:e|es|ed|ing))" + FILLER_BEFORE)
FORCE_AFTER = re.compile(r"(?i)^\s*(?:to\s+flee|to\s+leave|to\s+abandon|(?:from|out\s+of)\s+(?:their|the)\s+"
                         r"(?:homes?|houses?|villages?|towns?|area|city|region)|from\s+their|out\s+of\s+their|"
                         r"(?P<evacuated>to\s+evacuate)|(?P<sheltered>into\s+(?:\w+\s+){0,2}?(?:shelters|camps|centres)))")
LEFT_VERB_RES = [(kind, re.compile(r"(?i)\b" + pattern + FILLER_BEFORE)) for kind, pattern in _LEFT_VERBS]

# "the death toll rose to 66", "raise the number of who were killed ... to 20", "brings the toll to"
TOLL_BEFORE = re.compile(
    r"(?i)\b(?P<noun>(?:(?:civilian\s+)?death\s+)?toll|(?P<their>(?:their|the\s+total)\s+number)|"
    r"(?:rais\w*|ris\w*|rose|increas\w*|brings?|bringing)\s+the\s+number(?=\s+to\b)|number\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    r"(?P<what>casualties|dead|deaths|fatalities|killed|victims|injured|wounded|displaced|people\s+killed|"
    r"those\s+killed|who\s+were\s+killed|who\s+died|missing|evacuees|refugees|IDPs|returnees))"
    r"\b[^.;:]{0,90}?\b(?:to|at|reached|reaches|hit|hits|of|is|was|be|stands\s+at|stood\s+at)" + FILLER_BEFORE
)
TOLL_AFTER = re.compile(
    r"(?i)^\s*,?\s*the\s+(?:(?:civilian\s+)?death\s+toll|number\s+of\s+(?:\w+\s+){0,2}?(?P<what>casualties|dead|"
    r"deaths|fatalities|killed|injured|wounded|displaced|who\s+were\s+killed|who\s+died))"
)
# the kind a "their number" toll refers to, read from the words before it
TOLL_SUBJECT = re.compile(r"(?i)\b(casualties|dead|deaths|fatalities|killed|martyrs|injured|wounded|displaced|"
                          r"victims)\b")
TOLL_WHAT = {
    "martyrs": "killed",
    "casualties": "casualties", "dead": "killed", "deaths": "killed", "fatalities": "killed", "killed": "killed",
    "victims": "killed", "people killed": "killed", "those killed": "killed", "who were killed": "killed",
    "who died": "killed", "injured": "injured", "wounded": "injured", "displaced": "displaced",
    "missing": "missing", "evacuees": "evacuated", "refugees": "refugees", "idps": "displaced",
    "returnees": "returned",
}

_AUX = (r"(?:were|was|are|is|have|has|had|been|being|be|got|get|gets|also|all|both|each|reportedly|"
        r"allegedly|later|subsequently|then|now|already|newly|still|critically|seriously|severely|lightly|"
        r"slightly|badly|fatally|mortally|gravely|reported|confirmed|believed|feared|thought|said|known|"
        r"presumed|estimated|completely|partially|totally|partly|fully|mostly|initially|eventually|finally|"
        r"recently|just|immediately|temporarily|forcibly|internally|officially|so\s+far|to\s+date|"
        r"to\s+have|to\s+be|could|may|might|would|will|must|should|can|likely|expected|"
        r"who|that|which|being|either|since|again|currently|respectively|thus|there|apparently|remain|"
        r"remains|remained|stay|stays|stayed|now|living|left|become|became|until\s+now|so\s+far|[a-z-]+ly)")
_PREDICATES: list[tuple[str, str]] = [
    ("casualties", r"(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured)|(?:wounded|injured)\s+(?:and|or)\s+killed|"
                   r"kill(?:s|ed)?\s+and\s+injur\w*"),
    ("killed", r"(?:(?:kidnapped|abducted|arrested|detained|captured|wounded|injured|taken)\b[^.;]{0,40}?"
               r"\b(?:and|before\s+being)\s+(?:later\s+|subsequently\s+|then\s+)?(?:found\s+dead|killed|executed|"
               r"died|murdered))"),
    ("killed", r"(?:killed|dead|died|die|perished|slain|executed|massacred|murdered|beheaded|assassinated|"
               r"martyred|drowned|lost\s+their\s+lives|shot\s+(?:and\s+)?killed|"
               r"join(?:s|ed)?\s+(?:yesterday\s+|today\s+)?(?:the\s+)?convoy\s+of\s+(?:\w+\s+)?(?:casualties|martyrs|"
               r"victims|dead)|lost\s+his\s+life|lost\s+her\s+life|shot\s+dead|"
               r"found\s+dead|burn(?:ed|t)\s+to\s+death|succumbed|crushed\s+to\s+death|gunned\s+down)"),
    ("injured", r"(?:wounded|injured|hurt|maimed|hospitali[sz]ed|taken\s+to\s+hospital|treated\s+for\s+(?:injuries|"
                r"wounds)|suffered\s+(?:injuries|wounds)|(?:gun)?shot\s+and\s+(?:injured|wounded)|gunshot\s+wounded|"
                r"shot\s+in\s+the\s+\w+)"),
    ("missing", r"(?:missing|unaccounted\s+for|disappeared)"),
    ("abducted", r"(?:abducted|kidnapped|taken\s+hostage|held\s+hostage|seized)"),
    ("detained", r"(?:arrested|detained|captured|taken\s+prisoner|taken\s+into\s+custody|apprehended|jailed|"
                 r"imprisoned|rounded\s+up)"),
    ("homeless", r"(?:left\s+homeless|made\s+homeless|became\s+homeless|homeless|lost\s+(?:their|all\s+their)\s+"
                 r"(?:homes|houses|shelters))"),
    ("displaced", r"(?:registered\s+as\s+(?:internally\s+)?displaced|staying\s+with\s+(?:host\s+families|friends|"
                  r"relatives)|(?:sought|seeking|took|taking)\s+refuge\s+with)"),
    ("sheltered", r"(?:(?:took|taken|taking)\s+shelter|"
                  r"(?:took|taken|sought|seeking|taking)\s+refuge\s+in\s+(?:\w+\s+){0,3}?(?:shelters?|"
                  r"camps?|centres?|centers?|schools?|mosques?|churches?)|staying\s+(?:with\s+host\s+families\s+or\s+)?in\s+(?:[\w-]+\s+){0,4}?"
                  r"(?:shelters?|camps?|(?:evacuation|accommodation|collective|transit|reception)\s+cent(?:re|er)s?|"
                  r"relief\s+camps?|cent(?:re|er)s|sites|schools?|mosques?|churches|public\s+buildings|tents|"
                  r"stadiums?|halls?)|staying\s+at\s+(?:[\w'’-]+\s+){0,4}?(?:base|bases|camps?|sites?|shelters?|airstrip|"
                  r"cent(?:re|er)s?|schools?|churches|mosques?|compound)|sheltering|sheltered|accommodated|housed|"
                  r"living\s+in\s+(?:[\w-]+\s+){0,3}?(?:camps?|shelters?|sites|cent(?:re|er)s|settlements)|in\s+(?:\w+\s+){0,3}?(?:shelters|relief\s+camps|evacuation\s+cent(?:re|er)s)|"
                  r"remained\s+in\s+(?:\S+\s+){0,3}?evacuation\s+cent(?:re|er)s)"),
    ("refugees", r"(?:crossed\s+(?:into|the\s+border)|fled\s+across\s+the\s+border|fled\s+(?:to|into)\s+"
                 r"neighbo\w+|sought\s+asylum|scampering\s+across\s+the\s+border|fleeing\s+across)"),
    ("evacuated", r"(?:evacuated|had\s+to\s+evacuate|forced\s+out|moved\s+to\s+(?:safety|safer\s+\w+)|evacuate|"
                  r"relocated\s+to\s+safe\w*)"),
    ("displaced", r"(?:displaced|uprooted|forced\s+to\s+(?:flee|leave|abandon)|fled|fleeing|"
                  r"forced\s+(?:from|out\s+of)\s+their\s+homes|driven\s+(?:from|out\s+of)\s+their\s+homes|"
                  r"left\s+(?:the|their)\s+(?:village|villages|town|towns|city|area|region|homes?|houses?)|relocated|moved\s+away\s+from|to\s+flee|to\s+leave\s+their\s+homes|"
                  r"arrived\s+in|scampering|on\s+the\s+move)"),
    ("returned", r"(?:returned|went\s+home|gone\s+home|returning\s+home)"),
    ("housing_destroyed", r"(?:destroyed|damaged|collapsed|burned|burnt|razed|flattened|swept\s+away|buried|"
                          r"washed\s+away|demolished|torn\s+down|levelled|leveled|gutted|reduced\s+to\s+rubble)"),
    ("-", r"(?:affected|in\s+need|at\s+risk|rescued|trapped|stranded|protested|gathered|attended|benefit\w*|"
          r"received|registered|vaccinated|treated|enrolled|employed|participated|marched|voted)"),
]
PREDICATE_ANY = re.compile(
    r"(?i)\s*[,\"”']?\s*(?P<gap>(?:" + _AUX + r"\s+){0,6}?)(?P<trigger>"
    + "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_PREDICATES)) + r")(?![a-z])"
)
PREDICATE_KINDS = [kind for kind, _ in _PREDICATES]

HYPOTHETICAL = re.compile(
    r"(?i)\b(?:could|may|might|would|will|shall|expected\s+to|likely\s+to|at\s+risk\s+of|threaten(?:s|ed|ing)?"
    r"\s+to|plan(?:s|ned)?\s+to|forecast|projected|set\s+to|in\s+danger\s+of|would\s+be|need\s+to\s+be|"
    r"risk\s+being|fear(?:s|ed)?\s+(?:that|of)|warn(?:s|ed)?\s+that|potential(?:ly)?)\b"
)
UNCERTAIN = re.compile(
    r"(?i)\b(?:feared|believed|presumed|unconfirmed|claim(?:s|ed)?\s+to\s+have|claim(?:s|ed)?\s+(?:it|they)\s+"
    r"(?:had|have)|claimed\s+responsibility|thought\s+to\s+have|suspected\s+to\s+have|allegedly|"
    r"said\s+(?:it|they)\s+(?:had|have)\s+killed|claimed)\b"
)
# before an active verb only a claim hedges the count ("militants claimed to have killed 20");
# "presumed JNIM militants killed 5" doubts the perpetrator, not the dead
UNCERTAIN_CLAIM = re.compile(
    r"(?i)\b(?:claim(?:s|ed|ing)?\s+to\s+have|claim(?:s|ed)?\s+(?:that\s+)?(?:it|they|its\s+fighters)\s+(?:had|have)|"
    r"said\s+(?:it|they)\s+(?:had|have)|believed\s+to\s+have|feared\s+to\s+have|allegedly|unconfirmed)\b")
NEGATION = re.compile(r"(?i)\b(?:not|never|no\s+longer|denied|deny|denies)\b")
