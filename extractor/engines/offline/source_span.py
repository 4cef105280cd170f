"""How far a source phrase reaches: the subject with its modifiers and apposition, no clauses.

Kept apart from typing (sources.py) because every stage that names a speaker, typed or not,
cuts its phrase the same way ("the mayor at the time" -> "the mayor").
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .spans import contiguous
from .syntax import SOURCE_EXCLUDE_DEPS, coordinated_sibling


def noun_phrase(tok: Token, participles: bool = False) -> list[Token]:
    """The source's noun phrase: the subject with its modifiers and apposition, no clauses.

    With `participles`, "exit polls conducted for the AP" keeps its participle phrase."""
    exclude = SOURCE_EXCLUDE_DEPS - {"appos"}
    if participles:
        exclude = exclude - {"acl"}
    keep = []
    doc = tok.doc
    for t in tok.subtree:
        cut = False
        a = t
        while a.i != tok.i:
            if a.dep_ == "prep" and a.head.i == tok.i and a.i > tok.i and any(
                    g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in lx.WHEN_OR_WHERE_NOUNS)
                    for g in a.children):
                cut = True  # "the mayor at the time said", "the governor in a blog post said": when and where, not who
                break
            # (", excluding the Sadr faction": a participle phrase set off by commas is an aside)
            # (", including his wife" names members of the source and stays)
            if a.dep_ in exclude or a.tag_ == "VBG" and a.lower_ != "including" and a.head.i == tok.i and a.i > tok.i \
                    and doc[a.left_edge.i - 1].text == ",":
                cut = True
                break
            a = a.head
        if not cut:
            keep.append(t)
    keep += coordinated_sibling(tok)
    keep = contiguous(keep, tok)
    while keep and ((keep[-1].is_punct and not (keep[-1].text == ")" and any(t.text == "(" for t in keep)))
                    or keep[-1].dep_ in ("cc", "case", "prep") and not _name_ending_in_s(keep[-1], tok)):
        keep = keep[:-1]
    if keep and keep[-1].i + 1 < len(doc) and doc[keep[-1].i + 1].text == ")" \
            and sum(t.text == "(" for t in keep) > sum(t.text == ")" for t in keep):
        keep.append(doc[keep[-1].i + 1])  # "Notes from Poland (NFP)": the parser hung ")" on the verb
    if keep and keep[0].text == "-" and keep[0].i > 0 and not doc[keep[0].i - 1].whitespace_:
        keep.insert(0, doc[keep[0].i - 1])  # "then-Hezbollah chief ...", "ex-minister ..."
    keep = _hyphen_prefix(keep)
    while keep and (keep[0].is_punct or keep[0].dep_ == "cc"):
        keep = keep[1:]
    return keep


def _name_ending_in_s(t: Token, tok: Token) -> bool:
    """"Moody's said", "McDonald's said": a possessive on the subject itself, owning nothing,
    ends the name."""
    return t.dep_ == "case" and t.head.i == tok.i and t.i == tok.i + 1 and tok.pos_ == "PROPN"


def _hyphen_prefix(keep: list[Token]) -> list[Token]:
    """"Wikipedia co-founder Jimmy Wales", "Former vice-president Tom Hale": the parser makes
    the word before the hyphen a subject of its own; it and its modifiers open the phrase."""
    if not keep or keep[0].i < 2:
        return keep
    doc = keep[0].doc
    hyphen, prefix = doc[keep[0].i - 1], doc[keep[0].i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or prefix.whitespace_ or prefix.pos_ not in ("NOUN", "ADJ", "PROPN", "X") \
            or prefix.dep_ not in ("nsubj", "compound", "amod", "npadvmod", "nmod") or prefix.right_edge.i > hyphen.i:
        return keep
    return [t for t in doc[prefix.left_edge.i : hyphen.i + 1]] + keep
