"""Which tokens are cues, how far a cue reaches, and the stance it takes.

A cue is the word that makes a sentence an attribution ("said", "told", "did not rule
out", "placing the blame"). Deciding that, cutting the cue span and reading its stance
depend only on the word lists (lexicon.py), so they sit below every other rule.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .act_cues import is_act_cue
from .evidence_cues import is_evidence_cue
from .spans import tokens_span

MODALS = {"will", "'ll", "’ll", "shall", "may", "might", "should"}
CORE_CUES = {"say", "tell", "report", "add", "note", "state", "write", "tweet", "announce", "explain", "learn", "quote", "deny", "claim", "insist", "warn", "argue", "read"}


def is_cue_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_[:2] != "VB":
        return False
    if is_act_cue(tok):
        return True  # "issued a hurricane warning", "the court ruled that ..." (act_cues.py)
    if is_evidence_cue(tok):
        return True  # "projected that the deficit will ...", "it is understood that ..." (evidence_cues.py)
    lemma = tok.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.text.lower() == "out" for c in tok.children)
    if lemma == "read":
        return written_reader(tok) is not None
    return lemma in lx.CUE_LEMMAS or lemma in ("tell", "learn", "quote") or light_noun(tok) is not None


def written_reader(verb: Token) -> Token | None:
    """The written thing that "reads" its words: '"...," reads the report', "the sign read
    'Go home'", "a banner that read ...". A person reading ("she read the letter aloud") is
    not a cue: the subject must be a sign, statement, caption, release and the like."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subj = verb.head  # "a sign that read ..."
    if subj is None:
        # '"...," reads an AEW press release': the parser may take the inverted subject as an object.
        subj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i), None)
        if subj is None or not verb.doc[verb.i - 1].is_punct and not verb.doc[verb.i - 1].is_quote:
            return None
    return subj if subj.lemma_.lower() in lx.READING_NOUNS or subj.lower_ in lx.READING_NOUNS else None


def light_noun(verb: Token) -> Token | None:
    """The object of a light-verb cue: "placing *the blame* on X", "cast *doubt* on X",
    "expressed *disappointment* that ..."."""
    lemma = verb.lemma_.lower()
    if lemma == "express":
        # "expressed disappointment that ...", "expressed concern about X": a feeling named
        # as the act, its clause or phrase the content.
        noun = next((c for c in verb.children if c.dep_ == "dobj"
                     and (c.lemma_.lower() in lx.EXPRESSED_FEELINGS or c.lower_ in lx.EXPRESSED_FEELINGS)), None)
        return None if noun is not None and felt_at(verb, noun) else noun
    if lemma not in lx.LIGHT_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lx.LIGHT_NOUNS), None)


def felt_at(verb: Token, noun: Token) -> bool:
    """"expressed frustration with the pace", "anger at the ruling": the feeling's object is an
    at/with phrase, which the light-verb content (about, over, for, on) does not read, so the
    cue is left to the object rules that take the whole phrase."""
    preps = [c for c in list(noun.children) + list(verb.children) if c.dep_ == "prep" and c.i > noun.i]
    has_clause = any(c.dep_ in ("acl", "ccomp", "relcl") for c in noun.children)
    return not has_clause and any(p.lower_ in ("at", "with") for p in preps) \
        and not any(p.lower_ in lx.ABOUT_PREPS | {"on", "to"} for p in preps)


def cue_extent(verb: Token) -> tuple[int, int]:
    """The cue words: the verb group (auxiliaries, negation, "also", "continued to"), its
    particle, and a content or light-verb object ("expressed hope", "placing the blame")."""
    parts = [verb]
    # The verb group: "has expressed hope", "had been blamed", "did not rule out", "have also
    # warned" (PolNeAR's cues keep it too). An infinitive's "to" is not part of it.
    # ("Will Ortega said": a capitalized "Will" before a name is the speaker's name, not an auxiliary)
    parts += [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and c.tag_ != "TO"
              and not (c.text == "Will" and c.i + 1 < len(verb.doc) and verb.doc[c.i + 1].pos_ == "PROPN")]
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ == "also":
        parts.append(verb.doc[verb.i - 1])
    if verb.dep_ == "xcomp" and verb.head.i < verb.i and verb.head.lemma_.lower() in lx.CATENATIVE_VERBS:
        parts.append(verb.head)  # "continued to assert", "went on to say"
    parts += [c for c in verb.children if c.dep_ == "prt"]
    parts += [c for c in verb.children if c.dep_ == "dobj" and (c.lemma_.lower() in lx.CONTENT_NOUNS
              or verb.lemma_.lower() == "express" and c.lemma_.lower() in lx.EXPRESSED_FEELINGS)]
    noun = light_noun(verb)
    if noun is not None:
        parts += [t for t in noun.subtree if t.i <= noun.i]  # "placing the blame"
    return tokens_span(parts)  # type: ignore[return-value]


def stance_of(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children)
    if lemma in ("rule", "exclude") and negated:
        return "hedged"
    if lemma in lx.DENIAL_VERBS:
        return "asserted" if negated else "denied"
    if negated:
        return "denied"
    if lemma in lx.HEDGE_VERBS or any(c.dep_ == "advmod" and c.lower_ in lx.HEDGE_ADVERBS for c in verb.children):
        return "hedged"
    # "expressed hope that ...", "has spoken of 'cautious optimism' that ...": the view named
    # by the object is what hedges.
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about") for g in c.children if g.dep_ == "pobj"]
    if any(o.lemma_.lower() in lx.HEDGE_NOUNS or o.lower_ in lx.HEDGE_NOUNS for o in objects):
        return "hedged"
    return "asserted"
