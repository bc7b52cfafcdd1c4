import django_filters

from annotations.articles.models import Article, Span
from annotations.articles.reanchor import AnchorState
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
