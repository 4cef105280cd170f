"""The offline engine: attribution rules over a spaCy dependency parse, walking an article.

No network and no LLM: it finds cue words (say, tell, according to, quoted ... as
saying, learned from, did not rule out ...), takes their subjects as sources and their
clauses as content, then resolves pronoun sources, relays and stance. Every span comes
straight from token offsets into the raw text, so grounding finds them exact.

This module is the walk: paragraph by paragraph, sentence by sentence, it asks each
token whether it is "according to", a cue verb or an echoed view (attributions.py),
carries quotations on (quotes.py), nests relayed attributions (relays.py) and hands the
result to calibration and `to_claim`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span as TokSpan

from ...models import Article, Claim, Region, Source, Span
from ..base import EngineOutput
from . import lexicon as lx
from .according import according_to, per_source
from .attributions import cue_verb, echoed_view
from .calibration import calibrated
from .claims import to_claim
from .continuation import continue_speaker
from .cues import is_cue_verb
from .nlp import ENGINE_VERSION, MODEL_NAME, load_nlp
from .quotes import continue_quotes, extend_with_quotes, find_quotations
from .records import Found
from .relays import nest
from .spans import trim
from .state import ArticleState
from .transcript import transcript_turns
from .unsourced import REPORT_ADVERBS, named_elsewhere, unsourced_hedge
from .syntax import SUBJECT_DEPS


class OfflineEngine:
    """The engine registered as "offline" (`extractor.engines.get_engine`)."""

    name = "offline"
    model = f"{MODEL_NAME}/{ENGINE_VERSION}"
    prompt_version = None

    def __init__(self) -> None:
        self.nlp = load_nlp()

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        paragraphs = [(r, raw[r.start : r.end]) for r in article.body]
        docs = list(self.nlp.pipe([t for _, t in paragraphs]))
        state = ArticleState(raw=raw)
        # Names first, in one pass: a surname in the lede is the full name given further down.
        for (region, _), doc in zip(paragraphs, docs):
            state.learn_names(doc, region.start)
        # Captions give names and titles only, read before the body they precede.
        captions = [(r, raw[r.start : r.end]) for r in article.captions]
        for (region, _), doc in zip(captions, self.nlp.pipe([t for _, t in captions])):
            state.learn_names(doc, region.start)
            state.meet(doc, region.start)
        state.turns = transcript_turns(raw, [r for r, _ in paragraphs], state.people, state.known)
        for (region, text), doc in zip(paragraphs, docs):
            read_paragraph(state, region, text, doc)
        found = state.found
        # The rules say what was claimed; how sure to be of it is learned (calibration.py).
        claims = [calibrated(to_claim(raw, f, state)) for f in found]
        if include_unattributed:
            claims += unattributed(state)
        return EngineOutput(claims=claims)


def read_paragraph(state: ArticleState, region: Region, text: str, doc: Doc) -> None:
    """One paragraph: entities met, a colon cue left open by the last paragraph, each sentence,
    then the quotations that carry on."""
    base = region.start
    quotes = find_quotations(text, base)
    found_before = len(state.found)
    state.meet(doc, base)
    if state.pending_colon is not None:
        f, state.pending_colon = state.pending_colon, None
        q = next(((qs, qe) for qs, qe in quotes if qs - base <= 2), None)
        f.content = trim(state.raw, *(q or (base, base + len(text))), drop_that=False)
        if q:
            f.quote = f.content
            state.last_quote_speaker = f
        state.found.append(f)
    for sent in doc.sents:
        s0 = base + sent.start_char
        state.sentences.append((s0, base + sent.end_char))
        read_sentence(state, sent, base, quotes)
        remember_mentions(state, sent, base, quotes)
    continue_quotes(state, quotes)
    continue_speaker(state, region, text, quotes, found_before)
    state.paragraph_end = region.end


def remember_mentions(state: ArticleState, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> None:
    """Subjects outside quotations are the candidate antecedents of later pronouns."""
    for t in sent:
        if any(qs <= base + t.idx < qe for qs, qe in quotes):
            continue  # "Iraq is in urgent need" inside a quote is not who "it" refers to
        if t.dep_ in SUBJECT_DEPS and t.text.lower() not in lx.PRONOUNS:
            state.remember(t, base)
    state.recent = state.recent[-30:]


def read_sentence(state: ArticleState, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> None:
    """Ask every token for an attribution, then widen, nest and keep what is new."""
    new: list[Found] = []
    for tok in sent:
        f = None
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            f = according_to(state, tok, sent, base)
        elif is_cue_verb(tok):
            if tok.tag_ == "VBG" and tok.lemma_.lower() in lx.SPEECH_AND_ACT_LEMMAS:
                state.cue_participles.append(base + tok.idx)  # (not "speaking to CNN": a channel)
            f = cue_verb(state, tok, sent, base, quotes)
        elif tok.lower_ in lx.PER_WORDS:
            f = per_source(state, tok, sent, base)
        elif tok.lower_ in REPORT_ADVERBS:
            f = unsourced_hedge(state, tok, sent, base, quotes)
        if f:
            new.append(f)
    new += [f for tok in sent if (f := echoed_view(state, tok, new, base))]
    new = [f for f in new if not named_elsewhere(f, new)]  # (a hedge inside a named source's report, unsourced.py)
    for f in new:
        extend_with_quotes(state.raw, f, quotes)
    for f in nest(new):
        # One claim per content; an echo ("..., a demand that Iran echoes") repeats a
        # content for another source.
        if not any(g.content == f.content and (f.how != "echo" or g.source is f.source) for g in state.found):
            state.found.append(f)
            if f.quote:
                state.last_quote_speaker = f


def unattributed(state: ArticleState) -> list[Claim]:
    """Sentences no attribution covers, as unattributed claims (`include_unattributed`)."""
    out = []
    for s, e in state.sentences:
        if any(f.content[0] < e and s < f.content[1] for f in state.found):
            continue
        cs, ce = trim(state.raw, s, e, drop_that=False)
        text = state.raw[cs:ce]
        if len(text.split()) < 5 or text.endswith("?"):
            continue
        out.append(Claim(claim=text, content=Span(text=text, start=cs, end=ce, match="exact"),
                         source=Source(type="unattributed"), confidence=0.5))
    return out

