"""The reference annotator page (/annotate/, clients/annotator) in a real headless Chromium:
logging in, opening the seed article, highlighting passages by real mouse selection (and by
keyboard), and checking through the API that each span's quote is exactly the text selected,
characters outside the BMP included.

Skipped where Chromium or Playwright is missing, unless ``FACTCHECK_TEST_REQUIRE`` names
``chromium`` (CI does). On failure the page's screenshot is saved under the test's tmp_path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.urls import reverse

from annotations.articles.models import Article, Span
from annotations.claims.models import Claim
from annotations.demo import demo_article_text
from annotations.workspaces.models import Role
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory
from tests.http.test_browser import launch, sync_playwright

PASSWORD = "annotator-password"

# Selects the text of ``[start, end)`` (UTF-16) of the body with the mouse: from the first
# character's left edge to the last one's right edge, pressed, dragged and released.
CHARACTER_BOX = """([start, end]) => {
  const body = document.getElementById("article-body");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const box = (at) => {
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (at < seen + node.length) {
        const range = document.createRange();
        range.setStart(node, at - seen);
        range.setEnd(node, at - seen + 1);
        walker.currentNode = body;
        return range.getBoundingClientRect().toJSON();
      }
      seen += node.length;
    }
    throw new Error(`no character at ${at}`);
  };
  return [box(start), box(end - 1)];
}"""


@pytest.fixture
def browser(
    tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """A headless Chromium, open while the test runs; on failure, each of its pages' screenshot
    is saved. Playwright's synchronous API keeps an event loop in this thread, where Django
    refuses database calls unless told that this (one-threaded) use is safe."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            report = getattr(request.node, "rep_call", None)
            if report is not None and report.failed:
                pages = [page for context in chromium.contexts for page in context.pages]
                for number, page in enumerate(pages):
                    page.screenshot(path=str(tmp_path / f"annotator-{number}.png"), full_page=True)
            chromium.close()
            # The test's queries ran beside Playwright's event loop, on connections of that
            # context: closed here, or the test database could not be dropped at the end.
            connections.close_all()


def new_page(browser: Any) -> Any:
    """A page of a browser context of its own: its own session storage, as another user's."""
    return browser.new_context(viewport={"width": 1000, "height": 2400}).new_page()


@pytest.fixture
def browser_page(browser: Any) -> Any:
    return new_page(browser)


def log_in_and_open(page: Any, url: str, username: str, title: str) -> None:
    page.goto(f"{url}/annotate/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Article", exact=True).select_option(label=title)
    page.get_by_role("heading", name=title).wait_for()


def select_with_mouse(page: Any, start: int, end: int) -> str:
    """Select body[start:end] (UTF-16) by dragging the mouse; the page's selected text."""
    first, last = page.evaluate(CHARACTER_BOX, [start, end])
    page.mouse.move(first["left"] + 0.5, first["top"] + first["height"] / 2)
    page.mouse.down()
    page.mouse.move(last["right"] - 0.5, last["top"] + last["height"] / 2, steps=8)
    page.mouse.up()
    return str(page.evaluate("() => window.getSelection().toString()"))


def highlight(page: Any, note: str = "") -> None:
    page.get_by_label("Note", exact=True).fill(note)
    page.get_by_role("button", name="Highlight selection").click()
    page.get_by_role("status").filter(has_text="Highlighted").wait_for()


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture
def annotator_user(member: Any) -> Any:
    user = member(Role.ANNOTATOR, username="page-annotator")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.django_db(transaction=True)
def test_annotating_the_seed_article_by_mouse_selection(
    browser_page: Any, live_server: Any, workspace: Any, annotator_user: Any
) -> None:
    title, body = demo_article_text()
    article = ArticleFactory(workspace=workspace, created_by=annotator_user, title=title, body=body)
    log_in_and_open(browser_page, live_server.url, "page-annotator", title)

    wanted = ["must succeed in its conflict with Russia", "Jens Stoltenberg", "urgently needed"]
    selected = []
    for passage in wanted:
        at = utf16(article.body[: article.body.index(passage)])
        selected.append(select_with_mouse(browser_page, at, at + utf16(passage)))
        highlight(browser_page, note=f"Check: {passage}")
    assert selected == wanted
    spans = Span.objects.filter(article=article).order_by("created_at")
    assert [span.quote for span in spans] == selected
    assert [article.body[span.start : span.end] for span in spans] == selected
    assert [span.note for span in spans] == [f"Check: {passage}" for passage in wanted]
    # The page shows each span highlighted.
    marks = browser_page.locator("#article-body mark").all_inner_texts()
    assert set(wanted) <= set(marks)


