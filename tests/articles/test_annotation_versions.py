"""The database counts every change to what is annotated on an article (its annotation
version, migration 0015), whichever code makes it, and nothing else."""

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from annotations.articles.models import EVERY_ARTICLE, AnnotationVersion, Article, Span
from annotations.articles.text import anchor_at
from annotations.claims.models import Claim
from annotations.review.models import Verdict, VerdictState
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    SpanFactory,
    UserFactory,
    VerdictFactory,
    WorkspaceFactory,
)

pytestmark = pytest.mark.django_db


def versions(*articles: Any) -> list[int]:
    ids = [getattr(article, "pk", article) for article in articles]
    found = dict(
        AnnotationVersion.objects.filter(article_id__in=ids).values_list("article_id", "version")
    )
    return [found.get(pk, 0) for pk in ids]


class Changes:
    """Articles A and B with a span each, cited by one claim; C and D with a span each,
    cited by nothing."""

    def __init__(self) -> None:
        workspace = WorkspaceFactory()
        self.a, self.b, self.c, self.d = ArticleFactory.create_batch(4, workspace=workspace)
        self.spans = {
            article: SpanFactory(article=article) for article in (self.a, self.b, self.c, self.d)
        }
        self.claim = ClaimFactory(
            workspace=workspace, spans=[self.spans[self.a], self.spans[self.b]]
        )

    def counted(self, change: Any) -> list[Article]:
        """The articles whose version ``change()`` moved."""
        articles = [self.a, self.b, self.c, self.d]
        before = versions(*articles)
        change()
        after = versions(*articles)
        return [
            article for article, old, new in zip(articles, before, after, strict=True) if new != old
        ]


@pytest.fixture
def changes() -> Changes:
    return Changes()


def test_an_article_counts_its_own_changes(changes: Changes) -> None:
    def retitle() -> None:
        changes.c.title = "New title"
        changes.c.save()

    assert changes.counted(retitle) == [changes.c]


def test_a_span_counts_for_its_article(changes: Changes) -> None:
    span = changes.spans[changes.c]

    def add() -> None:
        SpanFactory(article=changes.c, start=4, end=8)

    def change() -> None:
        span.note = "Checked."
        span.save()

    assert changes.counted(add) == [changes.c]
    assert changes.counted(change) == [changes.c]
    assert changes.counted(span.delete) == [changes.c]


def test_a_claim_counts_for_every_article_it_cites(changes: Changes) -> None:
    claim = changes.claim

    def reword() -> None:
        claim.text = "Unemployment fell."
        claim.save()

    def cite() -> None:
        claim.spans.add(changes.spans[changes.c])

    def uncite() -> None:
        claim.spans.remove(changes.spans[changes.b])

    assert changes.counted(reword) == [changes.a, changes.b]
    # The claim's list of spans shows in every article it cites.
    assert changes.counted(cite) == [changes.a, changes.b, changes.c]
    assert changes.counted(uncite) == [changes.a, changes.b, changes.c]
    assert changes.counted(claim.delete) == [changes.a, changes.c]


def test_a_verdict_counts_for_the_articles_of_its_claim(changes: Changes) -> None:
    verdict: Verdict | None = None

    def draft() -> None:
        nonlocal verdict
        verdict = VerdictFactory(claim=changes.claim)

    def submit() -> None:
        assert verdict is not None
        verdict.state, verdict.submitted_at = VerdictState.SUBMITTED, timezone.now()
        verdict.save()

    def delete() -> None:
        assert verdict is not None
        verdict.delete()

    for change in (draft, submit, delete):
        assert changes.counted(change) == [changes.a, changes.b]


def test_a_claim_without_spans_counts_for_no_article(changes: Changes) -> None:
    def lone_claim() -> None:
        claim = ClaimFactory(workspace=changes.a.workspace)
        VerdictFactory(claim=claim)
        claim.text = "Changed."
        claim.save()

    assert changes.counted(lone_claim) == []


def test_many_spans_created_at_once_count(changes: Changes) -> None:
    body = changes.d.body

    def bulk() -> None:
        Span.objects.bulk_create(
            Span(
                article=changes.d,
                created_by=changes.d.created_by,
                **anchor_at(body, n, n + 2).as_fields(),
            )
            for n in range(20)
        )

    assert changes.counted(bulk) == [changes.d]


def test_names_shown_everywhere_count_for_every_article(db: None) -> None:
    user = UserFactory()
    workspace = WorkspaceFactory()
    [before] = versions(EVERY_ARTICLE)
    user.last_name = "Unchanged username"
    user.save()
    assert versions(EVERY_ARTICLE) == [before]
    user.username = "renamed"
    user.save()
    workspace.slug = "renamed-desk"
    workspace.save()
    assert versions(EVERY_ARTICLE) == [before + 2]
    get_user_model().objects.filter(pk=user.pk).update(username="renamed-again")
    assert versions(EVERY_ARTICLE) == [before + 3]


def test_the_count_is_kept_by_the_database_whatever_writes(changes: Changes) -> None:
    """A change made by a query the application did not foresee counts too."""

    def raw() -> None:
        Claim.objects.filter(pk=changes.claim.pk).update(claimant="Someone else")

    assert changes.counted(raw) == [changes.a, changes.b]
