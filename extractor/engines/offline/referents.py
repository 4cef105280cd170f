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
from .source_phrase import DOMAIN, mentions_outlet


@dataclass(frozen=True)
class Intro:
    """A named entity with the words that introduced it, where the article first met it."""

    name: str
    type: str  # person or organization
    words: frozenset[str]  # lower-cased titles, roles, modifiers and name words
    start: int


# Title nouns that name the same office ("the head of the force" = its chief or commander).
# (A rank is not an office: "general" here made "the army general", an Iraqi officer, the
# Iranian commander named in a caption.)
SAME_OFFICE = (frozenset({"head", "chief", "leader", "commander"}), frozenset({"chairman", "chairwoman", "chair"}),
               frozenset({"spokesman", "spokeswoman", "spokesperson"}),
               # kinds of organization and outlet: "the company" after "oil firm Petrobras" or "Acme Corporation"
               frozenset("company firm corporation corp inc giant maker business conglomerate multinational ltd plc llc".split()),
               frozenset({"airline", "carrier"}), frozenset({"club", "side", "fc"}),
               frozenset({"newspaper", "paper", "daily", "tabloid", "weekly"}),
               frozenset({"broadcaster", "network", "channel", "station"}), frozenset({"website", "site", "portal"}))


def _implied_kinds(name: str, kind: str) -> set[str]:
    """Kind words a well-known name carries without saying them: "Reuters" is an agency,
    "the BBC" a broadcaster, "The Daily Ledger" a newspaper, "Znak.com" a website, "Walmart" a company."""
    low = name.lower()
    out = {"agency"} if low in lx.WIRE_AGENCIES else set()
    if kind == "media" and low.split()[-1:] and low.split()[-1] in lx.NEWSPAPER_NAME_WORDS:
        out.add("newspaper")
    if low in lx.BROADCASTERS or kind == "media" and re.search(r"\b(tv|television|radio)\b", low):
        out.add("broadcaster")
    if DOMAIN.search(low):
        out.add("website")
    if low in lx.COMPANY_NAMES:
        out.add("company")
    return out
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


def _organization_kind(name: str, words: set[str], definite: bool = False) -> str:
    """An organization introduced as an outlet is media: "news agency Interfax", "the daily
    Postimees", "Reuters", "the Riverton Ledger" (a newspaper's name); so is a later "the agency" that
    stands for it."""
    outlet_words = lx.OUTLET_NOUNS - {"agency", "network", "channel", "site", "station"}
    last = name.split()[-1].lower() if name.split() else ""
    if name.lower() in lx.MEDIA_NAMES or outlet_words & words or "agency" in words and lx.NEWS_AGENCY_MARKERS & words \
            or definite and len(name.split()) >= 2 and last in lx.NEWSPAPER_NAME_WORDS:
        return "media"
    return "organization"


def kind_type(kind: Token) -> str | None:
    """What a kind noun says the name beside it is: "firm" an organization, "striker" a
    person, "daily" or "news agency" an outlet; None for any other word."""
    lemma = kind.lemma_.lower()
    if kind.text[:1].isupper():
        # a title before a name ("President Joko Widodo"), not a name's first word ("General Electric")
        return "person" if kind.lower_ in lx.NAME_TITLES | lx.TITLE_HEADS and kind.ent_type_ != "ORG" else None
    if kind.pos_ not in ("NOUN", "PROPN", "ADJ"):  # (the small model may tag "daily" in "sports daily Marca" an adjective)
        return None
    news = any(t.lower_ in lx.NEWS_WORDS for t in kind.doc[max(0, kind.i - 2) : kind.i])
    if lemma in lx.OUTLET_KINDS or lemma in lx.OUTLET_KIND_IF_NEWS and news:
        return "media"
    if lemma in lx.ORGANIZATION_KINDS | lx.ORGANIZATION_HEADS:
        return "organization"
    if lemma in lx.PERSON_KINDS | lx.PERSON_NOUNS | lx.ROLE_NOUNS | lx.TITLE_HEADS | lx.OUTLET_STAFF:
        return "person"
    return None


def name_run(last: Token) -> list[Token]:
    """The capitalized proper nouns ending at `last`, stopped by a title ("President")."""
    doc, i = last.doc, last.i
    while i > 0 and (doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper()
                     and doc[i - 1].lower_ not in lx.NAME_TITLES | lx.TITLE_HEADS
                     or doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and i > 1 and not doc[i - 2].whitespace_):
        i -= 1
    return [t for t in doc[i : last.i + 1]]


