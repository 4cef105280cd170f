"""How long one request and one document may take, and how the two fit together.

One request may take `--timeout` seconds per attempt, `--max-retries` + 1 attempts, with
a backoff wait between attempts (exponential from `backoff_initial`, plus up to as much
jitter, each wait capped at `backoff_max`). The per-document timeout (`--doc-timeout`)
is the outer bound: when it fires, the chunks already answered are kept (the document
is `partial`, `engine`), the rest are lost. A document timeout shorter than one request's
whole retry sequence would make the retries the user asked for impossible, so:

- not given, it is derived: one request's worst case (`request_seconds`), 619 s with the
  defaults (120 s x 5 attempts + 19 s of backoff);
- given, it must hold that worst case, else it is a usage error naming both numbers and
  the three ways out (raise it, lower `--timeout`, lower `--max-retries`).

A document's chunks run concurrently, so one request's worst case is also the worst case
of a chunk that is not re-asked; re-asks and the halves of a truncated chunk come after
it, and are what a derived timeout may cut (they are kept or flagged, never silently
lost). A server's Retry-After replaces a backoff wait (up to `retry_after_max`); it is the
server's choice, not counted here.
"""

from __future__ import annotations

import math

from ...settings import LLMSettings, SettingsError


def backoff_seconds(s: LLMSettings) -> float:
    """The longest total of the backoff waits of one request (tenacity's
    wait_exponential_jitter: initial x 2^(n-1) + jitter <= initial, capped at backoff_max)."""
    return sum(min(s.backoff_initial * 2 ** n + s.backoff_initial, s.backoff_max) for n in range(s.max_retries))


def request_seconds(s: LLMSettings) -> float:
    """One request's worst case: every attempt times out, every backoff wait is its longest."""
    return (s.max_retries + 1) * s.timeout + backoff_seconds(s)


def doc_timeout(s: LLMSettings, given: float | None) -> float:
    """The per-document timeout for these settings: derived, or the one given if it fits."""
    need = request_seconds(s)
    if given is None:
        return float(math.ceil(need))
    if given < need:
        raise SettingsError(
            f"--doc-timeout {given:g} s cannot hold one request's retries: --timeout {s.timeout:g} s x "
            f"{s.max_retries + 1} attempts (--max-retries {s.max_retries}) + up to {backoff_seconds(s):g} s of backoff "
            f"= {need:g} s; raise --doc-timeout to at least {math.ceil(need)}, or lower --timeout or --max-retries "
            "(or leave --doc-timeout out: it is then derived from them)")
    return given
