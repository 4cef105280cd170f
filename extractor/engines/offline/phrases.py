"""Pieces of a sentence that a content rule may take as what was said.

Each function cuts one kind of phrase from the parse (a reported clause without its
trailing circumstances, a speech act's complement, an indirect question, the noun a
passive cue hangs on ...). The content rule families (content.py) decide which one a
cue gets; these only cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as TokSpan, Token

from . import lexicon as lx
from .cues import is_cue_verb
from .sources import noun_phrase
from .spans import aside_cut, contiguous, predicate_as, up_to
from .syntax import CLAUSE_DEPS, TEMPORAL_MARKS, after_quote, asked_passively, has_subject, own_subject

COMPLEMENT_PREPS = {"from", "to", "with", "against", "between", "over", "into", "toward", "towards", "about",
                    "for", "of", "among", "across", "on"}


def clause_tokens(clause: Token) -> list[Token]:
    """A reported clause without trailing circumstance clauses (", after two sources told ...")."""
    drop: set[int] = set()
    for t in clause.subtree:
        after_comma = t.i > clause.i and set_off(t)
        # (a reason stays: "enjoys the event, in part, because it is light", as in reason_after)
        circumstance = t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in TEMPORAL_MARKS - lx.REASON_WORDS
                                                 for m in t.children)
        participle = t.dep_ == "advcl" and t.tag_ == "VBG" and t.left_edge.i == t.i  # ", echoing a memo"
        contrast = t.dep_ == "advcl" and t.head.i == clause.i and t.right_edge.i >= clause.right_edge.i - 1 and any(
            m.dep_ == "mark" and m.lower_ in ("as", "though", "although", "while") for m in t.children)
        if after_comma and (circumstance or participle) or contrast:
            # (", after two sources told ...", "... as she prepares for the final")
            drop |= {x.i for x in t.subtree}
        if t.dep_ == "conj" and t.head.i == clause.i and is_cue_verb(t) and own_subject(t) is None:
            drop |= {x.i for x in t.subtree}  # "... and asked whether": the source's next act
        if t.i > clause.i and t.head.i == clause.i and (framing_clause(t) or rival_conjunct(t)):
            drop |= {x.i for x in t.subtree}
    return contiguous([t for t in clause.subtree if t.i not in drop], clause)


def set_off(t: Token) -> bool:
    """Is the phrase `t` heads set off by a comma before it (also ',"' closing a quotation)?"""
    doc, first = t.doc, t.left_edge.i
    return first > 0 and (doc[first - 1].text == "," or doc[first - 1].is_quote and first > 1 and doc[first - 2].text == ",")


FRAMING_MARKS = frozenset("after before when while as once until".split())


def framing_clause(t: Token) -> bool:
    """'The coach insists the team is ready after a scout told him the defence looked weak',
    '... while adding that ...': a time clause closing the reported clause whose verb reports
    another claim (someone else's, or the source's next one) frames the report; it is not
    what was reported."""
    if t.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in FRAMING_MARKS for m in t.children):
        return False
    if not (t.lemma_.lower() in lx.UTTERANCE_VERBS and is_cue_verb(t)):
        return False
    # (a claim of its own, not an event: "before he announced his bid" is part of the report)
    reports = any(c.dep_ == "ccomp" for c in t.children)
    return reports and own_subject(t) is not None or t.tag_ == "VBG" and own_subject(t) is None


def rival_conjunct(t: Token) -> bool:
    """'said the bridge would reopen and one in four residents said the road was unsafe': a
    conjunct that is another source's verb of saying is their claim, not part of this one
    (but "said that A and that B said nothing" reports both). The parser may make it a
    second complement of the cue rather than a conjunct."""
    second = t.dep_ == "ccomp" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].dep_ == "cc"
    return (t.dep_ == "conj" or second) and t.lemma_.lower() in lx.SPEECH_VERBS and is_cue_verb(t) and own_subject(t) is not None \
        and not any(m.dep_ == "mark" for m in t.children)


def light_content(verb: Token, noun: Token) -> list[Token]:
    """What the light-verb cue is about: the noun's "that" clause, else the first
    about-preposition phrase on the noun or the verb ("the blame squarely on Hezbollah")."""
    doc = verb.doc
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return clause_tokens(c)
    # ("making the case for weeks that ...", "make the case to women that ...": the clause hung
    # on the verb or on the phrase between)
    for c in [x for x in list(verb.children) + list(noun.children) if x.i > noun.i]:
        for t in c.subtree:
            if t.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children) \
                    and (t.head in (verb, noun) or t.head.dep_ == "pobj" and t.head.head.head in (verb, noun)):
                return clause_tokens(t)
    for c in sorted(list(noun.children) + list(verb.children), key=lambda t: t.i):
        if c.i > noun.i and c.dep_ == "prep" and c.lower_ in lx.ABOUT_PREPS | {"on", "to"} \
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return list(doc[c.i : aside_cut(doc, c.i, c.right_edge.i) + 1])
    return []


def question_tokens(verb: Token) -> list[Token]:
    """What was asked: an if/whether/wh clause ("asked the drivers if they would ..."), a
    request ("asked the choir to sing"), or an "about/for" object ("asked about the
    budget", "asked for a recount"). A bare object ("asked a question") is not enough."""
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    for c in verb.children:
        if c.i < verb.i:
            continue
        first = c.left_edge
        if c.dep_ in ("ccomp", "advcl", "xcomp", "dep") and (first.lower_ in lx.QUESTION_MARKS or first.tag_ in ("WP", "WRB", "WDT")):
            return list(doc[first.i : c.right_edge.i + 1])
        if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children if a.i < c.i):
            start = obj.left_edge.i if obj is not None and not asked_passively(verb) else first.i
            return list(doc[start : aside_cut(doc, start, c.right_edge.i) + 1])
        if c.dep_ == "prep" and c.lower_ in ("about", "for"):
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                return list(doc[pobj[0].left_edge.i : aside_cut(doc, pobj[0].left_edge.i, pobj[0].right_edge.i) + 1])
    return []


