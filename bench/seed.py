"""Seed a database for the HTTP load benchmark (``bench/load.py``, run by ``scripts/bench.sh``).

Creates, reproducibly (``random.Random(SEED)``; ids and tokens differ from run to run), through
the ORM and ``annotations.services``:

- the workspace ``bench`` with an editor, an annotator and 20 reviewers, each with an API token;
- the article ``one-shot`` (the sample article's text) with exactly 50 spans, 20 claims citing
  them and 20 verdicts on those claims: 8 claims ``in_review`` (a draft each), 3 ``agreed``,
  2 ``disputed``, 2 ``published``, 5 ``unreviewed``;
- an article whose 20 claims each have a published verdict, so that the ClaimReview feed has
  22 entries with the 2 above;
- 100 claims without verdicts, for the phase that creates verdicts (20 reviewers x 100 claims:
  2,000 possible new verdicts, one per reviewer and claim);
- long articles (about 100,000 characters: the sample's paragraphs in shuffled rounds, their
  sentences shuffled) for creating spans one by one and 1,000 at a time.

Then ``ANALYZE``, so that the planner has the statistics a database in use has.

Writes what the load generator needs (tokens, ids, body lengths, the sample text, the
database's version) as JSON to the path given. Refuses a database that already holds a
``bench`` workspace with articles: seed a fresh one.

Run from the project root: ``.venv/bin/python bench/seed.py OUT.json`` with
``DJANGO_SETTINGS_MODULE=factcheck.settings`` and ``DATABASE_URL`` set.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any

import django
from common import SENTENCE_END, build_article

SEED = 20250611
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


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="where to write the JSON for bench/load.py")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed (%(default)s)")
    parser.add_argument(
        "--bulk-articles",
        type=int,
        default=30,
        help="long articles for the bulk phase, one per request (%(default)s)",
    )
    parser.add_argument(
        "--span-articles",
        type=int,
        default=16,
        help="long articles for creating spans one by one, one per client (%(default)s)",
    )
    return parser.parse_args()


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


def seed(rng: random.Random, bulk_articles: int, span_articles: int) -> dict[str, Any]:
    from django.db import connection, transaction
    from rest_framework.authtoken.models import Token

    from annotations.demo import demo_article_text
    from annotations.models import Article, Claim, Rating, Role, Span, Verdict, Workspace
    from annotations.services import user_create_or_add_role, verdict_publish, verdict_submit
    from annotations.text import anchor_at

    if Article.objects.filter(workspace__slug=WORKSPACE).exists():
        sys.exit(f"seed: the database already has a {WORKSPACE!r} workspace with articles")

    def member(username: str, role: str) -> tuple[Any, str]:
        """The user's id and API token."""
        user, _ = user_create_or_add_role(username, role=role, workspace_slug=WORKSPACE)
        token, _ = Token.objects.get_or_create(user=user)
        return user.pk, token.key

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

        def article(name: str, text: str) -> Article:
            return Article.objects.create(
                workspace=workspace,
                created_by_id=annotator,
                title=f"{title} ({name})",
                url=f"https://bench.example/articles/{name}",
                publisher="Sample wire copy",
                language="en",
                body=text,
            )

        def spans_on(target: Article, count: int, sizes: tuple[int, int]) -> list[Span]:
            return [
                Span.objects.create(
                    article=target,
                    created_by_id=annotator,
                    revision=target.revision,
                    **anchor_at(target.body, start, end).as_fields(),
                )
                for start, end in distinct_passages(rng, len(target.body), count, sizes)
            ]

        def claim(text: str, cites: list[Span]) -> Claim:
            made = Claim.objects.create(
                workspace=workspace,
                created_by_id=annotator,
                text=text,
                claimant=rng.choice(CLAIMANTS),
            )
            made.spans.add(*cites)
            return made

        def verdict(on: Claim, reviewer: int, rating: str, state: str = "draft") -> Verdict:
            made = Verdict.objects.create(
                claim=on,
                reviewer_id=reviewers[reviewer][0],
                rating_id=rating,
                explanation=f"Checked against the sources ({rating}).",
                sources=[rng.choice(SOURCES)],
            )
            if state in ("submitted", "published"):
                made = verdict_submit(made)
            if state == "published":
                made = verdict_publish(made)
            return made

        # The one-shot article: 50 spans, 20 claims citing all of them, 20 verdicts.
        one_shot = article("one-shot", body)
        one_shot_spans = spans_on(one_shot, ONE_SHOT_SPANS, (20, 120))
        rng.shuffle(one_shot_spans)
        cited = [one_shot_spans[i * 3 : i * 3 + 3] for i in range(10)]
        cited += [one_shot_spans[30 + i * 2 : 32 + i * 2] for i in range(10)]
        one_shot_claims = [
            claim(f"{rng.choice(sentences)} (claim {i + 1})", cites)
            for i, cites in enumerate(cited)
        ]
        statuses: dict[str, int] = {}
        for i, on in enumerate(one_shot_claims):
            if i < 8:  # in review: a draft
                verdict(on, i, rng.choice(ratings))
                statuses["in_review"] = statuses.get("in_review", 0) + 1
            elif i < 11:  # agreed: two submitted verdicts with one rating
                rating = rng.choice(ordinal)
                verdict(on, i, rating, "submitted")
                verdict(on, i + 5, rating, "submitted")
                statuses["agreed"] = statuses.get("agreed", 0) + 1
            elif i < 13:  # disputed: two submitted verdicts that disagree
                first, second = rng.sample(ordinal, 2)
                verdict(on, i, first, "submitted")
                verdict(on, i + 5, second, "submitted")
                statuses["disputed"] = statuses.get("disputed", 0) + 1
            elif i < 15:  # published
                verdict(on, i, rng.choice(ordinal), "published")
                statuses["published"] = statuses.get("published", 0) + 1
            else:
                statuses["unreviewed"] = statuses.get("unreviewed", 0) + 1

        # Published fact-checks for the ClaimReview feed.
        feed_article = article("published", body)
        for i, span in enumerate(spans_on(feed_article, FEED_CLAIMS, (30, 150))):
            on = claim(f"{span.quote} (published {i + 1})", [span])
            verdict(on, i, rng.choice(ordinal), "published")

        # Claims waiting for verdicts.
        queue_article = article("review-queue", body)
        review_claims = [
            claim(f"{span.quote} (to review {i + 1})", [span])
            for i, span in enumerate(spans_on(queue_article, REVIEW_CLAIMS, (20, 160)))
        ]

        # Long articles for creating spans.
        def long_articles(kind: str, count: int) -> list[dict[str, Any]]:
            made = [
                article(f"{kind}-{i}", build_article(rng, paragraphs, LONG_ARTICLE_LENGTH))
                for i in range(count)
            ]
            return [{"id": str(a.pk), "length": len(a.body)} for a in made]

        single = long_articles("spans", span_articles)
        bulk = long_articles("bulk", bulk_articles)

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        database_version = cursor.fetchone()[0]
    return {
        "seed": None,  # filled in by main
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


def main() -> None:
    arguments = parse_arguments()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    django.setup()
    began = time.perf_counter()
    rng = random.Random(arguments.seed)  # noqa: S311 -- reproducible test data, not secrets
    seeded = seed(rng, arguments.bulk_articles, arguments.span_articles)
    seeded["seed"] = arguments.seed
    # Statistics, as a database in use has them (autovacuum takes up to a minute to gather
    # them): without, PostgreSQL read every span to find the 50 of the one-shot view's claims.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    arguments.output.write_text(json.dumps(seeded, indent=2, ensure_ascii=False) + "\n")
    print(
        f"seed: workspace {WORKSPACE!r}, {2 + REVIEWERS} users, one-shot article with "
        f"{seeded['one_shot']['spans']} spans / {seeded['one_shot']['claims']} claims / "
        f"{seeded['one_shot']['verdicts']} verdicts, {seeded['feed_entries']} published, "
        f"{len(seeded['review_claims'])} claims to review, "
        f"{len(seeded['span_articles']) + len(seeded['bulk_articles'])} long articles "
        f"in {time.perf_counter() - began:.1f} s -> {arguments.output}"
    )


if __name__ == "__main__":
    main()
