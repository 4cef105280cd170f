"""From a cue token to an attribution: the three ways a sentence attributes.

The article walk (engine.py) asks each token, in turn, whether it is "according to X",
a cue verb, or a view others echo. A cue verb is read in steps, each a list of rule
families asked in order: guards that rule the cue out (guards.py), the content (content.py), the
quotation before a bare cue, the source (`SOURCE_RULES`), the relays (relays.py) and the
finishing touches that depend on the construction found (`FINISHING_RULES`).

Tried and left out: a clause the parser hung above a cue with a recipient ("with Senator Ruiz
telling reporters on Thursday she viewed ..."), asked when no content rule found anything; it
changed nothing on Wikinews tune, dev or PolNeAR dev.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from spacy.tokens import Span as TokSpan, Token

from ...models import Flag
from . import lexicon as lx
from .content import content_tokens
from .evidence import evidence_source
from .cues import CORE_CUES, cue_extent, is_cue_verb, stance_of
from .guards import CUE_GUARDS
from .content_guards import CONTENT_GUARDS
from .lost_subjects import lost_subject, publisher_of
from .naming_relatives import described_in_relative
from .quotes import quote_before
from .records import Found, Mention
from .relays import RELAY_RULES
from .spans import STRIP_CHARS, tokens_span, trim
from .subjects import find_subject, relative_antecedent, subject_after, subject_before, surface_subject
from .unsourced import agentless_as
from .syntax import agent_capable, asked_passively, inverted_subject_like, own_subject, plainly_passive

VERB_FIRST = re.compile(r"(is|was|are|were|has|have|had|can|could|will|would|should|may|might|must)\b", re.I)


@dataclass
class Reading:
    """A cue verb being read into an attribution; the rule families fill it in."""

    state: Any  # the ArticleState reading the article (state.py)
    verb: Token
    sent: TokSpan
    base: int
    quotes: list[tuple[int, int]]
    toks: list[Token] = field(default_factory=list)
    how: str = ""  # which content rule fired
    cs: int = 0
    ce: int = 0
    subj: Token | None = None
    source: Mention | None = None
    via: list[Mention] = field(default_factory=list)
    cue_tok: Token | None = None  # the cue the span and relays come from ("quoted" for "quoted X as saying")

    @property
    def lemma(self) -> str:
        return self.verb.lemma_.lower()

    def mention(self, tok: Token, participles: bool = True) -> Mention:
        """The source `tok` names (state.py), at this paragraph's offsets."""
        return self.state.mention(tok, self.base, participles=participles)


# ---- echoed views ("according to X" is in according.py) ------------------------------------------------------


def echoed_view(state: Any, verb: Token, new: list[Found], base: int) -> Found | None:
    """'... stated that Iraq does not need foreign forces, a demand that Iran consistently
    echoes': a view noun set off after a reported clause, whose relative clause says who
    else holds it, credits that clause to them too."""
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or noun.lemma_.lower() not in lx.VIEW_NOUNS or noun.i == 0 \
            or noun.doc[noun.left_edge.i - 1].text != ",":
        return None
    if verb.lemma_.lower() not in lx.ECHO_VERBS and not is_cue_verb(verb):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None and not any(c.dep_ == "dobj" for c in verb.children):
        # (the small model may read the relative "that" as a complementizer)
        obj = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    subj = own_subject(verb)
    if obj is None or obj.tag_ not in ("WDT", "WP", "IN") or subj is None or not agent_capable(subj) or subj.i < obj.i:
        return None
    comma = base + noun.doc[noun.left_edge.i - 1].idx
    said = next((f for f in new if not state.raw[f.content[1] : comma].strip(STRIP_CHARS + ".")), None)
    if said is None:
        return None
    cs0, ce0 = cue_extent(verb)
    return Found(content=said.content, cue=(base + cs0, base + ce0), source=state.mention(subj, base),
                 stance=stance_of(verb), confidence=0.6, cue_token=base + verb.idx, how="echo",
                 lemma=verb.lemma_.lower(), cue_tag=verb.tag_)


# ---- a cue verb: guards are in guards.py (CUE_GUARDS) ----------------------------------------


# ---- a cue verb: the content span ---------------------------------------------------------------


