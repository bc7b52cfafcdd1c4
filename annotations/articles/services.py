"""Changes to articles and spans: a new body and the re-anchoring of every span in it, spans
anchored under the article's row lock, many spans at once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet, Value
from django.utils import timezone

from annotations.articles.models import Article, ArticleRevision, Span
from annotations.articles.reanchor import AnchorState, BodyChange
from annotations.articles.text import Anchor, Utf16Offsets, normalize_text, resolve_anchor
from annotations.history.entries import history_context
from annotations.workspaces import access
from annotations.workspaces.models import Workspace
from factcheck.db import bulk_update_rows, create_with_history, in_a_change
from factcheck.errors import Conflict

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, User


def locked_body(article: Article) -> tuple[str, int]:
    """The article's body as committed and its revision number, its row locked until the
    transaction ends, so that the body cannot change under a span being anchored. An article
    read by ``locked_articles`` holds them already."""
    if getattr(article, "read_locked", False):
        return article.body, article.revision
    return Article.objects.select_for_update().values_list("body", "revision").get(pk=article.pk)


def locked_articles(articles: QuerySet[Article]) -> QuerySet[Article]:
    """``articles`` read with their rows locked until the transaction ends, in a change: the
    body and revision of each are then those ``locked_body`` would read."""
    if not in_a_change():
        return articles
    return articles.select_for_update(of=("self",)).annotate(read_locked=Value(True))


@transaction.atomic
def article_create(*, created_by: User, workspace: Workspace, **fields: Any) -> Article:
    """A new article, and its body as revision 1, by a member who may annotate in the
    workspace."""
    access.require_role(created_by, workspace.pk, access.ROLES_THAT_ANNOTATE)
    return Article.objects.create(created_by=created_by, workspace=workspace, **fields)


@dataclass(frozen=True)
class ReanchorReport:
    """What a change of body did to the article's spans."""

    revision: int
    counts: dict[str, int]
    spans: dict[str, list[Any]]
    """Ids of the spans that were not shifted exactly, by state (moved, fuzzy, orphaned)."""


@transaction.atomic
def article_update(
    article: Article, changes: dict[str, Any], *, by: AbstractBaseUser
) -> ReanchorReport | None:
    """Apply ``changes`` to ``article``. A new body becomes a new revision and every span is
    re-anchored in it (``annotations.articles.reanchor``); the report says how, or is ``None`` when
    the body did not change."""
    report = None
    for field, value in changes.items():
        if field == "body":
            report = _revise_body(article, normalize_text(value), by=by)
        else:
            setattr(article, field, value)
    article.save()
    return report


def _revise_body(article: Article, body: str, *, by: AbstractBaseUser) -> ReanchorReport | None:
    current_body, current_revision = locked_body(article)
    article.body, article.revision = current_body, current_revision
    if body == current_body:
        return None
    number = current_revision + 1
    ArticleRevision.objects.create(article=article, number=number, body=body, created_by_id=by.pk)
    spans = list(Span.objects.filter(article=article).order_by("start", "pk"))
    # Orphaned spans are tried again from the revision their offsets refer to.
    old_bodies = dict(
        ArticleRevision.objects.filter(
            article=article, number__in={span.revision for span in spans}
        ).values_list("number", "body")
    )
    changes = {revision: BodyChange(old, body) for revision, old in old_bodies.items()}
    placed: dict[str, list[Any]] = {state: [] for state in AnchorState.values}
    now = timezone.now()
    for span in spans:
        placement = changes[span.revision].place(
            span.start, span.end, span.quote, span.prefix, span.suffix
        )
        if placement.anchor is not None:
            for field, value in placement.anchor.as_fields().items():
                setattr(span, field, value)
            span.revision = number
        span.anchor_state = _state_after(span.anchor_state, placement.state)
        span.updated_at = now
        placed[placement.state].append(span.pk)
    bulk_update_rows(spans, [*Anchor.fields(), "revision", "anchor_state", "updated_at"])
    Span.history.bulk_history_create(
        spans,
        update=True,
        default_user=by,
        custom_historical_attrs=history_context(article.workspace_id),
    )
    article.body, article.revision = body, number
    return ReanchorReport(
        revision=number,
        counts={state: len(ids) for state, ids in placed.items()},
        spans={state: ids for state, ids in placed.items() if state != AnchorState.ANCHORED},
    )


