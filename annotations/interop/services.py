"""Spans from W3C Web Annotations (or a Hypothesis export); claims and their published
verdicts from an archive of fact-checks (ClaimReviews or CSV)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db import transaction

from annotations.articles.models import Article, Span
from annotations.articles.services import locked_body
from annotations.claims.models import Claim
from annotations.claims.services import embed_claims
from annotations.history.entries import history_context
from annotations.interop import archive, claimreview, webannotation
from annotations.review.models import Rating, Verdict, VerdictState
from annotations.workspaces import access
from annotations.workspaces.models import Role, Workspace
from factcheck.db import create_with_history

if TYPE_CHECKING:
    from django.contrib.auth.models import User


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


# --- An archive of published fact-checks ------------------------------------------------------

ARCHIVE_IMPORT_ROLES = frozenset({Role.EDITOR})
"""Who may import an archive into a workspace: each fact-check is published at once, which
is an editor's act."""
LOOKUP_BATCH = 500
"""Urls per query when looking for claims imported before (SQLite's parameters are few)."""
SOURCE_TITLE_LENGTH = 500
"""The longest source title the API takes (``SourceSerializer``); a longer headline is cut."""


@dataclass(frozen=True)
class ArchiveResult:
    """What became of one item of an archive."""

    index: int
    status: str  # created, exists or rejected
    url: str = ""
    claim: UUID | None = None
    errors: list[dict[str, str]] = field(default_factory=list)


@transaction.atomic
def claimreviews_import(
    workspace: Workspace,
    entries: Sequence[archive.Entry],
    *,
    by: User,
    first_index: int = 0,
) -> list[ArchiveResult]:
    """Each fact-check of an archive (as ``archive`` reads it) as a claim of ``workspace``
    with its verdict, published as it was: by an editor of the workspace, who becomes the
    claims' creator and the verdicts' reviewer. One result per entry, numbered from
    ``first_index``. A fact-check whose url is a claim's of the workspace already (its
    ``review_url``, or its page on this installation) is not imported again: it ``exists``.

    The claims, the verdicts and their history records are written in bulk (two statements
    on PostgreSQL); the database's triggers keep the search vectors and annotation versions;
    with a model configured, the claims' vectors are computed in batches and stored.
    """
    access.require_role(by, workspace.pk, ARCHIVE_IMPORT_ROLES)
    # Imports into one workspace queue on its row, so that two cannot both create a url.
    Workspace.objects.select_for_update().filter(pk=workspace.pk).first()
    read = [entry for entry in entries if isinstance(entry, archive.ArchivedFactCheck)]
    known = _claims_by_url(workspace, [entry.url for entry in read])
    results: list[ArchiveResult] = []
    new: list[tuple[Claim, archive.ArchivedFactCheck]] = []
    for index, entry in enumerate(entries, start=first_index):
        if isinstance(entry, archive.Rejected):
            results.append(_rejected(index, entry))
            continue
        status = "exists" if entry.url in known else "created"
        if status == "created":
            claim = Claim(
                workspace=workspace,
                created_by=by,
                text=entry.claim,
                claimant=entry.claimant,
                claim_date=entry.claim_date,
                review_url=entry.url,
                language=entry.language,
            )
            new.append((claim, entry))
            known[entry.url] = claim.pk
        results.append(ArchiveResult(index, status, entry.url, known[entry.url]))
    ratings = _ratings_named([entry for _, entry in new])
    context = history_context(workspace.pk)
    create_with_history([claim for claim, _ in new], user_id=by.pk, context=context)
    embed_claims(claim for claim, _ in new)
    verdicts = [
        _published_verdict(claim, entry, ratings[entry.rating.casefold()], by)
        for claim, entry in new
    ]
    create_with_history(verdicts, user_id=by.pk, context=context)
    return results