def quotation_before(r: Reading) -> bool:
    """'"... are missing." Trump said.': the quotation just before a bare cue sentence,
    when no content rule found anything. The cue must not have a complement of its own
    after it; what the parser hung on it from inside the quotation ('"Austin," he
    answered') and the person told ('"...," the actor told a radio station', '"...," he
    urged them') do not count."""
    verb, base, quotes = r.verb, r.base, r.quotes
    # (the parser may hang the quotation itself on the subject: skip quoted words)
    cue_start = min([verb.idx] + [t.idx for t in (find_subject(verb) or verb).subtree if t.i < verb.i
                                  and not t.is_punct and not any(qs <= base + t.idx < qe for qs, qe in quotes)])
    q = quote_before(r.state.raw, base + cue_start, quotes)
    if q is None or any(t.i > verb.i and (t.dep_ in ("ccomp", "xcomp") or t.dep_ == "dobj"
                                          and r.lemma not in lx.RECIPIENT_VERBS) for t in verb.children):
        return False
    r.toks, r.how = [verb], "before"
    r.cs, r.ce = trim(r.state.raw, *q, drop_that=False)
    return True


def content_span(r: Reading) -> bool:
    """Turn the content tokens into a trimmed span; False when there is no content."""
    raw, base = r.state.raw, r.base
    if not r.toks:
        if not quotation_before(r):
            return False
    elif r.how == "next_paragraph":
        r.cs, r.ce = base + r.toks[0].idx, base + r.toks[0].idx + 3  # placeholder until that paragraph is read
    else:
        span = tokens_span(r.toks)
        r.cs, r.ce = trim(raw, base + span[0], base + span[1])  # type: ignore[index]
    # "which she said is far from settled": the subject is outside
    return not (r.ce - r.cs < (2 if r.how == "said_object" else 3)
                or (r.how in ("clause", "trailing") and VERB_FIRST.match(raw[r.cs : r.ce])))


# ---- a cue verb: the source ------------------------------------------------------------------
# Each returns None when the construction is not there, else whether the cue is an
# attribution (with r.source set).


def quoted_as_saying(r: Reading) -> bool | None:
    """"X quoted Y as saying ...": Y is the source, X the relay."""
    verb = r.verb
    if not (r.lemma == "quote" or (verb.dep_ == "pcomp" and verb.head.lower_ == "as")):
        return None
    quoted = verb if r.lemma == "quote" else verb.head.head
    obj = next((c for c in quoted.children if c.dep_ == "dobj"), None)
    rel = next((c for c in quoted.children if c.dep_ == "nsubj"), None)
    if obj is None or quoted.lemma_.lower() != "quote":
        return False
    r.source = r.mention(obj)
    if rel is not None:
        r.via.append(r.mention(rel))
    r.cue_tok = quoted
    return True


