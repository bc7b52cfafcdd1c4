"""An article's pages of spans and its one-shot view are served from representations kept
ready in the cache (``factcheck.http.rendered``, keyed by the article's annotation version):
the bytes the serializers render, for each caller their own view, and never a stale one
after a write."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from annotations.articles.models import Span
from annotations.review.models import Verdict
from annotations.workspaces.models import Role
from factcheck.http import rendered
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory

BODY = "The minister said unemployment fell to 3% in May. Critics disagree, citing 4.1%."


class Desk:
    """A workspace's people, an article with spans, claims (one also citing another article)
    and verdicts in every state of blind review; and someone from another workspace."""

    def __init__(self, member: Callable[..., Any], outsider: Any, client_for: Any) -> None:
        self.users = {
            "editor": member(Role.EDITOR, username="ed"),
            "annotator": member(Role.ANNOTATOR, username="ann"),
            "reviewer": member(Role.REVIEWER, username="rev"),
            "other reviewer": member(Role.REVIEWER, username="rev2"),
            "outsider": outsider,
        }
        self.clients = {name: client_for(user) for name, user in self.users.items()}
        workspace = self.users["editor"].memberships.get().workspace
        annotator = self.users["annotator"]
        self.article = ArticleFactory(workspace=workspace, body=BODY, created_by=annotator)
        elsewhere = ArticleFactory(workspace=workspace, body=BODY, created_by=annotator)
        self.spans = [
            SpanFactory(article=self.article, start=start, end=start + 8, created_by=annotator)
            for start in (0, 18, 40)
        ]
        self.claims = [
            ClaimFactory(
                workspace=workspace, spans=[self.spans[0], SpanFactory(article=elsewhere)]
            ),
            ClaimFactory(workspace=workspace, spans=[self.spans[1]]),
        ]
        other_reviewer = self.users["other reviewer"]
        VerdictFactory(claim=self.claims[0], reviewer=other_reviewer)
        VerdictFactory(claim=self.claims[1], reviewer=other_reviewer, submitted=True)
        VerdictFactory(claim=self.claims[1], reviewer=self.users["editor"], published=True)

    def urls(self) -> list[str]:
        spans = reverse("span-list") + f"?article={self.article.pk}"
        return [
            reverse("article-annotations", args=[self.article.pk]),
            spans,
            spans + "&page_size=2&page=2",
            spans + "&ordering=-start&anchor_state=anchored",
        ]


@pytest.fixture
def desk(member: Callable[..., Any], outsider: Any, client_for: Any) -> Desk:
    return Desk(member, outsider, client_for)


@pytest.fixture
def reference(monkeypatch: pytest.MonkeyPatch) -> Callable[[APIClient, str], tuple[int, bytes]]:
    """The response the serializers render, bypassing what is kept ready."""

    def read(client: APIClient, url: str) -> tuple[int, bytes]:
        with monkeypatch.context() as patched:
            patched.setattr(rendered, "serves_rendered", lambda request: False)
            response = client.get(url)
        return response.status_code, response.content

    return read


def everyone_reads_what_the_serializers_render(desk: Desk, reference: Any) -> Iterator[str]:
    """Each caller reads each url twice (once rendered, once as kept) and gets the
    serializers' bytes both times; yields what differed."""
    for name, client in desk.clients.items():
        for url in desk.urls():
            expected = reference(client, url)
            for attempt in ("first", "second"):
                response = client.get(url)
                if (response.status_code, response.content) != expected:
                    yield f"{name}, {attempt} read of {url}"


def test_each_caller_reads_the_serializers_bytes(
    desk: Desk, reference: Any, any_cache: str
) -> None:
    assert list(everyone_reads_what_the_serializers_render(desk, reference)) == []


def test_what_is_kept_is_read_with_one_query(desk: Desk) -> None:
    client = desk.clients["reviewer"]
    for url in desk.urls():
        first = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url)
        assert again.content == first.content
        # The article's workspace and annotation version; no token, nothing rendered.
        assert len(queries) == 1, url


