"""API views: declarative viewsets over querysets scoped to the requesting user."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Length
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, Throttled
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api import examples, filters
from annotations.api.permissions import (
    IsStaffOrReadOnly,
    IsWorkspaceEditor,
    VerdictPermission,
    WorkspaceRolePermission,
)
from annotations.api.serializers import (
    AgreementQuerySerializer,
    AgreementSerializer,
    AnnotationImportSerializer,
    ArticleAnnotationsSerializer,
    ArticleRevisionDetailSerializer,
    ArticleRevisionSerializer,
    ArticleSerializer,
    AuthTokenSerializer,
    ClaimLinkSerializer,
    ClaimSerializer,
    CredentialsSerializer,
    HistoryEntrySerializer,
    ImportReportSerializer,
    MembershipSerializer,
    MeSerializer,
    RatingSerializer,
    SearchHitSerializer,
    SearchQuerySerializer,
    SimilarClaimSerializer,
    SimilarClaimsQuerySerializer,
    SpanSerializer,
    VerdictSerializer,
    WorkspaceSerializer,
)
from annotations.articles import services as article_services
from annotations.articles.models import Article, ArticleRevision, Span
from annotations.claims import services as claim_services
from annotations.claims.matching import similar_claims
from annotations.claims.models import Claim
from annotations.history.entries import history_entries
from annotations.interop import services as interop_services
from annotations.interop import webannotation
from annotations.interop.renderers import WebAnnotationRenderer
from annotations.review import services as review_services
from annotations.review.models import Rating, Verdict, VerdictState
from annotations.review.stats import agreement_report
from annotations.search.engines import Hit, find
from annotations.search.query import QuerySyntaxError, parse
from annotations.search.snippets import snippets
from annotations.workspaces import access, login_limits
from annotations.workspaces import services as workspace_services
from annotations.workspaces.models import Membership, Role, Workspace
from factcheck.http.conditional import ConditionalMixin, ConditionalUpdateMixin
from factcheck.http.pagination import SearchPagination
from factcheck.http.renderers import JSONRenderer

CRUD = ("list", "create", "retrieve", "update", "partial_update", "destroy")


def iri_for(request: Request) -> Any:
    """``iri(kind, pk)``: the absolute IRI of a resource, for linked data."""
    return lambda kind, pk: request.build_absolute_uri(reverse(f"{kind}-detail", args=[pk]))


def summaries(noun: str, plural: str, **extra: Any) -> dict[str, Any]:
    """``extend_schema_view`` arguments giving each CRUD operation a summary."""
    texts = {
        "list": f"List {plural}",
        "create": f"Create {noun}",
        "retrieve": f"Get {noun}",
        "update": f"Replace {noun}",
        "partial_update": f"Change {noun}",
        "destroy": f"Delete {noun}",
    }
    return {name: extend_schema(summary=texts[name], **extra.get(name, {})) for name in CRUD}


def claim_span_ids() -> Prefetch:
    """Each claim's spans, as its representation lists them: by id."""
    return Prefetch("spans", queryset=Span.objects.only("id", "article_id"))


def bulk_create_action(noun: str, serializer: Any, example_field: str) -> Any:
    """``POST …/bulk/`` for a viewset: ``WorkspaceScopedViewSet.create_many``, documented."""

    @extend_schema(
        summary=f"Create many {noun}",
        description=(
            f"Up to 1,000 {noun}, each validated as for a single creation; all or nothing. "
            "A rejected batch answers 400 naming each failing item by its index "
            f"(`errors[].field` like `{example_field}`)."
        ),
        request=serializer(many=True),
        responses={201: serializer(many=True)},
    )
    @action(detail=False, methods=["post"], url_path="bulk")
    def bulk(self: WorkspaceScopedViewSet, request: Request) -> Response:
        return self.create_many(request)

    return bulk


