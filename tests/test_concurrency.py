"""Concurrent requests on the same rows queue on row locks instead of overwriting each other.

Each test slows one request down at the point where, without the lock, the other would slip in.
SQLite serialises all writers anyway and its in-memory test database is not shared between
threads, so these run on PostgreSQL (CI runs the suite on both).
"""

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections
from django.urls import reverse

from annotations import services
from annotations.api import serializers
from annotations.models import Membership, Role, Span, VerdictState
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)"
    ),
]

PAUSE = 0.5


def run_together(first: Callable[[], Any], second: Callable[[], Any]) -> tuple[Any, Any]:
    """Start ``first``, then ``second`` a moment later, each in its own thread and connection."""
    results: list[Any] = [None, None]

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            results[index] = call()
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(0, first)),
        threading.Thread(target=run, args=(1, second)),
    ]
    threads[0].start()
    time.sleep(PAUSE / 5)
    threads[1].start()
    for thread in threads:
        thread.join(timeout=30)
    return results[0], results[1]


def slowed(function: Callable[..., Any]) -> Callable[..., Any]:
    def slow(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        time.sleep(PAUSE)
        return result

    return slow


def test_an_edit_cannot_unpublish_a_verdict_published_meanwhile(
    member: Any, editor: Any, client_for: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    verdict = VerdictFactory(claim=ClaimFactory(workspace=workspace), submitted=True)
    other_editor = member(Role.EDITOR)
    # One editor's edit is slow between its checks and its save.
    monkeypatch.setattr(
        serializers.VerdictSerializer, "validate", slowed(serializers.VerdictSerializer.validate)
    )
    edit, publish = run_together(
        lambda: client_for(other_editor).patch(
            reverse("verdict-detail", args=[verdict.pk]), {"explanation": "Revised: 4.1%."}
        ),
        lambda: client_for(editor).post(reverse("verdict-publish", args=[verdict.pk])),
    )
    assert edit.status_code == 200
    assert publish.status_code == 200
    verdict.refresh_from_db()
    assert verdict.state == VerdictState.PUBLISHED
    assert verdict.explanation == "Revised: 4.1%."


def test_a_body_change_waits_for_a_span_being_anchored(
    annotator: Any, client_for: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator, body="hello world")
    monkeypatch.setattr(services, "span_anchor", slowed(services.span_anchor))
    span, change = run_together(
        lambda: client_for(annotator).post(
            reverse("span-list"), {"article": str(article.pk), "quote": "hello"}
        ),
        lambda: client_for(annotator).patch(
            reverse("article-detail", args=[article.pk]), {"body": "Well, hello world"}
        ),
    )
    assert span.status_code == 201
    assert change.status_code == 200
    # The change waited for the span and re-anchored it in the new body.
    assert change.data["reanchoring"]["counts"]["anchored"] == 1
    article.refresh_from_db()
    stored = Span.objects.get()
    assert (stored.start, stored.revision) == (6, 2)
    assert article.body[stored.start : stored.end] == stored.quote == "hello"


def test_two_editors_cannot_both_step_down(
    member: Any, client_for: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = member(Role.EDITOR, username="ed1"), member(Role.EDITOR, username="ed2")
    monkeypatch.setattr(services, "_check_keeps_an_editor", slowed(services._check_keeps_an_editor))

    def step_down(user: Any) -> Callable[[], Any]:
        url = reverse("membership-detail", args=[workspace.slug, user.username])
        return lambda: client_for(user).patch(url, {"role": Role.REVIEWER})

    responses = run_together(step_down(first), step_down(second))
    assert sorted(response.status_code for response in responses) == [200, 409]
    assert Membership.objects.filter(workspace=workspace, role=Role.EDITOR).count() == 1
