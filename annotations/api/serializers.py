"""Request and response shapes. Rules about the data live in the models, ``text`` and
``services``; serializers translate and call them."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from rest_framework.serializers import as_serializer_error

from annotations import access
from annotations.api import examples
from annotations.models import (
    Article,
    Claim,
    ClaimStatus,
    Membership,
    Rating,
    Role,
    Span,
    Verdict,
    VerdictState,
    Workspace,
)
from annotations.text import normalize_text, resolve_anchor


def validation_error(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(as_serializer_error(exc))


class VisibleToRequestUser:
    """A related field that accepts only rows the requesting user can see; others are
    reported as not existing, exactly like ids that do not exist."""

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()  # type: ignore[misc]
        return queryset.visible_to(self.context["request"].user)  # type: ignore[attr-defined]


class VisibleWorkspaceField(VisibleToRequestUser, serializers.SlugRelatedField):
    pass


class VisiblePrimaryKeyField(VisibleToRequestUser, serializers.PrimaryKeyRelatedField):
    pass


class WorkspaceFieldMixin(serializers.Serializer):
    """``workspace``: a slug, fixed at creation, defaulting to the user's only workspace."""

    workspace = VisibleWorkspaceField(
        slug_field="slug",
        queryset=Workspace.objects.all(),
        required=False,
        help_text="Slug of the workspace. May be omitted by a user who belongs to exactly one.",
    )

    def validate_workspace(self, workspace: Workspace) -> Workspace:
        if self.instance is not None and self.instance.workspace_id != workspace.pk:
            raise serializers.ValidationError("Cannot be changed after creation.")
        return workspace

    def default_workspace(self, attrs: dict[str, Any]) -> Workspace:
        if self.instance is not None:
            return self.instance.workspace
        if "workspace" in attrs:
            return attrs["workspace"]
        workspace = access.default_workspace(self.context["request"].user)
        if workspace is None:
            raise serializers.ValidationError(
                {"workspace": "This field is required when you belong to several workspaces."}
            )
        return workspace


