"""A browser app on another origin uses the API's conditional and idempotent requests: a real
headless Chromium (Debian's, ``/usr/bin/chromium``, driven by Playwright without a browser
download) loads a page from one port and calls the API, served on another, with ``If-Match``,
``If-None-Match``, ``Idempotency-Key`` and ``X-Request-ID``, reading ``ETag``, ``Location``,
``X-Request-ID`` and ``Idempotent-Replayed`` from the responses.

Skipped where Chromium or Playwright is missing, unless ``FACTCHECK_TEST_REQUIRE`` names
``chromium`` (CI does).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from rest_framework.authtoken.models import Token

from annotations.articles.models import Article, Span
from annotations.workspaces.models import Role
from tests.conftest import service_missing
from tests.factories import ArticleFactory

CHROMIUM = os.environ.get("FACTCHECK_TEST_CHROMIUM", "/usr/bin/chromium")
# As this machine's notes advise: no sandbox as root, and none of Chromium's own traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Annotator</title></head><body>
<script>
async function annotate(api, token, articleId) {
  const auth = {Authorization: `Token ${token}`};
  const json = {...auth, "Content-Type": "application/json"};
  const article = `${api}/api/v1/articles/${articleId}/`;
  const results = {};

  const read = await fetch(article, {headers: {...auth, "X-Request-ID": "page-read-1"}});
  const etag = read.headers.get("ETag");
  results.read = {status: read.status, etag, requestId: read.headers.get("X-Request-ID")};

  const unchanged = await fetch(article, {headers: {...auth, "If-None-Match": etag}});
  results.unchanged = {status: unchanged.status};

  const change = await fetch(article, {
    method: "PATCH", headers: {...json, "If-Match": etag}, body: JSON.stringify({title: "Edited"}),
  });
  results.change = {status: change.status, etag: change.headers.get("ETag")};

  const stale = await fetch(article, {
    method: "PATCH", headers: {...json, "If-Match": etag}, body: JSON.stringify({title: "Lost"}),
  });
  results.stale = {status: stale.status, type: (await stale.json()).type};

  const span = JSON.stringify({article: articleId, quote: "Hello"});
  const post = () => fetch(`${api}/api/v1/spans/`, {
    method: "POST", headers: {...json, "Idempotency-Key": "page-span-1"}, body: span,
  });
  const created = await post();
  const retried = await post();
  results.created = {status: created.status, location: created.headers.get("Location")};
  results.retried = {
    status: retried.status, replayed: retried.headers.get("Idempotent-Replayed"),
    location: retried.headers.get("Location"),
  };
  return results;
}
</script></body></html>
"""


@pytest.fixture
def page_origin() -> Iterator[str]:
    """A server of the annotator page, on a port (an origin) of its own."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


RunPage = Callable[[str, str, Any], tuple[Any, list[str]]]


def sync_playwright() -> Any:
    """Playwright's synchronous API, or the test skipped (failed where CI requires Chromium)
    when Chromium or Playwright is missing."""
    if not shutil.which(CHROMIUM):
        service_missing("chromium", f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError:
        service_missing("chromium", "Playwright for Python is not installed")
    return start()


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, as this machine's notes advise (no download)."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, chromium_sandbox=False
    )


@pytest.fixture
def run_page() -> RunPage:
    """``run_page(url, script, argument)``: open ``url`` in a headless Chromium, evaluate the
    function ``script`` on ``argument``, and return its result and the console's messages.

    The browser runs only inside the call: Playwright's synchronous API keeps an event loop
    in this thread while it runs, and Django would give database calls made meanwhile a
    connection of their own."""

    def run(url: str, script: str, argument: Any) -> tuple[Any, list[str]]:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                page = browser.new_page()
                console: list[str] = []
                page.on("console", lambda message: console.append(message.text))
                page.goto(url)
                return page.evaluate(script, argument), console
            finally:
                browser.close()

    return run


@pytest.fixture
def article(member: Any, workspace: Any) -> Article:
    """An article of an annotator who has an API token."""
    annotator = member(Role.ANNOTATOR)
    Token.objects.create(user=annotator)
    return ArticleFactory(workspace=workspace, created_by=annotator, body="Hello there.")


def token_of(article: Article) -> str:
    return str(Token.objects.get(user=article.created_by).key)


@pytest.mark.django_db(transaction=True)
def test_a_page_on_another_origin_uses_etags_and_idempotency_keys(
    run_page: RunPage,
    page_origin: str,
    live_server: Any,
    settings: Any,
    article: Article,
) -> None:
    settings.CORS_ALLOWED_ORIGINS = [page_origin]
    results, console = run_page(
        page_origin,
        "([api, token, id]) => annotate(api, token, id)",
        [live_server.url, token_of(article), str(article.pk)],
    )
    assert results["read"]["status"] == 200
    assert results["read"]["etag"], "ETag is not exposed to the page"
    assert results["read"]["requestId"] == "page-read-1"
    assert results["unchanged"]["status"] == 304
    assert results["change"]["status"] == 200
    assert results["change"]["etag"] not in (None, results["read"]["etag"])
    assert results["stale"] == {
        "status": 412,
        "type": "urn:factcheck:problem:precondition-failed",
    }
    [span] = Span.objects.all()
    location = f"{live_server.url}/api/v1/spans/{span.pk}/"
    assert results["created"] == {"status": 201, "location": location}
    assert results["retried"] == {"status": 201, "replayed": "true", "location": location}
    assert Article.objects.get().title == "Edited"
    # Chromium reports each 4xx in the console too (the 412 above); none was about CORS.
    assert not [text for text in console if "CORS" in text or "Access-Control" in text]


@pytest.mark.django_db(transaction=True)
def test_a_page_on_an_origin_not_allowed_is_refused_by_the_browser(
    run_page: RunPage,
    page_origin: str,
    live_server: Any,
    settings: Any,
    article: Article,
) -> None:
    settings.CORS_ALLOWED_ORIGINS = ["https://annotate.example"]
    outcome, console = run_page(
        page_origin,
        """([api, token, id]) => annotate(api, token, id).then(
               () => "allowed", (error) => `refused: ${error.name}`)""",
        [live_server.url, token_of(article), str(article.pk)],
    )
    assert outcome == "refused: TypeError"
    assert any("CORS" in text for text in console)
    assert Article.objects.get().title == article.title