class LocatedCreateMixin(viewsets.GenericViewSet[Any]):
    """A creation answers with ``Location``: the new resource's URL. (DRF would copy a field
    named ``url`` there, which for an article is the news page it came from.)"""

    location_field = "id"
    """The field of the representation that is the new resource's lookup value."""

    def get_success_headers(self, data: Any) -> dict[str, str]:
        lookup = {self.lookup_url_kwarg or self.lookup_field: data[self.location_field]}
        path = reverse(f"{self.basename}-detail", kwargs={**self.kwargs, **lookup})
        return {"Location": self.request.build_absolute_uri(path)}


class WorkspaceScopedViewSet(
    LocatedCreateMixin, ConditionalUpdateMixin, viewsets.ModelViewSet[Any]
):
    """CRUD over rows of the requesting user's workspaces.

    Subclasses set ``queryset`` (a ``WorkspaceScopedQuerySet``), ``creator_roles`` (who may
    create), ``owner_field`` (who owns a row) and ``workspace_field`` (the validated field
    that places a new row in a workspace).
    """

    permission_classes = [
        IsAuthenticated,
        WorkspaceRolePermission,
    ]
    creator_roles = access.ROLES_THAT_ANNOTATE
    owner_field = "created_by"
    workspace_field = "workspace"

    def get_queryset(self) -> QuerySet[Any]:
        return super().get_queryset().visible_to(self.request.user)

    def _workspace_of(self, validated: dict[str, Any]) -> Any:
        placed_in = validated[self.workspace_field]
        return placed_in.pk if isinstance(placed_in, Workspace) else placed_in.workspace_id

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        workspace_id = self._workspace_of(serializer.validated_data)
        access.require_role(self.request.user, workspace_id, self.creator_roles)
        instance = serializer.save(**{self.owner_field: self.request.user})
        self._reload(serializer, instance)

    max_bulk = 1000
    read_back_created = True
    """Whether ``create_many`` answers with the rows read back from the database (for fields
    it computes, such as counts) rather than with the rows as created."""

    def create_many(self, request: Request) -> Response:
        """Up to ``max_bulk`` creations in one request, all or nothing, errors by index."""
        batch = self.get_serializer(
            data=request.data, many=True, allow_empty=False, max_length=self.max_bulk
        )
        batch.is_valid(raise_exception=True)
        for workspace_id in {self._workspace_of(item) for item in batch.validated_data}:
            access.require_role(request.user, workspace_id, self.creator_roles)
        rows = batch.save(**{self.owner_field: request.user})
        if self.read_back_created:
            saved = self.get_queryset().in_bulk([row.pk for row in rows])
            rows = [saved[row.pk] for row in rows]
        return Response(self.get_serializer(rows, many=True).data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        self._reload(serializer, serializer.save())

    def _reload(self, serializer: serializers.BaseSerializer[Any], instance: Any) -> None:
        # The response shows computed fields (counts, status) as a later read would.
        serializer.instance = self.get_queryset().get(pk=instance.pk)

    # Many-to-many fields whose history is kept: name -> (historical rows, id attribute).
    history_relations: ClassVar[dict[str, tuple[str, str]]] = {}

    @extend_schema(
        summary="History of changes",
        description=(
            "Every creation, change and deletion, newest first: who, when, through which "
            "request (X-Request-ID), and the values before and after. Read-only. A deleted "
            "row's history stays readable by id."
        ),
        responses=HistoryEntrySerializer(many=True),
        filters=False,
    )
    @action(
        detail=True, methods=["get"], serializer_class=HistoryEntrySerializer, filter_backends=[]
    )
    def history(self, request: Request, pk: str) -> Response:
        model = self.get_queryset().model
        try:
            model._meta.pk.to_python(pk)
        except DjangoValidationError as exc:
            raise Http404 from exc
        records = list(
            model.history.filter(id=pk)
            .select_related("history_user")
            .prefetch_related(*(accessor for accessor, _ in self.history_relations.values()))
            .order_by("history_date", "history_id")
        )
        if not self.get_queryset().filter(pk=pk).exists() and not (
            records
            and records[-1].history_type == "-"
            and self.may_read_deleted_history(records[-1])
        ):
            raise Http404
        entries = history_entries(records, self.history_relations)
        page = self.paginate_queryset(entries)  # type: ignore[arg-type]
        return self.get_paginated_response(HistoryEntrySerializer(page, many=True).data)

    def may_read_deleted_history(self, record: Any) -> bool:
        return access.role_in(self.request.user, record.history_workspace_id) is not None


@extend_schema_view(
    **summaries(
        "an article",
        "articles",
        partial_update={
            "description": (
                "A new body becomes a new revision; every span is re-anchored in it in the "
                "same transaction, and the response's `reanchoring` reports how."
            ),
            "examples": examples.CORRECTED_ARTICLE_EXAMPLES,
        },
        update={
            "description": (
                "A new body becomes a new revision; every span is re-anchored in it in the "
                "same transaction, and the response's `reanchoring` reports how."
            )
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

    queryset = (
        Article.objects.with_usernames("created_by").select_related("workspace").with_counts()
    )
    serializer_class = ArticleSerializer
    filterset_class = filters.ArticleFilter
    search_fields = ["title", "body"]
    ordering_fields = ["created_at", "updated_at", "published_at", "title"]

    bulk = bulk_create_action("articles", ArticleSerializer, "3.url")

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        article: Article = serializer.instance  # type: ignore[assignment]
        report = article_services.article_update(
            article,
            serializer.validated_data,
            by=self.request.user,  # type: ignore[arg-type]
        )
        self._reload(serializer, article)
        serializer.instance.reanchoring = report  # type: ignore[union-attr]

    def _revisions(self) -> QuerySet[ArticleRevision]:
        return (
            ArticleRevision.objects.filter(article=self.get_object())
            .select_related("created_by")
            .annotate(length=Length("body"))
        )

    @extend_schema(
        summary="List an article's revisions",
        operation_id="articles_revisions_list",
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
        page = self.paginate_queryset(self._revisions().defer("body").order_by("number"))
        return self.get_paginated_response(ArticleRevisionSerializer(page, many=True).data)

    @extend_schema(
        summary="Get one revision of an article, with its body",
        operation_id="articles_revision_retrieve",
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
        revision = get_object_or_404(self._revisions(), number=int(number))
        return Response(ArticleRevisionDetailSerializer(revision).data)

    @extend_schema(
        summary="Get an article's spans as a W3C AnnotationPage",
        responses={
            (200, WebAnnotationRenderer.media_type): OpenApiTypes.OBJECT,
            (200, "application/json"): OpenApiTypes.OBJECT,
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
        spans = (
            Span.objects.filter(article=article)
            .select_related("created_by")
            .prefetch_related(Prefetch("claims", queryset=Claim.objects.only("id")))
        )
        page = webannotation.annotation_page(
            article,
            spans,
            iri=iri_for(request),
            page_iri=request.build_absolute_uri(),
            claims_of=lambda span: [claim.pk for claim in span.claims.all()],
            revision_hashes=dict(article.revisions.values_list("number", "body_sha256")),
        )
        return Response(page)

    @action(detail=True, methods=["get"], serializer_class=ArticleAnnotationsSerializer)
    def annotations(self, request: Request, pk: str) -> Response:
        article = self.get_object()
        spans = Span.objects.filter(article=article).with_usernames("created_by")
        claims = (
            Claim.objects.filter(
                workspace=article.workspace_id,
                pk__in=Claim.objects.filter(spans__article=article).values("pk"),
            )
            .with_usernames("created_by")
            .select_related("workspace")
            .with_status(Verdict.objects.visible_to(request.user))
            .prefetch_related(claim_span_ids())
        )
        verdicts = (
            Verdict.objects.visible_to(request.user)
            .filter(claim__in=claims.values("pk"))
            .with_usernames("reviewer")
            .select_related("rating")
        )
        data = {"article": article, "spans": spans, "claims": claims, "verdicts": verdicts}
        return Response(self.get_serializer(data).data)


@extend_schema_view(**summaries("a span", "spans"))
class SpanViewSet(WorkspaceScopedViewSet):
    """Highlighted passages, anchored by code-point offsets `[start, end)` into an article's
    body, with their quote and 32 characters of context each side."""

    # The article's workspace decides permissions; its body is read under lock when anchoring.
    queryset = (
        Span.objects.with_usernames("created_by").select_related("article").defer("article__body")
    )
    serializer_class = SpanSerializer
    filterset_class = filters.SpanFilter
    ordering_fields = ["start", "created_at", "updated_at"]
    workspace_field = "article"
    # A created span holds every field its representation shows: reading 1,000 of them back
    # took about a third of a bulk request (docs/benchmarks.md).
    read_back_created = False

    def get_queryset(self) -> QuerySet[Any]:
        spans = super().get_queryset()
        if self.action == "list":
            # A list shows each span's article by id: building an article (and its dates)
            # for every span cost a fifth of the request.
            return spans.select_related(None).select_related("created_by")
        return spans

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
            (200, WebAnnotationRenderer.media_type): OpenApiTypes.OBJECT,
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
        claims = span.claims.values_list("pk", flat=True)
        article = Article.objects.get(pk=span.article_id)
        body_sha256 = ArticleRevision.objects.values_list("body_sha256", flat=True).get(
            article=article, number=span.revision
        )
        return Response(
            webannotation.annotation(
                span,
                article,
                iri=iri_for(request),
                body_sha256=body_sha256,
                claim_ids=claims,
            )
        )

    bulk = bulk_create_action("spans", SpanSerializer, "3.end")


REGROUPING_RULE = (
    "Annotators link and unlink the claims they created; editors any claim. When a claim of "
    "either group has a published verdict, the change alters the public ClaimReview feed and "
    "only an editor may make it (403 otherwise)."
)


@extend_schema_view(**summaries("a claim", "claims"))
class ClaimViewSet(WorkspaceScopedViewSet):
    """Checkable statements, cited by spans in one or more articles of a workspace."""

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        super().perform_create(serializer)
        claim: Claim = serializer.instance  # type: ignore[assignment]
        others = Claim.objects.filter(workspace=claim.workspace_id).exclude(pk=claim.pk)
        claim.similar_claims = similar_claims_with_verdicts(  # type: ignore[attr-defined]
            claim.text, others, limit=5, threshold=settings.FACTCHECK_DUPLICATE_SIMILARITY
        )

    @extend_schema(
        summary="Find claims checked before",
        description=(
            "Existing claims of your workspaces ranked by how alike they read to `text` "
            "(similarity in [0, 1], robust to word order and small insertions), each with its "
            "published verdict, or a linked claim's, if it was checked."
        ),
        parameters=[SimilarClaimsQuerySerializer],
        responses=SimilarClaimSerializer(many=True),
        examples=examples.SIMILAR_CLAIMS_EXAMPLES,
        filters=False,
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def similar(self, request: Request) -> Response:
        given = SimilarClaimsQuerySerializer(data=request.query_params)
        given.is_valid(raise_exception=True)
        claims = Claim.objects.visible_to(request.user)
        if "workspace" in given.validated_data:
            claims = claims.filter(workspace__slug=given.validated_data["workspace"])
        found = similar_claims_with_verdicts(
            given.validated_data["text"], claims, limit=given.validated_data["limit"]
        )
        return Response(SimilarClaimSerializer(found, many=True).data)

    @extend_schema(
        summary="Link a claim to another as the same claim",
        description=(
            "The two claims (and the claims already linked to either) become one group, "
            "shown as `group`; a published verdict of any of them is shared in the ClaimReview "
            "feed. List a group with `?group=`. " + REGROUPING_RULE
        ),
        request=ClaimLinkSerializer,
        examples=examples.CLAIM_LINK_EXAMPLES,
    )
    @action(detail=True, methods=["post"])
    def link(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        given = ClaimLinkSerializer(data=request.data, context=self.get_serializer_context())
        given.is_valid(raise_exception=True)
        claim_services.claim_link(claim, given.validated_data["other"], by=request.user)  # type: ignore[arg-type]
        return Response(self.get_serializer(self.get_queryset().get(pk=claim.pk)).data)

    @extend_schema(
        summary="Unlink a claim from its group",
        description="The claim leaves its group; a group left with one claim is no group. "
        + REGROUPING_RULE,
        request=None,
    )
    @action(detail=True, methods=["post"])
    def unlink(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        claim_services.claim_unlink(claim, by=request.user)  # type: ignore[arg-type]
        return Response(self.get_serializer(self.get_queryset().get(pk=claim.pk)).data)

    # The services lock what they change, in an order of their own.
    actions_locking_for_themselves = frozenset({"link", "unlink"})

    queryset = (
        Claim.objects.with_usernames("created_by")
        .select_related("workspace")
        .prefetch_related(claim_span_ids())
    )
    serializer_class = ClaimSerializer
    filterset_class = filters.ClaimFilter
    history_relations: ClassVar[dict[str, tuple[str, str]]] = {
        "spans": ("historicalclaimspan_set", "span_id")
    }
    search_fields = ["text", "claimant"]
    ordering_fields = ["created_at", "updated_at", "claim_date"]

    def get_queryset(self) -> QuerySet[Any]:
        # Built per request: the status depends on settings (the quorum).
        return (
            super()
            .get_queryset()
            .with_status(  # type: ignore[attr-defined]
                Verdict.objects.visible_to(self.request.user)
            )
        )


def similar_claims_with_verdicts(
    text: str, claims: QuerySet[Claim], *, limit: int, threshold: float = 0.0
) -> list[dict[str, Any]]:
    """``similar_claims`` with each claim's published verdict, or its group's."""
    found = similar_claims(text, claims, limit=limit, threshold=threshold)
    ids = [claim.pk for claim, _ in found]
    groups = [claim.group for claim, _ in found if claim.group]
    published = (
        Verdict.objects.filter(state=VerdictState.PUBLISHED)
        .filter(Q(claim__in=ids) | Q(claim__group__in=groups))
        .select_related("rating", "claim")
        .order_by("published_at")
        if found
        else []
    )
    by_claim = {verdict.claim_id: verdict for verdict in published}
    by_group: dict[Any, Verdict] = {
        verdict.claim.group: verdict for verdict in published if verdict.claim.group
    }
    return [
        {
            "claim": claim,
            "score": round(score, 4),
            "published_verdict": by_claim.get(claim.pk) or by_group.get(claim.group),
        }
        for claim, score in found
    ]


class SearchView(APIView):
    """Full-text search of the articles and claims of your workspaces."""

    permission_classes = [IsAuthenticated]
    pagination_class = SearchPagination

    @extend_schema(
        summary="Search articles and claims",
        description=(
            "Article titles and bodies and claim texts, ranked by relevance, each hit with a "
            "snippet whose matched words are marked. Query syntax as in a search box: words "
            '(all must occur), "quoted phrases", -excluded words, OR between alternatives. '
            "Words are matched by their stem in the article's (or claim's) language on "
            "PostgreSQL; on SQLite, with English stemming for all."
        ),
        parameters=[SearchQuerySerializer],
        responses=SearchHitSerializer(many=True),
        examples=examples.SEARCH_EXAMPLES,
    )
    def get(self, request: Request) -> Response:
        given = SearchQuerySerializer(data=request.query_params)
        given.is_valid(raise_exception=True)
        wanted = given.validated_data
        articles = Article.objects.visible_to(request.user)
        claims = Claim.objects.visible_to(request.user)
        if "language" in wanted:
            language = wanted["language"]
            matches = Q(language__iexact=language) | Q(language__istartswith=f"{language}-")
            articles, claims = articles.filter(matches), claims.filter(matches)
        if "publisher" in wanted:
            articles = articles.filter(publisher__iexact=wanted["publisher"])
            claims = claims.filter(pk__in=Claim.objects.filter(spans__article__in=articles))
        if "since" in wanted:
            articles = articles.filter(published_at__date__gte=wanted["since"])
            claims = claims.filter(claim_date__gte=wanted["since"])
        if "until" in wanted:
            articles = articles.filter(published_at__date__lte=wanted["until"])
            claims = claims.filter(claim_date__lte=wanted["until"])
        kind = wanted.get("type")
        try:
            parse(wanted["q"])
        except QuerySyntaxError as exc:
            raise serializers.ValidationError({"q": [str(exc)]}) from exc
        results = find(
            wanted["q"],
            articles=articles if kind in (None, "article") else None,
            claims=claims if kind in (None, "claim") else None,
            window=settings.FACTCHECK_SEARCH_WINDOW,
        )
        paginator = self.pagination_class()
        hits: list[Hit] = paginator.paginate_queryset(results.hits, request, self) or []  # type: ignore[arg-type]
        return paginator.get_paginated_response(
            SearchHitSerializer(search_hits(wanted["q"], hits), many=True).data,
            truncated=results.truncated,
        )


def search_hits(query: str, hits: list[Hit]) -> list[dict[str, Any]]:
    """The hits with what a result list shows: title, snippet, language, date, publisher."""
    marked = snippets(query, hits)
    articles = Article.objects.defer("body").in_bulk(
        [hit.id for hit in hits if hit.kind == "article"]
    )
    claims = Claim.objects.in_bulk([hit.id for hit in hits if hit.kind == "claim"])
    rows = []
    for hit in hits:
        row: dict[str, Any] = {"type": hit.kind, "id": hit.id, "score": round(hit.score, 6)}
        if hit.kind == "article":
            article = articles[hit.id]
            row |= {
                "title": article.title,
                "language": article.language,
                "date": article.published_at.date() if article.published_at else None,
                "publisher": article.publisher,
            }
        else:
            claim = claims[hit.id]
            row |= {
                "title": claim.text,
                "language": claim.language,
                "date": claim.claim_date,
                "publisher": "",
            }
        row["snippet"] = marked.get((hit.kind, hit.id), "")
        rows.append(row)
    return rows


@extend_schema_view(
    **summaries("a verdict", "verdicts"),
    submit=extend_schema(
        summary="Submit a verdict",
        description=(
            "Its reviewer's (or an editor's) final word on a draft, which needs an explanation "
            "and at least one source. A submitted verdict counts towards agreement, can be "
            "changed only by editors, and shows its reviewer the other reviewers' verdicts on "
            "the claim (blind review)."
        ),
        request=None,
    ),
    publish=extend_schema(
        summary="Publish a verdict",
        description=(
            "Editors only, for a submitted verdict. The claim's published verdict, if any, "
            "becomes `superseded`: a claim has one published verdict at a time."
        ),
        request=None,
    ),
)
class VerdictViewSet(WorkspaceScopedViewSet):
    """Reviewers' ratings of claims: one per reviewer and claim; drafted, submitted by the
    reviewer, published by an editor. Review is blind: a reviewer sees other reviewers'
    unpublished verdicts on a claim only once they have submitted their own."""

    queryset = Verdict.objects.with_usernames("reviewer").select_related("rating", "claim")
    serializer_class = VerdictSerializer
    filterset_class = filters.VerdictFilter
    ordering_fields = ["created_at", "updated_at", "published_at"]
    permission_classes = [
        IsAuthenticated,
        VerdictPermission,
    ]
    creator_roles = access.ROLES_THAT_REVIEW
    owner_field = "reviewer"
    workspace_field = "claim"

    def perform_destroy(self, instance: Verdict) -> None:
        review_services.verdict_check_deletable(instance)
        super().perform_destroy(instance)

    def may_read_deleted_history(self, record: Any) -> bool:
        # Blind review outlives the verdict: its reviewer and editors only.
        role = access.role_in(self.request.user, record.history_workspace_id)
        return role == Role.EDITOR or record.reviewer_id == self.request.user.pk

    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        verdict = review_services.verdict_submit(self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=verdict.pk)).data)

    @action(
        detail=True,
        methods=["post"],
        permission_classes=[IsAuthenticated, IsWorkspaceEditor],
    )
    def publish(self, request: Request, pk: str) -> Response:
        verdict = review_services.verdict_publish(self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=verdict.pk)).data)


@extend_schema_view(**summaries("a rating", "ratings"))
class RatingViewSet(LocatedCreateMixin, ConditionalUpdateMixin, viewsets.ModelViewSet[Rating]):
    """The installation's rating scale. Everyone reads it; staff users change it. A rating
    in use by a verdict cannot be deleted."""

    queryset = Rating.objects.all()
    serializer_class = RatingSerializer
    permission_classes = [
        IsAuthenticated,
        IsStaffOrReadOnly,
    ]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    location_field = "slug"
    pagination_class = None
    filter_backends = []


@extend_schema_view(
    list=extend_schema(summary="List your workspaces"),
    retrieve=extend_schema(summary="Get a workspace"),
)
class WorkspaceViewSet(ConditionalMixin, viewsets.ReadOnlyModelViewSet[Workspace]):
    """The workspaces you are a member of, with your role in each."""

    serializer_class = WorkspaceSerializer
    lookup_field = "slug"
    filter_backends = []
    queryset = Workspace.objects.all()

    def get_queryset(self) -> QuerySet[Workspace]:
        return Workspace.objects.visible_to(self.request.user)


WORKSPACE_SLUG = OpenApiParameter(
    "workspace_slug", str, OpenApiParameter.PATH, description="Slug of the workspace."
)
USERNAME = OpenApiParameter(
    "username", str, OpenApiParameter.PATH, description="Member's username."
)


class IsEditorOfWorkspaceOrReadOnly(BasePermission):
    message = "Managing members needs the editor role in the workspace."

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return access.role_in(request.user, view.workspace.pk) == Role.EDITOR  # type: ignore[attr-defined]


@extend_schema_view(
    list=extend_schema(summary="List members of a workspace", parameters=[WORKSPACE_SLUG]),
    create=extend_schema(summary="Add a member to a workspace", parameters=[WORKSPACE_SLUG]),
    retrieve=extend_schema(summary="Get a member", parameters=[WORKSPACE_SLUG, USERNAME]),
    partial_update=extend_schema(
        summary="Change a member's role", parameters=[WORKSPACE_SLUG, USERNAME]
    ),
    update=extend_schema(summary="Replace a membership", parameters=[WORKSPACE_SLUG, USERNAME]),
    destroy=extend_schema(
        summary="Remove a member from a workspace", parameters=[WORKSPACE_SLUG, USERNAME]
    ),
)
class MembershipViewSet(
    LocatedCreateMixin, ConditionalUpdateMixin, viewsets.ModelViewSet[Membership]
):
    """Members of a workspace and their roles. Members read; editors manage. A workspace
    always keeps at least one editor."""

    serializer_class = MembershipSerializer
    permission_classes = [
        IsAuthenticated,
        IsEditorOfWorkspaceOrReadOnly,
    ]
    lookup_field = "user__username"
    lookup_url_kwarg = "username"
    location_field = "username"
    filter_backends = []
    queryset = Membership.objects.all()

    @property
    def workspace(self) -> Workspace:
        if not hasattr(self, "_workspace"):
            self._workspace = get_object_or_404(
                Workspace.objects.visible_to(self.request.user), slug=self.kwargs["workspace_slug"]
            )
        return self._workspace

    def get_queryset(self) -> QuerySet[Membership]:
        return super().get_queryset().filter(workspace=self.workspace).select_related("user")

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if "workspace_slug" in self.kwargs:
            context["workspace"] = self.workspace
        return context

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        data = serializer.validated_data
        serializer.instance = workspace_services.membership_set_role(
            self.workspace, data["user"], data["role"]
        )

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        membership: Membership = serializer.instance  # type: ignore[assignment]
        role = serializer.validated_data.get("role", membership.role)
        serializer.instance = workspace_services.membership_set_role(
            self.workspace, membership.user, role
        )

    def perform_destroy(self, instance: Membership) -> None:
        workspace_services.membership_remove(instance)


class MeView(APIView):
    """Who you are: your username, roles and workspaces."""

    @extend_schema(summary="Get the current user", responses=MeSerializer)
    def get(self, request: Request) -> Response:
        workspaces = Workspace.objects.visible_to(request.user)
        roles = sorted(set(access.roles_by_workspace(request.user).values()))
        data = {"username": request.user.get_username(), "roles": roles, "workspaces": workspaces}
        return Response(MeSerializer(data, context={"request": request}).data)


class AuthTokenView(APIView):
    """Exchange a username and password for an API token."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Get an API token",
        request=CredentialsSerializer,
        responses={200: AuthTokenSerializer},
        examples=[
            OpenApiExample(
                "Demo editor",
                value={"username": "demo-editor", "password": "demo-password"},
                request_only=True,
            ),
            OpenApiExample(
                "Token",
                value={"token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"},
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        credentials = CredentialsSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request=request, **credentials.validated_data)
        if user is None:
            wait = login_limits.retry_after(request)
            if wait is not None:
                raise Throttled(
                    wait,
                    detail="Too many failed logins for this account: logging in as it is "
                    f"refused for {wait} more seconds.",
                )
            raise serializers.ValidationError(
                {"non_field_errors": ["Unable to log in with the username and password given."]}
            )
        token, _ = Token.objects.get_or_create(user=user)
        return Response(AuthTokenSerializer({"token": token.key}).data, status=status.HTTP_200_OK)


class AgreementView(APIView):
    """How far reviewers agree, for editors to judge the review process."""

    extra_error_codes = ("400", "403")

    @extend_schema(
        summary="Agreement between reviewers",
        description=(
            "Editors only, over the workspaces they edit. Krippendorff's alpha (nominal, and "
            "ordinal over the ordinal ratings only) over submitted, published and superseded "
            "verdicts, with the number of claims and verdicts it rests on, and Cohen's kappa "
            "for each pair of reviewers who rated at least `min_common` claims in common."
        ),
        parameters=[AgreementQuerySerializer],
        responses=AgreementSerializer,
    )
    def get(self, request: Request) -> Response:
        # A plain dict: DRF would read a blank parameter from a QueryDict as absent.
        query = AgreementQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        params = query.validated_data
        edited = [
            workspace
            for workspace, role in access.roles_by_workspace(request.user).items()
            if role == Role.EDITOR
        ]
        if not edited:
            raise PermissionDenied("Agreement statistics are for editors.")
        if "workspace" in params:
            chosen = Workspace.objects.filter(pk__in=edited, slug=params["workspace"]).first()
            if chosen is None:
                raise serializers.ValidationError(
                    {"workspace": ["Not a workspace you are an editor of."]}
                )
            edited = [chosen.pk]
        verdicts = Verdict.objects.filter(claim__workspace__in=edited)
        if "article" in params:
            cited = Claim.objects.filter(spans__article=params["article"]).values("pk")
            verdicts = verdicts.filter(claim__in=cited)
        if "claimant" in params:
            verdicts = verdicts.filter(claim__claimant__icontains=params["claimant"])
        if "since" in params:
            verdicts = verdicts.filter(submitted_at__date__gte=params["since"])
        if "until" in params:
            verdicts = verdicts.filter(submitted_at__date__lte=params["until"])
        report = agreement_report(verdicts, min_common=params["min_common"])
        return Response(AgreementSerializer(report).data)


class AnnotationImportView(APIView):
    """Spans from W3C Web Annotations or a Hypothesis export."""

    extra_error_codes = ("403",)

    @extend_schema(
        summary="Import Web Annotations as spans",
        description=(
            "Each annotation's TextQuoteSelector (exact, prefix, suffix) and "
            "TextPositionSelector (start, end) are found in the article's body; where the two "
            "disagree, the quote wins. Each item is reported created, exists (an annotation "
            "with this id was imported before: importing is idempotent) or rejected with the "
            "reason. Annotators and editors of the article's workspace."
        ),
        request=AnnotationImportSerializer,
        responses={200: ImportReportSerializer},
        examples=examples.IMPORT_EXAMPLES,
    )
    def post(self, request: Request) -> Response:
        given = AnnotationImportSerializer(data=request.data, context={"request": request})
        given.is_valid(raise_exception=True)
        article = given.validated_data["article"]
        access.require_role(request.user, article.workspace_id, access.ROLES_THAT_ANNOTATE)
        results = interop_services.annotations_import(
            article, given.validated_data["annotations"], by=request.user
        )
        return Response(ImportReportSerializer({"results": results}).data)
