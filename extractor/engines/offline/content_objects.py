"""What was said when it is not a clause: a question, a noun phrase, an object, or what
follows a colon or a quotation mark.

Content rule families (see content.py for the registry and how they are asked) for the
objects of speech acts ("urged maximum restraint", "asked the choir to sing", "made the
point that ...") and for content placed after the cue by punctuation ("told Reuters:
...", 'She declared “We won!”', "She went on to say:" closing a paragraph).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .cues import light_noun
from .phrases import (NOTHING, Answer, Cue, complement_tokens, light_content, noun_content, question_tokens)
from .spans import aside_cut, subtree_tokens
from .syntax import asked_passively, own_subject


def asked_question(c: Cue) -> Answer | None:
    """What was asked: "asked the drivers if they would work on Sunday", "asked the choir to
    sing". A question put to a source ("Asked if a ceasefire could be secured, Mikati told
    ...") is not a claim (evals/GUIDELINES.md); the answer is. Otherwise a quoted question
    ('He asks, "Who will pay for it?"') is read as for any cue."""
    if c.lemma != "ask":
        return None
    if asked_passively(c.verb) and not any(x.dep_ == "agent" for x in c.verb.children):
        return NOTHING
    toks = question_tokens(c.verb)
    return (toks, "question") if toks else None


def passive_with_complement(c: Cue) -> Answer | None:
    """A passive with its agent and a complement after it: "Gutierrez was described by the
    bishops as 'a strong advocate'", "Trump has been criticized by his rivals for failing to
    campaign": the patient plus the complement is the claim (what the active complement
    would be, evals/GUIDELINES.md section 2), so the content covers the clause from the
    patient to the end of the complement. Without a complement ("the effort was communicated
    by US envoy X") the patient alone is the content (`passive_with_agent`)."""
    verb = c.verb
    agent = next((x for x in c.children if x.dep_ == "agent"), None)
    patient = next((x for x in c.children if x.dep_ == "nsubjpass"), None)
    if agent is None or patient is None or patient.lower_ == "it" or patient.tag_ in ("WDT", "WP") or patient.i > verb.i:
        return None
    after = [x for x in c.children if x.i > agent.i and (x.dep_ in ("xcomp", "oprd", "ccomp")
             or x.dep_ == "prep" and x.lower_ in lx.PASSIVE_COMPLEMENT_PREPS and any(g.dep_ in ("pobj", "pcomp") for g in x.children)
             and not any(g.ent_type_ in ("DATE", "TIME") for g in x.subtree))]  # (not "praised by X on Monday")
    if not after:
        return None
    doc = verb.doc
    end = aside_cut(doc, after[0].i, max(t.i for x in after for t in x.subtree))
    return list(doc[patient.left_edge.i : end + 1]), "passive_clause"


def passive_with_agent(c: Cue) -> Answer | None:
    """A noun phrase around the cue: "the effort was communicated by US envoy X" -> "the
    effort", "the truce declared by Kataib Hezbollah" -> "the truce"."""
    noun = noun_content(c.verb)
    return (noun, "noun_content") if noun else None


def light_verb_object(c: Cue) -> Answer | None:
    """A light-verb cue: "placing the blame squarely on Hezbollah", "casts doubt on the
    figures", "made the point that ..."."""
    light = light_noun(c.verb)
    if light is None:
        return None
    toks = light_content(c.verb, light)
    return (toks, "object") if toks else NOTHING


def next_paragraph(c: Cue) -> Answer | None:
    """"She went on to say:" closing a paragraph: the content is the next paragraph."""
    sent, verb = c.sent, c.verb
    last = sent[-1] if sent[-1].text.strip() else sent[-2] if len(sent) > 1 else sent[-1]
    if last.text == ":" and last.i > verb.i and last.i - verb.i <= 6:
        return [last], "next_paragraph"
    return None


def after_a_colon(c: Cue) -> Answer | None:
    """"told Reuters: ..." — what follows the colon, or a comma opening a quotation ('said,
    "..."'). Not the comma that closes one: in 'praised "slow travel," which is ...'
    and 'calling the bridge "a relic," Ruiz said' the quotation is the object, already read."""
    sent, verb = c.sent, c.verb
    colon = next((t for t in sent if t.i > verb.i and t.i + 1 < sent.end
                  and (t.text == ":" or t.text == "," and opens_quotation(t.nbor(1)))), None)
    if colon is not None and colon.i + 1 < sent.end and colon.i - verb.i <= 6:
        return [t for t in sent if t.i > colon.i], "colon"
    return None


def opens_quotation(t: Token) -> bool:
    """A quotation mark that opens ('said, "We ...') rather than closes ('"a relic," Ruiz'):
    an opening mark follows a space and sticks to the next word."""
    doc = t.doc
    return t.is_quote and t.i > 0 and doc[t.i - 1].whitespace_ != "" and t.whitespace_ == "" \
        and t.text not in ("”", "’", "»")


def quotation_right_after(c: Cue) -> Answer | None:
    """'She declared “What a Super Tuesday!”': a quotation right after the cue, ending the
    clause (not 'said “the senator exaggerates” the number of ...', where it is part of one)."""
    sent, verb, doc = c.sent, c.verb, c.verb.doc
    if verb.i + 2 < sent.end and doc[verb.i + 1].is_quote and doc[verb.i + 1].whitespace_ == "":
        close = next((t for t in sent if t.i > verb.i + 1 and t.is_quote), None)
        after = doc[close.i + 1] if close is not None and close.i + 1 < len(doc) else None
        if close is not None and (after is None or after.is_punct or after.lower_ in ("and", "but") or after.i >= sent.end):
            return [t for t in sent if verb.i + 1 < t.i < close.i], "colon"
    return None


def content_noun_clause(c: Cue) -> Answer | None:
    """"expressed hope that ...": a content noun with its own clause."""
    for x in c.children:
        if x.dep_ == "dobj" and x.lemma_.lower() in lx.CONTENT_NOUNS:
            clause = [g for g in x.children if g.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" for m in g.children)]
            if clause:
                return subtree_tokens(clause[0]), "noun"
    return None


def clause_read_as_object(c: Cue) -> Answer | None:
    """"The hurricane center reported Hurricane Dorian in the Caribbean had strengthened into
    a Category 5 storm": the parser makes the reported clause's subject the cue's object and
    its finite verb a subjectless adverbial clause; together they are the reported clause."""
    verb = c.verb
    if c.lemma not in lx.SPEECH_VERBS | lx.SPEECH_ACT_VERBS:  # ("suggested the algae ... might render")
        return None
    obj = next((x for x in c.children if x.dep_ == "dobj" and x.i > verb.i), None)
    if obj is None:
        return None
    lost = next((x for x in c.children if x.dep_ in ("advcl", "conj") and x.i > obj.i and x.pos_ in ("VERB", "AUX")
                 and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in x.children)
                 and any(g.dep_ in ("aux", "auxpass") and g.i < x.i and g.tag_ != "TO" for g in x.children)), None)
    if lost is None:
        return None
    doc = verb.doc
    between = doc[obj.right_edge.i + 1 : lost.left_edge.i]
    # (the aside may hang on the lost verb: the words up to its auxiliary)
    aside = doc[obj.right_edge.i + 1 : min(g.i for g in lost.children if g.dep_ in ("aux", "auxpass"))]
    if any(t.is_punct or t.dep_ == "cc" for t in between) and not comma_aside(aside):
        return None  # ("reported the figures, and had ..." is a second predicate of the source)
    return list(doc[obj.left_edge.i : lost.right_edge.i + 1]), "clause"


def comma_aside(gap) -> bool:
    """"suggested the algae, like warming temperatures, might render ...": an aside set off
    by two commas inside the lost subject (a phrase with no verb or "and" of its own), not a
    second predicate of the source ("reported the figures, and had ...")."""
    words = [t for t in gap if not t.is_punct]
    return len(gap) >= 3 and gap[0].text == "," and gap[-1].text == "," and bool(words) \
        and not any(t.dep_ == "cc" or t.text in (",", ";", ":") or t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in gap[1:-1])


def speech_act_object(c: Cue) -> Answer | None:
    """What a speech act is about: "urged maximum restraint from both sides", "called for a
    ceasefire", "has been pushing for a salary cap", "spoken of 'cautious optimism' that ..."."""
    lemma = c.lemma
    if lemma in lx.OBJECT_CONTENT_VERBS | lx.SPEECH_ACT_VERBS or lemma in lx.PREP_CUE_VERBS:
        toks = complement_tokens(c.verb, only_preps=lx.PREP_CUE_VERBS.get(lemma))
        if lemma in lx.PREP_CUE_VERBS and toks and toks[0].lower_ in ("of", "about"):
            toks = toks[1:]  # "spoken of | 'cautious optimism' that ...": the preposition goes with the cue
        if len(toks) >= 2:
            return toks, "object"
    return None


def instruction(c: Cue) -> Answer | None:
    """"told residents not to worry", "urging the critics to give the coach time": the
    instruction is the content, the person addressed is not."""
    verb = c.verb
    if c.lemma in lx.RECIPIENT_VERBS and c.lemma != "ask":
        inf = next((x for x in c.children if x.dep_ == "xcomp" and x.i > verb.i
                    and any(a.lower_ == "to" for a in x.children if a.i < x.i)), None)
        if inf is not None:
            doc = verb.doc
            return list(doc[inf.left_edge.i : aside_cut(doc, inf.left_edge.i, inf.right_edge.i) + 1]), "object"
    return None


def said_object(c: Cue) -> Answer | None:
    """"he said Martinez", "half said so", "said yes", "say the same of the mayor", and a
    clause the parser read as an object or a participle ("said expanding it could ...")."""
    verb = c.verb
    if c.lemma != "say":
        return None
    objs = [x for x in c.children if x.i > verb.i and (x.dep_ in ("dobj", "xcomp", "intj", "oprd")
            or x.dep_ == "advmod" and x.lower_ in lx.SAID_ADVERBS) and x.ent_type_ not in ("DATE", "TIME")]
    # A quotation opening the object has its own rules ('said "the senator exaggerates"');
    # one deep inside it does not ('says the movement ... appeals to the "bad angels"', a
    # clause the parser read as an object).
    if objs and not (objs[0].left_edge.is_quote or objs[0].left_edge.i == verb.i + 1 and verb.nbor(1).is_quote
                     or any(t.is_quote for t in objs[0].subtree) and len(list(objs[0].subtree)) < 6):
        doc = verb.doc
        return list(doc[objs[0].left_edge.i : aside_cut(doc, objs[0].left_edge.i, objs[0].right_edge.i) + 1]), "said_object"
    return None


def aside_before_quote(verb: Token) -> bool:
    """'The plan, she said, ''will not survive'' a vote': a cue set off by commas just before a
    quotation typed with two apostrophes. The parser hangs that opening mark on the cue, so the
    cue's phrase seems to end in a quote, not in its comma (syntax.is_parenthetical); it is still
    an aside inside one reported sentence, whose both sides are the content."""
    doc, right, left = verb.doc, verb.right_edge, verb.left_edge
    if not (right.is_quote and right.i > verb.i + 1 and doc[right.i - 1].text == "," and right.i + 1 < len(doc)):
        return False
    if verb.head is verb or verb.head.i < verb.i or verb.dep_ not in ("ccomp", "parataxis", "advcl"):
        return False
    if own_subject(verb) is None or any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) or right.i - verb.i > 5:
        return False
    return left.text == "," or left.i == verb.sent.start or doc[left.i - 1].text == ","
