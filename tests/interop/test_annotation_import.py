"""POST /api/v1/annotations/import/: spans from Web Annotations or a Hypothesis export."""

from typing import Any

import pytest
from django.urls import reverse

from annotations.articles.models import Span
from annotations.workspaces.models import Role
from tests.factories import ArticleFactory

URL = reverse("annotations-import")
BODY = "The cat sat. The dog ran. The cat sat again, said 👍 the cat."


def quote(exact: str, prefix: str = "", suffix: str = "") -> dict[str, Any]:
    return {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}


def position(start: int, end: int) -> dict[str, Any]:
    return {"type": "TextPositionSelector", "start": start, "end": end}


def web_annotation(annotation_id: str, *selectors: dict[str, Any], note: str = "") -> dict:
    item: dict[str, Any] = {
        "id": annotation_id,
        "type": "Annotation",
        "target": {"source": "https://news.example/1", "selector": list(selectors)},
    }
    if note:
        item["body"] = {"type": "TextualBody", "value": note}
    return item


@pytest.fixture
def article(workspace: Any) -> Any:
    return ArticleFactory(workspace=workspace, body=BODY)


def imported(client: Any, article: Any, items: list[Any]) -> list[dict[str, Any]]:
    response = client.post(URL, {"article": str(article.pk), "annotations": items})
    assert response.status_code == 200, response.content
    return list(response.json()["results"])


def test_each_annotation_is_reported(annotator: Any, client_for: Any, article: Any) -> None:
    dog = BODY.index("The dog")
    results = imported(
        client_for(annotator),
        article,
        [
            web_annotation("a1", quote("The dog ran"), position(dog, dog + 11), note="check"),
            web_annotation("a2", quote("not there")),
            web_annotation("a3", quote("cat sat", prefix="The ", suffix=" again")),
            "garbage",
        ],
    )
    assert [result["status"] for result in results] == [
        "created",
        "rejected",
        "created",
        "rejected",
    ]
    assert "does not occur" in results[1]["reason"]
    first = Span.objects.get(pk=results[0]["span"])
    assert (first.start, first.quote, first.note, first.external_id) == (
        dog,
        "The dog ran",
        "check",
        "a1",
    )
    third = Span.objects.get(pk=results[2]["span"])
    assert third.start == BODY.index("cat sat again")


def test_the_quote_wins_over_a_wrong_position(
    annotator: Any, client_for: Any, article: Any
) -> None:
    # The position points at the first "the cat"; the quote with its suffix, at the last.
    results = imported(
        client_for(annotator),
        article,
        [web_annotation("q", quote("the cat", suffix="."), position(0, 7))],
    )
    span = Span.objects.get(pk=results[0]["span"])
    assert span.start == BODY.rindex("the cat")


def test_position_chooses_among_repeats(annotator: Any, client_for: Any, article: Any) -> None:
    second = BODY.index("The cat", 1)
    results = imported(
        client_for(annotator),
        article,
        [
            web_annotation("near", quote("The cat"), position(second + 2, second + 9)),
            web_annotation("blind", quote("The cat")),
        ],
    )
    assert Span.objects.get(pk=results[0]["span"]).start == second
    assert results[1]["status"] == "rejected"
    assert "more than once" in results[1]["reason"]


def test_a_hypothesis_export(annotator: Any, client_for: Any, article: Any) -> None:
    hypothesis = {
        "id": "hyp-123",
        "text": "An emoji",
        "target": [{"source": "https://news.example/1", "selector": [quote("👍")]}],
    }
    results = imported(client_for(annotator), article, [hypothesis])
    span = Span.objects.get(pk=results[0]["span"])
    assert (span.quote, span.note) == ("👍", "An emoji")
    assert span.end_utf16 - span.start_utf16 == 2


def test_importing_again_is_idempotent(annotator: Any, client_for: Any, article: Any) -> None:
    items = [web_annotation("once", quote("The dog"))]
    client = client_for(annotator)
    first = imported(client, article, items)
    again = imported(client, article, items + items)
    assert [result["status"] for result in again] == ["exists", "exists"]
    assert again[0]["span"] == first[0]["span"]
    assert Span.objects.count() == 1


def test_only_annotators_of_the_workspace_import(
    member: Any, outsider: Any, client_for: Any, article: Any
) -> None:
    items = [web_annotation("x", quote("The dog"))]
    payload = {"article": str(article.pk), "annotations": items}
    assert client_for(member(Role.REVIEWER)).post(URL, payload).status_code == 403
    assert client_for(outsider).post(URL, payload).status_code == 400
    assert (
        client_for(member(Role.ANNOTATOR)).post(URL, {"article": str(article.pk)}).status_code
        == 400
    )
    assert not Span.objects.exists()


def test_spans_round_trip_through_web_annotations(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    original = ArticleFactory(workspace=workspace, body=BODY)
    client = client_for(annotator)
    for payload in [{"quote": "👍"}, {"quote": "The dog ran"}, {"start": 0, "end": 7}]:
        client.post(reverse("span-list"), {"article": str(original.pk), **payload})
    page = client.get(reverse("article-annotations-w3c", args=[original.pk])).json()
    copy = ArticleFactory(workspace=workspace, body=BODY)
    results = imported(client, copy, page["items"])
    assert [result["status"] for result in results] == ["created"] * 3
    offsets = sorted(Span.objects.filter(article=copy).values_list("start", "end", "quote"))
    assert offsets == sorted(
        Span.objects.filter(article=original).values_list("start", "end", "quote")
    )
