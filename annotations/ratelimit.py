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


def _window(rate: Rate) -> tuple[int, int]:
    """The current window's number, and the whole seconds until it ends (at least 1)."""
    now = clock()
    number = int(now // rate.period)
    return number, max(1, math.ceil((number + 1) * rate.period - now))


def _key(name: str, rate: Rate, window: int) -> str:
    return f"ratelimit:{name}:{rate.period}:{window}"


def _increment(key: str, rate: Rate, delta: int = 1) -> int:
    cache = caches["default"]
    # Kept a little past the window's end: a late increment must find it, not recreate it.
    cache.add(key, 0, timeout=rate.period + 60)
    try:
        return cache.incr(key, delta)
    except ValueError:  # Evicted between the two calls.
        cache.add(key, 0, timeout=rate.period + 60)
        return cache.incr(key, delta)


def take(name: str, rate: Rate) -> int | None:
    """Count one event of ``name`` if the window has room for it. Returns None when it was
    counted, else the seconds until the window ends (and it was not counted)."""
    window, seconds_left = _window(rate)
    key = _key(name, rate, window)

    def attempt() -> bool:
        if _increment(key, rate) <= rate.limit:
            return True
        caches["default"].decr(key)
        return False

    return None if _cached(attempt, fallback=True) else seconds_left


def record(name: str, rate: Rate) -> int:
    """Count one event of ``name`` in the current window; return the window's count (0 if
    the cache is failing)."""
    window, _ = _window(rate)
    key = _key(name, rate, window)
    return _cached(lambda: _increment(key, rate), fallback=0)


def exhausted(name: str, rate: Rate) -> int | None:
    """The seconds until the current window ends if ``name`` has used up the window's
    limit, else None."""
    window, seconds_left = _window(rate)
    key = _key(name, rate, window)
    count = _cached(lambda: caches["default"].get(key, 0), fallback=0)
    return seconds_left if count >= rate.limit else None
