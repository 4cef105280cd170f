"""Where a content after its cue ends (content_ends.py, content_objects.comma_aside,
according.reported_clause_head): the source's next act, the act's own circumstances, a
second quoted part, the preposition of "warned of", an aside in a lost subject and a
participle aside before "according to". Sentences written for these tests."""

import pytest

from .support import one


# Each case: the construction, an invented sentence, the source mention and the content it must get.
CASES = [
    ('the sources next act after an infinitive',
     'The senator had signalled an intent to run but ultimately decided against it.',
     'The senator', 'an intent to run'),
    ('the sources next act after an infinitive',
     'The union vowed to fight the ruling and appealed it the next day.',
     'The union', 'to fight the ruling'),
    ('a conjunct of a verb with a tense stays',
     'He said he would not vote for either but planned to write in a name.',
     'He', 'he would not vote for either but planned to write in a name'),
    ('a conjunct of a verb with a tense stays',
     'The mayor has been calling on the council to amend the law and give residents a vote.',
     'The mayor', 'to amend the law and give residents a vote'),
    ('when and where the act was done',
     'The president railed against the rioters during his first rally since the lockdown ended, on June 20 in Tulsa.',
     'The president', 'against the rioters'),
    ('when and where the act was done',
     'The senator denounced the new bill as it was sailing through the chamber.',
     'The senator', 'the new bill'),
    ('a circumstance before more content stays',
     "The minister condemned the attack on Monday's march.",
     'The minister', "the attack on Monday's march"),
    ('a circumstance before more content stays',
     'The senator has described the dinner as Washington celebrating itself.',
     'The senator', 'the dinner as Washington celebrating itself'),
    ('a second quoted part of the same said',
     'The owner said he had received offers for the boat, but "the offers were to race it in a way I did not like."',
     'The owner', 'he had received offers for the boat, but "the offers were to race it in a way I did not like'),
    ('a second quoted part of the same said',
     'She said the team was "thrilled" by the draw and "we will be back next year."',
     'She', 'the team was "thrilled" by the draw and "we will be back next year'),
    ('the preposition of warned of goes with the cue',
     'The weather service also warned of potential flash floods in the valley.',
     'The weather service', 'potential flash floods in the valley'),
    ('the preposition of warned of goes with the cue',
     'The senator called for a ceasefire.',
     'The senator', 'for a ceasefire'),
    ('an aside inside a lost subject',
     'The scientists suggested the snails, like the warmer water, might weaken the kelp.',
     'The scientists', 'the snails, like the warmer water, might weaken the kelp'),
    ('an aside inside a lost subject',
     'The agency reported the figures, and had no further comment.',
     'The agency', 'the figures'),
    ('a participle aside before according to',
     'The tower was home to 300 people. Divers, working in water well below freezing, according to the coast guard recovered six survivors from the wreck on Monday.',
     'the coast guard', 'Divers, working in water well below freezing, according to the coast guard recovered six survivors from the wreck on Monday'),
]


@pytest.mark.parametrize("construction, text, mention, content", CASES, ids=[f"{c[0]} {i}" for i, c in enumerate(CASES)])
def test_content_ends_where_the_construction_says(run, construction, text, mention, content):
    assert one(run(text), mention)[2] == content
