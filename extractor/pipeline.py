"""One input through the stages: clean/split -> engine -> grounding -> confidence.

Pure with respect to I/O: reading inputs and writing outputs happen at the edges (CLI,
run store). A failure inside one document becomes that document's error, never a crash.
"""

from __future__ import annotations

from .cleaning import split_articles
from .confidence import score_claim
from .engines import Engine
from .grounding import ground_claim
from .models import Article, DocumentResult, Flag, RawInput


def failed_input(raw: RawInput, error: Flag) -> DocumentResult:
    return DocumentResult(doc_id=raw.input_id, input_id=raw.input_id, source_file=raw.source_file, errors=[error])


def process_article(raw: RawInput, article: Article, engine: Engine, include_unattributed: bool = False) -> DocumentResult:
    result = DocumentResult(
        doc_id=article.doc_id,
        input_id=article.input_id,
        source_file=article.source_file,
        span=article.span,
        title=article.title,
        engine=engine.name,
        model=engine.model,
        prompt_version=engine.prompt_version,
        metadata=article.metadata,
    )
    try:
        out = engine.extract(raw.text, article, include_unattributed=include_unattributed)
    except Exception as e:  # an engine bug must not end the batch; the reason is kept
        result.errors.append(Flag(code="engine_error", message=f"{type(e).__name__}: {e}"))
        return result
    claims = [score_claim(ground_claim(raw.text, c, article.span)) for c in out.claims]
    claims.sort(key=lambda c: (c.content.start if c.content.start is not None else 10**12))
    result.claims = claims
    result.usage = out.usage
    result.errors.extend(out.errors)
    return result


def process(
    raw: RawInput, engine: Engine, include_unattributed: bool = False, articles: list[Article] | None = None
) -> list[DocumentResult]:
    """All articles of one input (`articles`: already split, by a caller that needed
    them first); an unreadable input yields one failed document."""
    if raw.error:
        return [failed_input(raw, raw.error)]
    articles = split_articles(raw) if articles is None else articles
    if not articles:
        return [failed_input(raw, Flag(code="no_article_text", message=f"{raw.source_file or raw.input_id}: no article paragraphs found"))]
    return [process_article(raw, a, engine, include_unattributed) for a in articles]
