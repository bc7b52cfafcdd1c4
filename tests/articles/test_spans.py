from typing import Any

import pytest
from django.urls import reverse

from annotations.articles.models import Article, Span
from annotations.demo import demo_article_text
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory
from tests.helpers import error_fields, error_messages

LIST = reverse("span-list")


@pytest.fixture
def seed_article(workspace: Any, annotator: Any) -> Article:
    """The sample article: curly quotes, an en dash, no-break spaces."""
    title, body = demo_article_text()
    return ArticleFactory(workspace=workspace, created_by=annotator, title=title, body=body)


def test_create_by_offsets_counts_code_points(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    body = seed_article.body
    quote = "Ukraine prevails – that’s an absolute minimum"
    start = body.index(quote)
    response = client_for(annotator).post(
        LIST, {"article": str(seed_article.pk), "start": start, "end": start + len(quote)}
    )
    assert response.status_code == 201, response.data
    assert response.data["quote"] == quote
    assert response.data["prefix"] == body[start - 32 : start]
    assert response.data["suffix"] == body[start + len(quote) : start + len(quote) + 32]
    assert response.data["created_by"] == "annie"
    # Code points, not UTF-8 bytes: the en dash and apostrophe count as one each.
    assert len(quote.encode()) > len(quote)


def test_create_by_offsets_checks_the_quote(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    response = client_for(annotator).post(
        LIST, {"article": str(seed_article.pk), "start": 0, "end": 5, "quote": "NATOs"}
    )
    assert response.status_code == 400
    assert error_fields(response) == {"quote"}
    assert not Span.objects.exists()


def test_create_by_quote_with_non_breaking_space(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    quote = "an attack\u00a0against one member"
    response = client_for(annotator).post(LIST, {"article": str(seed_article.pk), "quote": quote})
    assert response.status_code == 201, response.data
    start = seed_article.body.index(quote)
    assert (response.data["start"], response.data["end"]) == (start, start + len(quote))


def test_create_by_quote_chooses_among_repeats_with_context(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    body = seed_article.body
    client = client_for(annotator)
    article = str(seed_article.pk)
    assert body.count("the alliance") > 1

    response = client.post(LIST, {"article": article, "quote": "the alliance"})
    assert response.status_code == 400
    assert "ambiguous" in error_messages(response, "quote")[0]

    response = client.post(
        LIST, {"article": article, "quote": "the alliance", "suffix": " as a whole"}
    )
    assert response.status_code == 201, response.data
    assert body[response.data["end"] :].startswith(" as a whole")

    response = client.post(
        LIST, {"article": article, "quote": "the alliance", "prefix": "attack\u00a0against "}
    )
    assert response.status_code == 201, response.data
    assert response.data["start"] == body.index("the alliance as a whole")


def test_create_by_quote_that_is_absent(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    response = client_for(annotator).post(
        LIST, {"article": str(seed_article.pk), "quote": "not in the article"}
    )
    assert response.status_code == 400
    assert "does not occur" in error_messages(response, "quote")[0]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"start": -1, "end": 4}, "start"),
        ({"start": 4, "end": 4}, "end"),
        ({"start": 8, "end": 4}, "end"),
        ({"start": 0, "end": 10_000}, "end"),
        ({"start": 0}, "end"),
        ({"end": 4}, "start"),
        ({}, "quote"),
        ({"start": "one", "end": 4}, "start"),
    ],
)
def test_bad_offsets_are_named(
    annotator: Any, client_for: Any, seed_article: Article, payload: dict[str, Any], field: str
) -> None:
    response = client_for(annotator).post(LIST, {"article": str(seed_article.pk), **payload})
    assert response.status_code == 400
    assert field in error_fields(response)
    assert not Span.objects.exists()


@pytest.mark.parametrize("article", [None, "not-a-uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa6"])
def test_unknown_article_is_named(annotator: Any, client_for: Any, article: str | None) -> None:
    response = client_for(annotator).post(LIST, {"article": article, "start": 0, "end": 3})
    assert response.status_code == 400
    assert "article" in error_fields(response)


def test_end_may_equal_the_body_length(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, body="Emoji 🎉🎉")
    response = client_for(annotator).post(LIST, {"article": str(article.pk), "start": 6, "end": 8})
    assert response.status_code == 201, response.data
    assert response.data["quote"] == "🎉🎉"


def test_change_note_keeps_the_anchor(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator, start=10, end=20)
    response = client_for(annotator).patch(
        reverse("span-detail", args=[span.pk]), {"note": "Check this."}
    )
    assert response.status_code == 200
    assert (response.data["start"], response.data["end"], response.data["note"]) == (
        10,
        20,
        "Check this.",
    )


def test_move_one_end_re_anchors(annotator: Any, client_for: Any, seed_article: Article) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator, start=10, end=20)
    response = client_for(annotator).patch(reverse("span-detail", args=[span.pk]), {"end": 30})
    assert response.status_code == 200
    span.refresh_from_db()
    assert (span.start, span.end, span.quote) == (10, 30, seed_article.body[10:30])
    assert span.suffix == seed_article.body[30:62]


