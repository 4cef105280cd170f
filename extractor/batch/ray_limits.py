"""Rate limits that hold for a whole Ray cluster, not per worker.

One named actor (`extractor-limits-<run>`) owns the leaky buckets of `limits.py`
(the same `RateLimits`, so bursts and the `--tpm` estimate are those of the local
runner); every worker awaits its turn there. Two takes, as a provider counts them:

- tokens (`--tpm`): once per document before its engine call, as on one machine;
- requests (`--rpm`): once per HTTP request, *retries included* (taken inside the request
  gate). In a 429 storm every retry of every worker waits for the cluster's shared
  request budget, so retries slow the cluster down instead of multiplying its load.

`--concurrency` is split equally: each of W workers lets `concurrency // W` requests
(at least one) be in flight, so the cluster never exceeds it. A gate shared across
machines would cost a round trip per request for what a static split gives exactly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from .limits import RateLimits, RequestGate, per_minute


class TokenBucket:
    """The cluster's buckets (a Ray async actor: many workers wait in it at once)."""

    def __init__(self, rpm: float | None, tpm: float | None) -> None:
        self._tokens = RateLimits(None, tpm)
        self._requests = per_minute(rpm, bucket=1) if rpm else None
        self.taken = {"requests": 0, "tokens": 0.0}

    async def take_tokens(self, tokens: float) -> None:
        await self._tokens.take(tokens)
        self.taken["tokens"] += tokens

    async def take_request(self) -> None:
        if self._requests:
            await self._requests.acquire()
        self.taken["requests"] += 1

    def counts(self) -> dict[str, float]:
        return dict(self.taken)


def bucket_actor(run: str, rpm: float | None, tpm: float | None) -> Any:
    """The run's bucket, created once by the driver (named, so workers find it)."""
    import ray

    cls = ray.remote(num_cpus=0, max_concurrency=10_000)(TokenBucket)
    return cls.options(name=f"extractor-limits-{run}", get_if_exists=False, lifetime=None).remote(rpm, tpm)


class ClusterRates:
    """The runner's `RateLimits`, taken from the cluster's bucket."""

    def __init__(self, bucket: Any, tpm: bool) -> None:
        self._bucket, self._tpm = bucket, tpm

    async def take(self, tokens: float) -> None:
        if self._tpm:
            await self._bucket.take_tokens.remote(tokens)


class ClusterGate(RequestGate):
    """This worker's share of `--concurrency`, and the cluster's `--rpm` per request."""

    def __init__(self, share: int, bucket: Any, rpm: bool) -> None:
        super().__init__(share)
        self._bucket, self._rpm = bucket, rpm

    @asynccontextmanager
    async def request(self) -> AsyncIterator[None]:
        if self._rpm:  # taken before the slot: a request waiting for the budget holds no slot
            await self._bucket.take_request.remote()
        async with super().request():
            yield


def concurrency_share(concurrency: int, workers: int) -> int:
    return max(1, concurrency // max(1, workers))