@pytest.mark.django_db(transaction=True)
def test_emoji_and_characters_outside_the_bmp_keep_their_offsets(
    browser_page: Any, live_server: Any, workspace: Any, annotator_user: Any
) -> None:
    body = "Before 🧐 the claim: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 figures rose 5% 👍🏽 and e\u0301tudes fell.\n"
    article = ArticleFactory(
        workspace=workspace, created_by=annotator_user, title="Emoji", body=body
    )
    log_in_and_open(browser_page, live_server.url, "page-annotator", "Emoji")
    for passage in ["𝔘𝔫𝔦𝔠𝔬𝔡𝔢 figures", "rose 5% 👍🏽", "étude"]:
        stored = Article.objects.get(pk=article.pk).body  # NFC: "é" is one code point
        at = utf16(stored[: stored.index(passage)])
        assert select_with_mouse(browser_page, at, at + utf16(passage)) == passage
        highlight(browser_page)
        span = Span.objects.filter(article=article).latest("created_at")
        assert span.quote == passage == stored[span.start : span.end]


@pytest.mark.django_db(transaction=True)
def test_a_passage_selected_with_the_keyboard(
    browser_page: Any, live_server: Any, workspace: Any, annotator_user: Any
) -> None:
    article = ArticleFactory(
        workspace=workspace, created_by=annotator_user, title="Keys", body="One two three.\n"
    )
    log_in_and_open(browser_page, live_server.url, "page-annotator", "Keys")
    browser_page.get_by_label("Article body", exact=False).focus()
    for key in ["ArrowRight"] * 4 + ["Shift+ArrowRight"] * 3:
        browser_page.keyboard.press(key)
    highlight(browser_page)
    [span] = Span.objects.filter(article=article)
    assert span.quote == "two"


@pytest.mark.django_db(transaction=True)
def test_two_browsers_editing_one_span_the_second_is_offered_the_first_ones_version(
    browser: Any, live_server: Any, workspace: Any, annotator_user: Any, member: Any
) -> None:
    # An editor may change anyone's span, the span's author their own.
    other = member(Role.EDITOR, username="page-editor")
    other.set_password(PASSWORD)
    other.save()
    article = ArticleFactory(
        workspace=workspace, created_by=annotator_user, title="Shared", body="One two three.\n"
    )
    span = SpanFactory(article=article, start=4, end=7)
    first, second = new_page(browser), new_page(browser)
    log_in_and_open(first, live_server.url, "page-annotator", "Shared")
    log_in_and_open(second, live_server.url, "page-editor", "Shared")
    for page in (first, second):  # both read the span as it is
        page.get_by_role("button", name="Edit the note of “two”").click()
        page.get_by_label("New note").wait_for()

    first.get_by_label("New note").fill("First reader's note")
    first.get_by_role("button", name="Save note").click()
    first.get_by_role("status").filter(has_text="Saved the note").wait_for()

    second.get_by_label("New note").fill("Second reader's note")
    second.get_by_role("button", name="Save note").click()
    alert = second.get_by_role("alert")
    alert.filter(has_text="First reader's note").wait_for()
    span.refresh_from_db()
    assert span.note == "First reader's note"  # the stale change changed nothing

    second.get_by_role("button", name="Reload their version").click()
    assert second.get_by_label("New note").input_value() == "First reader's note"
    second.get_by_label("New note").fill("First reader's note, checked twice")
    second.get_by_role("button", name="Save note").click()
    second.get_by_role("status").filter(has_text="Saved the note").wait_for()
    span.refresh_from_db()
    assert span.note == "First reader's note, checked twice"


@pytest.mark.django_db(transaction=True)
def test_a_claim_from_ticked_spans_with_checked_before_while_typing(
    browser_page: Any, live_server: Any, workspace: Any, annotator_user: Any
) -> None:
    article = ArticleFactory(
        workspace=workspace,
        created_by=annotator_user,
        title="Jobs",
        body="The minister said unemployment fell to 3% in May. Prices rose.\n",
    )
    cited = SpanFactory(article=article, start=18, end=49)
    SpanFactory(article=article, start=51, end=63)
    checked = ClaimFactory(workspace=workspace, text="Unemployment fell to 3% in May.")
    VerdictFactory(claim=checked, published=True)
    log_in_and_open(browser_page, live_server.url, "page-annotator", "Jobs")

    browser_page.get_by_label(f"Cite “{cited.quote}” in a claim").check()
    browser_page.get_by_label("Claim", exact=True).fill("Unemployment fell to 3 percent in May")
    browser_page.locator("#similar li").filter(has_text=checked.text).filter(
        has_text="checked, False"
    ).wait_for()
    browser_page.get_by_label("Claimant").fill("The minister")
    browser_page.get_by_role("button", name="Create claim").click()
    browser_page.get_by_role("status").filter(has_text="Created the claim").wait_for()
    claim = Claim.objects.exclude(pk=checked.pk).get()
    assert claim.text == "Unemployment fell to 3 percent in May"
    assert claim.claimant == "The minister"
    assert list(claim.spans.all()) == [cited]


def test_the_page_is_served_with_its_bundle(client: Any) -> None:
    response = client.get(reverse("annotator"))
    assert response.status_code == 200
    assert b"annotate/annotator.js" in response.content
    script = client.get("/static/annotate/annotator.js")
    assert script.status_code == 200
