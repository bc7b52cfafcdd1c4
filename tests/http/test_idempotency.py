"""``Idempotency-Key`` on API creates: a retry returns the first response instead of creating
again. The concurrent tests at the end need PostgreSQL (see tests/test_concurrency.py)."""

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection, connections
from django.http import HttpRequest, HttpResponseBase
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.api import viewsets as views
from annotations.articles.models import Article
from annotations.workspaces.models import Role
from factcheck.errors import Conflict
from factcheck.http import idempotency
from factcheck.http.idempotency import IdempotencyMiddleware, delete_expired_idempotency_keys
from factcheck.http.models import IdempotencyKey

LIST = reverse("article-list")
PAYLOAD = {"title": "t", "body": "b"}
KEY = "4f1c2a9e-retry-me"
PAUSE = 0.5

db = pytest.mark.django_db
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)"
)


def post(client: APIClient, payload: dict[str, Any] | None = None, key: str | None = KEY) -> Any:
    headers = {} if key is None else {"Idempotency-Key": key}
    return client.post(LIST, PAYLOAD if payload is None else payload, headers=headers)


def assert_problem(response: Any, status: int, slug: str) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == f"urn:factcheck:problem:{slug}"
    assert problem["status"] == status
    assert problem["title"]
    assert problem["detail"]


