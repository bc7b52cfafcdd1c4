"""GET /api/v1/stats/agreement/: the agreement figures of the verdicts in the database,
checked against the krippendorff package."""

import random
from collections import Counter
from datetime import timedelta
from typing import Any

import krippendorff
import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone

from annotations.review.models import Rating, Verdict
from annotations.workspaces.models import Role
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory
from tests.helpers import error_fields

URL = reverse("stats-agreement")
SCALE = ["false", "mostly-false", "half-true", "mostly-true", "true"]


def reference_alpha(verdicts: list[Verdict], level: str) -> float:
    claims = sorted({verdict.claim_id for verdict in verdicts}, key=str)
    reviewers = sorted({verdict.reviewer_id for verdict in verdicts})
    ratings = list(Rating.objects.order_by("slug").values_list("slug", flat=True))
    if level == "ordinal":
        ratings = SCALE
    data = np.full((len(reviewers), len(claims)), np.nan)
    for verdict in verdicts:
        data[reviewers.index(verdict.reviewer_id), claims.index(verdict.claim_id)] = ratings.index(
            verdict.rating_id
        )
    return float(
        krippendorff.alpha(
            reliability_data=data, level_of_measurement=level, value_domain=range(len(ratings))
        )
    )


@pytest.fixture
def rated(workspace: Any, member: Any) -> list[Verdict]:
    """Five reviewers, twelve claims, random submitted ratings (seeded), a few gaps."""
    chooser = random.Random(20240613)
    reviewers = [member(Role.REVIEWER) for _ in range(5)]
    verdicts = []
    for _ in range(12):
        claim = ClaimFactory(workspace=workspace)
        truth = chooser.randrange(len(SCALE))
        for reviewer in reviewers:
            if chooser.random() < 0.2:
                continue
            noisy = min(len(SCALE) - 1, max(0, truth + chooser.choice([-1, 0, 0, 0, 1])))
            rating = (
                chooser.choice(["misleading", SCALE[noisy]])
                if chooser.random() < 0.1
                else SCALE[noisy]
            )
            verdicts.append(
                VerdictFactory(claim=claim, reviewer=reviewer, rating_id=rating, submitted=True)
            )
    return verdicts


def test_figures_match_the_reference(editor: Any, client_for: Any, rated: list[Verdict]) -> None:
    response = client_for(editor).get(URL, {"min_common": 1})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["nominal"]["alpha"] == pytest.approx(reference_alpha(rated, "nominal"), abs=1e-9)
    ordinal = [verdict for verdict in rated if verdict.rating_id in SCALE]
    assert data["ordinal"]["alpha"] == pytest.approx(reference_alpha(ordinal, "ordinal"), abs=1e-9)
    per_claim = Counter(verdict.claim_id for verdict in rated)
    pairable = {claim for claim, count in per_claim.items() if count >= 2}
    assert data["nominal"]["claims"] == len(pairable) > 8
    assert data["nominal"]["verdicts"] == sum(per_claim[claim] for claim in pairable)
    assert data["ordinal"]["verdicts"] <= len(ordinal)
    assert len(data["pairs"]) == 10  # every pair of five reviewers rated common claims
    pair = data["pairs"][0]
    assert set(pair) == {"reviewer_a", "reviewer_b", "common_claims", "kappa"}


def test_drafts_and_other_workspaces_do_not_count(
    editor: Any, client_for: Any, workspace: Any, other_workspace: Any, member: Any
) -> None:
    claim = ClaimFactory(workspace=workspace)
    VerdictFactory(claim=claim, rating_id="true", submitted=True)
    VerdictFactory(claim=claim, rating_id="false", published=True)
    VerdictFactory(claim=claim, rating_id="false")  # a draft
    elsewhere = ClaimFactory(workspace=other_workspace)
    VerdictFactory.create_batch(3, claim=elsewhere, rating_id="true", submitted=True)
    data = client_for(editor).get(URL).json()
    assert data["nominal"] == {
        "alpha": pytest.approx(data["nominal"]["alpha"]),
        "claims": 1,
        "verdicts": 2,
    }


def test_undefined_alpha_is_null(editor: Any, client_for: Any, workspace: Any) -> None:
    data = client_for(editor).get(URL).json()
    assert data["nominal"] == {"alpha": None, "claims": 0, "verdicts": 0}
    assert data["pairs"] == []


def test_filters(editor: Any, client_for: Any, workspace: Any, member: Any) -> None:
    first, second = member(Role.REVIEWER), member(Role.REVIEWER)
    article = ArticleFactory(workspace=workspace)
    cited = ClaimFactory(
        workspace=workspace, claimant="Senator Smith", spans=[SpanFactory(article=article)]
    )
    other = ClaimFactory(workspace=workspace, claimant="Mayor Jones")
    for claim in (cited, other):
        VerdictFactory(claim=claim, reviewer=first, submitted=True)
        VerdictFactory(claim=claim, reviewer=second, submitted=True)
    Verdict.objects.filter(claim=other).update(submitted_at=timezone.now() - timedelta(days=30))
    client = client_for(editor)

    def claims(**query: Any) -> int:
        response = client.get(URL, query)
        assert response.status_code == 200, response.content
        return int(response.json()["nominal"]["claims"])

    assert claims() == 2
    assert claims(article=str(article.pk)) == 1
    assert claims(claimant="smith") == 1
    assert claims(since=str(timezone.now().date() - timedelta(days=1))) == 1
    assert claims(until=str(timezone.now().date() - timedelta(days=10))) == 1
    assert claims(workspace="desk") == 2
    not_edited = client.get(URL, {"workspace": "elsewhere"})
    assert not_edited.status_code == 400
    assert {error["field"] for error in not_edited.json()["errors"]} == {"workspace"}
    pairs = client.get(URL, {"min_common": 2}).json()["pairs"]
    assert [(pair["common_claims"]) for pair in pairs] == [2]
    assert client.get(URL, {"min_common": 3}).json()["pairs"] == []


@pytest.mark.parametrize(
    ("query", "field"), [({"since": "June"}, "since"), ({"min_common": 0}, "min_common")]
)
def test_bad_parameters_are_named(
    editor: Any, client_for: Any, query: dict[str, Any], field: str
) -> None:
    response = client_for(editor).get(URL, query)
    assert response.status_code == 400
    assert {error["field"] for error in response.json()["errors"]} == {field}


@pytest.mark.parametrize("role", [Role.ANNOTATOR, Role.REVIEWER])
def test_editors_only(member: Any, client_for: Any, anonymous: Any, role: str) -> None:
    assert client_for(member(role)).get(URL).status_code == 403
    assert anonymous.get(URL).status_code == 401


def test_queries_do_not_grow_with_verdicts(
    editor: Any, client_for: Any, rated: list[Verdict], django_assert_max_num_queries: Any
) -> None:
    client = client_for(editor)
    # token, savepoint pair, roles, verdict rows, the rating scale
    with django_assert_max_num_queries(6):
        assert client.get(URL).status_code == 200


def test_a_blank_filter_is_refused_not_ignored(editor: Any, client_for: Any) -> None:
    response = client_for(editor).get(f"{reverse('stats-agreement')}?workspace=")
    assert response.status_code == 400
    assert error_fields(response) == {"workspace"}
