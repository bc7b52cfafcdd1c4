"""The term statistics claim matching weighs terms by are kept by the database as claims are
created, changed and deleted, one by one or in bulk."""

from typing import Any

import pytest
from django.db import connection

from annotations.claims.matching import term_statistics
from annotations.claims.models import Claim
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def counted(terms: list[str]) -> dict[str, int]:
    """What the statistics say of ``terms``: claims holding each, and all claims."""
    statistics = term_statistics(terms)
    return {**{term: statistics.frequencies.get(term, 0) for term in terms}, "": statistics.claims}


def test_every_change_to_claims_is_counted(workspace: Any) -> None:
    stem = "vaccin"  # "Vaccines" as PostgreSQL's English configuration and FTS5's porter read it
    first = ClaimFactory(workspace=workspace, text="Vaccines contain microchips", claimant="")
    assert counted([stem, "microchip", "magnet"]) == {stem: 1, "microchip": 1, "magnet": 0, "": 1}
    Claim.objects.bulk_create(
        [
            Claim(workspace=workspace, created_by=first.created_by, text=text)
            for text in ["Vaccines make you magnetic", "Magnetic vaccines, again", "Tea is hot"]
        ]
    )
    assert counted([stem, "microchip", "magnet"]) == {stem: 3, "microchip": 1, "magnet": 2, "": 4}
    first.text = "Vaccines contain magnets"
    first.save()
    assert counted([stem, "microchip", "magnet"]) == {stem: 3, "microchip": 0, "magnet": 3, "": 4}
    Claim.objects.filter(text__startswith="Magnetic").delete()
    assert counted([stem, "microchip", "magnet"]) == {stem: 2, "microchip": 0, "magnet": 2, "": 3}


def test_the_mean_length_follows_the_claims(workspace: Any) -> None:
    ClaimFactory(workspace=workspace, text="Tea hot", claimant="")
    ClaimFactory(workspace=workspace, text="Coffee hot cold warm", claimant="")
    assert term_statistics([]).average_length == pytest.approx(3.0)


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_counts_agree_with_the_match_vectors_they_count(workspace: Any) -> None:
    for text in ["Unemployment fell to 3%", "Unemployment rose", "Prices rose in May"]:
        ClaimFactory(workspace=workspace, text=text, claimant="The minister")
    Claim.objects.filter(text__startswith="Prices").update(text="Prices fell in June")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, ndoc FROM ts_stat('SELECT match_vector FROM annotations_claim')"
        )
        truth = dict(cursor.fetchall())
        cursor.execute("SELECT term, claims FROM annotations_claimterm_frequency WHERE claims > 0")
        assert dict(cursor.fetchall()) == truth


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True)
def test_emptying_the_table_empties_the_counts(workspace: Any) -> None:
    ClaimFactory(workspace=workspace, text="Unemployment fell to 3%")
    assert term_statistics(["unemploy"]).frequencies == {"unemploy": 1}
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE annotations_claim CASCADE")
    assert term_statistics(["unemploy"]).claims == 0
    assert term_statistics(["unemploy"]).frequencies == {}
