"""What the LLM answers, and the checks that make it correct itself.

This schema is what the model fills in; it differs from the output contract
(`models.Claim`) on purpose: the model gives verbatim strings only, never offsets, and
grounding later pins them. The field validators receive the article through
instructor's validation context (`{"article": ...}`, `"article_norm"` added lazily) and reject a
verbatim string that is not in the article, with a message that says exactly what to
fix; instructor then re-asks. Without a context (the lenient parse of a last answer
that still failed) the validators stand aside, and grounding flags what is not found.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ...grounding import normalize_text
from ...models import Claim, Flag, Relay, Source, SourceType, Span, Stance

log = logging.getLogger(__package__)
_ENUMS = {"source_type", "stance", "type"}


def coerce_slips(item: Any) -> Any:
    """Harmless type slips fixed before validation, each logged: a number as a string
    ("0.9"), null for a list (`"relays": null`), an enum value's case ("Person"). A
    re-ask for these costs a request and can end in a dropped claim whose spans were right."""
    if not isinstance(item, dict):
        return item
    out = dict(item)
    for key, value in item.items():
        if key == "confidence" and isinstance(value, str):
            try:
                out[key] = float(value.strip().rstrip("%")) / (100 if value.strip().endswith("%") else 1)
            except ValueError:
                continue
        elif key == "relays" and value is None:
            out[key] = []
        elif key in _ENUMS and isinstance(value, str) and value != value.strip().lower():
            out[key] = value.strip().lower()
        else:
            continue
        log.info("coerced %s=%r to %r in the model's answer", key, value, out[key])
    return out


VERBATIM_HINT = (
    "Copy it character for character from the article text between <article> tags "
    "(same words, spelling, punctuation and order; do not paraphrase, translate, join "
    "separate passages or fix typos)"
)


def validation_context(article_text: str) -> dict[str, Any]:
    # "article_norm" is filled in by `occurs` the first time an exact match fails: most
    # answers match exactly, and normalizing the whole article costs ~1 ms a request.
    return {"article": article_text}


def occurs(value: str, context: dict[str, Any]) -> bool:
    """Exact, or equal after folding quotes, dashes and whitespace (as grounding does)."""
    if value in context["article"]:
        return True
    norm = normalize_text(value)
    if not norm:
        return False
    article_norm = context.get("article_norm")
    if article_norm is None:
        article_norm = context["article_norm"] = normalize_text(context["article"])
    return norm in article_norm


def _check(value: str | None, info: ValidationInfo, what: str, fallback: str) -> str | None:
    ctx = info.context
    if value is None or not ctx or "article" not in ctx:
        return value
    if not value.strip():
        raise ValueError(f"{what} is empty. {fallback}")
    if not occurs(value, ctx):
        raise ValueError(f"{what} {value!r} does not occur in the article. {VERBATIM_HINT}. {fallback}")
    return value


class RelayAnswer(BaseModel):
    """Who carried the claim to this article: "told Reuters", "It quoted X as saying"."""

    mention: str = Field(description="verbatim words naming the relay, e.g. 'Reuters' or 'Asharq Al-Awsat'")
    name: str | None = Field(None, description="the relay's canonical name")
    type: SourceType = "media"

    _slips = model_validator(mode="before")(classmethod(lambda cls, v: coerce_slips(v)))

    @field_validator("mention")
    @classmethod
    def _verbatim(cls, v: str, info: ValidationInfo) -> str:
        return _check(v, info, "relays[].mention", "Use the words the article uses for the relay.")  # type: ignore[return-value]


class ClaimAnswer(BaseModel):
    claim: str = Field(description="the claim as one short self-contained sentence, in your words")
    content: str = Field(description="VERBATIM: the article's words that state the claim")
    quote: str | None = Field(None, description="VERBATIM: the words inside quotation marks, without the marks; null if not quoted")
    cue: str | None = Field(None, description="VERBATIM: the attribution verb or phrase, e.g. 'said', 'told', 'according to'")
    source_mention: str | None = Field(None, description="VERBATIM: the words naming the source where the claim is attributed; for a pronoun ('he') the pronoun")
    source_name: str | None = Field(None, description="who the source is, resolved (a pronoun resolved to the person's name); null if unknown")
    source_type: SourceType = Field("unattributed", description="person, organization, media, anonymous or unattributed")
    source_descriptor: str | None = Field(None, description="how an anonymous source is described, e.g. 'a knowledgeable political source'")
    source_role: str | None = Field(None, description="the source's title or role, e.g. 'Prime Minister'")
    relays: list[RelayAnswer] = Field(default_factory=list, description="media or people who carried the claim between source and article")
    stance: Stance = Field("asserted", description="asserted, denied (the source denies it) or hedged (the source is unsure)")
    confidence: float = Field(0.8, ge=0.0, le=1.0, description="your confidence that the attribution is right")

    _slips = model_validator(mode="before")(classmethod(lambda cls, v: coerce_slips(v)))

    @field_validator("content")
    @classmethod
    def _content(cls, v: str, info: ValidationInfo) -> str:
        return _check(v, info, "content", "If no exact passage states this claim, leave the claim out.")  # type: ignore[return-value]

    @field_validator("quote")
    @classmethod
    def _quote(cls, v: str | None, info: ValidationInfo) -> str | None:
        return _check(v, info, "quote", "If the article does not contain these quoted words, set quote to null.")

    @field_validator("cue")
    @classmethod
    def _cue(cls, v: str | None, info: ValidationInfo) -> str | None:
        return _check(v, info, "cue", "Give only the attribution verb as written, or null.")

    @field_validator("source_mention")
    @classmethod
    def _source(cls, v: str | None, info: ValidationInfo) -> str | None:
        return _check(v, info, "source_mention", "Give the source's words as written, or null and describe it in source_name.")


class Extraction(BaseModel):
    """Every claim in the article with who is credited for it."""

    # Required and closed: an answer in some other shape must be re-asked, not read as "no claims".
    model_config = ConfigDict(extra="forbid")

    claims: list[ClaimAnswer] = Field(description="every attributed claim; an empty list if there are none")


def to_claim(a: ClaimAnswer, extra_flags: list[Flag] | None = None) -> Claim:
    """The contract's Claim, spans carrying text only: grounding computes the offsets."""

    def span(text: str | None) -> Span | None:
        return Span(text=text) if text else None

    return Claim(
        claim=a.claim,
        content=Span(text=a.content),
        quote=span(a.quote),
        cue=span(a.cue),
        source=Source(
            mention=span(a.source_mention),
            name=a.source_name,
            type=a.source_type,
            descriptor=a.source_descriptor,
            role=a.source_role,
        ),
        via=[Relay(mention=span(r.mention), name=r.name, type=r.type) for r in a.relays],
        stance=a.stance,
        confidence=a.confidence,
        flags=list(extra_flags or []),
    )
