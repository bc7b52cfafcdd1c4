"""An archive of published fact-checks imported: POST /api/v1/claimreviews/import/ and
manage.py import_claimreviews, from ClaimReview JSON-LD (one, a list, a DataFeed) or CSV."""

from __future__ import annotations

import codecs
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from annotations.claims.models import Claim
from annotations.interop import archive, services
from annotations.interop.api.archive import MAX_ITEMS
from annotations.review.models import Rating, Verdict, VerdictState
from annotations.workspaces.models import Role
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SpanFactory,
    VerdictFactory,
)
from tests.helpers import error_fields, error_messages
from tests.http.test_hostile_input import database_state, nested
from tests.test_concurrency import run_together, slowed

URL = reverse("claimreviews-import")
FEED = reverse("claimreview-feed")
SITE = "https://desk.example"
LD_JSON = "application/ld+json"


@pytest.fixture(autouse=True)
def installation(settings: Any) -> None:
    settings.FACTCHECK_SITE_URL = SITE
    settings.FACTCHECK_ORG_NAME = "Desk Checks"
    settings.FACTCHECK_ORG_URL = f"{SITE}/about/"


def claim_review(number: int = 1, **changes: Any) -> dict[str, Any]:
    """Another fact-checker's ClaimReview, as Google's fact-check profile describes them."""
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example/{number}",
        "claimReviewed": f"Unemployment fell to {number}% in May.",
        "datePublished": "2024-06-14",
        "author": {"@type": "Organization", "name": "Checks", "url": "https://checks.example/"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "reviewBody": "Official statistics show 4.1%.",
        "headline": "No, unemployment did not fall",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "The minister"},
            "datePublished": "2024-06-12",
        },
    }
    review.update(changes)
    return review


def feed(*reviews: dict[str, Any]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": list(reviews)}


def post(client: Any, body: Any, content_type: str = LD_JSON, **query: str) -> Any:
    data = body if isinstance(body, bytes) else json.dumps(body)
    path = URL + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    return client.post(path, data=data, content_type=content_type)


def imported(client: Any, body: Any, content_type: str = LD_JSON, **query: str) -> dict[str, Any]:
    response = post(client, body, content_type, **query)
    assert response.status_code == 200, response.content
    report: dict[str, Any] = response.json()
    return report


def statuses(report: dict[str, Any]) -> list[str]:
    return [result["status"] for result in report["results"]]


# --- What an item becomes -----------------------------------------------------------------------


def test_each_claimreview_becomes_a_claim_with_its_published_verdict(
    editor: Any, client_for: Any, workspace: Any
) -> None:
    report = imported(client_for(editor), feed(claim_review(1)))
    assert report["created"] == 1
    assert (report["exists"], report["rejected"]) == (0, 0)
    [result] = report["results"]
    assert result == {
        "index": 0,
        "status": "created",
        "url": "https://checks.example/1",
        "claim": result["claim"],
        "errors": [],
    }
    claim = Claim.objects.get(pk=result["claim"])
    assert (claim.workspace, claim.created_by) == (workspace, editor)
    assert claim.text == "Unemployment fell to 1% in May."
    assert claim.claimant == "The minister"
    assert claim.claim_date == date(2024, 6, 12)
    assert claim.review_url == "https://checks.example/1"
    assert claim.language == "en"
    verdict = claim.verdicts.get()
    assert verdict.state == VerdictState.PUBLISHED
    assert verdict.reviewer == editor
    assert verdict.rating_id == "false"
    assert verdict.published_at == datetime(2024, 6, 14, tzinfo=UTC)
    assert verdict.submitted_at == verdict.published_at
    assert verdict.explanation == "Official statistics show 4.1%."
    assert verdict.sources == [
        {"url": "https://checks.example/1", "title": "No, unemployment did not fall"}
    ]
    assert (verdict.publisher_name, verdict.publisher_url) == ("Checks", "https://checks.example/")


def test_history_records_the_creations_with_the_workspace_and_the_user(
    editor: Any, client_for: Any, workspace: Any
) -> None:
    report = imported(client_for(editor), [claim_review(1), claim_review(2)])
    claims = Claim.objects.filter(pk__in=[result["claim"] for result in report["results"]])
    for claim in claims:
        [record] = claim.history.all()
        assert (record.history_type, record.history_user_id) == ("+", editor.pk)
        assert record.history_workspace_id == workspace.pk
        assert record.history_request_id
        [verdict_record] = claim.verdicts.get().history.all()
        assert verdict_record.history_type == "+"
        assert verdict_record.state == VerdictState.PUBLISHED
        assert verdict_record.publisher_name == "Checks"
        assert verdict_record.history_workspace_id == workspace.pk


def test_the_imported_claims_are_published_fact_checks_of_the_api(
    editor: Any, client_for: Any
) -> None:
    client = client_for(editor)
    report = imported(client, [claim_review(7)])
    claim_id = report["results"][0]["claim"]
    claim = client.get(reverse("claim-detail", args=[claim_id])).json()
    assert (claim["status"], claim["verdict_count"]) == ("published", 1)
    verdict = client.get(reverse("verdict-list"), {"claim": claim_id}).json()["results"][0]
    assert (verdict["publisher_name"], verdict["publisher_url"]) == (
        "Checks",
        "https://checks.example/",
    )
    review = client.get(reverse("claim-claimreview", args=[claim_id])).json()
    assert review["author"] == {
        "@type": "Organization",
        "name": "Checks",
        "url": "https://checks.example/",
    }
    assert review["url"] == "https://checks.example/7"


def test_the_archive_is_matched_against(editor: Any, client_for: Any) -> None:
    client = client_for(editor)
    wind = claim_review(1, claimReviewed="Wind farms kill more birds than cats")
    report = imported(client, [wind])
    response = client.get(
        reverse("claim-similar"), {"text": "Do wind farms really kill more birds than cats?"}
    )
    assert response.status_code == 200, response.content
    hits = response.json()
    hits = hits["results"] if isinstance(hits, dict) else hits
    assert report["results"][0]["claim"] in [hit["id"] for hit in hits]


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(claim_review(1), id="one ClaimReview"),
        pytest.param([claim_review(1)], id="a list"),
        pytest.param(feed(claim_review(1)), id="a DataFeed"),
        pytest.param(feed({"@type": "DataFeedItem", "item": claim_review(1)}), id="DataFeedItems"),
        pytest.param({"@context": "https://schema.org", "@graph": [claim_review(1)]}, id="@graph"),
        pytest.param(
            claim_review(1, **{"@type": "http://schema.org/ClaimReview"}), id="a schema.org IRI"
        ),
    ],
)
def test_every_shape_of_document(editor: Any, client_for: Any, document: Any) -> None:
    for content_type in (LD_JSON, "application/json"):
        report = imported(client_for(editor), document, content_type)
        assert statuses(report) in (["created"], ["exists"])
    assert Claim.objects.get().review_url == "https://checks.example/1"


