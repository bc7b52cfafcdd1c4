"""Text rules that anchors depend on: how bodies are normalised and how quotes are found.

Offsets count Unicode code points (Python ``str`` indices) into the normalised body,
half-open ``[start, end)``. The functions here are pure and raise Django's
``ValidationError`` keyed by the request field at fault.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import asdict, dataclass
from dataclasses import fields as dataclass_fields

from django.core.exceptions import ValidationError

CONTEXT_LENGTH = 32
"""Characters of context kept on each side of a span, as in a W3C TextQuoteSelector."""


def normalize_text(text: str) -> str:
    """Return ``text`` in Unicode NFC with ``\\n`` line endings, the form offsets refer to."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass(frozen=True)
class Anchor:
    """A resolved position of a passage in a body, with its quote and context."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    start_utf16: int
    end_utf16: int

    def as_fields(self) -> dict[str, int | str]:
        """The span fields that hold this anchor."""
        return asdict(self)

    @classmethod
    def fields(cls) -> list[str]:
        """The names of the span fields that hold an anchor."""
        return [field.name for field in dataclass_fields(cls)]


def anchor_at(body: str, start: int, end: int, utf16: Utf16Offsets | None = None) -> Anchor:
    """Anchor ``body[start:end]``, rejecting offsets that do not select a passage of ``body``.

    ``utf16`` converts offsets to UTF-16 for many anchors in one body at once."""
    errors = {}
    if start < 0:
        errors["start"] = "Must be 0 or more."
    if end <= start:
        errors["end"] = f"Must be greater than start ({start})."
    elif end > len(body):
        errors["end"] = f"Must be at most the length of the article body ({len(body)})."
    if errors:
        raise ValidationError(errors)
    utf16 = utf16 or Utf16Offsets(body[:end])
    return Anchor(
        start=start,
        end=end,
        quote=body[start:end],
        prefix=body[max(0, start - CONTEXT_LENGTH) : start],
        suffix=body[end : end + CONTEXT_LENGTH],
        start_utf16=utf16.of(start),
        end_utf16=utf16.of(end),
    )


_OUTSIDE_THE_BMP = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Converts code-point offsets of one text to UTF-16 offsets, in logarithmic time."""

    def __init__(self, text: str) -> None:
        # Each character outside the Basic Multilingual Plane takes two UTF-16 code units.
        self._wide = [match.start() for match in _OUTSIDE_THE_BMP.finditer(text)]

    def of(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._wide, offset)


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes, as JavaScript's ``length`` counts."""
    return len(text.encode("utf-16-le")) // 2


def code_point_offset(body: str, utf16_offset: int, field: str) -> int:
    """The code-point offset that stands at ``utf16_offset`` UTF-16 code units into ``body``.

    Raises ``ValidationError`` on ``field`` for an offset inside a surrogate pair (between
    the two halves of one character outside the Basic Multilingual Plane)."""
    if utf16_offset < 0:
        return utf16_offset  # anchor_at names the problem
    units = 0
    for index, character in enumerate(body):
        if units == utf16_offset:
            return index
        units += 2 if ord(character) > 0xFFFF else 1
        if units > utf16_offset:
            raise ValidationError(
                {field: "Falls inside a character that takes two UTF-16 code units."}
            )
    return len(body) + (utf16_offset - units)  # at or past the end: anchor_at checks it


def occurrences(body: str, quote: str) -> list[int]:
    """Every start of ``quote`` in ``body``, overlapping ones included."""
    starts = []
    position = body.find(quote)
    while position != -1:
        starts.append(position)
        position = body.find(quote, position + 1)
    return starts


def find_quote(
    body: str, quote: str, prefix: str = "", suffix: str = "", utf16: Utf16Offsets | None = None
) -> Anchor:
    """Find the one place where ``quote`` stands in ``body``, preceded by ``prefix`` and
    followed by ``suffix`` where these are given (the W3C TextQuoteSelector rule).

    Raises ``ValidationError`` on ``quote`` when it is absent or when more than one
    occurrence fits the context given.
    """
    quote, prefix, suffix = normalize_text(quote), normalize_text(prefix), normalize_text(suffix)
    if not quote:
        raise ValidationError({"quote": "Must not be empty."})
    found = occurrences(body, quote)
    if not found:
        raise ValidationError({"quote": "This quote does not occur in the article body."})
    matching = [
        start
        for start in found
        # Compared in place: slicing the body for each occurrence would be quadratic.
        if body.endswith(prefix, 0, start) and body.startswith(suffix, start + len(quote))
    ]
    if not matching:
        raise ValidationError(
            {
                "quote": f"This quote occurs {len(found)} time(s) in the article body, "
                "but never with the prefix and suffix given."
            }
        )
    if len(matching) > 1:
        raise ValidationError(
            {
                "quote": f"This quote is ambiguous: it occurs {len(matching)} times in the article "
                "body with the context given. Add a prefix or suffix (the text just before or "
                "after it), or give start and end."
            }
        )
    start = matching[0]
    return anchor_at(body, start, start + len(quote), utf16)


def resolve_anchor(
    body: str,
    *,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    prefix: str = "",
    suffix: str = "",
    offset_unit: str = "code_point",
    utf16: Utf16Offsets | None = None,
) -> Anchor:
    """Anchor a passage given either by offsets (with an optional quote to check) or by quote.

    ``offset_unit="utf16"`` reads ``start`` and ``end`` as UTF-16 code units, as browsers
    count. ``utf16`` is the body's, when the caller anchors many passages in it."""
    if offset_unit == "utf16":
        if start is not None:
            start = code_point_offset(body, start, "start")
        if end is not None:
            end = code_point_offset(body, end, "end")
    if start is None and end is None:
        if quote is None:
            raise ValidationError(
                {"quote": "Give either start and end, or the quote to find in the article body."}
            )
        return find_quote(body, quote, prefix, suffix, utf16)
    if start is None or end is None:
        missing = "start" if start is None else "end"
        raise ValidationError({missing: "Required when anchoring by offsets."})
    anchor = anchor_at(body, start, end, utf16)
    if quote is not None and normalize_text(quote) != anchor.quote:
        raise ValidationError(
            {"quote": f"Does not match the article body at [{start}, {end}): {anchor.quote!r}."}
        )
    return anchor