WRITES: list[tuple[str, str, Callable[[Desk], tuple[str, str, dict[str, Any]]]]] = [
    (
        "annotator",
        "creates a span",
        lambda d: (
            "post",
            reverse("span-list"),
            {"article": str(d.article.pk), "start": 10, "end": 20, "note": "New."},
        ),
    ),
    (
        "annotator",
        "changes a span's note",
        lambda d: ("patch", reverse("span-detail", args=[d.spans[2].pk]), {"note": "Check this."}),
    ),
    (
        "editor",
        "changes the article's title",
        lambda d: ("patch", reverse("article-detail", args=[d.article.pk]), {"title": "Retitled"}),
    ),
    (
        "editor",
        "changes the article's body",
        lambda d: (
            "patch",
            reverse("article-detail", args=[d.article.pk]),
            {"body": "Breaking. " + BODY},
        ),
    ),
    (
        "annotator",
        "cites a span in a new claim",
        lambda d: (
            "post",
            reverse("claim-list"),
            {"text": "Critics disagree.", "spans": [str(d.spans[2].pk)]},
        ),
    ),
    (
        "editor",
        "rewords a claim",
        lambda d: (
            "patch",
            reverse("claim-detail", args=[d.claims[0].pk]),
            {"text": "Unemployment fell to 3%."},
        ),
    ),
    (
        "reviewer",
        "drafts a verdict",
        lambda d: (
            "post",
            reverse("verdict-list"),
            {
                "claim": str(d.claims[0].pk),
                "rating": "false",
                "explanation": "No.",
                "sources": [{"url": "https://stats.example/", "title": "Stats"}],
            },
        ),
    ),
    (
        "reviewer",
        "submits it",
        lambda d: (
            "post",
            reverse("verdict-submit", args=[Verdict.objects.get(reviewer=d.users["reviewer"]).pk]),
            {},
        ),
    ),
    (
        "editor",
        "publishes it",
        lambda d: (
            "post",
            reverse("verdict-publish", args=[Verdict.objects.get(reviewer=d.users["reviewer"]).pk]),
            {},
        ),
    ),
    (
        "annotator",
        "deletes the span they created",
        lambda d: (
            "delete",
            reverse("span-detail", args=[Span.objects.get(note="New.").pk]),
            {},
        ),
    ),
]


def test_every_write_shows_in_the_next_read_of_everyone(
    desk: Desk, reference: Any, any_cache: str
) -> None:
    assert list(everyone_reads_what_the_serializers_render(desk, reference)) == []
    for who, what, request in WRITES:
        method, url, body = request(desk)
        response = getattr(desk.clients[who], method)(url, body, format="json")
        assert response.status_code < 300, (what, response.content)
        stale = list(everyone_reads_what_the_serializers_render(desk, reference))
        assert stale == [], f"after the {who} {what}"


def test_a_reviewer_sees_others_verdicts_only_once_they_have_submitted(
    desk: Desk, client_for: Any
) -> None:
    one_shot = desk.urls()[0]
    hidden = str(Verdict.objects.get(claim=desk.claims[0]).pk)

    def verdicts(name: str) -> set[str]:
        return {verdict["id"] for verdict in desk.clients[name].get(one_shot).json()["verdicts"]}

    assert hidden in verdicts("editor")
    assert hidden in verdicts("other reviewer")
    assert hidden not in verdicts("reviewer")
    mine = VerdictFactory(claim=desk.claims[0], reviewer=desk.users["reviewer"])
    assert hidden not in verdicts("reviewer")
    assert (
        desk.clients["reviewer"].post(reverse("verdict-submit", args=[mine.pk])).status_code == 200
    )
    assert hidden in verdicts("reviewer")
    assert str(mine.pk) in verdicts("annotator")


def test_a_removed_member_reads_nothing_more(desk: Desk, reference: Any) -> None:
    for url in desk.urls():
        assert desk.clients["annotator"].get(url).status_code == 200
    membership = desk.users["annotator"].memberships.get()
    assert (
        desk.clients["editor"]
        .delete(reverse("membership-detail", args=[membership.workspace.slug, "ann"]))
        .status_code
        == 204
    )
    one_shot, *span_pages = desk.urls()
    client = desk.clients["annotator"]
    assert client.get(one_shot).status_code == 404
    assert client.get(span_pages[0]).json()["count"] == 0
    for url in span_pages:
        response = client.get(url)
        assert (response.status_code, response.content) == reference(client, url)


def test_a_new_username_shows_at_once(desk: Desk) -> None:
    one_shot = desk.urls()[0]
    client = desk.clients["editor"]
    assert client.get(one_shot).json()["spans"][0]["created_by"] == "ann"
    annotator = desk.users["annotator"]
    annotator.username = "annette"
    annotator.save()
    assert client.get(one_shot).json()["spans"][0]["created_by"] == "annette"


def test_the_one_shot_view_answers_304_without_reading_it(desk: Desk) -> None:
    client = desk.clients["reviewer"]
    one_shot = desk.urls()[0]
    etag = client.get(one_shot)["ETag"]
    assert client.get(one_shot)["ETag"] == etag
    with CaptureQueriesContext(connection) as queries:
        response = client.get(one_shot, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(queries) == 1
    # Another caller's view has its own tag; a change makes a new one.
    assert desk.clients["other reviewer"].get(one_shot)["ETag"] != etag
    SpanFactory(article=desk.article, start=2, end=5)
    assert client.get(one_shot, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_other_forms_are_rendered_as_asked(desk: Desk) -> None:
    client = desk.clients["editor"]
    for url in desk.urls():
        compact = client.get(url)
        indented = client.get(url, HTTP_ACCEPT="application/json; indent=2")
        assert indented.content != compact.content
        assert indented.json() == compact.json()


def test_a_cache_that_is_down_changes_nothing(desk: Desk, reference: Any, settings: Any) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    assert list(everyone_reads_what_the_serializers_render(desk, reference)) == []
