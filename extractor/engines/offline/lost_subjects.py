"""Speakers the parser hung somewhere else: the last resort of the source search.

Why a module of its own: the subject search (subjects.py) follows the parse; these rules
distrust it. They are asked only for a finite cue that reports something (a content was
found) and has no subject at all, so they can only add an attribution the engine would
otherwise drop, never change one it finds. Each rule is one shape of mis-parse:

- `appositive_in_opener`: "At the rally Sen. Ana Ruiz (D-Ohio) said ...", "Addressing the
  members, the campaign chief, Paul Ortiz, suggested ...": the speaker's phrase was read as
  an apposition to the last noun of the opening phrase.
- `gerund_after_preposition`: "was booed after telling the fans that ...": the gerund's doer
  is the clause's subject, passive or behind a complex preposition ("in addition to").
- `root_noun_speaker`: "Mayor Ana Ruiz, the city's first woman mayor, on Tuesday called the
  plan a disgrace": the cue was read as a reduced relative clause on the speaker, who became
  the root of a sentence with no verb of its own.

Tried and left out: the name set off by a quotation's closing mark as the speaker of a cue the
parser left without one ('"...," Skelly said' with the name read as an adverb, '"...," Ruiz,
now 77 and retired, said'); it changed nothing on Wikinews tune, dev or PolNeAR dev.
"""

from __future__ import annotations

from spacy.tokens import Span as TokSpan, Token

from . import lexicon as lx

FINITE_TAGS = ("VBD", "VBZ", "VBP")
# Words that may stand between a speaker and the cue: "Ruiz, the mayor, also said",
# "Ruiz on Tuesday bluntly said".
BETWEEN_DEPS = ("advmod", "aux", "neg", "npadvmod")
OPENER_DEPS = ("prep", "advcl", "npadvmod")
# Only plain verbs of saying as gerunds ("after telling", "in addition to stating"): a gerund of
# another act ("by labeling", "after boasting") was on PolNeAR train more often not a claim.
SAYING_LEMMAS = frozenset("say tell state declare claim insist argue assert write add note warn announce".split())


SUBJECT_LIKE = ("nsubj", "nsubjpass", "csubj", "expl", "agent", "auxpass")


def finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS + ("MD",) for c in verb.children)


def left_of_cue(verb: Token) -> Token | None:
    """The last word before the cue that is not its adverb, auxiliary, time phrase ("on
    Tuesday") or punctuation; a parenthesis after a name ("(D-Ohio)") is skipped whole."""
    doc = verb.doc
    between = {t.i for c in verb.children if c.i < verb.i and (c.dep_ in BETWEEN_DEPS or c.dep_ == "prep" and temporal(c))
               for t in c.subtree}
    i = verb.i - 1
    while i >= 0:
        t = doc[i]
        if t.text == ")":
            while i >= 0 and doc[i].text != "(":
                i -= 1
        elif not (i in between or t.text in (",", "-", "—", "–")):
            return t
        i -= 1
    return None


def temporal(prep: Token) -> bool:
    """"on Tuesday", "in March" (not "in a call with reporters on Tuesday")."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def in_opener(tok: Token, verb: Token) -> bool:
    """Is `tok` inside a phrase that opens the cue's clause ("At the rally", "Addressing the
    members", "In a call with reporters on Monday")?"""
    t = tok
    while t.head.i != t.i:
        if t.head.i == verb.i:
            return t.dep_ in OPENER_DEPS and t.i < verb.i
        t = t.head
    return False


