"""Request and response shapes. Rules about the data live in the models, ``text`` and
``services``; serializers translate and call them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, tzinfo
from functools import cached_property, partial
from operator import attrgetter
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import ForeignKey, Model
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import ISO_8601, serializers
from rest_framework.fields import SkipField
from rest_framework.relations import MANY_RELATION_KWARGS, PKOnlyObject
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings

from annotations.api import examples
from annotations.articles import services as article_services
from annotations.articles.models import Article, ArticleRevision, Span
from annotations.claims.models import Claim, ClaimStatus
from annotations.review.models import Rating, Verdict, VerdictState, verdict_completeness_errors
from annotations.workspaces import access
from annotations.workspaces.models import Membership, Role, Workspace


class StrictString(serializers.CharField):
    """A string and only a string: DRF's CharField would store the number 0 as "0"."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(StrictString):
    pass


class StrictSlugField(StrictString, serializers.SlugField):
    pass


class StrictURLField(StrictString, serializers.URLField):
    pass


class StrictManyRelatedField(serializers.ManyRelatedField):
    """A list and only a list: DRF's would read an object's keys as the ids."""

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


M = TypeVar("M", bound=Model)


Reader = tuple[
    str, Callable[[Any], Any], Callable[[Any], Any], serializers.Field[Any, Any, Any, Any]
]


def iso_datetime(
    field: serializers.Field[Any, Any, Any, Any], zone: tzinfo, value: datetime
) -> Any:
    """What DRF's DateTimeField writes in ISO 8601 for an aware datetime (as read from the
    database), in the time zone current when the serializer was made."""
    if value.tzinfo is None:
        return field.to_representation(value)
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def value_reader(model: type[Model], field: serializers.Field[Any, Any, Any, Any]) -> Any:
    """A quick getter for a field whose source is a model field, a foreign key's id (for a
    primary-key relation) or a field of a forward relation; None where DRF's own lookup is
    needed (methods, many-to-many, ``*``). A getter may raise AttributeError (a missing
    attribute, a null relation): the caller then asks DRF."""
    names = field.source_attrs
    pk_only = isinstance(field, serializers.RelatedField) and field.use_pk_only_optimization()
    owner: type[Model] = model
    for position, name in enumerate(names):
        try:
            model_field = owner._meta.get_field(name)
        except FieldDoesNotExist:
            # An annotation (not on the class at all) is data; anything else may be a method.
            single = len(names) == 1 and not pk_only
            return attrgetter(name) if single and not hasattr(model, name) else None
        if pk_only:
            if len(names) == 1 and isinstance(model_field, ForeignKey):
                return attrgetter(model_field.attname)
            return None
        if model_field.many_to_many or model_field.one_to_many:
            return None
        if position < len(names) - 1:
            if not model_field.is_relation or model_field.related_model is None:
                return None
            owner = model_field.related_model  # type: ignore[assignment]
    return attrgetter(".".join(names))


def value_writer(field: serializers.Field[Any, Any, Any, Any]) -> Callable[[Any], Any]:
    """A quick ``to_representation`` for the common field types, exactly as DRF's."""
    kind = type(field)
    if kind.to_representation is serializers.CharField.to_representation:
        return str
    if kind.to_representation is serializers.IntegerField.to_representation:
        return int
    if kind.to_representation is serializers.UUIDField.to_representation:
        return str if field.uuid_format == "hex_verbose" else field.to_representation  # type: ignore[attr-defined]
    if (
        kind.to_representation is serializers.DateTimeField.to_representation
        and getattr(field, "format", api_settings.DATETIME_FORMAT) == ISO_8601
        and not hasattr(field, "timezone")
        and settings.USE_TZ
    ):
        return partial(iso_datetime, field, timezone.get_current_timezone())
    if isinstance(field, serializers.PrimaryKeyRelatedField) and field.pk_field is None:
        return lambda pk: pk
    return field.to_representation


