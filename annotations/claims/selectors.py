"""Reads of claims: what the caller may see, with its review status; and the claims that
read like a text, with their published verdicts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from annotations.articles.models import Span
from annotations.claims.matching import similar_claims
from annotations.claims.models import Claim
from annotations.review.models import Verdict, VerdictState

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser


def claim_span_ids() -> Prefetch:
    """Each claim's spans, as its representation lists them: by id."""
    return Prefetch("spans", queryset=Span.objects.only("id", "article_id"))


def claims_for(user: User) -> QuerySet[Claim]:
    """The claims of the user's workspaces, with their creator's name, their workspace, their
    spans' ids, and the review status of the verdicts the user may see (built per call: it
    depends on the quorum setting)."""
    return (
        Claim.objects.with_usernames("created_by")
        .select_related("workspace")
        .prefetch_related(claim_span_ids())
        .with_status(Verdict.objects.visible_to(user))
        .visible_to(user)
    )


def claims_checked_before(
    text: str, user: User, *, workspace: str | None, limit: int
) -> list[dict[str, Any]]:
    """The claims of the user's workspaces (or of the one with slug ``workspace``) most like
    ``text``, with their published verdicts."""
    claims = Claim.objects.visible_to(user)
    if workspace is not None:
        claims = claims.filter(workspace__slug=workspace)
    return similar_claims_with_verdicts(text, claims, limit=limit)


def likely_duplicates(claim: Claim) -> list[dict[str, Any]]:
    """The other claims of the claim's workspace that read like it, as a new claim's response
    lists them."""
    others = Claim.objects.filter(workspace=claim.workspace_id).exclude(pk=claim.pk)
    return similar_claims_with_verdicts(
        claim.text, others, limit=5, threshold=settings.FACTCHECK_DUPLICATE_SIMILARITY
    )


def similar_claims_with_verdicts(
    text: str, claims: QuerySet[Claim], *, limit: int, threshold: float = 0.0
) -> list[dict[str, Any]]:
    """``similar_claims`` with each claim's published verdict, or its group's."""
    found = similar_claims(text, claims, limit=limit, threshold=threshold)
    ids = [match.claim.pk for match in found]
    groups = [match.claim.group for match in found if match.claim.group]
    published = (
        Verdict.objects.filter(state=VerdictState.PUBLISHED)
        .filter(Q(claim__in=ids) | Q(claim__group__in=groups))
        .select_related("rating", "claim")
        .order_by("published_at")
        if found
        else []
    )
    by_claim = {verdict.claim_id: verdict for verdict in published}
    by_group: dict[Any, Verdict] = {
        verdict.claim.group: verdict for verdict in published if verdict.claim.group
    }
    return [
        {
            "claim": match.claim,
            "score": round(match.score, 4),
            "explanation": match.explanation(),
            "published_verdict": by_claim.get(match.claim.pk) or by_group.get(match.claim.group),
        }
        for match in found
    ]
