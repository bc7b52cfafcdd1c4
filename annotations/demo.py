"""The demo: the sample article, a user per role, and a worked example of annotation."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from django.db import transaction

from annotations.models import Article, Claim, Rating, Role, Span, Verdict, VerdictState
from annotations.services import (
    DEFAULT_WORKSPACE_SLUG,
    user_create_or_add_role,
    verdict_publish,
    workspace_get_or_create,
)
from annotations.text import find_quote, normalize_text

DEMO_PASSWORD = "demo-password"  # noqa: S105 - published in the README for the local demo
DEMO_USERS = {
    "demo-annotator": Role.ANNOTATOR,
    "demo-reviewer": Role.REVIEWER,
    "demo-editor": Role.EDITOR,
}


@dataclass(frozen=True)
class DemoClaim:
    quote: str
    text: str
    claimant: str
    rating: str
    explanation: str
    sources: tuple[tuple[str, str], ...]
    publish: bool = False


DEMO_CLAIMS = [
    DemoClaim(
        quote="Ukraine formally applied to join the US-led alliance in September 2022",
        text="Ukraine formally applied to join NATO in September 2022.",
        claimant="The article",
        rating="true",
        explanation=(
            "Ukraine submitted its application for accelerated NATO membership on "
            "30 September 2022, as NATO's own account of its relations with Ukraine records."
        ),
        sources=(
            (
                "https://www.nato.int/cps/en/natohq/topics_37750.htm",
                "NATO: Relations with Ukraine",
            ),
        ),
        publish=True,
    ),
    DemoClaim(
        # The sample separates "attack" and "against" with no-break spaces.
        quote="an attack\u00a0against one member must be treated as an attack\u00a0against the "
        "alliance as a whole",
        text="Article 5 of the NATO treaty says an attack against one member is an attack "
        "against all.",
        claimant="The article",
        rating="true",
        explanation="Article 5 of the North Atlantic Treaty says exactly this.",
        sources=(
            (
                "https://www.nato.int/cps/en/natolive/official_texts_17120.htm",
                "The North Atlantic Treaty",
            ),
        ),
    ),
    DemoClaim(
        quote="NATO countries are set to meet for an annual summit in Washington on July 9-11",
        text="The NATO summit in Washington takes place on 9-11 July 2024.",
        claimant="The article",
        rating="unverifiable",
        explanation="Draft: find the official summit announcement.",
        sources=(),
    ),
    DemoClaim(
        quote="Since 2023, Ukraine has signed bilateral security pacts with several NATO members, "
        "including the UK, France and Germany",
        text="Since 2023 Ukraine has signed bilateral security agreements with the UK, France "
        "and Germany.",
        claimant="The article",
        rating="mostly-true",
        explanation="Draft: the agreements were signed in early 2024; check the dates.",
        sources=(),
    ),
]


def demo_article_text() -> tuple[str, str]:
    """Title and body of the sample article: its first line, and everything after it."""
    path = resources.files("annotations") / "fixtures" / "demo" / "stoltenberg-nato-membership.txt"
    title, _, body = normalize_text(path.read_text(encoding="utf-8")).partition("\n")
    return title.strip(), body.strip()


@transaction.atomic
def load_demo() -> Article:
    """Load the demo into the ``newsroom`` workspace. Running it again changes nothing."""
    workspace = workspace_get_or_create(DEFAULT_WORKSPACE_SLUG)
    users = {
        role: user_create_or_add_role(
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
            "created_by": users[Role.ANNOTATOR],
        },
    )
    for demo in DEMO_CLAIMS:
        anchor = find_quote(article.body, demo.quote)
        span, _ = Span.objects.get_or_create(
            article=article,
            start=anchor.start,
            end=anchor.end,
            defaults={
                "quote": anchor.quote,
                "prefix": anchor.prefix,
                "suffix": anchor.suffix,
                "created_by": users[Role.ANNOTATOR],
            },
        )
        claim, created = Claim.objects.get_or_create(
            workspace=workspace,
            text=demo.text,
            defaults={"claimant": demo.claimant, "created_by": users[Role.ANNOTATOR]},
        )
        if created:
            claim.spans.add(span)
        verdict, _ = Verdict.objects.get_or_create(
            claim=claim,
            reviewer=users[Role.REVIEWER],
            defaults={
                "rating": Rating.objects.get(slug=demo.rating),
                "explanation": demo.explanation,
                "sources": [{"url": url, "title": title} for url, title in demo.sources],
            },
        )
        if demo.publish and verdict.state == VerdictState.DRAFT:
            verdict_publish(verdict)
    return article
