"""The annotation domain: workspaces and their members, articles, spans, claims and verdicts."""

from __future__ import annotations

import hashlib
import uuid
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Length, Upper
from django.db.models.lookups import Exact, GreaterThan, GreaterThanOrEqual
from simple_history.models import HistoricalRecords

from annotations.text import anchor_at, normalize_text

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class Role(models.TextChoices):
    """What a member may do in a workspace."""

    ANNOTATOR = "annotator", "Annotator"
    REVIEWER = "reviewer", "Reviewer"
    EDITOR = "editor", "Editor"


class VerdictState(models.TextChoices):
    """draft → submitted (its reviewer) → published (an editor) → superseded (when an editor
    publishes another verdict on the claim)."""

    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"


JUDGED_STATES = [VerdictState.SUBMITTED, VerdictState.PUBLISHED, VerdictState.SUPERSEDED]
"""A reviewer's final word: submitted, and perhaps published since."""


class AnchorState(models.TextChoices):
    """How a span was placed in its article's current body after the body last changed;
    see ``annotations.reanchor``."""

    ANCHORED = "anchored", "Anchored"
    MOVED = "moved", "Moved"
    FUZZY = "fuzzy", "Fuzzy"
    ORPHANED = "orphaned", "Orphaned"


class ClaimStatus(models.TextChoices):
    """Where a claim stands in review; see ``ClaimQuerySet.with_status``."""

    UNREVIEWED = "unreviewed", "Unreviewed"
    IN_REVIEW = "in_review", "In review"
    AGREED = "agreed", "Agreed"
    DISPUTED = "disputed", "Disputed"
    PUBLISHED = "published", "Published"


def count_of(queryset: models.QuerySet[Any], outer_field: str, distinct: str = "pk") -> Coalesce:
    """A correlated count of the distinct ``distinct`` values of ``queryset`` rows whose
    ``outer_field`` is the outer row.

    A subquery rather than ``Count`` over a join, so that several counts on one row do not
    multiply each other and the outer query needs no ``GROUP BY``.
    """
    counted = (
        queryset.filter(**{outer_field: OuterRef("pk")})
        .order_by()
        .values(outer_field)
        .annotate(n=Count(distinct, distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted), Value(0))


class HistoryContext(models.Model):
    """What every history record keeps besides the row's values: the request that made the
    change, and the workspace, so that history stays scoped after the row is deleted."""

    history_request_id = models.CharField(max_length=200, blank=True)
    history_workspace_id = models.UUIDField(null=True, db_index=True)

    class Meta:
        abstract = True


def track_history(**options: Any) -> HistoricalRecords:
    """History of a model's rows: who changed what, when, through which request."""
    return HistoricalRecords(bases=[HistoryContext], excluded_fields=["updated_at"], **options)


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


language_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
    "Enter a BCP 47 language tag such as 'en', 'de' or 'pt-BR'.",
)


class ArticleQuerySet(WorkspaceScopedQuerySet["Article"]):
    def with_counts(self) -> ArticleQuerySet:
        return self.annotate(
            span_count=count_of(Span.objects.all(), "article"),
            claim_count=count_of(ClaimSpan.objects.all(), "span__article", distinct="claim"),
        )


