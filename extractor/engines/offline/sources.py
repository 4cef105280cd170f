"""A source phrase: how far it reaches, and what kind of source it names.

Given the token a rule took for the speaker, `noun_phrase` (source_span.py) cuts the phrase ("the mayor at the
time" -> "the mayor") and `classify_source` types and names it (person, organization, media, anonymous). Typing
is a list of rule families, `SOURCE_TYPE_RULES`, asked in turn; the first that recognises the phrase decides.
A coordinated phrase is then retyped by its first conjunct (`mixed_group_source`, evals/GUIDELINES.md 9.4).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import lexicon as lx
from .records import Mention
from .source_groups import mixed_group_source
from .source_outlets import media_source, named_outlet_source, newspaper_name_source, outlet_staff_source
from .source_names import (camel_case_name_source, definite_name_source, function_word_name_source, given_name_source,
                           indefinite_party_member_source, kind_noun_source, party_members_source, unnamed_groups_source)
from .source_phrase import (Phrase, appos_person, clean_name, make_phrase, mentions_outlet, name_proper, person_name,
                            proper_run, strip_det, without_acronym)
from .source_span import noun_phrase  # noqa: F401  (re-exported: the phrase is cut there, typed here)
from .spans import tokens_span
from .syntax import SOURCE_EXCLUDE_DEPS


def pronoun_source(m: Mention, p: Phrase) -> bool:
    """A pronoun: "he said", "they told"; typed by the pronoun, resolved later."""
    if p.head_low in lx.PRONOUNS:
        m.type = "person" if p.head_low in lx.PRONOUNS_SINGULAR_PERSON | lx.PRONOUNS_FIRST else "organization"
        return True
    return False


def company_source(m: Mention, p: Phrase) -> bool:
    """A company or platform the small model tags as a person: "Twitter said", "Boeing said"."""
    if p.core in lx.COMPANY_NAMES or p.head.pos_ == "PROPN" and len(p.words) <= 2 and p.head_low in lx.COMPANY_NAMES \
            and not any(c.dep_ == "poss" for c in p.head.children):
        m.type, m.name = "organization", clean_name(p.text)
        return True
    return False


def non_person_name_source(m: Mention, p: Phrase) -> bool:
    """A proper name ending in a word no person's name ends in is an organization, whatever
    NER says: "Manchester United said", "Downing Street said", "Bellwether County said",
    "Harlow Airlines said"; so is one opening with a word no person's name opens with ("Team
    Sky said")."""
    head = p.head
    run = [t for t in p.tokens if t.dep_ != "det" and not t.is_punct]
    if head.pos_ == "PROPN" and len(run) >= 2 and run[0].lower_ in NON_PERSON_NAME_STARTS and run[0].text[:1].isupper() \
            and all(t.pos_ == "PROPN" for t in run):
        m.type, m.name = "organization", clean_name(p.text)  # "Team Sky said", "Club Brugge said"
        return True
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.lower_ not in lx.NON_PERSON_NAME_ENDS:
        return False
    if len(run) < 2 or not all(t.pos_ == "PROPN" or t.ent_type_ for t in run) or run[-1].i != head.i:
        return False
    m.type, m.name = "organization", clean_name(p.text)
    return True


def group_source(m: Mention, p: Phrase) -> bool:
    """An armed or political group the small model tags as a person: "Hezbollah said"."""
    if p.head_low in lx.GROUP_NAMES or p.core in lx.SEAT_NAMES:  # ("The Vatican said": tagged a person)
        m.type, m.name = "organization", clean_name(p.text)
        return True
    return False


def title_of_source(m: Mention, p: Phrase) -> bool:
    """A title with "of": "Head of Iran's Quds Force", "Secretary of State" (a person)."""
    bare = [w for w in p.words if w not in ("the", "a", "an")]
    if len(bare) > 2 and bare[0] in lx.TITLE_HEADS and bare[1] == "of":
        m.type, m.role = "person", clean_name(p.text)
        appos = appos_person(p.head)
        if appos is not None and appos.i in {t.i for t in p.full} and appos.i > p.tokens[-1].i:
            # "The head of the agency, Mara Ilves": the holder named in apposition
            m.name = person_name(list(appos.subtree)) or proper_run(appos)
        return True
    return False


