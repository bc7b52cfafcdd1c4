"""ETag, If-None-Match and If-Match: reads can be cached, and a change made on a stale read
fails with 412 instead of overwriting someone else's."""

from typing import Any

import pytest
from django.urls import reverse

from annotations.articles.models import Article
from annotations.review.models import Verdict
from annotations.workspaces.models import Role
from tests.factories import ArticleFactory, SpanFactory, VerdictFactory


def test_single_resources_carry_an_etag_and_lists_do_not(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    client = client_for(annotator)
    created = client.post(reverse("article-list"), {"title": "t", "body": "b"})
    assert created.status_code == 201
    read = client.get(reverse("article-detail", args=[created.data["id"]]))
    assert read["ETag"] == created["ETag"]
    assert read["ETag"].startswith('"')
    assert "ETag" not in client.get(reverse("article-list"))
    one_shot = client.get(reverse("article-annotations", args=[created.data["id"]]))
    assert one_shot["ETag"]


def test_if_none_match_answers_304_until_the_resource_changes(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator)
    url = reverse("article-detail", args=[article.pk])
    client = client_for(annotator)
    etag = client.get(url)["ETag"]
    cached = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached["ETag"] == etag
    SpanFactory(article=article)  # span_count changes the representation
    fresh = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert fresh["ETag"] != etag


def test_the_second_of_two_concurrent_editors_gets_412(
    member: Any, client_for: Any, workspace: Any
) -> None:
    verdict = VerdictFactory(claim__workspace=workspace, submitted=True)
    url = reverse("verdict-detail", args=[verdict.pk])
    first, second = client_for(member(Role.EDITOR)), client_for(member(Role.EDITOR))
    etag = first.get(url)["ETag"]
    assert second.get(url)["ETag"] == etag
    saved = first.patch(url, {"explanation": "First editor's words."}, HTTP_IF_MATCH=etag)
    assert saved.status_code == 200
    assert saved["ETag"] != etag
    refused = second.patch(url, {"explanation": "Second editor's words."}, HTTP_IF_MATCH=etag)
    assert refused.status_code == 412
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["type"] == "urn:factcheck:problem:precondition-failed"
    verdict.refresh_from_db()
    assert verdict.explanation == "First editor's words."
    retried = second.patch(
        url, {"explanation": "Second editor's words."}, HTTP_IF_MATCH=saved["ETag"]
    )
    assert retried.status_code == 200


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_stale_if_match_changes_nothing(
    method: str, annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator, title="Before")
    url = reverse("article-detail", args=[article.pk])
    body = {"title": "After", "body": article.body}
    response = getattr(client_for(annotator), method)(url, body, HTTP_IF_MATCH='"stale"')
    assert response.status_code == 412
    assert Article.objects.get(pk=article.pk).title == "Before"


def test_if_match_star_and_current_tags_pass(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator)
    url = reverse("article-detail", args=[article.pk])
    client = client_for(annotator)
    assert client.patch(url, {"title": "One"}, HTTP_IF_MATCH="*").status_code == 200
    etag = client.get(url)["ETag"]
    assert client.patch(url, {"title": "Two"}, HTTP_IF_MATCH=f'"x", {etag}').status_code == 200
    assert client.delete(url, HTTP_IF_MATCH=client.get(url)["ETag"]).status_code == 204


def test_without_if_match_changes_go_through(
    reviewer: Any, client_for: Any, workspace: Any
) -> None:
    verdict = VerdictFactory(claim__workspace=workspace, reviewer=reviewer)
    response = client_for(reviewer).patch(
        reverse("verdict-detail", args=[verdict.pk]), {"explanation": "No precondition."}
    )
    assert response.status_code == 200
    assert Verdict.objects.get(pk=verdict.pk).explanation == "No precondition."


def test_read_only_resources_get_etags_but_stay_read_only(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    client = client_for(annotator)
    url = reverse("workspace-detail", args=[workspace.slug])
    assert client.get(url)["ETag"]
    assert client.put(url, {"name": "x"}).status_code == 405


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


def test_a_malformed_change_is_a_400_whatever_its_if_match(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator)
    url = reverse("article-detail", args=[article.pk])
    client = client_for(annotator)
    garbled = client.patch(
        url, b"\xfe\xff", content_type="application/json", HTTP_IF_MATCH='"TRUE"'
    )
    assert garbled.status_code == 400
    invalid = client.patch(url, {"title": ""}, HTTP_IF_MATCH='"TRUE"')
    assert invalid.status_code == 400
    assert client.patch(url, {"title": "ok"}, HTTP_IF_MATCH='"TRUE"').status_code == 412
