"""The admin manages everything without breaking the rules the API keeps."""

from typing import Any

from django.urls import reverse

from annotations.articles.models import Span
from annotations.review.models import VerdictState
from tests.factories import ArticleFactory, SpanFactory, VerdictFactory


def test_a_body_changed_in_the_admin_is_a_revision_with_its_spans_re_anchored(
    admin_client: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace)
    span = SpanFactory(article=article, start=4, end=12)
    url = reverse("admin:annotations_article_change", args=[article.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {**form.initial, "workspace": workspace.pk, "published_at_0": "", "published_at_1": ""}
    data = {key: value for key, value in data.items() if value is not None}
    data["body"] = "Breaking. " + article.body
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    span.refresh_from_db()
    assert article.revision == 2
    assert list(article.revisions.values_list("number", flat=True)) == [1, 2]
    assert (span.start, span.revision, span.anchor_state) == (14, 2, "anchored")
    assert article.body[span.start : span.end] == span.quote


def test_a_span_takes_its_quote_and_context_from_the_offsets(
    admin_client: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace)
    response = admin_client.post(
        reverse("admin:annotations_span_add"),
        {"article": article.pk, "start": 4, "end": 12, "note": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    span = Span.objects.get()
    assert span.created_by.username == "admin"
    assert (span.quote, span.prefix, span.suffix) == (
        article.body[4:12],
        article.body[:4],
        article.body[12:44],
    )


def test_the_publish_action_applies_the_publishing_rules(admin_client: Any, workspace: Any) -> None:
    ready = VerdictFactory(claim__workspace=workspace, submitted=True)
    unready = VerdictFactory(claim__workspace=workspace)
    admin_client.post(
        reverse("admin:annotations_verdict_changelist"),
        {"action": "publish", "_selected_action": [ready.pk, unready.pk]},
    )
    ready.refresh_from_db()
    unready.refresh_from_db()
    assert ready.state == VerdictState.PUBLISHED
    assert unready.state == VerdictState.DRAFT
