"""Public acts whose cue is not a common speech verb: issuing, placing under, charging,
committing, referring to as, ruling, not excluding.

Wire copy reports many attributions through acts rather than verbs of saying (evals/GUIDELINES.md
§1 and §9.1): "The NHC issued a hurricane warning for the Bahamas", "the agency placed the
county under a tropical storm warning", "Prosecutors charged the suspect with murder", "The
senator committed to holding a trial", "He referred to the vote as a hoax", "The court ruled
that ...", "The study did not exclude the possibility of ...". Their words are common verbs
that are usually not attributions ("issued passports", "placed the box on the table",
"charged the phone", "decided to leave"), so each construction is recognised by its shape:
the verb with the complement that makes it an act. act_cues.py says which tokens are such
cues (asked by cues.is_cue_verb); the content families here (`ACT_CONTENT_RULES`, registered
in content.py) cut what the act is about. (Agentless passives of reporting, "X has been
charged with Y", are unsourced.py's.)
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .act_cues import (described_as, direct_object, is_passive, prep_after, committed_to, issued_act_noun, not_excluded, not_performed,
                       placed_under, referred_to_as, ruled_for_or_against)
from .legal_acts import LEGAL_CONTENT_RULES
from .position_acts import POSITION_CONTENT_RULES
from .phrases import NOTHING, Answer, Cue, complement_tokens
from .spans import aside_cut

# ---- what the act is about: content families (registered in content.py) ---------------------


def _span_from(doc, lo: int, hi: int) -> list[Token]:
    return list(doc[lo : aside_cut(doc, lo, hi) + 1])


def issued_act(c: Cue) -> Answer | None:
    """"issued a hurricane warning in the northwestern Bahamas", "issued an evacuation order
    to some residents": the act noun with its scope is the content. A bare "issued a warning"
    states nothing (evals/GUIDELINES.md §1: only the cue noun); "issued a warning that ..."
    is a light-verb cue (content_objects.light_verb_object)."""
    noun = issued_act_noun(c.verb)
    if noun is None:
        return None
    if any(g.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
           for g in noun.children):
        return None
    if not_performed(c.verb):
        return NOTHING
    toks = complement_tokens(c.verb)
    scoped = any(g.dep_ in ("compound", "nmod", "prep", "acl", "conj") and g.ent_type_ not in ("DATE", "TIME")
                 for g in noun.children) or any(t.i > noun.right_edge.i for t in toks)
    return (toks, "object") if toks and scoped else NOTHING


def placed_under_act(c: Cue) -> Answer | None:
    """"placed Palm Beach County under a tropical storm warning": who was placed, and under what."""
    prep = placed_under(c.verb)
    if prep is None:
        return None
    if not_performed(c.verb):
        return NOTHING
    obj = direct_object(c.verb)
    return _span_from(c.verb.doc, obj.left_edge.i, prep.right_edge.i), "object"  # type: ignore[union-attr]


def charged_with(c: Cue) -> Answer | None:
    """"State prosecutors charged the suspect with capital murder": the person charged and
    the charge. The passive ("was also charged with making false statements") is the whole
    clause, with no source unless one is named (attributions.agentless_passive). Not
    "charged the phone", "charged $5 for a bag" (no charge phrase) or "charged toward"."""
    verb = c.verb
    if c.lemma not in lx.CHARGING_VERBS:
        return None
    # (the parser may hang "with murder" on a phrase after the object: "charged the suspect in
    # the shooting with capital murder")
    phrase = prep_after(verb, lx.CHARGING_PREPS) or next(
        (g for t in verb.subtree if t.i > verb.i for g in t.children
         if g.dep_ == "prep" and g.lower_ == "with" and g.head.pos_ not in ("VERB", "AUX")), None)
    if phrase is None:
        # ("indicted" is only an act with its charge; "charged that ..." is a speech verb)
        return NOTHING if c.lemma == "indict" else None
    if not_performed(verb):
        return NOTHING  # "would consider charging the gunman with terrorism"
    if phrase.lower_ == "on" and not any(g.lemma_.lower() in lx.CHARGE_NOUNS for g in phrase.children):
        return None  # "charged him on Monday"; but "indicted him on two counts"
    if phrase.lower_ == "for" and not any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in phrase.children):
        return None  # "charged $5 for a bag": a price, not an accusation
    doc = verb.doc
    if is_passive(verb):
        patient = next((x for x in verb.children if x.dep_ == "nsubjpass"), None)
        if patient is None or patient.tag_ in ("WDT", "WP"):
            return None
        return _span_from(doc, patient.left_edge.i, phrase.right_edge.i), "object"
    obj = direct_object(verb)
    if obj is None or obj.ent_type_ in ("MONEY", "CARDINAL"):
        return None
    return _span_from(doc, obj.left_edge.i, max(phrase.right_edge.i, obj.right_edge.i)), "object"


def excluded_possibility(c: Cue) -> Answer | None:
    """"did not exclude the possibility of human-to-human transmission": the possibility."""
    obj = not_excluded(c.verb)
    if obj is None:
        return None
    return _span_from(c.verb.doc, obj.left_edge.i, obj.right_edge.i), "object"


def commitment(c: Cue) -> Answer | None:
    """"committed to proceeding with such a trial": the phrase from "to" (as "pushing for X")."""
    to = committed_to(c.verb)
    if to is None:
        return None
    return _span_from(c.verb.doc, to.i, to.right_edge.i), "object"


def referred_as(c: Cue) -> Answer | None:
    """"referred to the vote as 'The Impeachment Hoax'": what was referred to and as what."""
    as_ = referred_to_as(c.verb)
    if as_ is None:
        return None
    to = prep_after(c.verb, {"to"})
    pobj = next(g for g in to.children if g.dep_ in ("pobj", "pcomp"))  # type: ignore[union-attr]
    return _span_from(c.verb.doc, pobj.left_edge.i, max(as_.right_edge.i, pobj.right_edge.i)), "object"


def description(c: Cue) -> Answer | None:
    """"portrays the senator as a career politician", "branded the mayor a liar": who is
    described and as what."""
    pred = described_as(c.verb)
    if pred is None:
        return None
    obj = direct_object(c.verb)
    return _span_from(c.verb.doc, obj.left_edge.i, pred.right_edge.i), "object"  # type: ignore[union-attr]


def ruling_for_or_against(c: Cue) -> Answer | None:
    """"The court ruled against the government": the phrase from "against" / "in favour of"."""
    prep = ruled_for_or_against(c.verb)
    if prep is None:
        return None
    return _span_from(c.verb.doc, prep.i, prep.right_edge.i), "object"


def act_in_as_clause(c: Cue) -> Answer | None:
    """"Rubio spoke over the boos as he congratulated the winner": a speech act with its own
    subject and object in a temporal "as" clause is about its object; the main clause is not
    what it reports (unlike "the matter, as outlined by the source, is ...", content.as_clause)."""
    verb = c.verb
    if c.lemma not in lx.SPEECH_ACT_VERBS or c.subject is None or not any(
            x.dep_ == "mark" and x.lower_ == "as" for x in c.children):
        return None
    if not any(x.dep_ == "dobj" and x.i > verb.i for x in c.children):
        return None
    toks = complement_tokens(verb)
    return (toks, "object") if toks else NOTHING


def reciprocal_object(c: Cue) -> Answer | None:
    """"The two rivals mocked each other": the complement names only who was addressed, no
    proposition ("accused each other of lying" keeps its "of" phrase)."""
    verb = c.verb
    after = [x for x in c.children if x.i > verb.i and (x.dep_ in ("dobj", "xcomp", "ccomp", "oprd") or x.dep_ == "prep"
             and not any(t.ent_type_ in ("DATE", "TIME") for t in x.subtree))]  # (not "for an hour")
    if len(after) == 1 and after[0].dep_ == "dobj" and " ".join(t.lower_ for t in after[0].subtree) in ("each other", "one another"):
        return NOTHING
    return None


def named_addressee(c: Cue) -> Answer | None:
    """"The state party endorsed Cruz", "the governor praised Ortiz", "who had endorsed him":
    an evaluative act on a one-word name or a pronoun is about that person (the speech-act object rule wants two words, which
    keeps "called Trump", a phone call, out)."""
    verb = c.verb
    if c.lemma not in lx.EVALUATIVE_ACTS:
        return None
    after = [x for x in c.children if x.i > verb.i and x.dep_ not in ("punct", "cc", "conj") and not circumstance(x)]
    if len(after) == 1 and after[0].dep_ == "dobj" and len(list(after[0].subtree)) == 1 \
            and (after[0].pos_ == "PROPN" or after[0].lower_ in lx.PRONOUNS_OBJECT - {"me", "us"}):
        return [after[0]], "object"  # (and "had endorsed him": the person, named earlier)
    return None


def circumstance(x: Token) -> bool:
    """"endorsed Harlan on Tuesday", "praised Ortiz at a rally", "endorsed Harlan, ending weeks
    of speculation": when, where or with what effect the act was done, not what it is about."""
    if x.dep_ in ("npadvmod", "advmod"):
        return True
    if x.dep_ == "advcl" and x.tag_ == "VBG" and x.doc[x.left_edge.i - 1].text == ",":
        return True
    if x.dep_ != "prep":
        return False
    pobj = next((g for g in x.children if g.dep_ == "pobj"), None)
    return pobj is not None and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in lx.OCCASION_NOUNS)


