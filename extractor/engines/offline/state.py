"""What the rules remember while reading an article, and how they name a source with it.

Sources are named with what came before: a surname met earlier as a full name ("Mikati"
after "Najib Mikati"), a definite description of a source met earlier ("the diplomat"),
and a pronoun's antecedent ("it said" after "The White House blamed ..."). So turning a
token into a source (`ArticleState.mention`) lives with the memory it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from . import lexicon as lx
from .records import Found, Mention
from .sources import classify_source, noun_phrase


@dataclass
class ArticleState:
    """What the rules remember while reading an article top to bottom."""

    raw: str
    found: list[Found] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # surname -> full name
    sentences: list[tuple[int, int]] = field(default_factory=list)
    recent: list[Mention] = field(default_factory=list)  # candidate antecedents, latest last
    last_quote_speaker: Found | None = None
    pending_colon: Found | None = None  # a cue ending its paragraph with ":"
    cue_participles: list[int] = field(default_factory=list)  # offsets of cue participles read, claim or not
    paragraph_speaker: Found | None = None  # the attribution the last paragraph ended with (continuation.py)
    paragraph_end: int = 0  # where the last paragraph ended
    known: dict[str, tuple[str, str]] = field(default_factory=dict)  # "phivolcs" -> (type, canonical name)

    def mention(self, tok: Token, base: int, participles: bool = True) -> Mention:
        """The source `tok` names, typed, and named with what the article said before."""
        toks = noun_phrase(tok, participles=participles)
        m = classify_source(toks or [tok], tok, base)
        full = self.people.get(tok.text.lower())
        if full and (m.type in ("person", "organization") or m.type == "anonymous" and tok.text[:1].isupper()) \
                and tok.ent_type_ != "GPE" and len(toks) <= 2:
            m.type, m.name = "person", full  # "Mikati" after "Najib Mikati"
        elif m.text.lower().startswith("the ") and m.type in ("anonymous", "person") and not m.name:
            self.same_as_before(m, tok)
        self.as_before(m, toks or [tok])
        if m.head is not None and m.head.text.lower() in lx.PRONOUNS:
            self.resolve(m)
        elif m.type == "person" and m.name and len(m.name.split()) >= 2 and m.name[0].isupper():
            # "The board's chair, Mara Ilves" makes a later "Ilves" Mara Ilves.
            self.people.setdefault(m.name.split()[-1].lower(), m.name)
        return m

    def as_before(self, m: Mention, toks: list[Token]) -> None:
        """An institution named before: "Phivolcs" after "the Philippine Institute of Volcanology
        and Seismology (Phivolcs)", "Salling" after "Salling Group" take its type and name; and
        this mention's own name and acronym are remembered for later ones."""
        key = re.sub(r"^(the|a|an)\s+", "", m.text.lower()).strip()
        if key in self.known and len(toks) <= 3 and all(t.pos_ in ("PROPN", "DET") or t.text.isupper() for t in toks):
            m.type, m.name = self.known[key]
            return
        if m.type in ("organization", "media") and m.name:
            self.known.setdefault(m.name.lower(), (m.type, m.name))
            first = m.name.split()[0]
            if len(m.name.split()) == 2 and first[:1].isupper() and len(first) > 3 and first.lower() not in lx.COUNTRIES \
                    and m.name.split()[1].lower() in lx.ORGANIZATION_HEADS | {"inc", "ltd", "plc", "corp", "sa", "ag"}:
                self.known.setdefault(first.lower(), (m.type, m.name))  # "Salling Group" -> "Salling"
        if m.acronym and m.type in ("organization", "media") and m.name:
            self.known.setdefault(m.acronym.lower(), (m.type, m.name))

    def same_as_before(self, m: Mention, tok: Token) -> None:
        """'The source', 'the diplomat': a definite description of a source met earlier."""
        lemma = tok.lemma_.lower()
        # "the Iranian general" is not "an Iraqi army general": a nationality must agree.
        origins = {t.lower_ for t in tok.subtree if t.ent_type_ in ("NORP", "GPE") and t.i < tok.i}
        for f in reversed(self.found):
            c = f.source
            if c is not None and c.head is not None and c.head.lemma_.lower() == lemma and c.start < m.start \
                    and all(o in c.text.lower() for o in origins):
                m.type, m.name, m.descriptor, m.role = c.type, c.name, c.descriptor or m.descriptor, c.role
                return

    def resolve(self, m: Mention) -> None:
        """A pronoun source takes the name of the latest fitting source before it."""
        low = m.head.text.lower() if m.head is not None else ""
        want_plural = low in lx.PRONOUNS_PLURAL
        want_person = low in lx.PRONOUNS_SINGULAR_PERSON
        # Subjects first, most recent first: "The White House blamed Hezbollah ... it said".
        pool = [f.source for f in self.found if f.source] + self.recent
        candidates = sorted((c for c in pool if c.start < m.start), key=lambda c: -c.start)
        for c in candidates:
            if c.head is not None and c.head.text.lower() in lx.PRONOUNS and c.resolved_from is None:
                continue
            if c.plural != want_plural:
                continue
            if want_person and c.type not in ("person", "anonymous"):
                continue
            if low == "it" and c.type not in ("organization", "media"):
                continue
            m.name, m.type, m.descriptor, m.role = c.name, c.type, c.descriptor, c.role
            m.resolved_from = m.text
            return
