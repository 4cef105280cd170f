"""Reading the model's answer, and asking again when it fails the answer schema.

The schema and its verbatim checks are `answer`; this module runs them on a completion
(`answer_of`: the JSON text to validate, as instructor reads it), holds the direct path's
conversation sans I/O (`dialog`: validate, re-ask with instructor's own message, up to
`max_reasks` times) and, when re-asks run out, keeps what the last answer still offers
(`exhausted`, `parse_leniently`) for grounding to judge. Nothing is dropped silently.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import instructor
from instructor.v2.core.response import handle_reask_kwargs
from instructor.v2.core.response_model import prepare_response_model
from openai._models import construct_type
from openai.types.chat import ChatCompletion
from pydantic import ValidationError
from pydantic_core import from_json

from ...models import Flag
from .answer import ClaimAnswer, Extraction
from .errors import AnswerProblem, Truncated, reask_reason, validation_summary
from .redaction import redact
from .usage import Meter

# instructor wraps a response model on every call unless handed a prepared one, and
# the wrapped class misses pydantic's schema cache: ~7 ms of CPU a call. Prepare once.
PREPARED = prepare_response_model(Extraction)


@dataclass
class ChunkAnswer:
    claims: list[ClaimAnswer]
    reasks: int = 0
    still_invalid: str | None = None  # the last validation error, when re-asks ran out
    errors: list[Flag] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # what each re-asked answer got wrong (`reask_reason`)

    def reask_message(self) -> str | None:
        """The `reasked` flag's message: how often, and what was really wrong each time."""
        if not (self.reasks or self.still_invalid):
            return None
        why = "; then ".join(self.reasons) or "its answer failed the schema"
        msg = f"The model was asked again {self.reasks} time(s) because {why}"
        if self.still_invalid:
            msg += f"; its last answer still failed the check: {self.still_invalid}"
        return msg


# A completion this close to max_tokens that stops inside the JSON was cut off, whatever
# finish_reason says (some servers report tool_calls or stop).
CUT_OFF_SHARE = 0.95
CHARS_PER_TOKEN = 3  # when the server reports no usage (as `chunking`)


def cut_off(text: str, completion_tokens: int | None, max_tokens: int | None) -> bool:
    """JSON that stops mid-way at the output limit: a truncation, not a bad answer."""
    if not max_tokens or "{" not in text:
        return False
    used = completion_tokens or len(text) // CHARS_PER_TOKEN
    if used < CUT_OFF_SHARE * max_tokens:
        return False
    start = text[text.index("{"):]
    try:
        json.loads(start)
        return False
    except json.JSONDecodeError as e:
        if e.msg.startswith("Extra data"):  # whole JSON with something after it: not cut
            return False
    try:
        from_json(start, allow_partial="trailing-strings")  # a prefix of valid JSON
        return True
    except ValueError:
        return False