class Article(Authored):
    """A news text. Spans point into its ``body`` by code-point offsets, so the body is
    stored normalised (NFC, ``\\n`` line endings)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.PROTECT, related_name="articles")
    # Null, not "", is "no url": an article without one is absent, not a second empty url.
    url = models.URLField(max_length=2000, null=True, blank=True)  # noqa: DJ001
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=35, default="en", validators=[language_validator])
    body = models.TextField()
    revision = models.PositiveIntegerField(
        default=1, editable=False, help_text="Number of the body's current revision."
    )

    objects = ArticleQuerySet.as_manager()
    history = track_history()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "url"],
                condition=Q(url__isnull=False),
                name="article_unique_url_per_workspace",
                violation_error_message="An article with this url already exists in the workspace.",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_blank"),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_blank"),
            models.CheckConstraint(
                condition=~Q(body__contains="\r"), name="article_body_newlines_normalised"
            ),
            models.CheckConstraint(condition=Q(revision__gte=1), name="article_revision_positive"),
        ]
        indexes = [
            models.Index(fields=["workspace", "-created_at"], name="article_ws_created_idx"),
            # Search ranks the most recently added matches of a common word (annotations.search).
            models.Index(fields=["-created_at", "-id"], name="article_recent_idx"),
            # Search's ?publisher= (case-insensitive).
            models.Index(Upper("publisher"), name="article_publisher_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Offsets are only stable on the normalised text, whoever writes the row.
        self.body = normalize_text(self.body)
        adding = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            # The first body is revision 1; later ones come from services.article_revise.
            if adding:
                ArticleRevision.objects.create(
                    article=self, number=self.revision, body=self.body, created_by=self.created_by
                )


class ArticleRevision(models.Model):
    """A body an article had: its first, and one more for each change. Spans' offsets
    refer to one of them (``Span.revision``); none is ever changed or removed while the
    article stands."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body = models.TextField()
    body_sha256 = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="article_revision_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="article_revision_number_positive"
            ),
            models.CheckConstraint(
                condition=~Q(body__contains="\r"), name="article_revision_body_normalised"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} revision {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_sha256 = hashlib.sha256(self.body.encode("utf-8")).hexdigest()
        super().save(*args, **kwargs)


class SpanQuerySet(WorkspaceScopedQuerySet["Span"]):
    workspace_path = "article__workspace"


class Span(Authored):
    """A highlighted passage of an article: ``body[start:end] == quote``, with up to
    32 characters of context on each side to find it again if the text changes."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="spans")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    prefix = models.CharField(max_length=32, blank=True)
    suffix = models.CharField(max_length=32, blank=True)
    # The same offsets in UTF-16 code units, as JavaScript counts; kept with the anchor.
    start_utf16 = models.PositiveIntegerField()
    end_utf16 = models.PositiveIntegerField()
    note = models.TextField(blank=True)
    external_id = models.CharField(
        max_length=500,
        blank=True,
        help_text="The id of the Web Annotation this span was imported from, if any.",
    )
    revision = models.PositiveIntegerField(
        default=1,
        help_text="The article revision the offsets and quote refer to: the current one, "
        "unless the span is orphaned.",
    )
    anchor_state = models.CharField(
        max_length=16, choices=AnchorState.choices, default=AnchorState.ANCHORED
    )

    objects = SpanQuerySet.as_manager()
    history = track_history()

    class Meta:
        ordering = ["article", "start", "end"]
        constraints = [
            models.CheckConstraint(condition=Q(start__gte=0), name="span_start_not_negative"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="span_end_after_start"),
            models.CheckConstraint(
                condition=Exact(Length("quote"), F("end") - F("start")),
                name="span_quote_matches_offsets",
            ),
            models.UniqueConstraint(
                fields=["article", "external_id"],
                condition=~Q(external_id=""),
                name="span_imported_once_per_article",
            ),
            models.CheckConstraint(
                condition=Q(
                    start_utf16__gte=F("start"),
                    end_utf16__gte=F("end"),
                    end_utf16__gt=F("start_utf16"),
                ),
                name="span_utf16_offsets_consistent",
            ),
            models.CheckConstraint(
                condition=Q(anchor_state__in=AnchorState.values), name="span_anchor_state_valid"
            ),
            models.CheckConstraint(condition=Q(revision__gte=1), name="span_revision_positive"),
        ]
        indexes = [models.Index(fields=["article", "start"], name="span_article_start_idx")]

    def __str__(self) -> str:
        return f"{self.quote[:40]!r} [{self.start}, {self.end})"

    @property
    def workspace_id(self) -> uuid.UUID:
        return self.article.workspace_id

    def clean(self) -> None:
        if self.article_id is None or self.start is None or self.end is None:
            return
        anchor = anchor_at(self.article.body, self.start, self.end)
        if self.quote and anchor.quote != self.quote:
            raise ValidationError({"quote": "Does not match the article body at these offsets."})
        for field, value in anchor.as_fields().items():
            setattr(self, field, value)
        self.revision = self.article.revision
        self.anchor_state = AnchorState.ANCHORED


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


# Loaded with this app's models: its table is the app's (see factcheck.http.models).
from factcheck.http.models import IdempotencyKey as IdempotencyKey  # noqa: E402
