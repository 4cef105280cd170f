"""Word lists for the stance acts of position_cues.py (backing, opposing, defending) and the
judging acts read like "praised" (acts.speech_act_object), kept apart from lexicon.py,
which is near its size limit.
"""

import os

# What one backs with the hands, not a position: "backed the truck into the gate".
VEHICLE_NOUNS = frozenset("car cars truck trucks van vehicle vehicles bus trailer boat tractor lorry".split())
# What one defends as a position (not a title, a city or a client).
POSITION_NOUNS = frozenset("""
decision decisions vote votes record remarks remark comments comment statement statements policy
policies plan plans proposal proposals action actions call endorsement position stance approach
choice move handling response support tweet tweets claim claims words ruling order orders law laws
legislation bill deal agreement strategy conduct behavior behaviour tactics view views use
comparison characterization characterisation assessment choices report findings
""".split())
# Public acts of judging or apologising that take an object or a "for" phrase like "praised":
# "assailed the budget", "faulted the agency for ...", "apologized for ...".
MORE_JUDGING_ACTS = frozenset("""
assail fault upbraid pillory censure reprimand admonish disparage belittle deplore extol laud
chastise reproach vilify apologize apologise
""".split())
TRY = frozenset(os.environ.get("ACTS_TRY", "intent,link,credit,attack").split(","))
# Verbs that nominate only with the candidacy they fill: "chose Ana Ruiz as its nominee",
# "picked a senator as her running mate", "tapped the governor to be his successor"
# (position_cues.chose_nominee); bare "chose a venue" is a plain choice.
CHOOSING_VERBS = frozenset("choose pick tap".split())
# The candidacies and offices an "as" phrase must name for a choice to be a nomination.
CANDIDACY_NOUNS = frozenset("""
nominee nominees candidate candidates mate successor replacement pick choice standard-bearer
chairman chairwoman chair leader president vice-president director secretary minister
""".split())
# Plans made public by a voicing verb ("signalled an intent to run", "voiced a willingness to
# negotiate"): a stated intention is a speech act (§1), not the belief verbs left out; the
# content is the noun with its infinitive (position_cues.voiced_feeling).
VOICED_INTENTS = frozenset("intent intention intentions willingness readiness desire plan plans".split())
# Stands for or against something (position_cues.opposed): "opposed the nomination",
# "has opposed defunding the agency".
STANDING_VERBS = frozenset(w for w in ("oppose", "support") if w in TRY)
# Connecting X to Y is a claim made like comparing (position_cues.compared, with "to" only):
# "the campaign linked the slogan to crime", "police connected the suspect to three thefts".
LINKING_VERBS = frozenset("link connect".split()) if "link" in TRY else frozenset()
# How a body's act was carried ("endorsed him by acclamation", "praised the crew by a vote
# of 9-2"): the manner of the act, not what it is about (acts.circumstance).
CARRYING_NOUNS = frozenset("acclamation vote votes margin majority show voice".split()) if "manner" in TRY else frozenset()
# Phrasal attacks, criticism said without a verb of saying (position_cues.attacked_at):
# "lashed out at the council", "hit out at critics", "took aim at the plan", "railed against
# the ruling", "pushed back against the claim". Verb, the word that must follow it, and the
# prepositions that name the target.
PHRASAL_ATTACKS = {"lash": ("out", ("at", "against")), "hit": ("out", ("at", "against")),
                   "take": ("aim", ("at",)), "push": ("back", ("against", "on")), "rail": (None, ("against", "at"))}
PHRASAL_ATTACKS = {k: v for k, v in PHRASAL_ATTACKS.items() if "attack" in TRY}
