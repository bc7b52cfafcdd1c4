"""Workspaces, the current user, workspace members, the create_user command and tokens."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.workspaces.models import Membership, Role, Workspace
from tests.factories import MembershipFactory, UserFactory, WorkspaceFactory
from tests.helpers import error_fields

User = get_user_model()


def results(response: Any) -> list[dict[str, Any]]:
    data = response.data
    return data["results"] if isinstance(data, dict) and "results" in data else data


def members_url(slug: str = "desk") -> str:
    return reverse("membership-list", kwargs={"workspace_slug": slug})


def member_url(username: str, slug: str = "desk") -> str:
    return reverse("membership-detail", kwargs={"workspace_slug": slug, "username": username})


def roles_of(slug: str = "desk") -> dict[str, str]:
    return dict(
        Membership.objects.filter(workspace__slug=slug).values_list("user__username", "role")
    )


@pytest.fixture
def mia(member: Callable[..., Any], other_workspace: Workspace) -> Any:
    """Annotator in the desk, reviewer elsewhere."""
    member(Role.ANNOTATOR, username="mia")
    return member(Role.REVIEWER, ws=other_workspace, username="mia")


@pytest.fixture
def desk_team(annotator: Any, reviewer: Any, editor: Any) -> dict[str, Any]:
    return {"annie": annotator, "rita": reviewer, "eddie": editor}


# --- workspaces and me -----------------------------------------------------------------


def test_workspaces_lists_only_the_callers_workspaces_with_their_role(
    client_for: Any, mia: Any, outsider: Any
) -> None:
    WorkspaceFactory(slug="unrelated")

    response = client_for(mia).get(reverse("workspace-list"))

    assert response.status_code == 200
    assert results(response) == [
        {"slug": "desk", "name": "Desk", "role": "annotator"},
        {"slug": "elsewhere", "name": "Elsewhere", "role": "reviewer"},
    ]


def test_a_workspace_of_others_is_not_found(client_for: Any, outsider: Any, editor: Any) -> None:
    client = client_for(outsider)

    assert client.get(reverse("workspace-detail", kwargs={"slug": "desk"})).status_code == 404
    own = client.get(reverse("workspace-detail", kwargs={"slug": "elsewhere"}))
    assert own.status_code == 200
    assert own.data == {"slug": "elsewhere", "name": "Elsewhere", "role": "editor"}


def test_me_describes_the_caller(client_for: Any, mia: Any, outsider: Any) -> None:
    response = client_for(mia).get(reverse("me"))

    assert response.status_code == 200
    assert response.data == {
        "username": "mia",
        "roles": ["annotator", "reviewer"],
        "workspaces": [
            {"slug": "desk", "name": "Desk", "role": "annotator"},
            {"slug": "elsewhere", "name": "Elsewhere", "role": "reviewer"},
        ],
    }


def test_me_of_a_user_without_workspaces(client_for: Any, db: None) -> None:
    response = client_for(UserFactory(username="loner")).get(reverse("me"))

    assert response.status_code == 200
    assert response.data == {"username": "loner", "roles": [], "workspaces": []}


# --- members: reading ------------------------------------------------------------------


@pytest.mark.parametrize("username", ["annie", "rita", "eddie"])
def test_members_list_and_retrieve_the_members(
    client_for: Any, desk_team: dict, outsider: Any, username: str
) -> None:
    client = client_for(desk_team[username])

    listed = client.get(members_url())
    one = client.get(member_url("rita"))

    assert listed.status_code == 200
    assert {row["username"]: row["role"] for row in results(listed)} == {
        "annie": "annotator",
        "eddie": "editor",
        "rita": "reviewer",
    }
    assert one.status_code == 200
    assert (one.data["username"], one.data["role"]) == ("rita", "reviewer")


def test_a_non_member_is_not_found_in_the_members(client_for: Any, desk_team: dict) -> None:
    response = client_for(desk_team["eddie"]).get(member_url("nobody"))

    assert response.status_code == 404


# --- members: managing -----------------------------------------------------------------

# (method, url target, payload) of each member-managing request, aimed at the desk
MANAGING = {
    "add": ("post", None, {"username": "newbie", "role": "reviewer"}),
    "change": ("patch", "rita", {"role": "editor"}),
    "remove": ("delete", "rita", {}),
}


def send(client: APIClient, action: str, slug: str = "desk") -> Any:
    method, target, payload = MANAGING[action]
    url = members_url(slug) if target is None else member_url(target, slug)
    return getattr(client, method)(url, payload)


TEAM_ROLES = {"annie": "annotator", "rita": "reviewer", "eddie": "editor"}


@pytest.mark.parametrize(
    ("action", "expected", "roles_after"),
    [
        ("add", 201, {**TEAM_ROLES, "newbie": "reviewer"}),
        ("change", 200, {**TEAM_ROLES, "rita": "editor"}),
        ("remove", 204, {"annie": "annotator", "eddie": "editor"}),
    ],
)
def test_editors_manage_members(
    client_for: Any, desk_team: dict, action: str, expected: int, roles_after: dict
) -> None:
    UserFactory(username="newbie")

    response = send(client_for(desk_team["eddie"]), action)

    assert response.status_code == expected, response.data
    assert roles_of() == roles_after
    if action != "remove":
        changed = "newbie" if action == "add" else "rita"
        assert (response.data["username"], response.data["role"]) == (changed, roles_after[changed])


def test_a_new_member_sees_the_workspace_and_a_removed_one_does_not(
    client_for: Any, desk_team: dict
) -> None:
    desk = reverse("workspace-detail", kwargs={"slug": "desk"})
    editor = client_for(desk_team["eddie"])
    newbie_client = client_for(UserFactory(username="newbie"))
    assert newbie_client.get(desk).status_code == 404

    assert send(editor, "add").status_code == 201
    seen = newbie_client.get(desk)
    assert seen.status_code == 200
    assert seen.data["role"] == "reviewer"

    assert editor.delete(member_url("newbie")).status_code == 204
    assert newbie_client.get(desk).status_code == 404


@pytest.mark.parametrize("action", list(MANAGING))
@pytest.mark.parametrize("username", ["annie", "rita"])
def test_non_editors_cannot_manage_members(
    client_for: Any, desk_team: dict, username: str, action: str
) -> None:
    UserFactory(username="newbie")
    before = roles_of()

    response = send(client_for(desk_team[username]), action)

    assert response.status_code == 403, response.data
    assert roles_of() == before


@pytest.mark.parametrize("action", ["list", "retrieve", *MANAGING])
def test_another_workspaces_members_are_not_found(
    client_for: Any, desk_team: dict, outsider: Any, action: str
) -> None:
    """``outsider`` is an editor, but of ``elsewhere``: the desk does not exist for them."""
    UserFactory(username="newbie")
    client = client_for(outsider)
    before = roles_of()

    if action == "list":
        response = client.get(members_url())
    elif action == "retrieve":
        response = client.get(member_url("rita"))
    else:
        response = send(client, action)

    assert response.status_code == 404, response.data
    assert roles_of() == before


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"username": "rita", "role": "editor"}, "username"),  # already a member
        ({"username": "ghost", "role": "reviewer"}, "username"),  # no such user
        ({"username": "newbie", "role": "boss"}, "role"),
        ({"role": "reviewer"}, "username"),
    ],
)
def test_adding_a_member_is_validated(
    client_for: Any, desk_team: dict, payload: dict, field: str
) -> None:
    UserFactory(username="newbie")
    before = roles_of()

    response = client_for(desk_team["eddie"]).post(members_url(), payload)

    assert response.status_code == 400, response.data
    assert field in error_fields(response)
    assert roles_of() == before


@pytest.mark.parametrize(("method", "payload"), [("delete", {}), ("patch", {"role": "reviewer"})])
def test_the_last_editor_cannot_leave_or_be_demoted(
    client_for: Any, desk_team: dict, method: str, payload: dict
) -> None:
    before = roles_of()

    response = getattr(client_for(desk_team["eddie"]), method)(member_url("eddie"), payload)

    assert response.status_code == 409, response.data
    assert roles_of() == before


def test_an_editor_may_step_down_when_another_remains(
    client_for: Any, desk_team: dict, workspace: Workspace
) -> None:
    MembershipFactory(workspace=workspace, user=UserFactory(username="erin"), role=Role.EDITOR)
    client = client_for(desk_team["eddie"])

    response = client.patch(member_url("eddie"), {"role": "reviewer"})

    assert response.status_code == 200, response.data
    assert roles_of()["eddie"] == "reviewer"
    # Erin is now the last editor.
    assert client_for(UserFactory(username="erin")).delete(member_url("erin")).status_code == 409


# --- create_user and tokens ------------------------------------------------------------


def run_create_user(*args: str) -> str:
    out = io.StringIO()
    call_command("create_user", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_create_user_creates_the_user_and_the_workspace() -> None:
    assert not Workspace.objects.filter(slug="sports").exists()

    output = run_create_user(
        "bob", "--role", "reviewer", "--workspace", "sports", "--password", "pw"
    )

    assert "Created bob" in output
    bob = User.objects.get(username="bob")
    assert bob.check_password("pw")
    sports = Workspace.objects.get(slug="sports")
    assert sports.name == "Sports"
    assert list(Membership.objects.filter(user=bob).values_list("workspace__slug", "role")) == [
        ("sports", "reviewer")
    ]


@pytest.mark.django_db
def test_create_user_again_changes_the_role() -> None:
    run_create_user("bob", "--role", "reviewer", "--workspace", "sports", "--password", "pw")

    run_create_user("bob", "--role", "editor", "--workspace", "sports")

    assert User.objects.filter(username="bob").count() == 1
    assert list(Membership.objects.filter(user__username="bob").values_list("role", flat=True)) == [
        "editor"
    ]
    assert User.objects.get(username="bob").check_password("pw")  # kept without --password


@pytest.mark.django_db
def test_create_user_defaults_to_the_newsroom_seeded_by_migration() -> None:
    newsroom = Workspace.objects.get(slug="newsroom")  # created by the data migration
    workspaces = Workspace.objects.count()

    run_create_user("carol", "--role", "annotator")

    assert Workspace.objects.count() == workspaces
    membership = Membership.objects.get(user__username="carol")
    assert (membership.workspace_id, membership.role) == (newsroom.pk, "annotator")


@pytest.mark.django_db
def test_create_user_adds_a_role_in_a_second_workspace() -> None:
    run_create_user("bob", "--role", "reviewer", "--workspace", "sports")

    run_create_user("bob", "--role", "annotator", "--workspace", "politics")

    assert dict(
        Membership.objects.filter(user__username="bob").values_list("workspace__slug", "role")
    ) == {"sports": "reviewer", "politics": "annotator"}


@pytest.mark.django_db
def test_create_user_rejects_an_unknown_role() -> None:
    with pytest.raises(CommandError):
        run_create_user("bob", "--role", "boss")

    assert not User.objects.filter(username="bob").exists()


@pytest.mark.django_db
def test_create_user_will_not_demote_the_last_editor() -> None:
    run_create_user("bob", "--role", "editor", "--workspace", "sports")

    with pytest.raises(CommandError, match="last editor"):
        run_create_user("bob", "--role", "reviewer", "--workspace", "sports")

    assert Membership.objects.get(user__username="bob").role == "editor"


@pytest.mark.django_db
def test_the_password_gets_a_token_that_authenticates(anonymous: APIClient) -> None:
    run_create_user("bob", "--role", "reviewer", "--workspace", "sports", "--password", "pw")

    response = anonymous.post(reverse("auth-token"), {"username": "bob", "password": "pw"})

    assert response.status_code == 200, response.data
    assert set(response.data) == {"token"}
    assert response.data["token"] == Token.objects.get(user__username="bob").key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.data['token']}")
    me = client.get(reverse("me"))
    assert me.status_code == 200
    assert me.data == {
        "username": "bob",
        "roles": ["reviewer"],
        "workspaces": [{"slug": "sports", "name": "Sports", "role": "reviewer"}],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "password"), [("bob", "wrong"), ("nobody", "pw"), ("carol", "")]
)
def test_bad_credentials_get_no_token(anonymous: APIClient, username: str, password: str) -> None:
    run_create_user("bob", "--role", "reviewer", "--password", "pw")
    run_create_user("carol", "--role", "reviewer")  # no password: cannot log in

    response = anonymous.post(reverse("auth-token"), {"username": username, "password": password})

    assert response.status_code == 400, response.data
    assert "token" not in response.data
    assert not Token.objects.exists()


def test_an_invalid_token_is_refused(anonymous: APIClient, db: None) -> None:
    anonymous.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert anonymous.get(reverse("me")).status_code == 401


@pytest.mark.parametrize(
    "arguments",
    [
        ["bad user", "--role", "reviewer"],
        ["", "--role", "reviewer"],
        ["ok", "--role", "editor", "--workspace", "Bad Slug!"],
    ],
)
def test_create_user_validates_names(db: None, arguments: list[str]) -> None:
    with pytest.raises(CommandError):
        call_command("create_user", *arguments)
    assert not get_user_model().objects.exists()
