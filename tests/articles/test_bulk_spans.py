"""POST /api/v1/spans/bulk/: up to 1,000 spans in one request, all or nothing."""

from typing import Any

from django.urls import reverse

from annotations.articles.models import Span
from annotations.workspaces.models import Role
from tests.factories import ArticleFactory, MembershipFactory, WorkspaceFactory
from tests.helpers import error_fields

URL = reverse("span-bulk")


def test_creates_spans_on_several_articles_in_order(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    first, second = ArticleFactory.create_batch(2, workspace=workspace)
    batch = [
        {"article": str(first.pk), "start": 0, "end": 3},
        {"article": str(second.pk), "quote": "minister"},
        {"article": str(first.pk), "start": 4, "end": 12, "note": "who"},
    ]
    response = client_for(annotator).post(URL, batch)
    assert response.status_code == 201, response.content
    assert [span["quote"] for span in response.data] == ["The", "minister", "minister"]
    assert [span["article"] for span in response.data] == [first.pk, second.pk, first.pk]
    assert Span.objects.count() == 3


def test_the_response_shows_each_span_as_a_later_read_does(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace)
    client = client_for(annotator)
    batch = [{"article": str(article.pk), "quote": "minister", "note": "who"}]
    (created,) = client.post(URL, batch).json()
    assert client.get(reverse("span-detail", args=[created["id"]])).json() == created


def test_a_bad_item_rejects_the_batch_naming_its_index(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace)
    batch = [
        {"article": str(article.pk), "start": 0, "end": 3},
        {"article": str(article.pk), "start": 5, "end": 2},
        {"article": str(article.pk), "quote": "absent words"},
    ]
    response = client_for(annotator).post(URL, batch)
    assert response.status_code == 400
    assert error_fields(response) == {"1.end", "2.quote"}
    assert not Span.objects.exists()


def test_the_batch_is_bounded(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, body="x" * 2000)
    client = client_for(annotator)
    assert client.post(URL, []).status_code == 400
    assert client.post(URL, {"article": str(article.pk)}).status_code == 400
    too_many = [{"article": str(article.pk), "start": i, "end": i + 1} for i in range(1001)]
    assert client.post(URL, too_many).status_code == 400
    most = too_many[:1000]
    response = client.post(URL, most)
    assert response.status_code == 201
    assert Span.objects.count() == 1000


def test_every_article_must_be_writable(
    member: Any, client_for: Any, workspace: Any, outsider: Any
) -> None:
    sports = WorkspaceFactory(slug="sports")
    user = member(Role.ANNOTATOR)
    MembershipFactory(user=user, workspace=sports, role=Role.REVIEWER)
    mine, theirs = ArticleFactory(workspace=workspace), ArticleFactory(workspace=sports)
    batch = [
        {"article": str(mine.pk), "start": 0, "end": 3},
        {"article": str(theirs.pk), "start": 0, "end": 3},
    ]
    assert client_for(user).post(URL, batch).status_code == 403
    elsewhere = client_for(outsider).post(URL, batch[:1])
    assert elsewhere.status_code == 400
    assert error_fields(elsewhere) == {"0.article"}
    assert client_for(member(Role.REVIEWER)).post(URL, batch[:1]).status_code == 403
    assert not Span.objects.exists()


def test_a_batch_runs_the_same_queries_whatever_its_size(
    annotator: Any, client_for: Any, workspace: Any, django_assert_max_num_queries: Any
) -> None:
    body = "word " * 2000
    article = ArticleFactory(workspace=workspace, created_by=annotator, body=body)
    client = client_for(annotator)
    # Token, membership, article, its locked body, spans, history; the request's savepoints.
    # (SQLite takes at most 999 parameters a statement, so there Django inserts about 50 spans
    # at a time: the sizes stay below that.)
    for size in (10, 40):
        batch = [
            {"article": str(article.pk), "start": 5 * i, "end": 5 * i + 4} for i in range(size)
        ]
        with django_assert_max_num_queries(8):
            response = client.post(URL, batch, HTTP_X_REQUEST_ID=f"bulk-{size}")
        assert response.status_code == 201, response.content
    records = Span.history.filter(history_type="+", history_request_id="bulk-40")
    assert records.count() == 40
    assert {record.history_user_id for record in records} == {annotator.pk}
    assert {record.history_workspace_id for record in records} == {workspace.pk}
    assert all(body[s.start : s.end] == s.quote for s in Span.objects.all())
    span = Span.objects.get(pk=records[0].id)
    (entry,) = client.get(reverse("span-history", args=[span.pk])).json()["results"]
    assert entry["action"] == "created"
    assert entry["user"] == annotator.username
    assert entry["request_id"] == "bulk-40"
    created = {change["field"]: change["after"] for change in entry["changes"]}
    assert created["quote"] == span.quote
    assert created["start"] == span.start
