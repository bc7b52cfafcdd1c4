"""How the API reads requests: JSON bodies, query parameters, pages and formats. A bad one is
a 400 that names what is wrong; what no operation reads is ignored."""

from typing import Any

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, SpanFactory
from tests.helpers import error_fields


def test_deeply_nested_json_is_a_400(annotator: Any, client_for: Any) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    response = client_for(annotator).post(
        reverse("article-list"), nested, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["type"] == "urn:factcheck:problem:parse-error"


@pytest.mark.parametrize("query", ["page_size=0", "page_size=null", "page_size=-3", "page_size=x"])
def test_a_bad_page_size_is_a_400(annotator: Any, client_for: Any, query: str) -> None:
    response = client_for(annotator).get(f"{reverse('workspace-list')}?{query}")
    assert response.status_code == 400
    assert error_fields(response) == {"page_size"}


def test_a_page_past_the_end_is_a_documented_404(
    annotator: Any, client_for: Any, schema_json: dict[str, Any]
) -> None:
    response = client_for(annotator).get(f"{reverse('article-list')}?page=2")
    assert response.status_code == 404
    assert "404" in schema_json["paths"]["/api/v1/articles/"]["get"]["responses"]


@pytest.fixture
def schema_json(client: Any, db: None) -> dict[str, Any]:
    return client.get("/api/schema/?format=json").json()  # type: ignore[no-any-return]


def test_page_size_over_the_maximum_is_capped_as_documented(
    annotator: Any, client_for: Any, schema_json: dict[str, Any]
) -> None:
    parameters = schema_json["paths"]["/api/v1/articles/"]["get"]["parameters"]
    page_size = next(parameter for parameter in parameters if parameter["name"] == "page_size")
    assert "maximum" not in page_size["schema"]
    assert "capped" in page_size["description"]
    assert client_for(annotator).get(f"{reverse('article-list')}?page_size=201").status_code == 200


@pytest.mark.parametrize(
    ("list_name", "parameter"),
    [
        ("claim-list", "article"),
        ("span-list", "article"),
        ("verdict-list", "claim"),
        ("claim-list", "status"),
        ("verdict-list", "state"),
    ],
)
def test_a_blank_typed_filter_is_a_400(
    annotator: Any, client_for: Any, list_name: str, parameter: str
) -> None:
    response = client_for(annotator).get(f"{reverse(list_name)}?{parameter}=")
    assert response.status_code == 400
    assert error_fields(response) == {parameter}


def test_a_blank_text_filter_filters_nothing(annotator: Any, client_for: Any) -> None:
    assert client_for(annotator).get(f"{reverse('article-list')}?publisher=").status_code == 200


def test_an_explicit_format_wins_over_accept(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    span = SpanFactory(article=ArticleFactory(workspace=workspace))
    client = client_for(annotator)
    response = client.get(f"{reverse('span-detail', args=[span.pk])}?format=w3c")
    assert response.status_code == 200
    assert response.json()["type"] == "Annotation"
    page = client.get(f"{reverse('article-annotations-w3c', args=[span.article_id])}?format=w3c")
    assert page.status_code == 200
    assert page.json()["type"] == "AnnotationPage"
    assert client.get(f"{reverse('span-detail', args=[span.pk])}?format=nope").status_code == 404


def test_a_nul_in_an_unknown_query_parameter_is_ignored_like_the_parameter(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    # A parameter no operation reads cannot make it fail (it was an undocumented 400).
    article = ArticleFactory(workspace=workspace)
    path = reverse("article-annotations-w3c", args=[article.pk])
    response = client_for(annotator).get(path, {"unknown": "a\x00b"})
    assert response.status_code == 200
