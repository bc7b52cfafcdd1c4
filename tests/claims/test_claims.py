from typing import Any

from django.urls import reverse

from annotations.claims.models import Claim
from annotations.review.models import Verdict
from annotations.workspaces.models import Role
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SpanFactory,
    VerdictFactory,
    WorkspaceFactory,
)
from tests.helpers import error_fields, error_messages

LIST = reverse("claim-list")


def detail(claim: Claim) -> str:
    return reverse("claim-detail", args=[claim.pk])


def test_create_citing_spans_in_several_articles(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    first = SpanFactory(article=ArticleFactory(workspace=workspace))
    second = SpanFactory(article=ArticleFactory(workspace=workspace))
    response = client_for(annotator).post(
        LIST,
        {
            "text": "Unemployment fell to 3% in May.",
            "claimant": "The minister",
            "claim_date": "2024-06-13",
            "spans": [str(first.pk), str(second.pk)],
        },
    )
    assert response.status_code == 201, response.data
    assert response.data["workspace"] == "desk"
    assert sorted(response.data["spans"]) == sorted([first.pk, second.pk])
    assert sorted(response.data["articles"]) == sorted([first.article_id, second.article_id])
    assert response.data["status"] == "unreviewed"
    assert response.data["verdict_count"] == 0
    assert response.data["created_by"] == "annie"


def test_workspace_follows_the_spans(member: Any, client_for: Any, workspace: Any) -> None:
    user = member(Role.ANNOTATOR)
    sports = WorkspaceFactory(slug="sports")
    MembershipFactory(user=user, workspace=sports, role=Role.ANNOTATOR)
    span = SpanFactory(article=ArticleFactory(workspace=sports))
    client = client_for(user)
    response = client.post(LIST, {"text": "A claim", "spans": [str(span.pk)]})
    assert response.status_code == 201, response.data
    assert response.data["workspace"] == "sports"
    response = client.post(LIST, {"text": "A claim", "spans": [str(span.pk)], "workspace": "desk"})
    assert response.status_code == 400
    assert "spans" in error_fields(response)
    response = client.post(LIST, {"text": "No spans yet"})
    assert response.status_code == 400
    assert "workspace" in error_fields(response)


def test_spans_of_two_workspaces_are_refused(member: Any, client_for: Any, workspace: Any) -> None:
    user = member(Role.EDITOR)
    sports = WorkspaceFactory(slug="sports")
    MembershipFactory(user=user, workspace=sports, role=Role.EDITOR)
    here = SpanFactory(article=ArticleFactory(workspace=workspace))
    there = SpanFactory(article=ArticleFactory(workspace=sports))
    response = client_for(user).post(LIST, {"text": "t", "spans": [str(here.pk), str(there.pk)]})
    assert response.status_code == 400
    assert "one workspace" in error_messages(response, "spans")[0]
    assert not Claim.objects.exists()


def test_unknown_span_is_named(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).post(
        LIST, {"text": "t", "spans": ["3fa85f64-5717-4562-b3fc-2c963f66afa6"]}
    )
    assert response.status_code == 400
    assert "spans" in error_fields(response)


def test_text_is_required(annotator: Any, client_for: Any) -> None:
    for payload in [{}, {"text": ""}, {"text": "t", "claim_date": "June"}]:
        response = client_for(annotator).post(LIST, payload)
        assert response.status_code == 400
        assert error_fields(response) <= {"text", "claim_date"}


def test_change_spans(annotator: Any, client_for: Any, workspace: Any) -> None:
    first, second = SpanFactory.create_batch(2, article=ArticleFactory(workspace=workspace))
    claim = ClaimFactory(workspace=workspace, created_by=annotator, spans=[first])
    response = client_for(annotator).patch(detail(claim), {"spans": [str(second.pk)]})
    assert response.status_code == 200
    assert response.data["spans"] == [second.pk]
    assert list(claim.spans.all()) == [second]


def test_status_follows_the_verdicts(
    annotator: Any, client_for: Any, workspace: Any, settings: Any
) -> None:
    settings.FACTCHECK_QUORUM = 2
    claim = ClaimFactory(workspace=workspace)
    client = client_for(annotator)

    def status() -> tuple[str, int]:
        data = client.get(detail(claim)).data
        return data["status"], data["verdict_count"]

    assert status() == ("unreviewed", 0)
    first = VerdictFactory(claim=claim, rating_id="false")
    assert status() == ("in_review", 1)
    Verdict.objects.filter(pk=first.pk).update(state="submitted", submitted_at=first.created_at)
    assert status() == ("in_review", 1)  # one submitted verdict is below the quorum
    second = VerdictFactory(claim=claim, rating_id="false", submitted=True)
    assert status() == ("agreed", 2)
    VerdictFactory(claim=claim, rating_id="true")  # a draft does not count
    assert status() == ("agreed", 3)
    VerdictFactory(claim=claim, rating_id="true", submitted=True)
    assert status() == ("disputed", 4)
    assert [row["id"] for row in client.get(f"{LIST}?status=disputed").data["results"]] == [
        str(claim.pk)
    ]
    Verdict.objects.filter(pk=second.pk).update(state="published", published_at=second.submitted_at)
    assert status() == ("published", 4)


def test_quorum_is_a_setting(
    annotator: Any, client_for: Any, workspace: Any, settings: Any
) -> None:
    settings.FACTCHECK_QUORUM = 3
    claim = ClaimFactory(workspace=workspace)
    VerdictFactory.create_batch(2, claim=claim, submitted=True)
    assert client_for(annotator).get(detail(claim)).data["status"] == "in_review"
    VerdictFactory(claim=claim, submitted=True)
    assert client_for(annotator).get(detail(claim)).data["status"] == "agreed"


def test_filters(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace)
    cited = ClaimFactory(
        workspace=workspace,
        text="Taxes doubled",
        claimant="Senator Smith",
        spans=[SpanFactory(article=article)],
    )
    reviewed = ClaimFactory(workspace=workspace, text="Crime fell", claimant="Mayor Jones")
    VerdictFactory(claim=reviewed)
    client = client_for(annotator)

    def texts(query: str) -> list[str]:
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200, response.data
        return sorted(row["text"] for row in response.data["results"])

    assert texts(f"article={article.pk}") == ["Taxes doubled"]
    assert texts("status=in_review") == ["Crime fell"]
    assert texts("status=unreviewed") == ["Taxes doubled"]
    assert texts("claimant=smith") == ["Taxes doubled"]
    assert texts("search=crime") == ["Crime fell"]
    assert cited.pk
    assert client.get(f"{LIST}?status=bogus").status_code == 400


def test_delete_with_verdicts_is_a_conflict(editor: Any, client_for: Any, workspace: Any) -> None:
    claim = ClaimFactory(workspace=workspace)
    VerdictFactory(claim=claim)
    response = client_for(editor).delete(detail(claim))
    assert response.status_code == 409
    assert "verdict" in response.data["detail"]
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_delete_keeps_the_spans(annotator: Any, client_for: Any, workspace: Any) -> None:
    span = SpanFactory(article=ArticleFactory(workspace=workspace))
    claim = ClaimFactory(workspace=workspace, created_by=annotator, spans=[span])
    assert client_for(annotator).delete(detail(claim)).status_code == 204
    span.refresh_from_db()
    assert not Claim.objects.exists()


def test_spans_must_be_a_list(annotator: Any, client_for: Any, workspace: Any) -> None:
    span = SpanFactory(article=ArticleFactory(workspace=workspace))
    response = client_for(annotator).post(
        reverse("claim-list"), {"text": "A claim", "spans": {str(span.pk): 1}}
    )
    assert response.status_code == 400
    assert error_fields(response) == {"spans"}
    assert not Claim.objects.exists()
