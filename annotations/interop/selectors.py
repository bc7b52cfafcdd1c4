"""Reads for the published record: published verdicts with what a ClaimReview shows, the
claims linked to them, the rating scale."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.db.models import Max, Min, Prefetch, QuerySet

from annotations.articles.models import Span
from annotations.claims.models import Claim
from annotations.interop.claimreview import RatingScale
from annotations.review.models import Rating, Verdict, VerdictState


def published_verdicts(*, since: datetime | None = None) -> QuerySet[Verdict]:
    """Every published verdict (one per claim at most; published at ``since`` or later), with
    what a ClaimReview shows: its claim and rating, and the claim's spans with their articles
    (bodies left out)."""
    spans = Span.objects.select_related("article").defer("article__body")
    verdicts = (
        Verdict.objects.filter(state=VerdictState.PUBLISHED)
        .select_related("claim", "rating")
        .prefetch_related(Prefetch("claim__spans", queryset=spans))
    )
    return verdicts if since is None else verdicts.filter(published_at__gte=since)


def published_verdict_of(claim_id: UUID) -> Verdict | None:
    """The claim's published verdict, or else the latest of a claim linked to it (a claim
    linked to one that was checked shares that fact-check)."""
    verdict = published_verdicts().filter(claim_id=claim_id).first()
    if verdict is None:
        group = Claim.objects.filter(pk=claim_id).values_list("group", flat=True).first()
        if group is not None:
            shared = published_verdicts().filter(claim__group=group)
            verdict = shared.order_by("-published_at").first()
    return verdict


def linked_claims(verdicts: list[Verdict]) -> dict[UUID | None, list[Claim]]:
    """The other claims of each verdict's claim's group (claims linked as the same claim),
    with their spans and articles, by group."""
    groups = {verdict.claim.group for verdict in verdicts if verdict.claim.group}
    if not groups:
        return {}
    spans = Span.objects.select_related("article").defer("article__body")
    claims = (
        Claim.objects.filter(group__in=groups)
        .exclude(pk__in=[verdict.claim_id for verdict in verdicts])
        .prefetch_related(Prefetch("spans", queryset=spans))
        .order_by("created_at", "pk")
    )
    by_group: dict[UUID | None, list[Claim]] = {}
    for claim in claims:
        by_group.setdefault(claim.group, []).append(claim)
    return by_group


def rating_scale() -> RatingScale | None:
    """The installation's ordinal scale, or None when no rating has a value (one query)."""
    bounds = Rating.objects.filter(value__isnull=False).aggregate(
        worst=Min("value"), best=Max("value")
    )
    if bounds["worst"] is None or bounds["best"] is None:
        return None
    return RatingScale(worst=bounds["worst"], best=bounds["best"])
