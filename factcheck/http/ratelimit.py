"""Counting events per fixed window of time in the cache that all processes share.

A count is one cache key per window (``ratelimit:<name>:<period>:<window number>``), changed
only by atomic increments (Redis ``INCR``; a lock in the local-memory cache), so that requests
racing in several processes cannot both take the last slot of a window. A window's count
starts at zero when the window does (windows are aligned on the epoch), which is what a
``Retry-After`` can promise.

The cache is a help, not a dependency (``factcheck.cache``): when it fails (Redis down or
slow), counting fails open, and every event is allowed.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from factcheck.cache import guarded

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

clock: Callable[[], float] = time.time
"""The time now, in seconds since the epoch (replaced in tests)."""


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
        return guarded(attempt, fallback=taken_while_failing)

    def give_back(self) -> None:
        """Uncount an event taken from this window (it turned out not to count)."""

        def attempt() -> None:
            with contextlib.suppress(ValueError):  # Expired meanwhile: nothing to give back.
                caches["default"].decr(self.key)

        guarded(attempt, fallback=None)
