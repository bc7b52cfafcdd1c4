from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.models import Role, Workspace
from tests.factories import MembershipFactory, UserFactory, WorkspaceFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> None:
    """Rate limits count in the cache; each test starts with none used."""
    cache.clear()


@pytest.fixture
def workspace(db: None) -> Workspace:
    return WorkspaceFactory(slug="desk")


@pytest.fixture
def other_workspace(db: None) -> Workspace:
    return WorkspaceFactory(slug="elsewhere")


@pytest.fixture
def member(workspace: Workspace) -> Callable[..., Any]:
    """Make a user with ``role`` in ``workspace`` (the ``desk`` workspace by default)."""

    def make(role: str = Role.ANNOTATOR, ws: Workspace | None = None, username: str | None = None):
        user = UserFactory(**({"username": username} if username else {}))
        MembershipFactory(user=user, workspace=ws or workspace, role=role)
        return user

    return make


@pytest.fixture
def annotator(member: Callable[..., Any]) -> Any:
    return member(Role.ANNOTATOR, username="annie")


@pytest.fixture
def reviewer(member: Callable[..., Any]) -> Any:
    return member(Role.REVIEWER, username="rita")


@pytest.fixture
def editor(member: Callable[..., Any]) -> Any:
    return member(Role.EDITOR, username="eddie")


@pytest.fixture
def outsider(member: Callable[..., Any], other_workspace: Workspace) -> Any:
    """An editor, but of another workspace."""
    return member(Role.EDITOR, ws=other_workspace, username="otto")


@pytest.fixture
def client_for() -> Callable[[Any], APIClient]:
    """A client that sends the user's API token, so each request loads the user afresh,
    as in production."""

    def make(user: Any) -> APIClient:
        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def staff_user(db: None) -> Any:
    return UserFactory(username="staff", is_staff=True)
