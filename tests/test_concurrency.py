"""Concurrent requests on the same rows queue instead of overwriting each other or failing:
on PostgreSQL on row locks, on SQLite on the database's write lock (each transaction takes
it when it begins).

Each test slows one request down at the point where, without the lock, the other would slip in.
"""

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections
from django.urls import reverse

from annotations.articles import services
from annotations.articles.models import ArticleRevision, Span
from annotations.claims.models import Claim
from annotations.review import serializers
from annotations.review.models import VerdictState
from annotations.workspaces import services as workspace_services
from annotations.workspaces.models import Membership, Role
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db(transaction=True)

PAUSE = 0.5


def run_together(*calls: Callable[[], Any], stagger: float = PAUSE / 5) -> list[Any]:
    """Start each call in its own thread and connection, ``stagger`` seconds apart (all at
    once, as far as threads can be, when 0); return their results in order."""
    results: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(calls))

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            if not stagger:
                barrier.wait(timeout=30)
            results[index] = call()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
        time.sleep(stagger)
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return results


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
    monkeypatch.setattr(
        workspace_services,
        "_check_keeps_an_editor",
        slowed(workspace_services._check_keeps_an_editor),
    )

    def step_down(user: Any) -> Callable[[], Any]:
        url = reverse("membership-detail", args=[workspace.slug, user.username])
        return lambda: client_for(user).patch(url, {"role": Role.REVIEWER})

    responses = run_together(step_down(first), step_down(second))
    assert sorted(response.status_code for response in responses) == [200, 409]
    assert Membership.objects.filter(workspace=workspace, role=Role.EDITOR).count() == 1


def test_changes_of_one_body_queue(
    annotator: Any, client_for: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator, body="hello world")
    monkeypatch.setattr(services, "_revise_body", slowed(services._revise_body))
    url = reverse("article-detail", args=[article.pk])
    first, second = run_together(
        lambda: client_for(annotator).patch(url, {"body": "Well, hello world"}),
        lambda: client_for(annotator).patch(url, {"body": "Well, hello world!"}),
    )
    assert (first.status_code, second.status_code) == (200, 200), (first.data, second.data)
    assert sorted(ArticleRevision.objects.values_list("number", flat=True)) == [1, 2, 3]
    article.refresh_from_db()
    assert (article.revision, article.body) == (3, "Well, hello world!")


def test_links_in_a_ring_queue_instead_of_deadlocking(
    editor: Any, client_for: Any, workspace: Any
) -> None:
    claims = [ClaimFactory(workspace=workspace) for _ in range(6)]

    def link(index: int) -> Callable[[], Any]:
        url = reverse("claim-link", args=[claims[index].pk])
        other = str(claims[(index + 1) % len(claims)].pk)
        return lambda: client_for(editor).post(url, {"other": other})

    responses = run_together(*(link(index) for index in range(len(claims))), stagger=0)
    assert [response.status_code for response in responses] == [200] * len(claims), [
        response.content for response in responses
    ]
    groups = set(Claim.objects.values_list("group", flat=True))
    assert len(groups) == 1
    assert None not in groups
