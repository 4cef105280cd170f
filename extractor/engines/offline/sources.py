"""A source phrase: how far it reaches, and what kind of source it names.

Given the token a rule took for the speaker, `noun_phrase` (source_span.py) cuts the phrase ("the mayor
at the time" -> "the mayor") and `classify_source` types and names it (person,
organization, media, anonymous). Typing is a list of rule families, `SOURCE_TYPE_RULES`,
asked in turn; the first that recognises the phrase decides. A coordinated phrase is then
retyped by its first conjunct (`mixed_group_source`, evals/GUIDELINES.md 9.4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from . import lexicon as lx
from .records import Mention
from .source_span import noun_phrase  # noqa: F401  (re-exported: the phrase is cut there, typed here)
from .spans import tokens_span
from .syntax import SOURCE_EXCLUDE_DEPS


def _person_name(tokens: list[Token]) -> str | None:
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
    if not run:  # only a possessive marker was tagged PERSON
        return None
    return last.doc.text[run[0].idx : run[-1].idx + len(run[-1])]


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


def _proper_run(tok: Token) -> str:
    """A proper noun with the proper nouns compounded onto it: "Mara Ilves" (whatever NER says)."""
    parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
    parts = [t for t in parts if t.i >= parts[0].i and tok.i - t.i < 5]
    return tok.doc.text[parts[0].idx : tok.idx + len(tok)]


def _appos_person(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
            return c
    return None


DOMAIN = re.compile(r"\b[\w-]+\.(com|org|net|ru|ua|pl|de|fr|it|es|in|ph|cn|jp|kr|co\.uk|com\.au|info|news)\b", re.I)


def _mentions_outlet(low: str, text: str = "") -> bool:
    """An outlet's name in the phrase; a short one ("CNN", "DW") only in capitals."""
    if DOMAIN.search(low) or any(w in lx.FOREIGN_MEDIA_WORDS for w in re.findall(r"\w+", low)):
        return True  # "Znak.com", "Gazeta Wyborcza"
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low) if len(name) > 3 else
               re.search(rf"(?<![\w-]){re.escape(name.upper())}(?![\w-])", text) for name in lx.MEDIA_NAMES)


def _clean_name(text: str) -> str:
    return re.sub(r"[\"“”]", "", _strip_det(text)).replace("  ", " ").strip()


# ---- typing a source: rule families ------------------------------------------------------


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


def pronoun_source(m: Mention, p: Phrase) -> bool:
    """A pronoun: "he said", "they told"; typed by the pronoun, resolved later."""
    if p.head_low in lx.PRONOUNS:
        m.type = "person" if p.head_low in lx.PRONOUNS_SINGULAR_PERSON | lx.PRONOUNS_FIRST else "organization"
        return True
    return False


def _outlet_staff(p: Phrase) -> bool:
    """A person the phrase names by the outlet they work for: "ABC moderator David Muir",
    "the Post's Ana Ruiz", "Joel Ames of the Daily Ledger" (evals/GUIDELINES.md 9.7: a person
    with the outlet in the role). The head is the person; an outlet named by the head itself
    ("Bloomberg", "Breitbart News") is the outlet."""
    head = p.head
    if head.lower_ in lx.MEDIA_HEADS | lx.OUTLET_NOUNS | lx.ORG_NAME_ENDS | lx.NON_PERSON_NAME_ENDS:
        return False
    if head.lemma_.lower() in lx.OUTLET_STAFF | lx.TITLE_HEADS | lx.ROLE_NOUNS and head.text.islower():
        return True  # ("The Independent Vermont senator": a person, the outlet's name a coincidence)  # ("a Reuters reporter" is an unnamed one: anonymous, below)
    if head.tag_ in ("NNS", "NNPS"):
        return False
    run = _proper_run(head) if head.pos_ == "PROPN" else head.text
    if run.lower() in lx.MEDIA_NAMES or _mentions_outlet(run.lower(), run):
        return False
    if head.ent_type_ == "PERSON":
        return True
    # "The Washington Post's Ana Ruiz" (all of it tagged ORG), "Ana Ruiz of the Daily Ledger"
    owners = [c for c in head.children if c.dep_ == "poss"] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "NORP", "FAC") and any(
        _mentions_outlet(" ".join(t.lower_ for t in o.subtree), " ".join(t.text for t in o.subtree)) for o in owners)


