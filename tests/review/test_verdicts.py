from typing import Any

import pytest
from django.urls import reverse

from annotations.review.models import Verdict, VerdictState
from annotations.workspaces.models import Role
from tests.factories import ClaimFactory, SpanFactory, VerdictFactory
from tests.helpers import error_fields, error_messages

LIST = reverse("verdict-list")


def publish(verdict: Verdict) -> str:
    return reverse("verdict-publish", args=[verdict.pk])


@pytest.fixture
def claim(workspace: Any) -> Any:
    return ClaimFactory(workspace=workspace)


def test_create(reviewer: Any, client_for: Any, claim: Any) -> None:
    response = client_for(reviewer).post(
        LIST,
        {
            "claim": str(claim.pk),
            "rating": "mostly-false",
            "explanation": "The figure was 4.1%.",
            "sources": [{"url": "https://stats.example/may", "title": "May figures"}],
        },
    )
    assert response.status_code == 201, response.data
    assert response.data["reviewer"] == "rita"
    assert response.data["state"] == "draft"
    assert response.data["published_at"] is None
    assert response.data["sources"] == [
        {"url": "https://stats.example/may", "title": "May figures"}
    ]


def test_one_verdict_per_reviewer_per_claim(reviewer: Any, client_for: Any, claim: Any) -> None:
    client = client_for(reviewer)
    payload = {"claim": str(claim.pk), "rating": "false"}
    assert client.post(LIST, payload).status_code == 201
    response = client.post(LIST, payload)
    assert response.status_code == 400
    assert "already have a verdict" in error_messages(response, "claim")[0]
    assert Verdict.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"rating": "bogus"}, "rating"),
        ({"rating": None}, "rating"),
        ({"sources": [{"title": "no url"}]}, "sources.0.url"),
        ({"sources": [{"url": "https://ok.example"}, {"url": "not a url"}]}, "sources.1.url"),
        ({"sources": "https://one.example"}, "sources"),
        ({"claim": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}, "claim"),
    ],
)
def test_invalid_fields_are_named(
    reviewer: Any, client_for: Any, claim: Any, payload: dict[str, Any], field: str
) -> None:
    response = client_for(reviewer).post(
        LIST, {"claim": str(claim.pk), "rating": "false", **payload}
    )
    assert response.status_code == 400
    assert error_fields(response) == {field}
    assert not Verdict.objects.exists()


def test_state_and_reviewer_are_read_only(reviewer: Any, client_for: Any, claim: Any) -> None:
    response = client_for(reviewer).post(
        LIST,
        {"claim": str(claim.pk), "rating": "false", "state": "published", "reviewer": "eddie"},
    )
    assert response.status_code == 201
    assert response.data["state"] == "draft"
    assert response.data["reviewer"] == "rita"


def test_claim_cannot_change(reviewer: Any, client_for: Any, claim: Any, workspace: Any) -> None:
    verdict = VerdictFactory(claim=claim, reviewer=reviewer)
    other = ClaimFactory(workspace=workspace)
    response = client_for(reviewer).patch(
        reverse("verdict-detail", args=[verdict.pk]), {"claim": str(other.pk)}
    )
    assert response.status_code == 400
    assert "claim" in error_fields(response)


def submit(verdict: Verdict) -> str:
    return reverse("verdict-submit", args=[verdict.pk])


def test_submit_then_publish(reviewer: Any, editor: Any, client_for: Any, claim: Any) -> None:
    verdict = VerdictFactory(claim=claim, reviewer=reviewer)
    response = client_for(reviewer).post(submit(verdict))
    assert response.status_code == 200, response.data
    assert response.data["state"] == "submitted"
    assert response.data["submitted_at"] is not None
    assert response.data["published_at"] is None
    response = client_for(editor).post(publish(verdict))
    assert response.status_code == 200, response.data
    assert response.data["state"] == "published"
    assert response.data["published_at"] is not None
    verdict.refresh_from_db()
    assert verdict.state == VerdictState.PUBLISHED
    assert client_for(editor).get(reverse("claim-detail", args=[claim.pk])).data["status"] == (
        "published"
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"explanation": ""}, "explanation"), ({"sources": []}, "sources")],
)
def test_submit_needs_explanation_and_sources(
    reviewer: Any, client_for: Any, claim: Any, changes: dict[str, Any], field: str
) -> None:
    verdict = VerdictFactory(claim=claim, reviewer=reviewer, **changes)
    response = client_for(reviewer).post(submit(verdict))
    assert response.status_code == 400
    assert error_fields(response) == {field}
    verdict.refresh_from_db()
    assert verdict.state == VerdictState.DRAFT


