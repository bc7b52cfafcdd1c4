"""Claims: checkable statements, cited by spans of articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Length
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual

from annotations.articles.models import Span, language_validator
from annotations.history.models import track_history
from annotations.workspaces.models import Authored, Workspace, WorkspaceScopedQuerySet
from factcheck.db import count_of

if TYPE_CHECKING:
    from annotations.review.models import Verdict


class ClaimStatus(models.TextChoices):
    """Where a claim stands in review; see ``ClaimQuerySet.with_status``."""

    UNREVIEWED = "unreviewed", "Unreviewed"
    IN_REVIEW = "in_review", "In review"
    AGREED = "agreed", "Agreed"
    DISPUTED = "disputed", "Disputed"
    PUBLISHED = "published", "Published"


class ClaimSpan(models.Model):
    """A claim citing a span. A cited span cannot be deleted (``PROTECT``)."""

    claim = models.ForeignKey("Claim", on_delete=models.CASCADE, related_name="+")
    span = models.ForeignKey(Span, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "claim citation"
        constraints = [
            models.UniqueConstraint(fields=["claim", "span"], name="claimspan_unique_pair")
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} cites {self.span_id}"

    def clean(self) -> None:
        if (
            self.claim_id
            and self.span_id
            and (self.span.article.workspace_id != self.claim.workspace_id)
        ):
            raise ValidationError({"span": "The span belongs to another workspace."})


class ClaimQuerySet(WorkspaceScopedQuerySet["Claim"]):
    def with_status(self, verdicts: models.QuerySet[Verdict] | None = None) -> ClaimQuerySet:
        """Annotate ``verdict_count`` and ``status`` from ``verdicts`` (all by default; the
        ones a user may see, so that blind review does not leak through a claim):
        ``published`` with a published verdict; else ``disputed`` when judged verdicts
        disagree; else ``agreed`` with at least ``FACTCHECK_QUORUM`` judged verdicts; else
        ``in_review`` with any verdict; else ``unreviewed``."""
        # Verdicts belong to the review domain, which builds on claims.
        from annotations.review.models import JUDGED_STATES, Verdict, VerdictState

        verdicts = Verdict.objects.all() if verdicts is None else verdicts
        judged = Q(state__in=JUDGED_STATES)
        # One correlated subquery decides from the claim's verdicts grouped together; the
        # status of a claim without verdicts is the NULL it returns.
        decided = (
            verdicts.filter(claim=OuterRef("pk"))
            .order_by()
            .values("claim")
            .annotate(
                status=models.Case(
                    models.When(
                        GreaterThan(Count("pk", filter=Q(state=VerdictState.PUBLISHED)), 0),
                        then=Value(ClaimStatus.PUBLISHED),
                    ),
                    models.When(
                        GreaterThan(Count("rating", filter=judged, distinct=True), 1),
                        then=Value(ClaimStatus.DISPUTED),
                    ),
                    models.When(
                        GreaterThanOrEqual(Count("pk", filter=judged), settings.FACTCHECK_QUORUM),
                        then=Value(ClaimStatus.AGREED),
                    ),
                    default=Value(ClaimStatus.IN_REVIEW),
                    output_field=models.CharField(),
                )
            )
            .values("status")
        )
        return self.annotate(
            verdict_count=count_of(verdicts, "claim"),
            status=Coalesce(Subquery(decided), Value(ClaimStatus.UNREVIEWED)),
        )


class Claim(Authored):
    """A checkable statement, who made it and when, cited by spans in one or more
    articles of its workspace."""

    workspace = models.ForeignKey(Workspace, on_delete=models.PROTECT, related_name="claims")
    text = models.TextField()
    claimant = models.CharField(max_length=300, blank=True)
    claim_date = models.DateField(null=True, blank=True)
    review_url = models.URLField(
        max_length=2000,
        blank=True,
        help_text="The published fact-check page, when it is not FACTCHECK_SITE_URL's.",
    )
    language = models.CharField(
        max_length=35,
        default="en",
        validators=[language_validator],
        help_text="BCP 47 tag of the claim's language; search stems its words by it.",
    )
    group = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Claims linked as the same claim share a group; null for a claim alone.",
    )
    spans: models.ManyToManyField[Span, ClaimSpan] = models.ManyToManyField(
        Span, through=ClaimSpan, related_name="claims", blank=True
    )

    objects = ClaimQuerySet.as_manager()
    history = track_history(m2m_fields=[spans])

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="claim_text_not_blank")]
        indexes = [
            models.Index(fields=["workspace", "-created_at"], name="claim_ws_created_idx"),
            models.Index(fields=["-created_at", "-id"], name="claim_recent_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ClaimEmbedding(models.Model):
    """A claim's sentence vector for matching's semantic stage (``embedding``): float32 unit
    vector bytes, and the fingerprint of the model that made it. Kept apart from the claim's
    row so that the claim's history does not carry it; computed again when the claim's words
    change or the model does."""

    claim = models.OneToOneField(
        Claim, on_delete=models.CASCADE, primary_key=True, related_name="embedding"
    )
    model = models.CharField(max_length=64)
    vector = models.BinaryField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=GreaterThan(Length("vector"), 0),
                name="claimembedding_vector_not_empty",
            )
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} by {self.model}"
