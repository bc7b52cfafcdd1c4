"""Reading the API's RFC 9457 problem documents in tests."""

from typing import Any


def error_fields(response: Any) -> set[str | None]:
    """The fields a validation problem names (None for the request as a whole)."""
    assert response["Content-Type"] == "application/problem+json", response.content
    return {error["field"] for error in response.json()["errors"]}


def error_messages(response: Any, field: str) -> list[str]:
    return [error["message"] for error in response.json()["errors"] if error["field"] == field]
