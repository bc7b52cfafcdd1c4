from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from annotations.articles.models import Article, Span
from annotations.articles.services import article_update
from annotations.claims.models import Claim, ClaimSpan
from annotations.review.models import Rating, Verdict, VerdictState
from annotations.review.services import verdict_publish
from annotations.workspaces.models import Membership, Workspace
from factcheck.errors import Conflict


class AuthoredAdmin(admin.ModelAdmin[Any]):
    """What an admin adds is theirs."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class MembershipInline(admin.TabularInline[Membership, Workspace]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Workspace)
class WorkspaceAdmin(admin.ModelAdmin[Workspace]):
    list_display = ["slug", "name", "created_at"]
    search_fields = ["slug", "name"]
    inlines = [MembershipInline]


@admin.register(Article)
class ArticleAdmin(AuthoredAdmin):
    list_display = ["title", "workspace", "publisher", "language", "published_at", "created_by"]
    list_filter = ["workspace", "language"]
    search_fields = ["title", "url", "publisher"]
    list_select_related = ["workspace", "created_by"]
    readonly_fields = ["revision", "created_by", "created_at", "updated_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        if change and "body" in form.changed_data:
            # A new body is a new revision, with the spans re-anchored in it, as in the API.
            article_update(obj, {"body": obj.body}, by=request.user)  # type: ignore[arg-type]
        else:
            super().save_model(request, obj, form, change)


@admin.register(Span)
class SpanAdmin(AuthoredAdmin):
    list_display = ["__str__", "article", "created_by", "created_at"]
    list_select_related = ["article", "created_by"]
    search_fields = ["quote", "note"]
    raw_id_fields = ["article"]
    # Span.clean() takes the quote and its context from the body at the offsets.
    readonly_fields = [
        "quote",
        "prefix",
        "suffix",
        "start_utf16",
        "end_utf16",
        "revision",
        "anchor_state",
        "created_by",
        "created_at",
        "updated_at",
    ]


class ClaimSpanInline(admin.TabularInline[ClaimSpan, Claim]):
    model = ClaimSpan
    extra = 0
    raw_id_fields = ["span"]


@admin.register(Claim)
class ClaimAdmin(AuthoredAdmin):
    list_display = ["__str__", "workspace", "claimant", "claim_date", "created_by"]
    list_filter = ["workspace"]
    list_select_related = ["workspace", "created_by"]
    search_fields = ["text", "claimant"]
    inlines = [ClaimSpanInline]
    readonly_fields = ["created_by", "created_at", "updated_at"]


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin[Verdict]):
    list_display = ["claim", "reviewer", "rating", "state", "published_at"]
    list_filter = ["state", "rating"]
    list_select_related = ["claim", "reviewer", "rating"]
    raw_id_fields = ["claim"]
    readonly_fields = ["state", "published_at", "created_at", "updated_at"]
    actions = ["publish"]

    @admin.action(description="Publish the selected verdicts")
    def publish(self, request: HttpRequest, queryset: QuerySet[Verdict]) -> None:
        for verdict in queryset.exclude(state=VerdictState.PUBLISHED):
            try:
                verdict_publish(verdict)
            except (ValidationError, Conflict) as exc:
                message = " ".join(exc.messages) if isinstance(exc, ValidationError) else exc
                self.message_user(request, f"{verdict}: {message}", messages.ERROR)
            else:
                self.message_user(request, f"Published {verdict}.", messages.SUCCESS)


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin[Rating]):
    list_display = ["slug", "label", "value"]
