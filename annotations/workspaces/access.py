"""Who may do what: a user's roles in the workspaces they belong to."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

from annotations.workspaces.models import Role, Workspace, roles_by_workspace

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def role_in(user: AbstractBaseUser | AnonymousUser, workspace_id: uuid.UUID) -> str | None:
    return roles_by_workspace(user).get(workspace_id)


def holds_any_role(user: AbstractBaseUser | AnonymousUser, roles: Collection[str]) -> bool:
    """Whether the user holds one of ``roles`` in at least one workspace."""
    return not set(roles).isdisjoint(roles_by_workspace(user).values())


def describe_roles(roles: Collection[str]) -> str:
    return " or ".join(sorted(roles))


def require_role(
    user: AbstractBaseUser | AnonymousUser, workspace_id: uuid.UUID, roles: Collection[str]
) -> None:
    """Raise ``PermissionDenied`` unless the user holds one of ``roles`` in the workspace."""
    role = role_in(user, workspace_id)
    if role not in roles:
        raise PermissionDenied(
            f"This needs the {describe_roles(roles)} role in the workspace; yours is {role}."
        )


def workspaces_where(
    user: AbstractBaseUser | AnonymousUser, role: str, *, slug: str | None = None
) -> list[uuid.UUID]:
    """The ids of the workspaces where the user holds ``role`` (of the one with ``slug``)."""
    ids = [workspace for workspace, held in roles_by_workspace(user).items() if held == role]
    if slug is None or not ids:
        return ids
    return list(Workspace.objects.filter(pk__in=ids, slug=slug).values_list("pk", flat=True))


def default_workspace(user: AbstractBaseUser | AnonymousUser) -> Workspace | None:
    """The user's workspace when they belong to exactly one, else None."""
    workspace_ids = list(roles_by_workspace(user))
    if len(workspace_ids) != 1:
        return None
    return Workspace.objects.get(pk=workspace_ids[0])


ROLES_THAT_ANNOTATE = frozenset({Role.ANNOTATOR, Role.EDITOR})
ROLES_THAT_REVIEW = frozenset({Role.REVIEWER, Role.EDITOR})
