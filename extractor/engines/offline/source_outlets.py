"""Outlets and the people and documents around them, as source types.

An outlet's name anywhere in a source phrase does not make it media: "ABC moderator David
Muir" is a person of the outlet (evals/GUIDELINES.md 9.7), "a copy of the memo seen by
Reuters" is the memo's issuer's, "the agency" is a government agency unless it says news.
These families settle those before the phrase is taken for the outlet itself.
"""

from __future__ import annotations

from . import lexicon as lx
from .records import Mention
from .source_phrase import Phrase, clean_name, mentions_outlet, person_name, proper_run


def outlet_staff(p: Phrase) -> bool:
    """A person the phrase names by the outlet they work for: "ABC moderator David Muir",
    "the Post's Ana Ruiz", "Joel Ames of the Daily Ledger" (evals/GUIDELINES.md 9.7: a person
    with the outlet in the role). The head is the person; an outlet named by the head itself
    ("Bloomberg", "Breitbart News") is the outlet."""
    head = p.head
    run = _name_before(head)
    if len(run) >= 2 and run[0].i > 0 and head.doc[run[0].i - 1].lemma_.lower() in _STAFF_WORDS \
            or len(run) >= 2 and run[0].lower_ in lx.GIVEN_NAMES and " ".join(t.lower_ for t in run) not in lx.MEDIA_NAMES:
        return True  # "Fox News host Sean Hannity" (all tagged ORG), "Michael Bloomberg", "Mayor Don Guardian"
    if head.lower_ in lx.MEDIA_HEADS | lx.OUTLET_NOUNS | lx.ORG_NAME_ENDS | lx.NON_PERSON_NAME_ENDS:
        return False
    if head.lemma_.lower() in lx.OUTLET_STAFF | lx.TITLE_HEADS | lx.ROLE_NOUNS and head.text.islower():
        return True  # ("The Independent Vermont senator": a person, the outlet's name a coincidence)  # ("a Reuters reporter" is an unnamed one: anonymous, below)
    if head.tag_ in ("NNS", "NNPS"):
        return False
    run = proper_run(head) if head.pos_ == "PROPN" else head.text
    if run.lower() in lx.MEDIA_NAMES or mentions_outlet(run.lower(), run):
        return False
    if head.ent_type_ == "PERSON":
        return True
    # "The Washington Post's Ana Ruiz" (all of it tagged ORG), "Ana Ruiz of the Daily Ledger"
    owners = [c for c in head.children if c.dep_ == "poss"] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "NORP", "FAC") and any(
        mentions_outlet(" ".join(t.lower_ for t in o.subtree), " ".join(t.text for t in o.subtree)) for o in owners)


_STAFF_WORDS = lx.OUTLET_STAFF | lx.TITLE_HEADS | lx.NAME_TITLES | lx.ROLE_NOUNS


def _name_before(head):
    """The capitalized proper nouns ending at the head: "Sean Hannity" in "Fox News host Sean Hannity"."""
    doc, i = head.doc, head.i
    if head.pos_ != "PROPN":
        return []
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() and doc[i - 1].lemma_.lower() not in _STAFF_WORDS:
        i -= 1
    return list(doc[i : head.i + 1])


def document_of_issuer(p: Phrase) -> bool:
    """A document or tally is typed by its issuer (evals/GUIDELINES.md 9.7), not by an outlet
    named anywhere in it: "a copy of the memo seen by Reuters", "an email from the union's
    president obtained by the Post" (the issuer rule below types "a CNN poll" as the outlet's)."""
    return (p.lemma in lx.ISSUED_HEADS or p.head_low in lx.ISSUED_HEADS or p.lemma == "copy") \
        and p.head.lower_ not in lx.MEDIA_HEADS and not p.head.text[:1].isupper()


def news_agency_alone(p: Phrase) -> bool:
    """"The agency said": a government agency unless the phrase says news ("news agency")."""
    return p.head_low in ("agency", "agencies") and not lx.NEWS_AGENCY_MARKERS & set(p.words) \
        and not mentions_outlet(p.low.replace(" agency", ""), p.text)  # ("Anadolu Agency": an outlet's own name)


def media_source(m: Mention, p: Phrase) -> bool:
    """An outlet: "Reuters reported", "Lebanon's Al-Manar TV", "the newspaper said"."""
    words = p.words
    if outlet_staff(p) or news_agency_alone(p) or document_of_issuer(p):
        return False
    if p.core in lx.MEDIA_NAMES or mentions_outlet(p.low, p.text) or (
        words and words[-1] in lx.MEDIA_HEADS and p.head_low in lx.MEDIA_HEADS and not {"office", "ministry"} & set(words)
    ):
        m.type, m.name = "media", clean_name(p.text)
        return True
    return False


def named_outlet_source(m: Mention, p: Phrase) -> bool:
    """An outlet word, then the outlet's proper name: "Russian daily Kommersant", "the
    newspaper El País", "news agency Interfax", "Radio Free Europe". The name is the
    proper nouns after the outlet word ("Agency chief Ana Ruiz" has a title between: no).
    An agency, channel or station is an outlet only with a news word before it: "the UN
    refugee agency UNHCR" is a government's agency."""
    toks = [t for t in p.full if t.dep_ != "det" and not t.is_punct]
    for k, t in enumerate(toks[:-1]):
        if t.lower_ in lx.OUTLET_NOUNS and (t.lower_ not in lx.OUTLET_KIND_IF_NEWS or lx.NEWS_WORDS & {x.lower_ for x in toks[:k]}) \
                and all(x.pos_ == "PROPN" and x.lower_ not in lx.NAME_TITLES | lx.TITLE_HEADS
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
    m.type, m.name = "media", clean_name(p.text)
    return True


def outlet_staff_source(m: Mention, p: Phrase) -> bool:
    """A named person given by their outlet: "The Washington Post's Ana Ruiz", "Ana Ruiz of
    the Daily Ledger" (the model may tag it all ORG); the outlet goes to the role."""
    head = p.head
    if head.pos_ != "PROPN" or head.lemma_.lower() in lx.OUTLET_STAFF or not mentions_outlet(p.low, p.text) \
            or not outlet_staff(p):
        return False
    name = person_name(p.tokens) or proper_run(head)
    m.type, m.name = "person", name
    role = p.text[: p.text.rfind(name)].strip(" ,") if name in p.text else ""
    m.role = clean_name(role) or None
    if not m.role:
        after = [t for t in p.tokens if t.i > head.i]
        m.role = clean_name(head.doc.text[after[0].idx : after[-1].idx + len(after[-1])]) if after else None
    return True