def _document_of_issuer(p: Phrase) -> bool:
    """A document or tally is typed by its issuer (evals/GUIDELINES.md 9.7), not by an outlet
    named anywhere in it: "a copy of the memo seen by Reuters", "an email from the union's
    president obtained by the Post" (the issuer rule below types "a CNN poll" as the outlet's)."""
    return (p.lemma in lx.ISSUED_HEADS or p.head_low in lx.ISSUED_HEADS or p.lemma == "copy") \
        and p.head.lower_ not in lx.MEDIA_HEADS and not p.head.text[:1].isupper()


def _news_agency_alone(p: Phrase) -> bool:
    """"The agency said": a government agency unless the phrase says news ("news agency")."""
    return p.head_low in ("agency", "agencies") and not lx.NEWS_AGENCY_MARKERS & set(p.words)


def media_source(m: Mention, p: Phrase) -> bool:
    """An outlet: "Reuters reported", "Lebanon's Al-Manar TV", "the newspaper said"."""
    words = p.words
    if _outlet_staff(p) or _news_agency_alone(p) or _document_of_issuer(p):
        return False
    if p.core in lx.MEDIA_NAMES or _mentions_outlet(p.low, p.text) or (
        words and words[-1] in lx.MEDIA_HEADS and p.head_low in lx.MEDIA_HEADS and not {"office", "ministry"} & set(words)
    ):
        m.type, m.name = "media", _clean_name(p.text)
        return True
    return False


def named_outlet_source(m: Mention, p: Phrase) -> bool:
    """An outlet word, then the outlet's proper name: "Russian daily Kommersant", "the
    newspaper El País", "news agency Interfax", "Radio Free Europe". The name is the
    proper nouns after the outlet word ("Agency chief Ana Ruiz" has a title between: no)."""
    toks = [t for t in p.full if t.dep_ != "det" and not t.is_punct]
    for k, t in enumerate(toks[:-1]):
        if t.lower_ in lx.OUTLET_NOUNS and all(x.pos_ == "PROPN" and x.lower_ not in lx.NAME_TITLES | lx.TITLE_HEADS
                                             for x in toks[k + 1:]):
            # ("Radio Free Europe", "Philippine Daily Inquirer": a capitalized outlet word is part of the name)
            rest = toks[k + 1:] if t.text.islower() else toks
            doc = p.head.doc
            m.type, m.name = "media", doc.text[rest[0].idx : rest[-1].idx + len(rest[-1])]
            return True
    return False


def newspaper_name_source(m: Mention, p: Phrase) -> bool:
    """A newspaper's name ending in a word newspapers are named by: "The Ledger reported",
    "the Toronto Star said", "The Sun reported". Only as a capitalized name with "the" or
    another name word before it ("Sun said" is likely a surname), and no title before it."""
    head = p.head
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.lower_ not in lx.NEWSPAPER_NAME_WORDS or m.plural:
        return False
    toks = [t for t in p.tokens if not t.is_punct]
    names = [t for t in toks if t.dep_ != "det"]
    if any(t.lower_ in lx.NAME_TITLES or t.lower_ in lx.PRONOUNS for t in toks) or toks[-1].i != head.i \
            or not all(t.text[:1].isupper() or t.text in ("'s", "’s") for t in names):
        return False
    if not (toks[0].lower_ == "the" or len(names) >= 2 and head.ent_type_ != "PERSON"):
        return False
    m.type, m.name = "media", _clean_name(p.text)
    return True


