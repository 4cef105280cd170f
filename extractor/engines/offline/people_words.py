"""More nouns for people who can be the source of an act: "rescuers warned of ...", "the
coroner ruled ...", "passengers praised the crew", "the plaintiffs accused the city of ...".

Kept apart from source_words.py, which is at its size limit. syntax.agent_capable reads them
(by lemma, so plurals count): subjects of cues other than the core speech verbs must be able
to hold a view, and these groups of people were left out of the lists, so their acts were
dropped. Lemmas.

Tried and left out: occupations and callings as well ("the singer", "engineers", "the
referee", "the cleric", "investors"): no change on Wikinews tune, dev or PolNeAR dev.
"""

MORE_PEOPLE = frozenset("""
rescuer firefighter medic paramedic demonstrator rebel insurgent militant coroner family
victim survivor pilot crew plaintiff defendant petitioner citizen staff passenger inmate
refugee migrant farmer landlord tenant astronomer physician surgeon lawmaker villager
protestor striker official
""".split())
