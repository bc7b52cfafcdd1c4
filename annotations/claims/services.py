"""Claims linked as the same claim: groups, and who may change them; claims' vectors for
matching's semantic stage."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from annotations.claims import embedding
from annotations.claims.models import Claim, ClaimEmbedding
from annotations.review.models import Verdict, VerdictState
from annotations.workspaces import access
from annotations.workspaces.models import Role, Workspace

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


def _lock_for_regrouping(workspace_id: Any, claims: Q) -> list[Claim]:
    """Lock the workspace row, then the claims that ``claims`` selects (read once the
    workspace is locked), in order of id; return those claims as they now are.

    Every change of groups takes its locks in this one order: changes in one workspace queue
    on its row, groups cannot change while one is read, and no two changes each hold a claim
    the other waits for (a deadlock). Verdicts are published under their claim's lock, so no
    verdict of these claims is published until the change commits.
    """
    Workspace.objects.select_for_update().filter(pk=workspace_id).first()
    return list(
        Claim.objects.select_for_update(of=("self",))
        .filter(claims, workspace_id=workspace_id)
        .order_by("pk")
    )


def _groups_of(*claims: Claim) -> Q:
    """The claims of the groups that ``claims`` (as stored) are in, and the claims."""
    pks = [claim.pk for claim in claims]
    in_groups = Claim.objects.filter(pk__in=pks, group__isnull=False).values("group")
    return Q(pk__in=pks) | Q(group__in=in_groups)


def _require_may_regroup(by: AbstractBaseUser, claim: Claim, group: list[Claim]) -> None:
    """Who may link or unlink ``claim``, whose group is (or becomes) ``group``.

    Editors may regroup any claims. A group with a published verdict is what the public
    ClaimReview feed shows (the verdict is shared by the whole group, with every article the
    group appears in), so changing it is an editor's act. Otherwise annotators may link and
    unlink the claims they created."""
    role = access.role_in(by, claim.workspace_id)
    if role == Role.EDITOR:
        return
    access.require_role(by, claim.workspace_id, access.ROLES_THAT_ANNOTATE)
    if claim.created_by_id != by.pk:
        raise PermissionDenied("Only its author or an editor may link or unlink this claim.")
    published = Verdict.objects.filter(
        claim__in=[member.pk for member in group], state=VerdictState.PUBLISHED
    )
    if published.exists():
        raise PermissionDenied(
            "This changes a published fact-check (a claim in the group has a published "
            "verdict), which the public feed shows: only an editor may do it."
        )


@transaction.atomic
def claim_link(claim: Claim, other: Claim, *, by: AbstractBaseUser) -> uuid.UUID:
    """Record that ``claim`` and ``other`` are the same claim: their groups become one, which
    shares a published verdict in the ClaimReview feed. Returns the group."""
    if claim.pk == other.pk:
        raise ValidationError({"other": "A claim is the same as itself already."})
    if claim.workspace_id != other.workspace_id:
        raise ValidationError({"other": "Only claims of one workspace can be linked."})
    members = _lock_for_regrouping(claim.workspace_id, _groups_of(claim, other))
    by_id = {member.pk: member for member in members}
    claim, other = by_id[claim.pk], by_id[other.pk]
    _require_may_regroup(by, claim, members)
    group = claim.group or other.group or uuid.uuid4()
    # Saved one by one, so that the history records each claim's new group.
    for member in members:
        if member.group != group:
            member.group = group
            member.save(update_fields=["group", "updated_at"])
    return group


@transaction.atomic
def claim_unlink(claim: Claim, *, by: AbstractBaseUser) -> None:
    """Take ``claim`` out of its group; a group left with one claim is no group."""
    members = _lock_for_regrouping(claim.workspace_id, _groups_of(claim))
    claim = next(member for member in members if member.pk == claim.pk)
    if claim.group is None:
        return
    _require_may_regroup(by, claim, members)
    rest = [member for member in members if member != claim]
    for member in [claim, *rest] if len(rest) == 1 else [claim]:
        member.group = None
        member.save(update_fields=["group", "updated_at"])


def embed_claims(claims: Iterable[Claim]) -> int:
    """Store each claim's vector by the configured model (``embedding``), replacing an older
    one; nothing without a model. Called where claims are written: a claim created or changed
    through the API, an archive imported, ``manage.py embed_claims``. Returns how many."""
    encoder = embedding.configured()
    claims = list(claims)
    if encoder is None or not claims:
        return 0
    vectors = encoder.encode([embedding.sentence(claim) for claim in claims])
    ClaimEmbedding.objects.bulk_create(
        [
            ClaimEmbedding(
                claim_id=claim.pk, model=encoder.fingerprint, vector=embedding.as_bytes(vector)
            )
            for claim, vector in zip(claims, vectors, strict=True)
        ],
        update_conflicts=True,
        unique_fields=["claim"],
        update_fields=["model", "vector"],
    )
    return len(claims)
