"""The demo: the sample article, users for each role, and a worked example of the review
workflow: one claim published, one agreed, one disputed, one still in review."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from django.db import transaction

from annotations.articles.models import Article, Span
from annotations.articles.services import article_update
from annotations.articles.text import find_quote, normalize_text
from annotations.claims.models import Claim
from annotations.claims.services import embed_claims
from annotations.review.models import Rating, Verdict, VerdictState
from annotations.review.services import verdict_publish, verdict_submit
from annotations.workspaces.models import Role
from annotations.workspaces.services import (
    DEFAULT_WORKSPACE_SLUG,
    user_create_or_add_role,
    workspace_get_or_create,
)

DEMO_PASSWORD = "demo-password"  # noqa: S105 - published in the README for the local demo
DEMO_USERS = {
    "demo-annotator": Role.ANNOTATOR,
    "demo-reviewer": Role.REVIEWER,
    "demo-reviewer-2": Role.REVIEWER,
    "demo-editor": Role.EDITOR,
}
NATO_UKRAINE = (
    "https://www.nato.int/cps/en/natohq/topics_37750.htm",
    "NATO: Relations with Ukraine",
)
NATO_TREATY = (
    "https://www.nato.int/cps/en/natolive/official_texts_17120.htm",
    "The North Atlantic Treaty",
)


@dataclass(frozen=True)
class DemoVerdict:
    reviewer: str
    rating: str
    explanation: str
    sources: tuple[tuple[str, str], ...] = ()
    state: VerdictState = VerdictState.DRAFT


@dataclass(frozen=True)
class DemoClaim:
    quote: str
    text: str
    claimant: str
    verdicts: tuple[DemoVerdict, ...] = field(default_factory=tuple)


DEMO_CLAIMS = [
    DemoClaim(
        quote="Ukraine formally applied to join the US-led alliance in September 2022",
        text="Ukraine formally applied to join NATO in September 2022.",
        claimant="The article",
        verdicts=(
            DemoVerdict(
                "demo-reviewer",
                "true",
                "Ukraine submitted its application for accelerated NATO membership on "
                "30 September 2022, as NATO's own account of its relations with Ukraine records.",
                (NATO_UKRAINE,),
                VerdictState.PUBLISHED,
            ),
        ),
    ),
    DemoClaim(
        # The sample separates "attack" and "against" with no-break spaces.
        quote="an attack\u00a0against one member must be treated as an attack\u00a0against the "
        "alliance as a whole",
        text="Article 5 of the NATO treaty says an attack against one member is an attack "
        "against all.",
        claimant="The article",
        verdicts=(
            DemoVerdict(
                "demo-reviewer",
                "true",
                "Article 5 of the North Atlantic Treaty says exactly this.",
                (NATO_TREATY,),
                VerdictState.SUBMITTED,
            ),
            DemoVerdict(
                "demo-reviewer-2",
                "true",
                "The treaty's Article 5 text matches the claim.",
                (NATO_TREATY,),
                VerdictState.SUBMITTED,
            ),
        ),
    ),
    DemoClaim(
        quote="Since 2023, Ukraine has signed bilateral security pacts with several NATO members, "
        "including the UK, France and Germany",
        text="Since 2023 Ukraine has signed bilateral security agreements with the UK, France "
        "and Germany.",
        claimant="The article",
        verdicts=(
            DemoVerdict(
                "demo-reviewer",
                "mostly-true",
                "The agreements exist, but were signed in early 2024, not 2023.",
                (NATO_UKRAINE,),
                VerdictState.SUBMITTED,
            ),
            DemoVerdict(
                "demo-reviewer-2",
                "half-true",
                "The pacts exist; 'since 2023' overstates how early they came.",
                (NATO_UKRAINE,),
                VerdictState.SUBMITTED,
            ),
        ),
    ),
    DemoClaim(
        quote="NATO countries are set to meet for an annual summit in Washington on July 9-11",
        text="The NATO summit in Washington takes place on 9-11 July 2024.",
        claimant="The article",
        verdicts=(
            DemoVerdict(
                "demo-reviewer", "unverifiable", "Draft: find the official summit announcement."
            ),
        ),
    ),
]


def demo_article_text() -> tuple[str, str]:
    """Title and body of the sample article: its first line, and everything after it."""
    path = resources.files("annotations") / "fixtures" / "demo" / "stoltenberg-nato-membership.txt"
    title, _, body = normalize_text(path.read_text(encoding="utf-8")).partition("\n")
    return title.strip(), body.strip()


def demo_corrected(body: str) -> str:
    """The correction the demo applies to the sample, so that it shows a second revision with
    its spans re-anchored: a note above the text, and the summit's dates in house style (which
    leaves one span fuzzy)."""
    note = "Updated on 14 June: dates given in house style."
    return f"{note}\n\n" + body.replace("on July 9-11", "on 9-11 July")


def _annotate(article: Article, users: dict[str, Any]) -> None:
    for demo in DEMO_CLAIMS:
        anchor = find_quote(article.body, demo.quote)
        span, _ = Span.objects.get_or_create(
            article=article,
            start=anchor.start,
            end=anchor.end,
            defaults={**anchor.as_fields(), "created_by": users["demo-annotator"]},
        )
        claim, created = Claim.objects.get_or_create(
            workspace=article.workspace,
            text=demo.text,
            defaults={"claimant": demo.claimant, "created_by": users["demo-annotator"]},
        )
        if created:
            claim.spans.add(span)
            embed_claims([claim])
        for wanted in demo.verdicts:
            verdict, _ = Verdict.objects.get_or_create(
                claim=claim,
                reviewer=users[wanted.reviewer],
                defaults={
                    "rating": Rating.objects.get(slug=wanted.rating),
                    "explanation": wanted.explanation,
                    "sources": [{"url": url, "title": title} for url, title in wanted.sources],
                },
            )
            _bring_to(verdict, wanted.state)


def _bring_to(verdict: Verdict, state: VerdictState) -> None:
    if state != VerdictState.DRAFT and verdict.state == VerdictState.DRAFT:
        verdict = verdict_submit(verdict)
    if state == VerdictState.PUBLISHED and verdict.state == VerdictState.SUBMITTED:
        verdict_publish(verdict)


@transaction.atomic
def load_demo() -> Article:
    """Load the demo into the ``newsroom`` workspace. Running it again changes nothing."""
    workspace = workspace_get_or_create(DEFAULT_WORKSPACE_SLUG)
    users = {
        username: user_create_or_add_role(
            username, role=role, workspace_slug=workspace.slug, password=DEMO_PASSWORD
        )[0]
        for username, role in DEMO_USERS.items()
    }
    title, body = demo_article_text()
    article, _ = Article.objects.get_or_create(
        workspace=workspace,
        title=title,
        defaults={
            "body": body,
            "publisher": "Sample wire copy",
            "language": "en",
            "created_by": users["demo-annotator"],
        },
    )
    if article.revision == 1:  # Not yet annotated and corrected.
        _annotate(article, users)
        article_update(article, {"body": demo_corrected(article.body)}, by=users["demo-editor"])
    return article
