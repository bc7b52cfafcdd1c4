"""Spans as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).

A span is an Annotation whose target is its article, selected both by a TextQuoteSelector
(exact, prefix, suffix) and a TextPositionSelector (start, end, in code points, as the W3C
model counts), with a state naming the body the offsets were made on by its SHA-256.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from annotations.models import Article, Span

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PROFILE = "http://www.w3.org/ns/anno.jsonld"


def body_state(article: Article) -> dict[str, str]:
    """The revision of the body that offsets refer to, named by its hash."""
    digest = hashlib.sha256(article.body.encode("utf-8")).hexdigest()
    return {"id": f"urn:sha256:{digest}"}


def annotation(
    span: Span,
    article: Article,
    *,
    iri: Callable[[str, Any], str],
    claim_ids: Iterable[Any] = (),
) -> dict[str, Any]:
    """The Web Annotation of ``span`` on ``article``; ``iri(kind, pk)`` gives absolute IRIs."""
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
            "state": body_state(article),
        },
    }


def annotation_page(
    article: Article,
    spans: Iterable[Span],
    *,
    iri: Callable[[str, Any], str],
    page_iri: str,
    claims_of: Callable[[Span], Iterable[Any]],
) -> dict[str, Any]:
    """Every span of ``article`` as one AnnotationPage."""
    items = [annotation(span, article, iri=iri, claim_ids=claims_of(span)) for span in spans]
    for item in items:
        del item["@context"]  # the page's context covers its items
    return {"@context": CONTEXT, "id": page_iri, "type": "AnnotationPage", "items": items}
