"""Load gold attributions for evaluation, in our own format or PolNeAR's.

Our gold format is the output contract itself (one `DocumentResult` JSON per article,
every span `exact`), so predictions, gold and reviewed decisions share one format.
PolNeAR documents (`{"doc_id", "text", "attributions": [...]}`) are converted into the
same `Claim` contract: covering spans for content/cue/source, the pieces of a
discontinuous span kept in `Claim.fragments`, a null source as type `unattributed`.

Gold and predictions are matched by `input_id`: all articles of one raw file share its
coordinates, so a different article split cannot break scoring.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..loading import decode
from ..models import Claim, DocumentResult, Flag, RawInput, Region, Source, Span

QUOTE_CHARS = "\"'“”‘’«»„"
# PolNeAR does not annotate source types. This guess only groups the per-type
# breakdown; type accuracy, relays and stance are never scored on untyped gold.
_ANON = re.compile(
    r"\b(sources?|officials?|aides?|people|persons?|insiders?|observers?|analysts?|experts?|"
    r"diplomats?|advisers?|advisors?|critics?|supporters?|someone|spokes(?:man|woman|person)|"
    r"operatives?|staffers?|allies|voters|polls?|surveys?|reports?)\b",
    re.I,
)
_MEDIA = re.compile(
    r"\b(times|post|journal|news|cnn|fox|msnbc|nbc|abc|cbs|npr|reuters|ap|associated press|"
    r"breitbart|politico|magazine|newspaper|television|tv|radio|daily|herald|tribune|guardian|"
    r"bloomberg|axios|buzzfeed|huffington|report(?:er|ers)?)\b",
    re.I,
)
_ORG = re.compile(
    r"\b(campaign|committee|department|ministry|office|party|government|administration|"
    r"agency|council|court|congress|senate|house|bureau|commission|foundation|institute|"
    r"university|company|corporation|inc|group|organization|association|union|fbi|cia|"
    r"gop|dnc|rnc|police|army|military)\b",
    re.I,
)


class GoldError(ValueError):
    """A gold file that cannot be used; the message is one line for the user."""


@dataclass
class GoldDoc:
    """One raw input with its gold attributions (possibly several articles)."""

    input_id: str
    text: str
    results: list[DocumentResult]
    source_file: str | None = None
    scheme: str = "extractor"  # "extractor" (our guideline) or "polnear"
    typed: bool = True  # source types, relays and stance were annotated
    metadata: dict = field(default_factory=dict)

    @property
    def claims(self) -> list[Claim]:
        out = [c for r in self.results for c in r.claims]
        return sorted(out, key=lambda c: (c.content.start or 0, c.content.end or 0))

    def raw_input(self) -> RawInput:
        return RawInput(input_id=self.input_id, source_file=self.source_file, text=self.text,
                        metadata=dict(self.metadata))


# ---- PolNeAR -> Claim ------------------------------------------------------------------


def span_at(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end, match="exact")


def polnear_span(text: str, pair: list[int] | None, pieces: list[list[int]] | None) -> tuple[Span | None, list[Span]]:
    """The covering span of a PolNeAR field and, when discontinuous, its pieces."""
    if not pair:
        return None, []
    covering = span_at(text, pair[0], pair[1])
    parts = [span_at(text, s, e) for s, e in (pieces or [])]
    return covering, parts if len(parts) > 1 else []


def strip_quotes(span: Span) -> Span:
    """The inside of a quotation: the span without enclosing marks and spaces."""
    s, e, t = span.start or 0, span.end or 0, span.text
    lead = len(t) - len(t.lstrip(QUOTE_CHARS + " "))
    trail = len(t) - len(t.rstrip(QUOTE_CHARS + " ,"))
    if lead + trail >= len(t):
        return span
    return Span(text=t[lead : len(t) - trail], start=s + lead, end=e - trail, match="exact")


def guess_source_type(mention: str | None) -> str:
    """A rough type for an untyped gold source (PolNeAR), used only to group results."""
    if not mention:
        return "unattributed"
    if _MEDIA.search(mention):
        return "media"
    if re.match(r"^(an?|some|several|many|two|three|other|\d+)\b", mention.strip(), re.I) and _ANON.search(mention):
        return "anonymous"
    if _ANON.search(mention) and not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", mention):
        return "anonymous"
    if _ORG.search(mention):
        return "organization"
    return "person"


def polnear_claim(text: str, att: dict) -> Claim:
    content, content_parts = polnear_span(text, att.get("content_span"), att.get("content_fragments"))
    if content is None:
        raise GoldError(f"attribution {att.get('id')} has no content span")
    cue, cue_parts = polnear_span(text, att.get("cue_span"), att.get("cue_fragments"))
    mention, source_parts = polnear_span(text, att.get("source_span"), att.get("source_fragments"))
    fragments = {k: v for k, v in (("content", content_parts), ("cue", cue_parts), ("source", source_parts)) if v}
    stype = guess_source_type(mention.text if mention else None)
    return Claim(
        claim=att.get("content") or content.text,
        content=content,
        quote=strip_quotes(content) if att.get("direct_quote") else None,
        cue=cue,
        source=Source(mention=mention, name=None, type=stype),  # type: ignore[arg-type]
        fragments=fragments or None,
        flags=[Flag(code="gold_id", message=str(att.get("id", "")))],
    )


def polnear_doc(obj: dict) -> GoldDoc:
    text = obj["text"]
    input_id = str(obj["doc_id"])
    claims = [polnear_claim(text, a) for a in obj.get("attributions") or []]
    meta = {k: obj[k] for k in ("publisher", "split", "title") if k in obj}
    result = DocumentResult(doc_id=input_id, input_id=input_id, span=Region(start=0, end=len(text)),
                            title=obj.get("title"), engine="gold:polnear", claims=claims, metadata=meta)
    return GoldDoc(input_id=input_id, text=text, results=[result], scheme="polnear", typed=False, metadata=meta)


# ---- our format ------------------------------------------------------------------------


def find_text(gold_path: Path, result: DocumentResult, texts_dir: Path | None) -> Path | None:
    """Where the raw text of a gold line lives: texts_dir, the recorded path, or above the gold."""
    candidates: list[Path] = []
    if texts_dir:
        candidates.append(texts_dir / result.input_id.lstrip("/"))  # as review export wrote it
    if result.source_file:
        candidates.append(Path(result.source_file))
        candidates.extend(p / result.source_file for p in gold_path.resolve().parents)
    candidates.append(Path("seeds") / result.input_id)
    return next((p for p in candidates if p.is_file()), None)


def group_results(results: list[DocumentResult]) -> dict[str, list[DocumentResult]]:
    grouped: dict[str, list[DocumentResult]] = {}
    for r in results:
        grouped.setdefault(r.input_id, []).append(r)
    return grouped


def parse_lines(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"cannot read gold file {path}: {e}") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path} line {n}: not valid JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise GoldError(f"{path} line {n}: expected a JSON object")
        out.append(obj)
    return out


def load_gold(path: str | Path, texts_dir: str | Path | None = None) -> list[GoldDoc]:
    """All gold documents of a file, in file order, one GoldDoc per raw input."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"no such gold file: {path}")
    objs = parse_lines(path)
    if objs and "attributions" in objs[0]:
        return [polnear_doc(o) for o in objs]
    try:
        results = [DocumentResult.model_validate(o) for o in objs]
    except ValueError as e:
        raise GoldError(f"{path}: not DocumentResult lines ({str(e).splitlines()[0]})") from None
    docs = []
    for input_id, rs in group_results(results).items():
        where = find_text(path, rs[0], Path(texts_dir) if texts_dir else None)
        if where is None:
            raise GoldError(f"{path}: cannot find the raw text of {input_id} (give --texts DIR)")
        raw = decode(where.read_bytes(), input_id, str(where))  # same decoding as `extract`
        if raw.error:
            raise GoldError(raw.error.message)
        docs.append(GoldDoc(input_id=input_id, text=raw.text, results=rs, source_file=str(where)))
    return docs
