"""Which verbs are court acts and impeachment: a court declining to hear a case, issuing a
ruling that holds something, ruling X to be Y, impeaching someone for something.

Wire copy credits claims to courts and legislatures through acts, not verbs of saying
(evals/GUIDELINES.md §9.9, §9.10): "the court declined to hear the case", "the court issued
a ruling finding in favor of the Senate", "the act, which the Supreme Court later ruled to
be unconstitutional", "the judge was impeached over bribes paid by a developer". The same verbs
name other things ("refused to leave", "issued passports", "ruled the country"), so each is
a cue only in the shape that makes it the act: the complement it takes. Asked by
act_cues.is_act_cue (LEGAL_SHAPES); legal_acts.py cuts the content of the same shapes;
legal_words.py holds the word lists.

The families kept meet nothing on Wikinews dev or PolNeAR dev (no claim won or lost there);
on Wikinews tune they win four claims. Tried and left out, each costing a false claim on a
dev set and winning none there (numbers are PolNeAR dev linked P and F1, Wikinews dev F1):
filing a lawsuit ("filed the lawsuit against the governor", "Charges were filed against two
guards", "a lawsuit filed by the Senate against X"; 3 claims won on tune, PolNeAR dev 0 true
for 2 false, P .846 -> .845, F1 .6536 -> .6532, without the participle form 0 for 1; PolNeAR
train marks about 2 in 5 of them, and its content is the defendant, not the lawsuit); suing
over a grievance ("sued the paper for defamation"; PolNeAR dev 0 for 1, F1 -> .6534);
directives ("was directing three committees to continue", "instructed officials to close the
schools", "staff were instructed to stay home"; 1 won on tune, PolNeAR dev 0 for 1, F1 ->
.6534); any public refusal ("refused to endorse the nominee", not "declined to comment";
Wikinews dev 0 for 1, F1 .7783 -> .7774, PolNeAR dev 3 for 12, F1 -> .6531).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import legal_words as lw
from .syntax import is_passive, ruling_body_subject


def _prep(tok: Token, words: frozenset[str], after: int) -> Token | None:
    """`tok`'s prepositional phrase with an object, opened by one of `words`, after token `after`."""
    return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in words and c.i > after
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)


def _infinitive(tok: Token, after: int) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > after
                 and any(a.tag_ == "TO" for a in c.children if a.i < c.i)), None)


def court_declined(verb: Token) -> Token | None:
    """"The Supreme Court declined to hear the case", "the judge refused to block the law": a
    court's refusal to take a case is a ruling (§9.10). The infinitive; only with a court, a
    judge or an official body as subject ("she refused to leave" is no act of speech)."""
    if verb.lemma_.lower() not in lw.REFUSING_VERBS:
        return None
    inf = _infinitive(verb, verb.i)
    if inf is None or inf.lemma_.lower() not in lw.COURT_REVIEWS:
        return None
    return inf if ruling_body_subject(verb) else None


def issued_ruling(verb: Token) -> Token | None:
    """"issued a ruling finding in favor of the Senate", "handed down a decision striking down
    the law", "issued an opinion that the ban was lawful": the ruling noun, when what follows
    it says what the ruling holds (a participle, a that-clause, "in favor of", "against"). A
    bare "issued a ruling on Tuesday" states nothing."""
    lemma = verb.lemma_.lower()
    if lemma not in lw.RULING_ISSUERS or lemma == "hand" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    # (the parser may read "a ruling finding ..." as the noun "finding" with "ruling" before it)
    noun = next((t for t in obj.subtree if t.i <= obj.i and t.lower_ in lw.RULING_NOUNS), None)
    if noun is None or noun.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[noun.i + 1]
    holds = nxt.tag_ == "VBG" or nxt.lower_ in ("that", "against") or nxt.i == obj.i and obj.lower_.endswith("ing") \
        or nxt.lower_ == "in" and noun.i + 2 < len(verb.doc) and verb.doc[noun.i + 2].lower_ in ("favor", "favour")
    return noun if holds else None


def ruled_to_be(verb: Token) -> Token | None:
    """"The court ruled the law to be unconstitutional", "the act, which the Supreme Court
    later ruled to be unconstitutional", "a ban the court ruled unlawful": what the ruling
    holds of its object (an object after the verb with a bare predicate is
    position_cues.ruled_predicate). The predicate."""
    if verb.lemma_.lower() != "rule" or is_passive(verb):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    relative = obj is not None and obj.i < verb.i and obj.tag_ in ("WDT", "WP") or obj is None and verb.dep_ == "relcl"
    if obj is None and not relative:
        return None
    after = obj.i if obj is not None and not relative else verb.i
    inf = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > after and c.lemma_.lower() == "be"
                and any(a.tag_ == "TO" for a in c.children)), None)
    if inf is not None:
        return inf
    if relative:
        return next((c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.i > verb.i and c.pos_ == "ADJ"), None)
    return None


def impeached_for(verb: Token) -> Token | None:
    """"The House impeached the president for abuse of power", "the judge was impeached over
    bribes": the charge phrase (not "moved to impeach the judge", nor a bare
    "was impeached in 1868")."""
    if verb.lemma_.lower() not in lw.IMPEACHING_VERBS:
        return None
    if is_passive(verb):
        if not any(c.dep_ == "nsubjpass" and c.tag_ not in ("WDT", "WP") for c in verb.children):
            return None
        return _prep(verb, lw.CHARGE_PREPS, verb.i)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    # (the parser may hang the charge on the object: "impeached the governor for abuse of power")
    return None if obj is None else _prep(verb, lw.CHARGE_PREPS, verb.i) or _prep(obj, lw.CHARGE_PREPS, obj.i)


LEGAL_SHAPES = (court_declined, issued_ruling, ruled_to_be, impeached_for)
