"""Full-text search of articles and claims."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import (
    extend_schema,
)
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api import examples
from annotations.search import selectors
from annotations.search.api.pagination import SearchPagination
from annotations.search.api.serializers import SearchHitSerializer, SearchQuerySerializer
from annotations.search.engines import Hit, find
from factcheck.http.parameters import read_query


class SearchView(APIView):
    """Full-text search of the articles and claims of your workspaces."""

    permission_classes = [IsAuthenticated]
    pagination_class = SearchPagination

    @extend_schema(
        summary="Search articles and claims",
        description=(
            "Article titles and bodies and claim texts, ranked by relevance, each hit with a "
            "snippet whose matched words are marked. Query syntax as in a search box: words "
            '(all must occur), "quoted phrases", -excluded words, OR between alternatives. '
            "Words are matched by their stem in the article's (or claim's) language on "
            "PostgreSQL; on SQLite, with English stemming for all."
        ),
        parameters=[SearchQuerySerializer],
        responses=SearchHitSerializer(many=True),
        examples=examples.SEARCH_EXAMPLES,
    )
    def get(self, request: Request) -> Response:
        params = read_query(SearchQuerySerializer, request)
        articles, claims = selectors.search_scope(
            request.user,
            kind=params.get("type"),
            language=params.get("language"),
            publisher=params.get("publisher"),
            since=params.get("since"),
            until=params.get("until"),
        )
        results = find(
            params["q"], articles=articles, claims=claims, window=settings.FACTCHECK_SEARCH_WINDOW
        )
        paginator = self.pagination_class()
        hits: list[Hit] = paginator.paginate_queryset(results.hits, request, self) or []  # type: ignore[arg-type]
        return paginator.get_paginated_response(
            SearchHitSerializer(selectors.search_hits(params["q"], hits), many=True).data,
            truncated=results.truncated,
        )
