from typing import Any

import pytest
from django.urls import reverse

from annotations.models import Verdict, VerdictState
from tests.factories import ClaimFactory, VerdictFactory
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


def test_publish(editor: Any, client_for: Any, claim: Any) -> None:
    verdict = VerdictFactory(claim=claim)
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
def test_publish_needs_explanation_and_sources(
    editor: Any, client_for: Any, claim: Any, changes: dict[str, Any], field: str
) -> None:
    verdict = VerdictFactory(claim=claim, **changes)
    response = client_for(editor).post(publish(verdict))
    assert response.status_code == 400
    assert error_fields(response) == {field}
    verdict.refresh_from_db()
    assert verdict.state == VerdictState.DRAFT


def test_publish_twice_is_a_conflict(editor: Any, client_for: Any, claim: Any) -> None:
    verdict = VerdictFactory(claim=claim)
    client = client_for(editor)
    assert client.post(publish(verdict)).status_code == 200
    assert client.post(publish(verdict)).status_code == 409


def test_a_claim_has_one_published_verdict(editor: Any, client_for: Any, claim: Any) -> None:
    first, second = VerdictFactory(claim=claim), VerdictFactory(claim=claim)
    client = client_for(editor)
    assert client.post(publish(first)).status_code == 200
    response = client.post(publish(second))
    assert response.status_code == 409
    assert str(first.pk) in response.data["detail"]
    second.refresh_from_db()
    assert second.state == VerdictState.DRAFT


def test_filters(reviewer: Any, editor: Any, client_for: Any, claim: Any, workspace: Any) -> None:
    mine = VerdictFactory(claim=claim, reviewer=reviewer)
    theirs = VerdictFactory(claim=ClaimFactory(workspace=workspace), reviewer=editor)
    theirs.rating_id = "true"
    theirs.save()
    client_for(editor).post(publish(theirs))
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
    verdict = VerdictFactory(claim=claim)
    client = client_for(editor)
    assert client.post(publish(verdict)).status_code == 200
    response = client.patch(reverse("verdict-detail", args=[verdict.pk]), changes)
    assert response.status_code == 400
    assert error_fields(response) == {field}
    verdict.refresh_from_db()
    assert verdict.explanation.strip()
    assert verdict.sources
