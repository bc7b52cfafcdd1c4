"""Offsets for JavaScript clients: UTF-16 code units beside code points, on text with
characters outside the Basic Multilingual Plane."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from annotations.articles.text import anchor_at, code_point_offset, utf16_length
from tests.factories import ArticleFactory, SpanFactory
from tests.helpers import error_fields

BODY = "Fans 🎉 cheered: “Ukraine prevails – 👍🏽!” said the 𝒞𝒽𝒶𝒾𝓇."


def js_index(text: str, code_point: int) -> int:
    """What JavaScript's indexOf would give: UTF-16 code units before the character."""
    return len(text[:code_point].encode("utf-16-le")) // 2


@pytest.fixture
def article(workspace: Any, annotator: Any) -> Any:
    return ArticleFactory(workspace=workspace, created_by=annotator, body=BODY)


def test_spans_report_utf16_offsets(annotator: Any, client_for: Any, article: Any) -> None:
    quote = "Ukraine prevails – 👍🏽!"
    response = client_for(annotator).post(
        reverse("span-list"), {"article": str(article.pk), "quote": quote}
    )
    assert response.status_code == 201, response.content
    start = BODY.index(quote)
    assert (response.data["start"], response.data["end"]) == (start, start + len(quote))
    assert response.data["start_utf16"] == js_index(BODY, start) == start + 1  # 🎉 is two units
    assert response.data["end_utf16"] == js_index(BODY, start + len(quote))
    assert response.data["end_utf16"] - response.data["start_utf16"] == len(quote) + 2


def test_a_span_can_be_created_by_utf16_offsets(
    annotator: Any, client_for: Any, article: Any
) -> None:
    word = "𝒞𝒽𝒶𝒾𝓇"
    start = BODY.index(word)
    response = client_for(annotator).post(
        reverse("span-list"),
        {
            "article": str(article.pk),
            "start": js_index(BODY, start),
            "end": js_index(BODY, start + len(word)),
            "offset_unit": "utf16",
        },
    )
    assert response.status_code == 201, response.content
    assert response.data["quote"] == word
    assert (response.data["start"], response.data["end"]) == (start, start + len(word))


def test_a_utf16_offset_inside_a_surrogate_pair_is_named(
    annotator: Any, client_for: Any, article: Any
) -> None:
    inside = js_index(BODY, BODY.index("🎉")) + 1
    response = client_for(annotator).post(
        reverse("span-list"),
        {"article": str(article.pk), "start": inside, "end": inside + 3, "offset_unit": "utf16"},
    )
    assert response.status_code == 400
    assert error_fields(response) == {"start"}


def test_moving_one_end_in_utf16_keeps_the_other(
    annotator: Any, client_for: Any, article: Any
) -> None:
    span = SpanFactory(article=article, created_by=annotator, start=0, end=4)
    new_end = js_index(BODY, BODY.index("🎉") + 1)  # just after the emoji
    response = client_for(annotator).patch(
        reverse("span-detail", args=[span.pk]), {"end": new_end, "offset_unit": "utf16"}
    )
    assert response.status_code == 200, response.content
    assert response.data["quote"] == "Fans 🎉"


@given(st.text(max_size=40), st.integers(min_value=0, max_value=40))
def test_utf16_and_code_point_offsets_round_trip(text: str, cut: int) -> None:
    cut = min(cut, len(text))
    units = utf16_length(text[:cut])
    assert code_point_offset(text, units, "start") == cut
    if cut < len(text) and ord(text[cut]) > 0xFFFF:
        with pytest.raises(ValidationError):
            code_point_offset(text, units + 1, "start")


def test_the_anchor_carries_both_units() -> None:
    anchor = anchor_at(BODY, 5, 6)
    assert anchor.quote == "🎉"
    assert (anchor.start_utf16, anchor.end_utf16) == (5, 7)
