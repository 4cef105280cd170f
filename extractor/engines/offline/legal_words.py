"""Word lists of the court acts and impeachment (legal_cues.py, legal_acts.py), kept apart
from lexicon.py, which is full; lexicon.py adds the lemmas to its act-cue filter and its
agentless passives, and nothing else reads them there.
"""

# A court's refusal to take a case is a ruling (evals/GUIDELINES.md §9.10): "the court
# declined to hear the case", "the judge refused to block the law".
REFUSING_VERBS = frozenset("decline refuse".split())
COURT_REVIEWS = frozenset("hear review consider take reconsider revisit block halt stop intervene".split())

# Rulings a court issues: "issued a ruling finding in favor of ...", "handed down a decision
# striking down the law" (the phrase after the noun says what it holds).
RULING_ISSUERS = frozenset("issue hand deliver release".split())
RULING_NOUNS = frozenset("ruling rulings decision decisions opinion judgment judgement".split())

# Impeachment is a charge (§9.10): "the judge was impeached over bribes".
IMPEACHING_VERBS = frozenset({"impeach"})
CHARGE_PREPS = frozenset("for over on".split())

LEGAL_CUE_LEMMAS = REFUSING_VERBS | RULING_ISSUERS | IMPEACHING_VERBS | frozenset({"rule"})
# An agentless passive of these credits nobody (§9.9, §9.10): "the judge was impeached over ...",
# like "X has been charged with Y".
LEGAL_AGENTLESS = IMPEACHING_VERBS
