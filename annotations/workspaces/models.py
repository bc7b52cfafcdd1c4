"""Workspaces (desks or newsrooms), their members and roles, and the scoping of everything
members create to the workspaces they belong to."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class Role(models.TextChoices):
    """What a member may do in a workspace."""

    ANNOTATOR = "annotator", "Annotator"
    REVIEWER = "reviewer", "Reviewer"
    EDITOR = "editor", "Editor"


class WorkspaceQuerySet(models.QuerySet["Workspace"]):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> WorkspaceQuerySet:
        return self.filter(pk__in=list(roles_by_workspace(user)))


class Workspace(models.Model):
    """A desk or newsroom: it holds articles (and so their spans, claims and verdicts),
    kept apart from every other workspace."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    members: models.ManyToManyField[Any, Membership] = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="workspaces"
    )

    objects = WorkspaceQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class Membership(models.Model):
    """A user's role in one workspace."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["workspace__slug", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "user"], name="membership_unique_user_per_workspace"
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role} in {self.workspace})"


_ROLES_ATTRIBUTE = "_factcheck_roles_by_workspace"


def roles_by_workspace(user: AbstractBaseUser | AnonymousUser) -> dict[uuid.UUID, str]:
    """The user's role in each of their workspaces, read once per user object (per request;
    token authentication reads them with the token). Querysets scope by these ids rather
    than by a subquery of memberships: a one-shot view's SQL held nine such subqueries, and
    building and compiling it took longer than running it (docs/benchmarks.md)."""
    if not user.is_authenticated:
        return {}
    cached: dict[uuid.UUID, str] | None = getattr(user, _ROLES_ATTRIBUTE, None)
    if cached is None:
        cached = dict(
            Membership.objects.filter(user_id=user.pk).values_list("workspace_id", "role")
        )
        remember_roles(user, cached)
    return cached


def remember_roles(user: AbstractBaseUser, roles: dict[uuid.UUID, str]) -> None:
    setattr(user, _ROLES_ATTRIBUTE, roles)


M = TypeVar("M", bound=models.Model)


class WorkspaceScopedQuerySet(models.QuerySet[M], Generic[M]):
    """A queryset that knows the path from its rows to their workspace."""

    workspace_path = "workspace"

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> WorkspaceScopedQuerySet[M]:
        """The rows of the workspaces ``user`` is a member of, and no others."""
        workspace_ids = list(roles_by_workspace(user))
        return self.filter(**{f"{self.workspace_path}_id__in": workspace_ids})

    def with_usernames(self, *relations: str) -> Self:
        """Join the users that ``relations`` point to, reading only their usernames (all the
        API shows of them): whole user rows made reading a list of spans a quarter slower."""
        own = [field.name for field in self.model._meta.concrete_fields]
        usernames = [f"{relation}__username" for relation in relations]
        return self.select_related(*relations).only(*own, *usernames)


class Authored(models.Model):
    """Identity and bookkeeping shared by everything members create."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
