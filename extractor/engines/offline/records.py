"""What the rules find: a source mention and an attribution in the making.

Plain data holders shared by every stage of the engine (sources, content, relays,
quotes, the article walk and the conversion to claims), kept at the bottom of the
import graph so that none of those modules needs another to know their shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...models import Flag

NOUN_CONTENTS = {"noun_content", "object", "said_object", "question"}  # content rules that give a noun phrase


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
    acronym: str | None = None  # "(WHO)" after the name: the article's later "WHO" is the same source


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
    lemma: str = ""  # the cue verb's lemma, for the claim sentence ("saying" -> "said")
    cue_tag: str = ""  # its part-of-speech tag (VBG, VBN, ...)
    sentence: tuple[int, int] | None = None  # the carrier sentence, when the content alone is not one
    passive: bool = False  # the cue is passive ("was described by X"): the sentence turns it active
