"""What the rules remember while reading an article, and how they name a source with it.

Sources are named with what came before: a surname met earlier as a full name ("Mikati"
after "Najib Mikati"), a definite description of a source met earlier ("the diplomat"),
and a pronoun's antecedent ("it said" after "The White House blamed ..."). So turning a
token into a source (`ArticleState.mention`) lives with the memory it reads.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as TokSpan, Token

from . import lexicon as lx
from .records import Found, Mention
from .sources import classify_source, noun_phrase
from .referents import Intro, fitting, introductions, kind_names, refer
from .source_names import FOREIGN_ARTICLES
from .source_phrase import mentions_outlet, name_proper
from .subjects import comma_antecedent
from .syntax import agent_capable

def _without_apposition(toks: list[Token], head: Token) -> list[Token]:
    """The phrase's words before an apposition of its head: "Kasich, the governor" -> "Kasich"."""
    appos = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    return [t for t in toks if t.i not in appos and not t.is_punct]


PERSONAL = frozenset("he his him himself she her herself".split())
SPEAKER_I = frozenset("i me my myself".split())
NOT_PERSONAL = frozenset("its itself".split())


def _could_be_antecedent(t: Token) -> bool:
    lemma = t.lemma_.lower()
    return t.pos_ == "PROPN" or t.pos_ == "NOUN" and (
        lemma in lx.PERSON_NOUNS | lx.ROLE_NOUNS | lx.TITLE_HEADS | lx.ORGANIZATION_HEADS | lx.ORGANIZATION_KINDS
        | lx.MEDIA_HEADS or lemma in lx.ANONYMOUS_HEADS and lemma not in lx.ISSUED_HEADS | lx.DOCUMENT_HEADS)


def _quotes_in_first_person(after) -> bool:
    """A quotation opening within a few words after the name whose first pronoun is "I"."""
    opened = next((k for k, t in enumerate(after) if t.is_quote and k <= 4), None)
    if opened is None:
        return False
    for t in after[opened + 1 : opened + 15]:
        if t.is_quote:
            return False
        if t.pos_ == "PRON":
            return t.lower_ in SPEAKER_I
    return False


def by_pronoun(m: Mention, toks: list[Token], known: set[str]) -> None:
    """A bare name's own sentence says what it is when NER guessed: "Mbappe said he was
    happy" (a person; also '"I am happy," said Mbappe'), "Arsenal said its defender was
    injured" (an organization). Only the first such pronoun after the name counts, with no
    other name or speaking noun between that it could stand for, and for "its" no noun at all
    ("Ruiz welcomed the call but said its timing was wrong"); "it" is left out ("Mbappe said
    it was a great night")."""
    head = m.head
    if head is None or m.role or head.pos_ != "PROPN" or m.type not in ("person", "organization") \
            or not all(t.pos_ in ("PROPN", "DET") for t in toks) or len(toks) > 4:
        return
    low = " ".join(t.lower_ for t in toks if t.pos_ != "DET")
    if low in known or low in lx.COUNTRIES | lx.GROUP_NAMES | lx.COMPANY_NAMES | lx.MEDIA_NAMES | lx.SEAT_NAMES \
            or {t.lower_ for t in toks} & (lx.ORG_NAME_ENDS | lx.NON_PERSON_NAME_ENDS | lx.ORGANIZATION_HEADS) or head.text.isupper():
        return
    sent, ids = head.sent, {t.i for t in toks}
    pronoun, thing = None, False
    for t in head.doc[max(toks[-1].i + 1, sent.start) : sent.end]:
        if t.lower_ in PERSONAL | NOT_PERSONAL and not (t.lower_ in NOT_PERSONAL and thing):
            pronoun = t.lower_
            break
        if t.i not in ids and _could_be_antecedent(t):
            break
        thing = thing or t.pos_ in ("NOUN", "PROPN") and t.i not in ids  # ("welcomed the call ... its implementation")
    before = head.doc[sent.start : toks[0].i]
    if pronoun is None and any(t.is_quote for t in before) and any(t.lower_ in SPEAKER_I for t in before):
        pronoun = "he"  # an inverted cue after a quotation in the first person singular
    if pronoun is None and _quotes_in_first_person(head.doc[toks[-1].i + 1 : sent.end]):
        pronoun = "he"  # 'Richards said: "I was in Fort Worth ..."'
    if pronoun in NOT_PERSONAL and m.type == "person":
        m.type = "organization"
    elif pronoun in PERSONAL | SPEAKER_I and m.type == "organization" and head.ent_type_ != "GPE":
        m.type = "person"