def test_optional_properties_and_their_other_forms(editor: Any, client_for: Any) -> None:
    review = claim_review(
        1,
        datePublished="2024-06-14T09:30:00+02:00",
        inLanguage="de",
        reviewBody="",
        author=[{"@type": "Organization", "name": "Faktencheck"}],
        itemReviewed={
            "author": [{"name": "Ann"}, "Bob"],
            "datePublished": "2024-06-12T23:30:00-05:00",
        },
    )
    bare = {
        "url": "https://checks.example/bare",
        "claimReviewed": "Bare.",
        "datePublished": "2024-06-14",
        "reviewRating": {"alternateName": "false"},
    }
    report = imported(client_for(editor), [review, bare])
    assert statuses(report) == ["created", "created"]
    claim = Claim.objects.get(pk=report["results"][0]["claim"])
    verdict = claim.verdicts.get()
    assert (claim.claimant, claim.claim_date, claim.language) == (
        "Ann, Bob",
        date(2024, 6, 12),
        "de",
    )
    assert verdict.published_at == datetime(2024, 6, 14, 7, 30, tzinfo=UTC)
    # Without a reviewBody, the headline explains; the publisher has no url.
    assert verdict.explanation == "No, unemployment did not fall"
    assert (verdict.publisher_name, verdict.publisher_url) == ("Faktencheck", "")
    bare_claim = Claim.objects.get(pk=report["results"][1]["claim"])
    bare_verdict = bare_claim.verdicts.get()
    assert (bare_claim.claimant, bare_claim.claim_date) == ("", None)
    # Without a publisher, the fact-check is this installation's own.
    assert (bare_verdict.publisher_name, bare_verdict.publisher_url) == ("", "")
    assert bare_verdict.explanation == archive.NO_EXPLANATION.format(
        url="https://checks.example/bare"
    )
    assert bare_verdict.sources == [{"url": "https://checks.example/bare", "title": ""}]


