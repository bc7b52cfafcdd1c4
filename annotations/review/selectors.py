"""Reads of verdicts: what the caller may see, and the agreement between reviewers over the
verdicts they submitted."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db.models import QuerySet

from annotations.claims.models import Claim
from annotations.review.agreement import (
    Level,
    PairKappa,
    krippendorff_alpha,
    pairwise_kappas,
    units_from_ratings,
)
from annotations.review.models import JUDGED_STATES, Rating, Verdict

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

Row = tuple[Hashable, str, str]  # (claim, reviewer, rating)


def verdicts_for(user: User) -> QuerySet[Verdict]:
    """The verdicts the user may see (blind review applies), with their reviewer's name,
    rating and claim."""
    return (
        Verdict.objects.with_usernames("reviewer")
        .select_related("rating", "claim")
        .visible_to(user)
    )


def verdicts_to_agree_on(
    workspace_ids: list[Any],
    *,
    article: UUID | None = None,
    claimant: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[Verdict]:
    """The verdicts of these workspaces' claims (cited in ``article``, by a claimant whose
    name contains ``claimant``), submitted between ``since`` and ``until``."""
    verdicts = Verdict.objects.filter(claim__workspace__in=workspace_ids)
    if article is not None:
        cited = Claim.objects.filter(spans__article=article).values("pk")
        verdicts = verdicts.filter(claim__in=cited)
    if claimant is not None:
        verdicts = verdicts.filter(claim__claimant__icontains=claimant)
    if since is not None:
        verdicts = verdicts.filter(submitted_at__date__gte=since)
    if until is not None:
        verdicts = verdicts.filter(submitted_at__date__lte=until)
    return verdicts


@dataclass(frozen=True)
class Alpha:
    alpha: float | None
    claims: int
    verdicts: int


@dataclass(frozen=True)
class AgreementReport:
    nominal: Alpha
    ordinal: Alpha
    pairs: list[PairKappa[str]]


def _alpha(rows: list[Row], level: Level, order: Sequence[str] | None = None) -> Alpha:
    pairable = {
        claim: ratings for claim, ratings in units_from_ratings(rows).items() if len(ratings) >= 2
    }
    return Alpha(
        alpha=krippendorff_alpha(pairable, level=level, order=order),
        claims=len(pairable),
        verdicts=sum(len(ratings) for ratings in pairable.values()),
    )


def agreement_report(verdicts: QuerySet[Verdict], *, min_common: int) -> AgreementReport:
    """Krippendorff's alpha (nominal; ordinal over the ordinal ratings only) and Cohen's kappa
    for each pair of reviewers with at least ``min_common`` claims in common, over the
    submitted verdicts among ``verdicts``."""
    judged = list(
        verdicts.filter(state__in=JUDGED_STATES).values_list(
            "claim_id", "reviewer__username", "rating_id", "rating__value"
        )
    )
    rows: list[Row] = [(claim, reviewer, rating) for claim, reviewer, rating, _ in judged]
    ordinal_rows: list[Row] = [
        (claim, reviewer, rating) for claim, reviewer, rating, value in judged if value is not None
    ]
    scale = Rating.objects.exclude(value=None).order_by("value").values_list("slug", flat=True)
    return AgreementReport(
        nominal=_alpha(rows, "nominal"),
        ordinal=_alpha(ordinal_rows, "ordinal", order=list(scale)),
        pairs=pairwise_kappas(rows, min_common=min_common),
    )
