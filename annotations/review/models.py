"""Review: the rating scale, and reviewers' verdicts on claims, drafted, submitted and
published."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from annotations.claims.models import Claim
from annotations.history.models import track_history
from annotations.workspaces.models import Role, WorkspaceScopedQuerySet, roles_by_workspace

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class VerdictState(models.TextChoices):
    """draft → submitted (its reviewer) → published (an editor) → superseded (when an editor
    publishes another verdict on the claim)."""

    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"


JUDGED_STATES = [VerdictState.SUBMITTED, VerdictState.PUBLISHED, VerdictState.SUPERSEDED]
"""A reviewer's final word: submitted, and perhaps published since."""


class Rating(models.Model):
    """A point of the installation's rating scale. ``value`` orders the ordinal ratings
    (higher is more accurate); it is null for ratings outside the scale."""

    slug = models.SlugField(max_length=64, primary_key=True)
    label = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    value = models.SmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(-100), MaxValueValidator(100)]
    )

    class Meta:
        ordering = [F("value").desc(nulls_last=True), "slug"]
        constraints = [models.UniqueConstraint(fields=["value"], name="rating_unique_value")]

    def __str__(self) -> str:
        return self.label


def verdict_completeness_errors(explanation: str, sources: list[Any]) -> dict[str, str]:
    """What a verdict lacks to leave the draft state: an explanation and at least one
    source."""
    errors = {}
    if not explanation.strip():
        errors["explanation"] = "A submitted or published verdict needs an explanation."
    if not sources:
        errors["sources"] = "A submitted or published verdict needs at least one source."
    return errors


def validate_sources(sources: Any) -> None:
    """Sources are a list of ``{"url": ..., "title": ...}`` objects."""
    if not isinstance(sources, list) or not all(
        isinstance(source, dict) and isinstance(source.get("url"), str) and source["url"]
        for source in sources
    ):
        raise ValidationError("Enter a list of objects, each with a url and a title.")


class VerdictQuerySet(WorkspaceScopedQuerySet["Verdict"]):
    workspace_path = "claim__workspace"

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> VerdictQuerySet:
        """Members' verdicts, but blind for reviewers: until a reviewer has submitted their own
        verdict on a claim, other reviewers' unpublished verdicts on it are hidden from them."""
        visible: VerdictQuerySet = super().visible_to(user)  # type: ignore[assignment]
        if not user.is_authenticated:
            return visible
        reviewing = [
            workspace
            for workspace, role in roles_by_workspace(user).items()
            if role == Role.REVIEWER
        ]
        judged = Verdict.objects.filter(reviewer_id=user.pk, state__in=JUDGED_STATES)
        # Written as a filter of what may be seen rather than an exclude of what may not:
        # the same rows, in SQL that Django compiles and PostgreSQL plans many times faster.
        return visible.filter(
            Q(state__in=[VerdictState.PUBLISHED, VerdictState.SUPERSEDED])
            | Q(reviewer_id=user.pk)
            | ~Q(claim__workspace_id__in=reviewing)
            | Q(claim_id__in=judged.values("claim_id"))
        )


class Verdict(models.Model):
    """One reviewer's rating of a claim, with an explanation and sources; a draft until an
    editor publishes it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="verdicts")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts"
    )
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts")
    explanation = models.TextField(blank=True)
    sources = models.JSONField(default=list, blank=True, validators=[validate_sources])
    state = models.CharField(
        max_length=16, choices=VerdictState.choices, default=VerdictState.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    publisher_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who published the fact-check, when not this installation (FACTCHECK_ORG_NAME):"
        " an imported ClaimReview's author.",
    )
    publisher_url = models.URLField(
        max_length=2000, blank=True, help_text="The publisher's site, with publisher_name."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VerdictQuerySet.as_manager()
    history = track_history()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "reviewer"],
                name="verdict_one_per_reviewer_per_claim",
                violation_error_message="You already have a verdict on this claim.",
            ),
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(state=VerdictState.PUBLISHED),
                name="verdict_one_published_per_claim",
            ),
            models.CheckConstraint(
                condition=(
                    Q(state=VerdictState.DRAFT, submitted_at__isnull=True)
                    | (~Q(state=VerdictState.DRAFT) & Q(submitted_at__isnull=False))
                ),
                name="verdict_submitted_at_matches_state",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        state__in=[VerdictState.DRAFT, VerdictState.SUBMITTED],
                        published_at__isnull=True,
                    )
                    | Q(
                        state__in=[VerdictState.PUBLISHED, VerdictState.SUPERSEDED],
                        published_at__isnull=False,
                    )
                ),
                name="verdict_published_at_matches_state",
            ),
            models.CheckConstraint(
                condition=Q(state=VerdictState.DRAFT) | ~Q(explanation=""),
                name="verdict_explained_unless_draft",
            ),
            models.CheckConstraint(
                condition=Q(state__in=VerdictState.values), name="verdict_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating_id} on {self.claim_id} by {self.reviewer_id}"

    @property
    def workspace_id(self) -> uuid.UUID:
        return self.claim.workspace_id
