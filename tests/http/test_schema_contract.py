"""The OpenAPI schema as generated clients read it (openapi-typescript, openapi-python-client):
fields always present are required, request defaults do not make fields required, public
operations are public, every component is used, and every operation takes X-Request-ID."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from factcheck.http.schema import exact_contract
from tests.factories import ArticleFactory


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def operations(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]


def test_every_field_of_a_response_is_required(schema: dict[str, Any]) -> None:
    """The API writes every field of a representation, null where it may be null; a client
    must not have to check that ``span.start`` is there."""
    optional = {
        (name, field)
        for name, component in schema["components"]["schemas"].items()
        if not name.endswith("Request")
        for field in component.get("properties", {})
        if field not in component.get("required", [])
    }
    assert optional == {
        ("Problem", "errors"),  # validation errors only
        # The standards' documents leave out what they have no value for:
        ("WebAnnotation", "@context"),  # in an AnnotationPage's items
        ("Organization", "url"),
        ("CreativeWork", "datePublished"),
        ("ReviewRating", "ratingValue"),
        ("ReviewRating", "bestRating"),
        ("ReviewRating", "worstRating"),
        ("ReviewedClaim", "author"),
        ("ReviewedClaim", "datePublished"),
        ("ReviewedClaim", "appearance"),
        ("ReviewedClaim", "firstAppearance"),
    }


def test_no_request_field_is_made_required_by_a_default(schema: dict[str, Any]) -> None:
    defaults = [
        (name, field)
        for name, component in schema["components"]["schemas"].items()
        if name.endswith("Request")
        for field, definition in component.get("properties", {}).items()
        if "default" in definition
    ]
    assert defaults == []
    offset_unit = schema["components"]["schemas"]["SpanRequest"]["properties"]["offset_unit"]
    assert "Default when left out: `code_point`." in offset_unit["description"]
    assert "offset_unit" not in schema["components"]["schemas"]["SpanRequest"]["required"]


def test_public_operations_declare_no_security(schema: dict[str, Any]) -> None:
    public = {where for where, operation in operations(schema) if operation["security"] == []}
    assert public == {
        "POST /api/v1/auth/token/",
        "GET /api/v1/claimreviews/",
        "GET /api/v1/claims/{id}/claimreview/",
    }
    for where, operation in operations(schema):
        assert {} not in operation["security"], where
        assert ("401" in operation["responses"]) == (where not in public), where


def test_every_component_is_used(schema: dict[str, Any]) -> None:
    text = repr(schema["paths"])
    reached = {
        name
        for name in schema["components"]["schemas"]
        if f"#/components/schemas/{name}'" in text
        or any(
            f"#/components/schemas/{name}'" in repr(component)
            for component in schema["components"]["schemas"].values()
        )
    }
    assert set(schema["components"]["schemas"]) == reached


def test_unused_components_are_left_out() -> None:
    result = {
        "paths": {"/a/": {"get": {"responses": {"200": {"$ref": "#/components/schemas/A"}}}}},
        "components": {
            "schemas": {
                "A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}},
                "B": {"properties": {"x": {"type": "string"}}},
                "Unused": {"properties": {"y": {"type": "string"}}},
            }
        },
    }
    assert set(exact_contract(result)["components"]["schemas"]) == {"A", "B"}


def test_every_operation_takes_and_answers_an_x_request_id(schema: dict[str, Any]) -> None:
    for where, operation in operations(schema):
        sent = [
            parameter
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "header" and parameter["name"] == "X-Request-ID"
        ]
        assert len(sent) == 1, where
        assert "never refuses" in sent[0]["description"]
        for status, response in operation["responses"].items():
            assert "X-Request-ID" in response.get("headers", {}), f"{where} {status}"


def test_ordering_takes_the_fields_of_its_list(schema: dict[str, Any]) -> None:
    ordered = {
        where: parameter["schema"]
        for where, operation in operations(schema)
        for parameter in operation.get("parameters", [])
        if parameter["name"] == "ordering"
    }
    assert set(ordered) == {
        "GET /api/v1/articles/",
        "GET /api/v1/spans/",
        "GET /api/v1/claims/",
        "GET /api/v1/verdicts/",
    }
    assert ordered["GET /api/v1/claims/"]["items"]["enum"] == [
        *("created_at", "-created_at", "updated_at", "-updated_at", "claim_date", "-claim_date")
    ]


def test_several_orderings_are_taken(annotator: Any, client_for: Any, workspace: Any) -> None:
    for title, published in [("B", "2024-01-02"), ("A", "2024-01-02"), ("C", "2024-01-01")]:
        ArticleFactory(workspace=workspace, title=title, published_at=f"{published}T00:00:00Z")
    response = client_for(annotator).get(
        reverse("article-list"), {"ordering": "-published_at,title"}
    )
    assert [article["title"] for article in response.data["results"]] == ["A", "B", "C"]


def test_operation_ids_read_as_method_names(schema: dict[str, Any]) -> None:
    ids = {operation["operationId"] for _, operation in operations(schema)}
    assert {"claims_similar", "verdicts_publish", "me", "auth_token", "claimreviews_feed"} <= ids
    assert {"claims_list", "claims_partial_update", "workspaces_members_destroy"} <= ids
    verbs = ("_list", "_create", "_retrieve", "_update", "_destroy")
    crud = {"list", "create", "retrieve", "update", "partial_update", "destroy"}
    for operation_id in ids:
        if operation_id.endswith(verbs):
            assert operation_id.rsplit("_", 1)[1] in crud | {"update"}, operation_id
            assert operation_id.split("_")[-2] not in {"similar", "publish", "history"}


EXTENSION_POINTS = (
    # What other tools write, read leniently and reported on item by item: annotations, and
    # fact-checks (their properties documented in words, any types accepted).
    "components/schemas/AnnotationImportRequest/properties/annotations/items",
    "paths//api/v1/claimreviews/import//post/requestBody/",
)
"""Where the schema allows any value: annotations and fact-checks as other tools export them."""


def free_form(node: Any, where: str) -> list[str]:
    """Where ``node`` holds a schema that says nothing of its value's shape."""
    found = []
    if isinstance(node, dict):
        untyped = node == {} or (
            "type" not in node
            and not {"$ref", "allOf", "oneOf", "anyOf", "enum"} & set(node)
            and where.split("/")[-2:-1] == ["properties"]
        )
        shapeless = (
            node.get("type") == "object"
            and "properties" not in node
            and (node.get("additionalProperties") in (None, True, {}))
        )
        if untyped or shapeless:
            found.append(where)
        for key, value in node.items():
            if key not in {"example", "examples"}:
                found += free_form(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += free_form(value, f"{where}[{index}]")
    return found


def test_no_free_form_objects_outside_the_extension_points(schema: dict[str, Any]) -> None:
    found = free_form(schema["paths"], "paths") + free_form(schema["components"], "components")
    assert [where for where in found if not where.startswith(EXTENSION_POINTS)] == []


def test_bulk_creations_answer_the_created_rows_as_a_list(schema: dict[str, Any]) -> None:
    for noun, component in [("articles", "Article"), ("spans", "Span")]:
        created = schema["paths"][f"/api/v1/{noun}/bulk/"]["post"]["responses"]["201"]
        assert created["content"]["application/json"]["schema"] == {
            "type": "array",
            "items": {"$ref": f"#/components/schemas/{component}"},
        }
