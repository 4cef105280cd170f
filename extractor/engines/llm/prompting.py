"""Load a versioned prompt from `prompts/<name>/` and render the messages for one chunk.

A prompt is files, not strings in code: `prompt.toml` (name, version, file names), a
system prompt, a Jinja2 instruction template and few-shot examples. Its identity,
`<name>-v<version>+<sha8>`, hashes every file, so any edit shows in each output's
`prompt_version`. Examples are checked when loaded: each must fit the answer schema and
every verbatim field must occur in the example's text; a broken example is an error.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateError
from pydantic import ValidationError

from .answer import Extraction

PROMPTS_DIR = Path(__file__).resolve().parents[3] / "prompts"  # <repo>/prompts, beside the package


class PromptError(ValueError):
    """A prompt that cannot be used: missing file, bad template, broken example."""


@dataclass(frozen=True)
class Example:
    source: str
    text: str
    answer: Extraction


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    sha8: str
    system: str  # the system prompt with the rendered examples
    instruction: Any  # jinja2.Template
    examples: tuple[Example, ...]
    base: str = ""  # the system prompt without examples
    dropped: int = 0  # examples left out to fit a small context window

    @property
    def prompt_version(self) -> str:
        # What is sent differs when examples are dropped: the version says so (and the cache key with it).
        return f"{self.name}-v{self.version}+{self.sha8}" + (f"-ex{len(self.examples)}" if self.dropped else "")

    def with_examples(self, n: int) -> "Prompt":
        """The same prompt with only its first `n` worked examples."""
        keep = self.examples[:n]
        system = self.base + ("\n\n" + render_examples(keep) if keep else "")
        return replace(self, system=system, examples=keep, dropped=self.dropped + len(self.examples) - len(keep))

    def messages(
        self,
        article: str,
        title: str | None = None,
        context: str | None = None,
        part: int = 1,
        parts: int = 1,
        include_unattributed: bool = False,
    ) -> list[dict[str, str]]:
        user = self.instruction.render(
            article=article, title=title, context=context, part=part, parts=parts,
            include_unattributed=include_unattributed,
        )
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]


def verbatim_fields(answer: Extraction) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for i, c in enumerate(answer.claims):
        for field in ("content", "quote", "cue", "source_mention"):
            v = getattr(c, field)
            if v is not None:
                out.append((f"claims[{i}].{field}", v))
        out.extend((f"claims[{i}].relays[{j}].mention", r.mention) for j, r in enumerate(c.relays))
    return out


def check_example(raw: dict[str, Any], where: str) -> Example:
    try:
        text = raw["text"]
        answer = Extraction.model_validate({"claims": raw["claims"]})
    except (KeyError, TypeError, ValidationError) as e:
        raise PromptError(f"{where}: not a valid example ({e})") from None
    missing = [f"{name} = {value!r}" for name, value in verbatim_fields(answer) if value not in text]
    if missing:
        raise PromptError(f"{where}: verbatim fields not found in the example text: " + "; ".join(missing))
    return Example(source=str(raw.get("source", "")), text=text, answer=answer)


def render_examples(examples: tuple[Example, ...]) -> str:
    parts = ["Worked examples (the article text, then the correct answer):"]
    for n, ex in enumerate(examples, 1):
        answer = ex.answer.model_dump_json(exclude_none=False)
        parts.append(f"Example {n}:\n<example_article>\n{ex.text}\n</example_article>\nAnswer:\n{answer}")
    return "\n\n".join(parts)


def load_prompt(name: str = "attribution", prompts_dir: str | Path | None = None) -> Prompt:
    folder = Path(prompts_dir or PROMPTS_DIR) / name
    meta_path = folder / "prompt.toml"
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        files = {k: folder / meta[k] for k in ("system", "instruction", "examples")}
        texts = {k: p.read_text(encoding="utf-8") for k, p in files.items()}
    except FileNotFoundError as e:
        raise PromptError(f"prompt {name!r}: missing file {e.filename}") from None
    except (KeyError, tomllib.TOMLDecodeError) as e:
        raise PromptError(f"prompt {name!r}: bad {meta_path} ({e})") from None
    digest = hashlib.sha256()
    for key in ("system", "instruction", "examples"):
        digest.update(key.encode() + b"\0" + texts[key].encode() + b"\0")
    digest.update(json.dumps(meta, sort_keys=True).encode())
    try:
        raw_examples = json.loads(texts["examples"])
    except json.JSONDecodeError as e:
        raise PromptError(f"{files['examples']}: not JSON ({e})") from None
    examples = tuple(check_example(ex, f"{files['examples']} example {i + 1}") for i, ex in enumerate(raw_examples))
    try:
        env = Environment(undefined=StrictUndefined, keep_trailing_newline=False, autoescape=False)
        template = env.from_string(texts["instruction"])
    except TemplateError as e:
        raise PromptError(f"{files['instruction']}: bad template ({e})") from None
    system = texts["system"].rstrip()
    if examples:
        system += "\n\n" + render_examples(examples)
    return Prompt(
        name=str(meta.get("name", name)),
        version=int(meta.get("version", 1)),
        sha8=digest.hexdigest()[:8],
        system=system,
        instruction=template,
        examples=examples,
        base=texts["system"].rstrip(),
    )
