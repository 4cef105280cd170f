"""Proper names the small model mistypes, typed by their shape instead.

NER on the small model tags "Rodrigo Duterte" ORG and "The Atlantic" a place or a person;
these families read what the name itself shows (a given name first, an article before a
singular name, capitals around a function word, a bare plural of party members) and are
asked by sources.py among its `SOURCE_TYPE_RULES`. Apart so sources.py stays one screenful
of families per idea.
"""

from __future__ import annotations

from . import lexicon as lx
from .records import Mention
from .referents import kind_type, name_run
from .source_phrase import NAME_PARTICLES, Phrase, clean_name


def given_name_run(p: Phrase) -> str | None:
    """The phrase as a person's full name opening with a given name, whatever NER tags it:
    "Rodrigo Duterte", "Ursula von der Leyen" (two to four capitalized words, particles
    between); None for anything with an organization's or outlet's word in it."""
    toks = [t for t in p.tokens if not t.is_punct or t.text == "-"]
    if not 2 <= len(toks) <= 5 or toks[0].lower_ not in lx.GIVEN_NAMES or not toks[-1].text[:1].isupper() \
            or _plural_word(p) or any(t.pos_ not in ("PROPN", "NOUN", "ADP", "X", "PUNCT") for t in toks):
        return None
    words = {t.lower_ for t in toks}
    if any(not (t.text[:1].isupper() and t.text[1:2].islower() or t.lower_ in NAME_PARTICLES or t.text == "-") for t in toks) \
            or words & (lx.ORG_NAME_ENDS | lx.NON_PERSON_NAME_ENDS | lx.ORGANIZATION_HEADS | lx.MEDIA_HEADS | lx.DEMONYMS
                        | lx.COUNTRIES | lx.NAME_TITLES | lx.TITLE_HEADS) or p.core in lx.COMPANY_NAMES | lx.MEDIA_NAMES:
        return None
    return p.text


def _plural_word(p: Phrase) -> bool:
    return p.head.tag_ in ("NNS", "NNPS") and not p.head.text[:1].isupper()


def given_name_source(m: Mention, p: Phrase) -> bool:
    """A full name opening with a given name is a person though the small model tags it ORG:
    "Rodrigo Duterte said", "Ursula von der Leyen said" ("Goldman Sachs" opens with none)."""
    name = given_name_run(p) if p.head.ent_type_ in ("ORG", "GPE", "NORP", "") else None
    if name is None:
        return False
    m.type, m.name = "person", clean_name(name)
    return True


# Articles of other languages opening a name ("La Liga", "Die Linke", "El Universal"); not "Le",
# which opens surnames ("Le Pen said").
FOREIGN_ARTICLES = frozenset("la el il los las les der die das".split())


def definite_name_source(m: Mention, p: Phrase) -> bool:
    """"The" right before a singular proper name is no person's ("The Atlantic reported",
    "the Hermitage said"), whatever NER tags it: an institution, or an outlet when the name
    says so (earlier families). A title or modifier between ("the Rev. Ana Ruiz", "the
    Brazilian Neymar") or a plural ("the Okafors") is left to the others."""
    toks = [t for t in p.tokens if not t.is_punct]
    foreign = len(toks) == 2 and toks[0].lower_ in FOREIGN_ARTICLES and toks[0].text[:1].isupper()  # "La Liga said"
    if len(toks) < 2 or not (toks[0].lower_ == "the" and toks[0].dep_ == "det" or foreign) or not 1 <= len(toks) - 1 <= 3 or m.plural \
            or p.head.tag_ != "NNP" or p.head.ent_type_ not in ("PERSON", "", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"):
        return False
    rest = toks[1:]
    if len(rest) >= 2 and (p.head.ent_type_ == "PERSON" or rest[0].text.endswith(".")):
        return False  # ("the Rev. Ana Okoro": a title the lists lack, then a name)
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper()  # ("the PM": a title's letters)
               and t.lower_ not in lx.NAME_TITLES | lx.TITLE_HEADS | lx.ROLE_NOUNS for t in rest):
        return False
    m.type, m.name = "organization", clean_name(p.text)
    return True


NAME_FUNCTION_WORDS = frozenset("of for the and without sans de du des la le on in at against &".split())


def function_word_name_source(m: Mention, p: Phrase) -> bool:
    """A name written in capitals around a function word is an organization's, whatever its
    head: "Transport for London said", "Save the Children said", "Doctors Without Borders
    said". Not a description opening a sentence ("Residents of the Gaza Strip said")."""
    toks = [t for t in p.tokens if not t.is_punct]
    if len(toks) < 3 or toks[0].dep_ == "det" or not toks[0].text[:1].isupper() or not toks[-1].text[:1].isupper() \
            or any(t.text.isupper() and len(t) > 3 for t in toks):
        return False
    inner = [t for t in toks[1:-1] if t.lower_ in NAME_FUNCTION_WORDS]
    if not inner or not all(t.text[:1].isupper() or t.lower_ in NAME_FUNCTION_WORDS for t in toks):
        return False
    first = toks[0]
    if (first.is_sent_start and (first.lemma_.lower() in lx.ANONYMOUS_HEADS | lx.PERSON_NOUNS | lx.ROLE_NOUNS
                                 or first.lower_ in lx.ANONYMOUS_HEADS) or first.tag_ in ("NNS", "NNPS")) \
            and not any(t.text[:1].isupper() for t in inner) or toks[-1].i - toks[0].i + 1 != len(toks):
        return False  # (a plural opening the sentence is a description: "Developers in Congress say")
    m.type, m.name = "organization", clean_name(p.text)
    return True