def test_a_draft_cannot_be_published(editor: Any, client_for: Any, claim: Any) -> None:
    verdict = VerdictFactory(claim=claim)
    response = client_for(editor).post(publish(verdict))
    assert response.status_code == 409
    assert "submits it first" in response.data["detail"]


def test_submit_and_publish_twice_are_conflicts(
    reviewer: Any, editor: Any, client_for: Any, claim: Any
) -> None:
    verdict = VerdictFactory(claim=claim, reviewer=editor)
    client = client_for(editor)
    assert client.post(submit(verdict)).status_code == 200
    assert client.post(submit(verdict)).status_code == 409
    assert client.post(publish(verdict)).status_code == 200
    assert client.post(publish(verdict)).status_code == 409


def test_a_submitted_verdict_is_the_editors(
    reviewer: Any, editor: Any, client_for: Any, claim: Any
) -> None:
    verdict = VerdictFactory(claim=claim, reviewer=reviewer, submitted=True)
    url = reverse("verdict-detail", args=[verdict.pk])
    response = client_for(reviewer).patch(url, {"rating": "true"})
    assert response.status_code == 403
    assert "submitted" in response.data["detail"]
    assert client_for(editor).patch(url, {"rating": "true"}).status_code == 200


def test_publishing_another_verdict_supersedes_the_published_one(
    editor: Any, client_for: Any, claim: Any
) -> None:
    first = VerdictFactory(claim=claim, published=True)
    second = VerdictFactory(claim=claim, submitted=True)
    client = client_for(editor)
    assert client.post(publish(second)).status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (VerdictState.SUPERSEDED, VerdictState.PUBLISHED)
    assert first.published_at is not None
    # A superseded verdict may be published again, superseding the other in turn.
    assert client.post(publish(first)).status_code == 200
    second.refresh_from_db()
    assert second.state == VerdictState.SUPERSEDED
    assert Verdict.objects.filter(claim=claim, state=VerdictState.PUBLISHED).get() == first


def test_filters(reviewer: Any, editor: Any, client_for: Any, claim: Any, workspace: Any) -> None:
    mine = VerdictFactory(claim=claim, reviewer=reviewer)
    theirs = VerdictFactory(
        claim=ClaimFactory(workspace=workspace), reviewer=editor, rating_id="true", published=True
    )
    client = client_for(reviewer)

    def ids(query: str) -> list[str]:
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200, response.data
        return [row["id"] for row in response.data["results"]]

    assert ids(f"claim={claim.pk}") == [str(mine.pk)]
    assert ids("reviewer=eddie") == [str(theirs.pk)]
    assert ids("rating=true") == [str(theirs.pk)]
    assert ids("state=draft") == [str(mine.pk)]
    assert ids("state=published") == [str(theirs.pk)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"explanation": "  "}, "explanation"), ({"sources": []}, "sources")],
)
def test_a_published_verdict_keeps_what_publishing_required(
    editor: Any, client_for: Any, claim: Any, changes: dict[str, Any], field: str
) -> None:
    verdict = VerdictFactory(claim=claim, published=True)
    response = client_for(editor).patch(reverse("verdict-detail", args=[verdict.pk]), changes)
    assert response.status_code == 400
    assert error_fields(response) == {field}
    verdict.refresh_from_db()
    assert verdict.explanation.strip()
    assert verdict.sources