def test_re_anchor_by_quote(annotator: Any, client_for: Any, seed_article: Article) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator, start=10, end=20)
    response = client_for(annotator).patch(
        reverse("span-detail", args=[span.pk]), {"quote": "Jens Stoltenberg"}
    )
    assert response.status_code == 200, response.data
    assert response.data["start"] == seed_article.body.index("Jens Stoltenberg")


def test_a_bad_move_changes_nothing(annotator: Any, client_for: Any, seed_article: Article) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator, start=10, end=20)
    response = client_for(annotator).patch(reverse("span-detail", args=[span.pk]), {"end": 5})
    assert response.status_code == 400
    assert "end" in error_fields(response)
    span.refresh_from_db()
    assert (span.start, span.end) == (10, 20)


def test_article_cannot_change(annotator: Any, client_for: Any, seed_article: Article) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator)
    other = ArticleFactory(workspace=seed_article.workspace)
    response = client_for(annotator).patch(
        reverse("span-detail", args=[span.pk]), {"article": str(other.pk)}
    )
    assert response.status_code == 400
    assert "article" in error_fields(response)


def test_delete_a_cited_span_is_a_conflict(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator)
    ClaimFactory(workspace=seed_article.workspace, spans=[span])
    response = client_for(annotator).delete(reverse("span-detail", args=[span.pk]))
    assert response.status_code == 409
    assert "claim" in response.data["detail"]
    assert Span.objects.filter(pk=span.pk).exists()


def test_delete(annotator: Any, client_for: Any, seed_article: Article) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator)
    assert client_for(annotator).delete(reverse("span-detail", args=[span.pk])).status_code == 204
    assert not Span.objects.exists()


def test_filter_by_article(annotator: Any, client_for: Any, seed_article: Article) -> None:
    mine = SpanFactory(article=seed_article)
    SpanFactory(article=ArticleFactory(workspace=seed_article.workspace))
    response = client_for(annotator).get(f"{LIST}?article={seed_article.pk}")
    assert [row["id"] for row in response.data["results"]] == [str(mine.pk)]
    response = client_for(annotator).get(f"{LIST}?article=nonsense")
    assert response.status_code == 400
    assert "article" in error_fields(response)


def test_context_cannot_be_set_by_the_client(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator, start=10, end=20)
    client = client_for(annotator)
    response = client.patch(reverse("span-detail", args=[span.pk]), {"prefix": "made up"})
    assert response.status_code == 200
    assert response.data["prefix"] == seed_article.body[:10]
    response = client.post(
        LIST, {"article": str(seed_article.pk), "start": 10, "end": 20, "suffix": "made up"}
    )
    assert response.status_code == 201
    assert response.data["suffix"] == seed_article.body[20:52]


def test_moving_one_end_with_a_quote_keeps_the_other(
    annotator: Any, client_for: Any, seed_article: Article
) -> None:
    span = SpanFactory(article=seed_article, created_by=annotator, start=10, end=20)
    body = seed_article.body
    response = client_for(annotator).patch(
        reverse("span-detail", args=[span.pk]), {"start": 12, "quote": body[12:20]}
    )
    assert response.status_code == 200, response.data
    assert (response.data["start"], response.data["end"]) == (12, 20)
    response = client_for(annotator).patch(
        reverse("span-detail", args=[span.pk]), {"start": 11, "quote": "wrong"}
    )
    assert response.status_code == 400
    assert "quote" in error_fields(response)
