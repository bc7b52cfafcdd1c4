"""The database itself refuses rows that break the rules, and a failed request changes nothing."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from annotations.articles.models import Article, Span
from annotations.claims.models import Claim
from annotations.review.models import Verdict, VerdictState
from annotations.workspaces.models import Membership
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SpanFactory,
    VerdictFactory,
)


def refused(write: Callable[[], Any]) -> bool:
    try:
        with transaction.atomic():
            write()
    except IntegrityError:
        return True
    return False


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_span_offsets(self) -> None:
        span = SpanFactory(start=4, end=8)
        queryset = Span.objects.filter(pk=span.pk)
        assert refused(lambda: queryset.update(end=4))
        assert refused(lambda: queryset.update(start=9))
        # The quote must be as long as the offsets say.
        assert refused(lambda: queryset.update(quote="too long a quote"))
        assert not refused(lambda: queryset.update(start=4, end=7, quote="min"))

    def test_article_rules(self) -> None:
        article = ArticleFactory()
        queryset = Article.objects.filter(pk=article.pk)
        assert refused(lambda: queryset.update(body="Windows\r\nline endings"))
        assert refused(lambda: queryset.update(title=""))
        assert refused(lambda: queryset.update(body=""))
        assert refused(lambda: ArticleFactory(workspace=article.workspace, url=article.url))
        assert not refused(lambda: ArticleFactory(url=article.url))
        assert not refused(lambda: ArticleFactory(workspace=article.workspace, url=None))
        assert not refused(lambda: ArticleFactory(workspace=article.workspace, url=None))

    def test_verdict_rules(self) -> None:
        verdict = VerdictFactory()
        assert refused(lambda: VerdictFactory(claim=verdict.claim, reviewer=verdict.reviewer))
        queryset = Verdict.objects.filter(pk=verdict.pk)
        now = timezone.now()
        # Each state carries exactly its dates.
        assert refused(lambda: queryset.update(state=VerdictState.SUBMITTED))
        assert refused(lambda: queryset.update(submitted_at=now))
        assert refused(lambda: queryset.update(state=VerdictState.PUBLISHED, submitted_at=now))
        assert refused(lambda: queryset.update(published_at=now))
        assert refused(lambda: queryset.update(state="withdrawn", submitted_at=now))
        # Only a draft may lack an explanation.
        assert refused(
            lambda: queryset.update(state=VerdictState.SUBMITTED, submitted_at=now, explanation="")
        )
        assert not refused(lambda: queryset.update(explanation=""))
        queryset.update(
            state=VerdictState.PUBLISHED, submitted_at=now, published_at=now, explanation="x"
        )
        # One published verdict per claim.
        assert refused(lambda: VerdictFactory(claim=verdict.claim, published=True))
        assert not refused(
            lambda: VerdictFactory(
                claim=verdict.claim,
                state=VerdictState.SUPERSEDED,
                submitted_at=now,
                published_at=now,
            )
        )

    def test_claim_and_membership_rules(self) -> None:
        claim = ClaimFactory()
        assert refused(lambda: Claim.objects.filter(pk=claim.pk).update(text=""))
        membership = MembershipFactory()
        assert refused(
            lambda: MembershipFactory(workspace=membership.workspace, user=membership.user)
        )
        assert refused(lambda: Membership.objects.filter(pk=membership.pk).update(role="owner"))

    def test_annotated_data_is_protected(self) -> None:
        span = SpanFactory()
        claim = ClaimFactory(workspace=span.article.workspace, spans=[span])
        VerdictFactory(claim=claim)
        for row in (span.article, span, claim, span.created_by):
            with pytest.raises(ProtectedError), transaction.atomic():
                row.delete()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("failure", "status"),
    [
        (IntegrityError("simulated failure after the write"), 409),
        (ValidationError({"text": "simulated refusal after the write"}), 400),
        (RuntimeError("simulated bug after the write"), 500),
    ],
)
def test_a_request_that_fails_after_writing_changes_nothing(
    failure: Exception,
    status: int,
    annotator: Any,
    client_for: Any,
    workspace: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    span = SpanFactory(article=ArticleFactory(workspace=workspace))

    def fail_after_save(*args: Any, **kwargs: Any) -> None:
        # The claim and its span links are written by now.
        assert Claim.objects.count() == 1
        raise failure

    monkeypatch.setattr("annotations.api.viewsets.WorkspaceScopedViewSet._reload", fail_after_save)
    client = client_for(annotator)
    client.raise_request_exception = False
    response = client.post(reverse("claim-list"), {"text": "A claim", "spans": [str(span.pk)]})
    assert response.status_code == status
    assert not Claim.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_changes_run_in_a_transaction_and_reads_without_one(
    annotator: Any, client_for: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read holds no transaction (on SQLite it would hold the write lock); a change is one."""
    from annotations.articles import selectors

    article = ArticleFactory(workspace=workspace, created_by=annotator)
    in_transaction: list[bool] = []
    articles_for = selectors.articles_for

    def observed(user: Any) -> Any:
        in_transaction.append(connection.in_atomic_block)
        return articles_for(user)

    monkeypatch.setattr(selectors, "articles_for", observed)
    client = client_for(annotator)
    assert client.get(reverse("article-detail", args=[article.pk])).status_code == 200
    changed = client.patch(reverse("article-detail", args=[article.pk]), {"title": "T"})
    assert changed.status_code == 200
    read, *changes = in_transaction
    assert read is False
    assert changes
    assert all(changes)


@pytest.mark.django_db
def test_a_claim_cannot_cite_a_span_of_another_workspace_even_in_the_admin() -> None:
    from django.core.exceptions import ValidationError

    from annotations.claims.models import ClaimSpan

    span = SpanFactory()
    claim = ClaimFactory()
    with pytest.raises(ValidationError):
        ClaimSpan(claim=claim, span=span).full_clean()


def test_the_one_shot_view_shows_only_claims_of_the_articles_workspace(
    annotator: Any, client_for: Any, workspace: Any, other_workspace: Any
) -> None:
    span = SpanFactory(article=ArticleFactory(workspace=workspace))
    mine = ClaimFactory(workspace=workspace, spans=[span])
    # A row that validation refuses, written directly: the view must not leak through it.
    ClaimFactory(workspace=other_workspace, spans=[span])
    response = client_for(annotator).get(reverse("article-annotations", args=[span.article_id]))
    assert [claim["id"] for claim in response.json()["claims"]] == [str(mine.pk)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("resource", ["article", "span", "claim", "verdict", "membership"])
def test_options_describes_a_change_without_locking_rows(
    resource: str, editor: Any, client_for: Any, workspace: Any
) -> None:
    """OPTIONS (DRF describes PUT on a clone of the request) and the browsable API's forms run
    the code of a change in a read, outside a transaction, where PostgreSQL refuses row locks:
    found by Schemathesis as a 500 on every detail route."""
    span = SpanFactory(article__workspace=workspace)
    verdict = VerdictFactory(claim__workspace=workspace, claim__spans=[span], submitted=True)
    urls = {
        "article": reverse("article-detail", args=[span.article_id]),
        "span": reverse("span-detail", args=[span.pk]),
        "claim": reverse("claim-detail", args=[verdict.claim_id]),
        "verdict": reverse("verdict-detail", args=[verdict.pk]),
        "membership": reverse("membership-detail", args=[workspace.slug, editor.username]),
    }
    client = client_for(editor)
    described = client.options(urls[resource], HTTP_IF_MATCH='"any"')
    assert described.status_code == 200
    assert "PUT" in described.json()["actions"]
    assert client.get(urls[resource], HTTP_ACCEPT="text/html").status_code == 200
