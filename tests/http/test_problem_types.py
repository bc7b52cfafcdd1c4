"""Every problem ``type`` the API can answer with is one the schema lists: the codes of DRF's
exceptions and of the project's, and every code written literally where a problem is made."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework import exceptions

from factcheck.http import conditional
from factcheck.http import exceptions as http_exceptions
from factcheck.http.problems import PROBLEM_CODES, problem_type

ROOT = Path(__file__).resolve().parents[2]
MAKERS = {"problem", "problem_response", "_problem"}


def subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= subclasses(sub)
    return found


def literal_codes() -> set[str]:
    """The codes passed as literals to the functions that make problem documents."""
    codes = set()
    for directory in ("factcheck", "annotations"):
        for path in (ROOT / directory).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name in MAKERS and len(node.args) >= 2:
                    code = node.args[1]
                    if isinstance(code, ast.Constant):  # else a helper passing its argument on
                        codes.add(code.value)
    return codes


def test_every_code_the_code_base_emits_is_listed() -> None:
    # A validation error's problem is "validation_error" (factcheck.http.exceptions).
    raised = {
        cls.default_code
        for cls in subclasses(exceptions.APIException)
        if not issubclass(cls, exceptions.ValidationError)
    }
    found = literal_codes()
    assert {conditional.PreconditionFailed, http_exceptions.ConflictError} <= subclasses(
        exceptions.APIException
    )
    assert found >= {"validation_error", "request_too_large", "idempotency-key-reused"}
    assert raised | found <= PROBLEM_CODES


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_lists_every_problem_type(schema: dict[str, Any]) -> None:
    problem = schema["components"]["schemas"]["Problem"]["properties"]["type"]
    reference = problem.get("$ref") or problem["allOf"][0]["$ref"]
    listed = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]["enum"]
    assert listed == sorted(problem_type(code) for code in PROBLEM_CODES)
