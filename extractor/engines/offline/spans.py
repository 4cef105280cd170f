"""Character spans from tokens, and the trimming every span gets.

Every span the engine reports is cut straight from token offsets into the raw text;
these helpers are the only place that turns tokens into (start, end) and tidies the edges,
so that all rule families cut spans the same way.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

QUOTE_CHARS = "\"“”„«»"
STRIP_CHARS = " \t\n\u00a0,;:—–-" + QUOTE_CHARS  # (scraped text keeps no-break spaces)


def tokens_span(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def trim(raw: str, start: int, end: int, drop_that: bool = True) -> tuple[int, int]:
    """Drop connecting words and punctuation at the edges of a content span."""
    while True:
        before = (start, end)
        while start < end and (raw[start] in STRIP_CHARS or raw.startswith("''", start)):
            start += 2 if raw.startswith("''", start) else 1
        while end > start and (raw[end - 1] in STRIP_CHARS + "." or raw[end - 2 : end] == "''"):
            end -= 2 if raw[end - 2 : end] == "''" else 1
        if drop_that:
            # "that" as a complementizer, not the subject of "That is a problem"
            m = re.match(r"(that|and that|but that|:)\s+(?!(is|was|are|were|has|had|will|would|could|can|should|may|might|must)\b)",
                         raw[start:end], re.I)
            if m:
                start += m.end()
        m = re.search(r"\s+(and|but|or)$", raw[start:end])
        if m:
            end = start + m.start()
        if (start, end) == before:
            return start, end


def subtree_tokens(tok: Token) -> list[Token]:
    return list(tok.subtree)


def contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens around `anchor` (gaps split a span)."""
    idx = sorted(t.i for t in tokens)
    if not idx:
        return []
    runs, run = [], [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    runs.append(run)
    best = max(runs, key=lambda r: (anchor.i in r, len(r)))
    doc = anchor.doc
    return [doc[i] for i in best]


def up_to(doc: Doc, end: int, last: int) -> list[Token]:
    """The tokens after `end` through `last`, without closing punctuation."""
    while last > end and doc[last].is_punct:
        last -= 1
    return list(doc[end + 1 : last + 1])


def aside_cut(doc: Doc, lo: int, hi: int) -> int:
    """End a span before a non-restrictive aside (", the deadliest since ...", ", who ...").
    Not before a list the parser read as an apposition ("noted the drought, her plan for the
    farmers and her work on the dams"), nor before an aside the complement goes on after
    ("praised Ana Ruiz, who quit on Monday, as a woman of courage")."""
    for i in range(lo + 1, hi):
        if doc[i].text != ",":
            continue
        # (',"' closing a quotation before the aside: 'praised "slow travel," which is ...')
        opens = i + 2 if i + 1 <= hi and doc[i + 1].is_quote else i + 1
        aside = next((t for t in doc[i + 1 : hi + 1] if t.dep_ in ("appos", "relcl") and t.left_edge.i == opens), None)
        if aside is not None and not listed(aside) and not goes_on_after(aside, hi):
            return i - 1
    return hi


def up_to_aside(doc: Doc, lo: int, hi: int) -> list[Token]:
    """The tokens lo..hi, ended before a non-restrictive aside (`aside_cut`)."""
    return list(doc[lo : aside_cut(doc, lo, hi) + 1])

def listed(aside: Token) -> bool:
    """', her plan for the farmers and her work on the dams': an "apposition" holding the
    rest of a list. Its head is of the kind of the noun it hangs on (a person's title after
    a name, "Ana Ruiz, the former ambassador and senator", is an apposition), or a number
    ("twelve votes for Smith, nine for Jones and three abstentions")."""
    if aside.dep_ != "appos" or not any(t.dep_ == "cc" and t.lower_ in ("and", "or") for t in aside.subtree):
        return False
    return aside.pos_ == aside.head.pos_ or aside.pos_ == "NUM"


def goes_on_after(aside: Token, hi: int) -> bool:
    """Do words of the span follow the aside, after the comma closing it?"""
    doc = aside.doc
    rest = [t for t in doc[aside.right_edge.i + 1 : hi + 1] if not t.is_punct]
    return bool(rest) and doc[aside.right_edge.i + 1].text == ","


def predicate_as(verb: Token, end: int) -> list[Token]:
    """"described the dinner as Washington celebrating itself", "dismissed the proposal as too
    vague", "praised his rival, who retired on Monday, as a man of courage": what the object is
    called is part of the act's complement (evals/GUIDELINES.md section 1, descriptions), also
    after an aside set off by commas."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as" and c.i > end and list(c.children) \
                and (c.i == end + 1 or doc[c.i - 1].text == "," and doc[end + 1].text == ","):
            return [c]
        # ("described the dinner as Washington celebrating itself": a predicate, not "as the vote neared")
        if c.dep_ == "advcl" and c.left_edge.i == end + 1 and c.left_edge.lower_ == "as" and c.tag_ in ("VBG", "VBN"):
            return [c]
    return []