def outlet_staff_source(m: Mention, p: Phrase) -> bool:
    """A named person given by their outlet: "The Washington Post's Ana Ruiz", "Ana Ruiz of
    the Daily Ledger" (the model may tag it all ORG); the outlet goes to the role."""
    head = p.head
    if head.pos_ != "PROPN" or head.lemma_.lower() in lx.OUTLET_STAFF or not _mentions_outlet(p.low, p.text) \
            or not _outlet_staff(p):
        return False
    name = _person_name(p.tokens) or _proper_run(head)
    m.type, m.name = "person", name
    role = p.text[: p.text.rfind(name)].strip(" ,") if name in p.text else ""
    m.role = _clean_name(role) or None
    if not m.role:
        after = [t for t in p.tokens if t.i > head.i]
        m.role = _clean_name(head.doc.text[after[0].idx : after[-1].idx + len(after[-1])]) if after else None
    return True


def company_source(m: Mention, p: Phrase) -> bool:
    """A company or platform the small model tags as a person: "Twitter said", "Boeing said"."""
    if p.core in lx.COMPANY_NAMES or p.head.pos_ == "PROPN" and len(p.words) <= 2 and p.head_low in lx.COMPANY_NAMES \
            and not any(c.dep_ == "poss" for c in p.head.children):
        m.type, m.name = "organization", _clean_name(p.text)
        return True
    return False


def non_person_name_source(m: Mention, p: Phrase) -> bool:
    """A proper name ending in a word no person's name ends in is an organization, whatever
    NER says: "Manchester United said", "Downing Street said", "Bellwether County said",
    "Harlow Airlines said"."""
    head = p.head
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.lower_ not in lx.NON_PERSON_NAME_ENDS:
        return False
    run = [t for t in p.tokens if t.dep_ != "det" and not t.is_punct]
    if len(run) < 2 or not all(t.pos_ == "PROPN" or t.ent_type_ for t in run) or run[-1].i != head.i:
        return False
    m.type, m.name = "organization", _clean_name(p.text)
    return True


def group_source(m: Mention, p: Phrase) -> bool:
    """An armed or political group the small model tags as a person: "Hezbollah said"."""
    if p.head_low in lx.GROUP_NAMES or p.core in lx.SEAT_NAMES:  # ("The Vatican said": tagged a person)
        m.type, m.name = "organization", _clean_name(p.text)
        return True
    return False


def title_of_source(m: Mention, p: Phrase) -> bool:
    """A title with "of": "Head of Iran's Quds Force", "Secretary of State" (a person)."""
    bare = [w for w in p.words if w not in ("the", "a", "an")]
    if len(bare) > 2 and bare[0] in lx.TITLE_HEADS and bare[1] == "of":
        m.type, m.role = "person", _clean_name(p.text)
        return True
    return False


def appositive_person_source(m: Mention, p: Phrase) -> bool:
    """A description with a named person in apposition: "the council's head, Dolan Abu Saleh"."""
    appos = _appos_person(p.head)
    if appos is not None and (appos.i not in {t.i for t in p.full} or appos.i > 0 and appos.doc[appos.i - 1].text == "("):
        appos = None  # an acronym in parentheses, or an apposition cut off the phrase, names no one
    if appos is not None and p.head.ent_type_ != "PERSON" and p.lemma not in lx.MEDIA_HEADS | lx.ORGANIZATION_HEADS:
        name_toks = [t for t in appos.subtree if t.dep_ not in SOURCE_EXCLUDE_DEPS or t is appos]
        ner = _person_name(name_toks)
        run = _proper_run(appos)
        m.type, m.name, m.role = "person", run if not ner or len(run) > len(ner) and ner in run else ner, _clean_name(p.text).strip(" ,")
        return True
    return False