class TestBlindReview:
    """A reviewer sees other reviewers' unpublished verdicts on a claim only once they have
    submitted their own."""

    @pytest.fixture
    def others(self, claim: Any, member: Any) -> dict[str, Verdict]:
        return {
            state: VerdictFactory(
                claim=claim, reviewer=member(Role.REVIEWER), **({state: True} if state else {})
            )
            for state in ["", "submitted", "published"]
        }

    def visible(self, client: Any, claim: Any) -> set[str]:
        listed = {row["id"] for row in client.get(f"{LIST}?claim={claim.pk}").data["results"]}
        one_shot = client.get(
            reverse("article-annotations", args=[claim.spans.get().article_id])
        ).json()["verdicts"]
        assert {row["id"] for row in one_shot} == listed
        return listed

    @pytest.fixture
    def claim(self, workspace: Any) -> Any:
        return ClaimFactory(workspace=workspace, spans=[SpanFactory(article__workspace=workspace)])

    def test_before_submitting_only_published_verdicts_show(
        self, reviewer: Any, client_for: Any, claim: Any, others: dict[str, Verdict]
    ) -> None:
        mine = VerdictFactory(claim=claim, reviewer=reviewer)
        client = client_for(reviewer)
        assert self.visible(client, claim) == {str(mine.pk), str(others["published"].pk)}
        for hidden in (others[""], others["submitted"]):
            url = reverse("verdict-detail", args=[hidden.pk])
            assert client.get(url).status_code == 404

    def test_after_submitting_everything_shows(
        self, reviewer: Any, client_for: Any, claim: Any, others: dict[str, Verdict]
    ) -> None:
        mine = VerdictFactory(claim=claim, reviewer=reviewer)
        client = client_for(reviewer)
        assert client.post(submit(mine)).status_code == 200
        expected = {str(mine.pk), *(str(verdict.pk) for verdict in others.values())}
        assert self.visible(client, claim) == expected

    def test_editors_and_annotators_see_everything(
        self, editor: Any, annotator: Any, client_for: Any, claim: Any, others: dict[str, Verdict]
    ) -> None:
        expected = {str(verdict.pk) for verdict in others.values()}
        assert self.visible(client_for(editor), claim) == expected
        assert self.visible(client_for(annotator), claim) == expected


def test_superseding_is_in_the_verdicts_history(
    editor: Any, client_for: Any, workspace: Any
) -> None:
    first = VerdictFactory(claim__workspace=workspace, published=True)
    second = VerdictFactory(claim=first.claim, submitted=True)
    client = client_for(editor)
    assert client.post(reverse("verdict-publish", args=[second.pk])).status_code == 200
    latest = client.get(reverse("verdict-history", args=[first.pk])).json()["results"][0]
    assert {"field": "state", "before": "published", "after": "superseded"} in latest["changes"]


def test_claims_do_not_betray_hidden_verdicts(
    reviewer: Any, member: Any, editor: Any, client_for: Any, workspace: Any
) -> None:
    claim = ClaimFactory(workspace=workspace, spans=[SpanFactory(article__workspace=workspace)])
    VerdictFactory(claim=claim, reviewer=member(Role.REVIEWER), rating_id="true", submitted=True)
    VerdictFactory(claim=claim, reviewer=member(Role.REVIEWER), rating_id="false", submitted=True)
    url = reverse("claim-detail", args=[claim.pk])
    blind = client_for(reviewer)
    assert (blind.get(url).data["status"], blind.get(url).data["verdict_count"]) == (
        "unreviewed",
        0,
    )
    assert blind.get(reverse("claim-list"), {"status": "disputed"}).data["count"] == 0
    one_shot = blind.get(reverse("article-annotations", args=[claim.spans.get().article_id]))
    assert one_shot.json()["claims"][0]["status"] == "unreviewed"
    assert client_for(editor).get(url).data["status"] == "disputed"
    mine = VerdictFactory(claim=claim, reviewer=reviewer, rating_id="true", submitted=True)
    assert mine.state == VerdictState.SUBMITTED
    assert blind.get(url).data["status"] == "disputed"  # judged: the blind is lifted


def test_a_published_verdict_is_never_deleted(editor: Any, client_for: Any, workspace: Any) -> None:
    verdict = VerdictFactory(claim__workspace=workspace, published=True)
    response = client_for(editor).delete(reverse("verdict-detail", args=[verdict.pk]))
    assert response.status_code == 409
    verdict.refresh_from_db()  # still there
