"""Domain operations that involve more than one row or rule. Callers are the API and the
management commands; errors are Django exceptions or ``Conflict``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from annotations.articles.models import Article, ArticleRevision, Span
from annotations.articles.reanchor import AnchorState, BodyChange
from annotations.articles.text import Anchor, Utf16Offsets, normalize_text, resolve_anchor
from annotations.claims.models import Claim
from annotations.history.entries import history_context
from annotations.interop import webannotation
from annotations.review.models import Verdict, VerdictState, verdict_completeness_errors
from annotations.workspaces import access
from annotations.workspaces.models import Membership, Role, Workspace
from factcheck.db import bulk_update_rows, record_creations
from factcheck.errors import Conflict

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

DEFAULT_WORKSPACE_SLUG = "newsroom"


def _locked_body(article: Article) -> tuple[str, int]:
    """The article's body as committed and its revision number, its row locked until the
    transaction ends, so that the body cannot change under a span being anchored."""
    return Article.objects.select_for_update().values_list("body", "revision").get(pk=article.pk)


@dataclass(frozen=True)
class ReanchorReport:
    """What a change of body did to the article's spans."""

    revision: int
    counts: dict[str, int]
    spans: dict[str, list[Any]]
    """Ids of the spans that were not shifted exactly, by state (moved, fuzzy, orphaned)."""


@transaction.atomic
def article_update(
    article: Article, changes: dict[str, Any], *, by: AbstractBaseUser
) -> ReanchorReport | None:
    """Apply ``changes`` to ``article``. A new body becomes a new revision and every span is
    re-anchored in it (``annotations.articles.reanchor``); the report says how, or is ``None`` when
    the body did not change."""
    report = None
    for field, value in changes.items():
        if field == "body":
            report = _revise_body(article, normalize_text(value), by=by)
        else:
            setattr(article, field, value)
    article.save()
    return report


def _revise_body(article: Article, body: str, *, by: AbstractBaseUser) -> ReanchorReport | None:
    current_body, current_revision = _locked_body(article)
    article.body, article.revision = current_body, current_revision
    if body == current_body:
        return None
    number = current_revision + 1
    ArticleRevision.objects.create(article=article, number=number, body=body, created_by_id=by.pk)
    spans = list(Span.objects.filter(article=article).order_by("start", "pk"))
    # Orphaned spans are tried again from the revision their offsets refer to.
    old_bodies = dict(
        ArticleRevision.objects.filter(
            article=article, number__in={span.revision for span in spans}
        ).values_list("number", "body")
    )
    changes = {revision: BodyChange(old, body) for revision, old in old_bodies.items()}
    placed: dict[str, list[Any]] = {state: [] for state in AnchorState.values}
    now = timezone.now()
    for span in spans:
        placement = changes[span.revision].place(
            span.start, span.end, span.quote, span.prefix, span.suffix
        )
        if placement.anchor is not None:
            for field, value in placement.anchor.as_fields().items():
                setattr(span, field, value)
            span.revision = number
        span.anchor_state = _state_after(span.anchor_state, placement.state)
        span.updated_at = now
        placed[placement.state].append(span.pk)
    bulk_update_rows(spans, [*Anchor.fields(), "revision", "anchor_state", "updated_at"])
    Span.history.bulk_history_create(
        spans,
        update=True,
        default_user=by,
        custom_historical_attrs=history_context(article.workspace_id),
    )
    article.body, article.revision = body, number
    return ReanchorReport(
        revision=number,
        counts={state: len(ids) for state, ids in placed.items()},
        spans={state: ids for state, ids in placed.items() if state != AnchorState.ANCHORED},
    )


_NEEDS_REVIEW: list[str] = [AnchorState.ANCHORED, AnchorState.MOVED, AnchorState.FUZZY]
"""Anchor states from least to most in need of a person's review."""


def _state_after(state: str, placed: str) -> str:
    """A moved or fuzzy span stays so, through exact shifts, until a person anchors it anew
    (``span_anchor``); an orphaned span found again is as this placement found it."""
    if placed == AnchorState.ORPHANED or state == AnchorState.ORPHANED:
        return placed
    return max(state, placed, key=_NEEDS_REVIEW.index)


class LockedBodies:
    """Article bodies read under their row locks, each once, for anchoring many spans; and
    the changes from earlier revisions to them, each diffed once."""

    def __init__(self) -> None:
        self._bodies: dict[Any, tuple[str, int, Utf16Offsets]] = {}
        self._changes: dict[tuple[Any, int], BodyChange] = {}

    def of(self, article: Article) -> tuple[str, int, Utf16Offsets]:
        """The article's body, its revision, and the body's UTF-16 offsets."""
        if article.pk not in self._bodies:
            body, revision = _locked_body(article)
            self._bodies[article.pk] = (body, revision, Utf16Offsets(body))
        return self._bodies[article.pk]

    def change_since(self, article: Article, revision: int) -> BodyChange:
        """The change from the article's body at ``revision`` to its current body."""
        key = (article.pk, revision)
        if key not in self._changes:
            body, current, _ = self.of(article)
            old = (
                ArticleRevision.objects.filter(article=article, number=revision)
                .values_list("body", flat=True)
                .first()
            )
            if old is None or revision > current:
                raise ValidationError(
                    {
                        "revision": f"The article has no revision {revision}; its current one is "
                        f"{current}."
                    }
                )
            self._changes[key] = BodyChange(old, body)
        return self._changes[key]


