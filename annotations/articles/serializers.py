"""Articles, spans and revisions as the API and the exports show them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples
from annotations.api.serializers import (
    FixedAfterCreationMixin,
    ModelSerializer,
    StrictCharField,
    VisiblePrimaryKeyField,
    WorkspaceFieldMixin,
    validation_error,
)
from annotations.articles import services
from annotations.articles.models import Article, ArticleRevision, Span


class ArticleListSerializer(serializers.ListSerializer[Article]):
    """Many articles at once: a url may appear once per workspace in the batch too."""

    def validate(self, attrs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: dict[tuple[Any, str], int] = {}
        errors: list[dict[str, Any]] = [{} for _ in attrs]
        for index, item in enumerate(attrs):
            if item.get("url"):
                key = (item["workspace"].pk, item["url"])
                if key in seen:
                    errors[index] = {"url": [f"Also given by item {seen[key]} of this batch."]}
                seen.setdefault(key, index)
        if any(errors):
            raise serializers.ValidationError(errors)
        return attrs


class ReanchorCountsSerializer(serializers.Serializer[Any]):
    anchored = serializers.IntegerField(help_text="Spans whose passage the diff shifted exactly.")
    moved = serializers.IntegerField(help_text="Spans whose quote was found elsewhere.")
    fuzzy = serializers.IntegerField(
        help_text="Spans whose passage was lightly edited; their quote is now the new text."
    )
    orphaned = serializers.IntegerField(
        help_text="Spans whose passage was not found; kept at their last revision."
    )


class ReanchorSpansSerializer(serializers.Serializer[Any]):
    moved = serializers.ListField(child=serializers.UUIDField())
    fuzzy = serializers.ListField(child=serializers.UUIDField())
    orphaned = serializers.ListField(child=serializers.UUIDField())


class ReanchorReportSerializer(serializers.Serializer[Any]):
    """What a change of body did to the article's spans."""

    revision = serializers.IntegerField(help_text="The revision the body change created.")
    counts = ReanchorCountsSerializer(help_text="Spans per anchor state.")
    spans = ReanchorSpansSerializer(help_text="Ids of the spans that were not shifted exactly.")


@extend_schema_serializer(examples=examples.ARTICLE_EXAMPLES)
class ArticleSerializer(WorkspaceFieldMixin, ModelSerializer[Article]):
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
            "revision",
            "created_by",
            "created_at",
            "updated_at",
            "span_count",
            "claim_count",
        ]
        fixed_after_creation = ["workspace"]
        list_serializer_class = ArticleListSerializer
        # Uniqueness of url is checked in validate(), where the workspace is known.
        validators: list[Any] = []
        extra_kwargs = {
            "body": {
                "trim_whitespace": False,
                "help_text": "Stored in Unicode NFC with \\n line endings; offsets refer to it.",
            },
            "url": {"allow_null": True},
        }

    def create(self, validated_data: dict[str, Any]) -> Article:
        return services.article_create(**validated_data)

    def validate_body(self, body: str) -> str:
        if not body.strip():
            raise serializers.ValidationError("This field may not be blank.")
        return body

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        attrs["workspace"] = self.default_workspace(attrs)
        if attrs.get("url") == "":
            attrs["url"] = None
        url = attrs.get("url")
        if url:
            duplicates = Article.objects.filter(workspace=attrs["workspace"], url=url)
            if self.instance is not None:
                duplicates = duplicates.exclude(pk=self.instance.pk)
            if duplicates.exists():
                raise serializers.ValidationError(
                    {"url": "An article with this url already exists in the workspace."},
                    code="unique",
                )
        return attrs


class ArticleChangedSerializer(ArticleSerializer):
    """An article as a change leaves it, with what a change of body did to its spans."""

    reanchoring = ReanchorReportSerializer(
        read_only=True,
        allow_null=True,
        default=None,
        help_text="How the spans were re-anchored in the new revision; null when the body "
        "did not change.",
    )

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "reanchoring"]