def learned_from(r: Reading) -> bool | None:
    """"widely informed sources ... Asharq Al-Awsat learned from": the one learned from is
    the source, the learner the relay."""
    if r.lemma != "learn":
        return None
    frm = next((c for c in r.verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    pobj = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
    if pobj is None:
        return False
    r.source = r.mention(pobj)
    if r.subj is not None:
        r.via.append(r.mention(r.subj))
    return True


def agentless_passive(r: Reading) -> bool:
    """"It was revealed that ...", "Asked whether ...": an attribution whose source is not
    given. "They had been blamed for previous attacks": someone unnamed holds that they did
    it; the whole clause is the claim, the cue its passive verb."""
    verb = r.verb
    expletive = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if r.lemma in lx.AGENTLESS_CUES and patient is not None and not expletive and r.how != "question" \
            and patient.tag_ not in ("WDT", "WP") and plainly_passive(verb):
        own = [t for t in verb.subtree if not (t.i > verb.i and t.is_punct and t.i == verb.right_edge.i)]
        r.cs, r.ce = trim(r.state.raw, r.base + own[0].idx, r.base + own[-1].idx + len(own[-1]), drop_that=False)
        r.how = "agentless"
    elif not (expletive and r.how == "clause" or r.how == "question"):
        return False
    r.subj = None
    return True


def subject_source(r: Reading) -> bool:
    """The subject (or agent) speaks: "The mayor said ...", "Barkley, who said ..."."""
    verb, lemma, subj = r.verb, r.lemma, r.subj
    relative = subj if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else None
    publisher = publisher_of(relative, verb) if relative is not None else None  # (lost_subjects.py)
    if publisher is not None:
        subj, relative = publisher, None
    if relative is not None:
        subj = relative_antecedent(relative, verb)  # (subjects.py)
    # A surname met before as a full name is a person even when the small model
    # tags it as a common noun ("Ortiz responded").
    # Any noun may be the subject of a verb of speaking ("the challenger
    # complained"); other cues need a subject that can hold a view ("the results
    # confirmed", "the strike threatened" are not attributions).
    speech_subject = lemma in lx.UTTERANCE_VERBS and subj.pos_ in ("NOUN", "PROPN") or poll_share(subj)
    if lemma not in CORE_CUES and not agent_capable(subj) and subj.lower_ not in r.state.people and not speech_subject \
            and not evidence_source(subj, lemma):  # ("the NHC advisory indicated", evidence.py)
        return False
    # "protesters saying ...": the participle is not part of its own source.
    # (and a source phrase never holds its own cue: "Hispanics telling ... and criticizing X")
    source = r.mention(subj, participles=not (verb.dep_ == "acl" and subj.i == verb.head.i or verb in list(subj.subtree)))
    if relative is not None:
        # "Barkley, who said ...": the mention is "who", the source is Barkley.
        source = Mention(start=r.base + relative.idx, end=r.base + relative.idx + len(relative),
                         text=relative.text, head=relative, name=source.name, type=source.type,
                         descriptor=source.descriptor, role=source.role, plural=source.plural,
                         resolved_from=relative.text)
    r.subj, r.source = subj, source
    return True


POLL_SHARES = frozenset("percent % half majority majorities plurality third thirds quarter quarters fifth fifths".split())


def poll_share(subj: Token) -> bool:
    """"Among independents, 64 percent call him competent", "a majority describe the plan as
    unfair": a share of those polled speaks for them, whatever the cue."""
    return subj.lower_ in POLL_SHARES and any(t.like_num or t.lower_ in ("a", "half", "the") for t in subj.subtree if t.i <= subj.i) \
        or subj.lower_ in ("half", "majority", "plurality")


def subject_or_agent(r: Reading) -> bool | None:
    """Any other cue: the agent of a passive ("was first reported by Bloomberg"), an
    agentless passive, an inverted subject ("..., reported the New York Times"), or the
    subject."""
    verb = r.verb
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN" and agent is not None
    if r.how == "question" and asked_passively(verb):
        passive = True
    if agent is not None:
        r.subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    elif passive and not agentless_passive(r):
        return False
    if own_subject(verb) is None and not passive and r.how == "trailing":
        # "..., reported the New York Times": spaCy often reads the inverted subject as an object.
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
        if obj is not None and inverted_subject_like(obj):
            r.subj = obj
    if r.subj is not None:
        return subject_source(r)
    return passive


SOURCE_RULES: tuple[Callable[[Reading], bool | None], ...] = (quoted_as_saying, learned_from, agentless_as, subject_or_agent)


def find_source(r: Reading) -> bool:
    """Find the subject the parse offers, then ask `SOURCE_RULES` who the source is."""
    r.subj = surface_subject(r.verb, r.sent) if r.how == "surface" else find_subject(r.verb)
    if r.subj is None and r.how == "inverted":
        r.subj = subject_after(r.verb)
    if r.subj is None and r.how in ("clause", "colon", "said_object", "inverted"):
        r.subj = subject_before(r.verb, r.sent)
    if r.subj is None:
        r.subj = lost_subject(r.verb, r.sent)  # (lost_subjects.py: the parser hung the speaker elsewhere)
        start = r.base + r.subj.left_edge.idx if r.subj is not None else r.ce
        if r.cs < start < r.ce:  # ("..., Patrick Ruiz, the undersecretary, wrote": not part of what he wrote)
            r.cs, r.ce = trim(r.state.raw, r.cs, start)
    r.cue_tok = r.verb
    for rule in SOURCE_RULES:
        verdict = rule(r)
        if verdict is not None:
            return verdict
    return False


# ---- a cue verb: finishing touches by construction ----------------------------------------


def trailing_scope(r: Reading, f: Found) -> None:
    """'The ceasefire would ..., two politicians said': everything before the cue is what
    they report (an attribution inside it is relayed by them)."""
    if r.how in ("trailing", "inverted"):
        s0 = r.base + r.sent.start_char
        source = r.source
        f.scope = (s0, min([f.cue[0]] + ([source.start] if source is not None and source.start > s0 else [])))  # type: ignore[index]


def relative_pieces(r: Reading, f: Found) -> None:
    """"a wall, which he said Mexico should pay for": "which" and the clause after the cue."""
    if r.how == "relative":
        verb, base = r.verb, r.base
        after_cue = base + verb.idx + len(verb)
        f.pieces = [(r.cs, base + verb.left_edge.idx + len(verb.left_edge)), trim(r.state.raw, after_cue, r.ce)]


def relative_object_pieces(r: Reading, f: Found) -> None:
    """"a rocket strike ..., which Israel blamed on Hezbollah": the antecedent, then the
    phrase after the cue."""
    if r.how == "relative_object":
        verb, base, raw = r.verb, r.base, r.state.raw
        f.pieces = [trim(raw, r.cs, base + verb.left_edge.idx), trim(raw, base + verb.idx + len(verb), r.ce, drop_that=False)]


def interrupted_pieces(r: Reading, f: Found) -> None:
    """"In the long run, several engineers said, the repairs ...": both sides of the cue are
    the content; the pieces go in `fragments`."""
    verb, base = r.verb, r.base
    right_side = [t for t in r.toks if t.i > verb.i]
    if r.how in ("parenthetical", "trailing") and right_side and r.cs < base + verb.left_edge.idx < r.ce:
        right_start = base + min(t.idx for t in right_side)
        f.pieces = [trim(r.state.raw, r.cs, base + verb.left_edge.idx), trim(r.state.raw, right_start, r.ce)]
    elif r.how == "inverted" and right_side:  # "X, he said, because Y" (content.goes_on_after_cue)
        inside = {t.i for t in r.toks}
        cue_left = min(t.idx for t in verb.subtree if t.i not in inside and not t.is_punct)
        f.pieces = [trim(r.state.raw, r.cs, base + cue_left), trim(r.state.raw, base + min(t.idx for t in right_side), r.ce)]


def quotation_after_colon(r: Reading, f: Found) -> None:
    """'told Reuters: "..."': a quotation right after the colon is the whole content."""
    if r.how == "colon":
        q = next(((qs, qe) for qs, qe in r.quotes if r.cs - 2 <= qs <= r.cs + 1), None)
        if q:
            f.content = trim(r.state.raw, *q, drop_that=False)


def weaker_constructions(r: Reading, f: Found) -> None:
    """Trailing cues ("..., officials said"), speech-act objects ("urged restraint") and
    surface subjects ("..., Asharq Al-Awsat learned from") are less often right."""
    if r.how in ("trailing", "object", "surface"):
        f.confidence -= 0.1


def source_flags(r: Reading, f: Found) -> None:
    """No source ("it was revealed"), or a pronoun source with no antecedent found."""
    source = r.source
    if source is None:
        f.flags.append(Flag(code="no_source", message="The cue names no source (e.g. a passive 'it was revealed')."))
    elif source.head is not None and source.head.text.lower() in lx.PRONOUNS:
        if source.resolved_from is None:
            f.flags.append(Flag(code="unresolved_pronoun", message=f"The source is the pronoun {source.text!r}; no antecedent was found."))
        else:
            f.confidence -= 0.1


FINISHING_RULES: tuple[Callable[[Reading, Found], None], ...] = (
    trailing_scope, relative_pieces, relative_object_pieces, interrupted_pieces, quotation_after_colon,
    weaker_constructions, source_flags,
)


def cue_verb(state: Any, verb: Token, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> Found | None:
    """Read a cue verb into an attribution, or None. A cue ending its paragraph with ":" is
    held in `state.pending_colon` until the next paragraph gives its content."""
    r = Reading(state=state, verb=verb, sent=sent, base=base, quotes=quotes)
    if any(guard(r) for guard in CUE_GUARDS):
        return None
    # ("what the agency declared a pandemic": the relative's own phrase, naming_relatives.py)
    r.toks, r.how = described_in_relative(verb) or content_tokens(verb, sent)
    if r.lemma in lx.PREP_CUE_VERBS and r.how != "object":
        return None  # "while the government is pushing to ...": only "pushing for X" is a position
    if not content_span(r) or not find_source(r) or any(guard(r) for guard in CONTENT_GUARDS):
        return None
    cue_tok: Token = r.cue_tok  # type: ignore[assignment]  (find_source sets it)
    # Relays: "told Reuters", "revealed to the agency", "in a statement to Reuters", "through X".
    for c in cue_tok.children:
        for relay in RELAY_RULES:
            r.via += relay(r.lemma, c, r.mention)
    cs0, ce0 = cue_extent(cue_tok)
    strong = r.lemma in lx.SPEECH_VERBS or r.lemma in ("tell", "learn", "quote")
    f = Found(content=(r.cs, r.ce), cue=(base + cs0, base + ce0), source=r.source, via=r.via, stance=stance_of(verb),
              confidence=0.9 if strong else 0.7, cue_token=base + cue_tok.idx)
    f.how, f.lemma, f.cue_tag = r.how, cue_tok.lemma_.lower(), cue_tok.tag_
    f.passive = any(c.dep_ in ("auxpass", "agent") for c in cue_tok.children) or cue_tok.tag_ == "VBN" and cue_tok.dep_ == "acl"
    f.denial = r.lemma in lx.DENIAL_VERBS and f.stance == "denied"
    if r.how == "next_paragraph":
        state.pending_colon = f
        return None
    for finish in FINISHING_RULES:
        finish(r, f)
    return f