class ModelSerializer(serializers.ModelSerializer[M]):
    """DRF's ModelSerializer with strict string fields, and a quicker ``to_representation``
    giving the same result: each field's getter and writer are chosen once per serializer,
    not looked up for every row (this was most of a list's rendering time,
    docs/benchmarks.md). ``tests/test_representation.py`` compares every endpoint's output
    with DRF's."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: StrictSlugField,
        models.URLField: StrictURLField,
    }

    @cached_property
    def field_readers(self) -> list[Reader]:
        model = self.Meta.model
        field_readers: list[Reader] = []
        for field in self._readable_fields:
            name = cast(str, field.field_name)
            getter = value_reader(model, field) if field.source != "*" else None
            if getter is None:
                field_readers.append((name, field.get_attribute, field.to_representation, field))
            else:
                field_readers.append((name, getter, value_writer(field), field))
        return field_readers

    def to_representation(self, instance: M) -> dict[str, Any]:
        representation = {}
        for name, read, write, field in self.field_readers:
            try:
                value = read(instance)
            except AttributeError:
                # A null relation on the way, or no such attribute: DRF decides (None, a
                # default or no key at all).
                write = field.to_representation
                try:
                    value = field.get_attribute(instance)
                except SkipField:
                    continue
            except SkipField:
                continue
            is_none = (value.pk if isinstance(value, PKOnlyObject) else value) is None
            representation[name] = None if is_none else write(value)
        return representation


def validation_error(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(as_serializer_error(exc))


class VisibleToRequestUser:
    """A related field that accepts only rows the requesting user can see; others are
    reported as not existing, exactly like ids that do not exist."""

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()  # type: ignore[misc]
        return queryset.visible_to(self.context["request"].user)  # type: ignore[attr-defined]


class ScalarRelatedField(serializers.RelatedField[Any, Any, Any]):
    """A relation given by one id or slug and nothing else: a list, an object or a boolean is
    refused before any lookup (DRF would hand it to the database layer, which may recurse
    through it)."""

    accepted_types: tuple[type, ...] = (str,)
    expected = "a string"

    def is_scalar(self, data: Any) -> bool:
        return isinstance(data, self.accepted_types) and not isinstance(data, bool)

    def to_internal_value(self, data: Any) -> Any:
        if not self.is_scalar(data):
            raise serializers.ValidationError(
                f"Incorrect type. Expected {self.expected}, received {type(data).__name__}.",
                code="incorrect_type",
            )
        if isinstance(data, str) and "\x00" in data:
            # Nothing is named so, and PostgreSQL cannot even look for it.
            raise serializers.ValidationError(
                "Null characters are not allowed.", code="null_characters_not_allowed"
            )
        return super().to_internal_value(data)


class StrictSlugRelatedField(ScalarRelatedField, serializers.SlugRelatedField):
    pass


class VisibleWorkspaceField(VisibleToRequestUser, StrictSlugRelatedField):
    pass


class VisiblePrimaryKeyField(
    VisibleToRequestUser, ScalarRelatedField, serializers.PrimaryKeyRelatedField
):
    accepted_types = (str, int)
    expected = "an id (a string)"

    def to_internal_value(self, data: Any) -> Any:
        # In a batch (a list serializer with a ``related`` cache), each id is looked up once.
        cache = getattr(self.root, "related", None)
        if cache is None or not self.is_scalar(data):
            return super().to_internal_value(data)
        key = (self.queryset.model if self.queryset is not None else None, str(data))
        if key not in cache:
            cache[key] = super().to_internal_value(data)
        return cache[key]

    @classmethod
    def many_init(cls, *args: Any, **kwargs: Any) -> StrictManyRelatedField:
        shared = {key: value for key, value in kwargs.items() if key in MANY_RELATION_KWARGS}
        return StrictManyRelatedField(child_relation=cls(*args, **kwargs), **shared)


class FixedAfterCreationMixin(serializers.Serializer[Any]):
    """Fields named in ``Meta.fixed_after_creation`` may be sent again on update, unchanged."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None:
            changed = {
                name: "Cannot be changed after creation."
                for name in self.Meta.fixed_after_creation  # type: ignore[attr-defined]
                if (source := self.fields[name].source_attrs[0]) in attrs
                and attrs[source] != getattr(self.instance, source)
            }
            if changed:
                raise serializers.ValidationError(changed)
        return super().validate(attrs)


