from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework import filters, serializers
from rest_framework.request import Request

from annotations.models import (
    AnchorState,
    Article,
    Claim,
    ClaimSpan,
    ClaimStatus,
    Span,
    Verdict,
    VerdictState,
)


class FilterSet(django_filters.FilterSet):
    """A typed parameter (an id, a choice) given blank is an error, not a filter left out; a
    NUL character in any is an error too (PostgreSQL cannot compare text with one)."""

    def is_valid(self) -> bool:
        valid: bool = super().is_valid()
        for name, declared in self.filters.items():
            given = self.data.get(name)
            if given == "" and not isinstance(declared, django_filters.CharFilter):
                self.form.add_error(name, "Give a value, or leave the parameter out.")
                valid = False
            elif isinstance(given, str) and "\x00" in given:
                self.form.add_error(name, "Null characters are not allowed.")
                valid = False
        return valid


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


class SearchFilter(filters.SearchFilter):
    """DRF's search, with errors in the query named by its parameter, and at most
    ``max_terms`` words: each adds a condition, and SQLite refuses a query nested too deep
    (about a thousand)."""

    max_terms = 32

    def get_search_terms(self, request: Request) -> Any:
        try:
            terms = super().get_search_terms(request)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({self.search_param: exc.detail}) from exc
        if len(terms) > self.max_terms:
            raise serializers.ValidationError(
                {self.search_param: [f"At most {self.max_terms} words; this has {len(terms)}."]}
            )
        return terms