@extend_schema_serializer(examples=examples.ARTICLE_EXAMPLES)
class ArticleSerializer(WorkspaceFieldMixin, serializers.ModelSerializer[Article]):
    created_by = serializers.CharField(source="created_by.username", read_only=True)
    span_count = serializers.IntegerField(read_only=True)
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "workspace",
            "url",
            "title",
            "publisher",
            "byline",
            "published_at",
            "language",
            "body",
            "created_by",
            "created_at",
            "updated_at",
            "span_count",
            "claim_count",
        ]
        # Uniqueness of url is checked in validate(), where the workspace is known.
        validators: list[Any] = []
        extra_kwargs = {
            "body": {
                "trim_whitespace": False,
                "help_text": "Stored in Unicode NFC with \\n line endings; offsets refer to it.",
            },
            "url": {"allow_null": True},
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["workspace"] = self.default_workspace(attrs)
        if "body" in attrs:
            attrs["body"] = normalize_text(attrs["body"])
        if attrs.get("url") == "":
            attrs["url"] = None
        url = attrs.get("url")
        if url:
            duplicates = Article.objects.filter(workspace=attrs["workspace"], url=url)
            if self.instance is not None:
                duplicates = duplicates.exclude(pk=self.instance.pk)
            if duplicates.exists():
                raise serializers.ValidationError(
                    {"url": "An article with this url already exists in the workspace."}
                )
        return attrs


@extend_schema_serializer(examples=examples.SPAN_EXAMPLES)
class SpanSerializer(serializers.ModelSerializer[Span]):
    article = VisiblePrimaryKeyField(
        queryset=Article.objects.all(), help_text="Id of the article; fixed at creation."
    )
    start = serializers.IntegerField(
        required=False, help_text="First code point of the passage (inclusive)."
    )
    end = serializers.IntegerField(
        required=False, help_text="Code point just after the passage (exclusive)."
    )
    quote = serializers.CharField(
        required=False,
        trim_whitespace=False,
        help_text=(
            "The exact passage. With start and end it must equal body[start:end]; "
            "without them the server finds it in the body."
        ),
    )
    prefix = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text=(
            "Text just before the quote. On input, chooses among repeats of the quote; "
            "returned as the 32 characters before the span."
        ),
    )
    suffix = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text="Text just after the quote; the counterpart of prefix.",
    )
    created_by = serializers.CharField(source="created_by.username", read_only=True)

    class Meta:
        model = Span
        fields = [
            "id",
            "article",
            "start",
            "end",
            "quote",
            "prefix",
            "suffix",
            "note",
            "created_by",
            "created_at",
            "updated_at",
        ]

    def validate_article(self, article: Article) -> Article:
        if self.instance is not None and self.instance.article_id != article.pk:
            raise serializers.ValidationError("Cannot be changed after creation.")
        return article

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # Context given by the client only helps find the quote; the stored context is
        # always the body's own.
        prefix, suffix = attrs.pop("prefix", ""), attrs.pop("suffix", "")
        if self.instance is not None and {"start", "end", "quote"}.isdisjoint(attrs):
            return attrs  # The anchor stays where it is.
        article = attrs.get("article") or self.instance.article  # type: ignore[union-attr]
        given = {key: attrs.get(key) for key in ("start", "end", "quote")}
        if self.instance is not None and given["quote"] is None:
            # Moving one end by offsets keeps the other.
            given["start"] = attrs.get("start", self.instance.start)
            given["end"] = attrs.get("end", self.instance.end)
        try:
            anchor = resolve_anchor(
                article.body,
                start=given["start"],
                end=given["end"],
                quote=given["quote"],
                prefix=prefix,
                suffix=suffix,
            )
        except DjangoValidationError as exc:
            raise validation_error(exc) from exc
        attrs.update(
            start=anchor.start,
            end=anchor.end,
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
        )
        return attrs


