"""Spans from W3C Web Annotations (or a Hypothesis export)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from annotations.articles.models import Article, Span
from annotations.articles.services import locked_body
from annotations.interop import webannotation


@dataclass(frozen=True)
class ImportResult:
    index: int
    id: str
    status: str  # created, exists or rejected
    span: Span | None = None
    reason: str = ""


@transaction.atomic
def annotations_import(article: Article, items: list[Any], *, by: Any) -> list[ImportResult]:
    """Spans from Web Annotations (or Hypothesis annotations) on ``article``, one result per
    item. An item whose id was imported before is not imported again."""
    body, revision = locked_body(article)
    results = []
    for index, item in enumerate(items):
        external_id = str(item.get("id") or "")[:500] if isinstance(item, dict) else ""
        existing = (
            Span.objects.filter(article=article, external_id=external_id).first()
            if external_id
            else None
        )
        if existing is not None:
            results.append(ImportResult(index, external_id, "exists", existing))
            continue
        try:
            anchor = webannotation.locate(body, item)
        except webannotation.ImportRejected as exc:
            results.append(ImportResult(index, external_id, "rejected", reason=str(exc)))
            continue
        span = Span.objects.create(
            article=article,
            created_by=by,
            note=webannotation.note_of(item),
            external_id=external_id,
            revision=revision,
            **anchor.as_fields(),
        )
        results.append(ImportResult(index, external_id, "created", span))
    return results
