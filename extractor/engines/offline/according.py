""""According to X" and "per X": the clause the phrase belongs to is what X is credited with.

The engine walk (engine.py) asks here when it meets "according" with a "to", or a "per" (a
credit only when set off and naming who or what can report). The content is
the clause "according to" hangs on; the parser often hangs it on the wrong clause (a
participle aside, or a relative clause about X itself), so `reported_clause_head` moves it
to the clause the phrase really qualifies.

Tried and left out: ending a report's content before a credit phrase the parser hung on
the reported clause ("The ministry said the border would stay closed, according to state
television": the ministry's content ran on over the phrase, and the credit got the
ministry as its relay): linked, exact-content and relay scores unchanged on Wikinews tune
and dev and PolNeAR dev.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span as TokSpan, Token

from . import lexicon as lx
from .evidence import FINDING_SUBJECTS
from .records import Found
from .spans import contiguous, tokens_span, trim
from .syntax import agent_capable


def reported_clause_head(tok: Token, source: Token) -> Token:
    """The head of the clause "according to X" qualifies. Two misattachments are undone:
    "The shooting began at 10:39, according to police, who said officers arrived ...": the
    clause after the phrase is a relative clause about the police (its subject "who" comes
    right after them), so the content is the main clause before; and "Rescuers, working in
    the cold, according to the ministry recovered ten survivors": the phrase closes a
    participle aside, so the content is the main clause the aside belongs to."""
    head = tok.head
    if head.i == tok.i:
        return tok
    if closes_a_report(tok, head):
        return head.head  # "X said the border would stay closed, according to Y": Y relays X's report
    if dangling_coordination(head):
        return head.head  # "According to X, the ferry was overloaded, so when ... it capsized": all of it
    wh = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")), None)
    if head.i > tok.i and wh is not None and wh.i > source.i and head.head.i != head.i and head.head.i < tok.i:
        return head.head  # "..., according to police, who said ...": not what "who" said
    main = head.head.head if head.dep_ == "acl" else head.head  # (an aside on the subject: its verb)
    if head.dep_ in ("advcl", "acl", "csubj") and head.tag_ in ("VBG", "VBN") and main.i > tok.right_edge.i \
            and main.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return main  # "Rescuers, working ..., according to X recovered ...": the main clause
    return head


def dangling_coordination(head: Token) -> bool:
    """"According to the coast guard, the ferry was overloaded, so when the storm hit, it
    capsized": the parser makes the first clause a complement of the last and leaves its "so"
    (or "and", "but") with no conjunct; the two clauses are one coordination, and the phrase
    opening the sentence credits both (content.py's ccomp reading would stop at "so")."""
    return head.dep_ == "ccomp" and head.head.i > head.i and head.head.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "cc" and c.i > head.i for c in head.children) \
        and not any(c.dep_ == "conj" for c in head.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i for c in head.head.children)


def closes_a_report(tok: Token, head: Token) -> bool:
    """"The ministry said the border would stay closed, according to state television": set
    off by a comma at the end of a reported clause, the phrase credits the whole report to Y
    (Y relays it, evals/GUIDELINES.md section 5, as "..., reported the New York Times"), so
    the content is "The ministry said ...", not only what the ministry said."""
    cue = head.head
    if head.dep_ != "ccomp" or cue.i >= head.i or cue.lemma_.lower() not in lx.SPEECH_VERBS:
        return False
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    return before is not None and before.text == "," and tok.right_edge.i >= head.right_edge.i - 1 \
        and any(c.dep_ == "nsubj" for c in cue.children)


def splits_subject(head: Token, tok: Token) -> bool:
    """"The council, according to the mayor, approved the budget": the phrase stands between
    the clause's subject and its verb, so the claim is the whole clause around it (two
    fragments, evals/GUIDELINES.md section 2), not the predicate alone."""
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subj is not None and subj.i < tok.i < head.i and subj.tag_ not in ("WP", "WDT")


def unclosed_bracket(tok: Token) -> set[int]:
    """"According to Friends of the Earth (FOE), the river ...": the parser may hang the closing
    bracket of an acronym on the main clause; it still belongs to the phrase, so the content
    starts after it, not at "), "."""
    doc, end = tok.doc, tok.right_edge.i
    opened = sum(t.text == "(" for t in tok.subtree) - sum(t.text == ")" for t in tok.subtree)
    if opened > 0 and end + 1 < len(doc) and doc[end + 1].text == ")":
        return {end + 1}
    return set()