def trailing_name_source(m: Mention, p: Phrase) -> bool:
    """A role, then the person holding it in apposition at the end of the phrase, whatever
    the parser made the head: "The United States' National Institute of Allergy and
    Infectious Disease's director, Dr. Anthony Fauci" (the parse joins "director" to the
    institute as a conjunct)."""
    full = [t for t in p.full if not t.is_punct]
    if not full:
        return False
    last = full[-1]
    holders = lx.TITLE_HEADS | lx.PERSON_NOUNS | lx.ROLE_NOUNS | lx.NAME_TITLES
    for t in p.full:
        if t.dep_ == "appos" and t.head.lemma_.lower() in holders and t.head.tag_ in ("NN", "NNP") \
                and t.right_edge.i >= last.i and t.head.i < t.i:
            name = _person_name(list(t.subtree))
            if not name or not p.head.doc.text[: last.idx + len(last)].endswith(name):
                return False
            doc = p.head.doc
            m.type, m.name = "person", name
            m.role = _clean_name(doc.text[p.full[0].idx : t.left_edge.idx]).strip(" ,") or None
            return True
    return False


def named_person_source(m: Mention, p: Phrase) -> bool:
    """A person's name, with any title before it as the role: "Prime Minister Najib Mikati",
    "Dolan Abu Saleh, head of the Majdal Shams local council"."""
    head, tokens, text = p.head, p.tokens, p.text
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and _person_name(tokens) and head.ent_type_ not in ("ORG", "GPE", "NORP")):
        name = _person_name(tokens) or head.text
        m.type, m.name = "person", name
        role = text[: text.rfind(name)].strip(" ,") if name in text else ""
        m.role = _strip_det(role) or None
        roles = [c for c in head.children if c.dep_ == "appos"]
        if roles and not m.role:
            r0, r1 = tokens_span(list(roles[0].subtree))
            m.role = head.doc.text[r0:r1]
        return True
    return False


def titled_name_source(m: Mention, p: Phrase) -> bool:
    """A title written before proper nouns names a person, whatever NER tags the run:
    "Prosecutor Kama Melly QC" (tagged ORG), "U.S. Attorney Bash". The name is the proper
    nouns after the title, without letters such as "QC" or "MP"."""
    toks = [t for t in p.tokens if t.dep_ != "det"]
    k = next((i for i, t in enumerate(toks) if t.lower_ in lx.NAME_TITLES and t.text[:1].isupper()), None)
    if k is None or any(t.pos_ != "PROPN" and t.ent_type_ != "GPE" for t in toks[:k]):
        return False
    rest = toks[k + 1:]
    while rest and rest[0].lower_ in lx.NAME_TITLES | lx.TITLE_HEADS:
        rest = rest[1:]  # "Deputy Governor", "Chief Justice"
    name = [t for t in rest if t.lower_ not in lx.NAME_SUFFIXES]
    if not name or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest) or m.plural \
            or rest[-1].lower_ in lx.ORG_NAME_ENDS | lx.ORGANIZATION_HEADS | lx.MEDIA_HEADS:
        return False
    doc = p.head.doc
    m.type, m.name = "person", doc.text[name[0].idx : name[-1].idx + len(name[-1])]
    m.role = _clean_name(doc.text[toks[0].idx : rest[0].idx]).strip(" ,") or None
    return True


def title_head_source(m: Mention, p: Phrase) -> bool:
    """A title heads the phrase (the model may tag it ORG); a name at its end is who holds
    it: "UN Special Coordinator for Lebanon Jeanine Hennis-Plasschaert"."""
    if p.lemma in lx.TITLE_HEADS and not m.plural and not (p.words and p.words[0] in lx.INDEFINITE):
        name = _person_name(p.tokens)
        m.type, m.role = "person", _clean_name(p.text)
        if name and p.text.endswith(name):
            m.name, m.role = name, _clean_name(p.text[: -len(name)]).strip(" ,") or None
        return True
    return False