# Surnames written first ("Xi Jinping", "Ban Ki-moon", "Moon Jae-in"): the first word is what a
# later bare mention repeats ("Xi said").
SURNAME_FIRST = frozenset("xi li wang zhang liu chen yang huang zhao wu zhou hu wen kim park moon lee ban yoon hun".split())


# Numbers and quantifiers heading a partitive: "One of the victims", "some of the residents".
PARTITIVES = frozenset("one some many most none each several two three".split())


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
    turns: dict = field(default_factory=dict)  # an interview's questions and answers by paragraph start (transcript.py)
    known: dict[str, tuple[str, str]] = field(default_factory=dict)  # "phivolcs" -> (type, canonical name)
    evidenced: set[str] = field(default_factory=set)  # names of `known` the article's own words typed (a kind noun, "Group")
    intros: list[Intro] = field(default_factory=list)  # named entities met so far (referents.py)
    tags: dict[str, Counter] = field(default_factory=dict)  # "walmart" -> how often NER said ORG, PERSON

    def mention(self, tok: Token, base: int, participles: bool = True) -> Mention:
        """The source `tok` names, typed, and named with what the article said before."""
        toks = noun_phrase(tok, participles=participles)
        m = classify_source(toks or [tok], tok, base)
        ante = comma_antecedent(tok)
        if ante is not None:  # "..., according to police, who said": the parse lost the relative clause
            a = self.mention(ante, base)
            m.type, m.name, m.descriptor, m.role, m.plural = a.type, a.name, a.descriptor, a.role, a.plural
            m.resolved_from = m.text
            return m
        full = self.people.get(tok.text.lower())
        own = {t.lower_ for t in _without_apposition(toks, tok) if t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_.rstrip(".") not in lx.NAME_TITLES}
        if full and not own <= set(full.lower().split()):
            full = None  # "Ivanka Trump" is not the "Donald Trump" the surname first stood for
        if full and (m.type in ("person", "organization") or m.type == "anonymous" and tok.text[:1].isupper()) \
                and (tok.ent_type_ != "GPE" or tok.text.lower() not in lx.COUNTRIES) and len(_without_apposition(toks, tok)) <= 2:
            # "Mikati" after "Najib Mikati"; "Kasich, the governor," though the small model tags "Kasich" a place
            m.type, m.name = "person", full
        elif m.type == "anonymous" and tok.lemma_.lower() in lx.ISSUED_HEADS | lx.DOCUMENT_HEADS:
            pass  # "the poll" after "a Fox News poll": a document's issuer counts only named in its own phrase (§9.7)
        elif not refer(m, toks or [tok], self.intros) and m.text.lower().startswith("the ") \
                and m.type in ("anonymous", "person") and not m.name and not fitting(m, toks or [tok], self.intros):
            # (no entity introduced before fits, or two do: then the last source so described)
            self.same_as_before(m, tok)
        self.by_person_votes(m, toks or [tok])
        self.agency_as_before(m, tok)
        # what the article showed a name to be, not what an earlier guess typed it (as_before remembers guesses)
        known = {k for k, v in self.known.items() if v[1].lower() != k} | self.evidenced
        self.as_before(m, toks or [tok])
        self.by_majority(m)
        by_pronoun(m, toks or [tok], known)
        if m.type == "organization" and tok.pos_ == "PROPN" and tok.text.endswith("s") and tok.text.lower()[:-1] in self.people:
            m.type = "person"  # "the Okafors" after "Ada Okafor": her family, not a team
        if m.head is not None and m.head.text.lower() in lx.PRONOUNS:
            self.resolve(m)
        elif m.type == "person" and m.name and len(m.name.split()) >= 2 and m.name[0].isupper():
            # "The board's chair, Mara Ilves" makes a later "Ilves" Mara Ilves.
            self.people.setdefault(m.name.split()[-1].lower(), m.name)
        return m

    def meet(self, doc: Doc, base: int) -> None:
        """The entities a paragraph introduces, for later definite descriptions ("the
        retailer" after "Salling Group"): these are met in reading order (referents.py)."""
        self.intros += introductions(doc, base)

    def learn_names(self, doc: Doc, base: int) -> None:
        """The names a paragraph gives, source or not, learned for the whole article before any
        attribution is read (engine.py): a person's full name makes the surname that person
        wherever it stands ("Okafor said ..." in the lede, "Health Minister Grace Okafor" two
        paragraphs on); an organization's name ending in a word like "Group" or "Ministry"
        makes its short form the organization ("Salling" and "Salling Group"), and so does an
        acronym in parentheses after it; and how often the model tags a name which way."""
        for ent in doc.ents:
            if ent.label_ in ("ORG", "PERSON", "GPE", "NORP"):
                self.tags.setdefault(re.sub(r"^the\s+", "", ent.text.lower()), Counter())[ent.label_] += 1
            if ent.label_ == "PERSON":
                run = ent[:-1] if len(ent) > 2 and ent[-1].lower_ in lx.NAME_SUFFIXES else ent  # "Durham Hall QC" is Hall
                run = name_proper(list(run))  # ("Witness Ana Ruiz" is Ana Ruiz)
                if len(run) >= 2 and run[-1].lower_ not in lx.GROUP_NAMES | lx.NON_PERSON_NAME_ENDS | lx.ORG_NAME_ENDS \
                        and run[0].lower_ not in FOREIGN_ARTICLES | {"the"}:  # ("La Liga" tagged a person)
                    full = doc.text[run[0].idx : run[-1].idx + len(run[-1])]
                    self.people.setdefault(run[-1].text.lower(), full)
                    if run[0].lower_ in SURNAME_FIRST and len(run) <= 4:
                        self.people.setdefault(run[0].lower_, full)
            elif ent.label_ == "ORG" and len(ent) >= 2 \
                    and all(t.text[:1].isupper() or t.is_stop for t in ent if t.dep_ != "det"):
                self.meet_organization(doc, ent)
        self.learn_kinds(doc)

    def learn_kinds(self, doc: Doc) -> None:
        """A kind noun beside a name says what it is wherever the name stands, against NER:
        "French striker Kylian Mbappe" makes "Mbappe said" a person, "oil firm Petrobras" and
        "club Arsenal" make "Petrobras said" and "Arsenal said" organizations (referents.py)."""
        for span, kind, _ in kind_names(doc):
            low = span.text.lower()
            if kind == "person" and len(span) >= 2:
                self.people.setdefault(span[-1].lower_, span.text)
            elif kind in ("organization", "media") and low not in self.people:
                self.known.setdefault(low, (kind, span.text))
                self.evidenced.add(low)

    def meet_organization(self, doc: Doc, ent: TokSpan) -> None:
        """"Salling Group" -> "Salling"; "the Federal Office for Water Safety (FOWS)" -> "FOWS"."""
        name = re.sub(r"^(the|a|an)\s+", "", ent.text, flags=re.I)
        after = doc[ent.end : ent.end + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
            self.known.setdefault(after[1].text.lower(), ("organization", name))
        if ent[-1].lower_ not in lx.ORG_NAME_ENDS:
            return
        words = set(name.lower().split())
        kind = "media" if mentions_outlet(name.lower(), name) or "agency" in words and lx.NEWS_AGENCY_MARKERS & words \
            else "organization"  # ("Xinhua News Agency" ends like an institution's name)
        self.known.setdefault(name.lower(), (kind, name))
        self.evidenced.add(name.lower())
        first = name.split()[0]
        if len(name.split()) == 2 and len(first) > 3 and first.lower() not in lx.COUNTRIES | set(self.people):
            self.known.setdefault(first.lower(), (kind, name))

    def by_majority(self, m: Mention) -> None:
        """A bare name the small model tagged a person here but an organization more often in
        this article is the organization ("Walmart said" after "Walmart" was tagged ORG
        twice); a name the article gave as someone's full name stays a person."""
        if m.type != "person" or m.role or not m.name or len(m.name.split()) >= 2 and m.name.split()[0].lower() in lx.GIVEN_NAMES:
            return  # ("Rodrigo Duterte" opens with a given name: a person whatever the model tags)
        votes = self.tags.get(m.name.lower())
        if votes and votes["ORG"] > votes["PERSON"] and m.name not in self.people.values() \
                and m.name.split()[-1].lower() not in self.people \
                and not (len(m.name.split()) == 1 and self.first_name_anywhere(m.name)):
            m.type = "organization"

    def agency_as_before(self, m: Mention, tok: Token) -> None:
        """"The agency" or "the same agency" after an outlet the article called an agency
        ("told the Shafaq News agency") is that outlet; without one it stays an institution."""
        if m.type != "organization" or tok.lemma_.lower() != "agency" or tok.pos_ != "NOUN" or m.plural:
            return
        for f in reversed(self.found):
            for c in [f.source, *f.via]:
                if c is not None and c.type == "media" and "agency" in c.text.lower() and c.start < m.start:
                    m.type, m.name = "media", c.name
                    return

    def by_person_votes(self, m: Mention, toks: list[Token]) -> None:
        """A bare name typed an organization only because the small model tagged it so here is
        a person when the article tags it a person more often, or gives it a personal title
        ("Brafman said" after "Brafman" was tagged PERSON five times and ORG once; "Okafor
        said" where the article also writes "Mr. Okafor")."""
        head = m.head
        if m.type != "organization" or head is None or len(toks) != 1 or head.pos_ != "PROPN" or head.tag_ != "NNP" \
                or head.ent_type_ not in ("ORG", "GPE", "NORP") or head.text.isupper():
            return
        low = head.text.lower()
        if low in lx.COUNTRIES | lx.GROUP_NAMES | lx.MEDIA_NAMES | lx.COMPANY_NAMES | lx.ORGANIZATION_HEADS \
                or low in self.known and self.known[low][1].lower() != low:
            return  # ("Salling" after "Salling Group")
        votes = self.tags.get(low)
        full = self.first_name_anywhere(head.text)
        if full or votes and votes["PERSON"] > votes["ORG"] + votes["GPE"] + votes["NORP"]:
            m.type, m.name = "person", self.people.get(low, full or head.text)

    def first_name_anywhere(self, name: str) -> str | None:
        """The article writes the name after a first name or a title somewhere, earlier or later:
        "Trump tells ..." in a headline, "Donald Trump" in the body. Not after a place, a
        nationality or a function word ("Lebanese Hezbollah", "The Boeing")."""
        if re.search(rf"\b(?:Mr|Ms|Mrs|Miss|Dr)\.? {re.escape(name)}\b", self.raw):
            return name
        for m in re.finditer(rf"\b([A-Z][a-z]+\.?) {re.escape(name)}\b(?!\s+[A-Z])", self.raw):
            word = m.group(1).rstrip(".").lower()
            if word in lx.NAME_TITLES or word in lx.TITLE_HEADS:
                return name
            tagged = self.tags.get(word)
            if word in lx.COUNTRIES | lx.DEMONYMS or word in lx.STOP_CAPITALS or re.search(r"(ese|ish|ch)$", word) \
                    or tagged and (tagged["NORP"] or tagged["GPE"] or tagged["ORG"]) \
                    or word in lx.ORGANIZATION_HEADS | lx.ORG_NAME_ENDS | lx.MEDIA_HEADS | lx.NON_PERSON_NAME_ENDS:
                continue
            return m.group(0)  # "Chidi Okonkwo"
        return None

    def remember(self, t: Token, base: int) -> None:
        """A subject as a candidate antecedent of later pronouns, typed with what the article
        said before: "Rittenhouse" after "Kyle Rittenhouse" is a person even when the small
        model tags it ORG; "One of the victims" can be "she" though "One" is a number."""
        partitive = t.lower_ in PARTITIVES and any(
            c.lower_ == "of" and any(g.dep_ == "pobj" and (agent_capable(g) or g.lemma_.lower() in lx.ROLE_NOUNS)
                                     for g in c.children) for c in t.children)
        if not (agent_capable(t) or partitive or t.lower_ in self.people and t.text[:1].isupper()):
            return
        toks = noun_phrase(t)
        if not toks:
            return
        m = classify_source(toks, t, base)
        full = self.people.get(t.text.lower())
        if full and len(toks) <= 2 and t.ent_type_ != "GPE":
            m.type, m.name, m.descriptor = "person", full, None
        elif not m.name:
            refer(m, toks, self.intros)
        self.recent.append(m)

    def as_before(self, m: Mention, toks: list[Token]) -> None:
        """An institution named before: "Phivolcs" after "the Philippine Institute of Volcanology
        and Seismology (Phivolcs)", "Salling" after "Salling Group" take its type and name; and
        this mention's own name and acronym are remembered for later ones."""
        key = re.sub(r"^(the|a|an)\s+", "", m.text.lower()).strip()
        if key in self.known and len(toks) <= 3 and all(t.pos_ in ("PROPN", "DET") or t.text.isupper() for t in toks) \
                and not (key in self.people and (m.type == "person" or self.known[key][1].lower() != key)):
            # ("Trump" is the person met as Donald Trump, not "Trump University" shortened)
            m.type, m.name = self.known[key]
            return
        if m.type in ("organization", "media") and m.name and m.name.lower() not in self.people:
            # ("Sexton, a writing professor" typed an organization must not make every later "Sexton" one)
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
                    and all(o in c.text.lower() for o in origins) and c.plural == m.plural:
                # ("the party" is not "Both Ana Ruiz and the party")
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
            if want_person and (c.type not in ("person", "anonymous") or c.head is not None
                                and c.head.lemma_.lower() in lx.ISSUED_HEADS | lx.DOCUMENT_HEADS | lx.MESSAGE_NOUNS):
                continue  # ("he" is not "his survey of Republicans")
            if low == "it" and c.type not in ("organization", "media"):
                continue
            m.name, m.type, m.descriptor, m.role = c.name, c.type, c.descriptor, c.role
            m.resolved_from = m.text
            return
        if want_plural:
            # "The council met ... They said", "WWE ... They": an institution is "they" in some copy; with
            # no one before it, "they" are unnamed people, not an institution
            orgs = [c for c in candidates if c.type == "organization" and c.name and c.resolved_from is None
                    and c.head is not None and (c.head.pos_ == "NOUN" and c.head.lemma_.lower() in lx.ORGANIZATION_HEADS
                                                or c.head.ent_type_ == "ORG" and c.head.text.lower() not in self.people)]
            # only when the institution is the latest source before it: after "Ana Ruiz told
            # reporters ...", "They said" may be Ruiz and others, and stays unresolved
            latest = next((c for c in candidates if c.head is None or c.head.text.lower() not in lx.PRONOUNS), None)
            if orgs and orgs[0] is latest:
                c = orgs[0]
                m.name, m.type, m.descriptor, m.role, m.resolved_from = c.name, c.type, c.descriptor, c.role, m.text
            else:
                m.type = "anonymous"