def antecedent_tokens(verb: Token) -> list[Token]:
    """The noun phrase a relative or participle clause hangs on, without that clause."""
    own = {t.i for t in verb.subtree}
    head = verb.head
    return contiguous([t for t in head.subtree if t.i not in own and t.dep_ not in ("relcl", "acl") or t.i == head.i], head)


def noun_content(verb: Token) -> list[Token]:
    """Content that is a noun phrase around the cue rather than its complement: a passive
    with its agent ("the effort was communicated by US envoy X" -> "the effort") and a
    participle with its agent ("the truce declared by Kataib Hezbollah" -> "the truce").
    (Object relatives, "a plan the union has criticized", cost more than they
    won on PolNeAR dev.)"""
    agent = any(c.dep_ == "agent" for c in verb.children)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent and subj is not None and subj.lower_ != "it":
        if subj.tag_ in ("WDT", "WP"):  # "..., which was first reported by the local paper"
            return antecedent_tokens(verb) if verb.dep_ == "relcl" else []
        return contiguous(noun_phrase(subj), subj)
    if agent and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return antecedent_tokens(verb)
    return []


def object_relative_tokens(verb: Token, wh: Token, subject: Token | None) -> list[Token]:
    """'a rocket strike ..., and which Israel and the United States blamed on Hezbollah': the
    thing blamed is the antecedent and the claim is completed by the phrase after the cue.
    Only with such a phrase: a bare object relative ("a plan the union has criticized")
    cost more than it won on PolNeAR dev."""
    if not (wh.tag_ in ("WP", "WDT") and wh.dep_ == "dobj" and wh.head.i == verb.i
            and subject is not None and wh.i < subject.i < verb.i):
        return []
    rel = verb
    while rel.dep_ == "conj" and rel.head.i < rel.i:
        rel = rel.head
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in lx.RELATIVE_COMPLEMENT_PREPS
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if rel.dep_ != "relcl" or prep is None or rel.head.pos_ not in ("NOUN", "PROPN"):
        return []
    doc = verb.doc
    return list(doc[rel.head.left_edge.i : prep.right_edge.i + 1])


