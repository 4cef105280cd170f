"""How one request fits the model's context window: everything that is sent counts.

A request is the system prompt (with its worked examples), the instruction (headline,
the `<context>` block, the chunk of article), the tool schema or response format, and
room for the answer (`max_tokens`, always sent: a local server otherwise generates to
the end of its window). Tokens are counted with the server's own tokenizer when it has
one (`tokenizer`): the fixed part exactly, the article at the characters a token the
server gives on the prompt's own news text, less ARTICLE_MARGIN. Otherwise they are
estimated at SENT_CHARS_PER_TOKEN characters a token, which is safe for English news
and for JSON (real tokenizers give 3.5-4.5 characters a token on such text). When the
window is small the worked examples are dropped first (the prompt's version says so),
then the chunks get smaller; a window that cannot hold the instructions at all is a
settings error, said before any request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...settings import SettingsError
from .chunking import CHARS_PER_TOKEN
from .prompting import Prompt

SENT_CHARS_PER_TOKEN = 3
MESSAGE_TOKENS = 8  # per message: role markers of the chat template
MIN_ARTICLE = 700  # tokens of article a chunk should hold before any example is kept
MIN_ANSWER = 256  # the smallest default answer room
MAX_DEFAULT_ANSWER = 4096
TITLE_CHARS, CONTEXT_CHARS = 200, 400  # the longest headline and <context> block assumed
ARTICLE_MARGIN = 0.9  # an article may tokenize a little worse than the prompt's examples


def sent_tokens(text: str) -> int:
    return len(text) // SENT_CHARS_PER_TOKEN + 1


@dataclass(frozen=True)
class Budget:
    prompt: Prompt  # the prompt as sent (perhaps without some examples)
    fixed: int  # tokens of every request besides the article: prompt, instruction, schema
    article: int  # tokens of article per chunk
    answer: int  # max_tokens
    chars_per_token: float = SENT_CHARS_PER_TOKEN  # of article text: the estimate, or the server's
    counted: bool = False  # by the server's tokenizer

    @property
    def chunk_tokens(self) -> int:
        """The article budget in the chunker's units (CHARS_PER_TOKEN characters a token)."""
        return max(32, int(self.article * self.chars_per_token) // CHARS_PER_TOKEN)


def fixed_tokens(prompt: Prompt, schema_json: str, count: Callable[[str], int] = sent_tokens) -> int:
    user = prompt.messages("", title="x" * TITLE_CHARS, context="x" * CONTEXT_CHARS, part=99, parts=99,
                           include_unattributed=True)[1]["content"]
    return count(prompt.system) + count(user) + count(schema_json) + 2 * MESSAGE_TOKENS


def article_chars_per_token(prompt: Prompt, count: Callable[[str], int]) -> float:
    """Characters a token of news text by `count`: the prompt's example articles (else its
    instructions), less the margin."""
    sample = "\n\n".join(e.text for e in prompt.examples) or prompt.base or prompt.system
    return ARTICLE_MARGIN * len(sample) / max(1, count(sample))


def fit(prompt: Prompt, schema_json: str, context_tokens: int, max_output: int | None,
        count: Callable[[str], int] | None = None) -> Budget:
    """The prompt and the sizes that fit `context_tokens` (`count`: the server's tokenizer)."""
    counted = count is not None
    count = count or sent_tokens
    ratio = article_chars_per_token(prompt, count) if counted else SENT_CHARS_PER_TOKEN
    reserve = max_output or MIN_ANSWER
    n = len(prompt.examples)
    while n and fixed_tokens(prompt.with_examples(n), schema_json, count) + MIN_ARTICLE + reserve > context_tokens:
        n -= 1
    if n < len(prompt.examples):
        prompt = prompt.with_examples(n)
    fixed = fixed_tokens(prompt, schema_json, count)
    room = context_tokens - fixed
    if max_output:
        article, answer = room - max_output, max_output
    else:
        article = room // 2
        answer = min(room - article, MAX_DEFAULT_ANSWER)
    if article < 64:
        raise SettingsError(
            f"--context-tokens {context_tokens} leaves no room for the article: the instructions and the answer "
            f"schema alone take about {fixed} tokens" + (f" and --max-output-tokens {max_output} the rest" if max_output else "")
            + "; raise --context-tokens (the server's window)" + (" or lower --max-output-tokens" if max_output else ""))
    return Budget(prompt=prompt, fixed=fixed, article=article, answer=answer, chars_per_token=ratio, counted=counted)
