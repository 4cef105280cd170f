"""Content guards: a cue verb with a content span that holds nothing said.

Why a module of its own: the cue guards (guards.py) are asked before the content is read,
from the verb alone; these are asked after (attributions.cue_verb, CONTENT_GUARDS), when the
span the content rules chose can show that the act has no content (evals/GUIDELINES.md §9.9):
a topic ("tweeted about the riots", "spoke about the budget") or a noun the cue already names
("expressed a similar view", "shared her thoughts"). A guard takes the
attributions.Reading (with r.cs, r.ce, r.toks set) and returns True to drop the cue.
"""

from __future__ import annotations

from typing import Any, Callable

# A content that opens with one of these is what the act was about, not what was said ("spoke
# about the budget", "placed a warning over the tweet"). ("on" stays out: "cast doubt on the
# plan", "put the blame on them" give their content after it.)
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})

# Verbs of talking, whose "about X" is only the topic. (Complaining, boasting, joking or
# warning about X gives a stance on X, and the gold counts X: those verbs stay.)
TALKING_VERBS = frozenset({"speak", "talk", "tweet", "post", "chat", "testify"})

# Nouns that name a stance without giving it: "expressed a similar view", "shared her
# thoughts". (Someone's "comments" or "remarks" praised or denounced, and a question answered,
# are what the act is about, and the gold counts them: they stay.)
NAMED_VIEW_NOUNS = frozenset({
    "view", "views", "opinion", "opinions", "sentiment", "sentiments", "thought", "thoughts",
    "feeling", "feelings",
})

# Stances named with nothing of their own, when the noun stands alone: "the objection
# expressed by some parties" (§1); "objections to the plan" keeps its phrase.
BARE_STANCE_NOUNS = frozenset({"objection", "objections", "reservation", "reservations"})

# Verbs that utter a view: only with these is the view noun the cue's own (not "endorsed a
# sentiment", which takes up another's).
VIEW_UTTERING_VERBS = frozenset({"express", "voice", "share", "air", "describe", "state", "offer", "give"})


def content_tokens_of(r: Any) -> list[Any]:
    """The parsed tokens inside the content span, punctuation left out."""
    doc = r.verb.doc
    s, e = r.cs - r.base, r.ce - r.base
    return [t for t in doc if s <= t.idx < e and not t.is_punct]


def topic_not_content(r: Any) -> bool:
    """"Trump tweeted about the riots", "she spoke about the budget", "talked regarding the
    merger": after a verb of talking, a content that opens with "about" only names the topic,
    not what was said (§9.9 "spoke about")."""
    if r.lemma not in TALKING_VERBS:
        return False
    toks = content_tokens_of(r)
    if not toks or toks[0].lower_ not in TOPIC_PREPS or toks[0].pos_ != "ADP":
        return False
    # a clause right after the preposition's object may still be the content ("on Monday, the
    # plan will pass"): only a span with no verb of its own is a bare topic
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "ROOT", "conj", "parataxis") for t in toks[1:])


def named_view_only(r: Any) -> bool:
    """"Ghebreyesus expressed a similar view", "the senator had described his views on the
    war", "she shared her thoughts": the content is only the view the cue already names, with
    no clause saying what it was (§9.9). ("expressed the view that ..." keeps its clause.)"""
    if r.lemma not in VIEW_UTTERING_VERBS:
        return False
    toks = content_tokens_of(r)
    if not toks or any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in toks):
        return False
    heads = [t for t in toks if t.head.i == t.i or not (r.cs - r.base <= t.head.idx < r.ce - r.base)]
    if len(heads) == 1 and heads[0].lower_ in BARE_STANCE_NOUNS and all(t is heads[0] or t.dep_ in ("det", "poss", "amod") for t in toks):
        return True  # "the objection expressed by some parties": only the cue's noun (§1)
    return len(heads) == 1 and heads[0].lower_ in NAMED_VIEW_NOUNS


CONTENT_GUARDS: tuple[Callable[[Any], bool], ...] = (topic_not_content, named_view_only)
