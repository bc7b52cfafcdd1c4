from typing import Any

from rest_framework import pagination, serializers
from rest_framework.request import Request


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
