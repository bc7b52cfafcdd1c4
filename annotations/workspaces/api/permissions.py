from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from annotations.workspaces import access
from annotations.workspaces.models import Role


class IsEditorOfWorkspaceOrReadOnly(BasePermission):
    message = "Managing members needs the editor role in the workspace."

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return access.role_in(request.user, view.workspace.pk) == Role.EDITOR  # type: ignore[attr-defined]