def span_anchor(
    article: Article,
    *,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    prefix: str = "",
    suffix: str = "",
    offset_unit: str = "code_point",
    revision: int | None = None,
    bodies: LockedBodies | None = None,
) -> dict[str, Any]:
    """The fields of a span anchored in the article's current body (see
    ``text.resolve_anchor``), holding the article's row lock so that its body cannot change
    before the span is saved (so it runs in a transaction: a request's, or the caller's).
    ``bodies`` shares the read among the spans of one request.

    Offsets (or a quote's place) computed on an earlier ``revision`` of the body are read in
    that revision, and the passage is placed in the current body as a correction would have
    placed it (``reanchor``): anchored, moved or fuzzy. A passage that no longer stands in
    the body is a ``Conflict``: no span is made for text that is gone."""
    bodies = bodies or LockedBodies()
    body, current, utf16 = bodies.of(article)
    locate = partial(
        resolve_anchor,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        offset_unit=offset_unit,
    )
    if revision is None or revision == current:
        anchor = locate(body, utf16=utf16)
        return {**anchor.as_fields(), "revision": current, "anchor_state": AnchorState.ANCHORED}
    change = bodies.change_since(article, revision)
    then = locate(change.old)
    placement = change.place(then.start, then.end, then.quote, then.prefix, then.suffix)
    if placement.anchor is None:
        raise Conflict(
            f"The passage {then.quote!r} of revision {revision} is no longer in the article "
            f"(revision {current}): read the current body and anchor the span anew."
        )
    return {**placement.anchor.as_fields(), "revision": current, "anchor_state": placement.state}


def spans_create(rows: list[dict[str, Any]]) -> list[Span]:
    """Create many validated spans of one author at once, with their history: one insert for
    the spans and one for their history records per workspace, rather than two per span."""
    if not rows:
        return []
    by = rows[0]["created_by"]
    spans = Span.objects.bulk_create(Span(**row) for row in rows)
    by_workspace: dict[Any, list[Span]] = {}
    for span in spans:
        by_workspace.setdefault(span.article.workspace_id, []).append(span)
    for workspace_id, created in by_workspace.items():
        record_creations(
            Span,
            [span.pk for span in created],
            user_id=by.pk,
            context=history_context(workspace_id),
        )
    return spans


@transaction.atomic
def verdict_submit(verdict: Verdict) -> Verdict:
    """A reviewer's final word: a draft with an explanation and sources becomes submitted,
    counts towards agreement, and lifts the blind on the claim for its reviewer."""
    verdict = Verdict.objects.select_for_update().get(pk=verdict.pk)
    if verdict.state != VerdictState.DRAFT:
        raise Conflict(f"Only a draft can be submitted; this verdict is {verdict.state}.")
    errors = verdict_completeness_errors(verdict.explanation, verdict.sources)
    if errors:
        raise ValidationError(errors)
    verdict.state = VerdictState.SUBMITTED
    verdict.submitted_at = timezone.now()
    verdict.save(update_fields=["state", "submitted_at", "updated_at"])
    return verdict


def verdict_check_deletable(verdict: Verdict) -> None:
    """A verdict that was published is part of the public record: it stays."""
    if verdict.state in (VerdictState.PUBLISHED, VerdictState.SUPERSEDED):
        raise Conflict(
            f"A {verdict.state} verdict cannot be deleted: it is part of what was published. "
            "Publish another verdict to replace it."
        )


@transaction.atomic
def verdict_publish(verdict: Verdict) -> Verdict:
    """Publish a submitted (or earlier superseded) verdict. The claim's published verdict, if
    any, becomes superseded: one published verdict per claim at a time."""
    # Publications of one claim queue on its row.
    Claim.objects.select_for_update().filter(pk=verdict.claim_id).first()
    verdict = Verdict.objects.select_for_update().get(pk=verdict.pk)
    if verdict.state == VerdictState.DRAFT:
        raise Conflict("A draft cannot be published; its reviewer submits it first.")
    if verdict.state == VerdictState.PUBLISHED:
        raise Conflict("This verdict is already published.")
    now = timezone.now()
    # Saved one by one, not updated in bulk, so that the history records the change.
    for published in Verdict.objects.filter(
        claim_id=verdict.claim_id, state=VerdictState.PUBLISHED
    ):
        published.state = VerdictState.SUPERSEDED
        published.save(update_fields=["state", "updated_at"])
    verdict.state = VerdictState.PUBLISHED
    verdict.published_at = now
    verdict.save(update_fields=["state", "published_at", "updated_at"])
    return verdict


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
def claims_link(claim: Claim, other: Claim, *, by: AbstractBaseUser) -> uuid.UUID:
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


@dataclass(frozen=True)
class ImportResult:
    index: int
    id: str
    status: str  # created, exists or rejected
    span: Span | None = None
    reason: str = ""


@transaction.atomic
def annotations_import(article: Article, items: list[Any], *, by: Any) -> list[ImportResult]:
    """Spans from Web Annotations (or Hypothesis annotations) on ``article``, one result per
    item. An item whose id was imported before is not imported again."""
    body, revision = _locked_body(article)
    results = []
    for index, item in enumerate(items):
        external_id = str(item.get("id") or "")[:500] if isinstance(item, dict) else ""
        existing = (
            Span.objects.filter(article=article, external_id=external_id).first()
            if external_id
            else None
        )
        if existing is not None:
            results.append(ImportResult(index, external_id, "exists", existing))
            continue
        try:
            anchor = webannotation.locate(body, item)
        except webannotation.ImportRejected as exc:
            results.append(ImportResult(index, external_id, "rejected", reason=str(exc)))
            continue
        span = Span.objects.create(
            article=article,
            created_by=by,
            note=webannotation.note_of(item),
            external_id=external_id,
            revision=revision,
            **anchor.as_fields(),
        )
        results.append(ImportResult(index, external_id, "created", span))
    return results
