import django_filters

from annotations.review.models import Verdict, VerdictState
from factcheck.http.filters import FilterSet


class VerdictFilter(FilterSet):
    claim = django_filters.UUIDFilter(field_name="claim")
    reviewer = django_filters.CharFilter(field_name="reviewer__username")
    rating = django_filters.CharFilter(field_name="rating__slug")
    state = django_filters.ChoiceFilter(choices=VerdictState.choices)

    class Meta:
        model = Verdict
        fields = ["claim", "reviewer", "rating", "state"]