def main_clause_after(verb: Token, toks: list[Token]) -> list[Token]:
    """'..., saying that had the calm been arranged by Qaani, it would have involved ...':
    the parser made the clause after the comma the sentence's main verb and hung the whole
    cue clause on it as a complement. A verb that is not a cue takes no reported clause
    before it, so that main clause is the rest of what was said."""
    if not toks:
        return []
    a = verb
    while a.dep_ in ("advcl", "conj", "xcomp") and a.head.i < a.i:
        a = a.head
    main, end = a.head, max(t.i for t in toks)
    doc = verb.doc
    # The cue clause must open the sentence ("Years after the mayor declared that ..., the
    # council voted ..." is a real subordinate clause).
    opens = a.dep_ == "ccomp" and a.left_edge.i == a.sent.start and not any(c.dep_ == "mark" for c in a.children)
    if not opens or main.i <= end or is_cue_verb(main) or own_subject(main) is None \
            or end + 1 >= len(doc) or doc[end + 1].text != "," or own_subject(main).i <= end:
        return []
    return up_to(doc, end, main.right_edge.i)


def reason_after(verb: Token, toks: list[Token]) -> list[Token]:
    """'said the US sought to persuade Beirut ..., particularly given the perception that ...':
    a reason, condition or purpose ("... the situation to avert more strikes") after the
    reported clause, which the parser hung on the cue, is part of what was said (the cue's
    own circumstances are when, where and to whom)."""
    if not toks:
        return []
    end, doc = max(t.i for t in toks), verb.doc
    for c in verb.children:
        if c.dep_ not in ("advcl", "prep") or c.left_edge.i <= end:
            continue
        if any(not t.is_punct for t in doc[end + 1 : c.left_edge.i]):
            continue
        opener = {t.lower_ for t in doc[c.left_edge.i : c.i + 1] if t.dep_ in ("mark", "prep", "advcl") or t.i == c.i}
        purpose = c.dep_ == "advcl" and c.left_edge.lower_ == "to" and c.left_edge.i == end + 1  # "... to avert X"
        if opener & lx.REASON_WORDS or purpose:
            return up_to(doc, end, c.right_edge.i)
    return []