class SpanListSerializer(serializers.ListSerializer[Span]):
    """Many spans at once: each article's body is read (and locked) once for all of them,
    and they are saved in bulk."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bodies = services.LockedBodies()
        self.related: dict[tuple[Any, str], Any] = {}

    def create(self, validated_data: list[dict[str, Any]]) -> list[Span]:  # type: ignore[override]
        return services.spans_create(validated_data)


class ArticleToAnchorIn(VisiblePrimaryKeyField):
    """The article a new span names, read in a change (a transaction) with its row locked, so
    that its body cannot change before the span is saved: the body anchoring needs is read
    with it, once (``services.LockedBodies``)."""

    def get_queryset(self) -> Any:
        return services.locked_articles(super().get_queryset())


@extend_schema_serializer(examples=examples.SPAN_EXAMPLES)
class SpanSerializer(FixedAfterCreationMixin, ModelSerializer[Span]):
    article = ArticleToAnchorIn(
        queryset=Article.objects.all(), help_text="Id of the article; fixed at creation."
    )
    start = serializers.IntegerField(
        required=False, help_text="First code point of the passage (inclusive)."
    )
    end = serializers.IntegerField(
        required=False, help_text="Code point just after the passage (exclusive)."
    )
    quote = StrictCharField(
        required=False,
        trim_whitespace=False,
        help_text=(
            "The exact passage. With start and end it must equal body[start:end]; "
            "without them the server finds it in the body."
        ),
    )
    prefix = StrictCharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text=(
            "Text just before the quote. On input, chooses among repeats of the quote; "
            "returned as the 32 characters before the span."
        ),
    )
    suffix = StrictCharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text="Text just after the quote; the counterpart of prefix.",
    )
    revision = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="The article revision the offsets and quote refer to. On input, the "
        "revision your offsets (or the quote's place) were computed on, by default the "
        "current one: from an earlier one the passage is mapped to the current body, and "
        "`anchor_state` says how (`anchored`, `moved`, `fuzzy`; 409 if it is gone). On "
        "output, the current revision unless the span is orphaned.",
    )
    offset_unit = serializers.ChoiceField(
        choices=["code_point", "utf16"],
        default="code_point",
        write_only=True,
        help_text="How start and end count: Unicode code points (the default, the W3C rule) "
        "or UTF-16 code units, as JavaScript strings do.",
    )
    created_by = serializers.CharField(source="created_by.username", read_only=True)

    class Meta:
        model = Span
        fields = [
            "id",
            "article",
            "start",
            "end",
            "start_utf16",
            "end_utf16",
            "offset_unit",
            "quote",
            "prefix",
            "suffix",
            "note",
            "revision",
            "anchor_state",
            "created_by",
            "created_at",
            "updated_at",
        ]
        fixed_after_creation = ["article"]
        list_serializer_class = SpanListSerializer
        read_only_fields = ["start_utf16", "end_utf16", "anchor_state"]
        extra_kwargs = {
            "start_utf16": {"help_text": "start in UTF-16 code units, as JavaScript counts."},
            "end_utf16": {"help_text": "end in UTF-16 code units, as JavaScript counts."},
            "anchor_state": {
                "help_text": "How the span was placed when the body last changed: anchored "
                "(shifted exactly), moved (quote found elsewhere), fuzzy (passage lightly "
                "edited; quote updated) or orphaned (not found; offsets and quote refer to "
                "`revision`, an earlier one). Changing its offsets or quote anchors it anew."
            },
        }

    def create(self, validated_data: dict[str, Any]) -> Span:
        [span] = services.spans_create([validated_data])
        return span

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        # Context given by the client only helps find the quote; the stored context is
        # always the body's own.
        prefix, suffix = attrs.pop("prefix", ""), attrs.pop("suffix", "")
        offset_unit = attrs.pop("offset_unit", "code_point")
        revision = attrs.pop("revision", None)
        offsets = {key: attrs[key] for key in ("start", "end") if key in attrs}
        if self.instance is not None:
            if not offsets and "quote" not in attrs:
                return attrs  # The anchor stays where it is.
            if offsets and revision is None:
                # Moving one end keeps the other, counted in the unit given.
                utf16 = offset_unit == "utf16"
                kept = {
                    "start": self.instance.start_utf16 if utf16 else self.instance.start,
                    "end": self.instance.end_utf16 if utf16 else self.instance.end,
                }
                offsets = {**kept, **offsets}
        article = attrs.get("article") or self.instance.article  # type: ignore[union-attr]
        try:
            anchor_fields = services.span_anchor(
                article,
                **offsets,
                quote=attrs.get("quote"),
                prefix=prefix,
                suffix=suffix,
                offset_unit=offset_unit,
                revision=revision,
                bodies=getattr(self.parent, "bodies", None),
            )
        except DjangoValidationError as exc:
            raise validation_error(exc) from exc
        attrs.update(anchor_fields)
        return attrs


class ArticleRevisionSerializer(serializers.ModelSerializer[ArticleRevision]):
    """A body the article had."""

    created_by = serializers.CharField(source="created_by.username", read_only=True)
    length = serializers.IntegerField(read_only=True, help_text="Length in code points.")

    class Meta:
        model = ArticleRevision
        fields = ["number", "created_at", "created_by", "body_sha256", "length"]
        read_only_fields = fields


@extend_schema_serializer(examples=examples.REVISION_EXAMPLES)
class ArticleRevisionDetailSerializer(ArticleRevisionSerializer):
    class Meta(ArticleRevisionSerializer.Meta):
        fields = [*ArticleRevisionSerializer.Meta.fields, "body"]
        read_only_fields = fields
