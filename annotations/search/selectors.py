"""Reads for search: what a search looks in, and what a result list shows of each hit."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from annotations.articles.models import Article
from annotations.claims.models import Claim
from annotations.search.engines import Hit
from annotations.search.snippets import snippets

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def search_scope(
    user: AbstractBaseUser | AnonymousUser,
    *,
    kind: str | None = None,
    language: str | None = None,
    publisher: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> tuple[QuerySet[Article] | None, QuerySet[Claim] | None]:
    """The articles and the claims of the user's workspaces that a search looks in (None for a
    kind it leaves out): in ``language`` (``en`` also matches ``en-GB``); articles of
    ``publisher`` and the claims appearing in them; published (articles) or made (claims)
    from ``since`` to ``until``."""
    articles = Article.objects.visible_to(user)
    claims = Claim.objects.visible_to(user)
    if language is not None:
        matches = Q(language__iexact=language) | Q(language__istartswith=f"{language}-")
        articles, claims = articles.filter(matches), claims.filter(matches)
    if publisher is not None:
        articles = articles.filter(publisher__iexact=publisher)
        claims = claims.filter(pk__in=Claim.objects.filter(spans__article__in=articles))
    if since is not None:
        articles = articles.filter(published_at__date__gte=since)
        claims = claims.filter(claim_date__gte=since)
    if until is not None:
        articles = articles.filter(published_at__date__lte=until)
        claims = claims.filter(claim_date__lte=until)
    return (
        articles if kind in (None, "article") else None,
        claims if kind in (None, "claim") else None,
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