def appositive_person_source(m: Mention, p: Phrase) -> bool:
    """A description with a named person in apposition: "the council's head, Dolan Abu Saleh"."""
    appos = appos_person(p.head)
    if appos is not None and (appos.i not in {t.i for t in p.full} or appos.i > 0 and appos.doc[appos.i - 1].text == "("):
        appos = None  # an acronym in parentheses, or an apposition cut off the phrase, names no one
    if appos is not None and p.head.ent_type_ != "PERSON" and p.lemma not in lx.MEDIA_HEADS | lx.ORGANIZATION_HEADS:
        name_toks = [t for t in appos.subtree if t.dep_ not in SOURCE_EXCLUDE_DEPS or t is appos]
        ner = person_name(name_toks)
        run = proper_run(appos)
        m.type, m.name, m.role = "person", run if not ner or len(run) > len(ner) and ner in run else ner, clean_name(p.text).strip(" ,")
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
            name, run = person_name(list(t.subtree)), proper_run(t)
            name = run if (name and run.endswith(name) or not name and len(run.split()) >= 2) else name  # (NER: "Khosla", or none)
            if not name or not p.head.doc.text[: last.idx + len(last)].endswith(name):
                return False
            doc = p.head.doc
            m.type, m.name = "person", name
            m.role = clean_name(doc.text[p.full[0].idx : t.left_edge.idx]).strip(" ,") or None
            return True
    return False


NON_PERSON_NAME_STARTS = frozenset("team club banco grupo groupe".split())


def named_person_source(m: Mention, p: Phrase) -> bool:
    """A person's name, with any title before it as the role: "Prime Minister Najib Mikati",
    "Dolan Abu Saleh, head of the Majdal Shams local council"."""
    head, tokens, text = p.head, p.tokens, p.text
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and person_name(tokens) and head.ent_type_ not in ("ORG", "GPE", "NORP")):
        name = person_name(tokens) or head.text
        if head.pos_ == "PROPN" and head.ent_type_ != "PERSON" and not name.endswith(head.text):
            name = proper_run(head)  # "Greenpeace campaigner Ana Ruiz": NER tagged the group, not her
        m.type, m.name = "person", name
        role = text[: text.rfind(name)].strip(" ,") if name in text else ""
        m.role = strip_det(role) or None
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
    m.role = clean_name(doc.text[toks[0].idx : rest[0].idx]).strip(" ,") or None
    return True


def title_head_source(m: Mention, p: Phrase) -> bool:
    """A title heads the phrase (the model may tag it ORG); a name at its end is who holds
    it: "UN Special Coordinator for Lebanon Jeanine Hennis-Plasschaert". After an institution's
    noun "General" is its name ("the Directorate General of Civil Aviation"; "the army general" is a rank)."""
    if p.head.text == "General" and p.head.i and (b := p.head.doc[p.head.i - 1]).lower_ in lx.ORGANIZATION_HEADS and b.text[:1].isupper():
        m.type, m.name = "organization", clean_name(p.text)
        return True
    if p.lemma in lx.TITLE_HEADS and not m.plural and not (p.words and p.words[0] in lx.INDEFINITE):
        name = person_name(p.tokens)
        m.type, m.role = "person", clean_name(p.text)
        if name and p.text.endswith(name):
            m.name, m.role = name, clean_name(p.text[: -len(name)]).strip(" ,") or None
        return True
    return False