def slowed(function: Callable[..., Any], pause: float = PAUSE) -> Callable[..., Any]:
    def slow(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        time.sleep(pause)
        return result

    return slow


# --- Retries ---------------------------------------------------------------------------------


@db
def test_a_retry_returns_the_first_response_and_creates_nothing(
    annotator: Any, client_for: Any
) -> None:
    client = client_for(annotator)
    first = post(client)
    assert first.status_code == 201, first.content
    assert "Idempotent-Replayed" not in first

    retry = post(client)
    assert retry.status_code == 201
    assert retry["Idempotent-Replayed"] == "true"
    assert retry["Content-Type"] == first["Content-Type"]
    assert retry.content == first.content
    assert retry.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1
    stored = IdempotencyKey.objects.get()
    assert (stored.user, stored.key, stored.response_status) == (annotator, KEY, 201)


@db
def test_the_same_key_with_another_body_is_refused(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    assert post(client).status_code == 201
    response = post(client, {"title": "another", "body": "b"})
    assert_problem(response, 422, "idempotency-key-reused")
    assert Article.objects.count() == 1


@db
def test_the_same_key_on_another_path_is_refused(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    assert post(client).status_code == 201
    response = client.post(f"{LIST}?x=1", PAYLOAD, headers={"Idempotency-Key": KEY})
    assert_problem(response, 422, "idempotency-key-reused")
    assert Article.objects.count() == 1


@db
def test_keys_belong_to_their_user(annotator: Any, member: Any, client_for: Any) -> None:
    other = member(Role.ANNOTATOR, username="bob")
    mine = post(client_for(annotator))
    theirs = post(client_for(other))
    assert mine.status_code == theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs
    assert theirs.json()["id"] != mine.json()["id"]
    assert theirs.json()["created_by"] == "bob"
    assert Article.objects.count() == 2
    assert IdempotencyKey.objects.filter(key=KEY).count() == 2


@db
def test_a_client_error_is_replayed(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    first = post(client, {"title": "", "body": "b"})
    assert first.status_code == 400
    retry = post(client, {"title": "", "body": "b"})
    assert retry.status_code == 400
    assert retry["Idempotent-Replayed"] == "true"
    assert retry.content == first.content
    assert Article.objects.count() == 0


@db
def test_a_server_error_releases_the_key(
    annotator: Any, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_for(annotator)
    client.raise_request_exception = False

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("database went away")

    with monkeypatch.context() as patched:
        patched.setattr(views.WorkspaceScopedViewSet, "perform_create", fail)
        assert post(client).status_code == 500
    assert not IdempotencyKey.objects.exists()

    retry = post(client)
    assert retry.status_code == 201
    assert "Idempotent-Replayed" not in retry
    assert Article.objects.count() == 1


@db
def test_a_conflict_from_the_view_releases_the_key(
    annotator: Any, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 409 tells the client to retry; a replay of it would make the retry impossible."""
    client = client_for(annotator)

    def conflict(*args: Any, **kwargs: Any) -> None:
        raise Conflict("Changed meanwhile.")

    with monkeypatch.context() as patched:
        patched.setattr(views.WorkspaceScopedViewSet, "perform_create", conflict)
        assert post(client).status_code == 409
    assert not IdempotencyKey.objects.exists()
    assert post(client).status_code == 201
    assert Article.objects.count() == 1


@db
def test_an_exception_through_the_middleware_releases_the_key(annotator: Any) -> None:
    token, _ = Token.objects.get_or_create(user=annotator)
    request = RequestFactory().post(
        LIST,
        PAYLOAD,
        content_type="application/json",
        headers={"Authorization": f"Token {token.key}", "Idempotency-Key": KEY},
    )

    def explode(request: HttpRequest) -> HttpResponseBase:
        assert IdempotencyKey.objects.filter(response_status__isnull=True).count() == 1
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        IdempotencyMiddleware(explode)(request)
    assert not IdempotencyKey.objects.exists()


# --- Expiry ----------------------------------------------------------------------------------


@db
def test_an_expired_key_is_forgotten(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    first = post(client)
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=24, minutes=1))

    retry = post(client, {"title": "a new article", "body": "b"})  # Even with another body.
    assert retry.status_code == 201
    assert "Idempotent-Replayed" not in retry
    assert retry.json()["id"] != first.json()["id"]
    assert Article.objects.count() == 2
    assert IdempotencyKey.objects.get().created_at > timezone.now() - timedelta(minutes=1)


@db
def test_a_key_younger_than_the_ttl_is_kept(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    post(client)
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=23))
    assert post(client)["Idempotent-Replayed"] == "true"
    assert Article.objects.count() == 1


@db
def test_the_ttl_is_a_setting(annotator: Any, client_for: Any, settings: Any) -> None:
    settings.FACTCHECK_IDEMPOTENCY_TTL_HOURS = 1
    client = client_for(annotator)
    post(client)
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=2))
    assert "Idempotent-Replayed" not in post(client)
    assert Article.objects.count() == 2


def crash_after_claiming(client: APIClient) -> None:
    """What a worker killed in the middle of a request leaves: the key claimed and never
    finished, and nothing else (the request's transaction was rolled back)."""
    post(client)
    IdempotencyKey.objects.update(response_status=None, response_headers={}, response_body=b"")
    Article.objects.all().delete()


@db
def test_a_key_abandoned_by_a_dead_request_runs_anew_after_its_lease(
    annotator: Any, client_for: Any, settings: Any
) -> None:
    settings.FACTCHECK_IDEMPOTENCY_LEASE_SECONDS = 30
    client = client_for(annotator)
    crash_after_claiming(client)
    # Within the lease the first request may still be running somewhere.
    assert_problem(post(client), 409, "idempotency-key-in-progress")
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(seconds=31))

    retry = post(client)
    assert retry.status_code == 201, retry.content
    assert "Idempotent-Replayed" not in retry
    assert Article.objects.count() == 1
    again = post(client)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == retry.json()["id"]
    assert Article.objects.count() == 1


@db
def test_an_abandoned_key_still_refuses_another_request(
    annotator: Any, client_for: Any, settings: Any
) -> None:
    settings.FACTCHECK_IDEMPOTENCY_LEASE_SECONDS = 30
    client = client_for(annotator)
    crash_after_claiming(client)
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(seconds=31))
    assert_problem(post(client, {"title": "other", "body": "b"}), 422, "idempotency-key-reused")
    assert not Article.objects.exists()


@db
def test_cleanup_deletes_only_expired_keys(annotator: Any, member: Any) -> None:
    other = member(Role.ANNOTATOR, username="bob")
    now = timezone.now()
    ages = {"old": timedelta(hours=25), "older": timedelta(days=3), "fresh": timedelta(hours=23)}
    for key, age in ages.items():
        for user in (annotator, other):
            row = IdempotencyKey.objects.create(user=user, key=key, fingerprint="0" * 64)
            IdempotencyKey.objects.filter(pk=row.pk).update(created_at=now - age)

    assert delete_expired_idempotency_keys(now=now) == 4
    assert set(IdempotencyKey.objects.values_list("key", flat=True)) == {"fresh"}
    assert IdempotencyKey.objects.count() == 2
    assert delete_expired_idempotency_keys(now=now + timedelta(hours=2)) == 2
    assert delete_expired_idempotency_keys() == 0


# --- What the middleware leaves alone, and what it refuses ---------------------------------


@db
def test_requests_without_a_key_and_reads_are_untouched(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    assert post(client, key=None).status_code == 201
    assert post(client, key=None).status_code == 201
    assert Article.objects.count() == 2
    read = client.get(LIST, headers={"Idempotency-Key": KEY})
    assert read.status_code == 200
    assert read.json()["count"] == 2
    assert "Idempotent-Replayed" not in read
    assert not IdempotencyKey.objects.exists()


@db
@pytest.mark.parametrize("key", ["", "k" * 256, "caf\u00e9", "tab\there"])
def test_an_invalid_key_is_refused(annotator: Any, client_for: Any, key: str) -> None:
    response = post(client_for(annotator), key=key)
    assert_problem(response, 400, "invalid-idempotency-key")
    assert not Article.objects.exists()
    assert not IdempotencyKey.objects.exists()


@db
def test_a_key_of_255_characters_is_accepted(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    assert post(client, key="k" * 255).status_code == 201
    assert post(client, key="k" * 255)["Idempotent-Replayed"] == "true"


@db
def test_anonymous_requests_are_left_to_the_view(workspace: Any, anonymous: APIClient) -> None:
    assert post(anonymous).status_code == 401
    bad_token = APIClient()
    bad_token.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert post(bad_token).status_code == 401
    assert not IdempotencyKey.objects.exists()
    assert not Article.objects.exists()


@db
def test_session_users_are_recognised(annotator: Any) -> None:
    client = APIClient()
    client.force_login(annotator)
    assert post(client).status_code == 201
    assert post(client)["Idempotent-Replayed"] == "true"
    assert Article.objects.count() == 1


@db
def test_a_csrf_failure_is_left_to_the_view(annotator: Any) -> None:
    """The middleware's own authentication does not change what the view sees."""
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(annotator)
    response = post(client)
    assert response.status_code == 403
    assert b"CSRF" in response.content
    assert not IdempotencyKey.objects.exists()


# --- Concurrent requests (PostgreSQL) ------------------------------------------------------


def run_threads(calls: list[Callable[[], Any]], stagger: float = 0.0) -> list[Any]:
    """Run each call in its own thread and connection; ``stagger`` seconds apart, or all at
    once when 0."""
    results: list[Any] = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            if not stagger:
                start.wait(timeout=10)
            results[index] = call()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
        time.sleep(stagger)
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_a_retry_while_the_first_runs_is_told_to_wait(
    annotator: Any, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first request stays in its view, its article saved but not committed, for PAUSE.
    monkeypatch.setattr(
        views.WorkspaceScopedViewSet,
        "perform_create",
        slowed(views.WorkspaceScopedViewSet.perform_create),
    )
    first_client, retry_client = client_for(annotator), client_for(annotator)
    first, retry = run_threads(
        [lambda: post(first_client), lambda: post(retry_client)], stagger=PAUSE / 5
    )
    assert first.status_code == 201, first.content
    assert_problem(retry, 409, "idempotency-key-in-progress")
    assert Article.objects.count() == 1
    assert IdempotencyKey.objects.get().response_status == 201

    again = post(client_for(annotator))
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_simultaneous_requests_with_one_key_create_once(
    annotator: Any, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        views.WorkspaceScopedViewSet,
        "perform_create",
        slowed(views.WorkspaceScopedViewSet.perform_create, PAUSE / 5),
    )
    clients = [client_for(annotator) for _ in range(8)]
    responses = run_threads([lambda client=client: post(client) for client in clients])

    created = [r for r in responses if r.status_code == 201 and "Idempotent-Replayed" not in r]
    assert len(created) == 1, [r.status_code for r in responses]
    article_id = created[0].json()["id"]
    for response in responses:
        if response is created[0]:
            continue
        if response.status_code == 409:
            assert_problem(response, 409, "idempotency-key-in-progress")
        else:
            assert response.status_code == 201, response.content
            assert response["Idempotent-Replayed"] == "true"
            assert response.json()["id"] == article_id
    assert Article.objects.count() == 1
    assert IdempotencyKey.objects.get().response_status == 201


def test_the_middleware_is_configured_after_authentication(settings: Any) -> None:
    path = f"{idempotency.__name__}.{IdempotencyMiddleware.__name__}"
    middleware = list(settings.MIDDLEWARE)
    # Session authentication, which the middleware uses, needs the session's user.
    assert middleware.index(path) > middleware.index(
        "django.contrib.auth.middleware.AuthenticationMiddleware"
    )


@db
def test_a_body_too_large_to_fingerprint_is_left_to_the_view(
    annotator: Any, client_for: Any, settings: Any
) -> None:
    """Whoever answers an oversized body answers it as without an Idempotency-Key."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10
    client = client_for(annotator)
    payload = {"title": "t", "body": "b" * 100}
    without_key = post(client, payload, key=None)
    with_key = post(client, payload)
    assert with_key.status_code == without_key.status_code
    assert with_key.content == without_key.content
    assert not IdempotencyKey.objects.exists()


def test_logging_in_is_never_stored_for_idempotency(annotator: Any, db: None) -> None:
    annotator.set_password("pw")
    annotator.save()
    response = APIClient().post(
        reverse("auth-token"),
        {"username": annotator.username, "password": "pw"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="login-1",
    )
    assert response.status_code == 200
    assert not IdempotencyKey.objects.exists()


@db
def test_without_credentials_an_invalid_key_is_a_401(anonymous: Any) -> None:
    """Who asks is checked first: keys are kept per user, and a request without one is
    refused as such, whatever its key."""
    response = post(anonymous, key="caf\u00e9")
    assert response.status_code == 401
    assert not Article.objects.exists()
