from typing import Any

import django_filters
from django.db.models import QuerySet

from annotations.articles.models import Article, Span
from annotations.articles.reanchor import AnchorState
from annotations.claims.models import Claim, ClaimSpan, ClaimStatus
from annotations.review.models import Verdict, VerdictState
from factcheck.http.filters import FilterSet


class ArticleFilter(FilterSet):
    workspace = django_filters.CharFilter(field_name="workspace__slug")
    publisher = django_filters.CharFilter(lookup_expr="iexact")
    language = django_filters.CharFilter(lookup_expr="iexact")

    class Meta:
        model = Article
        fields = ["workspace", "publisher", "language"]


class SpanFilter(FilterSet):
    article = django_filters.UUIDFilter(field_name="article")
    anchor_state = django_filters.ChoiceFilter(
        choices=AnchorState.choices,
        help_text="`orphaned` lists the spans whose passage was lost in a change of body.",
    )

    class Meta:
        model = Span
        fields = ["article", "anchor_state"]


class ClaimFilter(FilterSet):
    workspace = django_filters.CharFilter(field_name="workspace__slug")
    article = django_filters.UUIDFilter(
        method="cited_in", help_text="Claims cited in this article."
    )
    status = django_filters.ChoiceFilter(choices=ClaimStatus.choices)
    claimant = django_filters.CharFilter(lookup_expr="icontains")
    group = django_filters.UUIDFilter(help_text="The claims linked as one claim.")

    class Meta:
        model = Claim
        fields = ["workspace", "article", "status", "claimant", "group"]

    def cited_in(self, claims: QuerySet[Claim], name: str, article: Any) -> QuerySet[Claim]:
        # A subquery rather than a join, so that no DISTINCT wraps the status subqueries.
        return claims.filter(pk__in=ClaimSpan.objects.filter(span__article=article).values("claim"))


class VerdictFilter(FilterSet):
    claim = django_filters.UUIDFilter(field_name="claim")
    reviewer = django_filters.CharFilter(field_name="reviewer__username")
    rating = django_filters.CharFilter(field_name="rating__slug")
    state = django_filters.ChoiceFilter(choices=VerdictState.choices)

    class Meta:
        model = Verdict
        fields = ["claim", "reviewer", "rating", "state"]
