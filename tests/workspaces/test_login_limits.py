"""Failed logins are limited per account, whatever the address they come from, in the cache
every process shares; a cache that is down limits nothing and takes nothing down.

Each test runs with the local-memory cache and with Redis (``any_cache``)."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from factcheck.http import ratelimit
from tests.factories import UserFactory

TOKEN = "auth-token"
NOW = 1_800_000_000.0  # a fixed instant, at the start of a 15-minute window


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> dict[str, float]:
    """Windows are aligned on the clock: a test must not straddle two by chance."""
    now = {"time": NOW}
    monkeypatch.setattr(ratelimit, "clock", lambda: now["time"])
    return now


@pytest.fixture(autouse=True)
def generous_address_limits(settings: Any) -> None:
    # The per-address limit is tested in test_limits.py; here only the per-account one acts.
    settings.FACTCHECK_THROTTLE_RATES = {"user": "1000/minute", "anon": "1000/minute"}


@pytest.fixture
def alice(db: None) -> Any:
    return UserFactory(username="alice", password="right-password")


def log_in(password: str, username: str = "alice", address: str = "198.51.100.7") -> Any:
    return APIClient().post(
        reverse(TOKEN),
        {"username": username, "password": password},
        format="json",
        HTTP_X_FORWARDED_FOR=address,
    )


def test_wrong_passwords_from_many_addresses_lock_the_account(
    alice: Any, any_cache: str, settings: Any
) -> None:
    statuses = [log_in("guess", address=f"203.0.113.{n}").status_code for n in range(10)]
    assert statuses == [400] * 10
    refused = log_in("guess", address="203.0.113.200")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["type"] == "urn:factcheck:problem:throttled"
    assert 0 < int(refused["Retry-After"]) <= settings.FACTCHECK_LOGIN_WINDOW_MINUTES * 60
    # The right password does not get through either, from anywhere.
    assert log_in("right-password", address="192.0.2.1").status_code == 429


def test_the_lock_ends_with_its_window(
    alice: Any, any_cache: str, frozen_clock: dict[str, float]
) -> None:
    for _ in range(10):
        log_in("guess")
    locked = log_in("right-password")
    assert locked.status_code == 429
    frozen_clock["time"] += int(locked["Retry-After"])
    response = log_in("right-password")
    assert response.status_code == 200
    assert response.json()["token"]


def test_other_accounts_are_not_locked(alice: Any, any_cache: str) -> None:
    UserFactory(username="bob", password="bobs-password")
    for _ in range(12):
        log_in("guess")
    assert log_in("bobs-password", username="bob").status_code == 200


def test_failures_count_whatever_the_case_of_the_username(alice: Any, any_cache: str) -> None:
    for username in ["ALICE", "Alice", "alice", "aLiCe", "alicE"] * 2:
        log_in("guess", username=username)
    assert log_in("right-password").status_code == 429


def test_a_locked_account_cannot_log_in_anywhere_else(alice: Any, any_cache: str) -> None:
    alice.is_staff = True
    alice.save()
    for _ in range(10):
        log_in("guess")
    for path in ["/admin/login/", "/api-auth/login/"]:
        browser = Client()
        browser.post(path, {"username": "alice", "password": "right-password"})
        assert "_auth_user_id" not in browser.session, path


def test_failures_at_the_admin_count_too(alice: Any, any_cache: str) -> None:
    for _ in range(10):
        Client().post("/admin/login/", {"username": "alice", "password": "guess"})
    assert log_in("right-password").status_code == 429


def test_a_cache_that_is_down_limits_nothing_and_breaks_nothing(
    alice: Any, settings: Any, caplog: pytest.LogCaptureFixture, client_for: Any
) -> None:
    # A port where nothing listens: every cache call fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.FACTCHECK_THROTTLE_RATES = {"user": "1/minute", "anon": "1/minute"}
    assert [log_in("guess").status_code for _ in range(12)] == [400] * 12
    assert log_in("right-password").status_code == 200
    client = client_for(alice)
    assert [client.get(reverse("me")).status_code for _ in range(3)] == [200] * 3
    warnings = [r for r in caplog.records if r.name == "factcheck.cache"]
    # Said once, not once a request: the cache is left alone for a while after it fails.
    assert len(warnings) == 1
    assert "not counted" in warnings[0].getMessage()