def answer_text(completion: Any) -> str:
    """The JSON the model wrote: tool-call arguments, or the message content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return ""
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return calls[0].function.arguments or ""
    return message.content or ""


def parse_leniently(text: str) -> tuple[list[ClaimAnswer], int, str | None]:
    """Claims from an answer that failed validation: (claims, unparseable items, error).

    Verbatim checks are off here (no validation context): grounding decides what is
    found. Items that do not fit the schema at all cannot become claims; they are counted.
    """
    fence = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    candidates = [text, fence.group(1) if fence else None]
    if "{" in text:
        candidates.append(text[text.index("{") : text.rindex("}") + 1] if "}" in text else None)
    data: Any = None
    for cand in candidates:
        if not cand:
            continue
        try:
            data = json.loads(cand)
            break
        except json.JSONDecodeError:
            continue
    if data is None:
        return [], 0, "the answer is not valid JSON"
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], 0, "the answer has no list of claims"
    claims, bad = [], 0
    for item in items:
        try:
            claims.append(ClaimAnswer.model_validate(item))
        except ValidationError:
            bad += 1
    return claims, bad, None


def answer_of(data: dict[str, Any], tools: bool) -> str:
    """The JSON text to validate, from a completion in its JSON form, as instructor reads it.

    Raises Truncated for finish_reason=length and AnswerProblem when there is nothing
    to validate (re-asked like a validation error)."""
    choices = data.get("choices") if isinstance(data, dict) else None
    if not choices or not isinstance(choices, list):
        raise AnswerProblem("No choices in the response")
    choice = choices[0] or {}
    if choice.get("finish_reason") == "length":
        raise Truncated()
    message = choice.get("message") or {}
    if message.get("refusal") is not None:
        raise AnswerProblem(f"Unable to generate a response due to {message['refusal']}")
    if not tools:
        return message.get("content") or ""
    calls = message.get("tool_calls") or []
    call = calls[0].get("function") if calls else message.get("function_call")
    args = (call or {}).get("arguments")
    if args is None:
        raise AnswerProblem("No tool calls or function call found in response" if not call
                            else "Tool call arguments missing in response")
    return args if isinstance(args, str) else json.dumps(args)


def dialog(body: dict[str, Any], context: dict[str, Any], meter: Meter, mode: instructor.Mode, reasks: int) -> Any:
    """Yields each request body, receives its completion (JSON), returns the ChunkAnswer.

    The same validation instructor runs, the same re-ask messages (instructor's
    `handle_reask_kwargs`), the same count of attempts (1 + max_reasks)."""
    tools = mode is instructor.Mode.TOOLS
    text, error, reasons = "", None, []
    for attempt in range(reasks + 1):
        data = yield body
        meter.on_data(data)
        text = ""
        try:
            text = answer_of(data, tools)  # raises Truncated on finish_reason=length
            answer = PREPARED.model_validate_json(text, context=context, strict=True)
            return ChunkAnswer(claims=list(answer.claims), reasks=attempt, reasons=reasons)
        except (ValidationError, AnswerProblem) as e:
            used = (data.get("usage") or {}).get("completion_tokens")
            if isinstance(e, ValidationError) and cut_off(text, used, body.get("max_tokens")):
                raise Truncated("JSON cut off at max_tokens") from None
            meter.parse_errors += 1
            error = e
            reasons.append(reask_reason(e))
        if attempt < reasks:
            body = reask_request(body, data, error, mode)
    assert error is not None
    return exhausted(text, error, reasks, reasons)


def reask_request(body: dict[str, Any], data: dict[str, Any], error: Exception, mode: instructor.Mode) -> dict[str, Any]:
    kwargs = dict(body, messages=list(body["messages"]))  # the handler extends the list in place
    try:
        completion = construct_type(type_=ChatCompletion, value=data)  # lenient, as openai reads answers
        return handle_reask_kwargs(kwargs, mode, completion, error)
    except Exception:  # an answer too odd for the handler (no message): say what was wrong anyway
        kwargs["messages"].append({"role": "user", "content": f"Validation Error found:\n{error}\n"
                                                              "Recall the function correctly, fix the errors"})
        return kwargs


def exhausted(text: str, cause: BaseException, reasks: int, reasons: list[str] | None = None) -> ChunkAnswer:
    """Re-asks ran out: keep the last answer, leniently parsed, for grounding to judge."""
    claims, bad, problem = parse_leniently(text)
    errors = []
    if problem:
        errors.append(Flag(code="llm_answer_invalid", message=redact(
            f"the model's answer could not be used after {reasks} re-ask(s): {problem} "
            f"({validation_summary(cause)})")))
    elif bad:
        errors.append(Flag(code="llm_answer_invalid", message=redact(
            f"{bad} claim(s) in the model's last answer did not fit the schema and could not be kept "
            f"({reask_reason(cause)})")))
    return ChunkAnswer(claims=claims, reasks=reasks, still_invalid=redact(validation_summary(cause)), errors=errors,
                       reasons=[redact(r) for r in (reasons or [])[:reasks]])
