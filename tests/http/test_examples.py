"""The OpenAPI examples that frontend teams read are true to the API: each validates against
the schema of its response, and the main resources' examples have exactly the fields real
responses have."""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.core.management import call_command
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from annotations.api import examples
from annotations.articles.models import Article, Span
from annotations.claims.models import Claim
from annotations.interop.renderers import WebAnnotationRenderer
from annotations.review.models import Verdict, VerdictState
from annotations.workspaces.models import Role


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def json_schema(node: Any) -> Any:
    """An OpenAPI 3.0 schema as JSON Schema: ``nullable`` becomes a type that admits null."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: json_schema(value) for key, value in node.items()}
    if "oneOf" in converted:
        # drf-spectacular's blank URL field is "a URI, or the empty string"; without a URI
        # checker the empty string fits both, which oneOf refuses.
        converted["anyOf"] = converted.pop("oneOf")
    if converted.pop("nullable", False):
        if "type" in converted:
            converted["type"] = [converted["type"], "null"]
        elif "anyOf" in converted:
            converted["anyOf"] = [*converted["anyOf"], {"type": "null"}]
        elif "$ref" in converted or "allOf" in converted:
            converted = {"anyOf": [converted, {"type": "null"}]}
    return converted


def response_examples(schema: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(where, example value, response schema) for every response example in the schema."""
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for status, response in operation.get("responses", {}).items():
                for media_type, content in response.get("content", {}).items():
                    for name, example in content.get("examples", {}).items():
                        where = f"{method.upper()} {path} {status} {media_type} {name}"
                        found.append((where, example.get("value"), content.get("schema")))
    return found


def test_every_response_example_fits_its_schema(schema: dict[str, Any]) -> None:
    document = json_schema(copy.deepcopy(schema))
    checked, wrong = 0, {}
    for where, value, response_schema in response_examples(schema):
        if response_schema is None or value is None:
            continue
        validator = jsonschema.Draft7Validator(
            {**json_schema(response_schema), "components": document["components"]}
        )
        errors = [error.message for error in validator.iter_errors(value)]
        if errors:
            wrong[where] = errors[:3]
        checked += 1
    assert checked > 30
    assert not wrong, wrong


@pytest.fixture
def demo(client_for: Any, db: None) -> dict[str, Any]:
    """The real representations of the demo's objects, as an editor reads them."""
    call_command("load_demo", verbosity=0)
    article = Article.objects.get()
    editor = article.workspace.memberships.get(role=Role.EDITOR).user
    client = client_for(editor)

    def get(name: str, *args: Any, accept: str = "application/json") -> Any:
        response = client.get(reverse(name, args=args), HTTP_ACCEPT=accept)
        assert response.status_code == 200, response.content
        return response.json()

    span, claim, verdict = Span.objects.first(), Claim.objects.first(), Verdict.objects.first()
    published = Verdict.objects.get(state=VerdictState.PUBLISHED)
    assert span is not None
    assert claim is not None
    assert verdict is not None
    return {
        "article": get("article-detail", article.pk),
        "span": get("span-detail", span.pk),
        "claim": get("claim-detail", claim.pk),
        "verdict": get("verdict-detail", verdict.pk),
        "workspace": get("workspace-detail", article.workspace.slug),
        "me": get("me"),
        "revision": get("article-revision", article.pk, 1),
        "annotations": get("article-annotations", article.pk),
        "web_annotation": get("span-detail", span.pk, accept=WebAnnotationRenderer.media_type),
        "annotation_page": get("article-annotations-w3c", article.pk),
        "claimreview": get("claim-claimreview", published.claim_id),
        "feed": get("claimreview-feed"),
    }


def same_fields(example: Any, real: Any, path: str = "") -> list[str]:
    """Where ``example`` and ``real`` differ in their objects' keys, recursively."""
    if isinstance(example, dict) and isinstance(real, dict):
        differences = (
            [
                f"{path or '.'}: example lacks {sorted(set(real) - set(example))}, "
                f"has extra {sorted(set(example) - set(real))}"
            ]
            if set(example) != set(real)
            else []
        )
        for key in set(example) & set(real):
            differences += same_fields(example[key], real[key], f"{path}.{key}")
        return differences
    if isinstance(example, list) and isinstance(real, list) and example and real:
        return same_fields(example[0], real[0], f"{path}[0]")
    return []


@pytest.mark.parametrize(
    ("name", "example"),
    [
        ("article", examples.ARTICLE),
        ("span", examples.SPAN),
        ("claim", examples.CLAIM),
        ("verdict", examples.VERDICT),
        ("workspace", examples.WORKSPACE),
        ("me", examples.ME_EXAMPLES[0].value),
        ("revision", examples.REVISION_EXAMPLES[0].value),
        ("annotations", examples.ANNOTATIONS_EXAMPLES[0].value),
    ],
)
def test_the_examples_have_the_fields_of_real_responses(
    demo: dict[str, Any], name: str, example: Any
) -> None:
    assert not same_fields(example, demo[name])


def is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True  # a format applies to strings only (JSON Schema); null is the type's affair
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


COMPONENTS = {
    "article": "Article",
    "span": "Span",
    "claim": "Claim",
    "verdict": "Verdict",
    "workspace": "Workspace",
    "me": "Me",
    "revision": "ArticleRevisionDetail",
    "annotations": "ArticleAnnotations",
    "web_annotation": "WebAnnotation",
    "annotation_page": "AnnotationPage",
    "claimreview": "ClaimReview",
    "feed": "ClaimReviewFeed",
}


@pytest.mark.parametrize("name", COMPONENTS)
def test_real_responses_fit_their_schemas(
    schema: dict[str, Any], demo: dict[str, Any], name: str
) -> None:
    """What a generated client checks: formats included (an empty string is no "uri"; found by
    Schemathesis on a verdict's blank publisher_url)."""
    formats = jsonschema.FormatChecker(formats=())
    formats.checks("uri")(is_uri)
    document = json_schema(copy.deepcopy(schema))
    validator = jsonschema.Draft7Validator(
        {"$ref": f"#/components/schemas/{COMPONENTS[name]}", "components": document["components"]},
        format_checker=formats,
    )
    assert [error.message for error in validator.iter_errors(demo[name])] == []