# --- Ratings ----------------------------------------------------------------------------------


def test_ratings_are_matched_by_slug_or_label_and_made_when_unknown(
    editor: Any, client_for: Any
) -> None:
    names = ["mostly-false", "MOSTLY TRUE", "Pants on Fire!", "pants on fire!", "خطأ", "Half True"]
    reviews = [
        claim_review(number, reviewRating={"alternateName": name})
        for number, name in enumerate(names)
    ]
    before = Rating.objects.count()
    report = imported(client_for(editor), reviews)
    assert statuses(report) == ["created"] * len(names)
    ratings = [
        Claim.objects.get(pk=result["claim"]).verdicts.get().rating for result in report["results"]
    ]
    assert [rating.slug for rating in ratings[:2]] == ["mostly-false", "mostly-true"]
    assert ratings[5].slug == "half-true"
    # Two new ratings, one for each name, whatever its case; outside the ordinal scale.
    fire, arabic = ratings[2], ratings[4]
    assert ratings[3] == fire
    assert Rating.objects.count() == before + 2
    assert (fire.slug, fire.label, fire.value) == ("pants-on-fire", "Pants on Fire!", None)
    assert "Checks" in fire.description
    assert arabic.slug.startswith("rating-")
    assert (arabic.label, arabic.value) == ("خطأ", None)
    # Another import finds them.
    report = imported(
        client_for(editor), [claim_review(99, reviewRating={"alternateName": "PANTS ON FIRE!"})]
    )
    assert Rating.objects.count() == before + 2
    assert Claim.objects.get(pk=report["results"][0]["claim"]).verdicts.get().rating == fire


# --- Idempotency ------------------------------------------------------------------------------


def test_importing_again_creates_nothing(editor: Any, client_for: Any) -> None:
    client = client_for(editor)
    first = imported(client, feed(claim_review(1), claim_review(2)))
    again = imported(client, feed(claim_review(2), claim_review(3), claim_review(3)))
    assert statuses(again) == ["exists", "created", "exists"]
    assert (again["created"], again["exists"]) == (1, 2)
    assert again["results"][0]["claim"] == first["results"][1]["claim"]
    assert again["results"][2]["claim"] == again["results"][1]["claim"]
    assert Claim.objects.count() == 3
    assert Verdict.objects.count() == 3


def test_a_claim_already_there_with_the_url_is_not_imported_again(
    editor: Any, client_for: Any, workspace: Any, other_workspace: Any
) -> None:
    mine = ClaimFactory(workspace=workspace, review_url="https://checks.example/1")
    ClaimFactory(workspace=other_workspace, review_url="https://checks.example/2")
    unknown_rating = {"alternateName": "Brand new"}
    report = imported(
        client_for(editor), [claim_review(1, reviewRating=unknown_rating), claim_review(2)]
    )
    # Idempotent within the workspace: another workspace's claim does not count.
    assert statuses(report) == ["exists", "created"]
    assert report["results"][0]["claim"] == str(mine.pk)
    assert not mine.verdicts.exists()
    # Nothing is made for an item not imported, not even its rating.
    assert not Rating.objects.filter(slug="brand-new").exists()


