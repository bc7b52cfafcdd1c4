"""Every error is an RFC 9457 problem document (application/problem+json)."""

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import ArticleFactory, SpanFactory


def problem_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:factcheck:problem:")
    assert body["title"]
    assert body["detail"]
    return body


def test_validation_errors_name_each_field_by_path(reviewer: Any, client_for: Any) -> None:
    response = client_for(reviewer).post(
        reverse("verdict-list"),
        {"rating": "bogus", "sources": [{"url": "https://ok.example"}, {"title": "no url"}]},
    )
    body = problem_of(response, 400)
    assert body["type"] == "urn:factcheck:problem:validation-error"
    errors = {(error["field"], error["code"]) for error in body["errors"]}
    assert errors == {
        ("claim", "required"),
        ("rating", "does_not_exist"),
        ("sources.1.url", "required"),
    }
    assert all(error["message"] for error in body["errors"])


def test_request_wide_errors_have_a_null_field(db: None) -> None:
    response = APIClient().post(
        reverse("auth-token"), {"username": "nobody", "password": "x"}, format="json"
    )
    body = problem_of(response, 400)
    assert [error["field"] for error in body["errors"]] == [None]


@pytest.mark.parametrize(
    ("status", "code", "request_"),
    [
        (401, "not-authenticated", lambda client, article: APIClient().get("/api/v1/articles/")),
        (
            403,
            "permission-denied",
            lambda client, article: client.delete(reverse("rating-detail", args=["false"])),
        ),
        (
            404,
            "not-found",
            lambda client, article: client.get(
                reverse("article-detail", args=["3fa85f64-5717-4562-b3fc-2c963f66afa6"])
            ),
        ),
        (404, "not-found", lambda client, article: client.get("/api/v1/no-such-thing/")),
        (405, "method-not-allowed", lambda client, article: client.delete("/api/v1/articles/")),
        (
            409,
            "conflict",
            lambda client, article: client.delete(reverse("article-detail", args=[article.pk])),
        ),
        (
            415,
            "unsupported-media-type",
            lambda client, article: client.post(
                "/api/v1/articles/", "x", content_type="text/plain"
            ),
        ),
        (
            400,
            "parse-error",
            lambda client, article: client.post(
                "/api/v1/articles/", "{", content_type="application/json"
            ),
        ),
    ],
)
def test_every_error_status_is_a_problem(
    status: int, code: str, request_: Any, editor: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=editor)
    SpanFactory(article=article)
    body = problem_of(request_(client_for(editor), article), status)
    assert body["type"] == f"urn:factcheck:problem:{code}"


def test_the_browsable_api_still_renders_html(reviewer: Any, client_for: Any) -> None:
    response = client_for(reviewer).get("/api/v1/nope/", HTTP_ACCEPT="text/html")
    assert response.status_code == 404


@pytest.mark.parametrize("debug", [False, True])
def test_unknown_api_paths_are_problems_in_debug_mode_too(
    db: None, settings: Any, debug: bool
) -> None:
    # `make run` serves in debug mode, where Django answers its HTML debug page.
    settings.DEBUG = debug
    for path in ["/api/v1/nothing-here/", "/api/nothing/", "/api/v1/articles/x/y/z/"]:
        body = problem_of(APIClient().get(path), 404)
        assert body["type"] == "urn:factcheck:problem:not-found"


def test_a_creation_answers_where_the_new_resource_is(
    annotator: Any, editor: Any, staff_user: Any, client_for: Any, workspace: Any
) -> None:
    created = client_for(annotator).post(
        reverse("article-list"), {"title": "t", "body": "b", "url": "https://news.example/x"}
    )
    assert created.status_code == 201
    # Not the article's own url (DRF copies a field named url into Location).
    assert created["Location"] == f"http://testserver/api/v1/articles/{created.json()['id']}/"
    member = client_for(editor).post(
        reverse("membership-list", args=[workspace.slug]),
        {"username": "staff", "role": "reviewer"},
    )
    assert (
        member["Location"] == f"http://testserver/api/v1/workspaces/{workspace.slug}/members/staff/"
    )
    rating = client_for(staff_user).post(
        reverse("rating-list"), {"slug": "odd", "label": "Odd", "value": 42}
    )
    assert rating["Location"] == "http://testserver/api/v1/ratings/odd/"


def test_django_level_errors_under_the_api_are_problems(db: None, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["factcheck.example"]
    settings.DEBUG = False
    response = APIClient().get("/api/v1/articles/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_a_method_not_allowed_names_those_that_are(editor: Any, client_for: Any) -> None:
    response = client_for(editor).delete("/api/v1/articles/")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert {method.strip() for method in response["Allow"].split(",")} >= {"GET", "POST"}
