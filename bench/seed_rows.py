"""The rows ``bench/seed.py`` creates, through the ORM and the domain services: what the
load benchmark (``bench/load.py``) reads and writes. Import this module after
``django.setup()``.
"""

from __future__ import annotations

import platform
import random
import sys
from dataclasses import dataclass
from typing import Any

import django
from common import SENTENCE_END, build_article, seeded_random
from django.db import connection, transaction
from rest_framework.authtoken.models import Token

from annotations.articles.models import Article, Span
from annotations.articles.text import anchor_at
from annotations.claims.models import Claim
from annotations.demo import demo_article_text
from annotations.review.models import Rating, Verdict
from annotations.review.services import verdict_publish, verdict_submit
from annotations.workspaces.models import Role, Workspace
from annotations.workspaces.services import user_create_or_add_role

WORKSPACE = "bench"
REVIEWERS = 20
ONE_SHOT_SPANS = 50
ONE_SHOT_CLAIMS = 20
FEED_CLAIMS = 20
REVIEW_CLAIMS = 100
LONG_ARTICLE_LENGTH = 100_000
CLAIMANTS = ["Jens Stoltenberg", "NATO", "The White House", "The Kremlin", "The article"]
SOURCES = [
    {"url": "https://www.nato.int/cps/en/natohq/topics_37750.htm", "title": "NATO and Ukraine"},
    {"url": "https://www.nato.int/cps/en/natolive/official_texts_17120.htm", "title": "Treaty"},
]


def distinct_passages(
    rng: random.Random, length: int, count: int, sizes: tuple[int, int]
) -> list[tuple[int, int]]:
    """``count`` distinct ``[start, end)`` passages of a body of ``length`` characters."""
    chosen: set[tuple[int, int]] = set()
    while len(chosen) < count:
        size = rng.randint(*sizes)
        start = rng.randrange(length - size)
        chosen.add((start, start + size))
    return sorted(chosen)


def member(username: str, role: str) -> tuple[Any, str]:
    """The user's id and API token."""
    user, _ = user_create_or_add_role(username, role=role, workspace_slug=WORKSPACE)
    token, _ = Token.objects.get_or_create(user=user)
    return user.pk, token.key


@dataclass
class Seeder:
    """Makes the workspace's articles, spans, claims and verdicts; every random choice from
    ``rng``."""

    rng: random.Random
    workspace: Workspace
    annotator: Any  # the annotator's id: every article, span and claim is theirs
    reviewers: list[Any]  # the reviewers' ids
    title: str  # of the sample article, which every article's title quotes

    def article(self, name: str, text: str) -> Article:
        return Article.objects.create(
            workspace=self.workspace,
            created_by_id=self.annotator,
            title=f"{self.title} ({name})",
            url=f"https://bench.example/articles/{name}",
            publisher="Sample wire copy",
            language="en",
            body=text,
        )

    def spans_on(self, target: Article, count: int, sizes: tuple[int, int]) -> list[Span]:
        return [
            Span.objects.create(
                article=target,
                created_by_id=self.annotator,
                revision=target.revision,
                **anchor_at(target.body, start, end).as_fields(),
            )
            for start, end in distinct_passages(self.rng, len(target.body), count, sizes)
        ]

    def claim(self, text: str, cites: list[Span]) -> Claim:
        made = Claim.objects.create(
            workspace=self.workspace,
            created_by_id=self.annotator,
            text=text,
            claimant=self.rng.choice(CLAIMANTS),
        )
        made.spans.add(*cites)
        return made

    def verdict(self, on: Claim, reviewer: int, rating: str, state: str = "draft") -> Verdict:
        made = Verdict.objects.create(
            claim=on,
            reviewer_id=self.reviewers[reviewer],
            rating_id=rating,
            explanation=f"Checked against the sources ({rating}).",
            sources=[self.rng.choice(SOURCES)],
        )
        if state in ("submitted", "published"):
            made = verdict_submit(made)
        if state == "published":
            made = verdict_publish(made)
        return made

    def long_articles(self, kind: str, count: int, paragraphs: list[str]) -> list[dict[str, Any]]:
        """``count`` articles of about ``LONG_ARTICLE_LENGTH`` characters: ``paragraphs`` in
        shuffled rounds, their sentences shuffled."""
        made = [
            self.article(f"{kind}-{i}", build_article(self.rng, paragraphs, LONG_ARTICLE_LENGTH))
            for i in range(count)
        ]
        return [{"id": str(a.pk), "length": len(a.body)} for a in made]