_NEEDS_REVIEW: list[str] = [AnchorState.ANCHORED, AnchorState.MOVED, AnchorState.FUZZY]
"""Anchor states from least to most in need of a person's review."""


def _state_after(state: str, placed: str) -> str:
    """A moved or fuzzy span stays so, through exact shifts, until a person anchors it anew
    (``span_anchor``); an orphaned span found again is as this placement found it."""
    if placed == AnchorState.ORPHANED or state == AnchorState.ORPHANED:
        return placed
    return max(state, placed, key=_NEEDS_REVIEW.index)


class LockedBodies:
    """Article bodies read under their row locks, each once, for anchoring many spans; and
    the changes from earlier revisions to them, each diffed once."""

    def __init__(self) -> None:
        self._bodies: dict[Any, tuple[str, int, Utf16Offsets]] = {}
        self._changes: dict[tuple[Any, int], BodyChange] = {}

    def of(self, article: Article) -> tuple[str, int, Utf16Offsets]:
        """The article's body, its revision, and the body's UTF-16 offsets."""
        if article.pk not in self._bodies:
            body, revision = locked_body(article)
            self._bodies[article.pk] = (body, revision, Utf16Offsets(body))
        return self._bodies[article.pk]

    def change_since(self, article: Article, revision: int) -> BodyChange:
        """The change from the article's body at ``revision`` to its current body."""
        key = (article.pk, revision)
        if key not in self._changes:
            body, current, _ = self.of(article)
            old = (
                ArticleRevision.objects.filter(article=article, number=revision)
                .values_list("body", flat=True)
                .first()
            )
            if old is None or revision > current:
                raise ValidationError(
                    {
                        "revision": f"The article has no revision {revision}; its current one is "
                        f"{current}."
                    }
                )
            self._changes[key] = BodyChange(old, body)
        return self._changes[key]


def span_anchor(
    article: Article,
    *,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    prefix: str = "",
    suffix: str = "",
    offset_unit: str = "code_point",
    revision: int | None = None,
    bodies: LockedBodies | None = None,
) -> dict[str, Any]:
    """The fields of a span anchored in the article's current body (see
    ``text.resolve_anchor``), holding the article's row lock so that its body cannot change
    before the span is saved (so it runs in a transaction: a request's, or the caller's).
    ``bodies`` shares the read among the spans of one request.

    Offsets (or a quote's place) computed on an earlier ``revision`` of the body are read in
    that revision, and the passage is placed in the current body as a correction would have
    placed it (``reanchor``): anchored, moved or fuzzy. A passage that no longer stands in
    the body is a ``Conflict``: no span is made for text that is gone."""
    bodies = bodies or LockedBodies()
    body, current, utf16 = bodies.of(article)
    locate = partial(
        resolve_anchor,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        offset_unit=offset_unit,
    )
    if revision is None or revision == current:
        anchor = locate(body, utf16=utf16)
        return {**anchor.as_fields(), "revision": current, "anchor_state": AnchorState.ANCHORED}
    change = bodies.change_since(article, revision)
    then = locate(change.old)
    placement = change.place(then.start, then.end, then.quote, then.prefix, then.suffix)
    if placement.anchor is None:
        raise Conflict(
            f"The passage {then.quote!r} of revision {revision} is no longer in the article "
            f"(revision {current}): read the current body and anchor the span anew."
        )
    return {**placement.anchor.as_fields(), "revision": current, "anchor_state": placement.state}


def spans_create(rows: list[dict[str, Any]]) -> list[Span]:
    """Create validated spans of one author, with their history: one statement for the
    spans and their history records per workspace (two on SQLite), rather than two per span."""
    if not rows:
        return []
    by = rows[0]["created_by"]
    spans = [Span(**row) for row in rows]
    by_workspace: dict[Any, list[Span]] = {}
    for span in spans:
        by_workspace.setdefault(span.article.workspace_id, []).append(span)
    for workspace_id, created in by_workspace.items():
        create_with_history(created, user_id=by.pk, context=history_context(workspace_id))
    return spans
