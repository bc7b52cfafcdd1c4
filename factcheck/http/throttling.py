"""Rate limits per user and per anonymous client, counted in the shared cache
(``factcheck.http.ratelimit``) at the rates of ``FACTCHECK_THROTTLE_RATES``.

An anonymous client is known by its address: the socket's, or the one that the last of
``NUM_PROXIES`` trusted proxies wrote into ``X-Forwarded-For`` (DRF's ``get_ident``), never an
address the client wrote itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from factcheck.http import ratelimit

if TYPE_CHECKING:
    # rest_framework.views imports the throttle classes from settings.
    from rest_framework.views import APIView


class RateThrottle(BaseThrottle):
    """Allows ``FACTCHECK_THROTTLE_RATES[scope]`` requests per window to each client that
    ``client_of`` names (None: not counted by this throttle)."""

    scope = ""

    def __init__(self) -> None:
        self.seconds_left: int | None = None

    def client_of(self, request: Request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request: Request, view: APIView) -> bool:
        rate_text: str | None = settings.FACTCHECK_THROTTLE_RATES.get(self.scope)
        client = self.client_of(request)
        if not rate_text or client is None:
            return True
        window = ratelimit.Window(
            f"throttle:{self.scope}:{client}", ratelimit.Rate.parse(rate_text)
        )
        if window.take() is not None:
            return True
        self.seconds_left = window.seconds_left
        return False

    def wait(self) -> float | None:
        return self.seconds_left


class AnonThrottle(RateThrottle):
    scope = "anon"

    def client_of(self, request: Request) -> str | None:
        return None if request.user.is_authenticated else self.get_ident(request)


class UserThrottle(RateThrottle):
    scope = "user"

    def client_of(self, request: Request) -> str | None:
        return str(request.user.pk) if request.user.is_authenticated else None
