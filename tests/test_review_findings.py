"""Behaviour a review of the workflow, history and conditional requests found wanting."""

from typing import Any

from django.urls import reverse
from rest_framework.test import APIClient

from annotations.review.models import VerdictState
from annotations.workspaces.models import Role
from factcheck.http.models import IdempotencyKey
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory


def test_deeply_nested_json_is_a_400(annotator: Any, client_for: Any) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    response = client_for(annotator).post(
        reverse("article-list"), nested, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["type"] == "urn:factcheck:problem:parse-error"


def test_superseding_is_in_the_verdicts_history(
    editor: Any, client_for: Any, workspace: Any
) -> None:
    first = VerdictFactory(claim__workspace=workspace, published=True)
    second = VerdictFactory(claim=first.claim, submitted=True)
    client = client_for(editor)
    assert client.post(reverse("verdict-publish", args=[second.pk])).status_code == 200
    latest = client.get(reverse("verdict-history", args=[first.pk])).json()["results"][0]
    assert {"field": "state", "before": "published", "after": "superseded"} in latest["changes"]


def test_claims_do_not_betray_hidden_verdicts(
    reviewer: Any, member: Any, editor: Any, client_for: Any, workspace: Any
) -> None:
    claim = ClaimFactory(workspace=workspace, spans=[SpanFactory(article__workspace=workspace)])
    VerdictFactory(claim=claim, reviewer=member(Role.REVIEWER), rating_id="true", submitted=True)
    VerdictFactory(claim=claim, reviewer=member(Role.REVIEWER), rating_id="false", submitted=True)
    url = reverse("claim-detail", args=[claim.pk])
    blind = client_for(reviewer)
    assert (blind.get(url).data["status"], blind.get(url).data["verdict_count"]) == (
        "unreviewed",
        0,
    )
    assert blind.get(reverse("claim-list"), {"status": "disputed"}).data["count"] == 0
    one_shot = blind.get(reverse("article-annotations", args=[claim.spans.get().article_id]))
    assert one_shot.data["claims"][0]["status"] == "unreviewed"
    assert client_for(editor).get(url).data["status"] == "disputed"
    mine = VerdictFactory(claim=claim, reviewer=reviewer, rating_id="true", submitted=True)
    assert mine.state == VerdictState.SUBMITTED
    assert blind.get(url).data["status"] == "disputed"  # judged: the blind is lifted


def test_a_published_verdict_is_never_deleted(editor: Any, client_for: Any, workspace: Any) -> None:
    verdict = VerdictFactory(claim__workspace=workspace, published=True)
    response = client_for(editor).delete(reverse("verdict-detail", args=[verdict.pk]))
    assert response.status_code == 409
    verdict.refresh_from_db()  # still there


def test_ratings_and_members_take_if_match_too(staff_user: Any, client_for: Any) -> None:
    client = client_for(staff_user)
    url = reverse("rating-detail", args=["false"])
    etag = client.get(url)["ETag"]
    assert client.patch(url, {"label": "One"}, HTTP_IF_MATCH=etag).status_code == 200
    assert client.patch(url, {"label": "Two"}, HTTP_IF_MATCH=etag).status_code == 412


def test_if_match_compares_strongly(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator)
    url = reverse("article-detail", args=[article.pk])
    client = client_for(annotator)
    etag = client.get(url)["ETag"]
    assert client.patch(url, {"title": "x"}, HTTP_IF_MATCH=f"W/{etag}").status_code == 412
    # Nothing changed; If-None-Match compares weakly.
    assert client.get(url, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304


def test_a_malformed_id_has_no_history(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).get(reverse("article-history", args=["not-a-uuid"]))
    assert response.status_code == 404


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


def test_django_level_errors_under_the_api_are_problems(db: None, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["factcheck.example"]
    settings.DEBUG = False
    response = APIClient().get("/api/v1/articles/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