def issued_document_source(m: Mention, p: Phrase) -> bool:
    """A report, study or data with its issuer named in the phrase speaks for the issuer:
    "a report by the Red Cross", "data from the health ministry", "the chain's press release"
    (evals/GUIDELINES.md 9.7). Without an issuer it stays an anonymous description."""
    head = p.head
    if p.lemma not in lx.ISSUED_HEADS and p.head_low not in lx.ISSUED_HEADS:
        return False
    if p.head_low in ("report", "reports") and any(c.dep_ in ("compound", "amod") and c.lower_ in ("media", "press", "news")
                                                   for c in head.children):
        m.type = "media"  # "Japanese media reports", "press reports": the outlets' reporting, unnamed
        return True
    # ("a survey of voters", "a review of election filings": after these "of" names what was studied)
    of_issues = p.lemma not in lx.STUDY_HEADS
    issuers = [g for c in head.children if c.dep_ == "prep" and (c.lower_ in ("by", "from") or c.lower_ == "of" and of_issues)
               for g in c.children if g.dep_ == "pobj"]
    for g in (g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
              for g in c.children if g.dep_ == "pobj"):
        outlet = head.doc.text[g.left_edge.idx : g.right_edge.idx + len(g.right_edge)]
        if mentions_outlet(outlet.lower(), outlet) or g.pos_ == "PROPN" and g.lower_ in lx.NEWSPAPER_NAME_WORDS:
            m.type, m.name = "media", clean_name(outlet)  # "a report in the Ledger": the paper's report
            return True
    issuers += [g for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in lx.ISSUER_PARTICIPLES
                for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    issuers += [c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN")
                and c.lower_ not in lx.PRONOUNS and c.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL")]
    # "a tweet sent from Biden's account": the owner of the account or channel issued it
    issuers += [t for t in p.tokens if t.dep_ == "poss" and t.head.lemma_.lower() in lx.CHANNEL_NOUNS | {"account"}
                and t.pos_ == "PROPN"]
    for g in issuers:
        if g.tag_ == "NNS" and g.lemma_.lower() in lx.ANONYMOUS_HEADS:
            return False  # "a study by researchers at Oxford University": unnamed authors, an anonymous description
        if g.lemma_.lower() in lx.TITLE_HEADS | lx.ROLE_NOUNS and g.pos_ == "NOUN" and g.tag_ == "NN" \
                and any(c.lower_ in ("the", "its", "his", "her") or c.dep_ == "poss" for c in g.children):
            # "an email from the union's president": one office-holder
            m.type, m.role = "person", clean_name(head.doc.text[g.left_edge.idx : g.right_edge.idx + len(g.right_edge)])
            return True
        if g.ent_type_ == "PERSON" or g.dep_ == "poss" and g.head.lemma_.lower() == "account" \
                and g.ent_type_ not in ("ORG", "NORP") and g.lower_ not in lx.COUNTRIES:
            # "a letter from Dana Ortiz", "a tweet sent from Biden's Twitter account"
            m.type, m.name = "person", proper_run(g)
            return True
        if g.ent_type_ in ("ORG", "GPE", "NORP") or g.lower_ in lx.ORGANIZATION_HEADS or g.pos_ == "PROPN" \
                or any(t.lower_ in lx.ORGANIZATION_HEADS for t in g.subtree):
            toks = [t for t in g.subtree if t.dep_ not in ("case",) and t.text not in ("'s", "’s")]
            if g.dep_ == "compound":  # "a Morning Consult poll": the whole run of names before the head
                toks = [t for t in p.tokens if t.i < head.i and (t.dep_ == "compound" and t.pos_ == "PROPN"
                        or t.head.dep_ == "compound" and t.head.head.i == head.i)]
                toks = [t for t in toks if t.i >= g.left_edge.i - 3] or [g]
            s0, e0 = tokens_span(toks)  # type: ignore[misc]
            name = clean_name(head.doc.text[s0:e0])
            m.type, m.name = ("media" if mentions_outlet(name.lower(), name) else "organization"), name
            return True
    return False


def plural_description_source(m: Mention, p: Phrase) -> bool:
    """A plural description is anonymous even when NER tags it ORG: "Republican
    Representatives", "Chinese authorities", "United Nations officials"."""
    if m.plural and p.head.tag_ in ("NNS", "NNPS") and (p.lemma in lx.ANONYMOUS_HEADS or p.head_low in lx.ANONYMOUS_HEADS) \
            and not any(t.dep_ == "conj" for t in p.tokens):
        m.type, m.descriptor = "anonymous", clean_name(p.text)
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
    aged = p.low.endswith("year-old") or p.low.endswith("year old") or "year-old" in p.low \
        and head.lemma_.lower() not in lx.ORGANIZATION_HEADS | lx.ORGANIZATION_KINDS  # "the 22-year-old Spaniard"
    demonym = (head.ent_type_ == "NORP" or DEMONYM_MAN.match(head.lower_) is not None or head.lower_ in lx.DEMONYM_NOUNS) \
        and head.i == p.tokens[-1].i \
        and not head.lower_.endswith("s") and len([t for t in p.tokens if t.dep_ != "det"]) <= 2
    ranked = head.lower_ == "number" and any(c.dep_ == "nummod" for c in head.children)
    if aged or demonym or ranked:
        m.type, m.role = "person", clean_name(p.text)
        return True
    return False


def party_member_source(m: Mention, p: Phrase) -> bool:
    """One party member, definite and singular, is a person even when NER tags the word NORP:
    "the Ohio Republican said", "The veteran Democrat told"."""
    if not m.plural and p.head.tag_ in ("NN", "NNP") and p.lemma in lx.PARTY_MEMBER_NOUNS | {"tory"} \
            and p.words and p.words[0] in ("the", "this"):
        m.type, m.role = "person", clean_name(p.text)
        return True
    return False


def definite_person_source(m: Mention, p: Phrase) -> bool:
    """One identified person described by a noun: "the father", "his agent", "the coach"."""
    if not m.plural and (p.lemma in lx.PERSON_NOUNS | lx.ROLE_NOUNS or p.head_low in lx.PERSON_NOUNS) and p.words \
            and p.words[0] in ("the", "his", "her", "their", "its"):
        m.type, m.role = "person", clean_name(p.text)
        return True
    return False


def organization_source(m: Mention, p: Phrase) -> bool:
    """An institution or a country speaking: "the foreign ministry said", "Israel said"."""
    head = p.head
    if head.lemma_.lower() in lx.NAME_ONLY_ORGANIZATION_HEADS and head.text.islower():
        return False  # "the survey found" is a document; "the Geological Survey" an institution
    if p.head_low in lx.ORGANIZATION_HEADS or head.lemma_.lower() in lx.ORGANIZATION_HEADS or p.core in lx.COUNTRIES | lx.SEAT_NAMES \
            or head.ent_type_ in ("ORG", "NORP"):
        m.type, m.name = "organization", clean_name(p.text)
        return True
    return False


def anonymous_source(m: Mention, p: Phrase) -> bool:
    """A description without a name: "a senior official", "two security sources"."""
    if p.lemma in lx.ANONYMOUS_HEADS or p.head_low in lx.ANONYMOUS_HEADS:
        m.type, m.descriptor = "anonymous", clean_name(p.text)
        return True
    return False


def plural_name_source(m: Mention, p: Phrase) -> bool:
    """A plural proper name with "the" is a team, band or group: "The Lakers said", "the
    Rolling Stones said" (state.py keeps a family, "the Okafors", with its people)."""
    head = p.head
    if head.tag_ != "NNPS" or head.pos_ != "PROPN" or not p.words or p.words[0] != "the" \
            or head.ent_type_ in ("NORP", "PERSON") or p.lemma in lx.PARTY_MEMBER_NOUNS:
        return False
    m.type, m.name = "organization", clean_name(p.text)
    return True


def proper_noun_source(m: Mention, p: Phrase) -> bool:
    """Any other proper noun: a person, unless a place. spaCy's NER is unreliable on Arabic
    and Persian names; a proper noun that is not a known place or outlet speaking is most
    often a person ("Ghaani said")."""
    if p.head.pos_ == "PROPN":
        m.type, m.name = ("organization", clean_name(p.text)) if p.head.ent_type_ == "GPE" else ("person", clean_name(p.text))
        if m.type == "person" and len(p.tokens) > 1:
            # "Witness Ana Ruiz", "Professor Ana Ruiz of the University of Leeds": the name is the
            # head's own proper nouns, the words before them its role
            doc, head = p.head.doc, p.head
            run = name_proper([t for t in p.tokens if t.i <= head.i and t.pos_ == "PROPN" and t.i >= _run_start(head)])
            if run and run[-1].i == head.i:
                m.name = doc.text[run[0].idx : head.idx + len(head)]
                m.role = clean_name(doc.text[p.tokens[0].idx : run[0].idx]).strip(" ,") or None
        return True
    return False


def _run_start(head: Token) -> int:
    i = head.i
    while i > 0 and head.doc[i - 1].pos_ == "PROPN" and head.doc[i - 1].dep_ in ("compound", "flat"):
        i -= 1
    return i


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
    kind_noun_source,
    title_of_source,
    appositive_person_source,
    trailing_name_source,
    non_person_name_source,
    camel_case_name_source,
    definite_name_source,
    named_person_source,
    given_name_source,
    titled_name_source,
    title_head_source,
    issued_document_source,
    function_word_name_source,
    plural_description_source,
    party_members_source,
    indefinite_party_member_source,
    unnamed_groups_source,
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
    tokens, head, m.acronym = without_acronym(tokens, head)
    p = make_phrase(tokens, head)
    m.plural = head.tag_ in ("NNS", "NNPS") or p.head_low in lx.PRONOUNS_PLURAL or any(
        t.dep_ == "conj" and t.head.i == head.i for t in p.tokens)
    _type_by_rules(m, p)
    mixed_group_source(m, tokens, head, _type_by_rules)
    return m


def _type_by_rules(m: Mention, p: Phrase) -> None:
    for rule in SOURCE_TYPE_RULES:
        if rule(m, p):
            return
    m.type, m.descriptor = "anonymous", clean_name(p.text)

