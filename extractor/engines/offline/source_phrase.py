"""A source phrase as the typing rules read it, and the small readings they share.

Kept apart from the rule families (sources.py, source_outlets.py, source_groups.py) so that
each family module imports the phrase and its helpers without importing the others: the
phrase without its apposition or acronym, its name without article or quotation marks,
the proper-noun run of a head, and whether an outlet's name is in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from . import lexicon as lx
from .spans import tokens_span


def person_name(tokens: list[Token]) -> str | None:
    ents = [t for t in tokens if t.ent_type_ == "PERSON"]
    if not ents:
        return None
    # The last run of PERSON tokens is the name; titles come before it.
    last = ents[-1]
    run = [last]
    i = last.i - 1
    while i >= tokens[0].i and last.doc[i].ent_type_ == "PERSON":
        run.insert(0, last.doc[i])
        i -= 1
    while run and (run[-1].text in ("'s", "’s") or len(run) > 1 and run[-1].lower_ in lx.NAME_SUFFIXES):
        run = run[:-1]  # "Durham Hall QC" is Durham Hall
    run = name_proper(run)
    if not run:  # only a possessive marker was tagged PERSON
        return None
    return last.doc.text[run[0].idx : run[-1].idx + len(run[-1])]


NAME_PARTICLES = frozenset("von van der den de da do dos del di la le bin ibn al el ben".split())
# Titles that stay part of a name ("Prince Harry", "Pope Francis", "Sir Keir Starmer").
NAME_KEEPING_TITLES = frozenset("prince princess king queen pope sheikh sheikha lord lady sir dame emir sultan".split())


def name_proper(run: list[Token]) -> list[Token]:
    """The name in a run NER tagged PERSON with the words around it: "Witness Ana Ruiz" and
    "Local resident Ana Ruiz" are Ana Ruiz, "Professor Ana Ruiz of the University of Leeds"
    is Ana Ruiz (a lower-case word other than a particle ends a name)."""
    cut = next((k for k, t in enumerate(run) if k and t.text.islower() and t.lower_ not in NAME_PARTICLES
                and run[k - 1].text != "-"), None)  # ("Ban Ki-moon")
    if cut is not None:
        run = run[:cut]
    roles = lx.NAME_TITLES | lx.TITLE_HEADS | lx.ROLE_NOUNS | lx.PERSON_KINDS | lx.PERSON_NOUNS | lx.OUTLET_STAFF
    while len(run) > 1 and run[0].lower_ not in NAME_KEEPING_TITLES and (
            run[0].lower_ in roles or run[0].lemma_.lower() in roles or run[0].pos_ == "ADJ" or run[0].lower_.rstrip(".") in roles):
        run = run[1:]
    return run


def strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


def proper_run(tok: Token) -> str:
    """A proper noun with the proper nouns compounded onto it: "Mara Ilves" (whatever NER says)."""
    parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
    parts = [t for t in parts if t.i >= parts[0].i and tok.i - t.i < 5]
    while len(parts) > 1 and parts[0].lower_ in lx.NAME_TITLES:
        parts = parts[1:]  # "Dr. Paul Ekman" is Paul Ekman
    return tok.doc.text[parts[0].idx : tok.idx + len(tok)]


def appos_person(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
            return c
    return None


DOMAIN = re.compile(r"\b[\w-]+\.(com|org|net|ru|ua|pl|de|fr|it|es|in|ph|cn|jp|kr|co\.uk|com\.au|co\.nz|co\.za|info|news|nz|au"
                    r"|ca|ie|uk|za|ng|ke|pk|my|sg|hk|tw|br|ar|mx|tr|il|ir|ae|eu|tv|fm|us|io)\b", re.I)


def mentions_outlet(low: str, text: str = "") -> bool:
    """An outlet's name in the phrase; a short one ("CNN", "DW") only in capitals."""
    if DOMAIN.search(low) or any(w in lx.FOREIGN_MEDIA_WORDS for w in re.findall(r"\w+", low)):
        return True  # "Znak.com", "Gazeta Wyborcza"
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low) if len(name) > 3 else
               re.search(rf"(?<![\w-]){re.escape(name.upper())}(?![\w-])", text) for name in lx.MEDIA_NAMES)


def clean_name(text: str) -> str:
    return re.sub(r"[\"“”]", "", strip_det(text)).replace("  ", " ").strip()


@dataclass
class Phrase:
    """A source phrase without its apposition, as the typing rules read it."""

    head: Token
    tokens: list[Token]  # the phrase without its apposition ("X, head of the council")
    text: str
    low: str
    core: str  # lower-cased, without article or quotation marks
    head_low: str
    lemma: str
    words: list[str]
    full: list[Token] = field(default_factory=list)  # the whole phrase, apposition included


def without_acronym(tokens: list[Token], head: Token) -> tuple[list[Token], Token, str | None]:
    """"the World Health Organization (WHO)": the name is typed without its acronym in
    parentheses (the parser often makes the acronym the head); the acronym is returned so the
    article's later "WHO" is known."""
    opens = [i for i, t in enumerate(tokens) if t.text == "("]
    if not opens or opens[-1] == 0:
        return tokens, head, None
    k = opens[-1]
    inner = [t for t in tokens[k + 1:] if t.text != ")"]
    if not inner or len(inner) > 3 or not all(t.pos_ == "PROPN" or t.text.isupper() for t in inner):
        return tokens, head, None
    rest = tokens[:k]
    if head.i not in {t.i for t in rest}:
        head = next((t for t in reversed(rest) if t.pos_ in ("PROPN", "NOUN")), rest[-1])
    return rest, head, " ".join(t.text for t in inner)


def make_phrase(tokens: list[Token], head: Token) -> Phrase:
    # Name and type from the phrase without its apposition ("X, head of the council").
    appos_ids = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    core_toks = [t for t in tokens if t.i not in appos_ids] or [head]
    while len(core_toks) > 1 and core_toks[-1].is_punct:
        core_toks = core_toks[:-1]
    s0, e0 = tokens_span(core_toks)  # type: ignore[misc]
    text = head.doc.text[s0:e0]
    low = text.lower()
    return Phrase(head=head, tokens=core_toks, text=text, low=low, core=strip_det(low).strip("\"“”"),
                  head_low=head.text.lower(), lemma=head.lemma_.lower(), words=[t.text.lower() for t in core_toks],
                  full=list(tokens))
