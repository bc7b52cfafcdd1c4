from typing import Any

import pytest
from django.urls import reverse

from annotations.articles.models import Article
from annotations.workspaces.models import Role
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, WorkspaceFactory
from tests.helpers import error_fields

LIST = reverse("article-list")


def detail(article: Article) -> str:
    return reverse("article-detail", args=[article.pk])


def test_create_normalises_the_body_and_returns_it(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).post(
        LIST,
        {"title": "Cafe\u0301 prices", "body": "Cafe\u0301 prices rose.\r\nSecond line.\rThird."},
    )
    assert response.status_code == 201, response.data
    assert response.data["body"] == "Caf\u00e9 prices rose.\nSecond line.\nThird."
    assert response.data["workspace"] == "desk"
    assert response.data["created_by"] == "annie"
    assert response.data["span_count"] == 0
    assert response.data["claim_count"] == 0
    stored = Article.objects.get(pk=response.data["id"])
    assert stored.body == response.data["body"]


@pytest.mark.parametrize("missing", ["title", "body"])
def test_title_and_body_are_required(annotator: Any, client_for: Any, missing: str) -> None:
    payload = {"title": "A title", "body": "A body"}
    del payload[missing]
    response = client_for(annotator).post(LIST, payload)
    assert response.status_code == 400
    assert missing in error_fields(response)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("url", "not a url"),
        ("language", "English"),
        ("published_at", "yesterday"),
        ("title", ""),
        ("body", ""),
    ],
)
def test_invalid_fields_are_named(annotator: Any, client_for: Any, field: str, value: str) -> None:
    payload = {"title": "A title", "body": "A body", field: value}
    response = client_for(annotator).post(LIST, payload)
    assert response.status_code == 400
    assert error_fields(response) == {field}


def test_url_is_unique_within_a_workspace_only(
    annotator: Any, member: Any, client_for: Any
) -> None:
    url = "https://news.example/story"
    client = client_for(annotator)
    assert client.post(LIST, {"title": "One", "body": "x", "url": url}).status_code == 201
    response = client.post(LIST, {"title": "Two", "body": "y", "url": url})
    assert response.status_code == 400
    assert "url" in error_fields(response)
    # Articles without a url never clash.
    assert client.post(LIST, {"title": "Three", "body": "z"}).status_code == 201
    assert client.post(LIST, {"title": "Four", "body": "z", "url": ""}).status_code == 201
    # Another workspace may hold the same url.
    sports = WorkspaceFactory(slug="sports")
    other = member(Role.ANNOTATOR, ws=sports)
    response = client_for(other).post(LIST, {"title": "Five", "body": "w", "url": url})
    assert response.status_code == 201, response.data


def test_workspace_is_required_for_members_of_several(
    annotator: Any, client_for: Any, other_workspace: Any
) -> None:
    from tests.factories import MembershipFactory

    MembershipFactory(user=annotator, workspace=other_workspace, role=Role.ANNOTATOR)
    client = client_for(annotator)
    response = client.post(LIST, {"title": "t", "body": "b"})
    assert response.status_code == 400
    assert "workspace" in error_fields(response)
    response = client.post(LIST, {"title": "t", "body": "b", "workspace": "elsewhere"})
    assert response.status_code == 201
    assert response.data["workspace"] == "elsewhere"


def test_unknown_workspace_is_a_400(annotator: Any, client_for: Any, other_workspace: Any) -> None:
    for slug in ["nowhere", "elsewhere"]:
        response = client_for(annotator).post(LIST, {"title": "t", "body": "b", "workspace": slug})
        assert response.status_code == 400
        assert "workspace" in error_fields(response)


def test_workspace_cannot_change(editor: Any, client_for: Any, workspace: Any) -> None:
    from tests.factories import MembershipFactory

    sports = WorkspaceFactory(slug="sports")
    MembershipFactory(user=editor, workspace=sports, role=Role.EDITOR)
    article = ArticleFactory(workspace=workspace, created_by=editor)
    response = client_for(editor).patch(detail(article), {"workspace": "sports"})
    assert response.status_code == 400
    assert "workspace" in error_fields(response)
    article.refresh_from_db()
    assert article.workspace == workspace


def test_update_and_partial_update(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator)
    client = client_for(annotator)
    response = client.patch(detail(article), {"publisher": "Daily"})
    assert response.status_code == 200
    assert response.data["publisher"] == "Daily"
    response = client.put(detail(article), {"title": "New", "body": "New body", "language": "de"})
    assert response.status_code == 200, response.data
    article.refresh_from_db()
    assert (article.title, article.body, article.language) == ("New", "New body", "de")


def test_delete(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator)
    assert client_for(annotator).delete(detail(article)).status_code == 204
    assert not Article.objects.exists()


