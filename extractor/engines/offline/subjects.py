"""Who speaks: the subject or agent of a cue, found through the parse's detours.

`find_subject` climbs from a cue to the subject it shares with the verb it hangs off
("... and says he introduced", "a statement saying ..."); `surface_subject` and
`subject_after` recover a subject the parser lost. The cue reading (attributions.py)
asks these, then turns the token into a source with sources.py.

Tried and left out: the giver of a spoken occasion as the speaker of its participle
("delivered a speech declaring ...", "gave an interview saying ...", "held a press conference
announcing ...", beside the message nouns): Wikinews tune +0.0015 F1, dev and PolNeAR dev
unchanged. The passive subject for a participle of a passive verb too ("was heard on a
microphone telling X to go home"): no change on Wikinews dev or PolNeAR dev, one more false
claim on Wikinews tune. Widening `speaker_inside_own_report` to conjunct chains ("sit ... and
tell ... and tells") and to the tense of an auxiliary ("did say ... and called") changed
nothing on the gold sets.
"""

from __future__ import annotations

from spacy.tokens import Span as TokSpan, Token

from . import lexicon as lx
from .cues import is_cue_verb
from .shared_speaker import hung_cue_speaker, speaker_inside_own_report
from .syntax import INHERIT_DEPS, NP_POS, agent_capable, own_subject


