"""Permissions by workspace role. Reads need membership only, which the scoped querysets
already enforce (other workspaces' rows answer 404)."""

from typing import Any

from django.db.models import Model
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from annotations.workspaces.access import describe_roles, holds_any_role, role_in
from annotations.workspaces.models import Role

CREATING = {"create", "bulk"}


class WorkspaceRolePermission(BasePermission):
    """The view's ``creator_roles`` may create; a creator may change and delete their own
    work while they hold such a role; editors may change everything in their workspace.

    Views declare ``creator_roles`` and ``owner_field`` (the user who owns a row).
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS or getattr(view, "action", None) not in CREATING:
            return True
        roles = view.creator_roles  # type: ignore[attr-defined]
        self.message = f"Creating this needs the {describe_roles(roles)} role in a workspace."
        return holds_any_role(request.user, roles)

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        role = role_in(request.user, obj.workspace_id)
        if role == Role.EDITOR:
            return True
        owner_id = getattr(obj, f"{view.owner_field}_id")  # type: ignore[attr-defined]
        self.message = "Only its author or an editor of the workspace may change this."
        return role in view.creator_roles and owner_id == request.user.pk  # type: ignore[attr-defined]


class IsWorkspaceEditor(BasePermission):
    """Editors of the object's workspace."""

    message = "This needs the editor role in the workspace."

    def has_object_permission(self, request: Request, view: APIView, obj: Model) -> bool:
        return role_in(request.user, obj.workspace_id) == Role.EDITOR  # type: ignore[attr-defined]
