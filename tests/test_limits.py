"""Rate limits (429 with Retry-After) and request size limits (413), both as problems."""

from typing import Any

from django.urls import reverse
from rest_framework.test import APIClient

from annotations.models import Article


def test_users_are_rate_limited(annotator: Any, client_for: Any, settings: Any) -> None:
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
