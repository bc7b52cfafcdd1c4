"""Who an API token stands for, kept in the shared cache: the user and their role in each
workspace, which every request needs before anything else.

Read from the database, the token, its user and the user's memberships cost a query of
about a third of a millisecond of CPU per request (docs/benchmarks.md); from the cache, a
lookup. The entry is keyed by a hash of the token (the cache never holds a usable token) and
lives ``FACTCHECK_CREDENTIALS_CACHE_SECONDS``.

A change that alters what an entry says, or what its user sees of themselves (a token
deleted, a user changed or deleted, a membership made, changed or removed, a workspace
renamed: ``forget_users``, connected to those models' signals)
replaces its entries with a tombstone for ``TOMBSTONE_SECONDS``, at once and again when the
transaction commits. Entries are only ever added where no key is (``cache.add``), so a
request that read the old state just before the change cannot write it back over the
tombstone: the next request reads the database and sees the change.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import transaction
from rest_framework.authtoken.models import Token

from annotations.workspaces.models import Membership, Workspace
from factcheck.cache import guarded

TOMBSTONE = "forgotten"
TOMBSTONE_SECONDS = 60
"""Longer than any request takes between reading credentials and caching them."""


@functools.cache
def user_fields() -> list[str]:
    """What is kept of a user, in the model's order of fields (as ``from_db`` takes them):
    what authentication and the API read. Anything else is read from the database if asked
    for (a deferred field)."""
    model = get_user_model()
    kept = {"id", model.USERNAME_FIELD, "is_active", "is_staff", "is_superuser"}
    return [field.attname for field in model._meta.concrete_fields if field.attname in kept]


@dataclass(frozen=True)
class Credentials:
    """The user a token stands for, and their role in each of their workspaces."""

    user: tuple[Any, ...]
    """The values of ``user_fields()``."""
    roles: dict[uuid.UUID, str]
    stamp: str = field(default_factory=lambda: uuid.uuid4().hex)
    """New each time the credentials are read from the database, which they are after every
    change to the user, their memberships or their workspaces: what is kept ready for the
    user alone (``GET /me/``) is kept under it."""

    def as_user(self) -> Any:
        """The user, as a model instance whose other fields load when first read."""
        return get_user_model().from_db("default", user_fields(), list(self.user))


def _key(token: str) -> str:
    return "credentials:" + hashlib.sha256(token.encode()).hexdigest()


def cached(token: str) -> Credentials | None:
    """The token's credentials as the cache holds them, or None."""
    found = guarded(lambda: caches["default"].get(_key(token)), None)
    return found if isinstance(found, Credentials) else None


def from_database(token: str) -> Credentials | None:
    """The token's credentials as the database holds them (one query), or None when there
    is no such token; kept in the cache unless a change has just forgotten them."""
    rows = list(
        Token.objects.filter(key=token).values_list(
            *(f"user__{field}" for field in user_fields()),
            "user__memberships__workspace_id",
            "user__memberships__role",
        )
    )
    if not rows:
        return None
    width = len(user_fields())
    credentials = Credentials(
        user=rows[0][:width],
        roles={row[width]: row[width + 1] for row in rows if row[width] is not None},
    )
    timeout = settings.FACTCHECK_CREDENTIALS_CACHE_SECONDS
    guarded(lambda: caches["default"].add(_key(token), credentials, timeout), None)
    return credentials


def forget_users(user_ids: Iterable[Any]) -> None:
    """Make the cache forget the credentials of these users' tokens."""
    tokens = list(Token.objects.filter(user_id__in=list(user_ids)).values_list("key", flat=True))
    forget_tokens(tokens)


def forget_tokens(tokens: list[str]) -> None:
    if not tokens:
        return

    def bury() -> None:
        caches["default"].set_many(
            {_key(token): TOMBSTONE for token in tokens}, timeout=TOMBSTONE_SECONDS
        )

    guarded(bury, None)
    # Again once the change is visible to others: a request that read the old state between
    # the first burial and the commit, and cached it, is overwritten.
    transaction.on_commit(lambda: guarded(bury, None))


def on_token_change(sender: Any, instance: Token, created: bool = False, **kwargs: Any) -> None:
    if not created:  # A new token has nothing cached yet.
        forget_tokens([instance.key])


def on_user_change(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    if not created:  # A new user has no token yet.
        forget_users([instance.pk])


def on_membership_change(sender: Any, instance: Membership, **kwargs: Any) -> None:
    forget_users([instance.user_id])


def on_workspace_change(
    sender: Any, instance: Workspace, created: bool = False, **kwargs: Any
) -> None:
    if not created:  # Its members see its slug and name (GET /me/).
        forget_users(instance.memberships.values_list("user_id", flat=True))
