"""Reads of articles and spans: what the caller may see, with what the API shows of it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Length

from annotations.articles.models import (
    EVERY_ARTICLE,
    AnnotationVersion,
    Article,
    ArticleRevision,
    Span,
)
from annotations.claims.models import Claim
from annotations.claims.selectors import claim_span_ids
from annotations.review.models import Verdict
from annotations.workspaces.models import Role, roles_by_workspace

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser


def articles_for(user: User) -> QuerySet[Article]:
    """The articles of the user's workspaces, with their creator's name, their workspace and
    their counts of spans and claims."""
    return (
        Article.objects.with_usernames("created_by")
        .select_related("workspace")
        .with_counts()
        .visible_to(user)
    )


def spans_for(user: User, *, listing: bool = False) -> QuerySet[Span]:
    """The spans of the user's workspaces, with their creator's name; one at a time, with
    their article (its workspace decides permissions; its body is read under lock when
    anchoring). A list shows each span's article by id: building an article (and its dates)
    for every span cost a fifth of the request."""
    spans = Span.objects.with_usernames("created_by")
    if not listing:
        spans = spans.select_related("article").defer("article__body")
    return spans.visible_to(user)


def revisions_of(article: Article) -> QuerySet[ArticleRevision]:
    """The article's bodies, with who made each and its length."""
    return (
        ArticleRevision.objects.filter(article=article)
        .select_related("created_by")
        .annotate(length=Length("body"))
    )


def spans_with_claims(article: Article) -> QuerySet[Span]:
    """The article's spans with their creators and the ids of the claims citing them."""
    return (
        Span.objects.filter(article=article)
        .select_related("created_by")
        .prefetch_related(Prefetch("claims", queryset=Claim.objects.only("id")))
    )


def span_context(span: Span) -> tuple[Article, str, QuerySet[Any]]:
    """What a span's Web Annotation shows besides the span: its article, the SHA-256 of the
    body revision its offsets refer to, and the ids of the claims citing it."""
    article = Article.objects.get(pk=span.article_id)
    body_sha256 = ArticleRevision.objects.values_list("body_sha256", flat=True).get(
        article=article, number=span.revision
    )
    return article, body_sha256, span.claims.values_list("pk", flat=True)


def article_annotations(article: Article, user: User) -> dict[str, Any]:
    """The article with everything annotated on it: its spans, the claims citing them
    (wherever else they appear) and the verdicts on those claims the user may see."""
    spans = Span.objects.filter(article=article).with_usernames("created_by")
    claims = (
        Claim.objects.filter(
            workspace=article.workspace_id,
            pk__in=Claim.objects.filter(spans__article=article).values("pk"),
        )
        .with_usernames("created_by")
        .select_related("workspace")
        .with_status(Verdict.objects.visible_to(user))
        .prefetch_related(claim_span_ids())
    )
    verdicts = (
        Verdict.objects.visible_to(user)
        .filter(claim__in=claims.values("pk"))
        .with_usernames("reviewer")
        .select_related("rating")
    )
    return {"article": article, "spans": spans, "claims": claims, "verdicts": verdicts}


@dataclass(frozen=True)
class AnnotationState:
    """Where an article is and how far its annotations have changed."""

    article_id: Any
    workspace_id: Any
    version: tuple[int, int]
    """The article's annotation version and that of every article (``AnnotationVersion``):
    what is annotated on it changed if and only if this did."""


def annotation_state(article_id: Any, user: User) -> AnnotationState | None:
    """The state of an article the user may see (None for any other id), in one query. Read
    it before what it versions: what is read after it is as new or newer."""
    try:
        pk = uuid.UUID(str(article_id))
    except ValueError:
        return None

    def version_of(article: Any) -> Coalesce:
        rows = AnnotationVersion.objects.filter(article_id=article).values("version")
        return Coalesce(Subquery(rows), Value(0))

    row = (
        Article.objects.filter(pk=pk, workspace_id__in=list(roles_by_workspace(user)))
        .annotate(version=version_of(OuterRef("pk")), every=version_of(EVERY_ARTICLE))
        .values_list("workspace_id", "version", "every")
        .first()
    )
    if row is None:
        return None
    workspace_id, version, every = row
    return AnnotationState(pk, workspace_id, (version, every))


def verdicts_seen_by(user: User, workspace_id: Any) -> str:
    """Whose view of a workspace's verdicts the user has: every member's but a reviewer's is
    the same (``Verdict.objects.visible_to``); a reviewer's is their own (blind review)."""
    if roles_by_workspace(user).get(workspace_id) == Role.REVIEWER:
        return f"reviewer:{user.pk}"
    return "members"