def for_clause(c: Token) -> bool:
    """'called for the city to raise wages ...': a clause opened by "for" (parsed as a
    clause with the mark "for", not as a prepositional phrase)."""
    return c.dep_ in ("advcl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == "for" and m.i < c.i for m in c.children)


def near_cue(verb: Token, phrase: Token, mark: Token) -> bool:
    """Is the "that" of 'says in a statement that ...' the cue's own complementizer? It
    must hang on the phrase's head or its object, with no colon or quotation between."""
    owner = mark.head.head
    if owner.i != phrase.i and owner.head.i != phrase.i:
        return False
    return not any(t.text in (":", ";") or t.is_quote for t in verb.doc[verb.i + 1 : mark.i])


def complement_tokens(verb: Token, only_preps: frozenset[str] | None = None) -> list[Token]:
    """What a speech act is about: its object, object predicate, infinitive or "for/about"
    phrase, up to the end of the last one ("called the show 'the news show of record'").
    With `only_preps`, just a phrase or clause with one of those prepositions ("pushing for a
    truce", "spoke of optimism that ...")."""
    parts: list[Token] = []
    for c in verb.children:
        if c.i < verb.i:
            continue
        if for_clause(c) and (only_preps is None or "for" in only_preps):
            parts.append(c)
        elif only_preps is not None:
            if c.dep_ in ("prep", "prt") and c.lower_ in only_preps and (
                    c.dep_ == "prt" or any(g.dep_ in ("pobj", "pcomp") for g in c.children)):
                parts.append(c)
            elif parts:
                break
        elif c.dep_ in ("dobj", "oprd", "xcomp", "dative", "ccomp") and not (c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME")):
            parts.append(c)
        elif c.dep_ in ("prep", "prt") and (c.lower_ in lx.ABOUT_PREPS or c.lower_ == "to" and verb.lemma_ == "point") and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children
        ):
            if c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                continue
            parts.append(c)
        elif c.dep_ == "advcl" and parts and c.left_edge.lower_ == "to" \
                and c.left_edge.i == max(t.i for p in parts for t in p.subtree) + 1:
            parts.append(c)  # "urged the board to publish the audit to ...": the purpose goes with it
        elif c.dep_ in ("advcl", "conj", "cc", "parataxis") or c.text == ",":
            if parts:
                break
    if not parts:
        return []
    # A prepositional phrase right after the complement still belongs to it
    # ("urged maximum restraint from both sides"), unless it says when.
    end = max(t.i for p in parts for t in p.subtree)
    for c in verb.children:
        if c.dep_ == "prep" and c.i == end + 1 and (c.lower_ in COMPLEMENT_PREPS or placed_on_the_object(c)) and not any(
                g.ent_type_ in ("DATE", "TIME") for g in c.children):  # (but "in the Sept. 11 attacks" is a thing)
            parts.append(c)
            end = c.right_edge.i
    parts += predicate_as(verb, end)
    lo = min(t.i for p in parts for t in p.subtree)
    hi = max(t.i for p in parts for t in p.subtree)
    doc = verb.doc
    hi = aside_cut(doc, lo, hi)
    return [doc[i] for i in range(lo, hi + 1)]


def placed_on_the_object(prep: Token) -> bool:
    """'recalled a storm at a small harbour that ...', 'expressed her support in the name of
    ...': an "in"/"at" phrase right after the object that the parser hung on the cue. It
    says where the thing recalled happened, unless it names the occasion or place of the
    speech act itself ("praised the crew at a rally", "in a statement", "in Ohio")."""
    if prep.lower_ not in ("in", "at"):
        return False
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return pobj is not None and pobj.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME", "ORG") \
        and pobj.lemma_.lower() not in lx.WHEN_OR_WHERE_NOUNS | lx.OCCASION_NOUNS and pobj.lower_ not in lx.OCCASION_NOUNS


def sentence_final_cue(verb: Token, sent: TokSpan) -> list[Token]:
    """'..., said Ana Ruiz, head of the council.' / '..., he said.' when the parser lost
    the clause before it (took its subject for the cue's, or a verb for a noun): the cue is
    the sentence's main verb and its clause, set off by a comma, ends the sentence. Only for
    say and add, whose trailing use is unambiguous."""
    if verb.lemma_.lower() not in ("say", "add") or verb.dep_ != "ROOT" or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return []
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    near = min(subjects, key=lambda c: abs(c.i - verb.i), default=None)
    if near is None:
        return []
    if near.i < verb.i:
        start = near.left_edge.i
        if any(not t.is_punct and t.dep_ not in ("aux", "neg", "advmod") for t in doc[near.right_edge.i + 1 : verb.i]):
            return []
    else:
        start = verb.i
    rest = [t for t in doc[verb.i + 1 : sent.end] if not t.is_punct]
    if start - 1 <= sent.start or doc[start - 1].text != "," or any(t.pos_ in ("VERB", "AUX") for t in rest) or len(rest) > 15:
        return []
    before = list(doc[sent.start : start - 1])
    words = [t for t in before if not t.is_punct and t.dep_ != "cc"]
    if len(words) < 4 or words[0].lower_ in TEMPORAL_MARKS:
        return []  # (not "But when Congress cut the funding, Mexico said": a subordinate clause)
    return before


# ---- the cue in its sentence, as the content rule families see it -------------------------

Answer = tuple[list[Token], str]
NOTHING: Answer = ([], "")


@dataclass
class Cue:
    """A cue verb in its sentence, with the parts of the parse most families look at."""

    verb: Token
    sent: TokSpan
    children: list[Token]
    after: list[Token]  # clausal complements after the cue
    before: list[Token]  # clauses before the cue that it may report
    wh: Token  # the cue clause's first token (a relative or question word, when there is one)
    subject: Token | None

    @property
    def lemma(self) -> str:
        return self.verb.lemma_.lower()


def read_cue(verb: Token, sent: TokSpan) -> Cue:
    """The cue with its clauses before and after, read once for all content families."""
    children = list(verb.children)
    after = [c for c in children if c.dep_ == "ccomp" and c.i > verb.i]
    subject = own_subject(verb)
    before = [c for c in children if c.dep_ in CLAUSE_DEPS and c.i < verb.i]
    if before and after and subject is not None and subject.i < verb.i and has_subject(after[0]) \
            and not after_quote(verb, subject.left_edge.i) \
            and not any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in after[0].children):
        # "The coverage was merciless: The Union Leader said Rubio had been rocked": the
        # clause after the cue is what was said, not the one before (but not
        # '"...," the engineer said, mentioning the report is ...' or '"...," Lind said, as ...')
        before = []
    return Cue(verb=verb, sent=sent, children=children, after=after, before=before, wh=verb.left_edge, subject=subject)


