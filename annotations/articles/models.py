"""Articles, the bodies they have had (revisions), and the spans highlighted in them."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Length, Upper
from django.db.models.lookups import Exact

from annotations.articles.reanchor import AnchorState
from annotations.articles.text import anchor_at, normalize_text
from annotations.history.models import track_history
from annotations.workspaces.models import Authored, Workspace, WorkspaceScopedQuerySet
from factcheck.db import count_of

language_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
    "Enter a BCP 47 language tag such as 'en', 'de' or 'pt-BR'.",
)


class ArticleQuerySet(WorkspaceScopedQuerySet["Article"]):
    def with_counts(self) -> ArticleQuerySet:
        # Claims cite spans: they build on articles, and are read here only when counted.
        from annotations.claims.models import ClaimSpan

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
            # The first body is revision 1; later ones from services.article_update.
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


EVERY_ARTICLE = uuid.UUID(int=0)
"""The ``AnnotationVersion`` row counting the changes that alter every article's annotations
(a user's or a workspace's new name)."""


class AnnotationVersion(models.Model):
    """How many times what is annotated on an article has changed: its own fields, its spans,
    the claims citing them and their verdicts. Counted by database triggers in the
    transaction of each change (migration 0015), so that no code path can forget it; read
    rendered annotations are kept under it (``annotations.articles.ready``).

    An article without a row has had no change since it was created (version 0). The row
    ``EVERY_ARTICLE`` counts the changes that alter them all. There is no foreign key: a row
    may outlive its article without harm, and the triggers write rows before Django deletes
    the article's."""

    article_id = models.UUIDField(primary_key=True)
    version = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.article_id} version {self.version}"
