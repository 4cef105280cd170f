"""Who a description stands for: the named person or organization the article introduced.

"The Iranian general" after "Iranian general Esmail Qaani", "the governor" after
"Governor Alexander Pimentel", "the party" after "the Unity Party of America": a definite
description takes the canonical name of the one entity met before it that it fits (its
head noun among the words that introduced the entity, every modifier agreeing). With no
such entity, or more than one, the description stays as written (evals/GUIDELINES.md §5:
a resolved source carries the canonical name; an unnamed one keeps its descriptor).

The introductions are read from every sentence, source or not (`introductions`); the
resolution rules are `REFERENCE_RULES`, asked in turn until one names the mention.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Span as TokSpan, Token

from . import lexicon as lx
from .records import Mention


@dataclass(frozen=True)
class Intro:
    """A named entity with the words that introduced it, where the article first met it."""

    name: str
    type: str  # person or organization
    words: frozenset[str]  # lower-cased titles, roles, modifiers and name words
    start: int


# Title nouns that name the same office ("the head of the force" = its chief or commander).
SAME_OFFICE = (frozenset({"head", "chief", "leader", "commander"}), frozenset({"chairman", "chairwoman", "chair"}),
               frozenset({"spokesman", "spokeswoman", "spokesperson"}))
# Modifiers that say nothing about which entity it is ("the former governor", "the top general").
LOOSE_MODIFIERS = frozenset("""
the a an former then current new top senior longtime veteran local regional outgoing incoming
acting interim same latter
""".split())


def _words(tokens) -> set[str]:
    out = set()
    for t in tokens:
        if t.is_punct or t.dep_ in ("det", "case") or t.lower_ in ("'s", "’s"):
            continue
        out |= {t.lower_, t.lemma_.lower()}
    return out


def _intro_words(root: Token, ent: TokSpan) -> set[str]:
    """Words before the name in its noun phrase, and its apposition either way round:
    "Iranian general Esmail Qaani", "Qaani, the head of Iran's Quds Force",
    "the head of the force, Qaani"."""
    words = _words(t for t in root.subtree if t.i < ent.start and t.dep_ not in ("relcl", "acl"))
    for c in root.children:
        if c.dep_ == "appos":
            words |= _words(c.subtree)
    if root.dep_ == "appos":
        words |= _words(t for t in root.head.subtree if t.i < root.left_edge.i)
    return words


def _titled_names(doc: Doc) -> list[TokSpan]:
    """Proper nouns after a title that NER left untagged: "General Ana Ruiz"."""
    out = []
    for t in doc:
        head = t.head
        if t.dep_ == "compound" and t.lower_ in lx.NAME_TITLES | lx.TITLE_HEADS and t.text[:1].isupper() \
                and head.pos_ == "PROPN" and head.i > t.i + 1 and not head.ent_type_ \
                and all(x.pos_ == "PROPN" for x in doc[t.i + 1 : head.i + 1]):
            out.append(doc[t.i + 1 : head.i + 1])
    return out


def _organization_kind(name: str, words: set[str]) -> str:
    """An organization introduced as an outlet is media: "news agency Interfax", "the daily
    Postimees", "Reuters"; so is a later "the agency" that stands for it."""
    outlet_words = lx.OUTLET_NOUNS - {"agency", "network", "channel", "site", "station"}
    if name.lower() in lx.MEDIA_NAMES or outlet_words & words or "agency" in words and lx.NEWS_AGENCY_MARKERS & words:
        return "media"
    return "organization"


def introductions(doc: Doc, base: int) -> list[Intro]:
    """The people and organizations a paragraph names, with the words that introduce them."""
    out = [Intro(s.text, "person", frozenset(_intro_words(s.root, s) | {s[-1].lower_}), base + s.start_char)
           for s in _titled_names(doc)]
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].lower_ not in lx.GROUP_NAMES | lx.NON_PERSON_NAME_ENDS:
            words = _intro_words(ent.root, ent) | {ent[-1].lower_}
            out.append(Intro(ent.text, "person", frozenset(words), base + ent.start_char))
        elif ent.label_ == "ORG" and ent.root.pos_ == "PROPN":
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            name = re.sub(r"\s*\([^)]*$", "", name)  # "National Hurricane Center (NHC": the model's span took half the acronym
            words = _intro_words(ent.root, ent) | _words(ent)
            out.append(Intro(name, _organization_kind(name, words), frozenset(words), base + ent.start_char))
    return out


def _agrees(word: str, words: frozenset[str]) -> bool:
    """A modifier agrees with an introduction: the same word, or one the stem of the other
    ("Iranian" with "Iran's")."""
    return word in words or len(word) >= 4 and any(len(w) >= 4 and (w.startswith(word) or word.startswith(w)) for w in words)


def _fits(head: str, modifiers: set[str], intro: Intro) -> bool:
    heads = {head}.union(*(g for g in SAME_OFFICE if head in g))
    return bool(heads & intro.words) and all(_agrees(w, intro.words) for w in modifiers)


def _described(m: Mention, tokens: list[Token]) -> tuple[str, set[str]] | None:
    """The head and the telling modifiers of a definite singular description, or None."""
    head = m.head
    if head is None or m.plural or m.type not in ("person", "anonymous", "organization") or not tokens:
        return None
    if m.name and any(t.pos_ == "PROPN" for t in tokens):
        return None  # named already ("the Court of Session"); "the party" is only described
    words = [t.lower_ for t in tokens]
    titled = words[0] in lx.TITLE_HEADS and len(words) > 2 and words[1] == "of"  # "Head of Iran's Quds Force"
    if titled:
        head = tokens[0]
    elif words[0] != "the" or head.pos_ != "NOUN" or head.lower_ in lx.PRONOUNS:
        return None
    modifiers = _words(t for t in tokens if t.i != head.i and t.lower_ not in LOOSE_MODIFIERS and t.lower_ != "of")
    return head.lemma_.lower(), {w for w in modifiers if w != head.lemma_.lower()}


def fitting(m: Mention, tokens: list[Token], intros: list[Intro]) -> set[tuple[str, str]] | None:
    """The (name, type) of every entity introduced before `m` that its description fits;
    None when `m` is no definite singular description."""
    described = _described(m, tokens)
    if described is None:
        return None
    head, modifiers = described
    fits = {(i.name, i.type) for i in intros if i.start < m.start and _fits(head, modifiers, i)}
    if m.type == "person":
        fits = {f for f in fits if f[1] == "person"}  # "the director" is a person, never the institute
    return fits


def unique_introduced(m: Mention, tokens: list[Token], intros: list[Intro]) -> bool:
    """A definite description names the one entity introduced before it that it fits:
    "the Iranian general" after "Iranian general Esmail Qaani"; "the party" after "the Unity
    Party of America". Two fitting entities (two generals, two parties): it stays unnamed."""
    fits = fitting(m, tokens, intros)
    if not fits or len(fits) != 1:
        return False
    m.name, m.type = next(iter(fits))
    m.descriptor = None
    return True


REFERENCE_RULES: tuple[Callable[[Mention, list[Token], list[Intro]], bool], ...] = (unique_introduced,)


def refer(m: Mention, tokens: list[Token], intros: list[Intro]) -> bool:
    """Ask `REFERENCE_RULES` who an unnamed description stands for; True when one named it."""
    return any(rule(m, tokens, intros) for rule in REFERENCE_RULES)
