"""List endpoints and the one-shot view run a fixed number of queries, whatever the size."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.articles.models import Article
from annotations.review.models import Rating
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, UserFactory, VerdictFactory


def annotate(article: Article, size: int) -> None:
    """Give the article ``size`` spans, each cited by a claim with two verdicts."""
    for index in range(size):
        span = SpanFactory(article=article, start=index, end=index + 1, created_by=UserFactory())
        claim = ClaimFactory(workspace=article.workspace, spans=[span], created_by=UserFactory())
        VerdictFactory(claim=claim, rating=Rating.objects.get(slug="true"))
        VerdictFactory(claim=claim)


def queries_for(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.data
    return len(captured)


# The caller's credentials are cached after their first request, and a read runs in no
# transaction: each budget counts the count and the page of a list, and one query per
# prefetched relation. An article's spans and its one-shot view are rendered anew when its
# annotations changed, as here, after one more query that reads their version.
ENDPOINTS: dict[str, tuple[Callable[[Article], str], int]] = {
    "articles": (lambda article: reverse("article-list") + "?page_size=200", 2),
    "spans": (
        lambda article: reverse("span-list") + f"?article={article.pk}&page_size=200",
        3,
    ),
    # plus the claims' spans
    "claims": (lambda article: reverse("claim-list") + "?page_size=200", 3),
    "verdicts": (lambda article: reverse("verdict-list") + "?page_size=200", 2),
    # the version, article, spans, claims, the claims' spans, verdicts
    "annotations": (lambda article: reverse("article-annotations", args=[article.pk]), 6),
    "ratings": (lambda article: reverse("rating-list"), 1),
    "workspaces": (lambda article: reverse("workspace-list"), 2),
    # plus the workspace
    "members": (lambda article: reverse("membership-list", args=[article.workspace.slug]), 3),
}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_queries_do_not_grow_with_rows(
    endpoint: str,
    annotator: Any,
    client_for: Any,
    workspace: Any,
    django_assert_max_num_queries: Any,
) -> None:
    article = ArticleFactory(workspace=workspace, body="x" * 200)
    client = client_for(annotator)
    make_url, budget = ENDPOINTS[endpoint]
    url = make_url(article)
    queries_for(client, url)  # The caller's credentials are cached from here on.
    annotate(article, 1)
    small = queries_for(client, url)
    annotate(article, 30)
    ArticleFactory.create_batch(30, workspace=workspace, created_by=UserFactory())
    with django_assert_max_num_queries(budget):
        large = queries_for(client, url)
    assert large == small