def appositive_in_opener(verb: Token, sent: TokSpan) -> Token | None:
    """"At the convention Sen. Ana Ruiz (D-Ohio) said ...": the name right before the cue was
    hung as an apposition on a noun of the opening phrase; it is the subject. Climbing the
    chain of appositions ("the campaign chief, Paul Ortiz") stops below the opener's noun."""
    last = left_of_cue(verb) if finite(verb) else None
    if last is None or last.i < sent.start or last.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    node = last
    # (from the last word of "Col. Ana Ruiz, a spokeswoman in Baghdad," up to its apposition)
    while node.dep_ != "appos" and node.head.i != node.i and node.head.i < verb.i and node.dep_ in ("compound", "pobj", "prep", "amod", "nummod"):
        node = node.head
    if node.dep_ != "appos":
        return None
    while node.head.dep_ == "appos" and node.head.i < node.i:
        node = node.head
    head = node.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    if in_opener(head, verb):
        return node
    # Elsewhere the speaker's phrase is set off by a comma or a closing quote before it:
    # "..., Patrick Ruiz, the undersecretary, wrote", '"...," Gene Ortiz, a top adviser, said'.
    # A name the parser took for the head of its own apposition is the phrase's head.
    if head.pos_ == "PROPN" and set_off_before(head):
        return head
    return node if set_off_before(node) and head.pos_ == "NOUN" else None


def set_off_before(tok: Token) -> bool:
    first = tok.left_edge
    return first.i == first.sent.start or tok.doc[first.i - 1].text == "," or tok.doc[first.i - 1].is_quote


def root_noun_speaker(verb: Token, sent: TokSpan) -> Token | None:
    """"Speaker Ana Ruiz, the party's leader, on Tuesday called the plan ...": a past-tense cue
    read as a relative clause without a relative pronoun on a noun that is the root of its
    sentence: the sentence has no other verb for the noun, so the noun is the speaker. (The
    small model may tag such a "called" as a participle.)"""
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or verb.tag_ not in ("VBD", "VBN") or noun.i > verb.i or noun.dep_ != "ROOT" \
            or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.tag_ in ("WDT", "WP") for c in verb.children):
        return None
    return noun


def gerund_after_preposition(verb: Token, sent: TokSpan) -> Token | None:
    """"was booed after telling the fans that ...", "In addition to stating that ..., the senator
    has vowed", "has offered few ideas aside from stating that ...": a speech gerund after a
    preposition is done by the subject of the clause the phrase belongs to, passive subject
    included (who was booed did the telling). The climb goes through the words of a complex
    preposition ("in addition to", "aside from") to the first verb."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.pos_ != "ADP" or verb.lemma_.lower() not in SAYING_LEMMAS:
        return None
    t = verb.head
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.dep_ not in ("prep", "pobj", "advmod", "pcomp") and t.pos_ != "ADP":
            return None
    else:
        return None
    if t.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.dep_ == "nsubjpass" and verb.head.lower_ == "by":
        return None  # ("the plan was justified by arguing that ...": the unnamed agent argued)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return None  # (a relative "who" is the relative clause's business)
    return subject


LOST_SUBJECT_RULES = (appositive_in_opener, root_noun_speaker, gerund_after_preposition)


def lost_subject(verb: Token, sent: TokSpan) -> Token | None:
    """The speaker of a finite cue left without a subject, or None."""
    if any(c.dep_ in SUBJECT_LIKE for c in verb.children):
        return None
    for rule in LOST_SUBJECT_RULES:
        found = rule(verb, sent)
        if found is not None:
            return found
    return None


def publisher_of(relative: Token, verb: Token) -> Token | None:
    """"The campaign released a video that said ...", "The paper ran a piece that noted ...": a
    relative "that"/"which" on a message its subject put out speaks for whoever put it out, as
    "issued a statement saying ..." does (subjects.find_subject). None otherwise."""
    message = verb.head
    if relative.lower_ not in ("that", "which") or verb.dep_ != "relcl" or message.dep_ != "dobj" \
            or message.lemma_.lower() not in lx.MESSAGE_NOUNS | lx.PUBLISHED_NOUNS:
        return None
    put_out = message.head
    if put_out.lemma_.lower() not in lx.PUBLISH_VERBS | lx.PUBLISHING_VERBS:
        return None
    return next((c for c in put_out.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")), None)
