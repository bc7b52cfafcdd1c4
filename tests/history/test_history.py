"""Every create, change and delete of articles, spans, claims and verdicts is recorded, and
readable at /{resource}/{id}/history/, newest first."""

from typing import Any

import pytest
from django.urls import reverse

from annotations.workspaces.models import Role
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory


def history(client: Any, kind: str, pk: Any, **headers: Any) -> Any:
    return client.get(reverse(f"{kind}-history", args=[pk]), **headers)


def test_an_articles_life_is_recorded(annotator: Any, editor: Any, client_for: Any) -> None:
    client = client_for(annotator)
    created = client.post(
        reverse("article-list"),
        {"title": "First", "body": "Text."},
        HTTP_X_REQUEST_ID="create-1",
    )
    assert created["X-Request-ID"] == "create-1"
    pk = created.data["id"]
    client.patch(reverse("article-detail", args=[pk]), {"title": "Second"})
    client_for(editor).delete(reverse("article-detail", args=[pk]))

    response = history(client, "article", pk)
    assert response.status_code == 200, response.content
    entries = response.json()["results"]
    assert [entry["action"] for entry in entries] == ["deleted", "changed", "created"]
    assert [entry["user"] for entry in entries] == ["eddie", "annie", "annie"]
    deleted, changed, creation = entries
    assert creation["request_id"] == "create-1"
    assert len(changed["request_id"]) == 32  # generated when the client sends none
    assert changed["changes"] == [{"field": "title", "before": "First", "after": "Second"}]
    fields = {change["field"]: change for change in creation["changes"]}
    assert fields["title"] == {"field": "title", "before": None, "after": "First"}
    assert {change["after"] for change in deleted["changes"]} == {None}
    assert {"title": "Second"}.items() <= {
        change["field"]: change["before"] for change in deleted["changes"]
    }.items()


def test_claim_history_follows_its_spans(annotator: Any, client_for: Any, workspace: Any) -> None:
    first, second = SpanFactory.create_batch(2, article=ArticleFactory(workspace=workspace))
    client = client_for(annotator)
    created = client.post(reverse("claim-list"), {"text": "A claim", "spans": [str(first.pk)]})
    pk = created.data["id"]
    client.patch(reverse("claim-detail", args=[pk]), {"spans": [str(second.pk)]})
    client.patch(reverse("claim-detail", args=[pk]), {"claimant": ""})  # no change at all
    changed, creation = history(client, "claim", pk).json()["results"]
    # One entry per request, though each wrote the claim and its spans separately.
    assert creation["action"] == "created"
    assert {"field": "spans", "before": None, "after": [str(first.pk)]} in creation["changes"]
    assert changed["action"] == "changed"
    assert changed["changes"] == [
        {"field": "spans", "before": [str(first.pk)], "after": [str(second.pk)]}
    ]


@pytest.mark.parametrize("kind", ["article", "span", "claim", "verdict"])
def test_each_resource_has_a_read_only_history(
    kind: str, editor: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=editor)
    rows = {
        "article": article,
        "span": SpanFactory(article=article),
        "claim": ClaimFactory(workspace=workspace),
        "verdict": VerdictFactory(claim__workspace=workspace),
    }
    client = client_for(editor)
    response = history(client, kind, rows[kind].pk)
    assert response.status_code == 200
    assert [entry["action"] for entry in response.json()["results"]] == ["created"]
    url = reverse(f"{kind}-history", args=[rows[kind].pk])
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(url, {}).status_code == 405


def test_history_is_scoped_like_the_rows(
    editor: Any, outsider: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace)
    assert history(client_for(outsider), "article", article.pk).status_code == 404
    client_for(editor).delete(reverse("article-detail", args=[article.pk]))
    # Deleted, it stays readable to its workspace and no one else.
    assert history(client_for(editor), "article", article.pk).status_code == 200
    assert history(client_for(outsider), "article", article.pk).status_code == 404
    assert history(client_for(editor), "article", article.workspace_id).status_code == 404


def test_verdict_history_is_blind_too(
    reviewer: Any, member: Any, editor: Any, client_for: Any, workspace: Any
) -> None:
    verdict = VerdictFactory(claim__workspace=workspace, reviewer=member(Role.REVIEWER))
    assert history(client_for(reviewer), "verdict", verdict.pk).status_code == 404
    client_for(editor).delete(reverse("verdict-detail", args=[verdict.pk]))
    assert history(client_for(reviewer), "verdict", verdict.pk).status_code == 404
    assert history(client_for(editor), "verdict", verdict.pk).status_code == 200


def test_history_queries_do_not_grow_with_changes(
    annotator: Any, client_for: Any, workspace: Any, django_assert_max_num_queries: Any
) -> None:
    spans = SpanFactory.create_batch(5, article=ArticleFactory(workspace=workspace))
    claim = ClaimFactory(workspace=workspace, created_by=annotator)
    for span in spans:
        claim.spans.add(span)
        claim.text += "!"
        claim.save()
    client = client_for(annotator)
    # token, savepoint pair, visibility, records, their span rows
    with django_assert_max_num_queries(7):
        response = history(client, "claim", claim.pk)
    assert len(response.json()["results"]) == 11  # a creation and ten changes


def test_a_malformed_id_has_no_history(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).get(reverse("article-history", args=["not-a-uuid"]))
    assert response.status_code == 404
