"""Browser apps on an allowed origin can use the whole API: its conditional and idempotent
requests (their headers pass the preflight) and every response header it documents (exposed
to JavaScript). tests/http/test_browser.py drives the same through a real Chromium."""

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from tests.factories import ArticleFactory

UI = "https://annotate.example"
REQUEST_HEADERS = ["authorization", "content-type", "if-match", "idempotency-key", "x-request-id"]


@pytest.fixture(autouse=True)
def allowed_origin(settings: Any) -> None:
    settings.CORS_ALLOWED_ORIGINS = [UI]


def listed(value: str) -> set[str]:
    return {item.strip().lower() for item in value.split(",") if item.strip()}


def preflight(path: str, method: str) -> Any:
    return APIClient().options(
        path,
        HTTP_ORIGIN=UI,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=", ".join([*REQUEST_HEADERS, "if-none-match"]),
    )


def test_a_preflight_allows_the_conditional_and_idempotent_headers(db: None) -> None:
    for path, method in [
        (reverse("article-list"), "POST"),
        ("/api/v1/articles/00000000-0000-0000-0000-000000000000/", "PATCH"),
        ("/api/v1/articles/00000000-0000-0000-0000-000000000000/", "DELETE"),
    ]:
        response = preflight(path, method)
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == UI
        assert method in listed(response["Access-Control-Allow-Methods"]) | {
            m.upper() for m in listed(response["Access-Control-Allow-Methods"])
        }
        assert {*REQUEST_HEADERS, "if-none-match"} <= listed(
            response["Access-Control-Allow-Headers"]
        )


def documented_response_headers() -> set[str]:
    """Every response header the OpenAPI schema documents, on any operation."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        name.lower()
        for item in schema["paths"].values()
        for operation in item.values()
        for response in operation.get("responses", {}).values()
        for name in response.get("headers", {})
    }


def test_every_documented_response_header_is_exposed() -> None:
    documented = documented_response_headers()
    assert {"etag", "location", "retry-after", "x-request-id", "idempotent-replayed"} <= (
        documented
    )
    assert "content-disposition" in documented  # the export's file name
    exposed = {header.lower() for header in django_settings.CORS_EXPOSE_HEADERS}
    assert documented <= exposed, documented - exposed


def test_responses_expose_their_headers_to_the_page(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator)
    response = client_for(annotator).get(
        reverse("article-detail", args=[article.pk]), HTTP_ORIGIN=UI
    )
    assert response["Access-Control-Allow-Origin"] == UI
    assert {"etag", "x-request-id", "retry-after", "location"} <= listed(
        response["Access-Control-Expose-Headers"]
    )
    assert "origin" in listed(response["Vary"])
