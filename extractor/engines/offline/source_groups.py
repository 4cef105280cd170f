"""Coordinated sources: "Dr Ana Ruiz and the health ministry said" is one source.

Typed by its first conjunct (evals/GUIDELINES.md 9.4), named by joining the conjuncts'
names when each has one. Apart from the single-phrase families because it types each
conjunct with them (`type_by_rules` is passed in by sources.py) and must first find the
conjuncts the parser made, including a pair it nested wrongly.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from . import lexicon as lx
from .records import Mention
from .source_phrase import Phrase, clean_name, make_phrase, without_acronym


def _conjunct_tokens(tokens: list[Token], head: Token) -> list[tuple[Token, list[Token]]]:
    """Each conjunct of a coordinated source with its own words: "Dr Ana Ruiz and the health
    ministry" -> ("Ruiz", "Dr Ana Ruiz"), ("ministry", "the health ministry")."""
    ids = {t.i for t in tokens}
    split = _misparsed_pair(tokens, head)
    if split is not None:
        return split
    conjs = [head] + [c for c in head.conjuncts if c.i > head.i]
    out = []
    for k, c in enumerate(conjs):
        later = {t.i for d in conjs[k + 1:] for t in d.subtree} | {
            t.i for d in c.children if d.dep_ in ("cc", "conj") for t in d.subtree}
        own = [t for t in c.subtree if t.i in ids and (t.i not in later or t.i == c.i)]
        while own and (own[-1].is_punct or own[-1].dep_ == "cc"):
            own = own[:-1]
        while own and (own[0].is_punct or own[0].dep_ in ("cc", "preconj")):
            own = own[1:]
        if own:
            out.append((c, own))
    return out


def _misparsed_pair(tokens: list[Token], head: Token) -> list[tuple[Token, list[Token]]] | None:
    """"Mayor Dee Margo and Police Chief Greg Allen": the parser makes the last name the head
    and hangs the first conjunct on it as a modifier (nmod) holding the "and"; split there."""
    first = next((c for c in head.children if c.dep_ == "nmod" and c.i < head.i
                  and any(d.dep_ == "cc" for d in c.children) and any(d.dep_ == "conj" for d in c.children)), None)
    if first is None:
        return None
    cc = next(d for d in first.children if d.dep_ == "cc")
    if cc.lower_ not in ("and", "&"):
        return None
    ids = {t.i for t in tokens}
    own = [t for t in first.subtree if t.i < cc.i and t.i in ids]
    rest = [t for t in tokens if t.i > cc.i]
    if not own or not rest or first.pos_ not in ("NOUN", "PROPN"):
        return None
    return [(first, own), (head, rest)]


def _joined_by_and(conj: Token) -> bool:
    """A conjunct joined by "and" ("or", "&") outside any name: the "and" of "the Institute
    of Allergy and Infectious Disease" is inside the name, and "but" joins no group."""
    doc = conj.doc
    i = conj.left_edge.i - 1
    while i > 0 and doc[i].is_punct:
        i -= 1
    cc = doc[i]
    if cc.lower_ not in ("and", "or", "&", "nor") or cc.ent_iob_ == "I":
        return False
    # "The Institute of Marine and Coastal Science's director": a name's "and", then its possessor
    poss = next((c for c in conj.children if c.dep_ == "poss"), None)
    return not (poss is not None and poss.left_edge.i == conj.left_edge.i and i > 0 and doc[i - 1].text[:1].isupper()
                and poss.pos_ == "PROPN")


def _listed(parts: list[tuple[Token, list[Token]]]) -> bool:
    """"A and B", or a list "A, B and C": the last conjunct joined by "and", the ones
    between by "and" or a comma."""
    def after_comma(c: Token) -> bool:
        return c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
    *middle, (last, _) = parts[1:]
    return _joined_by_and(last) and all(_joined_by_and(c) or after_comma(c) for c, _ in middle)


def _as_list(names: list[str]) -> str:
    """"A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


ROLE_WORDS = lx.TITLE_HEADS | lx.ROLE_NOUNS | lx.NAME_TITLES | lx.PERSON_NOUNS | frozenset({"frontrunner"})


def _one_holder(m: Mention, tokens: list[Token], parts: list[tuple[Token, list[Token]]]) -> bool:
    """"The party chairman and its nominee for governor, Ana Ruiz": roles joined by "and",
    then one name in apposition, are one person holding them all (not a group)."""
    comma = max((t.i for t in tokens if t.text == ","), default=None)
    name = [t for t in tokens if comma is not None and t.i > comma and not t.is_punct]
    while name and name[0].lower_ in lx.NAME_TITLES:
        name = name[1:]  # "Dr. Paul Ekman": the title is not the name
    if not name or not all(t.pos_ == "PROPN" for t in name) or not (len(name) >= 2 or name[-1].ent_type_ == "PERSON"):
        return False
    if not all(c.pos_ == "NOUN" and c.lemma_.lower() in ROLE_WORDS for c, _ in parts if c.i < comma):
        return False
    doc = tokens[0].doc
    m.type, m.descriptor = "person", None
    m.name = doc.text[name[0].idx : name[-1].idx + len(name[-1])]
    m.role = clean_name(doc.text[tokens[0].idx : doc[comma].idx]).strip(" ,") or None
    return True


def mixed_group_source(m: Mention, tokens: list[Token], head: Token,
                       type_by_rules: Callable[[Mention, Phrase], None]) -> bool:
    """Conjoined sources are one source typed by its first conjunct (evals/GUIDELINES.md
    9.4): "Dr Ana Ruiz and the health ministry said" is a person, "The union and its leader,
    Tom Reyes," an organization. The name joins the conjuncts' names when each is named
    (§5), else there is none; an anonymous group keeps the whole description."""
    parts = _conjunct_tokens(tokens, head)
    if len(parts) < 2 or not all(c.pos_ in ("NOUN", "PROPN") for c, _ in parts) or not (
            _listed(parts) or _misparsed_pair(tokens, head) is not None):
        return False
    if _one_holder(m, tokens, parts):
        return True
    typed = []
    for c, own in parts:
        own, c, _ = without_acronym(own, c)
        sub = Mention(start=0, end=0, text="", head=c)
        sub.plural = c.tag_ in ("NNS", "NNPS")
        type_by_rules(sub, make_phrase(own, c))
        typed.append(sub)
    first = typed[0]
    if first.type == "anonymous":
        if m.type != "anonymous":
            m.type, m.name, m.role, m.descriptor = "anonymous", None, None, m.descriptor or clean_name(m.text).lower()
        return True
    m.type, m.descriptor, m.role = first.type, None, None
    names = [t.name for t in typed]
    m.name = _as_list(names) if all(names) and all(t.type != "anonymous" for t in typed) else None
    return True

