"""What a court act or an impeachment is about: the content families of legal_cues.py.

Court acts and impeachment are claims in wire copy (evals/GUIDELINES.md §9.9, §9.10),
annotated like charges and rulings: the complement after the cue, the person acted on
included ("impeached | the president for abuse of power"); a court's refusal is its
infinitive ("declined | to hear the case"); a ruling issued is what follows its noun
("issued a ruling | finding in favor of the Senate"); a ruling on a thing named before the
cue keeps that thing ("the act, which the court later ruled to be unconstitutional"). An
agentless passive ("the judge was impeached over ...") is the whole clause with no source
(attributions.agentless_passive cuts it; legal_words.LEGAL_AGENTLESS). Registered in
acts.ACT_CONTENT_RULES, so that they answer before the clause families."""

from __future__ import annotations

from spacy.tokens import Token

from .legal_cues import court_declined, impeached_for, issued_ruling, ruled_to_be
from .phrases import Answer, Cue
from .spans import up_to_aside


def _when(tok: Token) -> bool:
    """"on Sunday", "last week": a phrase that says when (its own words, not what it holds)."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in [tok, *tok.children])


def _end(tok: Token) -> int:
    """Where `tok`'s phrase ends, without a time phrase closing it ("to hear the case | on
    Monday")."""
    end = tok.right_edge.i
    for child in sorted((x for x in tok.children if x.i > tok.i), key=lambda x: -x.i):
        if child.right_edge.i != end or not _when(child):
            break
        end = child.left_edge.i - 1
        while end > tok.i and tok.doc[end].is_punct:
            end -= 1
    return end


def _patient_or_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass" or c.dep_ == "dobj" and c.i > verb.i), None)


def court_refusal(c: Cue) -> Answer | None:
    """"declined to hear the case" -> "to hear the case"."""
    inf = court_declined(c.verb)
    if inf is None:
        return None
    return up_to_aside(c.verb.doc, inf.left_edge.i, _end(inf)), "object"


def ruling_holds(c: Cue) -> Answer | None:
    """"issued a ruling finding in favor of a lawsuit filed by the Senate" -> "finding in
    favor of a lawsuit filed by the Senate"."""
    noun = issued_ruling(c.verb)
    if noun is None:
        return None
    verb, doc = c.verb, c.verb.doc
    obj = next(x for x in verb.children if x.dep_ == "dobj" and x.i > verb.i)
    end = obj.right_edge.i
    for part in sorted((x for x in verb.children if x.i > end), key=lambda x: x.i):
        if part.left_edge.i != end + 1 or part.dep_ not in ("prep", "advcl", "xcomp", "ccomp") or _when(part):
            break
        end = part.right_edge.i
    return (up_to_aside(doc, noun.i + 1, end), "object") if end > noun.i else None


def ruled_holds(c: Cue) -> Answer | None:
    """"ruled the law to be unconstitutional" -> "the law to be unconstitutional"; "the act,
    which the court later ruled to be unconstitutional" -> from "the act" to the predicate."""
    pred = ruled_to_be(c.verb)
    if pred is None:
        return None
    verb = c.verb
    obj = next((x for x in verb.children if x.dep_ == "dobj" and x.i > verb.i), None)
    if obj is not None:
        return up_to_aside(verb.doc, obj.left_edge.i, pred.right_edge.i), "object"
    if verb.dep_ != "relcl":
        return None
    # (the relative clause is an aside of the thing ruled on, but it holds the ruling: no cut)
    return list(verb.doc[verb.head.left_edge.i : pred.right_edge.i + 1]), "object"


def impeachment(c: Cue) -> Answer | None:
    """"impeached the president for abuse of power" -> "the president for abuse of power"."""
    prep = impeached_for(c.verb)
    if prep is None:
        return None
    who = _patient_or_object(c.verb)
    return up_to_aside(c.verb.doc, who.left_edge.i, prep.right_edge.i), "object"  # type: ignore[union-attr]


LEGAL_CONTENT_RULES = (court_refusal, ruling_holds, ruled_holds, impeachment)