def find_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it hangs off."""
    shared = hung_cue_speaker(verb, find_subject)  # (shared_speaker.py: "X said he ..., adding ...")
    if shared is not None:
        return shared
    outer, inner = verb.head.head, verb.head
    if verb.dep_ in ("conj", "advcl") and own_subject(verb) is None and inner.dep_ == "ccomp" and is_cue_verb(outer) \
            and outer.i < inner.i and (verb.dep_ == "conj" and verb.tag_ == outer.tag_ != inner.tag_
                                       or own_subject(inner) is not None and not agent_capable(own_subject(inner))):
        # "He says the response was X and says he introduced ...", "says the goal is X, but
        # conceded ...", "insisted it was premature ... while adding ...": the second cue goes
        # with the first, though the parser hung it inside the reported clause.
        return find_subject(outer)
    seen = 0
    v = verb
    step = ""
    while v is not None and seen < 4:
        subject = own_subject(v)
        if subject is None and step == "conj":
            subject = shared_passive_subject(v, verb)
        if subject is not None and seen and not agent_capable(subject) and v.dep_ == "ccomp" and verb.tag_ == "VBG":
            # "Israel said the rocket was ..., placing the blame on X": the participle was
            # hung on the reported clause; the one who said it did the placing.
            subject = None
        if subject is not None and seen and speaker_inside_own_report(verb, v, subject):
            subject = None  # (climb on to the speaker of the report)
        if subject is not None:
            return subject
        if (v.dep_ in INHERIT_DEPS or v.dep_ == "ccomp" and seen) and v.head is not v:
            step = v.dep_
            v = v.head
            if v.dep_ == "prep":  # "as saying"
                v = v.head
            elif v.dep_ == "acomp" and v.head is not v:  # "riders were more likely to say ..."
                v = v.head
            seen += 1
            continue
        carrier = v.head
        if v.dep_ == "acl" and v.tag_ == "VBG" and carrier.dep_ == "dobj" and carrier.lemma_.lower() in lx.MESSAGE_NOUNS \
                and carrier.head.lemma_.lower() in lx.PUBLISH_VERBS and own_subject(carrier.head) is not None:
            # "The league issued a statement saying ...": who issued the message says it.
            return own_subject(carrier.head)
        if v.dep_ == "acl" and v.tag_ == "VBG" and carrier.dep_ == "pobj" and carrier.head.lower_ in ("on", "in", "at", "during") \
                and carrier.head.head.pos_ in ("VERB", "AUX") \
                and carrier.lemma_.lower() not in lx.WRITTEN_NOUNS:
            # "criticized the plan on the 'Evening Hour,' calling it ...": not the show, who spoke on it
            return find_subject(carrier.head.head)
        if v.dep_ == "acl" and v.tag_ == "VBG" and carrier.dep_ in ("dobj", "dative") \
                and carrier.head.lemma_.lower() in lx.SENDING_VERBS and own_subject(carrier.head) is not None:
            # "The governor emailed donors saying ...": the sender says it, not the addressees.
            return own_subject(carrier.head)
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN") and agent_capable(v.head) \
                and v.head.lemma_.lower() not in lx.DOCUMENT_HEADS:
            # "protesters saying the vote was stolen": the participle's noun speaks (but
            # "a letter asking X to ..." gives the terms of a document, not a speech act).
            return v.head
        break
    return None


def shared_passive_subject(first: Token, verb: Token) -> Token | None:
    """"The mayor was asked about the fire and said it was under control", "The coach was
    fired on Monday and later told reporters that ...": an active cue joined to a passive verb
    shares its subject, the passive one (who was asked is who said). Not an expletive ("It was
    reported ... and said") or a relative pronoun, and not when the cue is passive itself."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    patient = next((c for c in first.children if c.dep_ == "nsubjpass" and c.i < first.i), None)
    if patient is None or patient.lower_ in ("it", "there") or patient.tag_ in ("WDT", "WP"):
        return None
    return patient


def surface_subject(verb: Token, sent: TokSpan) -> Token | None:
    """'..., Asharq Al-Awsat learned from ...' when the parser got the clause wrong:
    a comma, then only noun-phrase words, then the cue. Returns the phrase's head."""
    i = verb.i - 1
    while i > sent.start and verb.i - i <= 8 and verb.doc[i].text != ",":
        if verb.doc[i].pos_ not in NP_POS:
            return None
        i -= 1
    if i <= sent.start or verb.doc[i].text != "," or i + 1 >= verb.i:
        return None
    if sent.end - verb.i > 10:
        return None  # the cue must close the sentence: "..., X said on Monday."
    words = [t for t in verb.doc[i + 1 : verb.i] if not t.is_punct]
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if nouns and agent_capable(nouns[-1]) else None


def subject_after(verb: Token) -> Token | None:
    """'"...," said Robin Maynard, half joking': the name right after an inverted cue,
    when the parser hung it elsewhere."""
    doc, last = verb.doc, None
    for t in doc[verb.i + 1 : min(len(doc), verb.i + 8)]:
        if t.pos_ in ("PROPN", "NOUN"):
            last = t
        elif t.pos_ in ("DET", "ADJ", "NUM") or t.text in ("-", "."):
            if last is not None:
                break
        else:
            break
    return last


FINITE_TAGS = ("VBD", "VBZ", "VBP")


def in_ratio(tok: Token) -> bool:
    """The "in" of "4 in 10", "out of" of "four out of 10": a poll's share is one phrase."""
    doc = tok.doc
    return tok.lower_ in ("in", "of", "out") and 0 < tok.i < len(doc) - 1 and any(
        t.like_num or t.lower_ in ("of", "out") for t in (doc[tok.i - 1], doc[tok.i + 1])) and tok.dep_ != "prep" or tok.dep_ == "quantmod"


def subject_before(verb: Token, sent: TokSpan) -> Token | None:
    """The noun phrase right before a finite cue that the parser left without a subject:
    "About 4 in 10 say ..." (the number hung on the verb), "Sen. Ana Ruiz (D-Ohio) said ...",
    "Jolly said ..." (a surname read as an adverb). The phrase must open its sentence or
    follow a comma or a closing quote ('..." Vance notes.'), and run straight into the cue (a
    parenthesis between is skipped)."""
    doc = verb.doc
    if verb.tag_ not in FINITE_TAGS or any(c.dep_ in ("auxpass", "nsubjpass", "expl") for c in verb.children):
        return None
    i = verb.i - 1
    if i >= sent.start and doc[i].text == ")":
        while i >= sent.start and doc[i].text != "(":
            i -= 1
        i -= 1
    words = []
    while i >= sent.start and verb.i - i <= 10 and doc[i].text not in (",", ";", ":", "—", "–") \
            and (doc[i].pos_ in NP_POS and not doc[i].is_punct or doc[i].text in ("-", "'s", "’s", ".") or in_ratio(doc[i])):
        words.append(doc[i])
        i -= 1
    if not words or not (i < sent.start or doc[i].text == "," or doc[i].is_quote):
        return None
    if words[-1].i == sent.start and words[-1].pos_ in ("ADV", "ADJ") and words[-1].text[:1].isupper() and len(words) == 1:
        return words[-1]  # "Jolly said": a capitalized word opening the sentence, read as an adverb
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
    if not heads:
        return None
    head = heads[0]  # the nearest to the cue
    return head if agent_capable(head) or head.pos_ == "NUM" else None


def comma_antecedent(relative: Token) -> Token | None:
    """The noun a relative pronoun after a comma stands for: "according to police, who said";
    None when `relative` is no relative pronoun or no speaking noun stands before ", who"."""
    doc, i = relative.doc, relative.i - 1
    if relative.tag_ not in ("WP", "WDT") or relative.lower_ not in ("who", "which") or i < 1 or doc[i].text != ",":
        return None
    prev = doc[i - 1]
    while prev.dep_ == "compound" and relative.i > prev.head.i > prev.i:
        prev = prev.head
    # ("who" stands for people, so any noun does: "firefighters, who said"; "which" must be able to speak)
    return prev if prev.pos_ in ("NOUN", "PROPN") and (relative.lower_ == "who" or agent_capable(prev)) else None


def relative_antecedent(relative: Token, verb: Token) -> Token:
    """Who a relative pronoun source stands for: ", according to police, who said ..." is
    the police, though the small model may hang the clause on an earlier noun ("The shooting
    began ..., according to police, who said"). The noun just before ", who" wins when the
    parser's noun cannot speak and that one can."""
    head = verb.head
    if agent_capable(head):
        return head
    return comma_antecedent(relative) or head
