"""Anchoring rules on their own: offsets, quotes and context, in code points."""

import pytest
from django.core.exceptions import ValidationError

from annotations.articles.text import (
    CONTEXT_LENGTH,
    anchor_at,
    find_quote,
    normalize_text,
    resolve_anchor,
)


def test_normalize_text_gives_nfc_and_unix_newlines() -> None:
    decomposed = "Cafe\u0301\r\nna\u0131ve\rend"
    assert normalize_text(decomposed) == "Caf\u00e9\nna\u0131ve\nend"


def test_anchor_at_counts_code_points_and_keeps_context() -> None:
    body = "“Quoted” – text\u00a0with 🎉 emoji and more"
    start = body.index("🎉")
    anchor = anchor_at(body, start, start + 1)
    assert anchor.quote == "🎉"
    assert anchor.prefix == body[:start]
    assert anchor.suffix == body[start + 1 :]


def test_context_is_at_most_32_characters_each_side() -> None:
    body = "a" * 100 + "QUOTE" + "b" * 100
    anchor = anchor_at(body, 100, 105)
    assert anchor.prefix == "a" * CONTEXT_LENGTH
    assert anchor.suffix == "b" * CONTEXT_LENGTH


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(-1, 3, "start"), (3, 3, "end"), (5, 2, "end"), (0, 11, "end")],
)
def test_anchor_at_rejects_offsets_outside_the_body(start: int, end: int, field: str) -> None:
    with pytest.raises(ValidationError) as error:
        anchor_at("0123456789", start, end)
    assert field in error.value.message_dict


def test_find_quote_uses_prefix_and_suffix_to_choose_among_repeats() -> None:
    body = "the cat sat. the cat ran. the cat sat."
    with pytest.raises(ValidationError, match="ambiguous"):
        find_quote(body, "the cat")
    assert find_quote(body, "the cat", suffix=" ran").start == 13
    assert find_quote(body, "the cat", prefix="ran. ", suffix=" sat").start == 26
    with pytest.raises(ValidationError, match="never with the prefix"):
        find_quote(body, "the cat", prefix="dog ")


def test_find_quote_reports_a_missing_quote() -> None:
    with pytest.raises(ValidationError, match="does not occur"):
        find_quote("some text", "other")


def test_find_quote_matches_normalised_input() -> None:
    body = normalize_text("café")
    assert find_quote(body, "cafe\u0301").quote == "café"


def test_resolve_anchor_checks_a_quote_given_with_offsets() -> None:
    with pytest.raises(ValidationError) as error:
        resolve_anchor("hello world", start=0, end=5, quote="world")
    assert "quote" in error.value.message_dict
    assert resolve_anchor("hello world", start=6, end=11, quote="world").quote == "world"


def test_resolve_anchor_needs_both_offsets() -> None:
    with pytest.raises(ValidationError) as error:
        resolve_anchor("hello world", start=1)
    assert "end" in error.value.message_dict
