"""A search's parameters and its hits."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from annotations.api.serializers import StrictCharField
from annotations.search.query import QuerySyntaxError, parse


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

    def validate_q(self, q: str) -> str:
        try:
            parse(q)
        except QuerySyntaxError as exc:
            raise serializers.ValidationError(str(exc)) from exc
        return q


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
