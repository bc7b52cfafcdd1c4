from typing import Any

from django.conf import settings
from rest_framework import pagination, serializers
from rest_framework.request import Request
from rest_framework.response import Response


class PageNumberPagination(pagination.PageNumberPagination):
    """``{count, next, previous, results}`` pages; ``?page_size=`` up to 200."""

    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request: Request) -> int | None:
        # DRF falls back to the default for a bad page_size; say it is bad instead.
        given = request.query_params.get(self.page_size_query_param)
        if given is not None and not (given.isdigit() and int(given) > 0):
            raise serializers.ValidationError(
                {self.page_size_query_param: ["A whole number from 1 to 200."]}
            )
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = (
                    f"Results per page, {self.max_page_size} at most: larger values are capped."
                )
        return parameters


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
