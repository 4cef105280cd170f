"""Word lists for the second round of act families in position_cues.py (voicing an intent,
linking X to Y, phrasal attacks), kept apart from lexicon.py, which is near its size limit.
"""

# Plans made public by a voicing verb ("signalled an intent to run", "voiced a willingness to
# negotiate"): a stated intention is a speech act (§1), not the belief verbs left out; the
# content is the noun with its infinitive (position_cues.voiced_feeling).
VOICED_INTENTS = frozenset("intent intention intentions willingness readiness desire plan plans".split())
# Connecting X to Y is a claim made like comparing (position_cues.compared, with "to" only):
# "the campaign linked the slogan to crime", "police connected the suspect to three thefts".
LINKING_VERBS = frozenset("link connect".split())
# Phrasal attacks, criticism said without a verb of saying (position_cues.attacked_at):
# "lashed out at the council", "hit out at critics", "took aim at the plan", "railed against
# the ruling", "pushed back against the claim". Verb, the word that must follow it, and the
# prepositions that name the target.
PHRASAL_ATTACKS = {"lash": ("out", ("at", "against")), "hit": ("out", ("at", "against")),
                   "take": ("aim", ("at",)), "push": ("back", ("against", "on")), "rail": (None, ("against", "at"))}
