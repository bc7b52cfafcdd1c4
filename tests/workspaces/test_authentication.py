"""Token authentication reads the caller's roles with the token, in one query."""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from annotations.workspaces.models import Role, Workspace
from tests.factories import UserFactory


def me(client: APIClient) -> tuple[Any, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("me"))
    return response, [query["sql"] for query in captured]


def test_roles_in_every_workspace_come_with_the_token(
    member: Callable[..., Any], other_workspace: Workspace, client_for: Any
) -> None:
    user = member(Role.REVIEWER, username="two-desks")
    member(Role.EDITOR, ws=other_workspace, username="someone-else")
    other_workspace.memberships.create(user=user, role=Role.EDITOR)
    response, queries = me(client_for(user))
    assert response.status_code == 200
    assert response.data["roles"] == [Role.EDITOR, Role.REVIEWER]
    assert [w["slug"] for w in response.data["workspaces"]] == ["desk", "elsewhere"]
    [token_query] = [sql for sql in queries if "authtoken_token" in sql]
    assert "annotations_membership" in token_query
    assert not [sql for sql in queries if "annotations_membership" in sql and sql != token_query]


def test_a_user_without_workspaces_is_authenticated_and_sees_nothing(
    db: None, client_for: Any
) -> None:
    response, _ = me(client_for(UserFactory()))
    assert response.status_code == 200
    assert (response.data["roles"], response.data["workspaces"]) == ([], [])
    assert client_for(UserFactory()).get(reverse("article-list")).data["count"] == 0


def test_unknown_tokens_and_inactive_users_are_refused(
    annotator: Any, client_for: Any, anonymous: APIClient
) -> None:
    anonymous.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert anonymous.get(reverse("me")).status_code == 401
    client = client_for(annotator)
    annotator.is_active = False
    annotator.save()
    assert client.get(reverse("me")).status_code == 401