def party_members_source(m: Mention, p: Phrase) -> bool:
    """Party members or a nationality without an article are unnamed people: "Republicans
    said", "Senate Democrats argued", "Some Republicans", "Germans say" (anonymous, like
    "Republican Representatives"); "the Democrats" is the party."""
    head = p.head
    members = p.lemma.rstrip("s") in lx.PARTY_MEMBER_NOUNS | {"tory", "torie"} \
        or head.ent_type_ == "NORP" and head.lower_.endswith("s") and head.text[:1].isupper()  # "Germans", "Hispanics"
    if m.plural and head.tag_ in ("NNS", "NNPS") and members and (not p.words or p.words[0] not in ("the", "these", "those")) \
            and not any(t.dep_ == "conj" for t in p.tokens):
        m.type, m.descriptor = "anonymous", clean_name(p.text)
        return True
    return False


CAMEL_PREFIXES = ("mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "o'", "o’", "d'", "d’", "al-", "el-")


def camel_case_name_source(m: Mention, p: Phrase) -> bool:
    """A one-word name with a capital inside is a company's or a platform's, not a person's:
    "SpaceX said", "BlackRock said", "OpenAI said" ("McDonald", "DeSantis", "O'Neill" are
    surnames: a capital after Mc, De, O' and the like does not count)."""
    toks = [t for t in p.tokens if t.dep_ != "det"]
    if len(toks) != 1 or toks[0].pos_ != "PROPN" or toks[0].ent_type_ in ("GPE", "NORP"):
        return False
    word = toks[0].text
    low = word.lower()
    inner = next((i for i, ch in enumerate(word) if i > 0 and ch.isupper()), None)
    if inner is None or word.isupper() or any(low.startswith(x) and inner == len(x) for x in CAMEL_PREFIXES) \
            or not word[:1].isupper():
        return False
    m.type, m.name = "organization", clean_name(p.text)
    return True


# Kinds of organization that, plural and unnamed, are groups however described (§5: anonymous).
PLURAL_GROUP_HEADS = frozenset("""
group organization organisation company firm state college university school court department agency union
outlet charity campaign committee
""".split())


def unnamed_groups_source(m: Mention, p: Phrase) -> bool:
    """Unnamed organizations in the plural are anonymous, like unnamed people: "Patient
    advocacy groups said", "several states argued", "appeals courts have ruled" (§5: "unnamed
    people or groups, however described"). With "the" they may be the ones named before
    ("The parties" after two named retailers), and a name in the phrase names them."""
    head = p.head
    if not m.plural or head.tag_ != "NNS" or p.lemma not in PLURAL_GROUP_HEADS or p.words[:1] == ["the"] \
            or any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE") for t in p.tokens) or any(t.dep_ == "conj" for t in p.tokens):
        return False
    m.type, m.descriptor = "anonymous", clean_name(p.text)
    return True


def indefinite_party_member_source(m: Mention, p: Phrase) -> bool:
    """One unnamed party member is anonymous: "a Democrat familiar with the talks", "one
    Republican involved in the planning" ("the Ohio Republican" is one identified person)."""
    if m.plural or p.lemma not in lx.PARTY_MEMBER_NOUNS or not p.words or p.words[0] not in ("a", "an", "one", "another"):
        return False
    m.type, m.descriptor = "anonymous", clean_name(p.text)
    return True


def kind_noun_source(m: Mention, p: Phrase) -> bool:
    """A name right after a kind noun of organization or outlet is one, whatever NER tags it:
    "Environmental group Greenpeace said", "state oil company Petrobras said", "Rio daily O
    Globo reported" (a person's kind is left to the title and name families)."""
    head = p.head
    if head.pos_ != "PROPN" or m.plural or any(t.dep_ in ("conj", "cc") for t in p.tokens):
        return False  # (a coordinated phrase is typed by its first conjunct, source_groups.py)
    run = name_run(head)
    ids = {t.i for t in p.tokens}
    before = head.doc[run[0].i - 1] if run[0].i > 0 else None
    if before is None or before.i not in ids or not before.text.islower():
        return False
    kind = kind_type(before)
    if kind not in ("organization", "media"):
        return False
    doc = head.doc
    m.type, m.name = kind, doc.text[run[0].idx : head.idx + len(head)]
    return True