def issued_document_source(m: Mention, p: Phrase) -> bool:
    """A report, study or data with its issuer named in the phrase speaks for the issuer:
    "a report by the Red Cross", "data from the health ministry", "the chain's press release"
    (evals/GUIDELINES.md 9.7). Without an issuer it stays an anonymous description."""
    head = p.head
    if p.lemma not in lx.ISSUED_HEADS and p.head_low not in lx.ISSUED_HEADS:
        return False
    # ("a survey of voters", "a review of election filings": after these "of" names what was studied)
    of_issues = p.lemma not in lx.STUDY_HEADS
    issuers = [g for c in head.children if c.dep_ == "prep" and (c.lower_ in ("by", "from") or c.lower_ == "of" and of_issues)
               for g in c.children if g.dep_ == "pobj"]
    for g in (g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
              for g in c.children if g.dep_ == "pobj"):
        outlet = head.doc.text[g.left_edge.idx : g.right_edge.idx + len(g.right_edge)]
        if _mentions_outlet(outlet.lower(), outlet) or g.pos_ == "PROPN" and g.lower_ in lx.NEWSPAPER_NAME_WORDS:
            m.type, m.name = "media", _clean_name(outlet)  # "a report in the Ledger": the paper's report
            return True
    issuers += [g for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in lx.ISSUING_VERBS
                for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    issuers += [c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN")
                and c.lower_ not in lx.PRONOUNS and c.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL")]
    # "a tweet sent from Biden's account": the owner of the account or channel issued it
    issuers += [t for t in p.tokens if t.dep_ == "poss" and t.head.lemma_.lower() in lx.CHANNEL_NOUNS | {"account"}
                and t.pos_ == "PROPN"]
    for g in issuers:
        if g.lemma_.lower() in lx.TITLE_HEADS | lx.ROLE_NOUNS and g.pos_ == "NOUN" and g.tag_ == "NN" \
                and any(c.lower_ in ("the", "its", "his", "her") or c.dep_ == "poss" for c in g.children):
            # "an email from the union's president": one office-holder
            m.type, m.role = "person", _clean_name(head.doc.text[g.left_edge.idx : g.right_edge.idx + len(g.right_edge)])
            return True
        if g.ent_type_ == "PERSON" or g.dep_ == "poss" and g.head.lemma_.lower() == "account" \
                and g.ent_type_ not in ("ORG", "NORP") and g.lower_ not in lx.COUNTRIES:
            # "a letter from Dana Ortiz", "a tweet sent from Biden's Twitter account"
            m.type, m.name = "person", _proper_run(g)
            return True
        if g.ent_type_ in ("ORG", "GPE", "NORP") or g.lower_ in lx.ORGANIZATION_HEADS or g.pos_ == "PROPN" \
                or any(t.lower_ in lx.ORGANIZATION_HEADS for t in g.subtree):
            toks = [t for t in g.subtree if t.dep_ not in ("case",) and t.text not in ("'s", "’s")]
            if g.dep_ == "compound":  # "a Morning Consult poll": the whole run of names before the head
                toks = [t for t in p.tokens if t.i < head.i and (t.dep_ == "compound" and t.pos_ == "PROPN"
                        or t.head.dep_ == "compound" and t.head.head.i == head.i)]
                toks = [t for t in toks if t.i >= g.left_edge.i - 3] or [g]
            s0, e0 = tokens_span(toks)  # type: ignore[misc]
            name = _clean_name(head.doc.text[s0:e0])
            m.type, m.name = ("media" if _mentions_outlet(name.lower(), name) else "organization"), name
            return True
    return False


def plural_description_source(m: Mention, p: Phrase) -> bool:
    """A plural description is anonymous even when NER tags it ORG: "Republican
    Representatives", "Chinese authorities", "United Nations officials"."""
    if m.plural and p.head.tag_ in ("NNS", "NNPS") and (p.lemma in lx.ANONYMOUS_HEADS or p.head_low in lx.ANONYMOUS_HEADS) \
            and not any(t.dep_ == "conj" for t in p.tokens):
        m.type, m.descriptor = "anonymous", _clean_name(p.text)
        return True
    return False


DEMONYM_MAN = re.compile(r"^(dutch|french|english|welsh|scots|irish|swiss|manx|cornish)(man|woman)$")


def definite_individual_source(m: Mention, p: Phrase) -> bool:
    """One individual described by age, nationality or rank, definite and singular: "the
    28-year-old said", "the Brazilian said", "the Dutchman told", "the world number one said"
    (sports copy names its subject so after the first mention)."""
    if m.plural or not p.words or p.words[0] not in ("the", "this") or p.head.tag_ in ("NNS", "NNPS"):
        return False
    head = p.head
    aged = p.low.endswith("year-old") or p.low.endswith("year old")
    demonym = (head.ent_type_ == "NORP" or DEMONYM_MAN.match(head.lower_) is not None) and head.i == p.tokens[-1].i \
        and not head.lower_.endswith("s") and len([t for t in p.tokens if t.dep_ != "det"]) <= 2
    ranked = head.lower_ == "number" and any(c.dep_ == "nummod" for c in head.children)
    if aged or demonym or ranked:
        m.type, m.role = "person", _clean_name(p.text)
        return True
    return False


def party_member_source(m: Mention, p: Phrase) -> bool:
    """One party member, definite and singular, is a person even when NER tags the word NORP:
    "the Ohio Republican said", "The veteran Democrat told"."""
    if not m.plural and p.head.tag_ in ("NN", "NNP") and p.lemma in lx.PARTY_MEMBER_NOUNS | {"tory"} \
            and p.words and p.words[0] in ("the", "this"):
        m.type, m.role = "person", _clean_name(p.text)
        return True
    return False


def definite_person_source(m: Mention, p: Phrase) -> bool:
    """One identified person described by a noun: "the father", "his agent", "the coach"."""
    if not m.plural and (p.lemma in lx.PERSON_NOUNS | lx.ROLE_NOUNS or p.head_low in lx.PERSON_NOUNS) and p.words \
            and p.words[0] in ("the", "his", "her", "their", "its"):
        m.type, m.role = "person", _clean_name(p.text)
        return True
    return False


def organization_source(m: Mention, p: Phrase) -> bool:
    """An institution or a country speaking: "the foreign ministry said", "Israel said"."""
    head = p.head
    if head.lemma_.lower() in lx.NAME_ONLY_ORGANIZATION_HEADS and head.text.islower():
        return False  # "the survey found" is a document; "the Geological Survey" an institution
    if p.head_low in lx.ORGANIZATION_HEADS or head.lemma_.lower() in lx.ORGANIZATION_HEADS or p.core in lx.COUNTRIES | lx.SEAT_NAMES \
            or head.ent_type_ in ("ORG", "NORP"):
        m.type, m.name = "organization", _clean_name(p.text)
        return True
    return False


def anonymous_source(m: Mention, p: Phrase) -> bool:
    """A description without a name: "a senior official", "two security sources"."""
    if p.lemma in lx.ANONYMOUS_HEADS or p.head_low in lx.ANONYMOUS_HEADS:
        m.type, m.descriptor = "anonymous", _clean_name(p.text)
        return True
    return False


def plural_name_source(m: Mention, p: Phrase) -> bool:
    """A plural proper name with "the" is a team, band or group: "The Lakers said", "the
    Rolling Stones said" (state.py keeps a family, "the Okafors", with its people)."""
    head = p.head
    if head.tag_ != "NNPS" or head.pos_ != "PROPN" or not p.words or p.words[0] != "the" \
            or head.ent_type_ in ("NORP", "PERSON") or p.lemma in lx.PARTY_MEMBER_NOUNS:
        return False
    m.type, m.name = "organization", _clean_name(p.text)
    return True


def proper_noun_source(m: Mention, p: Phrase) -> bool:
    """Any other proper noun: a person, unless a place. spaCy's NER is unreliable on Arabic
    and Persian names; a proper noun that is not a known place or outlet speaking is most
    often a person ("Ghaani said")."""
    if p.head.pos_ == "PROPN":
        m.type, m.name = ("organization", _clean_name(p.text)) if p.head.ent_type_ == "GPE" else ("person", _clean_name(p.text))
        return True
    return False


# Asked in this order; the first that recognises the phrase types it. Anything left is an
# anonymous description.
SOURCE_TYPE_RULES = (
    pronoun_source,
    named_outlet_source,
    media_source,
    newspaper_name_source,
    outlet_staff_source,
    company_source,
    group_source,
    title_of_source,
    appositive_person_source,
    trailing_name_source,
    non_person_name_source,
    named_person_source,
    titled_name_source,
    title_head_source,
    issued_document_source,
    plural_description_source,
    party_member_source,
    definite_individual_source,
    organization_source,
    definite_person_source,
    anonymous_source,
    plural_name_source,
    proper_noun_source,
)


def classify_source(tokens: list[Token], head: Token, base: int = 0) -> Mention:
    """Type and name a source phrase. Offsets come back shifted by `base` (paragraph start)."""
    start, end = tokens_span(tokens) or (head.idx, head.idx + len(head))
    doc_text = head.doc.text
    m = Mention(start=start + base, end=end + base, text=doc_text[start:end], head=head)
    tokens, head, m.acronym = _without_acronym(tokens, head)
    p = _phrase(tokens, head)
    m.plural = head.tag_ in ("NNS", "NNPS") or p.head_low in lx.PRONOUNS_PLURAL or any(
        t.dep_ == "conj" and t.head.i == head.i for t in p.tokens)
    _type_by_rules(m, p)
    mixed_group_source(m, tokens, head)
    return m


def _type_by_rules(m: Mention, p: Phrase) -> None:
    for rule in SOURCE_TYPE_RULES:
        if rule(m, p):
            return
    m.type, m.descriptor = "anonymous", _clean_name(p.text)


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


def mixed_group_source(m: Mention, tokens: list[Token], head: Token) -> bool:
    """Conjoined sources are one source typed by its first conjunct (evals/GUIDELINES.md
    9.4): "Dr Ana Ruiz and the health ministry said" is a person, "The union and its leader,
    Tom Reyes," an organization. The name joins the conjuncts' names when each is named
    (§5), else there is none; an anonymous group keeps the whole description."""
    parts = _conjunct_tokens(tokens, head)
    if len(parts) < 2 or not all(c.pos_ in ("NOUN", "PROPN") for c, _ in parts) or not (all(
            _joined_by_and(c) for c, _ in parts[1:]) or _misparsed_pair(tokens, head) is not None):
        return False
    typed = []
    for c, own in parts:
        own, c, _ = _without_acronym(own, c)
        sub = Mention(start=0, end=0, text="", head=c)
        sub.plural = c.tag_ in ("NNS", "NNPS")
        _type_by_rules(sub, _phrase(own, c))
        typed.append(sub)
    first = typed[0]
    if first.type == "anonymous":
        if m.type != "anonymous":
            m.type, m.name, m.role, m.descriptor = "anonymous", None, None, m.descriptor or _clean_name(m.text).lower()
        return True
    m.type, m.descriptor, m.role = first.type, None, None
    names = [t.name for t in typed]
    m.name = " and ".join(n for n in names if n) if all(names) and all(t.type != "anonymous" for t in typed) else None
    return True


def _without_acronym(tokens: list[Token], head: Token) -> tuple[list[Token], Token, str | None]:
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


def _phrase(tokens: list[Token], head: Token) -> Phrase:
    # Name and type from the phrase without its apposition ("X, head of the council").
    appos_ids = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    core_toks = [t for t in tokens if t.i not in appos_ids] or [head]
    while len(core_toks) > 1 and core_toks[-1].is_punct:
        core_toks = core_toks[:-1]
    s0, e0 = tokens_span(core_toks)  # type: ignore[misc]
    text = head.doc.text[s0:e0]
    low = text.lower()
    return Phrase(head=head, tokens=core_toks, text=text, low=low, core=_strip_det(low).strip("\"“”"),
                  head_low=head.text.lower(), lemma=head.lemma_.lower(), words=[t.text.lower() for t in core_toks],
                  full=list(tokens))