def undesignated(c: Cue) -> Answer | None:
    """An agentless designation needs what the person was designated as: "was identified as
    Lena Ortiz", "was named the new director", "was declared the winner" (for
    unsourced.agentless_report). ("has been criticized for not acting" was tried the same
    way and left out: on PolNeAR dev it won one claim for two.) "The street was named after a local hero" (a name given),
    "as more members are named", "was appointed to the board" claim nothing."""
    verb = c.verb
    if not is_passive(verb) or any(x.dep_ == "agent" for x in c.children):
        return None
    if c.lemma not in lx.AGENTLESS_DESIGNATIONS:
        return None
    designated = any(x.i > verb.i and (x.dep_ in ("oprd", "attr", "xcomp") or x.dep_ == "prep" and x.lower_ == "as")
                     for x in c.children)
    return None if designated else NOTHING


# Asked early (content.py): each needs its complement after the verb, so it never takes a
# relative or trailing construction, and must win over the clause families ("..., after the
# agency placed the county under a warning"); `issued_act` also before the light-verb family,
# which would take "issued a warning" for a bare light verb.
ACT_CONTENT_RULES = (undesignated, reciprocal_object, act_in_as_clause, named_addressee, placed_under_act, charged_with,
                     excluded_possibility, commitment, referred_as, description, ruling_for_or_against, *POSITION_CONTENT_RULES,
                     *LEGAL_CONTENT_RULES)
