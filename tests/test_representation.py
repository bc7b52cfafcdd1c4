"""The serializers' quick ``to_representation`` (``annotations.api.serializers.ModelSerializer``)
writes exactly the bytes DRF's own would, on every endpoint that shows model rows."""

from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework import serializers

from annotations.api.serializers import ModelSerializer
from annotations.articles.models import Article, Span
from annotations.claims.models import Claim
from annotations.claims.services import claim_link
from annotations.review.models import Verdict
from tests.factories import ClaimFactory, VerdictFactory


@pytest.fixture
def newsroom(db: None) -> Article:
    """The demo (a corrected article with spans, claims and verdicts in every state), plus a
    claim without spans or date linked to a demo claim, and a draft verdict on it."""
    call_command("load_demo", verbosity=0)
    article = Article.objects.get()
    cited = Claim.objects.filter(spans__isnull=False).first()
    assert cited is not None
    bare = ClaimFactory(workspace=article.workspace, claim_date=None, review_url="")
    claim_link(cited, bare, by=cited.created_by)
    VerdictFactory(claim=bare, reviewer=article.created_by)
    return article


def urls(article: Article) -> list[str]:
    span, claim, verdict = Span.objects.first(), Claim.objects.first(), Verdict.objects.first()
    assert span is not None
    assert claim is not None
    assert verdict is not None
    slug = article.workspace.slug
    return [
        reverse("article-list"),
        reverse("article-detail", args=[article.pk]),
        reverse("article-annotations", args=[article.pk]),
        reverse("span-list") + f"?article={article.pk}",
        reverse("span-detail", args=[span.pk]),
        reverse("claim-list"),
        reverse("claim-detail", args=[claim.pk]),
        reverse("verdict-list"),
        reverse("verdict-detail", args=[verdict.pk]),
        reverse("rating-list"),
        reverse("workspace-list"),
        reverse("membership-list", args=[slug]),
    ]


def test_every_endpoint_writes_what_drf_writes(newsroom: Article, client_for: Any) -> None:
    editor = newsroom.workspace.memberships.get(role="editor").user
    client = client_for(editor)
    for url in urls(newsroom):
        quick = client.get(url)
        assert quick.status_code == 200, (url, quick.content)
        with mock.patch.object(
            ModelSerializer, "to_representation", serializers.Serializer.to_representation
        ):
            drf = client.get(url)
        assert quick.content == drf.content, url


def test_missing_values_are_left_to_drf(newsroom: Article) -> None:
    """A relation not set, an attribute missing: DRF's answer (None, the default or no key),
    not an error."""

    class SpanSerializer(ModelSerializer[Span]):
        workspace = serializers.CharField(source="article.workspace.slug")
        score = serializers.IntegerField(default=0)
        maybe = serializers.CharField(source="no_such_attribute", required=False)
        other = serializers.PrimaryKeyRelatedField(source="no_such_relation", read_only=True)

        class Meta:
            model = Span
            fields = ["id", "workspace", "score", "maybe", "other"]

    span = Span.objects.first()
    assert span is not None
    span.article.workspace = None  # type: ignore[assignment]
    quick = SpanSerializer(span).data
    assert quick == serializers.Serializer.to_representation(SpanSerializer(span), span)
    assert quick == {"id": str(span.pk), "workspace": None, "score": 0}
    span.score = "7"  # type: ignore[attr-defined]
    assert SpanSerializer(span).data["score"] == 7
