"""One Batch API request and its answer, built and read exactly as the live LLM engine
would build and read them: the same prompt, schema and mode (instructor prepares the
body), the same validators and verbatim checks on the answer. Kept apart from the job
handling in `openai_batch` so that what is sent and what is accepted sit side by side.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..cleaning import split_articles
from ..models import Flag, RawInput, Usage
from . import store as st

BATCH_DISCOUNT = 0.5  # batch requests cost half the live price
ENDPOINT = "/v1/chat/completions"


def _prepared(engine: Any, raw: str, article: Any, chunk: Any, include_unattributed: bool) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """(response model, request body, validation context) as the live engine would use them."""
    from instructor.processing import handle_response_model
    from instructor.v2.core.templating import handle_templating

    kwargs = engine._request(raw, article, chunk, include_unattributed)
    context = kwargs.pop("context")
    kwargs.pop("max_retries", None)
    response_model = kwargs.pop("response_model")
    # The engine escapes the article for instructor's templating; render it the same way.
    kwargs = handle_templating(kwargs, engine._mode, context=context)
    model, body = handle_response_model(response_model, mode=engine._mode, **kwargs)
    return model, body, context


def requests_for(engine: Any, raw: RawInput, item: st.Item, include_unattributed: bool) -> Iterator[dict[str, Any]]:
    """The batch lines of one input: one per chunk of each article."""
    for a_idx, article in enumerate(split_articles(raw)):
        for c_idx, chunk in enumerate(engine.plan(raw.text, article)):
            _, body, _ = _prepared(engine, raw.text, article, chunk, include_unattributed)
            yield {"custom_id": f"{item.key}:{a_idx}:{c_idx}", "method": "POST", "url": ENDPOINT, "body": body}


def read_answer(engine: Any, raw: str, article: Any, chunk: Any, include_unattributed: bool,
                line: str | None, batch_status: str) -> tuple[list[Any], list[Flag], Usage]:
    """One batch answer -> (claims located in their chunk, errors, usage), like the live path."""
    from instructor.core import IncompleteOutputException
    from openai.types.chat import ChatCompletion

    from ..engines.llm.answer import to_claim
    from ..engines.llm.chunking import locate
    from ..engines.llm import answer_text, parse_leniently, redact
    from ..engines.llm.pricing import cost_usd

    if line is None:
        return [], [Flag(code="llm_batch_missing", message=f"the batch ended {batch_status} without an answer for this part "
                                                            f"({chunk.region.start}-{chunk.region.end}); resubmit with --resume --retry-failed")], Usage()
    obj = json.loads(line)
    resp = obj.get("response") or {}
    code, body = resp.get("status_code"), resp.get("body") or {}
    if obj.get("error") or code != 200:
        err = obj.get("error") or (body.get("error") if isinstance(body, dict) else None) or {}
        msg = err.get("message") if isinstance(err, dict) else str(err)
        return [], [Flag(code="llm_batch_error", message=redact(f"the batch request failed (HTTP {code}): {msg}"))], Usage()
    completion = ChatCompletion.model_validate(body)
    u = completion.usage
    p, c = (u.prompt_tokens, u.completion_tokens) if u else (0, 0)
    usage = Usage(requests=1, prompt_tokens=p, completion_tokens=c,
                  cost_usd=BATCH_DISCOUNT * cost_usd(engine.settings.model, p, c, engine.settings.prices))
    model, _, context = _prepared(engine, raw, article, chunk, include_unattributed)
    from instructor.processing import process_response

    flags: list[Flag] = []
    errors: list[Flag] = []
    try:
        answer = process_response(completion, response_model=model, stream=False, validation_context=context, mode=engine._mode)
        answers = list(answer.claims)
    except IncompleteOutputException:
        return [], [Flag(code="llm_answer_truncated", message=(
            f"the model's answer was cut off (finish_reason=length) for {chunk.region.start}-{chunk.region.end}; "
            "the Batch API cannot split and re-ask: run this document live or raise the output limit"))], usage
    except Exception as e:  # failed validation: what the live path would have re-asked
        answers, bad, problem = parse_leniently(answer_text(completion))
        why = redact(str(e).strip().splitlines()[0][:300]) if str(e).strip() else type(e).__name__
        flags.append(Flag(code="reasked", message=(
            "The Batch API cannot re-ask: this answer failed the check that would have triggered a re-ask "
            f"({why}); the claim is kept as answered, for grounding and review to judge")))
        if problem:
            errors.append(Flag(code="llm_answer_invalid", message=f"the model's answer could not be used: {problem}"))
        elif bad:
            errors.append(Flag(code="llm_answer_invalid", message=f"{bad} claim(s) in the answer did not fit the schema"))
    return [locate(raw, to_claim(a, flags), chunk.region) for a in answers], errors, usage
