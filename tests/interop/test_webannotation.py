"""Spans read as W3C Web Annotations, one by one or as an article's AnnotationPage."""

import hashlib
from typing import Any

from django.urls import reverse

from annotations.interop.webannotation import PROFILE
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory

ACCEPT = f'application/ld+json; profile="{PROFILE}"'


def test_a_span_as_a_web_annotation(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, body="Fans 🎉 cheered: “Ukraine prevails”.")
    span = SpanFactory(article=article, start=5, end=6, note="Emoji", created_by=annotator)
    claim = ClaimFactory(workspace=workspace, spans=[span])
    response = client_for(annotator).get(reverse("span-detail", args=[span.pk]), HTTP_ACCEPT=ACCEPT)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == ACCEPT
    data = response.json()
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "Annotation"
    assert data["id"] == f"http://testserver/api/v1/spans/{span.pk}/"
    assert data["creator"] == {"type": "Person", "nickname": "annie"}
    assert data["body"] == [
        {"type": "TextualBody", "value": "Emoji", "format": "text/plain", "purpose": "commenting"},
        {"id": f"http://testserver/api/v1/claims/{claim.pk}/", "purpose": "linking"},
    ]
    target = data["target"]
    assert target["source"] == article.url
    assert target["selector"] == [
        {
            "type": "TextQuoteSelector",
            "exact": "🎉",
            "prefix": "Fans ",
            "suffix": article.body[6:38],
        },
        {"type": "TextPositionSelector", "start": 5, "end": 6},
    ]
    digest = hashlib.sha256(article.body.encode()).hexdigest()
    assert target["state"] == {"id": f"urn:sha256:{digest}"}
    assert data["created"]
    assert data["modified"]


def test_plain_json_stays_the_default(annotator: Any, client_for: Any, workspace: Any) -> None:
    span = SpanFactory(article=ArticleFactory(workspace=workspace))
    response = client_for(annotator).get(reverse("span-detail", args=[span.pk]))
    assert response["Content-Type"] == "application/json"
    assert "quote" in response.json()


def test_an_article_as_an_annotation_page(
    annotator: Any, client_for: Any, workspace: Any, django_assert_max_num_queries: Any
) -> None:
    article = ArticleFactory(workspace=workspace, url=None)
    spans = [SpanFactory(article=article, start=i, end=i + 3) for i in range(0, 30, 5)]
    for span in spans:
        ClaimFactory(workspace=workspace, spans=[span])
    url = reverse("article-annotations-w3c", args=[article.pk])
    client = client_for(annotator)
    with django_assert_max_num_queries(7):
        response = client.get(url, HTTP_ACCEPT=ACCEPT)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == ACCEPT
    assert client.get(url).json() == response.json()  # plain JSON for other clients
    page = response.json()
    assert page["type"] == "AnnotationPage"
    assert [item["target"]["selector"][1]["start"] for item in page["items"]] == list(
        range(0, 30, 5)
    )
    assert all("@context" not in item for item in page["items"])
    # Without a url of its own, the article is the source by its API IRI.
    assert page["items"][0]["target"]["source"] == (
        f"http://testserver/api/v1/articles/{article.pk}/"
    )


def test_other_workspaces_spans_stay_hidden(outsider: Any, client_for: Any, workspace: Any) -> None:
    span = SpanFactory(article=ArticleFactory(workspace=workspace))
    response = client_for(outsider).get(reverse("span-detail", args=[span.pk]), HTTP_ACCEPT=ACCEPT)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_web_annotations_are_safe_to_paste_into_a_script_element(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, body="Before </script><b>bold</b> & after.")
    span = SpanFactory(article=article, start=7, end=16, note="<!-- note -->", created_by=annotator)
    client = client_for(annotator)
    for path in [
        reverse("span-detail", args=[span.pk]),
        reverse("article-annotations-w3c", args=[article.pk]),
    ]:
        response = client.get(path, HTTP_ACCEPT=ACCEPT)
        assert response.status_code == 200
        assert not set(b"<>&") & set(response.content), response.content
        assert "</script>" in response.content.decode("unicode_escape")