def according_to(state: Any, tok: Token, sent: TokSpan, base: int) -> Found | None:
    """"The plant will close next year, according to two people familiar with the plans":
    the clause "according to" hangs on (or the sentence) is the content."""
    to = next(c for c in tok.children if c.lower_ == "to")
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    return credited_clause(state, tok, to, objs[0], sent, base, "according to")


def per_source(state: Any, tok: Token, sent: TokSpan, base: int) -> Found | None:
    """"The vaccine is 90 percent effective, per the manufacturer", "Per the county clerk,
    turnout reached 71 percent": "per" X set off by a comma or opening the sentence credits
    its clause to X as "according to" does. A rate is no credit ("$40 per person", "3 per
    cent", "income per capita"): X must be able to speak (a person, body, outlet) or be a
    record or a report ("per company filings"), and "as per the contract" is a term, not a
    source. "By one estimate, ...", "..., by all accounts, ..." credit an account or a report
    the same way (evals/GUIDELINES.md §9.9), and only those ("By Tuesday, ...")."""
    if tok.lower_ not in lx.PER_WORDS or tok.dep_ != "prep":
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or not set_off(tok) or obj.lower_ in lx.PRONOUNS:
        return None
    if tok.lower_ in lx.BY_CREDIT_WORDS:
        if obj.lemma_.lower() not in lx.BY_CREDIT_NOUNS:
            return None  # ("By Tuesday, ...", "by law, ...": no account)
        return credited_clause(state, tok, tok, obj, sent, base, "by")
    if not (agent_capable(obj) or obj.lemma_.lower() in FINDING_SUBJECTS or obj.lower_ in FINDING_SUBJECTS):
        return None
    return credited_clause(state, tok, tok, obj, sent, base, "per")


def set_off(tok: Token) -> bool:
    """The phrase stands apart from its clause: after a comma or dash, or opening the sentence
    with a comma after it (not "as per", not "charged per day")."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > tok.sent.start else None
    after = doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(doc) else None
    if before is None:
        return after is not None and after.text == ","
    return before.text in (",", "—", "–", "(") and (after is None or after.is_punct)


def credited_clause(state: Any, tok: Token, last: Token, obj: Token, sent: TokSpan, base: int, lemma: str) -> Found | None:
    """The clause a credit phrase ("according to X", "per X") hangs on, credited to X; the cue
    runs from `tok` to `last`."""
    src = state.mention(obj, base, participles=True)
    own = {t.i for t in tok.subtree} | unclosed_bracket(tok)
    head = reported_clause_head(tok, obj)
    if head.i not in (tok.i, tok.head.i) and not dangling_coordination(tok.head):
        # (the clause the parser hung the phrase on is not part of the content: "who said ...")
        own |= {t.i for t in tok.head.subtree} if tok.head.i > tok.i else set()
    toks = [t for t in (head.subtree if head.i != tok.i else sent) if t.i not in own]
    left = [t for t in toks if t.i < tok.i]
    interrupted = head.i > tok.i and bool(left) and (left[0].i < tok.head.i < tok.i or splits_subject(head, tok))
    toks = contiguous(toks, head) if head.i != tok.i and not interrupted else toks
    span = tokens_span(toks)
    if not span:
        return None
    cs, ce = trim(state.raw, base + span[0], base + span[1])
    if ce - cs < 3:
        return None
    cue = (base + tok.idx, base + last.idx + len(last))
    found = Found(content=(cs, ce), cue=cue, source=src, confidence=0.85, cue_token=cue[0], lemma=lemma)
    if head.i != tok.head.i and closes_a_report(tok, tok.head):
        # (what X said runs up to the phrase; its whole sentence is what Y relays)
        found.scope = (cs, base + tok.right_edge.idx + len(tok.right_edge))
    if interrupted:
        # "Rescuers, working ..., according to X recovered ...": both sides, as for an interrupted quote.
        found.pieces = [trim(state.raw, cs, base + tok.idx), trim(state.raw, base + tok.right_edge.idx + len(tok.right_edge), ce)]
    return found
