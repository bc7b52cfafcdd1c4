"""Migrations: complete for the models, and seeding the rating scale and the newsroom."""

import itertools
from io import StringIO

import pytest
from django.core.management import call_command

from annotations.review.models import Rating
from annotations.workspaces.models import Workspace

pytestmark = pytest.mark.django_db

ORDINAL = ["true", "mostly-true", "half-true", "mostly-false", "false"]
OUTSIDE_THE_SCALE = ["misleading", "unverifiable"]


def test_no_model_change_lacks_a_migration() -> None:
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Model changes without a migration:\n{out.getvalue()}")
    assert "No changes detected" in out.getvalue()


def test_ratings_are_seeded() -> None:
    assert set(Rating.objects.values_list("slug", flat=True)) == {*ORDINAL, *OUTSIDE_THE_SCALE}
    for rating in Rating.objects.all():
        assert rating.label
        assert rating.description


def test_ordinal_ratings_decrease_from_true_to_false() -> None:
    values = [Rating.objects.get(slug=slug).value for slug in ORDINAL]
    assert all(value is not None for value in values)
    assert all(a > b for a, b in itertools.pairwise(values))


def test_ratings_outside_the_scale_have_no_value() -> None:
    for slug in OUTSIDE_THE_SCALE:
        assert Rating.objects.get(slug=slug).value is None


def test_ratings_are_ordered_by_value_then_the_rest() -> None:
    assert list(Rating.objects.values_list("slug", flat=True)) == [*ORDINAL, *OUTSIDE_THE_SCALE]


def test_newsroom_workspace_is_seeded() -> None:
    workspace = Workspace.objects.get(slug="newsroom")
    assert workspace.name == "Newsroom"