class WorkspaceFieldMixin(FixedAfterCreationMixin):
    """``workspace``: a slug, fixed at creation, defaulting to the user's only workspace."""

    workspace = VisibleWorkspaceField(
        slug_field="slug",
        queryset=Workspace.objects.all(),
        required=False,
        help_text="Slug of the workspace. May be omitted by a user who belongs to exactly one.",
    )

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
    reanchoring = ReanchorReportSerializer(
        read_only=True,
        allow_null=True,
        default=None,
        help_text="In the response to a change of body only: how the spans were re-anchored "
        "in the new revision. Null otherwise.",
    )

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
            "reanchoring",
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


class SpanListSerializer(serializers.ListSerializer[Span]):
    """Many spans at once: each article's body is read (and locked) once for all of them,
    and they are saved in bulk."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bodies = article_services.LockedBodies()
        self.related: dict[tuple[Any, str], Any] = {}

    def create(self, validated_data: list[dict[str, Any]]) -> list[Span]:  # type: ignore[override]
        return article_services.spans_create(validated_data)


@extend_schema_serializer(examples=examples.SPAN_EXAMPLES)
class SpanSerializer(FixedAfterCreationMixin, ModelSerializer[Span]):
    article = VisiblePrimaryKeyField(
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
            anchor_fields = article_services.span_anchor(
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


class PublishedVerdictSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    claim = serializers.UUIDField(source="claim_id", help_text="The claim it was published on.")
    rating = serializers.CharField(source="rating_id")
    rating_label = serializers.CharField(source="rating.label")
    published_at = serializers.DateTimeField()


class SimilarClaimSerializer(serializers.Serializer[Any]):
    """A claim that reads like the text given, and its fact-check if it has one."""

    id = serializers.UUIDField(source="claim.pk")
    text = serializers.CharField(source="claim.text")
    claimant = serializers.CharField(source="claim.claimant")
    claim_date = serializers.DateField(source="claim.claim_date", allow_null=True)
    group = serializers.UUIDField(source="claim.group", allow_null=True)
    score = serializers.FloatField(help_text="Similarity in [0, 1]; 1 is the same words.")
    published_verdict = PublishedVerdictSerializer(
        allow_null=True,
        help_text="The published verdict of the claim or of a claim linked to it; null if "
        "it was not checked.",
    )


class SimilarClaimsQuerySerializer(serializers.Serializer[Any]):
    text = StrictCharField(max_length=5000, help_text="The claim as you met it.")
    workspace = serializers.SlugField(
        required=False, help_text="Only claims of this workspace (by default: all of yours)."
    )
    limit = serializers.IntegerField(min_value=1, max_value=50, default=10)


class ClaimLinkSerializer(serializers.Serializer[Any]):
    other = VisiblePrimaryKeyField(
        queryset=Claim.objects.all(), help_text="Id of the claim that is the same claim."
    )


class SearchQuerySerializer(serializers.Serializer[Any]):
    q = StrictCharField(
        max_length=500,
        help_text='Words (all must occur), "quoted phrases", -excluded words, OR between '
        "alternatives.",
    )
    type = serializers.ChoiceField(
        choices=["article", "claim"], required=False, help_text="Only articles, or claims."
    )
    language = StrictCharField(
        required=False, max_length=35, help_text="BCP 47 tag; `en` also matches `en-GB`."
    )
    publisher = StrictCharField(
        required=False,
        max_length=200,
        help_text="Articles of this publisher, and claims appearing in them.",
    )
    since = serializers.DateField(
        required=False,
        help_text="Articles published, and claims made, on or after this date.",
    )
    until = serializers.DateField(
        required=False, help_text="Articles published, and claims made, on or before this date."
    )


class SearchHitSerializer(serializers.Serializer[Any]):
    type = serializers.ChoiceField(choices=["article", "claim"])
    id = serializers.UUIDField()
    title = serializers.CharField(help_text="The article's title, or the claim's text.")
    snippet = serializers.CharField(
        help_text="HTML: the text around the matched words (an article's body, a claim's "
        "text), escaped, the matched words in <mark>."
    )
    score = serializers.FloatField(help_text="Relevance; higher is better.")
    language = serializers.CharField()
    date = serializers.DateField(
        allow_null=True, help_text="The article's publication date, or the claim's date."
    )
    publisher = serializers.CharField(help_text="The article's publisher; blank for claims.")


@extend_schema_serializer(examples=examples.CLAIM_EXAMPLES)
class ClaimSerializer(WorkspaceFieldMixin, ModelSerializer[Claim]):
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
    similar_claims = serializers.SerializerMethodField(
        help_text="In the response to a creation only: existing claims of the workspace that "
        "read like this one (likely duplicates, similarity at least "
        "FACTCHECK_DUPLICATE_SIMILARITY), best first. Null otherwise."
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "workspace",
            "text",
            "claimant",
            "claim_date",
            "language",
            "review_url",
            "spans",
            "articles",
            "group",
            "status",
            "verdict_count",
            "created_by",
            "created_at",
            "updated_at",
            "similar_claims",
        ]
        fixed_after_creation = ["workspace"]
        read_only_fields = ["group"]

    @extend_schema_field(SimilarClaimSerializer(many=True, allow_null=True))
    def get_similar_claims(self, claim: Claim) -> Any:
        similar = getattr(claim, "similar_claims", None)
        return None if similar is None else SimilarClaimSerializer(similar, many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_articles(self, claim: Claim) -> list[uuid.UUID]:
        return sorted({span.article_id for span in claim.spans.all()}, key=str)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
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
    url = StrictURLField(max_length=2000)
    title = StrictCharField(max_length=500, allow_blank=True, required=False, default="")


@extend_schema_serializer(examples=examples.VERDICT_EXAMPLES)
class VerdictSerializer(FixedAfterCreationMixin, ModelSerializer[Verdict]):
    claim = VisiblePrimaryKeyField(
        queryset=Claim.objects.all(), help_text="Id of the claim; fixed at creation."
    )
    reviewer = serializers.CharField(source="reviewer.username", read_only=True)
    rating = StrictSlugRelatedField(
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
            "submitted_at",
            "published_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["submitted_at", "published_at"]
        fixed_after_creation = ["claim"]

    def validate_claim(self, claim: Claim) -> Claim:
        if self.instance is not None:
            return claim
        reviewer = self.context["request"].user
        existing = Verdict.objects.filter(claim=claim, reviewer=reviewer).first()
        if existing is not None:
            raise serializers.ValidationError(
                f"You already have a verdict on this claim ({existing.pk}); change that one."
            )
        return claim

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        verdict = self.instance
        if verdict is not None and verdict.state != VerdictState.DRAFT:
            errors = verdict_completeness_errors(
                attrs.get("explanation", verdict.explanation), attrs.get("sources", verdict.sources)
            )
            if errors:
                raise serializers.ValidationError(errors)
        return attrs


@extend_schema_serializer(examples=examples.RATING_EXAMPLES)
class RatingSerializer(FixedAfterCreationMixin, ModelSerializer[Rating]):
    class Meta:
        model = Rating
        fields = ["slug", "label", "description", "value"]
        fixed_after_creation = ["slug"]
        extra_kwargs = {
            "value": {
                "help_text": "Position on the ordinal scale, higher is more accurate; "
                "null for ratings outside the scale."
            }
        }


@extend_schema_serializer(examples=examples.WORKSPACE_EXAMPLES)
class WorkspaceSerializer(ModelSerializer[Workspace]):
    """A workspace you belong to, with your role in it."""

    role = serializers.SerializerMethodField(help_text="Your role in this workspace.")

    class Meta:
        model = Workspace
        fields = ["slug", "name", "role"]

    @extend_schema_field(serializers.ChoiceField(choices=Role.choices))
    def get_role(self, workspace: Workspace) -> str | None:
        return access.role_in(self.context["request"].user, workspace.pk)


@extend_schema_serializer(examples=examples.MEMBERSHIP_EXAMPLES)
class MembershipSerializer(FixedAfterCreationMixin, ModelSerializer[Membership]):
    username = StrictSlugRelatedField(
        source="user", slug_field="username", queryset=get_user_model().objects.all()
    )

    class Meta:
        model = Membership
        fields = ["username", "role", "created_at"]
        fixed_after_creation = ["username"]

    def validate_username(self, user: Any) -> Any:
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


class CredentialsSerializer(serializers.Serializer[Any]):
    username = StrictCharField()
    password = StrictCharField(style={"input_type": "password"}, trim_whitespace=False)


class AuthTokenSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(help_text="Send it as `Authorization: Token <token>`.")


@extend_schema_serializer(examples=examples.ANNOTATIONS_EXAMPLES)
class ArticleAnnotationsSerializer(serializers.Serializer[Any]):
    """An article with everything annotated on it, for annotation UIs."""

    article = ArticleSerializer()
    spans = SpanSerializer(many=True)
    claims = ClaimSerializer(many=True, help_text="The claims that cite the article's spans.")
    verdicts = VerdictSerializer(many=True, help_text="The verdicts on those claims.")


class AgreementQuerySerializer(serializers.Serializer[Any]):
    workspace = serializers.SlugField(required=False, help_text="Only this workspace.")
    article = serializers.UUIDField(required=False, help_text="Claims cited in this article.")
    claimant = serializers.CharField(required=False, help_text="Claimant contains this text.")
    since = serializers.DateField(required=False, help_text="Verdicts submitted on or after.")
    until = serializers.DateField(required=False, help_text="Verdicts submitted on or before.")
    min_common = serializers.IntegerField(
        required=False,
        default=3,
        min_value=1,
        help_text="Pairs of reviewers need this many claims rated by both to get a kappa.",
    )


class PairKappaSerializer(serializers.Serializer[Any]):
    reviewer_a = serializers.CharField()
    reviewer_b = serializers.CharField()
    common_claims = serializers.IntegerField(source="common")
    kappa = serializers.FloatField(allow_null=True, help_text="Null when undefined.")


class AlphaSerializer(serializers.Serializer[Any]):
    alpha = serializers.FloatField(
        allow_null=True, help_text="Null when undefined (too few ratings, or one value only)."
    )
    claims = serializers.IntegerField(help_text="Claims with two or more ratings.")
    verdicts = serializers.IntegerField(help_text="The ratings of those claims.")


@extend_schema_serializer(examples=examples.AGREEMENT_EXAMPLES)
class AgreementSerializer(serializers.Serializer[Any]):
    """Agreement between reviewers over submitted (and published) verdicts."""

    nominal = AlphaSerializer(help_text="Krippendorff's alpha, every rating its own category.")
    ordinal = AlphaSerializer(
        help_text="Krippendorff's alpha over the ordinal ratings only, ordered by value."
    )
    pairs = PairKappaSerializer(many=True, help_text="Cohen's kappa for each pair of reviewers.")


class ChangeSerializer(serializers.Serializer[Any]):
    field = serializers.CharField()
    before = serializers.JSONField(allow_null=True, help_text="Null on creation.")
    after = serializers.JSONField(allow_null=True, help_text="Null on deletion.")


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


@extend_schema_serializer(examples=examples.HISTORY_EXAMPLES)
class HistoryEntrySerializer(serializers.Serializer[Any]):
    """One recorded change of a row."""

    history_id = serializers.IntegerField()
    action = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    at = serializers.DateTimeField()
    user = serializers.CharField(allow_null=True, help_text="Who made the change.")
    request_id = serializers.CharField(help_text="The X-Request-ID of the request that made it.")
    changes = ChangeSerializer(many=True)


class AnnotationImportSerializer(serializers.Serializer[Any]):
    article = VisiblePrimaryKeyField(
        queryset=Article.objects.all(), help_text="The article the annotations are on."
    )
    annotations = serializers.ListField(
        child=serializers.JSONField(),
        allow_empty=False,
        max_length=1000,
        help_text="W3C Web Annotations, or annotations as Hypothesis exports them.",
    )


class ImportResultSerializer(serializers.Serializer[Any]):
    index = serializers.IntegerField()
    id = serializers.CharField(help_text="The annotation's id, if it had one.")
    status = serializers.ChoiceField(choices=["created", "exists", "rejected"])
    span = serializers.UUIDField(source="span.pk", allow_null=True, default=None)
    reason = serializers.CharField(help_text="Why a rejected annotation was rejected.")


@extend_schema_serializer(examples=examples.IMPORT_EXAMPLES)
class ImportReportSerializer(serializers.Serializer[Any]):
    results = ImportResultSerializer(many=True)
