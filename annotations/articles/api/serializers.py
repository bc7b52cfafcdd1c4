"""An article with everything annotated on it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples
from annotations.articles.serializers import ArticleSerializer, SpanSerializer
from annotations.claims.serializers import ClaimSerializer
from annotations.review.serializers import VerdictSerializer


@extend_schema_serializer(examples=examples.ANNOTATIONS_EXAMPLES)
class ArticleAnnotationsSerializer(serializers.Serializer[Any]):
    """An article with everything annotated on it, for annotation UIs."""

    article = ArticleSerializer()
    spans = SpanSerializer(many=True)
    claims = ClaimSerializer(many=True, help_text="The claims that cite the article's spans.")
    verdicts = VerdictSerializer(many=True, help_text="The verdicts on those claims.")

    SHARED = ("article", "spans")
    """The fields every member of the workspace sees alike, first."""
    PER_CALLER = ("claims", "verdicts")
    """The fields that show the verdicts the caller may see (blind review), after them."""

    def fields_of(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The representation's fields ``names`` only, as ``data`` shows them."""
        fields = self.fields
        return {
            name: fields[name].to_representation(fields[name].get_attribute(self.instance))
            for name in names
        }
