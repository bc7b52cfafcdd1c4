"""Reads of workspaces and their members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from annotations.workspaces.models import Membership, Workspace

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def workspaces_for(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Workspace]:
    """The workspaces the user is a member of."""
    return Workspace.objects.visible_to(user)


def members_of(workspace: Workspace) -> QuerySet[Membership]:
    """The workspace's memberships, with their users."""
    return Membership.objects.filter(workspace=workspace).select_related("user")
