"""The review workflow: a verdict is submitted by its reviewer, published by an editor, and
once published stays in the public record."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from annotations.claims.models import Claim
from annotations.review.models import Verdict, VerdictState, verdict_completeness_errors
from factcheck.errors import Conflict


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
