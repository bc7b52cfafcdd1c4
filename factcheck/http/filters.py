"""django-filter and DRF filter backends with the API's rules for query parameters."""

from typing import Any

import django_filters
from rest_framework import filters, serializers
from rest_framework.request import Request


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


class OrderingFilter(filters.OrderingFilter):
    """DRF's ordering, documented as what it takes: the view's ``ordering_fields``, each
    ascending or descending (``-created_at``), several separated by commas."""

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        fields = getattr(view, "ordering_fields", None)
        if not isinstance(fields, list | tuple):
            return parameters
        for parameter in parameters:
            parameter["schema"] = {
                "type": "array",
                "items": {
                    "type": "string",
                    "enum": [order for field in fields for order in (field, f"-{field}")],
                },
            }
            parameter["style"] = "form"
            parameter["explode"] = False
            parameter["description"] = (
                "Order of the results: fields, descending with a leading `-`, separated by "
                "commas (`-published_at,title`)."
            )
        return parameters
