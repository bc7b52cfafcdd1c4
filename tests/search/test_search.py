"""GET /api/v1/search/: full-text search of articles and claims, the same on PostgreSQL
(tsvector, GIN) and SQLite (FTS5)."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.articles.models import Article
from annotations.search import engines as search_module
from annotations.search.query import QuerySyntaxError, fts5_query, parse
from tests.factories import ArticleFactory, ClaimFactory
from tests.helpers import error_fields

URL = reverse("search")
FILLER = [
    ("Cup final ends in a draw", "The two teams played to a goalless draw in front of fans."),
    ("Storm warning for the coast", "Forecasters expect gales and heavy rain along the coast."),
    ("New library opens", "The city library opened its doors with a reading festival."),
    ("Train strike called off", "Rail unions called off the strike after talks overnight."),
    ("Museum buys painting", "The museum bought a landscape painted in the last century."),
    ("Marathon route changes", "Runners will cross the old bridge twice this year."),
    ("School meals debate", "Parents asked the council about the cost of school meals."),
    ("Harbour reopens", "Ships returned to the harbour after the repairs finished."),
    ("Election debate tonight", "Candidates meet for their last televised debate tonight."),
    ("Zoo welcomes panda", "Visitors queued to see the zoo's new panda on Sunday."),
]


@pytest.fixture
def corpus(annotator: Any, workspace: Any) -> dict[str, Any]:
    """Articles where the order is clear: the word in the title first, then the article
    that says it most, then the one that mentions it once in a longer text."""
    for title, body in FILLER:
        ArticleFactory(workspace=workspace, created_by=annotator, title=title, body=body)
    return {
        "title": ArticleFactory(
            workspace=workspace,
            created_by=annotator,
            title="Inflation hits a record",
            body="Prices rose faster than wages, and inflation worried shoppers.",
            publisher="Daily Ledger",
        ),
        "often": ArticleFactory(
            workspace=workspace,
            created_by=annotator,
            title="What economists expect",
            body="Inflation worries. Inflation data. Economists expect inflation to fall.",
            publisher="Morning Post",
        ),
        "once": ArticleFactory(
            workspace=workspace,
            created_by=annotator,
            title="Council budget",
            body="The council set its budget for the year, counting on inflation staying low, "
            "and agreed new spending on parks, libraries, roads and street lighting.",
            publisher="Morning Post",
        ),
        "claim": ClaimFactory(
            workspace=workspace, created_by=annotator, text="Inflation fell to 3% in May."
        ),
    }


def search(client: Any, **params: Any) -> Any:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.data


def ids(data: Any) -> list[str]:
    return [hit["id"] for hit in data["results"]]


def test_articles_rank_by_relevance(
    corpus: dict[str, Any], annotator: Any, client_for: Any
) -> None:
    data = search(client_for(annotator), q="inflation", type="article")
    assert ids(data) == [str(corpus[key].pk) for key in ("title", "often", "once")]
    assert data["count"] == 3
    scores = [hit["score"] for hit in data["results"]]
    assert scores == sorted(scores, reverse=True)


def test_claims_and_articles_are_searched_together(
    corpus: dict[str, Any], annotator: Any, client_for: Any
) -> None:
    data = search(client_for(annotator), q="inflation")
    assert data["count"] == 4
    claim = next(hit for hit in data["results"] if hit["type"] == "claim")
    assert claim["id"] == str(corpus["claim"].pk)
    assert claim["title"] == "Inflation fell to 3% in May."
    assert claim["snippet"] == "<mark>Inflation</mark> fell to 3% in May."
    only_claims = search(client_for(annotator), q="inflation", type="claim")
    assert ids(only_claims) == [str(corpus["claim"].pk)]


def test_a_hit_has_a_snippet_with_the_words_marked_and_html_escaped(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    ArticleFactory(
        workspace=workspace,
        created_by=annotator,
        title="Script",
        body="Readers saw <script>alert(1)</script> next to the vaccine figures.",
    )
    [hit] = search(client_for(annotator), q="vaccine")["results"]
    assert "<mark>vaccine</mark>" in hit["snippet"]
    # Escaped (SQLite), or dropped as markup by ts_headline (PostgreSQL): never raw.
    assert "<script>" not in hit["snippet"]
    assert "alert(1)" in hit["snippet"]


def test_stems_match(corpus: dict[str, Any], annotator: Any, client_for: Any) -> None:
    # "expects" and "expected" share the stem of "expect".
    data = search(client_for(annotator), q="expected")
    assert str(corpus["often"].pk) in ids(data)


def test_phrases_exclusions_and_or(corpus: dict[str, Any], annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    assert ids(search(client, q='"inflation data"')) == [str(corpus["often"].pk)]
    assert ids(search(client, q='"data inflation"')) == []
    excluded = set(ids(search(client, q="inflation -council", type="article")))
    assert excluded == {str(corpus["title"].pk), str(corpus["often"].pk)}
    either = set(ids(search(client, q="panda OR harbour")))
    assert len(either) == 2
    assert ids(search(client, q="panda harbour")) == []


def test_filters(corpus: dict[str, Any], annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    by_publisher = search(client, q="inflation", publisher="morning post", type="article")
    assert set(ids(by_publisher)) == {str(corpus["often"].pk), str(corpus["once"].pk)}
    Article.objects.filter(pk=corpus["once"].pk).update(published_at="2024-06-01T10:00:00Z")
    dated = search(client, q="inflation", since="2024-05-01", until="2024-06-30")
    assert ids(dated) == [str(corpus["once"].pk)]
    assert search(client, q="inflation", language="de")["count"] == 0
    assert search(client, q="inflation", language="en", type="article")["count"] == 3


def test_languages(annotator: Any, client_for: Any, workspace: Any) -> None:
    german = ArticleFactory(
        workspace=workspace,
        created_by=annotator,
        language="de",
        title="Regierung",
        body="Die Regierung sagte, die Arbeitslosigkeit sei gesunken.",
    )
    ArticleFactory(workspace=workspace, created_by=annotator, title="Jobs", body="Jobs rose.")
    client = client_for(annotator)
    data = search(client, q="Arbeitslosigkeit", language="de")
    assert ids(data) == [str(german.pk)]
    assert data["results"][0]["language"] == "de"
    assert search(client, q="Arbeitslosigkeit", language="en")["count"] == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's FTS5 stems every language as English"
)
def test_postgresql_stems_by_the_articles_language(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    german = ArticleFactory(
        workspace=workspace,
        created_by=annotator,
        language="de-AT",
        title="Häuser",
        body="Neue Häuser für Familien.",
    )
    assert ids(search(client_for(annotator), q="Haus")) == [str(german.pk)]


def test_results_are_scoped_to_your_workspaces(
    corpus: dict[str, Any], outsider: Any, client_for: Any
) -> None:
    assert search(client_for(outsider), q="inflation")["count"] == 0


def test_the_index_follows_changes(annotator: Any, client_for: Any, workspace: Any) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator, title="Old", body="Tulips.")
    client = client_for(annotator)
    assert search(client, q="tulips")["count"] == 1
    client.patch(reverse("article-detail", args=[article.pk]), {"title": "Daffodils"})
    assert search(client, q="daffodils")["count"] == 1
    client.delete(reverse("article-detail", args=[article.pk]))
    assert search(client, q="tulips")["count"] == 0


@pytest.mark.parametrize(
    ("query", "message"),
    [("", "blank"), ("-inflation", "at least one word"), ("   ", "blank"), ("- OR", "word")],
)
def test_a_query_that_finds_nothing_by_construction_is_a_400(
    query: str, message: str, annotator: Any, client_for: Any
) -> None:
    response = client_for(annotator).get(URL, {"q": query})
    assert response.status_code == 400
    assert error_fields(response) == {"q"}
    assert message in response.json()["errors"][0]["message"]


def test_anonymous_users_cannot_search(anonymous: Any, db: None) -> None:
    assert anonymous.get(URL, {"q": "x"}).status_code == 401


def test_pages(corpus: dict[str, Any], annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    first = search(client, q="inflation", page_size=2)
    second = search(client, q="inflation", page_size=2, page=2)
    assert first["count"] == second["count"] == 4
    assert len(set(ids(first)) | set(ids(second))) == 4
    assert client.get(URL, {"q": "inflation", "page": 9}).status_code == 404


@pytest.fixture
def five_reports(annotator: Any, workspace: Any) -> list[Any]:
    """Five articles and five claims on one subject, added a day apart, newest first."""
    newest = datetime(2024, 6, 13, 12, tzinfo=UTC)
    made = []
    for days in range(5):
        added = newest - timedelta(days=days)
        article = ArticleFactory(workspace=workspace, created_by=annotator, body="Tariffs rise.")
        claim = ClaimFactory(workspace=workspace, created_by=annotator, text="Tariffs rose.")
        for row in (article, claim):
            type(row).objects.filter(pk=row.pk).update(created_at=added)
        made.append((article, claim))
    return made


# On PostgreSQL, by walking the newest rows first (cost 0) or sorting every match (a cost no
# estimate overcomes): annotations.search.engines._PostgreSQLMatch chooses between them.
@pytest.mark.parametrize("vector_read_cost", [0, 10**12])
def test_a_common_query_ranks_the_most_recently_added_matches(
    vector_read_cost: int,
    five_reports: list[Any],
    annotator: Any,
    client_for: Any,
    settings: Any,
    monkeypatch: Any,
) -> None:
    costs = dict.fromkeys(search_module.VECTOR_READ_COST, vector_read_cost)
    monkeypatch.setattr(search_module, "VECTOR_READ_COST", costs)
    settings.FACTCHECK_SEARCH_WINDOW = 3
    with CaptureQueriesContext(connection) as queries:
        data = search(client_for(annotator), q="tariffs")
    if connection.vendor == "postgresql":
        sorted_every_match = any("OFFSET 0" in query["sql"] for query in queries)
        assert sorted_every_match == bool(vector_read_cost)
    assert data["truncated"] is True
    assert data["count"] == 6  # three of each kind
    newest = [str(row.pk) for pair in five_reports[:3] for row in pair]
    assert sorted(ids(data)) == sorted(newest)


def test_a_query_matching_fewer_than_the_window_ranks_them_all(
    five_reports: list[Any], annotator: Any, client_for: Any, settings: Any
) -> None:
    settings.FACTCHECK_SEARCH_WINDOW = 6
    data = search(client_for(annotator), q="tariffs", type="claim")
    assert data["truncated"] is False
    assert data["count"] == 5


def test_search_runs_a_fixed_number_of_queries(
    annotator: Any, client_for: Any, workspace: Any, django_assert_max_num_queries: Any
) -> None:
    for index in range(30):
        ArticleFactory(workspace=workspace, created_by=annotator, body=f"Inflation {index}.")
        ClaimFactory(workspace=workspace, created_by=annotator, text=f"Inflation {index}.")
    client = client_for(annotator)
    # Token; the ranked hits in a savepoint; snippets of articles, of claims; the articles;
    # the claims; the request's savepoint. PostgreSQL also reads the query in each
    # configuration, estimates how many articles and claims match and how many are in scope
    # (annotations.search.engines._PostgreSQLMatch), and turns whole-table scans off and on again.
    postgresql = connection.vendor == "postgresql"
    with django_assert_max_num_queries(17 if postgresql else 10):
        data = search(client, q="inflation", page_size=50)
    assert len(data["results"]) == 50


def test_the_database_keeps_the_index(db: None) -> None:
    """A later migration that rebuilds a table on SQLite drops its triggers: this fails."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
    if connection.vendor == "postgresql":
        expected = {"annotations_article_search_vector", "annotations_claim_search_vector"}
    else:
        expected = {
            f"annotations_{table}_fts_{event}"
            for table in ("article", "claim")
            for event in ("insert", "update", "delete")
        }
    assert expected <= triggers


def test_the_query_syntax() -> None:
    assert fts5_query('minister "fell to" -strike OR rail') == (
        '("minister") AND ("fell to") AND ("rail") NOT "strike"'
    )
    assert fts5_query("a OR b c") == '("a" OR "b") AND ("c")'
    assert fts5_query('say "hi') == '("say") AND ("hi")'
    assert fts5_query('quote""s') == '("quote""""s")'
    assert [[term.text for term in clause] for clause in parse("x OR y OR z")] == [["x", "y", "z"]]
    with pytest.raises(QuerySyntaxError):
        parse("-only -excluded")
