from typing import Any

from django.conf import settings
from rest_framework.response import Response

from factcheck.http.pagination import PageNumberPagination


class SearchPagination(PageNumberPagination):
    """Pages of search hits, saying whether the search ranked only part of what matched."""

    def get_paginated_response(self, data: Any, *, truncated: bool = False) -> Response:
        response = super().get_paginated_response(data)
        response.data["truncated"] = truncated
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().get_paginated_response_schema(schema)
        paginated["required"] = [*paginated.get("required", []), "truncated"]
        paginated["properties"]["truncated"] = {
            "type": "boolean",
            "description": (
                f"True when {settings.FACTCHECK_SEARCH_WINDOW:,} or more articles (or claims) "
                "matched: the results then rank the most recently added "
                f"{settings.FACTCHECK_SEARCH_WINDOW:,} of them, and `count` counts those. "
                "Add words to narrow the search."
            ),
            "example": False,
        }
        return paginated
