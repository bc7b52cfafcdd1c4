"""Spans as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).

A span is an Annotation whose target is its article, selected both by a TextQuoteSelector
(exact, prefix, suffix) and a TextPositionSelector (start, end, in code points, as the W3C
model counts), with a state naming the body revision the offsets refer to by its SHA-256.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError

from annotations.articles.models import Article, Span
from annotations.articles.text import Anchor, anchor_at, normalize_text, occurrences

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PROFILE = "http://www.w3.org/ns/anno.jsonld"


def annotation(
    span: Span,
    article: Article,
    *,
    iri: Callable[[str, Any], str],
    body_sha256: str,
    claim_ids: Iterable[Any] = (),
) -> dict[str, Any]:
    """The Web Annotation of ``span`` on ``article``; ``iri(kind, pk)`` gives absolute IRIs.
    ``body_sha256`` names the revision of the body the span's offsets refer to (the current
    one unless the span is orphaned) as the target's state."""
    body: list[dict[str, Any]] = []
    if span.note:
        body.append(
            {
                "type": "TextualBody",
                "value": span.note,
                "format": "text/plain",
                "purpose": "commenting",
            }
        )
    body.extend({"id": iri("claim", pk), "purpose": "linking"} for pk in claim_ids)
    return {
        "@context": CONTEXT,
        "id": iri("span", span.pk),
        "type": "Annotation",
        "created": span.created_at.isoformat(),
        "modified": span.updated_at.isoformat(),
        "creator": {"type": "Person", "nickname": span.created_by.get_username()},
        "body": body,
        "target": {
            "source": article.url or iri("article", article.pk),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": span.quote,
                    "prefix": span.prefix,
                    "suffix": span.suffix,
                },
                {"type": "TextPositionSelector", "start": span.start, "end": span.end},
            ],
            "state": {"id": f"urn:sha256:{body_sha256}"},
        },
    }


def annotation_page(
    article: Article,
    spans: Iterable[Span],
    *,
    iri: Callable[[str, Any], str],
    page_iri: str,
    claims_of: Callable[[Span], Iterable[Any]],
    revision_hashes: Mapping[int, str],
) -> dict[str, Any]:
    """Every span of ``article`` as one AnnotationPage; ``revision_hashes`` maps the
    article's revision numbers to the SHA-256 of their bodies."""
    items = [
        annotation(
            span,
            article,
            iri=iri,
            body_sha256=revision_hashes[span.revision],
            claim_ids=claims_of(span),
        )
        for span in spans
    ]
    for item in items:
        del item["@context"]  # the page's context covers its items
    return {"@context": CONTEXT, "id": page_iri, "type": "AnnotationPage", "items": items}


# --- Import ---------------------------------------------------------------------------------


class ImportRejected(Exception):
    """Why one annotation of an import was not turned into a span."""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def selectors_of(item: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The TextQuoteSelector and TextPositionSelector of a Web Annotation or a Hypothesis
    annotation (whose ``target`` is a list)."""
    if not isinstance(item, dict):
        raise ImportRejected("Not an annotation object.")
    quote = position = None
    for target in _as_list(item.get("target")):
        if not isinstance(target, dict):
            continue
        for selector in _as_list(target.get("selector")):
            if not isinstance(selector, dict):
                continue
            if selector.get("type") == "TextQuoteSelector" and quote is None:
                quote = selector
            elif selector.get("type") == "TextPositionSelector" and position is None:
                position = selector
    return quote, position


def note_of(item: dict[str, Any]) -> str:
    """A Hypothesis annotation's ``text``, or the value of a Web Annotation's TextualBody."""
    if isinstance(item.get("text"), str):
        return str(item["text"])
    for body in _as_list(item.get("body")):
        if isinstance(body, dict) and body.get("type") == "TextualBody":
            return str(body.get("value", ""))
    return ""


def locate(body: str, item: Any) -> Anchor:
    """Where an imported annotation stands in ``body``. The quote wins: the position is used
    when the quote stands there, or to choose among repeats of the quote."""
    quote, position = selectors_of(item)
    start = end = None
    if position is not None:
        start, end = position.get("start"), position.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            start = end = None
    if quote is None:
        if start is None or end is None:
            raise ImportRejected("No TextQuoteSelector or TextPositionSelector.")
        return _anchored(lambda: anchor_at(body, start, end))
    exact = normalize_text(str(quote.get("exact", "")))
    if not exact:
        raise ImportRejected("The TextQuoteSelector has no exact text.")
    if start is not None and body[start : start + len(exact)] == exact:
        return anchor_at(body, start, start + len(exact))
    prefix = normalize_text(str(quote.get("prefix", "")))
    suffix = normalize_text(str(quote.get("suffix", "")))
    candidates = [
        index
        for index in occurrences(body, exact)
        if body.endswith(prefix, 0, index) and body.startswith(suffix, index + len(exact))
    ] or occurrences(body, exact)
    if not candidates:
        raise ImportRejected("The quoted text does not occur in the article body.")
    if len(candidates) > 1 and start is None:
        raise ImportRejected("The quoted text occurs more than once and nothing tells which.")
    chosen = min(candidates, key=lambda index: abs(index - (start or 0)))
    return anchor_at(body, chosen, chosen + len(exact))


def _anchored(make: Callable[[], Anchor]) -> Anchor:
    try:
        return make()
    except ValidationError as exc:
        raise ImportRejected(" ".join(exc.messages)) from exc
