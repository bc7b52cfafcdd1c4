"""The interop domain's representations: the shapes of the standards' documents this API
writes, for the OpenAPI schema (the documents are built as plain data): W3C Web
Annotations and AnnotationPages (``interop.webannotation`` builds them), schema.org
ClaimReviews and their DataFeed (``interop.claimreview``). Generated clients get types for them
instead of free-form objects.

Fields a document leaves out in some cases are named in ``SOMETIMES_ABSENT`` (read by
``factcheck.http.schema.exact_contract``); every other field is always written.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_serializer
from rest_framework import serializers

from factcheck.http.schema import SOMETIMES_ABSENT


def sometimes_absent(*fields: str) -> Any:
    return extend_schema_serializer(extensions={SOMETIMES_ABSENT: list(fields)})


def constant(value: str, help_text: str = "") -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=[value], help_text=help_text)


# --- W3C Web Annotation --------------------------------------------------------------------


class TextualBodySerializer(serializers.Serializer[Any]):
    """The span's note."""

    type = constant("TextualBody")
    value = serializers.CharField()
    format = constant("text/plain")
    purpose = constant("commenting")


class LinkedClaimSerializer(serializers.Serializer[Any]):
    """A claim the span is cited by, as its IRI."""

    id = serializers.URLField(help_text="The claim's IRI in this API.")
    purpose = constant("linking")


class TextQuoteSelectorSerializer(serializers.Serializer[Any]):
    type = constant("TextQuoteSelector")
    exact = serializers.CharField(help_text="The span's quote.")
    prefix = serializers.CharField(help_text="Up to 32 characters before it.")
    suffix = serializers.CharField(help_text="Up to 32 characters after it.")


class TextPositionSelectorSerializer(serializers.Serializer[Any]):
    type = constant("TextPositionSelector")
    start = serializers.IntegerField(help_text="In Unicode code points, as the W3C model counts.")
    end = serializers.IntegerField()


class TargetStateSerializer(serializers.Serializer[Any]):
    id = serializers.CharField(
        help_text="`urn:sha256:` and the SHA-256 of the body revision the offsets refer to."
    )


class AnnotationTargetSerializer(serializers.Serializer[Any]):
    selector = PolymorphicProxySerializer(
        component_name="AnnotationSelector",
        serializers=[TextQuoteSelectorSerializer, TextPositionSelectorSerializer],
        resource_type_field_name="type",
        many=True,
    )
    state = TargetStateSerializer()

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        # "source" would shadow the attribute every DRF field has.
        return {
            "source": serializers.URLField(
                help_text="The article's url, else its IRI in this API."
            ),
            **super().get_fields(),
        }


class CreatorSerializer(serializers.Serializer[Any]):
    type = constant("Person")
    nickname = serializers.CharField(help_text="The username of the span's creator.")


@sometimes_absent("@context")
class WebAnnotationSerializer(serializers.Serializer[Any]):
    """A span as a W3C Web Annotation."""

    type = constant("Annotation")
    id = serializers.URLField(help_text="The span's IRI in this API.")
    created = serializers.DateTimeField()
    modified = serializers.DateTimeField()
    creator = CreatorSerializer()
    body = PolymorphicProxySerializer(
        component_name="AnnotationBody",
        serializers=[TextualBodySerializer, LinkedClaimSerializer],
        resource_type_field_name=None,
        many=True,
    )
    target = AnnotationTargetSerializer()

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        # "@context" is no Python name; left out of an AnnotationPage's items.
        return {
            "@context": constant(
                "http://www.w3.org/ns/anno.jsonld", "Absent in an AnnotationPage's items."
            ),
            **super().get_fields(),
        }


class AnnotationPageSerializer(serializers.Serializer[Any]):
    """Every span of an article as one W3C AnnotationPage."""

    type = constant("AnnotationPage")
    id = serializers.URLField(help_text="The page's IRI.")
    items = WebAnnotationSerializer(many=True)

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        return {"@context": constant("http://www.w3.org/ns/anno.jsonld"), **super().get_fields()}


# --- schema.org ClaimReview --------------------------------------------------------------


def typed(type_name: str, *choices: str) -> Any:
    """A field named ``@type`` (no Python name) holding ``type_name`` or one of ``choices``."""
    return serializers.ChoiceField(choices=[type_name, *choices])


class JSONLDSerializer(serializers.Serializer[Any]):
    """A schema.org node: its ``@type`` (and ``@context`` at the top) come first."""

    jsonld_type: tuple[str, ...] = ()
    top_level = False

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields: dict[str, serializers.Field[Any, Any, Any, Any]] = {}
        if self.top_level:
            fields["@context"] = constant("https://schema.org")
        fields["@type"] = serializers.ChoiceField(choices=list(self.jsonld_type))
        return {**fields, **super().get_fields()}


@sometimes_absent("url")
class OrganizationSerializer(JSONLDSerializer):
    jsonld_type = ("Organization",)
    name = serializers.CharField()
    url = serializers.URLField()


class ClaimantSerializer(JSONLDSerializer):
    """Who made the claim: an Organization when a word of the name is one such as Ministry,
    Party, Inc or Agency; else a Person."""

    jsonld_type = ("Person", "Organization")
    name = serializers.CharField()


@sometimes_absent("datePublished")
class CreativeWorkSerializer(JSONLDSerializer):
    """An article the claim appears in."""

    jsonld_type = ("CreativeWork",)
    url = serializers.URLField(help_text="The article's url, else its IRI in this API.")
    headline = serializers.CharField()
    datePublished = serializers.DateTimeField()


@sometimes_absent("ratingValue", "bestRating", "worstRating")
class ReviewRatingSerializer(JSONLDSerializer):
    jsonld_type = ("Rating",)
    alternateName = serializers.CharField(help_text="The rating's label.")
    ratingValue = serializers.IntegerField(help_text="Ordinal ratings only.")
    bestRating = serializers.IntegerField(help_text="Ordinal ratings only.")
    worstRating = serializers.IntegerField(help_text="Ordinal ratings only.")


@sometimes_absent("author", "datePublished", "appearance", "firstAppearance")
class ReviewedClaimSerializer(JSONLDSerializer):
    jsonld_type = ("Claim",)
    author = ClaimantSerializer(help_text="Absent without a claimant.")
    datePublished = serializers.DateField(help_text="The claim date, when known.")
    appearance = CreativeWorkSerializer(
        many=True, help_text="The articles the claim's spans are in, earliest published first."
    )
    firstAppearance = CreativeWorkSerializer()


class ClaimReviewSerializer(JSONLDSerializer):
    """A published fact-check as a schema.org ClaimReview."""

    jsonld_type = ("ClaimReview",)
    top_level = True
    url = serializers.URLField(help_text="The fact-check's page.")
    claimReviewed = serializers.CharField()
    datePublished = serializers.DateField()
    author = OrganizationSerializer(help_text="The fact-checking organisation.")
    reviewRating = ReviewRatingSerializer()
    reviewBody = serializers.CharField()
    itemReviewed = ReviewedClaimSerializer()


class ClaimReviewFeedSerializer(JSONLDSerializer):
    """Every published fact-check, a page at a time, as a schema.org DataFeed."""

    jsonld_type = ("DataFeed",)
    top_level = True
    dateModified = serializers.DateTimeField(allow_null=True)
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    dataFeedElement = ClaimReviewSerializer(many=True)
