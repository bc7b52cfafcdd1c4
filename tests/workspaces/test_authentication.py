"""Token authentication reads the caller's roles with the token, in one query, and keeps
them in the shared cache until they change."""

from collections.abc import Callable
from typing import Any

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.workspaces import credentials
from annotations.workspaces.models import Role, Workspace
from tests.factories import ArticleFactory, UserFactory


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


@pytest.mark.parametrize("scheme", ["Token", "Bearer", "bearer", "TOKEN"])
def test_the_token_comes_as_token_or_bearer(
    annotator: Any, anonymous: APIClient, scheme: str
) -> None:
    key = Token.objects.get_or_create(user=annotator)[0].key
    anonymous.credentials(HTTP_AUTHORIZATION=f"{scheme} {key}")
    response = anonymous.get(reverse("me"))
    assert response.status_code == 200
    assert response.data["username"] == annotator.username


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Bearer", "give the scheme, one space, and the token"),
        ("Bearer a b", "give the scheme, one space, and the token"),
        ("Bearer not-a-token", "Invalid token."),
    ],
)
def test_a_malformed_authorization_is_refused_with_its_reason(
    anonymous: APIClient, db: None, header: str, message: str
) -> None:
    anonymous.credentials(HTTP_AUTHORIZATION=header)
    response = anonymous.get(reverse("me"))
    assert response.status_code == 401
    assert message in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Token"


def test_other_schemes_are_not_this_authentication(anonymous: APIClient, db: None) -> None:
    anonymous.credentials(HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    response = anonymous.get(reverse("me"))
    assert response.status_code == 401
    assert "credentials were not provided" in response.json()["detail"]


# The token's user and roles are kept in the shared cache (annotations.workspaces.credentials);
# each test runs with the local-memory cache and with Redis.


def token_queries(client: APIClient) -> list[str]:
    return [sql for sql in me(client)[1] if "authtoken_token" in sql]


def test_a_known_token_is_resolved_without_the_database(
    annotator: Any, client_for: Any, any_cache: str
) -> None:
    client = client_for(annotator)
    assert len(token_queries(client)) == 1
    response, queries = me(client)
    assert response.status_code == 200
    assert response.json()["username"] == annotator.username
    assert not [sql for sql in queries if "authtoken_token" in sql or "auth_user" in sql]


def test_a_changed_role_or_removed_membership_counts_at_the_next_request(
    member: Callable[..., Any], editor: Any, client_for: Any, workspace: Workspace, any_cache: str
) -> None:
    user = member(Role.ANNOTATOR, username="moving-desk")
    client = client_for(user)
    article = reverse("article-detail", args=[ArticleFactory(workspace=workspace).pk])
    assert me(client)[0].data["roles"] == [Role.ANNOTATOR]
    assert client.get(article).status_code == 200
    editors = client_for(editor)
    members = reverse("membership-detail", args=[workspace.slug, user.username])
    assert editors.patch(members, {"role": Role.REVIEWER}).status_code == 200
    assert me(client)[0].data["roles"] == [Role.REVIEWER]
    assert editors.delete(members).status_code == 204
    assert me(client)[0].data["roles"] == []
    assert client.get(article).status_code == 404


def test_a_deleted_token_or_deactivated_user_is_refused_at_the_next_request(
    annotator: Any, client_for: Any, any_cache: str
) -> None:
    client = client_for(annotator)
    assert me(client)[0].status_code == 200
    Token.objects.filter(user=annotator).get().delete()
    assert me(client)[0].status_code == 401
    client = client_for(annotator)
    assert me(client)[0].status_code == 200
    annotator.is_active = False
    annotator.save()
    assert me(client)[0].status_code == 401


def test_credentials_read_before_a_change_are_not_cached_after_it(
    annotator: Any, any_cache: str
) -> None:
    """A request that read the credentials just before a change and caches them after it
    (a race between two requests) leaves nothing stale: the change buried them."""
    token = Token.objects.create(user=annotator).key
    credentials.from_database(token)
    assert credentials.cached(token) is not None
    credentials.forget_users([annotator.pk])
    assert credentials.cached(token) is None
    credentials.from_database(token)
    assert credentials.cached(token) is None


def test_the_cache_holds_neither_the_token_nor_the_password(
    annotator: Any, client_for: Any, redis_cache: str
) -> None:
    annotator.set_password("a long secret passphrase")
    annotator.save()
    token = Token.objects.create(user=annotator).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert me(client)[0].status_code == 200
    stored = redis.Redis.from_url(redis_cache)
    keys = stored.keys("*")
    assert keys
    everything = b"".join(keys + [stored.get(key) or b"" for key in keys])
    assert token.encode() not in everything
    assert annotator.password.encode() not in everything


def test_me_shows_every_change_at_the_next_request(
    member: Callable[..., Any], editor: Any, client_for: Any, workspace: Workspace, any_cache: str
) -> None:
    """``GET /me/`` is kept ready under the credentials, which every change it shows renews."""
    user = member(Role.ANNOTATOR, username="watcher")
    client = client_for(user)
    for _ in range(2):
        assert me(client)[0].json()["workspaces"] == [
            {"slug": "desk", "name": workspace.name, "role": "annotator"}
        ]
    workspace.name = "The Desk"
    workspace.save()
    assert me(client)[0].json()["workspaces"][0]["name"] == "The Desk"
    workspace.slug = "the-desk"
    workspace.save()
    assert me(client)[0].json()["workspaces"][0]["slug"] == "the-desk"
    user.username = "watcher2"
    user.save()
    assert me(client)[0].json()["username"] == "watcher2"
    editors = client_for(editor)
    members = reverse("membership-detail", args=["the-desk", "watcher2"])
    assert editors.patch(members, {"role": Role.REVIEWER}).status_code == 200
    assert me(client)[0].json()["roles"] == [Role.REVIEWER]