def test_this_installations_own_feed_imports_into_its_workspace_as_existing(
    editor: Any, client_for: Any, workspace: Any, anonymous: Any
) -> None:
    claim = ClaimFactory(workspace=workspace)
    VerdictFactory(claim=claim, published=True)
    document = anonymous.get(FEED).json()
    assert document["dataFeedElement"][0]["url"] == f"{SITE}/claims/{claim.pk}/"
    report = imported(client_for(editor), document)
    assert statuses(report) == ["exists"]
    assert report["results"][0]["claim"] == str(claim.pk)
    assert Claim.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_of_one_archive_create_it_once(
    editor: Any, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first import is slow between looking for the urls and creating the claims: the
    # second waits on the workspace's row (on SQLite, on the write lock), then finds them.
    monkeypatch.setattr(services, "_claims_by_url", slowed(services._claims_by_url))
    first, second = run_together(
        lambda: post(client_for(editor), [claim_review(1), claim_review(2)]),
        lambda: post(client_for(editor), [claim_review(2), claim_review(1)]),
    )
    assert (first.status_code, second.status_code) == (200, 200)
    assert statuses(first.json()) == ["created", "created"]
    assert statuses(second.json()) == ["exists", "exists"]
    assert Claim.objects.count() == 2


# --- Round trip: one installation's feed into another -------------------------------------------


def without_appearances(review: dict[str, Any]) -> dict[str, Any]:
    item = {
        key: value
        for key, value in review["itemReviewed"].items()
        if key not in ("appearance", "firstAppearance")
    }
    return {**review, "itemReviewed": item}


def test_a_feed_exported_by_one_installation_imports_into_another_unchanged(
    settings: Any,
    workspace: Any,
    other_workspace: Any,
    annotator: Any,
    member: Any,
    client_for: Any,
    anonymous: Any,
) -> None:
    reviewer = member(Role.REVIEWER, username="rita")
    article = ArticleFactory(
        workspace=workspace,
        title="Minister hails jobs figures",
        url="https://news.example/jobs",
        published_at=datetime(2024, 6, 13, 12, tzinfo=UTC),
    )
    cited = ClaimFactory(
        workspace=workspace,
        created_by=annotator,
        text="Unemployment fell to 3% in May.",
        claimant="The Labour Party",
        claim_date=date(2024, 6, 11),
        spans=[SpanFactory(article=article)],
    )
    own_page = ClaimFactory(
        workspace=workspace,
        created_by=annotator,
        text="Crime doubled.",
        claimant="",
        review_url="https://desk.example/checks/crime-doubled",
    )
    published = datetime(2024, 6, 14, 9, 30, tzinfo=UTC)
    for claim, rating, explanation, at in [
        (cited, "false", "Official statistics show 4.1%.", published),
        (own_page, "misleading", "Counts changed definition.", published - timedelta(days=3)),
    ]:
        VerdictFactory(
            claim=claim,
            reviewer=reviewer,
            rating=Rating.objects.get(slug=rating),
            explanation=explanation,
            published=True,
            published_at=at,
        )
    exported = anonymous.get(FEED, HTTP_ACCEPT=LD_JSON).json()
    one = anonymous.get(reverse("claim-claimreview", args=[cited.pk])).json()
    assert exported["count"] == 2
    assert exported["dataFeedElement"][0] == one

    # The other installation: another site and organisation, another workspace.
    settings.FACTCHECK_SITE_URL = "https://elsewhere.example"
    settings.FACTCHECK_ORG_NAME = "Elsewhere Checks"
    settings.FACTCHECK_ORG_URL = "https://elsewhere.example/about/"
    importer = member(Role.EDITOR, ws=other_workspace, username="imogen")
    report = imported(client_for(importer), exported, workspace=other_workspace.slug)
    assert statuses(report) == ["created", "created"]

    copies = Claim.objects.filter(workspace=other_workspace)
    by_text = {claim.text: claim for claim in copies}
    for original in (cited, own_page):
        copy = by_text[original.text]
        verdict, copied = original.verdicts.get(), copy.verdicts.get()
        assert (copy.claimant, copy.claim_date) == (original.claimant, original.claim_date)
        # The date, as a ClaimReview gives it.
        assert copied.published_at.date() == verdict.published_at.date()
        assert copied.rating == verdict.rating
        assert (copied.publisher_name, copied.publisher_url) == (
            "Desk Checks",
            "https://desk.example/about/",
        )
    assert by_text[cited.text].review_url == f"{SITE}/claims/{cited.pk}/"
    assert by_text[own_page.text].review_url == "https://desk.example/checks/crime-doubled"

    # It publishes them as the first installation did, but for where the claims appeared
    # (articles it does not have).
    originals = {review["url"]: review for review in exported["dataFeedElement"]}
    for copy in copies:
        review = anonymous.get(reverse("claim-claimreview", args=[copy.pk])).json()
        assert review == without_appearances(originals[review["url"]])
    assert one["itemReviewed"]["appearance"]  # What the copies lack.
    feed_there = anonymous.get(FEED).json()["dataFeedElement"]
    assert sum(review["author"]["name"] == "Desk Checks" for review in feed_there) == 2

    # And importing it there again changes nothing.
    report = imported(client_for(importer), exported, workspace=other_workspace.slug)
    assert statuses(report) == ["exists", "exists"]


# --- CSV --------------------------------------------------------------------------------------

CSV = (
    "\ufeffURL,Claim,Claimant,Date,Rating,Headline,notes,Publisher,publisher_url,claim_date\r\n"
    "https://checks.example/a,Unemployment fell to 3%.,The minister,2024-06-14,False,"
    '"No, it did not",ignored,Checks,https://checks.example/,2024-06-12\r\n'
    ",,,,,,,,,\r\n"
    "https://checks.example/b,Crime doubled.,,2024-06-11T10:00:00Z,Misleading,,,,,\r\n"
    "not a url,,The mayor,14/06/2024,,Bad,,,ftp:/nowhere,\r\n"
)


def test_a_csv_archive(editor: Any, client_for: Any) -> None:
    report = imported(client_for(editor), CSV.encode(), "text/csv")
    assert statuses(report) == ["created", "created", "rejected"]
    first = Claim.objects.get(pk=report["results"][0]["claim"])
    verdict = first.verdicts.get()
    assert (first.text, first.claimant, first.claim_date, first.review_url) == (
        "Unemployment fell to 3%.",
        "The minister",
        date(2024, 6, 12),
        "https://checks.example/a",
    )
    assert (verdict.rating_id, verdict.explanation, verdict.published_at) == (
        "false",
        "No, it did not",
        datetime(2024, 6, 14, tzinfo=UTC),
    )
    assert (verdict.publisher_name, verdict.publisher_url) == ("Checks", "https://checks.example/")
    second = Claim.objects.get(pk=report["results"][1]["claim"]).verdicts.get()
    assert second.published_at == datetime(2024, 6, 11, 10, tzinfo=UTC)
    # The blank row is left out of the count; the bad one names each column at fault.
    rejected = report["results"][2]
    assert rejected["index"] == 2
    assert {error["field"] for error in rejected["errors"]} == {
        "2.url",
        "2.claim",
        "2.date",
        "2.rating",
        "2.publisher_url",
    }


def test_a_csv_archive_in_another_charset(editor: Any, client_for: Any) -> None:
    text = "claim,claimant,date,rating,url,headline\nÜberall Lügen,Zoë,2024-06-14,false,https://checks.example/ü,\n"
    report = imported(
        client_for(editor), codecs.encode(text, "latin-1"), "text/csv; charset=latin-1"
    )
    assert statuses(report) == ["created"]
    claim = Claim.objects.get()
    assert (claim.text, claim.claimant) == ("Überall Lügen", "Zoë")


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        pytest.param("", {None}, id="empty"),
        pytest.param("\r\n\r\n", {None}, id="blank lines"),
        pytest.param(
            "claim,date,url\r\nx,2024-01-01,https://a.example\r\n",
            {"claimant", "rating", "headline"},
            id="columns missing",
        ),
        pytest.param(
            "claim,claimant,date,rating,url,headline,Claim\r\n", {"claim"}, id="a column twice"
        ),
    ],
)
def test_a_csv_without_the_columns_is_a_400(
    editor: Any, client_for: Any, body: str, fields: set[str | None]
) -> None:
    response = post(client_for(editor), body.encode(), "text/csv")
    assert response.status_code == 400, response.content
    assert error_fields(response) == fields


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param(b'claim,"open quote\r\n', "text/csv", id="a quote left open"),
        pytest.param(b"claim,\xff\xfe\r\n", "text/csv", id="not UTF-8"),
        pytest.param(b"claim\r\n", "text/csv; charset=no-such-charset", id="an unknown charset"),
        pytest.param(b"{not json", LD_JSON, id="not JSON"),
    ],
)
def test_a_body_that_does_not_parse_is_a_400(
    editor: Any, client_for: Any, body: bytes, content_type: str
) -> None:
    response = post(client_for(editor), body, content_type)
    assert response.status_code == 400, response.content
    assert "parse error" in response.json()["detail"]


