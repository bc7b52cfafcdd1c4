"""Rate limits (429 with Retry-After) and request size limits (413, 411), all as problems."""

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from annotations.articles.models import Article
from factcheck.http import ratelimit


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows are aligned on the clock: a test must not straddle two by chance."""
    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000.0)


def test_users_are_rate_limited(
    annotator: Any, client_for: Any, settings: Any, any_cache: str
) -> None:
    settings.FACTCHECK_THROTTLE_RATES = {"user": "3/minute", "anon": "100/minute"}
    client = client_for(annotator)
    statuses = [client.get(reverse("article-list")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get(reverse("article-list"))
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "urn:factcheck:problem:throttled"
    assert 0 < int(response["Retry-After"]) <= 60


def test_limits_are_per_user(member: Any, client_for: Any, settings: Any) -> None:
    settings.FACTCHECK_THROTTLE_RATES = {"user": "1/minute", "anon": "100/minute"}
    first, second = client_for(member()), client_for(member())
    assert first.get(reverse("article-list")).status_code == 200
    assert first.get(reverse("article-list")).status_code == 429
    assert second.get(reverse("article-list")).status_code == 200


def test_anonymous_clients_are_rate_limited(db: None, settings: Any) -> None:
    # Where anonymous requests get through at all: logging in, which guessing passwords uses.
    settings.FACTCHECK_THROTTLE_RATES = {"user": "100/minute", "anon": "2/minute"}
    client = APIClient()
    attempt = {"username": "someone", "password": "guess"}
    statuses = [
        client.post(reverse("auth-token"), attempt, format="json").status_code for _ in range(3)
    ]
    assert statuses == [400, 400, 429]


def test_a_body_over_the_limit_is_refused_and_nothing_stored(
    annotator: Any, client_for: Any, settings: Any
) -> None:
    settings.FACTCHECK_MAX_REQUEST_BYTES = 1_000
    client = client_for(annotator)
    response = client.post(reverse("article-list"), {"title": "big", "body": "x" * 2_000})
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "urn:factcheck:problem:request-too-large"
    assert not Article.objects.exists()
    small = client.post(reverse("article-list"), {"title": "small", "body": "x" * 500})
    assert small.status_code == 201


def guesses(addresses: list[str], **headers: str) -> list[int]:
    client = APIClient()
    attempt = {"username": "someone", "password": "guess"}
    return [
        client.post(
            reverse("auth-token"), attempt, format="json", HTTP_X_FORWARDED_FOR=address, **headers
        ).status_code
        for address in addresses
    ]


def test_forged_forwarded_addresses_do_not_escape_the_limit(
    db: None, settings: Any, any_cache: str
) -> None:
    # Without a trusted proxy, X-Forwarded-For is whatever the client wrote.
    settings.FACTCHECK_THROTTLE_RATES = {"user": "100/minute", "anon": "5/minute"}
    statuses = guesses([f"203.0.113.{n}" for n in range(20)])
    assert statuses == [400] * 5 + [429] * 15


def test_behind_trusted_proxies_each_client_has_its_own_limit(
    db: None, settings: Any, any_cache: str
) -> None:
    settings.FACTCHECK_THROTTLE_RATES = {"user": "100/minute", "anon": "2/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    # The proxy appends the address it saw; what the client wrote before it does not count.
    first = guesses(["1.1.1.1, 198.51.100.1", "2.2.2.2, 198.51.100.1", "198.51.100.1"])
    second = guesses(["198.51.100.2", "198.51.100.2"])
    assert (first, second) == ([400, 400, 429], [400, 400])


def test_a_chunked_body_the_server_did_not_decode_is_refused(
    annotator: Any, client_for: Any
) -> None:
    # runserver passes a chunked body on undecoded and without a length: Django would read it
    # as empty, and answer that the title is missing.
    response = client_for(annotator).generic(
        "POST",
        reverse("article-list"),
        b"",
        content_type="application/json",
        HTTP_TRANSFER_ENCODING="chunked",
    )
    assert response.status_code == 411
    assert response.json()["type"] == "urn:factcheck:problem:length-required"
    assert not Article.objects.exists()