def kind_names(doc: Doc) -> list[tuple[TokSpan, str, Token | None]]:
    """Names whose type a kind noun beside them gives, whatever NER tags them: "oil firm
    Petrobras", "Brazilian company Petrobras", "Petrobras, the state oil company" (an
    organization); "French striker Kylian Mbappe", "President Joko Widodo", "Ana Ruiz, the
    club's striker" (a person); "the daily Postimees", "news agency Interfax" (an outlet).
    Each comes with its kind noun (None for a newspaper's name alone)."""
    out = []
    for t in doc:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") \
                or t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].text[:1].isupper():
            continue  # (only the last word of a run)
        run = name_run(t)
        ids = {x.i for x in run}
        before = doc[run[0].i - 1] if run[0].i > 0 else None
        # the kind noun right before the name, however the parser hung the two ("club Harwick" as two subjects)
        kinds = [before] if before is not None and before.tag_ == "NN" and before.text.islower() \
            or before is not None and (before.head.i in ids or t.dep_ == "appos" and t.head.i == before.i) else []
        kinds += [c for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > t.i]
        typed = [(k, kind_type(k)) for k in kinds]
        kind_tok, kind = next(((k, t) for k, t in typed if t), (None, None))
        if kind is None and len(run) >= 2 and t.lower_ in lx.NEWSPAPER_NAME_WORDS and before is not None \
                and before.lower_ == "the" and not t.ent_type_:
            kind = "media"  # "The Riverton Ledger", untagged: a newspaper's name
        if kind is None or " ".join(x.lower_ for x in run) in lx.COUNTRIES or t.ent_type_ in ("GPE", "NORP") and kind == "person":
            continue
        if kind == "person" and (t.lower_ in lx.ORG_NAME_ENDS | lx.NON_PERSON_NAME_ENDS | lx.ORGANIZATION_HEADS | lx.GROUP_NAMES
                                 or mentions_outlet(doc[run[0].i : t.i + 1].text.lower(), doc[run[0].i : t.i + 1].text)):
            continue
        out.append((doc[run[0].i : t.i + 1], kind, kind_tok))
    return out


def introductions(doc: Doc, base: int) -> list[Intro]:
    """The people and organizations a paragraph names, with the words that introduce them."""
    out = [Intro(s.text, "person", frozenset(_intro_words(s.root, s) | {s[-1].lower_}), base + s.start_char)
           for s in _titled_names(doc)]
    found = kind_names(doc)
    kinds = {span[-1].i: (span, kind) for span, kind, _ in found}
    # the kind noun's own words introduce the name too ("state oil company Petrobras": the company)
    kind_words = {span[-1].i: _words(k.subtree) if k is not None and k.i < span[0].i else set() for span, _, k in found}
    for ent in doc.ents:
        extra = kind_words.get(ent[-1].i, set())
        span, kind = kinds.pop(ent[-1].i, (None, None))
        label = ent.label_
        if kind == "person" and label in ("PERSON", "ORG") and len(span) >= 2:
            ent = span  # "striker Kylian Mbappe" though the model tags the name ORG
        elif kind in ("organization", "media") and label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"):
            ent = span  # "oil firm Petrobras" though the model tags it a person
            words = _intro_words(ent.root, ent) | _words(ent) | extra
            out.append(Intro(ent.text, kind, frozenset(words), base + ent.start_char))
            continue
        if label in ("PERSON", "ORG") and kind == "person" or label == "PERSON" and len(ent) >= 2 \
                and ent[-1].lower_ not in lx.GROUP_NAMES | lx.NON_PERSON_NAME_ENDS:
            words = _intro_words(ent.root, ent) | {ent[-1].lower_}
            out.append(Intro(ent.text, "person", frozenset(words), base + ent.start_char))
        elif label == "ORG" and ent.root.pos_ == "PROPN":
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            name = re.sub(r"\s*\([^)]*$", "", name)  # "National Hurricane Center (NHC": the model's span took half the acronym
            words = _intro_words(ent.root, ent) | _words(ent)
            definite = ent.text.lower().startswith("the ") or ent.start > 0 and doc[ent.start - 1].lower_ == "the"
            out.append(Intro(name, _organization_kind(name, words, definite), frozenset(words), base + ent.start_char))
    for span, kind in kinds.values():  # names the model did not tag at all ("Team Sky")
        if kind != "person" or len(span) >= 2:
            out.append(Intro(span.text, kind, frozenset(_intro_words(span.root, span) | _words(span)), base + span.start_char))
    return [Intro(i.name, i.type, i.words | _implied_kinds(i.name, i.type), i.start) if i.type != "person" else i for i in out]


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
    if head is None or m.plural or m.type not in ("person", "anonymous", "organization", "media") or not tokens:
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
    elif m.type in ("organization", "media"):
        fits = {f for f in fits if f[1] != "person" and (m.type == "organization" or f[1] == "media")}
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