def test_other_media_types_are_415(editor: Any, client_for: Any) -> None:
    response = post(client_for(editor), b"claim", "text/plain")
    assert response.status_code == 415


# --- Errors: per item, per field ------------------------------------------------------------------


def test_a_bad_item_is_reported_and_the_others_are_imported(editor: Any, client_for: Any) -> None:
    items = [
        claim_review(1),
        "not an object",
        claim_review(3, url="javascript:alert(1)", reviewRating={}, claimReviewed=""),
        claim_review(4, **{"@type": "Article"}),
        claim_review(5, datePublished="next Tuesday", itemReviewed={"datePublished": 2024}),
        claim_review(6, author={"name": "Checks", "url": "not a url"}, inLanguage="English"),
        claim_review(7, claimReviewed="a\x00b", itemReviewed={"author": {"name": "x" * 301}}),
        claim_review(8, datePublished="0001-01-01T00:00:00+14:00", reviewRating=[1]),
        claim_review(9),
    ]
    report = imported(client_for(editor), feed(*items))
    assert statuses(report) == ["created"] + ["rejected"] * 7 + ["created"]
    assert (report["created"], report["rejected"]) == (2, 7)
    fields = [{error["field"] for error in result["errors"]} for result in report["results"]]
    assert fields[1] == {"1"}
    assert fields[2] == {"2.url", "2.reviewRating.alternateName", "2.claimReviewed"}
    assert fields[3] == {"3.@type"}
    assert fields[4] == {"4.datePublished", "4.itemReviewed.datePublished"}
    assert fields[5] == {"5.author.url", "5.inLanguage"}
    assert fields[6] == {"6.claimReviewed", "6.itemReviewed.author.name"}
    assert fields[7] == {"7.datePublished", "7.reviewRating", "7.reviewRating.alternateName"}
    messages = {
        error["field"]: error["message"]
        for result in report["results"]
        for error in result["errors"]
    }
    assert messages["2.url"] == "Enter a valid URL."
    assert messages["2.reviewRating.alternateName"] == "This field is required."
    assert messages["6.claimReviewed"] == "Null characters are not allowed."
    assert "at most 300 characters" in messages["6.itemReviewed.author.name"]
    assert "ISO 8601" in messages["4.datePublished"]
    for result in report["results"][1:8]:
        assert (result["claim"], result["url"]) == (None, "")
    assert Claim.objects.count() == 2


