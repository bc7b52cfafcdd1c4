"""Hostile input, table-driven over the OpenAPI schema: every field of every write operation
and every query parameter of every read, given values no client should send.

Writes: each answer is a 400 problem naming the field at fault (by path, ``1.article`` in a
batch), and the database is exactly as before. Reads: never a server error, and a 400 names the
parameter. The operations and their fields come from the schema, so a new endpoint or field is
covered the day it is documented; ``VALID_REQUESTS`` must give a valid request for each write
(a test fails when one is missing).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from django.apps import apps
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from annotations.review.models import Rating
from annotations.workspaces.models import Role
from factcheck.http.parsers import too_deep
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SpanFactory,
    UserFactory,
    VerdictFactory,
)
from tests.helpers import error_fields


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


# Values wrong for every field of the API, whatever its type.
WRONG_FOR_ANY_FIELD: dict[str, Any] = {
    "nested 900 deep": nested(900),
    "nested 20 deep": nested(20),
    "a list": [1],
    "an object": {"id": 1},
    "a boolean": True,
    "a fraction": 1.5,
    "a NUL character": "a\x00b",
}


@cache
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def component(reference: dict[str, Any]) -> dict[str, Any]:
    name = reference["$ref"].rsplit("/", 1)[-1]
    found: dict[str, Any] = schema()["components"]["schemas"][name]
    return found


def write_operations() -> list[tuple[str, str, bool, dict[str, Any]]]:
    """(method, path, is a batch, the request body's properties) of every write with a
    JSON body."""
    operations = []
    for path, item in schema()["paths"].items():
        for method, operation in item.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if method not in {"post", "put", "patch"} or body is None:
                continue
            shape = body["schema"]
            batch = shape.get("type") == "array"
            target = shape["items"] if batch else shape
            # A body of several shapes (an archive: one ClaimReview, a list, a feed) has no
            # fields of its own to try; its tests try its items' fields.
            properties = component(target).get("properties", {}) if "$ref" in target else {}
            operations.append((method.upper(), path, batch, properties))
    return operations


def hostile_values(field: dict[str, Any]) -> dict[str, Any]:
    """The values to try in a field: the wrong ones for any field, and those past the limits
    the schema states."""
    values = dict(WRONG_FOR_ANY_FIELD)
    if "maxLength" in field:
        values["one character too long"] = "x" * (field["maxLength"] + 1)
    if "maximum" in field:
        values["over the maximum"] = field["maximum"] + 1
        values["a 64-bit overflow"] = 2**63
    if "minimum" in field:
        values["under the minimum"] = field["minimum"] - 1
    if field.get("format") == "date-time":
        # Valid ISO 8601, but out of range once in UTC.
        values["before year 1 in UTC"] = "0001-01-01T00:00:00+14:00"
        values["after year 9999 in UTC"] = "9999-12-31T23:59:59-14:00"
    return values


REPORTED_ITEM_BY_ITEM = {("POST", "/api/v1/annotations/import/", "annotations")}
"""Lists whose items the operation judges one by one (an import reports each)."""

WRITE_CASES = [
    pytest.param(method, path, batch, name, field, id=f"{method} {path} {name}")
    for method, path, batch, properties in write_operations()
    for name, field in properties.items()
    if not field.get("readOnly")
]


class World:
    """One of everything, with the users who may change each."""

    def __init__(self, workspace: Any, member: Callable[..., Any]) -> None:
        self.workspace = workspace
        self.annotator = member(Role.ANNOTATOR, username="annie")
        self.reviewer = member(Role.REVIEWER, username="rita")
        self.editor = member(Role.EDITOR, username="eddie")
        self.staff = UserFactory(username="staff", is_staff=True)
        MembershipFactory(user=UserFactory(username="newbie"), workspace=workspace)
        self.article = ArticleFactory(
            workspace=workspace, created_by=self.annotator, body="Hello there, world."
        )
        self.span = SpanFactory(article=self.article, created_by=self.annotator)
        self.claim = ClaimFactory(workspace=workspace, created_by=self.annotator)
        self.other_claim = ClaimFactory(workspace=workspace, created_by=self.annotator)
        self.verdict = VerdictFactory(claim=self.claim, reviewer=self.reviewer)
        self.unjudged = ClaimFactory(workspace=workspace, created_by=self.annotator)
        Rating.objects.create(slug="odd", label="Odd", value=50)

    def span_fields(self) -> dict[str, Any]:
        return {"article": str(self.article.pk), "start": 0, "end": 5}

    def article_fields(self) -> dict[str, Any]:
        return {"title": "T", "body": "Body text.", "workspace": self.workspace.slug}

    def valid_request(self, method: str, path: str) -> tuple[Any, str, Any]:
        """(who, URL, a valid body) for the operation."""
        ids = {
            "/api/v1/articles/{id}/": self.article.pk,
            "/api/v1/spans/{id}/": self.span.pk,
            "/api/v1/claims/{id}/": self.claim.pk,
            "/api/v1/claims/{id}/link/": self.claim.pk,
            "/api/v1/verdicts/{id}/": self.verdict.pk,
            "/api/v1/ratings/{slug}/": "odd",
        }
        url = path.format(
            id=ids.get(path), slug="odd", workspace_slug=self.workspace.slug, username="newbie"
        )
        claim = {"text": "A claim.", "workspace": self.workspace.slug}
        verdict = {
            "claim": str(self.unjudged.pk if method == "POST" else self.claim.pk),
            "rating": "false",
            "explanation": "Because.",
            "sources": [{"url": "https://source.example/", "title": "S"}],
        }
        valid: dict[tuple[str, str], tuple[Any, Any]] = {
            ("POST", "/api/v1/articles/"): (self.annotator, self.article_fields()),
            ("PUT", "/api/v1/articles/{id}/"): (self.annotator, self.article_fields()),
            ("PATCH", "/api/v1/articles/{id}/"): (self.annotator, {}),
            ("POST", "/api/v1/articles/bulk/"): (self.annotator, self.article_fields()),
            ("POST", "/api/v1/spans/"): (self.annotator, self.span_fields()),
            ("PUT", "/api/v1/spans/{id}/"): (self.annotator, self.span_fields()),
            ("PATCH", "/api/v1/spans/{id}/"): (self.annotator, {}),
            ("POST", "/api/v1/spans/bulk/"): (self.annotator, self.span_fields()),
            ("POST", "/api/v1/claims/"): (self.annotator, claim),
            ("PUT", "/api/v1/claims/{id}/"): (self.annotator, claim),
            ("PATCH", "/api/v1/claims/{id}/"): (self.annotator, {}),
            ("POST", "/api/v1/claims/{id}/link/"): (
                self.annotator,
                {"other": str(self.other_claim.pk)},
            ),
            ("POST", "/api/v1/verdicts/"): (self.reviewer, verdict),
            ("PUT", "/api/v1/verdicts/{id}/"): (self.reviewer, verdict),
            ("PATCH", "/api/v1/verdicts/{id}/"): (self.reviewer, {}),
            ("POST", "/api/v1/ratings/"): (self.staff, {"slug": "new", "label": "New"}),
            ("PUT", "/api/v1/ratings/{slug}/"): (self.staff, {"slug": "odd", "label": "Odd"}),
            ("PATCH", "/api/v1/ratings/{slug}/"): (self.staff, {}),
            ("POST", "/api/v1/workspaces/{workspace_slug}/members/"): (
                self.editor,
                {"username": "staff", "role": Role.REVIEWER},
            ),
            ("PUT", "/api/v1/workspaces/{workspace_slug}/members/{username}/"): (
                self.editor,
                {"username": "newbie", "role": Role.REVIEWER},
            ),
            ("PATCH", "/api/v1/workspaces/{workspace_slug}/members/{username}/"): (
                self.editor,
                {},
            ),
            ("POST", "/api/v1/auth/token/"): (None, {"username": "annie", "password": "pw"}),
            ("POST", "/api/v1/claimreviews/import/"): (
                self.editor,
                {
                    "@type": "ClaimReview",
                    "url": "https://checks.example/1",
                    "claimReviewed": "A claim.",
                    "datePublished": "2024-06-14",
                    "reviewRating": {"@type": "Rating", "alternateName": "False"},
                },
            ),
            ("POST", "/api/v1/annotations/import/"): (
                self.annotator,
                {
                    "article": str(self.article.pk),
                    "annotations": [
                        {"target": {"selector": {"type": "TextQuoteSelector", "exact": "Hello"}}}
                    ],
                },
            ),
        }
        user, body = valid[(method, path)]
        return user, url, body


def client_as(user: Any, client_for: Callable[[Any], APIClient]) -> APIClient:
    return APIClient() if user is None else client_for(user)


def database_state() -> dict[str, list[dict[str, Any]]]:
    """Every row of every model, history included."""
    models = [*apps.get_app_config("annotations").get_models(), apps.get_model("auth", "User")]
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values()) for model in models
    }


@pytest.fixture
def world(workspace: Any, member: Callable[..., Any]) -> World:
    return World(workspace, member)


def test_every_write_has_a_valid_request(
    world: World, client_for: Callable[[Any], APIClient]
) -> None:
    """The table below is only as good as its starting points: each must succeed."""
    for method, path, batch, _ in write_operations():
        user, url, body = world.valid_request(method, path)
        send = getattr(client_as(user, client_for), method.lower())
        response = send(url, [body] if batch else body, format="json")
        assert response.status_code < 300, (method, path, response.content)


@pytest.mark.parametrize(("method", "path", "batch", "field", "schema_of_field"), WRITE_CASES)
def test_hostile_values_are_400s_naming_the_field_and_change_nothing(
    world: World,
    client_for: Callable[[Any], APIClient],
    method: str,
    path: str,
    batch: bool,
    field: str,
    schema_of_field: dict[str, Any],
) -> None:
    user, url, body = world.valid_request(method, path)
    client = client_as(user, client_for)
    send = getattr(client, method.lower())
    expected = f"1.{field}" if batch else field
    before = database_state()
    wrong = {}
    for label, value in hostile_values(schema_of_field).items():
        data: Any = [body, {**body, field: value}] if batch else {**body, field: value}
        response = send(url, data, format="json")
        if (
            (method, path, field) in REPORTED_ITEM_BY_ITEM
            and isinstance(value, list)
            and too_deep(data) is None
        ):
            # A list of things that are not Web Annotations: each is reported rejected.
            results = response.json().get("results", []) if response.status_code == 200 else []
            if not results or {result["status"] for result in results} != {"rejected"}:
                wrong[label] = (response.status_code, response.content[:300])
        elif response.status_code != 400 or not any(
            name is not None and (name == expected or name.startswith(expected + "."))
            for name in error_fields(response)
        ):
            wrong[label] = (response.status_code, response.content[:300])
        if database_state() != before:
            wrong[label] = ("the database changed", response.status_code)
    assert not wrong, wrong


# --- Query parameters ------------------------------------------------------------------------

WRONG_IN_A_QUERY = {
    "a NUL character": "a\x00b",
    "5,000 characters": "x" * 5000,
    "1,500 words": " ".join(f"word{n}" for n in range(1500)),
    "a huge number": "9" * 30,
    "a negative number": "-1",
    "a date out of range in UTC": "0001-01-01T00:00:00+14:00",
    "brackets": "[[[[]]]]",
}


def read_operations() -> list[tuple[str, list[str], list[str]]]:
    """(path, query parameter names, the required ones) of every GET that takes query
    parameters."""
    operations = []
    for path, item in schema()["paths"].items():
        query = [p for p in item.get("get", {}).get("parameters", []) if p["in"] == "query"]
        if query:
            required = [p["name"] for p in query if p.get("required")]
            operations.append((path, [p["name"] for p in query], required))
    return operations


READ_CASES = [
    pytest.param(path, name, required, id=f"{path} ?{name}=")
    for path, names, required in read_operations()
    for name in names
]


@pytest.mark.parametrize(("path", "parameter", "required"), READ_CASES)
def test_hostile_query_parameters_are_never_server_errors(
    world: World,
    client_for: Callable[[Any], APIClient],
    path: str,
    parameter: str,
    required: list[str],
) -> None:
    resource = world.claim if path.startswith("/api/v1/claims/") else world.article
    url = path.format(id=resource.pk, number=1, workspace_slug=world.workspace.slug)
    client = client_for(world.editor)
    wrong = {}
    for label, value in WRONG_IN_A_QUERY.items():
        # The other required parameters are valid, so that the one tried is what is judged.
        response = client.get(url, {**dict.fromkeys(required, "Ukraine"), parameter: value})
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        if response.status_code >= 500 or (
            response.status_code == 400 and parameter not in error_fields(response)
        ):
            wrong[label] = (response.status_code, response.content[:300])
    assert not wrong, wrong


def test_the_tables_cover_the_api() -> None:
    assert len(write_operations()) >= 20
    assert len(read_operations()) >= 10
    assert reverse("export") in {path for path, _, _ in read_operations()}
