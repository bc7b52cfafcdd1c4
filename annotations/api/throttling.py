"""Rate limits per user and per anonymous client, read from settings at request time."""

from django.conf import settings
from rest_framework import throttling


def _rate(scope: str | None) -> str | None:
    rates: dict[str, str] = settings.FACTCHECK_THROTTLE_RATES
    return rates.get(scope or "")


class AnonThrottle(throttling.AnonRateThrottle):
    def get_rate(self) -> str | None:
        return _rate(self.scope)


class UserThrottle(throttling.UserRateThrottle):
    def get_rate(self) -> str | None:
        return _rate(self.scope)