TOO_MANY = [claim_review(n) for n in range(MAX_ITEMS + 1)]


@pytest.mark.parametrize(
    ("document", "fields"),
    [
        pytest.param(42, {None}, id="a number"),
        pytest.param("a string", {None}, id="a string"),
        pytest.param(
            {"@type": "DataFeed", "dataFeedElement": {"x": 1}},
            {"dataFeedElement"},
            id="elements not a list",
        ),
        pytest.param({"@graph": "x"}, {"@graph"}, id="graph not a list"),
        pytest.param(feed(*TOO_MANY), {"dataFeedElement"}, id="too many in a feed"),
        pytest.param(TOO_MANY, {None}, id="too many in a list"),
        pytest.param(
            feed(claim_review(1, itemReviewed=nested(40))), {"dataFeedElement"}, id="too deep"
        ),
    ],
)
def test_a_document_that_is_no_archive_is_a_400_and_changes_nothing(
    editor: Any, client_for: Any, document: Any, fields: set[str | None]
) -> None:
    before = database_state()
    response = post(client_for(editor), document)
    assert response.status_code == 400, response.content[:300]
    assert error_fields(response) == fields
    assert database_state() == before


def test_the_limit_of_items_per_request(editor: Any, client_for: Any) -> None:
    report = imported(client_for(editor), [claim_review(n) for n in range(MAX_ITEMS)])
    assert report["created"] == MAX_ITEMS
    response = post(client_for(editor), feed(*[claim_review(n) for n in range(MAX_ITEMS + 1)]))
    assert "at most 1000" in error_messages(response, "dataFeedElement")[0]


def test_an_empty_archive_imports_nothing(editor: Any, client_for: Any) -> None:
    assert imported(client_for(editor), feed())["results"] == []
    assert imported(client_for(editor), [])["results"] == []
    header = "claim,claimant,date,rating,url,headline\r\n"
    assert imported(client_for(editor), header.encode(), "text/csv")["results"] == []


# --- Who, and into which workspace ----------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.ANNOTATOR, Role.REVIEWER])
def test_only_editors_import(member: Any, client_for: Any, role: str) -> None:
    response = post(client_for(member(role)), [claim_review(1)])
    assert response.status_code == 403
    assert "editor" in response.json()["detail"]
    assert not Claim.objects.exists()