def test_delete_with_spans_is_a_conflict(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator)
    SpanFactory(article=article, created_by=annotator)
    response = client_for(annotator).delete(detail(article))
    assert response.status_code == 409
    assert "1 span still" in response.data["detail"]
    assert Article.objects.filter(pk=article.pk).exists()


def test_counts(annotator: Any, client_for: Any, workspace: Any) -> None:
    from tests.factories import ClaimFactory

    article = ArticleFactory(workspace=workspace)
    first, second = SpanFactory(article=article), SpanFactory(article=article, start=4, end=12)
    ClaimFactory(workspace=workspace, spans=[first, second])
    ClaimFactory(workspace=workspace, spans=[first])
    response = client_for(annotator).get(detail(article))
    assert response.data["span_count"] == 2
    assert response.data["claim_count"] == 2


def test_filters_search_and_ordering(annotator: Any, client_for: Any, workspace: Any) -> None:
    ArticleFactory(workspace=workspace, title="Budget vote", publisher="Daily", language="en")
    ArticleFactory(workspace=workspace, title="Wahl", publisher="Zeitung", language="de")
    ArticleFactory(workspace=workspace, title="Zoo", body="Budget overspend at the zoo")
    client = client_for(annotator)

    def titles(query: str) -> list[str]:
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        return [row["title"] for row in response.data["results"]]

    assert titles("language=de") == ["Wahl"]
    assert titles("publisher=daily") == ["Budget vote"]
    assert sorted(titles("search=budget")) == ["Budget vote", "Zoo"]
    assert titles("ordering=title") == ["Budget vote", "Wahl", "Zoo"]
    assert titles("ordering=-title") == ["Zoo", "Wahl", "Budget vote"]


def test_pagination(annotator: Any, client_for: Any, workspace: Any) -> None:
    ArticleFactory.create_batch(5, workspace=workspace)
    client = client_for(annotator)
    page = client.get(f"{LIST}?page_size=2").data
    assert page["count"] == 5
    assert len(page["results"]) == 2
    assert page["previous"] is None
    assert "page=2" in page["next"]
    assert len(client.get(f"{LIST}?page_size=1000").data["results"]) == 5


def test_page_size_is_capped_at_200(annotator: Any, client_for: Any, workspace: Any) -> None:
    ArticleFactory.create_batch(201, workspace=workspace, body="b")
    page = client_for(annotator).get(f"{LIST}?page_size=500").data
    assert page["count"] == 201
    assert len(page["results"]) == 200


def test_a_non_json_body_is_a_415(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).post(LIST, "title=x&body=y", content_type="text/plain")
    assert response.status_code == 415
    assert not Article.objects.exists()


def test_malformed_json_is_a_400(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).post(LIST, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "detail" in response.data


def test_unknown_id_is_a_404(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    assert client.get(reverse("article-detail", args=["not-a-uuid"])).status_code == 404
    assert (
        client.get(
            reverse("article-detail", args=["3fa85f64-5717-4562-b3fc-2c963f66afa6"])
        ).status_code
        == 404
    )


def test_method_not_allowed(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).delete(LIST)
    assert response.status_code == 405


def test_a_role_that_cannot_create_is_refused_before_validation(
    reviewer: Any, client_for: Any
) -> None:
    # Telling a reviewer what is wrong with an article they may not create would mislead.
    response = client_for(reviewer).post(LIST, {})
    assert response.status_code == 403
    assert "annotator or editor" in response.data["detail"]


def test_a_blank_body_is_refused(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).post(LIST, {"title": "t", "body": " \n\t "})
    assert response.status_code == 400
    assert error_fields(response) == {"body"}


@pytest.mark.parametrize(
    "search",
    [
        "a\x00b",
        # SQLite refused this many conditions (Expression tree is too large): a 500.
        " ".join(f"word{n}" for n in range(1500)),
    ],
)
@pytest.mark.parametrize("path", [LIST, reverse("claim-list")])
def test_a_bad_search_is_named(
    annotator: Any, client_for: Any, workspace: Any, search: str, path: str
) -> None:
    # Rows to search: with empty tables SQLite does not even plan the query.
    ArticleFactory(workspace=workspace, created_by=annotator)
    ClaimFactory(workspace=workspace, created_by=annotator)
    response = client_for(annotator).get(path, {"search": search})
    assert response.status_code == 400
    assert error_fields(response) == {"search"}


@pytest.mark.parametrize("value", [0, 1.5, True, ["text"], {"text": 1}])
def test_strings_must_be_strings(annotator: Any, client_for: Any, value: Any) -> None:
    response = client_for(annotator).post(reverse("article-list"), {"title": "t", "body": value})
    assert response.status_code == 400
    assert error_fields(response) == {"body"}
    assert not Article.objects.exists()
