"""schema.org ClaimReview documents for published verdicts, as Google's fact-check profile
reads them (https://developers.google.com/search/docs/appearance/structured-data/factcheck).

Pure building: :func:`claim_review` turns a claim and its published verdict into a JSON-LD
dict and runs no queries of its own when the claim's spans (with their articles) are
prefetched and the rating scale is passed in. Reading them back is ``archive``'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.utils import timezone

from annotations.articles.models import Article
from annotations.claims.models import Claim
from annotations.review.models import Rating, Verdict, VerdictState

CONTEXT = "https://schema.org"
OWN_CLAIM_PATH = re.compile(r"([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})/?")
"""The rest of a claim's page on FACTCHECK_SITE_URL after ``/claims/``: its id."""

# A claimant is an Organization when a word of its name is one of these (case-insensitive);
# otherwise a Person. Deliberately simple: "Ministry of Health", "Acme Corp", "Labour Party"
# are organisations; "The minister", "Jane Doe" are people.
ORGANIZATION_WORDS = frozenset(
    {
        "agency",
        "association",
        "authority",
        "bank",
        "bureau",
        "club",
        "co",
        "commission",
        "committee",
        "company",
        "corp",
        "corporation",
        "council",
        "department",
        "foundation",
        "government",
        "gmbh",
        "group",
        "inc",
        "institute",
        "league",
        "llc",
        "ltd",
        "ministry",
        "network",
        "newspaper",
        "office",
        "organisation",
        "organization",
        "party",
        "plc",
        "society",
        "union",
        "university",
    }
)


@dataclass(frozen=True)
class RatingScale:
    """The ordinal part of the rating scale: the lowest and highest ``Rating.value``."""

    worst: int
    best: int


def claimant_type(claimant: str) -> str:
    """``Organization`` when a word of the claimant is in ``ORGANIZATION_WORDS``, else
    ``Person``."""
    words = {word.lower() for word in re.findall(r"\w+", claimant)}
    return "Organization" if words & ORGANIZATION_WORDS else "Person"


def review_url(claim: Claim) -> str:
    """The fact-check page: the claim's own ``review_url``, else one on FACTCHECK_SITE_URL."""
    return claim.review_url or f"{settings.FACTCHECK_SITE_URL}/claims/{claim.id}/"


def own_claim_id(url: str) -> UUID | None:
    """The id of the claim whose fact-check page on this installation ``url`` is (as
    :func:`review_url` writes it for a claim without a ``review_url``), else None."""
    prefix = f"{settings.FACTCHECK_SITE_URL}/claims/"
    found = OWN_CLAIM_PATH.fullmatch(url.removeprefix(prefix)) if url.startswith(prefix) else None
    return UUID(found[1]) if found else None


def iso_datetime(value: datetime) -> str:
    """ISO 8601 in the current time zone, ``Z`` for UTC, as the rest of the API writes it."""
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def iso_date(value: datetime | date) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return value.isoformat()


def appearances(claims: Iterable[Claim]) -> list[Article]:
    """The distinct articles the claims' spans are in, earliest published first (articles
    without a publication date last), then by creation. Uses the prefetched spans."""
    articles = {span.article_id: span.article for claim in claims for span in claim.spans.all()}
    return sorted(
        articles.values(),
        key=lambda article: (
            article.published_at is None,
            article.published_at or article.created_at,
            article.created_at,
            str(article.id),
        ),
    )


def creative_work(article: Article, article_iri: Callable[[Article], str]) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": article.url or article_iri(article),
        "headline": article.title,
    }
    if article.published_at is not None:
        work["datePublished"] = iso_datetime(article.published_at)
    return work


def review_rating(rating: Rating, scale: RatingScale | None) -> dict[str, Any]:
    result: dict[str, Any] = {"@type": "Rating", "alternateName": rating.label}
    if rating.value is not None and scale is not None:
        result["ratingValue"] = rating.value
        result["bestRating"] = scale.best
        result["worstRating"] = scale.worst
    return result


def publisher(verdict: Verdict) -> dict[str, Any]:
    """The fact-checking Organization: the verdict's publisher when it has one (a fact-check
    imported from another organisation's ClaimReview), else this installation's."""
    if not verdict.publisher_name:
        return {
            "@type": "Organization",
            "name": settings.FACTCHECK_ORG_NAME,
            "url": settings.FACTCHECK_ORG_URL,
        }
    organization = {"@type": "Organization", "name": verdict.publisher_name}
    if verdict.publisher_url:
        organization["url"] = verdict.publisher_url
    return organization


def item_reviewed(
    claim: Claim, article_iri: Callable[[Article], str], linked: Sequence[Claim] = ()
) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    claimant = claim.claimant.strip()
    if claimant:
        item["author"] = {"@type": claimant_type(claimant), "name": claimant}
    if claim.claim_date is not None:
        item["datePublished"] = iso_date(claim.claim_date)
    works = [creative_work(article, article_iri) for article in appearances([claim, *linked])]
    if works:
        item["appearance"] = works
        item["firstAppearance"] = works[0]
    return item


def claim_review(
    claim: Claim,
    verdict: Verdict,
    *,
    article_iri: Callable[[Article], str],
    scale: RatingScale | None,
    linked: Sequence[Claim] = (),
) -> dict[str, Any]:
    """The ClaimReview of ``claim`` whose published verdict is ``verdict``; the claims
    ``linked`` to it as the same claim add where it appeared.

    ``article_iri`` gives the URL of an article that has none of its own (its API IRI);
    ``scale`` is :func:`rating_scale`, passed in so that a feed computes it once.
    """
    if verdict.state != VerdictState.PUBLISHED or verdict.published_at is None:
        raise ValueError("A ClaimReview needs a published verdict.")
    if verdict.claim_id != claim.pk:
        raise ValueError("The verdict is not on this claim.")
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_url(claim),
        "claimReviewed": claim.text,
        "datePublished": iso_date(verdict.published_at),
        "author": publisher(verdict),
        "reviewRating": review_rating(verdict.rating, scale),
        "reviewBody": verdict.explanation,
        "itemReviewed": item_reviewed(claim, article_iri, linked),
    }