def review(
    seeder: Seeder, claims: list[Claim], ratings: list[str], ordinal: list[str]
) -> dict[str, int]:
    """Verdicts on the one-shot article's claims, by status: 8 in review (a draft each),
    3 agreed, 2 disputed, 2 published, the rest unreviewed."""
    rng, verdict = seeder.rng, seeder.verdict
    statuses: dict[str, int] = {}
    for i, on in enumerate(claims):
        if i < 8:  # in review: a draft
            verdict(on, i, rng.choice(ratings))
            status = "in_review"
        elif i < 11:  # agreed: two submitted verdicts with one rating
            rating = rng.choice(ordinal)
            verdict(on, i, rating, "submitted")
            verdict(on, i + 5, rating, "submitted")
            status = "agreed"
        elif i < 13:  # disputed: two submitted verdicts that disagree
            first, second = rng.sample(ordinal, 2)
            verdict(on, i, first, "submitted")
            verdict(on, i + 5, second, "submitted")
            status = "disputed"
        elif i < 15:  # published
            verdict(on, i, rng.choice(ordinal), "published")
            status = "published"
        else:
            status = "unreviewed"
        statuses[status] = statuses.get(status, 0) + 1
    return statuses


def one_shot_article(
    seeder: Seeder, body: str, sentences: list[str], ratings: list[str], ordinal: list[str]
) -> tuple[Article, list[Claim], dict[str, int]]:
    """The one-shot article: 50 spans, 20 claims citing all of them, 20 verdicts; the
    claims' statuses counted."""
    rng = seeder.rng
    article = seeder.article("one-shot", body)
    spans = seeder.spans_on(article, ONE_SHOT_SPANS, (20, 120))
    rng.shuffle(spans)
    cited = [spans[i * 3 : i * 3 + 3] for i in range(10)]
    cited += [spans[30 + i * 2 : 32 + i * 2] for i in range(10)]
    claims = [
        seeder.claim(f"{rng.choice(sentences)} (claim {i + 1})", cites)
        for i, cites in enumerate(cited)
    ]
    return article, claims, review(seeder, claims, ratings, ordinal)


def published(seeder: Seeder, body: str, ordinal: list[str]) -> None:
    """Published fact-checks for the ClaimReview feed."""
    article = seeder.article("published", body)
    for i, span in enumerate(seeder.spans_on(article, FEED_CLAIMS, (30, 150))):
        on = seeder.claim(f"{span.quote} (published {i + 1})", [span])
        seeder.verdict(on, i, seeder.rng.choice(ordinal), "published")


def review_queue(seeder: Seeder, body: str) -> list[Claim]:
    """Claims waiting for verdicts."""
    article = seeder.article("review-queue", body)
    return [
        seeder.claim(f"{span.quote} (to review {i + 1})", [span])
        for i, span in enumerate(seeder.spans_on(article, REVIEW_CLAIMS, (20, 160)))
    ]


def seed(number: int, bulk_articles: int, span_articles: int) -> dict[str, Any]:
    """The workspace, its members and rows, from ``random.Random(number)``; what
    ``bench/load.py`` needs to know of them."""
    rng = seeded_random(number)
    if Article.objects.filter(workspace__slug=WORKSPACE).exists():
        sys.exit(f"seed: the database already has a {WORKSPACE!r} workspace with articles")

    ratings = list(Rating.objects.order_by("slug").values_list("slug", flat=True))
    ordinal = list(
        Rating.objects.filter(value__isnull=False).order_by("value").values_list("slug", flat=True)
    )
    title, body = demo_article_text()
    paragraphs = body.split("\n\n")
    sentences = [s for p in paragraphs for s in SENTENCE_END.split(p) if len(s) > 40]

    with transaction.atomic():
        _, editor_token = member("bench-editor", Role.EDITOR)
        annotator, annotator_token = member("bench-annotator", Role.ANNOTATOR)
        reviewers = [member(f"bench-reviewer-{i:02d}", Role.REVIEWER) for i in range(REVIEWERS)]
        workspace = Workspace.objects.get(slug=WORKSPACE)
        seeder = Seeder(rng, workspace, annotator, [pk for pk, _ in reviewers], title)

        one_shot, one_shot_claims, statuses = one_shot_article(
            seeder, body, sentences, ratings, ordinal
        )
        published(seeder, body, ordinal)
        review_claims = review_queue(seeder, body)
        # Long articles for creating spans.
        single = seeder.long_articles("spans", span_articles, paragraphs)
        bulk = seeder.long_articles("bulk", bulk_articles, paragraphs)

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        database_version = cursor.fetchone()[0]
    return {
        "seed": number,
        "workspace": WORKSPACE,
        "tokens": {
            "editor": editor_token,
            "annotator": annotator_token,
            "reviewers": [token for _, token in reviewers],
        },
        "ratings": ratings,
        "sample": {"title": title, "body": body},
        "one_shot": {
            "article": str(one_shot.pk),
            "spans": ONE_SHOT_SPANS,
            "claims": ONE_SHOT_CLAIMS,
            "verdicts": Verdict.objects.filter(claim__in=one_shot_claims).count(),
            "statuses": statuses,
        },
        "feed_entries": Verdict.objects.filter(
            claim__workspace=workspace, state="published"
        ).count(),
        "review_claims": [str(c.pk) for c in review_claims],
        "span_articles": single,
        "bulk_articles": bulk,
        "environment": {
            "database": connection.vendor,
            "database_version": database_version,
            "django": django.get_version(),
            "python": platform.python_version(),
        },
    }