def _rejected(index: int, entry: archive.Rejected) -> ArchiveResult:
    """The result of an item that cannot be imported: each error's field is prefixed with
    the item's index (``3.url``), or is the index for the item as a whole."""
    errors = [
        {"field": f"{index}.{name}" if name else str(index), "code": code, "message": message}
        for name, code, message in entry.errors
    ]
    return ArchiveResult(index, "rejected", errors=errors)


def _published_verdict(
    claim: Claim, entry: archive.ArchivedFactCheck, rating: Rating, by: User
) -> Verdict:
    """The verdict of a fact-check, published when it was; its source is the fact-check."""
    title = entry.headline or entry.publisher_name
    if len(title) > SOURCE_TITLE_LENGTH:
        title = title[: SOURCE_TITLE_LENGTH - 1] + "…"
    return Verdict(
        claim=claim,
        reviewer=by,
        rating=rating,
        explanation=entry.explanation,
        sources=[{"url": entry.url, "title": title}],
        state=VerdictState.PUBLISHED,
        submitted_at=entry.published_at,
        published_at=entry.published_at,
        publisher_name=entry.publisher_name,
        publisher_url=entry.publisher_url,
    )


def _claims_by_url(workspace: Workspace, urls: list[str]) -> dict[str, UUID]:
    """The claims of the workspace whose fact-check is at each of ``urls``: by their
    ``review_url``, or, for a claim without one, by its page on this installation."""
    unique = list(dict.fromkeys(urls))
    found: dict[str, UUID] = {}
    in_workspace = Claim.objects.filter(workspace=workspace).order_by("-created_at", "-pk")
    for start in range(0, len(unique), LOOKUP_BATCH):
        batch = unique[start : start + LOOKUP_BATCH]
        # The earliest claim wins: it comes last.
        found.update(in_workspace.filter(review_url__in=batch).values_list("review_url", "pk"))
    own = {claim_id: url for url in unique if (claim_id := claimreview.own_claim_id(url))}
    if own:
        pages = in_workspace.filter(pk__in=list(own), review_url="").values_list("pk", flat=True)
        found.update({own[pk]: pk for pk in pages})
    return found


def _ratings_named(entries: list[archive.ArchivedFactCheck]) -> dict[str, Rating]:
    """The rating of each name the fact-checks give it, by the name case-folded: the rating
    whose slug or label the name is (case-insensitively), else whose slug is the name's
    (``Pants on Fire!`` is ``pants-on-fire``). For any other name a rating is made, with the
    name as its label and outside the ordinal scale (no value), for staff to place."""
    ratings = list(Rating.objects.all())
    by_slug = {rating.slug.casefold(): rating for rating in ratings}
    by_label: dict[str, Rating] = {}
    for rating in ratings:  # Ordinal ratings first: they win a shared label.
        by_label.setdefault(rating.label.casefold(), rating)
    found: dict[str, Rating] = {}
    to_make: dict[str, str] = {}  # The slug of the rating to make for each other name.
    new: dict[str, Rating] = {}
    for entry in entries:
        name = entry.rating.casefold()
        if name in found or name in to_make:
            continue
        slug = archive.rating_slug(entry.rating)
        named = by_slug.get(name) or by_label.get(name) or by_slug.get(slug)
        if named is not None:
            found[name] = named
            continue
        to_make[name] = slug
        if slug not in new:
            new[slug] = Rating(slug=slug, label=entry.rating, description=_made_for(entry))
    if new:
        # A concurrent import may make the same rating first: theirs is as good.
        Rating.objects.bulk_create(new.values(), ignore_conflicts=True)
        made = Rating.objects.in_bulk(list(new))
        found |= {name: made[slug] for name, slug in to_make.items()}
    return found


def _made_for(entry: archive.ArchivedFactCheck) -> str:
    publisher = f" by {entry.publisher_name}" if entry.publisher_name else ""
    return f"Made by an import of published fact-checks, for the rating named so{publisher}."
