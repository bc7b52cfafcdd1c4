"""Reads of articles and spans: what the caller may see, with what the API shows of it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connections, router
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Length

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
from factcheck.db import as_uuid

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
    """The state of an article the user may see (None for any other id), in one statement.
    Read it before what it versions: what is read after it is as new or newer.

    Written in SQL: the ORM took ten times longer to build and compile this query than the
    database took to run it, on the path of every read it serves (docs/benchmarks.md)."""
    try:
        pk = uuid.UUID(str(article_id))
    except ValueError:
        return None
    connection = connections[router.db_for_read(Article)]
    quote = connection.ops.quote_name
    article, versions = Article._meta, AnnotationVersion._meta
    prepare = versions.pk.get_db_prep_value
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.{quote('workspace_id')}, v.{quote('version')}, e.{quote('version')} "  # noqa: S608
            f"FROM {quote(article.db_table)} a "
            f"LEFT JOIN {quote(versions.db_table)} v ON v.{quote('article_id')} = a.{quote('id')} "
            f"LEFT JOIN {quote(versions.db_table)} e ON e.{quote('article_id')} = %s "
            f"WHERE a.{quote('id')} = %s",
            [prepare(EVERY_ARTICLE, connection), prepare(pk, connection)],
        )
        row = cursor.fetchone()
    if row is None or as_uuid(row[0]) not in roles_by_workspace(user):
        return None
    return AnnotationState(pk, as_uuid(row[0]), (row[1] or 0, row[2] or 0))


def verdicts_seen_by(user: User, workspace_id: Any) -> str:
    """Whose view of a workspace's verdicts the user has: every member's but a reviewer's is
    the same (``Verdict.objects.visible_to``); a reviewer's is their own (blind review)."""
    if roles_by_workspace(user).get(workspace_id) == Role.REVIEWER:
        return f"reviewer:{user.pk}"
    return "members"
