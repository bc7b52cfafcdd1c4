"""Counting events per fixed window of time in the cache that all processes share.

A count is one cache key per window (``ratelimit:<name>:<period>:<window number>``), changed
only by atomic increments (Redis ``INCR``; a lock in the local-memory cache), so that requests
racing in several processes cannot both take the last slot of a window. A window's count
starts at zero when the window does (windows are aligned on the epoch), which is what a
``Retry-After`` can promise.

The cache is a help, not a dependency: when it fails (Redis down or slow), counting fails
open. Every event is allowed, one warning is logged, and the cache is left alone for
``CACHE_RETRY_SECONDS`` so that each request does not wait for it in turn.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

log = logging.getLogger(__name__)

CACHE_RETRY_SECONDS = 10.0
"""After the cache fails, how long counting goes without it before trying it again."""

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

clock: Callable[[], float] = time.time
"""The time now, in seconds since the epoch (replaced in tests)."""

T = TypeVar("T")


@dataclass
class _CacheHealth:
    """This process's view of the cache: failing until ``down_until``."""

    down_until: float = 0.0


_health = _CacheHealth()


@dataclass(frozen=True)
class Rate:
    """At most ``limit`` events per ``period`` seconds."""

    limit: int
    period: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """``"60/minute"``, ``"10/s"``, ``"1000/day"``: a count, then a unit of time (second,
        minute, hour or day) of which the first letter is enough."""
        count, _, unit = text.partition("/")
        period = PERIODS.get(unit.strip()[:1].lower())
        if not count.strip().isdigit() or period is None:
            raise ImproperlyConfigured(
                f"Rate {text!r} is not a count per second, minute, hour or day (60/minute)."
            )
        return cls(int(count), period)


def _cached(operation: Callable[[], T], fallback: T) -> T:
    """``operation()`` on the cache, or ``fallback`` while the cache is failing."""
    if clock() < _health.down_until:
        return fallback
    try:
        return operation()
    except Exception:
        _health.down_until = clock() + CACHE_RETRY_SECONDS
        log.warning(
            "The cache failed: rate limits are not counted for the next %s seconds.",
            CACHE_RETRY_SECONDS,
            exc_info=True,
        )
        return fallback


class Window:
    """The current window of ``rate`` for the events of ``name``, fixed when made: an event
    taken in it is given back to it, even if the next window has begun meanwhile."""

    def __init__(self, name: str, rate: Rate) -> None:
        now = clock()
        number = int(now // rate.period)
        self.rate = rate
        self.key = f"ratelimit:{name}:{rate.period}:{number}"
        self.seconds_left = max(1, math.ceil((number + 1) * rate.period - now))
        """Whole seconds until the window ends (at least 1): what to wait when it is full."""

    def take(self) -> int | None:
        """Count one event if the window has room for it, and return how many it holds now;
        None (and nothing counted) when it is full. Taking is one atomic increment, so
        concurrent takers in any number of processes never overfill it."""

        def attempt() -> int | None:
            cache = caches["default"]
            count: int | None = None
            while count is None:
                # Kept a little past the window's end: a late give_back must find it.
                cache.add(self.key, 0, timeout=self.rate.period + 60)
                with contextlib.suppress(ValueError):  # Evicted between the two calls.
                    count = cache.incr(self.key)
            if count <= self.rate.limit:
                return count
            cache.decr(self.key)
            return None

        # While the cache fails, every event is taken, as the first of its window.
        taken_while_failing: int | None = 0
        return _cached(attempt, fallback=taken_while_failing)

    def give_back(self) -> None:
        """Uncount an event taken from this window (it turned out not to count)."""

        def attempt() -> None:
            with contextlib.suppress(ValueError):  # Expired meanwhile: nothing to give back.
                caches["default"].decr(self.key)

        _cached(attempt, fallback=None)
