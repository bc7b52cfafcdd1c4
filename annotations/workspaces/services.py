"""Workspaces, their members and roles: a workspace always keeps an editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from rest_framework.authtoken.models import Token

from annotations.workspaces.models import Membership, Role, Workspace
from factcheck.errors import Conflict

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

DEFAULT_WORKSPACE_SLUG = "newsroom"


def workspace_get_or_create(slug: str, name: str | None = None) -> Workspace:
    validate_slug(slug)
    workspace, _ = Workspace.objects.get_or_create(
        slug=slug, defaults={"name": name or slug.replace("-", " ").title()}
    )
    return workspace


def _check_keeps_an_editor(membership: Membership) -> None:
    # Changes to one workspace's members queue on its row, so two editors stepping down at
    # once cannot both see the other as the one who stays.
    Workspace.objects.select_for_update().filter(pk=membership.workspace_id).first()
    others = Membership.objects.filter(workspace=membership.workspace, role=Role.EDITOR).exclude(
        pk=membership.pk
    )
    if membership.role == Role.EDITOR and not others.exists():
        raise Conflict(
            f"{membership.user} is the last editor of {membership.workspace}; "
            "make someone else editor first."
        )


@transaction.atomic
def membership_set_role(workspace: Workspace, user: AbstractBaseUser, role: str) -> Membership:
    """Make ``user`` a member of ``workspace`` with ``role``, or change their role."""
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .filter(workspace=workspace, user_id=user.pk)
        .order_by()
        .first()
    )
    if membership is None:
        return Membership.objects.create(workspace=workspace, user_id=user.pk, role=role)
    if role != Role.EDITOR:
        _check_keeps_an_editor(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(membership: Membership) -> None:
    _check_keeps_an_editor(membership)
    membership.delete()


@transaction.atomic
def user_create_or_add_role(
    username: str,
    *,
    role: str,
    workspace_slug: str = DEFAULT_WORKSPACE_SLUG,
    password: str | None = None,
) -> tuple[AbstractBaseUser, bool]:
    """Create a user (or find an existing one) and give them ``role`` in the workspace,
    creating the workspace if needed. Returns the user and whether it was created."""
    user_model = get_user_model()
    UnicodeUsernameValidator()(username)
    if not username:
        raise ValidationError({"username": "Must not be empty."})
    user, created = user_model.objects.get_or_create(username=username)
    if password is not None:
        user.set_password(password)
        user.save(update_fields=["password"])
    elif created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    membership_set_role(workspace_get_or_create(workspace_slug), user, role)
    return user, created


def token_for(user: AbstractBaseUser) -> str:
    """The user's API token, made the first time they log in."""
    token, _ = Token.objects.get_or_create(user=user)
    return str(token.key)
