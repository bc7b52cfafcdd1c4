"""Claim matching reads more of a claim than its text and claimant: its linked group's texts,
its published verdict's explanation and sources' titles, the titles of the articles it appears
in (migration 0019). The database keeps them as those change, on both databases; search does
not look at them."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from annotations.claims import matching
from annotations.claims.models import Claim, ClaimSpan
from annotations.claims.services import claim_link, claim_unlink
from annotations.review.models import Verdict, VerdictState
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory


def fields(claim: Claim) -> dict[str, set[str]]:
    """The claim's fields as the matching index holds them: each field's terms."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT (SELECT coalesce(json_agg(json_build_array(lexeme, weights)), '[]')::text "
                "FROM unnest(match_vector)) FROM annotations_claim WHERE id = %s",
                [claim.pk],
            )
            document = matching._vector_document(cursor.fetchone()[0])
        else:
            cursor.execute(
                "SELECT m.text, m.claimant, m.related, m.background FROM annotations_claim_match m "
                "JOIN annotations_claim c ON c.rowid = m.rowid WHERE c.id = %s",
                [claim.pk.hex],
            )
            document = matching._sqlite_document(*cursor.fetchone())
    return {
        name: {term for term, count in terms.items() if count}
        for name, terms in document.fields.items()
    }


def terms(text: str) -> set[str]:
    """``text``'s terms as the database reads English."""
    if connection.vendor != "postgresql":
        return {term for _, term in matching.sqlite_terms(text)}
    with connection.cursor() as cursor:
        cursor.execute("SELECT lexeme FROM unnest(to_tsvector('english', %s))", [text])
        return {lexeme for (lexeme,) in cursor.fetchall()}


def test_a_published_verdicts_explanation_and_sources_join_the_claim(workspace: Any) -> None:
    claim = ClaimFactory(workspace=workspace, text="Unemployment fell in May", claimant="")
    VerdictFactory(
        claim=claim,
        explanation="Payroll registers disagree",
        sources=[{"url": "https://a.example/", "title": "Jobless figures revised"}],
    )
    VerdictFactory(claim=claim, submitted=True, explanation="Payroll registers disagree")
    # Drafts and submitted verdicts are not the claim's fact-check.
    assert fields(claim)["background"] == fields(claim)["related"] == set()

    VerdictFactory(
        claim=claim,
        published=True,
        explanation="Payroll registers disagree",
        sources=[{"url": "https://a.example/", "title": "Jobless figures revised"}],
    )
    assert fields(claim)["background"] == terms("Payroll registers disagree")
    assert fields(claim)["related"] == terms("Jobless figures revised")
    assert fields(claim)["text"] == terms("Unemployment fell in May")

    for verdict in Verdict.objects.filter(claim=claim, state=VerdictState.PUBLISHED):
        verdict.state = VerdictState.SUPERSEDED
        verdict.save()
    assert fields(claim)["background"] == set()


def test_linked_claims_read_each_others_texts_and_verdict(workspace: Any, editor: Any) -> None:
    checked = ClaimFactory(workspace=workspace, text="Bridge closed for repairs", claimant="")
    other = ClaimFactory(workspace=workspace, text="Viaduct shut down", claimant="")
    VerdictFactory(claim=checked, published=True, explanation="Engineers inspected it")
    claim_link(checked, other, by=editor)
    assert fields(other)["related"] >= terms("Bridge closed for repairs")
    assert fields(other)["background"] >= terms("Engineers inspected it")
    assert fields(checked)["related"] >= terms("Viaduct shut down")

    other.refresh_from_db()
    other.text = "Overpass blocked"
    other.save()
    assert terms("Overpass blocked") <= fields(checked)["related"]
    assert not terms("Viaduct shut down") & fields(checked)["related"]

    claim_unlink(other, by=editor)
    assert fields(other)["related"] == set()
    assert fields(other)["background"] == set()
    assert not terms("Overpass blocked") & fields(checked)["related"]


