"""What only a real server shows, served as ``make serve`` serves: limits that hold across
worker processes (counted in Redis), a worker killed in the middle of a request, chunked
request bodies. See tests/live.py."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction
from rest_framework.authtoken.models import Token

from annotations.articles.models import Article, Span
from annotations.workspaces.models import Role
from factcheck.http.models import IdempotencyKey
from tests import live
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Windows of a day: a test that straddles two (at midnight UTC) would count twice.
A_DAY = {"FACTCHECK_LOGIN_WINDOW_MINUTES": "1440"}


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., live.LiveServer]]:
    servers: list[live.LiveServer] = []

    def start(workers: int = 2, **environment: str) -> live.LiveServer:
        server = live.start(tmp_path, workers=workers, **environment)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def all_at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls in threads started together; their results in order."""
    results: list[Any] = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(index: int) -> None:
        barrier.wait(timeout=30)
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def token_requests_by_worker(server: live.LiveServer) -> Counter[int]:
    return Counter(
        line["pid"]
        for line in server.log_lines()
        if line.get("logger") == "factcheck.request" and line.get("path") == "/api/v1/auth/token/"
    )


def test_failed_logins_are_counted_across_workers(
    serve: Callable[..., live.LiveServer], redis_cache: str
) -> None:
    UserFactory(username="alice", password=live.production_password("right-password"))
    server = serve(workers=3, CACHE_URL=redis_cache, FACTCHECK_THROTTLE_ANON="100000/day", **A_DAY)

    def guess(n: int) -> Callable[[], int]:
        body = {"username": "alice", "password": f"guess-{n}"}
        headers = {"X-Forwarded-For": f"203.0.113.{n}"}
        return lambda: server.request("POST", "/api/v1/auth/token/", body, headers).status

    statuses = Counter(all_at_once([guess(n) for n in range(30)]))
    # Several workers answered, yet together they let exactly the limit through.
    assert len(token_requests_by_worker(server)) > 1
    assert statuses == {400: 10, 429: 20}
    right = {"username": "alice", "password": "right-password"}
    assert server.request("POST", "/api/v1/auth/token/", right).status == 429


def test_the_address_limit_holds_across_workers_and_forged_addresses(
    serve: Callable[..., live.LiveServer], redis_cache: str
) -> None:
    server = serve(workers=3, CACHE_URL=redis_cache, FACTCHECK_THROTTLE_ANON="5/day", **A_DAY)

    def attempt(n: int) -> Callable[[], int]:
        body = {"username": f"user{n}", "password": "guess"}
        headers = {"X-Forwarded-For": f"198.51.100.{n}"}
        return lambda: server.request("POST", "/api/v1/auth/token/", body, headers).status

    statuses = Counter(all_at_once([attempt(n) for n in range(20)]))
    assert len(token_requests_by_worker(server)) > 1
    assert statuses == {400: 5, 429: 15}


def test_a_chunked_body_is_read(
    serve: Callable[..., live.LiveServer], member: Callable[..., Any]
) -> None:
    token = Token.objects.create(user=member(Role.ANNOTATOR))
    server = serve(workers=1, FACTCHECK_MAX_REQUEST_BYTES="2000")
    server.headers = {"Authorization": f"Token {token.key}"}
    response = server.request(
        "POST", "/api/v1/articles/", {"title": "Chunked", "body": "Sent in chunks."}, chunked=True
    )
    assert response.status == 201, response.body
    assert Article.objects.get().title == "Chunked"
    too_big = server.request(
        "POST", "/api/v1/articles/", {"title": "Big", "body": "x" * 3000}, chunked=True
    )
    assert too_big.status == 413
    assert Article.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="holds a row lock while a worker waits for it (PostgreSQL)",
)
def test_a_key_held_by_a_killed_worker_is_retried_after_its_lease(
    serve: Callable[..., live.LiveServer], member: Callable[..., Any], workspace: Any
) -> None:
    annotator = member(Role.ANNOTATOR)
    article = ArticleFactory(workspace=workspace, created_by=annotator, body="Hello there.")
    token = Token.objects.create(user=annotator)
    lease = 4
    server = serve(workers=1, FACTCHECK_IDEMPOTENCY_LEASE_SECONDS=str(lease))
    server.headers = {"Authorization": f"Token {token.key}", "Idempotency-Key": "span-1"}
    span = {"article": str(article.pk), "quote": "Hello"}
    [worker] = server.workers()
    failures: list[BaseException] = []

    def first_attempt() -> None:
        try:
            server.request("POST", "/api/v1/spans/", span)
        except OSError as exc:  # the connection dies with the worker
            failures.append(exc)

    with transaction.atomic():
        # Anchoring a span locks its article: the request waits here, its key claimed.
        Article.objects.select_for_update().get(pk=article.pk)
        attempt = threading.Thread(target=first_attempt)
        attempt.start()
        deadline = time.monotonic() + 20
        while not IdempotencyKey.objects.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert IdempotencyKey.objects.filter(response_status=None).exists()
        os.kill(worker, signal.SIGKILL)
        attempt.join(timeout=20)
    assert failures
    claimed_at = IdempotencyKey.objects.get().created_at.timestamp()
    server.wait_until_ready()
    assert not Span.objects.exists()

    # Until the lease ends the first request might still be running somewhere.
    early = server.request("POST", "/api/v1/spans/", span)
    if time.time() < claimed_at + lease:
        assert early.status == 409, early.body
        assert early.headers["Retry-After"]
    time.sleep(max(0.0, claimed_at + lease - time.time()) + 0.5)
    retry = server.request("POST", "/api/v1/spans/", span)
    assert retry.status == 201, retry.body
    assert "Idempotent-Replayed" not in retry.headers
    again = server.request("POST", "/api/v1/spans/", span)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert Span.objects.count() == 1