def opens_with_adverbial(clause: Token) -> bool:
    """"She said, if elected, she would ask ...", "He said, after the vote, the council had
    erred": after the comma a reported clause with its own subject that opens with an
    adverbial clause or phrase set off by a comma. (Without its own subject, what follows
    the comma is more often the author's: "..., he said, adding ...".)"""
    if not has_subject(clause) or own_subject(clause) is None or own_subject(clause).i < clause.left_edge.i:
        return False
    opener = next((ch for ch in clause.children if ch.left_edge.i == clause.left_edge.i and ch.i < clause.i), None)
    if opener is None or opener.dep_ not in ("advcl", "prep", "advmod", "npadvmod"):
        return False
    end = opener.right_edge.i
    return end + 1 < clause.i and clause.doc[end + 1].text == ","


def lost_subject_with_aside(verb: Token, gap: TokSpan) -> bool:
    """"said the old bridge, built by convicts a century ago, was unsafe", parsed with the
    subject as the cue's object: the commas in the gap set off an aside inside that noun
    phrase, not a phrase of the cue's own ("said on Monday, after the vote, ..."). The gap
    opens with the object and holds no verb of its own outside asides."""
    obj = next((x for x in verb.children if x.dep_ == "dobj" and x.left_edge.i == verb.i + 1), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or not len(gap) \
            or "," not in (gap[-1].text, verb.doc[gap.end].text):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in gap)


def before_a_rival_claim(verb: Token, toks: list[Token]) -> list[Token]:
    """A reported clause ends where another source's claim is set beside it: "Phivolcs
    reported the magnitude was 5.5; the USGS reported 5.8", "The committee says it found no
    trace of explosives despite the site claiming a source described a depot", "The driver
    said he lost control, with some witnesses claiming he was speeding". After a
    semicolon, in a "despite" phrase or a "with" phrase set off by a comma, a cue verb with a subject of its own starts an
    attribution of its own."""
    doc = verb.doc
    for t in toks:
        # (", with some witnesses claiming ...": an absolute phrase set off by a comma)
        absolute = t.lower_ == "with" and t.dep_ == "prep" and doc[t.i - 1].text == ","
        if t.i <= verb.i or not (t.text == ";" or t.lower_ in lx.RIVAL_MARKERS and t.dep_ in ("prep", "mark") or absolute):
            continue
        scope = [x for x in toks if x.i > t.i] if t.text == ";" else list(t.head.subtree if t.dep_ == "mark" else t.subtree)
        # ("despite the site claiming ...": the participle's noun is its subject)
        if any(is_cue_verb(x) and x.i != verb.i and (own_subject(x) is not None or x.dep_ == "pcomp"
                                                    and doc[x.i - 1].dep_ in ("nsubj", "poss")
                                                    or x.dep_ == "acl" and x.head.i > t.i) for x in scope):
            kept = [x for x in toks if x.i < min(t.i, min(y.i for y in scope))]
            while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
                kept = kept[:-1]
            return kept or toks
    return toks
