from typing import Any

import django_filters
from django.db.models import QuerySet

from annotations.claims.models import Claim, ClaimSpan, ClaimStatus
from factcheck.http.filters import FilterSet


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
