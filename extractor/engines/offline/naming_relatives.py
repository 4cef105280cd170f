"""Descriptions inside a relative clause: "what the agency declared a pandemic", "the loan
program, which he called "a cartel"".

Why a module of its own: a description ("called X Y", "described X as Y") is a speech act
(evals/GUIDELINES.md section 1), but when its object is the relative pronoun the content
rules see a clause whose content lies outside it (content.content_outside) and read nothing.
The thing described is the pronoun, and what the source called it follows the cue, so the
claim is the pronoun's phrase itself. These families are asked before the content rules
(attributions.cue_verb); each returns the content tokens and the construction, or None.

Tried and left out: crediting "what he called X" to its pronoun even under another cue
("said the city must fight what he called terrorism", "criticized what she called ..."); on
PolNeAR dev it won 2 linked claims for 12 predictions. The cue above now reads the phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import is_cue_verb
from .spans import aside_cut
from .syntax import own_subject

# Verbs that describe their object with a complement ("called it a disgrace", "described it
# as a gift", "declared it a pandemic", "hailed it as a victory").
NAMING_VERBS = frozenset("""
call describe dub label declare characterize characterise hail tout denounce decry criticize criticise
praise acknowledge dismiss condemn
""".split())
# Verbs whose complement must be an as-phrase ("criticized it as", not "criticized what he did").
AS_ONLY = frozenset("describe characterize characterise hail tout denounce decry criticize criticise praise acknowledge dismiss condemn".split())
COMPLEMENT_DEPS = ("oprd", "xcomp", "attr", "dobj")


def complement_after(verb: Token, obj: Token) -> Token | None:
    """What the object is called: the predicate after the cue ("called it *a disgrace*"), or
    the as-phrase ("described it *as a gift*"; a quotation may open inside it, 'as "like an
    open orchid"')."""
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i and list(c.children)), None)
    if as_ is not None:
        return as_
    if verb.lemma_.lower() in AS_ONLY:
        return None
    return next((c for c in verb.children if c.dep_ in COMPLEMENT_DEPS and c.i > verb.i and c.i != obj.i
                 and c.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")), None)


def described_relative(verb: Token) -> tuple[Token, Token, Token] | None:
    """(relative pronoun, subject, complement) of "what/which SUBJECT called COMPLEMENT"."""
    if verb.lemma_.lower() not in NAMING_VERBS or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    wh = next((c for c in verb.children if c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.i < verb.i), None)
    subject = own_subject(verb)
    if wh is None or subject is None or not wh.i < subject.i < verb.i or subject.tag_ in ("WP", "WDT"):
        return None
    complement = complement_after(verb, wh)
    return (wh, subject, complement) if complement is not None else None


def end_of(verb: Token, complement: Token) -> int:
    doc = verb.doc
    return aside_cut(doc, verb.i, complement.right_edge.i)


def what_clause(verb: Token) -> list[Token] | None:
    """The tokens of "what SUBJECT called COMPLEMENT" on its cue `verb`, or None."""
    found = described_relative(verb)
    if found is None or found[0].lower_ != "what":
        return None
    wh, _, complement = found
    return list(verb.doc[wh.i : end_of(verb, complement) + 1])


def own_pronoun(verb: Token) -> bool:
    """Is the describer a pronoun ("what *she* called ...")? Then it is most often the speaker of
    the sentence's act or report, named there."""
    subject = own_subject(verb)
    return subject is not None and subject.lower_ in SPEAKER_PRONOUNS


SPEAKER_PRONOUNS = frozenset("he she they it we".split())


def cue_above(verb: Token) -> Token | None:
    """The nearest cue verb the clause hangs from ("said the city must fight what he called
    ...", "criticized what she called ...")."""
    t = verb
    for _ in range(6):
        if t.head.i == t.i:
            return None
        t = t.head
        if is_cue_verb(t) and own_subject(t) is not None:
            return t
    return None


def named_what(verb: Token) -> tuple[list[Token], str] | None:
    """"The outbreak reached every continent in what the agency declared a pandemic", "The
    company builds what it calls 'smart profiles' of voters", "the auction of what the owner
    described as a 'piece of history'": the free relative from "what" to the end of the
    complement is the claim (PolNeAR and our gold take the whole phrase). A pronoun describer
    under another cue is that cue's speaker: the phrase is part of their act or report
    (`object_named_what`; "said the city must fight what he called terrorism" is one claim)."""
    toks = what_clause(verb)
    if toks is None:
        return None
    if own_pronoun(verb) and cue_above(verb) is not None:
        return None  # (nothing of its own, content.content_outside: the cue above reads the phrase)
    return toks, "named_what"


def object_named_what(verb: Token) -> tuple[list[Token], str] | None:
    """"She criticized what she called the angry rhetoric of the governor", "has railed against
    what he calls the 'Washington cartel'": the speech act's object is a phrase its own speaker
    named; the whole phrase is the act's content (the parser made it a clause of the cue)."""
    if not is_cue_verb(verb) or own_subject(verb) is None:
        return None
    inner = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    inner += [g for c in verb.children if c.dep_ == "prep" and c.i > verb.i for g in c.children if g.dep_ == "pcomp"]
    for c in inner:
        toks = what_clause(c)
        above = cue_above(c)
        if toks is not None and own_pronoun(c) and above is not None and above.i == verb.i:
            return toks, "object"
    return None


def named_which(verb: Token) -> tuple[list[Token], str] | None:
    """"He attacked the loan program, which he called 'a cartel for higher education'", "the
    server, which he described as 'like an open orchid'": the antecedent and the complement,
    as for "which Israel blamed on Hezbollah" (content.relative_object, evals/GUIDELINES.md
    section 1): the covering span, its pieces set by attributions.relative_object_pieces."""
    found = described_relative(verb)
    if found is None or found[0].lower_ not in ("which", "that") or verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    _, _, complement = found
    noun = verb.head
    return list(verb.doc[noun.left_edge.i : end_of(verb, complement) + 1]), "relative_object"


NAMING_RULES = (object_named_what, named_what, named_which)


def described_in_relative(verb: Token) -> tuple[list[Token], str] | None:
    """The content of a description whose object is a relative pronoun, or None."""
    for rule in NAMING_RULES:
        found = rule(verb)
        if found is not None:
            return found
    return None
