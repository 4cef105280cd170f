"""The contract between pipeline stages, and the output contract users rely on.

load -> clean/split -> engine -> grounding -> output. Every stage takes and returns
these models, so a stage can be swapped (offline vs LLM engine) without the others
noticing. Offsets always index the raw input text as read, in Python code points.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Match = Literal["exact", "normalized", "fuzzy", "unverified"]
SourceType = Literal["person", "organization", "media", "anonymous", "unattributed"]
Stance = Literal["asserted", "denied", "hedged"]

SCHEMA_VERSION = "1"


class Region(BaseModel):
    """A half-open [start, end) range of the raw text."""

    start: int
    end: int


class Span(BaseModel):
    """A verbatim piece of the article. For `exact` matches raw[start:end] == text.

    `normalized` and `fuzzy` spans point at the raw text that matched; `text` keeps what
    the engine proposed so a reviewer can compare. `unverified` spans have no offsets.
    """

    text: str
    start: int | None = None
    end: int | None = None
    match: Match = "unverified"

    @property
    def located(self) -> bool:
        return self.start is not None and self.end is not None


class Flag(BaseModel):
    """A reason a person may want to look at something. `code` is stable, `message` is prose."""

    code: str
    message: str


class Relay(BaseModel):
    """Who carried the claim between the source and the article ("told Reuters")."""

    mention: Span | None = None
    name: str | None = None
    type: SourceType = "media"


class Source(BaseModel):
    mention: Span | None = None
    name: str | None = None
    type: SourceType = "unattributed"
    descriptor: str | None = None
    role: str | None = None


class Claim(BaseModel):
    claim: str
    content: Span
    quote: Span | None = None
    cue: Span | None = None
    source: Source = Field(default_factory=Source)
    via: list[Relay] = Field(default_factory=list)
    stance: Stance = "asserted"
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    flags: list[Flag] = Field(default_factory=list)
    # Pieces of a discontinuous field (a quote interrupted by "he said"), by field name
    # ("content", "quote", "cue", "source"); the field's own span covers all its pieces.
    fragments: dict[str, list[Span]] | None = None

    def spans(self) -> list[tuple[str, Span]]:
        """Every verbatim field, named, for grounding, scoring and highlighting."""
        out: list[tuple[str, Span]] = [("content", self.content)]
        if self.quote:
            out.append(("quote", self.quote))
        if self.cue:
            out.append(("cue", self.cue))
        if self.source.mention:
            out.append(("source", self.source.mention))
        out.extend(("via", r.mention) for r in self.via if r.mention)
        return out


class Usage(BaseModel):
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0

    def add(self, other: "Usage") -> "Usage":
        return Usage(
            requests=self.requests + other.requests,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cost_usd=self.cost_usd + other.cost_usd,
        )


class DocumentResult(BaseModel):
    """One article's output: one JSON line of `extractor extract`."""

    model_config = ConfigDict(extra="allow")

    doc_id: str
    input_id: str
    source_file: str | None = None
    span: Region | None = None
    title: str | None = None
    engine: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    claims: list[Claim] = Field(default_factory=list)
    errors: list[Flag] = Field(default_factory=list)
    usage: Usage | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


# ---- internal stage contracts -------------------------------------------------------


class RawInput(BaseModel):
    """One text as read from disk or stdin, before cleaning. `text` is the coordinate system."""

    input_id: str
    source_file: str | None = None
    text: str = ""
    metadata: dict[str, Any] = Field(default_factory=dict)
    error: Flag | None = None


class Article(BaseModel):
    """One article found inside a RawInput. Cleaning selects regions; it never rewrites text."""

    doc_id: str
    input_id: str
    source_file: str | None = None
    span: Region
    title: str | None = None
    title_span: Region | None = None
    # Paragraphs the engines may read: no captions, repeated headlines or page chrome.
    body: list[Region] = Field(default_factory=list)
    # Photo captions left out of the body, each text once: no claims are read from them, but
    # the title and name they pair ("Head of Iran's Quds Force Esmail Ghaani.") introduce a
    # person the body may call only by the title.
    captions: list[Region] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(default_factory=dict)
