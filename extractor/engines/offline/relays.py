"""Relays: who carried a source's words, and attributions relayed inside others.

Two ideas. A cue's relays ("told Reuters", "in a statement to the agency", "through X")
come from the phrases hung on the cue; each construction is a rule family in
`RELAY_RULES`, asked for every child of the cue in turn. And an attribution inside
another's content was relayed by the outer source (`nest`).

Tried and left out (Wikinews tune / dev / PolNeAR dev linked F1): the relayed speaker read
as the report's object ("Metro.net reported its source said ...": the object is the inner
cue's subject) and a trailing report of a bare cue ("..., the Herald reported the mayor
said": the mayor's claim on the clause before, the Herald its relay) together 0.8323 ->
0.8353 / 0.7804 / 0.6558, unchanged on dev and PolNeAR dev; "X reported ..., citing Y" as
Y's claim with X its relay (GUIDELINES §9.9) 0.8353 / 0.7804 / 0.6558 -> 0.6553 (PolNeAR
annotates "X citing Y" instead). Claims on one content are paired with gold by list order,
so the relay's and the relayed claim may cross-link.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from . import lexicon as lx
from .records import NOUN_CONTENTS, Found, Mention

MentionOf = Callable[[Token], Mention]


def told_an_outlet(lemma: str, c: Token, mention: MentionOf) -> list[Mention]:
    """"A senior official told Reuters that ...": the outlet told relays the words."""
    if lemma == "tell" and c.dep_ in ("dobj", "dative"):
        m = mention(c)
        if m.type == "media":
            return [m]
    return []


def to_or_through(lemma: str, c: Token, mention: MentionOf) -> list[Mention]:
    """"revealed to the Shafaq News agency", "said through a spokesman": an outlet spoken
    to, or anyone the words went through."""
    out: list[Mention] = []
    if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "through"):
        for p in c.children:
            if p.dep_ == "pobj":
                m = mention(p)
                if m.type == "media" or c.lower_ == "through":
                    out.append(m)
    return out


def channel_outlet(lemma: str, c: Token, mention: MentionOf) -> list[Mention]:
    """"in a statement to Reuters", "in comments broadcast on Israeli television", "in an
    interview with CNN": the outlet that carried the words."""
    out: list[Mention] = []
    if c.dep_ == "prep" and c.lower_ in ("in", "during"):
        for p in c.children:
            if p.dep_ == "pobj" and p.lemma_.lower() in lx.CHANNEL_NOUNS:
                for r in p.subtree:
                    if r.dep_ == "pobj" and r.head.dep_ == "prep" and r.head.lower_ in ("to", "on", "with", "by"):
                        m = mention(r)
                        if m.type == "media":
                            out.append(m)
    return out


# Asked in this order for each child of the cue; every answer is kept.
RELAY_RULES: tuple[Callable[[str, Token, MentionOf], list[Mention]], ...] = (told_an_outlet, to_or_through, channel_outlet)


def nest(new: list[Found]) -> list[Found]:
    """An attribution inside another's content was relayed by the outer source.

    Both are kept (PolNeAR annotates the relay's report too), except inside a denial: what a
    source denies happened ("denied that the US had asked Lebanon to ...") is nobody's
    claim (evals/GUIDELINES.md §1)."""
    drop: list[Found] = []
    for inner in new:
        for outer in new:
            if inner is outer or outer.source is None or inner.cue_token is None:
                continue
            if inner.source is not None and (inner.source.start, inner.source.end) == (outer.source.start, outer.source.end):
                continue
            if outer.how in NOUN_CONTENTS:
                continue  # "rejected the truce declared by X": X's act is not relayed, it is presupposed
            if self_reference(inner.source, outer.source):
                continue  # "The mayor said he had asked his staff ...": he relays himself
            lo, hi = outer.scope or outer.content
            if lo <= inner.cue_token < hi and inner.content[1] - inner.content[0] < hi - lo:
                if outer.denial and outer.content[0] <= inner.cue_token < outer.content[1]:
                    drop.append(inner)
                    continue
                if not any(v.start == outer.source.start for v in inner.via):
                    inner.via.append(outer.source)
    return [f for f in new if not any(f is d for d in drop)]


def self_reference(inner: Mention | None, outer: Mention) -> bool:
    """Is the inner source a pronoun that can be the outer source itself ("X said he ...")?"""
    if inner is None or inner.head is None or inner.head.lower_ not in lx.PRONOUNS:
        return False
    if inner.name is not None and outer.name is not None:
        return inner.name == outer.name
    return inner.plural == outer.plural
