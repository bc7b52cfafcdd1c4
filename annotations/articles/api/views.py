"""Articles and their spans, revisions and annotations."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from annotations.api import examples
from annotations.api.viewsets import (
    WorkspaceScopedViewSet,
    bulk_create_action,
    iri_for,
    summaries,
)
from annotations.articles import selectors
from annotations.articles import services as article_services
from annotations.articles.api import filters
from annotations.articles.api.serializers import ArticleAnnotationsSerializer
from annotations.articles.models import Article, Span
from annotations.articles.serializers import (
    ArticleChangedSerializer,
    ArticleRevisionDetailSerializer,
    ArticleRevisionSerializer,
    ArticleSerializer,
    SpanSerializer,
)
from annotations.interop import webannotation
from annotations.interop.renderers import WebAnnotationRenderer
from annotations.interop.serializers import AnnotationPageSerializer, WebAnnotationSerializer
from factcheck.http import rendered
from factcheck.http.conditional import fresh
from factcheck.http.renderers import JSONRenderer, Rendered, dumps

CHANGE_OF_BODY = (
    "A new body becomes a new revision; every span is re-anchored in it in the same "
    "transaction, and the response's `reanchoring` reports how."
)


@extend_schema_view(
    **summaries(
        "an article",
        "articles",
        partial_update={
            "description": CHANGE_OF_BODY,
            "request": ArticleSerializer,
            "responses": ArticleChangedSerializer,
            "examples": examples.CORRECTED_ARTICLE_EXAMPLES,
        },
        update={
            "description": CHANGE_OF_BODY,
            "request": ArticleSerializer,
            "responses": ArticleChangedSerializer,
            "examples": examples.REPLACED_ARTICLE_EXAMPLES,
        },
    ),
    annotations=extend_schema(
        summary="Get an article with all its annotations",
        description=(
            "The article, its spans, the claims that cite those spans (wherever else they "
            "appear) and those claims' verdicts, in one response, for annotation UIs."
        ),
    ),
)
class ArticleViewSet(WorkspaceScopedViewSet):
    """News articles. The body is stored normalised (NFC, `\\n`); spans point into it."""

    serializer_class = ArticleSerializer
    filterset_class = filters.ArticleFilter
    search_fields = ["title", "body"]
    ordering_fields = ["created_at", "updated_at", "published_at", "title"]

    bulk = bulk_create_action("articles", ArticleSerializer, "3.url")

    def select(self, user: Any) -> QuerySet[Article]:
        return selectors.articles_for(user)

    report_serializers: ClassVar[dict[str, type[serializers.BaseSerializer[Any]]]] = {
        "update": ArticleChangedSerializer,
        "partial_update": ArticleChangedSerializer,
    }

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        article: Article = serializer.instance  # type: ignore[assignment]
        report = article_services.article_update(
            article,
            serializer.validated_data,
            by=self.request.user,  # type: ignore[arg-type]
        )
        self._reload(serializer, article)
        serializer.instance.reanchoring = report  # type: ignore[union-attr]

    @extend_schema(
        summary="List an article's revisions",
        operation_id="articles_revisions",
        responses=ArticleRevisionSerializer(many=True),
        description=(
            "Every body the article has had, oldest first: revision 1 is the body it was "
            "created with, and each change of body adds one. Spans' `revision` refers to these."
        ),
        examples=examples.REVISION_LIST_EXAMPLES,
        filters=False,
    )
    @action(
        detail=True,
        methods=["get"],
        serializer_class=ArticleRevisionSerializer,
        filter_backends=[],
    )
    def revisions(self, request: Request, pk: str) -> Response:
        revisions = selectors.revisions_of(self.get_object())
        page = self.paginate_queryset(revisions.defer("body").order_by("number"))
        return self.get_paginated_response(ArticleRevisionSerializer(page, many=True).data)

    @extend_schema(
        summary="Get one revision of an article, with its body",
        operation_id="articles_revision",
        parameters=[
            OpenApiParameter(
                "number", int, OpenApiParameter.PATH, description="The revision's number."
            )
        ],
        filters=False,
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"revisions/(?P<number>[0-9]{1,9})",
        serializer_class=ArticleRevisionDetailSerializer,
        filter_backends=[],
        pagination_class=None,
    )
    def revision(self, request: Request, pk: str, number: str) -> Response:
        revision = get_object_or_404(selectors.revisions_of(self.get_object()), number=int(number))
        return Response(ArticleRevisionDetailSerializer(revision).data)

    @extend_schema(
        summary="Get an article's spans as a W3C AnnotationPage",
        responses={
            (200, WebAnnotationRenderer.media_type): AnnotationPageSerializer,
            (200, "application/json"): AnnotationPageSerializer,
        },
        examples=examples.for_media_types(
            "AnnotationPage",
            examples.ANNOTATION_PAGE,
            WebAnnotationRenderer.media_type,
            "application/json",
        ),
        filters=False,
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="annotations/w3c",
        # A renderer with a profile matches only an Accept naming it; JSON serves the rest.
        renderer_classes=[WebAnnotationRenderer, JSONRenderer],
        filter_backends=[],
        pagination_class=None,
    )
    def annotations_w3c(self, request: Request, pk: str) -> Response:
        article = self.get_object()
        page = webannotation.annotation_page(
            article,
            selectors.spans_with_claims(article),
            iri=iri_for(request),
            page_iri=request.build_absolute_uri(),
            claims_of=lambda span: [claim.pk for claim in span.claims.all()],
            revision_hashes=dict(article.revisions.values_list("number", "body_sha256")),
        )
        return Response(page)

    @action(detail=True, methods=["get"], serializer_class=ArticleAnnotationsSerializer)
    def annotations(self, request: Request, pk: str) -> Response:
        state = rendered.serves_rendered(request) and selectors.annotation_state(pk, request.user)
        if not state:
            data = selectors.article_annotations(self.get_object(), request.user)
            return Response(self.get_serializer(data).data)
        # Kept ready in two parts: what all members see, and what this caller's view of the
        # verdicts shows (one per reviewer, one for everyone else).
        seen_by = selectors.verdicts_seen_by(request.user, state.workspace_id)
        etag = rendered.etag("annotations", state.article_id, *state.version, seen_by)
        if fresh(request, etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        shared = rendered.key("annotations", state.article_id, *state.version)
        own = rendered.key("annotations", state.article_id, *state.version, seen_by)
        found = rendered.kept([shared, own])
        if len(found) < 2:
            data = selectors.article_annotations(self.get_object(), request.user)
            serializer = ArticleAnnotationsSerializer(data, context=self.get_serializer_context())
            parts = {shared: serializer.SHARED, own: serializer.PER_CALLER}
            made = {
                key: dumps(serializer.fields_of(names))
                for key, names in parts.items()
                if key not in found
            }
            rendered.keep(made)
            found.update(made)
        # Two JSON objects, one document: {"article": …, "spans": […], "claims": …}.
        return Response(
            Rendered(found[shared][:-1] + b"," + found[own][1:]), headers={"ETag": etag}
        )


@extend_schema_view(**summaries("a span", "spans"))
class SpanViewSet(WorkspaceScopedViewSet):
    """Highlighted passages, anchored by code-point offsets `[start, end)` into an article's
    body, with their quote and 32 characters of context each side."""

    serializer_class = SpanSerializer
    filterset_class = filters.SpanFilter
    ordering_fields = ["start", "created_at", "updated_at"]
    workspace_field = "article"
    # A created span holds every field its representation shows: reading 1,000 of them back
    # took about a third of a bulk request (docs/benchmarks.md).
    read_back_created = False

    def select(self, user: Any) -> QuerySet[Span]:
        return selectors.spans_for(user, listing=self.action == "list")

    def get_renderers(self) -> list[Any]:
        renderers = super().get_renderers()
        if self.action == "retrieve":
            renderers.append(WebAnnotationRenderer())
        return renderers

    @extend_schema(
        summary="Get a span",
        description=(
            "As JSON, or as a W3C Web Annotation with "
            f"`Accept: {WebAnnotationRenderer.media_type}`."
        ),
        responses={
            (200, "application/json"): SpanSerializer,
            (200, WebAnnotationRenderer.media_type): WebAnnotationSerializer,
        },
        examples=[
            *examples.for_media_types("Span", examples.SPAN, "application/json"),
            *examples.for_media_types(
                "Web Annotation", examples.WEB_ANNOTATION, WebAnnotationRenderer.media_type
            ),
        ],
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if request.accepted_renderer.format != WebAnnotationRenderer.format:
            return super().retrieve(request, *args, **kwargs)
        span = self.get_object()
        article, body_sha256, claim_ids = selectors.span_context(span)
        return Response(
            webannotation.annotation(
                span, article, iri=iri_for(request), body_sha256=body_sha256, claim_ids=claim_ids
            )
        )

    bulk = bulk_create_action("spans", SpanSerializer, "3.end")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # A page of one article's spans is kept ready under its annotation version.
        article = request.query_params.get("article")
        state = (
            article
            and rendered.serves_rendered(request)
            and selectors.annotation_state(article, request.user)
        )
        if not state:
            return super().list(request, *args, **kwargs)
        key = rendered.key("spans", state.article_id, *state.version, request.build_absolute_uri())
        return rendered.served(key, partial(super().list, request, *args, **kwargs))
