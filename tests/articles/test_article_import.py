"""Articles in bulk: POST /api/v1/articles/bulk/ and manage.py import_articles."""

import io
import json
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.urls import reverse

from annotations.articles.models import Article
from tests.factories import ArticleFactory
from tests.helpers import error_fields

URL = reverse("article-bulk")


def test_bulk_creates_all_or_nothing(annotator: Any, client_for: Any, workspace: Any) -> None:
    ArticleFactory(workspace=workspace, url="https://news.example/taken")
    client = client_for(annotator)
    good = [
        {"title": f"T{i}", "body": "Body", "url": f"https://news.example/{i}"} for i in range(3)
    ]
    response = client.post(URL, good)
    assert response.status_code == 201, response.content
    assert [row["title"] for row in response.data] == ["T0", "T1", "T2"]
    bad = [
        {"title": "ok", "body": "b"},
        {"title": "", "body": "b"},
        {"title": "dup", "body": "b", "url": "https://news.example/taken"},
        {"title": "twice", "body": "b", "url": "https://news.example/new"},
        {"title": "twice", "body": "b", "url": "https://news.example/new"},
    ]
    response = client.post(URL, bad)
    assert response.status_code == 400
    assert error_fields(response) == {"1.title", "2.url"}
    response = client.post(URL, [bad[0], bad[3], bad[4]])
    assert response.status_code == 400
    assert error_fields(response) == {"2.url"}
    assert Article.objects.count() == 4


def test_the_command_imports_skips_and_reports(
    annotator: Any, workspace: Any, tmp_path: Path
) -> None:
    ArticleFactory(workspace=workspace, url="https://news.example/old")
    lines = [
        json.dumps({"title": "New", "body": "Text\r\nmore", "url": "https://news.example/new"}),
        json.dumps({"title": "Old again", "body": "x", "url": "https://news.example/old"}),
        "{not json",
        json.dumps({"title": "", "body": "x"}),
        "",
        json.dumps({"title": "Last", "body": "y"}),
    ]
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8")
    out = io.StringIO()
    call_command("import_articles", str(source), "--user", "annie", stdout=out)
    report = out.getvalue()
    assert "Created 2, skipped 1, failed 2." in report
    assert "line 3: not JSON" in report
    assert "line 4: title:" in report
    assert Article.objects.get(title="New").body == "Text\nmore"
    assert Article.objects.filter(title="Last", created_by=annotator).exists()
    out = io.StringIO()
    call_command("import_articles", str(source), "--user", "annie", stdout=out)
    assert "Created 1, skipped 2, failed 2." in out.getvalue()  # "Last" has no url to match


def test_the_command_respects_roles(reviewer: Any, workspace: Any, tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"title": "t", "body": "b"}), encoding="utf-8")
    out = io.StringIO()
    call_command("import_articles", str(source), "--user", "rita", stdout=out)
    assert "failed 1" in out.getvalue()
    assert "may not create articles" in out.getvalue()
    assert not Article.objects.exists()
