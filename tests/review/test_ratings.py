from typing import Any

import pytest
from django.urls import reverse

from annotations.review.models import Rating
from tests.factories import UserFactory, VerdictFactory
from tests.helpers import error_fields

LIST = reverse("rating-list")


@pytest.fixture
def staff(db: None) -> Any:
    return UserFactory(username="admin", is_staff=True)


def detail(slug: str) -> str:
    return reverse("rating-detail", args=[slug])


def test_members_read_the_scale_in_order(annotator: Any, client_for: Any) -> None:
    response = client_for(annotator).get(LIST)
    assert response.status_code == 200
    slugs = [rating["slug"] for rating in response.data]
    assert slugs[:5] == ["true", "mostly-true", "half-true", "mostly-false", "false"]
    assert set(slugs[5:]) >= {"misleading", "unverifiable"}
    assert set(response.data[0]) == {"slug", "label", "description", "value"}


def test_staff_add_and_edit_ratings(staff: Any, client_for: Any) -> None:
    client = client_for(staff)
    response = client.post(LIST, {"slug": "satire", "label": "Satire", "value": None})
    assert response.status_code == 201, response.data
    response = client.patch(detail("satire"), {"label": "Satire or parody"})
    assert response.status_code == 200
    assert Rating.objects.get(slug="satire").label == "Satire or parody"
    response = client.patch(detail("satire"), {"slug": "parody"})
    assert response.status_code == 400
    assert "slug" in error_fields(response)


def test_values_are_unique(staff: Any, client_for: Any) -> None:
    response = client_for(staff).post(LIST, {"slug": "dup", "label": "Dup", "value": 5})
    assert response.status_code == 400
    assert "value" in error_fields(response)


@pytest.mark.parametrize("method", ["post", "patch", "delete"])
def test_members_cannot_change_the_scale(editor: Any, client_for: Any, method: str) -> None:
    client = client_for(editor)
    url = LIST if method == "post" else detail("false")
    response = getattr(client, method)(url, {"slug": "x", "label": "X"})
    assert response.status_code == 403
    assert Rating.objects.filter(slug="false").exists()
    assert not Rating.objects.filter(slug="x").exists()


def test_a_rating_in_use_cannot_be_deleted(staff: Any, client_for: Any, workspace: Any) -> None:
    VerdictFactory(claim__workspace=workspace, rating=Rating.objects.get(slug="false"))
    client = client_for(staff)
    response = client.delete(detail("false"))
    assert response.status_code == 409
    assert "verdict" in response.data["detail"]
    assert Rating.objects.filter(slug="false").exists()
    assert client.delete(detail("misleading")).status_code == 204


def test_anonymous_users_are_refused(anonymous: Any, db: None) -> None:
    assert anonymous.get(LIST).status_code == 401


def test_value_is_bounded(staff: Any, client_for: Any) -> None:
    response = client_for(staff).post(LIST, {"slug": "big", "label": "Big", "value": 1_000_000})
    assert response.status_code == 400
    assert "value" in error_fields(response)


@pytest.mark.parametrize("slug", ["a%00b", "a%20b"])
def test_odd_slugs_are_not_found(annotator: Any, client_for: Any, slug: str) -> None:
    assert client_for(annotator).get(f"{LIST}{slug}/").status_code == 404
