"""Published fact-checks as schema.org ClaimReview JSON-LD, one claim's and the public feed."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from annotations.interop.claimreview import claimant_type
from annotations.review.models import Rating, VerdictState
from annotations.workspaces.models import Role
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory

# The views are wired here so the tests do not depend on annotations/api/urls.py.
urlpatterns = [path("api/v1/", include("annotations.urls"))]

SITE = "https://factcheck.example"
PUBLISHED = datetime(2024, 6, 14, 9, 30, tzinfo=UTC)
LD_JSON = "application/ld+json"
PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def claimreview_settings(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.interop.test_claimreview"
    settings.FACTCHECK_SITE_URL = SITE
    settings.FACTCHECK_ORG_NAME = "Desk Checks"
    settings.FACTCHECK_ORG_URL = f"{SITE}/about/"


def review_url(claim: Any) -> str:
    return f"/api/v1/claims/{claim.id}/claimreview/"


FEED = "/api/v1/claimreviews/"


@pytest.fixture
def seeded(workspace: Any, annotator: Any, member: Any) -> dict[str, Any]:
    """Seed-like data: a claim cited in two articles (three spans), judged by two
    reviewers, the first verdict superseded by the second; and a second claim with its own
    review page, no claimant, no date, no spans and a non-ordinal rating."""
    rita, rob = member(Role.REVIEWER, username="rita"), member(Role.REVIEWER, username="rob")
    later = ArticleFactory(
        workspace=workspace,
        created_by=annotator,
        title="Minister hails jobs figures",
        url="https://news.example/jobs",
        published_at=datetime(2024, 6, 13, 12, 0, tzinfo=UTC),
    )
    # Created after `later` but published before it: appearances go by publication.
    earlier = ArticleFactory(
        workspace=workspace,
        created_by=annotator,
        title="Jobs: the wire copy",
        url=None,
        published_at=datetime(2024, 6, 12, 8, 0, tzinfo=UTC),
    )
    spans = [
        SpanFactory(article=later, start=0, end=3),
        SpanFactory(article=later, start=4, end=12),
        SpanFactory(article=earlier, start=0, end=3),
    ]
    claim = ClaimFactory(
        workspace=workspace,
        created_by=annotator,
        text="Unemployment fell to 3% in May.",
        claimant="The minister",
        claim_date=date(2024, 6, 11),
        spans=spans,
    )
    VerdictFactory(
        claim=claim,
        reviewer=rita,
        rating=Rating.objects.get(slug="true"),
        explanation="Superseded reasoning.",
        superseded=True,
        published_at=PUBLISHED - timedelta(days=1),
    )
    VerdictFactory(
        claim=claim,
        reviewer=rob,
        rating=Rating.objects.get(slug="false"),
        explanation="Official statistics show 4.1%.",
        published=True,
        published_at=PUBLISHED,
    )
    other = ClaimFactory(
        workspace=workspace,
        created_by=annotator,
        text="Crime doubled.",
        claimant="",
        review_url="https://reviews.example/crime-doubled",
    )
    VerdictFactory(
        claim=other,
        reviewer=rita,
        rating=Rating.objects.get(slug="misleading"),
        explanation="Counts changed definition.",
        published=True,
        published_at=PUBLISHED - timedelta(days=3),
    )
    return {"claim": claim, "other": other, "later": later, "earlier": earlier}


def expected_review(seeded: dict[str, Any]) -> dict[str, Any]:
    claim, earlier = seeded["claim"], seeded["earlier"]
    first = {
        "@type": "CreativeWork",
        "url": f"http://testserver/api/v1/articles/{earlier.id}/",
        "headline": "Jobs: the wire copy",
        "datePublished": "2024-06-12T08:00:00Z",
    }
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{SITE}/claims/{claim.id}/",
        "claimReviewed": "Unemployment fell to 3% in May.",
        "datePublished": "2024-06-14",
        "author": {"@type": "Organization", "name": "Desk Checks", "url": f"{SITE}/about/"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
        },
        "reviewBody": "Official statistics show 4.1%.",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "The minister"},
            "datePublished": "2024-06-11",
            "appearance": [
                first,
                {
                    "@type": "CreativeWork",
                    "url": "https://news.example/jobs",
                    "headline": "Minister hails jobs figures",
                    "datePublished": "2024-06-13T12:00:00Z",
                },
            ],
            "firstAppearance": first,
        },
    }


def expected_other(seeded: dict[str, Any]) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://reviews.example/crime-doubled",
        "claimReviewed": "Crime doubled.",
        "datePublished": "2024-06-11",
        "author": {"@type": "Organization", "name": "Desk Checks", "url": f"{SITE}/about/"},
        "reviewRating": {"@type": "Rating", "alternateName": "Misleading"},
        "reviewBody": "Counts changed definition.",
        "itemReviewed": {"@type": "Claim"},
    }


# --- One claim ------------------------------------------------------------------------------


def test_claimreview_is_exact_json_ld(seeded: dict[str, Any], anonymous: Any) -> None:
    response = anonymous.get(review_url(seeded["claim"]))
    assert response.status_code == 200
    assert response["Content-Type"] == LD_JSON
    assert response.json() == expected_review(seeded)


def test_claimreview_without_claimant_date_or_spans(seeded: dict[str, Any], anonymous: Any) -> None:
    response = anonymous.get(review_url(seeded["other"]))
    assert response.status_code == 200
    assert response.json() == expected_other(seeded)


def test_claimreview_as_plain_json(seeded: dict[str, Any], client_for: Any, annotator: Any) -> None:
    response = client_for(annotator).get(
        review_url(seeded["claim"]), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == expected_review(seeded)


def test_superseded_verdict_alone_is_not_published(
    workspace: Any, annotator: Any, anonymous: Any
) -> None:
    claim = ClaimFactory(workspace=workspace, created_by=annotator)
    VerdictFactory(claim=claim, superseded=True)
    assert anonymous.get(review_url(claim)).status_code == 404


@pytest.mark.parametrize("state", ["draft", "submitted"])
def test_unpublished_claim_is_404(
    state: str, workspace: Any, editor: Any, client_for: Any, anonymous: Any
) -> None:
    claim = ClaimFactory(workspace=workspace, created_by=editor)
    VerdictFactory(claim=claim, **({state: True} if state != "draft" else {}))
    for client in (client_for(editor), anonymous):
        response = client.get(review_url(claim))
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
        assert response.json()["type"] == "urn:factcheck:problem:not-found"


def test_claim_without_verdicts_and_unknown_ids_are_404(
    workspace: Any, editor: Any, client_for: Any
) -> None:
    claim = ClaimFactory(workspace=workspace, created_by=editor)
    client = client_for(editor)
    assert client.get(review_url(claim)).status_code == 404
    unknown = "/api/v1/claims/00000000-0000-0000-0000-000000000000/claimreview/"
    assert client.get(unknown).status_code == 404


def test_other_workspaces_unpublished_claims_are_404(
    other_workspace: Any, outsider: Any, editor: Any, client_for: Any
) -> None:
    claim = ClaimFactory(workspace=other_workspace, created_by=outsider)
    VerdictFactory(claim=claim, submitted=True)
    assert client_for(editor).get(review_url(claim)).status_code == 404
    # Its own editor does not see it either: it is not published.
    assert client_for(outsider).get(review_url(claim)).status_code == 404


def test_published_fact_checks_are_public_to_everyone(
    other_workspace: Any, outsider: Any, editor: Any, client_for: Any, anonymous: Any
) -> None:
    """A published fact-check is in the public feed, so it reads the same for anonymous
    readers, members and members of other workspaces."""
    claim = ClaimFactory(workspace=other_workspace, created_by=outsider)
    VerdictFactory(claim=claim, published=True)
    bodies = [c.get(review_url(claim)).json() for c in (anonymous, client_for(editor))]
    assert bodies[0] == bodies[1]
    assert bodies[0]["@type"] == "ClaimReview"


def test_anonymous_readers_see_nothing_else(seeded: dict[str, Any], anonymous: Any) -> None:
    assert anonymous.get("/api/v1/claims/").status_code == 401
    assert anonymous.get(f"/api/v1/claims/{seeded['claim'].id}/").status_code == 401
    assert anonymous.get(f"/api/v1/articles/{seeded['later'].id}/").status_code == 401


def test_claimreview_is_read_only(seeded: dict[str, Any], anonymous: Any) -> None:
    assert anonymous.post(review_url(seeded["claim"]), {}).status_code == 405
    assert anonymous.post(FEED, {}).status_code == 405


def test_claimant_type_rule() -> None:
    assert claimant_type("The minister") == "Person"
    assert claimant_type("Jane Doe") == "Person"
    assert claimant_type("Ministry of Health") == "Organization"
    assert claimant_type("Acme Corp.") == "Organization"
    assert claimant_type("Labour Party") == "Organization"


def test_non_ordinal_scale_omits_rating_values(seeded: dict[str, Any], anonymous: Any) -> None:
    Rating.objects.update(value=None)
    rating = anonymous.get(review_url(seeded["claim"])).json()["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "False"}


def test_scale_bounds_follow_the_rating_table(seeded: dict[str, Any], anonymous: Any) -> None:
    Rating.objects.create(slug="pants-on-fire", label="Pants on fire", value=0)
    rating = anonymous.get(review_url(seeded["claim"])).json()["reviewRating"]
    assert (rating["worstRating"], rating["ratingValue"], rating["bestRating"]) == (0, 1, 5)


# --- The feed -------------------------------------------------------------------------------


def test_feed_is_a_public_data_feed_newest_first(
    seeded: dict[str, Any], workspace: Any, editor: Any, anonymous: Any
) -> None:
    unpublished = ClaimFactory(workspace=workspace, created_by=editor)
    VerdictFactory(claim=unpublished, submitted=True)
    response = anonymous.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == LD_JSON
    assert response.json() == {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dateModified": "2024-06-14T09:30:00Z",
        "count": 2,
        "next": None,
        "previous": None,
        "dataFeedElement": [expected_review(seeded), expected_other(seeded)],
    }


def test_feed_spans_all_workspaces(
    seeded: dict[str, Any], other_workspace: Any, outsider: Any, anonymous: Any
) -> None:
    claim = ClaimFactory(workspace=other_workspace, created_by=outsider, text="Elsewhere.")
    VerdictFactory(claim=claim, published=True, published_at=PUBLISHED + timedelta(hours=1))
    body = anonymous.get(FEED).json()
    assert [item["claimReviewed"] for item in body["dataFeedElement"]] == [
        "Elsewhere.",
        "Unemployment fell to 3% in May.",
        "Crime doubled.",
    ]
    assert body["dateModified"] == "2024-06-14T10:30:00Z"


def test_feed_pages(seeded: dict[str, Any], anonymous: Any) -> None:
    first = anonymous.get(FEED, {"page_size": 1}).json()
    assert first["count"] == 2
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/claimreviews/?page=2&page_size=1"
    assert [i["claimReviewed"] for i in first["dataFeedElement"]] == [
        "Unemployment fell to 3% in May."
    ]
    second = anonymous.get(first["next"]).json()
    assert second["next"] is None
    assert second["previous"] is not None
    assert [i["claimReviewed"] for i in second["dataFeedElement"]] == ["Crime doubled."]
    # dateModified is the feed's, not the page's.
    assert second["dateModified"] == "2024-06-14T09:30:00Z"
    past = anonymous.get(FEED, {"page": 3, "page_size": 1})
    assert past.status_code == 404
    assert past["Content-Type"] == PROBLEM


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        ("2024-06-11", ["Unemployment fell to 3% in May.", "Crime doubled."]),
        ("2024-06-12", ["Unemployment fell to 3% in May."]),
        ("2024-06-14T09:30:00Z", ["Unemployment fell to 3% in May."]),
        ("2024-06-14T09:30:01Z", []),
        ("2024-06-14T11:30:00+02:00", ["Unemployment fell to 3% in May."]),
        ("2024-06-14T09:30:00", ["Unemployment fell to 3% in May."]),
    ],
)
def test_feed_since(
    since: str, expected: list[str], seeded: dict[str, Any], anonymous: Any
) -> None:
    body = anonymous.get(FEED, {"since": since}).json()
    assert [item["claimReviewed"] for item in body["dataFeedElement"]] == expected
    assert body["count"] == len(expected)
    if not expected:
        assert body["dateModified"] is None


@pytest.mark.parametrize(
    "since",
    [
        "",
        "yesterday",
        "2024-13-01",
        "2024-06-31T10:00:00Z",
        # Valid, but outside the datetimes that exist once in UTC (an OverflowError, a 500).
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
    ],
)
def test_feed_bad_since_is_400(since: str, seeded: dict[str, Any], anonymous: Any) -> None:
    response = anonymous.get(FEED, {"since": since})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert [error["field"] for error in body["errors"]] == ["since"]
    assert "since" in body["detail"]


def test_feed_as_plain_json_and_empty(db: None, anonymous: Any) -> None:
    response = anonymous.get(FEED, HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/json"
    assert response.json()["dataFeedElement"] == []
    assert response.json()["dateModified"] is None


def test_feed_verdict_states(seeded: dict[str, Any], anonymous: Any) -> None:
    """Only published verdicts: the superseded one on the same claim is not a second item."""
    items = anonymous.get(FEED).json()["dataFeedElement"]
    assert [item["reviewRating"]["alternateName"] for item in items] == ["False", "Misleading"]
    claim = seeded["claim"]
    assert claim.verdicts.filter(state=VerdictState.SUPERSEDED).exists()


def make_published_claims(workspace: Any, user: Any, n: int, offset: int = 0) -> None:
    for i in range(n):
        articles = [
            ArticleFactory(workspace=workspace, created_by=user, published_at=PUBLISHED)
            for _ in range(2)
        ]
        claim = ClaimFactory(
            workspace=workspace,
            created_by=user,
            spans=[SpanFactory(article=a) for a in articles],
        )
        VerdictFactory(
            claim=claim, published=True, published_at=PUBLISHED + timedelta(minutes=offset + i)
        )


def count_queries(client: Any, url: str, params: dict[str, Any]) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def test_feed_queries_do_not_grow_with_page_size(
    workspace: Any, editor: Any, anonymous: Any, django_assert_max_num_queries: Any
) -> None:
    make_published_claims(workspace, editor, 2)
    small = count_queries(anonymous, FEED, {"page_size": 2})
    make_published_claims(workspace, editor, 18, offset=2)
    # Newest date, count, page, spans with articles, rating scale; and the request's savepoint.
    with django_assert_max_num_queries(7):
        response = anonymous.get(FEED, {"page_size": 20})
    assert len(response.json()["dataFeedElement"]) == 20
    assert count_queries(anonymous, FEED, {"page_size": 20}) == small
    assert count_queries(anonymous, FEED, {"page_size": 20, "since": "2024-01-01"}) == small


def test_claimreview_queries(
    workspace: Any, editor: Any, anonymous: Any, django_assert_max_num_queries: Any
) -> None:
    make_published_claims(workspace, editor, 1)
    claim = workspace.claims.get()
    # Verdict with claim and rating, spans with articles, rating scale; and the savepoint.
    with django_assert_max_num_queries(5):
        assert anonymous.get(review_url(claim)).status_code == 200


# --- OpenAPI --------------------------------------------------------------------------------


def test_schema_documents_the_views_without_warnings() -> None:
    GENERATOR_STATS.reset()
    generator = SchemaGenerator(patterns=[path("api/v1/", include("annotations.urls"))])
    schema = generator.get_schema(request=None, public=True)
    assert not GENERATOR_STATS, "drf-spectacular warned or errored"
    validate_schema(schema)
    for route in ("/api/v1/claims/{id}/claimreview/", "/api/v1/claimreviews/"):
        operation = schema["paths"][route]["get"]
        assert operation["summary"]
        content = operation["responses"]["200"]["content"]
        assert set(content) == {LD_JSON, "application/json"}
        assert content[LD_JSON]["examples"]
        assert "401" not in operation["responses"]
    feed = schema["paths"]["/api/v1/claimreviews/"]["get"]
    assert {p["name"] for p in feed["parameters"]} >= {"since", "page", "page_size"}
    assert {"400", "404"} <= set(feed["responses"])


HOSTILE_TITLE = '</script><script>alert("x")</script> & <!-- more'


def test_json_ld_is_safe_to_paste_into_a_script_element(
    workspace: Any, annotator: Any, anonymous: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator, title=HOSTILE_TITLE)
    claim = ClaimFactory(
        workspace=workspace,
        created_by=annotator,
        text="Tax < 3% & rising > </SCRIPT>",
        spans=[SpanFactory(article=article)],
    )
    VerdictFactory(claim=claim, published=True, explanation="See <b>this</b> & that.")
    for url in [review_url(claim), FEED]:
        response = anonymous.get(url)
        assert response["Content-Type"] == "application/ld+json"
        assert not set(b"<>&") & set(response.content), response.content
        body = response.json()
        [review] = body.get("dataFeedElement", [body])
        assert review["claimReviewed"] == "Tax < 3% & rising > </SCRIPT>"
        assert review["reviewBody"] == "See <b>this</b> & that."
        assert review["itemReviewed"]["appearance"][0]["headline"] == HOSTILE_TITLE