@extend_schema_serializer(examples=examples.CLAIM_EXAMPLES)
class ClaimSerializer(WorkspaceFieldMixin, serializers.ModelSerializer[Claim]):
    spans = VisiblePrimaryKeyField(
        queryset=Span.objects.select_related("article"),
        many=True,
        required=False,
        help_text="Ids of the spans where the claim appears; all in the claim's workspace.",
    )
    articles = serializers.SerializerMethodField(
        help_text="Ids of the articles the claim's spans are in."
    )
    status = serializers.ChoiceField(choices=ClaimStatus.choices, read_only=True)
    verdict_count = serializers.IntegerField(read_only=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "workspace",
            "text",
            "claimant",
            "claim_date",
            "spans",
            "articles",
            "status",
            "verdict_count",
            "created_by",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_articles(self, claim: Claim) -> list[uuid.UUID]:
        return sorted({span.article_id for span in claim.spans.all()}, key=str)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        spans: list[Span] = attrs.get("spans", [])
        span_workspaces = {span.article.workspace_id for span in spans}
        if len(span_workspaces) > 1:
            raise serializers.ValidationError(
                {"spans": "All spans of a claim must belong to one workspace."}
            )
        if self.instance is None and "workspace" not in attrs and spans:
            attrs["workspace"] = spans[0].article.workspace
        attrs["workspace"] = self.default_workspace(attrs)
        if span_workspaces and span_workspaces != {attrs["workspace"].pk}:
            raise serializers.ValidationError(
                {"spans": "All spans must belong to the claim's workspace."}
            )
        return attrs


class SourceSerializer(serializers.Serializer[dict[str, str]]):
    url = serializers.URLField(max_length=2000)
    title = serializers.CharField(max_length=500, allow_blank=True, required=False, default="")


@extend_schema_serializer(examples=examples.VERDICT_EXAMPLES)
class VerdictSerializer(serializers.ModelSerializer[Verdict]):
    claim = VisiblePrimaryKeyField(
        queryset=Claim.objects.all(), help_text="Id of the claim; fixed at creation."
    )
    reviewer = serializers.CharField(source="reviewer.username", read_only=True)
    rating = serializers.SlugRelatedField(
        slug_field="slug", queryset=Rating.objects.all(), help_text="Slug of a rating."
    )
    sources = serializers.ListField(
        child=SourceSerializer(), required=False, help_text="Where the evidence is."
    )
    state = serializers.ChoiceField(choices=VerdictState.choices, read_only=True)

    class Meta:
        model = Verdict
        fields = [
            "id",
            "claim",
            "reviewer",
            "rating",
            "explanation",
            "sources",
            "state",
            "published_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["published_at"]

    def validate_claim(self, claim: Claim) -> Claim:
        if self.instance is not None:
            if self.instance.claim_id != claim.pk:
                raise serializers.ValidationError("Cannot be changed after creation.")
            return claim
        reviewer = self.context["request"].user
        existing = Verdict.objects.filter(claim=claim, reviewer=reviewer).first()
        if existing is not None:
            raise serializers.ValidationError(
                f"You already have a verdict on this claim ({existing.pk}); change that one."
            )
        return claim


@extend_schema_serializer(examples=examples.RATING_EXAMPLES)
class RatingSerializer(serializers.ModelSerializer[Rating]):
    class Meta:
        model = Rating
        fields = ["slug", "label", "description", "value"]
        extra_kwargs = {
            "value": {
                "help_text": "Position on the ordinal scale, higher is more accurate; "
                "null for ratings outside the scale."
            }
        }

    def validate_slug(self, slug: str) -> str:
        if self.instance is not None and self.instance.slug != slug:
            raise serializers.ValidationError("Cannot be changed after creation.")
        return slug


@extend_schema_serializer(examples=examples.WORKSPACE_EXAMPLES)
class WorkspaceSerializer(serializers.ModelSerializer[Workspace]):
    role = serializers.SerializerMethodField(help_text="Your role in this workspace.")

    class Meta:
        model = Workspace
        fields = ["slug", "name", "role"]

    @extend_schema_field(serializers.ChoiceField(choices=Role.choices))
    def get_role(self, workspace: Workspace) -> str | None:
        return access.role_in(self.context["request"].user, workspace.pk)


@extend_schema_serializer(examples=examples.MEMBERSHIP_EXAMPLES)
class MembershipSerializer(serializers.ModelSerializer[Membership]):
    username = serializers.SlugRelatedField(
        source="user", slug_field="username", queryset=get_user_model().objects.all()
    )

    class Meta:
        model = Membership
        fields = ["username", "role", "created_at"]

    def validate_username(self, user: Any) -> Any:
        if self.instance is not None and self.instance.user_id != user.pk:
            raise serializers.ValidationError("Cannot be changed; remove and add the member.")
        workspace = self.context["workspace"]
        if self.instance is None and workspace.memberships.filter(user=user).exists():
            raise serializers.ValidationError(
                "Already a member of this workspace; change their role instead."
            )
        return user


@extend_schema_serializer(examples=examples.ME_EXAMPLES)
class MeSerializer(serializers.Serializer[Any]):
    username = serializers.CharField()
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=Role.choices),
        help_text="The roles you hold in any workspace.",
    )
    workspaces = WorkspaceSerializer(many=True)


class AuthTokenRequestSerializer(serializers.Serializer[Any]):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class AuthTokenSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(help_text="Send it as `Authorization: Token <token>`.")


@extend_schema_serializer(examples=examples.ANNOTATIONS_EXAMPLES)
class ArticleAnnotationsSerializer(serializers.Serializer[Any]):
    """An article with everything annotated on it, for annotation UIs."""

    article = ArticleSerializer()
    spans = SpanSerializer(many=True)
    claims = ClaimSerializer(many=True, help_text="The claims that cite the article's spans.")
    verdicts = VerdictSerializer(many=True, help_text="The verdicts on those claims.")
