from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from annotations.api.permissions import WorkspaceRolePermission
from annotations.review.models import VerdictState
from annotations.workspaces.access import role_in
from annotations.workspaces.models import Role


class IsStaffOrReadOnly(BasePermission):
    """The installation-wide rating scale: everyone reads, staff users change it."""

    message = "Only staff users may change the rating scale."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_staff)


class VerdictPermission(WorkspaceRolePermission):
    """As for other work, except that a reviewer's verdict is theirs only while it is a
    draft; once submitted it is the editors'."""

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        if not super().has_object_permission(request, view, obj):
            return False
        if request.method in SAFE_METHODS or obj.state == VerdictState.DRAFT:
            return True
        self.message = f"A {obj.state} verdict can be changed only by an editor."
        return role_in(request.user, obj.workspace_id) == Role.EDITOR