def test_the_workspace_by_slug_or_id_and_only_ones_own(
    editor: Any, outsider: Any, member: Any, client_for: Any, workspace: Any, other_workspace: Any
) -> None:
    response = post(client_for(outsider), [claim_review(1)], workspace=workspace.slug)
    assert response.status_code == 400
    assert error_fields(response) == {"workspace"}
    response = post(client_for(outsider), [claim_review(1)], workspace=str(workspace.pk))
    assert error_fields(response) == {"workspace"}
    report = imported(client_for(editor), [claim_review(1)], workspace=str(workspace.pk))
    assert Claim.objects.get(pk=report["results"][0]["claim"]).workspace == workspace
    # A member of several workspaces names one.
    MembershipFactory(user=editor, workspace=other_workspace, role=Role.EDITOR)
    response = post(client_for(editor), [claim_review(2)])
    assert error_fields(response) == {"workspace"}
    report = imported(client_for(editor), [claim_review(2)], workspace=other_workspace.slug)
    assert Claim.objects.get(pk=report["results"][0]["claim"]).workspace == other_workspace


def test_anonymous_callers_are_401(anonymous: Any, db: None) -> None:
    assert post(anonymous, [claim_review(1)]).status_code == 401


# --- The command ----------------------------------------------------------------------------------


def test_the_command_imports_a_feed_and_reports(
    editor: Any, workspace: Any, tmp_path: Path
) -> None:
    source = tmp_path / "archive.jsonld"
    source.write_text(json.dumps(feed(claim_review(1), {"url": "x"}, claim_review(2))))
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_claimreviews",
        str(source),
        "--user",
        "eddie",
        "--workspace",
        "desk",
        stdout=out,
        stderr=err,
    )
    report = out.getvalue()
    assert "Created 2, exists 0, rejected 1." in report
    assert "1.url: Enter a valid URL." in report
    assert "1.claimReviewed: This field is required." in report
    assert err.getvalue() == ""  # No progress bar but on a terminal.
    assert Claim.objects.filter(workspace=workspace).count() == 2
    out = io.StringIO()
    call_command("import_claimreviews", str(source), "--user", "eddie", stdout=out)
    assert "Created 0, exists 2, rejected 1." in out.getvalue()


def test_the_command_imports_csv_in_batches_with_a_progress_bar(
    editor: Any, workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = ["claim,claimant,date,rating,url,headline"] + [
        f"Claim {n},,2024-06-14,False,https://checks.example/{n},Headline {n}" for n in range(5)
    ]
    source = tmp_path / "archive.csv"
    source.write_text("\n".join(rows), encoding="utf-8")
    monkeypatch.setattr("annotations.management.commands.import_claimreviews.BATCH", 2)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out, err = io.StringIO(), Terminal()
    call_command("import_claimreviews", str(source), "--user", "eddie", stdout=out, stderr=err)
    assert "Created 5, exists 0, rejected 0." in out.getvalue()
    progress = err.getvalue()
    assert "2/5 items" in progress
    assert progress.rstrip().endswith("100% 5/5 items")
    assert progress.count("\r") == 3
    indexes = sorted(
        int(text.rsplit(" ", 1)[1]) for text in Claim.objects.values_list("text", flat=True)
    )
    assert indexes == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--user", "nobody"], "No user"),
        (["--user", "annie"], "editor role"),
        (["--user", "eddie", "--workspace", "nowhere"], "No workspace"),
        (["--user", "eddie", "--format", "csv"], "header row"),
    ],
)
def test_the_command_refuses(
    editor: Any, annotator: Any, tmp_path: Path, arguments: list[str], message: str
) -> None:
    source = tmp_path / "archive.json"
    source.write_text(json.dumps([claim_review(1)]))
    with pytest.raises(CommandError, match=message):
        call_command("import_claimreviews", str(source), *arguments, stdout=io.StringIO())
    assert not Claim.objects.exists()


def test_the_command_refuses_a_file_that_is_not_json(editor: Any, tmp_path: Path) -> None:
    source = tmp_path / "archive.json"
    source.write_text("{nope")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("import_claimreviews", str(source), "--user", "eddie")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_claimreviews", str(tmp_path / "missing.json"), "--user", "eddie")


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_command_leaves_no_index_entries_aside(
    editor: Any, workspace: Any, tmp_path: Path
) -> None:
    """After a bulk load, the claims' GIN indexes hold every entry in their main structure: a
    pending list left to autovacuum slows every search and match until it runs."""
    source = tmp_path / "archive.jsonld"
    source.write_text(json.dumps(feed(*(claim_review(n) for n in range(200)))))
    call_command("import_claimreviews", str(source), "--user", "eddie", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('annotations_claim_search_idx')")
        assert cursor.fetchone() == (0,)
