"""The OpenAPI schema, the documentation pages built on it, and the health probes."""

import inspect
import json
import re
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import OperationalError, connections
from django.test import Client
from rest_framework import serializers

from annotations.api.serializers import ModelSerializer

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
STATIC_URL = "/static/"

EXPECTED_PATHS = [
    "/api/v1/articles/",
    "/api/v1/spans/",
    "/api/v1/claims/",
    "/api/v1/verdicts/",
    "/api/v1/ratings/",
    "/api/v1/articles/{id}/annotations/",
    "/api/v1/verdicts/{id}/publish/",
    "/api/v1/auth/token/",
    "/api/v1/me/",
    "/api/v1/workspaces/",
    "/api/v1/workspaces/{workspace_slug}/members/",
]


@pytest.fixture
def schema(client: Client) -> dict[str, Any]:
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    found = [
        (method.upper(), path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]
    assert found, "the schema has no operations"
    return found


@pytest.mark.django_db
def test_schema_validates_without_warnings(tmp_path: Path) -> None:
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    document = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "factcheck API"


@pytest.mark.django_db
def test_schema_is_served_as_yaml(client: Client) -> None:
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert "openapi" in response["Content-Type"]
    document = yaml.safe_load(response.content)
    assert document["info"]["title"] == "factcheck API"
    assert "/api/v1/articles/" in document["paths"]


@pytest.mark.django_db
def test_schema_is_served_as_json(client: Client, schema: dict[str, Any]) -> None:
    assert schema["info"]["title"] == "factcheck API"
    assert schema["paths"]


@pytest.mark.django_db
def test_schema_documents_the_whole_api(schema: dict[str, Any]) -> None:
    missing = [path for path in EXPECTED_PATHS if path not in schema["paths"]]
    assert not missing


@pytest.mark.django_db
def test_schema_documents_token_authentication(schema: dict[str, Any]) -> None:
    """One scheme, HTTP bearer: Swagger UI's Authorize dialog takes the bare token, and no
    cookie scheme that only the browsable API can use is offered."""
    schemes = schema["components"]["securitySchemes"]
    assert schemes == {"tokenAuth": {"type": "http", "scheme": "bearer", "description": ANY}}


@pytest.mark.django_db
def test_components_do_not_inherit_the_code_base_docstrings(schema: dict[str, Any]) -> None:
    """A serializer without a docstring of its own would show its base class's, written for
    developers, to API clients."""
    bases = {
        inspect.getdoc(base)
        for base in (ModelSerializer, serializers.ModelSerializer, serializers.Serializer)
    }
    leaked = {
        name
        for name, component in schema["components"]["schemas"].items()
        if component.get("description") in bases
    }
    assert not leaked


@pytest.mark.django_db
def test_every_operation_has_a_summary(schema: dict[str, Any]) -> None:
    without = [
        f"{method} {path}"
        for method, path, operation in operations(schema)
        if not operation.get("summary", "").strip()
    ]
    assert not without


@pytest.mark.django_db
def test_every_operation_documents_a_client_error(schema: dict[str, Any]) -> None:
    without = [
        f"{method} {path}"
        for method, path, operation in operations(schema)
        if not any(code.startswith("4") for code in operation["responses"])
    ]
    assert not without


@pytest.mark.django_db
def test_every_request_and_response_body_has_an_example(schema: dict[str, Any]) -> None:
    def has_example(body: dict[str, Any]) -> bool:
        return all("examples" in media for media in body.get("content", {}).values())

    without = [
        f"{method} {path} {part}"
        for method, path, operation in operations(schema)
        for part, body in [
            ("request", operation.get("requestBody", {})),
            *operation["responses"].items(),
        ]
        if not has_example(body)
    ]
    assert not without


@pytest.mark.django_db
def test_error_responses_match_what_the_api_can_do(schema: dict[str, Any]) -> None:
    paths = schema["paths"]
    assert {"401", "403", "404"} <= set(paths["/api/v1/articles/{id}/"]["delete"]["responses"])
    assert {"400", "401", "403"} <= set(paths["/api/v1/spans/"]["post"]["responses"])
    assert "409" in paths["/api/v1/verdicts/{id}/publish/"]["post"]["responses"]
    # The token endpoint needs no credentials, so it cannot answer 401.
    assert "401" not in paths["/api/v1/auth/token/"]["post"]["responses"]
    assert "400" in paths["/api/v1/auth/token/"]["post"]["responses"]


ASSET_ATTRIBUTE = re.compile(r"""\s(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""", re.IGNORECASE)


@pytest.mark.django_db
def test_creations_link_to_what_can_be_done_with_what_they_created(
    schema: dict[str, Any],
) -> None:
    paths = schema["paths"]
    created = paths["/api/v1/articles/"]["post"]["responses"]["201"]
    ids = {operation: link["parameters"] for operation, link in created["links"].items()}
    assert ids["articles_partial_update"] == {"id": "$response.body#/id"}
    assert ids["articles_annotations"] == {"id": "$response.body#/id"}
    members = paths["/api/v1/workspaces/{workspace_slug}/members/"]["post"]["responses"]["201"]
    assert members["links"]["workspaces_members_destroy"]["parameters"] == {
        "workspace_slug": "$request.path.workspace_slug",
        "username": "$response.body#/username",
    }
    # Every link names an operation that exists, with all its path parameters.
    operation_ids = {op["operationId"]: op for item in paths.values() for op in item.values()}
    for item in paths.values():
        for response in item.get("post", {}).get("responses", {}).values():
            for link in response.get("links", {}).values():
                target = operation_ids[link["operationId"]]
                needed = {p["name"] for p in target.get("parameters", []) if p["in"] == "path"}
                assert set(link["parameters"]) == needed, link


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["/api/docs/", "/api/redoc/"])
def test_docs_pages_use_only_local_static_assets(client: Client, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()

    for cdn in ("cdn.jsdelivr", "unpkg", "cdnjs", "googleapis", "gstatic"):
        assert cdn not in html, f"{page} loads something from {cdn}"
    assert ABSOLUTE_URL.findall(html) == [], f"{page} references remote URLs"

    assets = ASSET_ATTRIBUTE.findall(html)
    assert any(asset.endswith(".js") for asset in assets), f"{page} loads no script"
    for asset in assets:
        assert asset.startswith(STATIC_URL), f"{page} references {asset}, not a static file"
        assert finders.find(asset.removeprefix(STATIC_URL)), f"{asset} is not a static file"


@pytest.mark.django_db
def test_docs_pages_point_at_the_schema(client: Client) -> None:
    assert 'url: "/api/schema/"' in client.get("/api/docs/").content.decode()
    assert 'spec-url="/api/schema/"' in client.get("/api/redoc/").content.decode()


@pytest.mark.django_db
def test_healthz_answers(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_checks_the_database(client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_health_probes_only_answer_get(client: Client) -> None:
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


@pytest.fixture
def database_down(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every attempt to reach the database fails, as when the server is unreachable."""

    def refuse(self: Any) -> None:
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(type(connections["default"]), "ensure_connection", refuse)


def test_healthz_answers_while_the_database_is_down(client: Client, database_down: None) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_an_unavailable_database(client: Client, database_down: None) -> None:
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "error": "OperationalError"}


@pytest.mark.django_db
def test_every_error_response_is_the_shared_problem(schema: dict[str, Any]) -> None:
    wrong = [
        f"{method} {path} {code}"
        for method, path, operation in operations(schema)
        for code, response in operation["responses"].items()
        if code[0] in "45"
        and response.get("content", {}).get("application/problem+json", {}).get("schema")
        != {"$ref": "#/components/schemas/Problem"}
    ]
    assert not wrong
    assert "errors" in schema["components"]["schemas"]["Problem"]["properties"]


@pytest.mark.django_db
def test_changes_and_reads_document_their_conditional_headers(schema: dict[str, Any]) -> None:
    article = schema["paths"]["/api/v1/articles/{id}/"]
    assert "If-None-Match" in {parameter["name"] for parameter in article["get"]["parameters"]}
    assert "ETag" in article["get"]["responses"]["200"]["headers"]
    assert "304" in article["get"]["responses"]
    for method in ("put", "patch", "delete"):
        assert "If-Match" in {parameter["name"] for parameter in article[method]["parameters"]}
        assert "412" in article[method]["responses"]
    create = schema["paths"]["/api/v1/spans/"]["post"]
    assert "Idempotency-Key" in {parameter["name"] for parameter in create["parameters"]}
    assert {"409", "422", "429"} <= set(create["responses"])
