"""The demo loader: the sample article, a user per role and a worked example, loaded once."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

import annotations
from annotations.articles.models import Article, Span
from annotations.articles.text import CONTEXT_LENGTH
from annotations.claims.models import Claim, ClaimSpan
from annotations.demo import demo_corrected
from annotations.review.models import Verdict, VerdictState
from annotations.workspaces.models import Membership, Role, Workspace

pytestmark = pytest.mark.django_db

FIXTURE = (
    Path(annotations.__file__).resolve().parent
    / "fixtures"
    / "demo"
    / "stoltenberg-nato-membership.txt"
)
DEMO_USERS = {
    "demo-annotator": Role.ANNOTATOR,
    "demo-reviewer": Role.REVIEWER,
    "demo-reviewer-2": Role.REVIEWER,
    "demo-editor": Role.EDITOR,
}
DEMO_PASSWORD = "demo-password"


def snapshot() -> dict[str, set[object]]:
    """The primary keys of every row the demo can create."""
    return {
        "workspaces": set(Workspace.objects.values_list("pk", flat=True)),
        "users": set(get_user_model().objects.values_list("pk", flat=True)),
        "memberships": set(Membership.objects.values_list("pk", flat=True)),
        "articles": set(Article.objects.values_list("pk", flat=True)),
        "spans": set(Span.objects.values_list("pk", flat=True)),
        "claims": set(Claim.objects.values_list("pk", flat=True)),
        "claim_spans": set(ClaimSpan.objects.values_list("pk", flat=True)),
        "verdicts": set(Verdict.objects.values_list("pk", "state", "published_at")),
    }


@pytest.fixture
def demo() -> Article:
    call_command("load_demo", stdout=StringIO())
    return Article.objects.get(workspace__slug="newsroom")


def fixture_title_and_body() -> tuple[str, str]:
    title, _, body = FIXTURE.read_text(encoding="utf-8").partition("\n")
    return title.strip(), body.strip()


def test_load_demo_creates_rows() -> None:
    before = snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    after = snapshot()
    assert len(after["articles"] - before["articles"]) == 1
    assert len(after["spans"] - before["spans"]) == 4
    assert len(after["claims"] - before["claims"]) == 4
    assert len(after["verdicts"] - before["verdicts"]) == 6
    assert len(after["users"] - before["users"]) == 4
    article = Article.objects.get()
    assert f"Demo loaded: article {article.pk}" in out.getvalue()
    for username in DEMO_USERS:
        assert f"{username} / {DEMO_PASSWORD}" in out.getvalue()


def test_load_demo_twice_changes_nothing_the_second_time() -> None:
    call_command("load_demo", stdout=StringIO())
    first = snapshot()
    assert first["articles"]
    assert first["spans"]
    assert first["claims"]
    assert first["verdicts"]

    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first
    assert Article.objects.count() == 1
    assert Span.objects.count() == 4
    assert Claim.objects.count() == 4
    assert Verdict.objects.count() == 6
    assert get_user_model().objects.filter(username__in=DEMO_USERS).count() == 4


def test_demo_users_have_their_roles_in_the_newsroom(demo: Article) -> None:
    assert demo.workspace.slug == "newsroom"
    for username, role in DEMO_USERS.items():
        membership = Membership.objects.get(user__username=username)
        assert membership.workspace.slug == "newsroom"
        assert membership.role == role


@pytest.mark.parametrize("username", list(DEMO_USERS))
def test_demo_password_logs_in(demo: Article, username: str) -> None:
    user = get_user_model().objects.get(username=username)
    assert user.check_password(DEMO_PASSWORD)

    client = APIClient()
    response = client.post(
        "/api/v1/auth/token/", {"username": username, "password": DEMO_PASSWORD}, format="json"
    )
    assert response.status_code == 200, response.content
    token = response.json()["token"]

    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = client.get("/api/v1/me/")
    assert me.status_code == 200
    assert me.json()["username"] == username


def test_demo_password_is_not_any_password(demo: Article) -> None:
    response = APIClient().post(
        "/api/v1/auth/token/",
        {"username": "demo-editor", "password": "not-the-demo-password"},
        format="json",
    )
    assert response.status_code == 400


def test_demo_spans_match_the_article_body(demo: Article) -> None:
    spans = list(demo.spans.all())
    assert len(spans) == 4
    body = demo.body
    for span in spans:
        assert body[span.start : span.end] == span.quote
        assert span.prefix == body[max(0, span.start - CONTEXT_LENGTH) : span.start]
        assert span.suffix == body[span.end : span.end + CONTEXT_LENGTH]
        assert span.created_by.username == "demo-annotator"
        assert span.claims.count() == 1


def test_demo_span_keeps_no_break_spaces(demo: Article) -> None:
    span = demo.spans.get(quote__startswith="an attack")
    assert "attack\u00a0against" in span.quote


def test_the_demo_shows_each_review_status(demo: Article) -> None:
    published = Verdict.objects.get(state=VerdictState.PUBLISHED)
    assert published.published_at is not None
    assert published.rating_id == "true"
    assert published.claim.text.startswith("Ukraine formally applied to join NATO")
    statuses = {claim.text[:20]: claim.status for claim in Claim.objects.with_status()}
    assert sorted(statuses.values()) == ["agreed", "disputed", "in_review", "published"]
    assert Verdict.objects.filter(state=VerdictState.DRAFT).count() == 1


def test_demo_article_keeps_the_seed_characters(demo: Article) -> None:
    for character in ("\u2019", "\u201c", "\u2013", "\u00a0"):
        assert character in demo.body, f"U+{ord(character):04X} is missing from the body"


def test_demo_article_is_the_seed_file_then_a_correction(demo: Article) -> None:
    title, body = fixture_title_and_body()
    assert demo.title == title
    assert demo.title.startswith("Stoltenberg: Ukraine\u2019s NATO Membership")
    first, second = demo.revisions.order_by("number")
    assert first.body == body
    assert second.body == demo.body == demo_corrected(body)
    assert demo.body != body
    states = sorted(demo.spans.values_list("anchor_state", flat=True))
    assert states == ["anchored", "anchored", "anchored", "fuzzy"]