def test_the_titles_of_a_claims_articles_join_it(workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, title="Harbour expansion approved")
    span = SpanFactory(article=article)
    claim = ClaimFactory(workspace=workspace, text="Ships will double", claimant="")
    assert fields(claim)["background"] == set()
    claim.spans.add(span)
    assert fields(claim)["background"] == terms("Harbour expansion approved")

    article.title = "Port growth halted"
    article.save()
    assert fields(claim)["background"] == terms("Port growth halted")

    ClaimSpan.objects.filter(claim=claim).delete()
    assert fields(claim)["background"] == set()


def test_the_statistics_count_every_field_and_the_claims_own_length(workspace: Any) -> None:
    claim = ClaimFactory(workspace=workspace, text="Tea hot", claimant="")
    ClaimFactory(workspace=workspace, text="Coffee hot cold warm", claimant="")
    VerdictFactory(claim=claim, published=True, explanation="Thermometers readings kettle")
    statistics = matching.term_statistics(sorted(terms("kettle tea hot")))
    assert statistics.frequencies == {"kettl": 1, "tea": 1, "hot": 2}
    assert statistics.average_length == pytest.approx(3.0)  # the explanation is not length


def test_a_post_matching_a_fact_checks_headline_finds_the_claim(workspace: Any) -> None:
    """The claim's own words are not in the post; its published fact-check's headline is."""
    claim = ClaimFactory(
        workspace=workspace, text="Mayor's tower plan costs 40 million", claimant=""
    )
    ClaimFactory(workspace=workspace, text="Tower of the old church collapses", claimant="")
    VerdictFactory(
        claim=claim,
        published=True,
        sources=[{"url": "https://checks.example/1", "title": "Skyscraper budget overstated"}],
    )
    [best, *_] = matching.similar_claims(
        "That skyscraper budget is wildly overstated, again", Claim.objects.all(), limit=5
    )
    assert best.claim == claim
    assert best.score == 0.0  # none of the claim's own words: the share stays the claim's
    assert set(best.terms) == terms("skyscraper budget overstated")


def test_a_long_explanation_changes_neither_the_score_nor_the_claims_length(
    workspace: Any,
) -> None:
    claim = ClaimFactory(workspace=workspace, text="Unemployment fell to 3% in May", claimant="")
    ClaimFactory(workspace=workspace, text="Inflation rose in June", claimant="")
    before = matching.similar_claims("unemployment fell to 3% in May", Claim.objects.all(), limit=1)
    VerdictFactory(
        claim=claim,
        published=True,
        explanation=" ".join(["Statistics"] * 40 + ["agency data"] * 20),
    )
    after = matching.similar_claims("unemployment fell to 3% in May", Claim.objects.all(), limit=1)
    assert before[0].claim == after[0].claim == claim
    assert after[0].score == pytest.approx(before[0].score)
    assert after[0].score > 0.9


def test_search_finds_claims_by_their_own_words_only(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    claim = ClaimFactory(workspace=workspace, text="Unemployment fell in May", claimant="")
    VerdictFactory(claim=claim, published=True, explanation="Payroll registers disagree")
    found = client_for(annotator).get(reverse("search"), {"q": "payroll", "type": "claim"})
    assert found.status_code == 200, found.content
    assert found.data["results"] == []
    assert fields(claim)["background"] == terms("Payroll registers disagree")


def test_every_claim_is_in_the_matching_index(workspace: Any) -> None:
    claims = ClaimFactory.create_batch(3, workspace=workspace)
    Claim.objects.filter(pk=claims[0].pk).delete()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM annotations_claim WHERE match_vector IS NULL")
            assert cursor.fetchone()[0] == 0
        else:
            cursor.execute("SELECT count(*) FROM annotations_claim_match")
            assert cursor.fetchone()[0] == 2
    assert Counter(len(fields(claim)["text"]) > 0 for claim in claims[1:]) == {True: 2}
