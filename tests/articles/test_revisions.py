"""Changing an article's body keeps every revision and re-anchors its spans on the server:
each span is anchored, moved or fuzzy with ``body[start:end] == quote``, or visibly
orphaned at its last revision."""

from typing import Any

import pytest
from django.urls import reverse

from annotations.articles.models import Article, ArticleRevision, Span
from annotations.articles.text import anchor_at, find_quote
from annotations.claims.models import Claim
from annotations.demo import demo_article_text
from annotations.review.models import Verdict
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory
from tests.helpers import error_fields

TITLE, SEED = demo_article_text()


def detail(article: Article) -> str:
    return reverse("article-detail", args=[article.pk])


def span_on(article: Article, quote: str, **context: str) -> Span:
    anchor = find_quote(article.body, quote, **context)
    return SpanFactory(article=article, start=anchor.start, end=anchor.end)


def assert_every_span_is_placed(article: Article) -> None:
    """The issue's promise: no span is lost or misplaced silently."""
    article.refresh_from_db()
    bodies = dict(article.revisions.values_list("number", "body"))
    for span in article.spans.all():
        if span.anchor_state == "orphaned":
            # Kept with the quote and offsets of the revision it was last anchored in.
            assert span.revision < article.revision
        else:
            assert span.revision == article.revision
        assert bodies[span.revision][span.start : span.end] == span.quote, span


@pytest.fixture
def seed_article(annotator: Any, workspace: Any) -> Article:
    return ArticleFactory(workspace=workspace, created_by=annotator, title=TITLE, body=SEED)


def test_an_article_starts_at_revision_one(annotator: Any, client_for: Any) -> None:
    client = client_for(annotator)
    created = client.post(reverse("article-list"), {"title": "T", "body": "First text.\r\n"})
    assert created.status_code == 201, created.content
    assert created.data["revision"] == 1
    assert "reanchoring" not in created.data  # a change's report, not the article's
    response = client.get(reverse("article-revisions", args=[created.data["id"]]))
    assert response.status_code == 200
    [revision] = response.data["results"]
    assert revision["number"] == 1
    assert revision["created_by"] == "annie"
    assert revision["length"] == len("First text.\n")
    assert "body" not in revision


def test_a_change_of_body_is_a_new_revision_and_earlier_bodies_are_kept(
    seed_article: Article, annotator: Any, editor: Any, client_for: Any
) -> None:
    corrected = SEED.replace("July 9-11", "July 9-12")
    response = client_for(editor).patch(detail(seed_article), {"body": corrected})
    assert response.status_code == 200, response.content
    assert response.data["revision"] == 2
    assert response.data["body"] == corrected

    listed = client_for(annotator).get(reverse("article-revisions", args=[seed_article.pk]))
    assert [(r["number"], r["created_by"]) for r in listed.data["results"]] == [
        (1, "annie"),
        (2, "eddie"),
    ]
    first = client_for(annotator).get(reverse("article-revision", args=[seed_article.pk, 1]))
    assert first.status_code == 200
    assert first.data["body"] == SEED
    assert first.data["length"] == len(SEED)
    second = client_for(annotator).get(reverse("article-revision", args=[seed_article.pk, 2]))
    assert second.data["body"] == corrected
    assert first.data["body_sha256"] != second.data["body_sha256"]
    assert len(second.data["body_sha256"]) == 64


def test_the_same_text_differently_encoded_is_no_new_revision(
    seed_article: Article, annotator: Any, client_for: Any
) -> None:
    span_on(seed_article, "September 2022")
    response = client_for(annotator).patch(
        detail(seed_article), {"body": SEED.replace("\n", "\r\n")}
    )
    assert response.status_code == 200
    assert response.data["revision"] == 1
    assert response.data["reanchoring"] is None
    assert ArticleRevision.objects.filter(article=seed_article).count() == 1


def test_the_response_reports_what_moved(
    seed_article: Article, annotator: Any, client_for: Any
) -> None:
    kept = span_on(seed_article, "Jens Stoltenberg")
    moved = span_on(seed_article, "Since 2023, Ukraine has signed bilateral security pacts")
    edited = span_on(seed_article, "refused to provide Ukraine with a timeline or a roadmap")
    lost = span_on(seed_article, "Moscow views NATO as a threat to its security")
    paragraphs = SEED.split("\n\n")
    pacts = next(p for p in paragraphs if p.startswith("Since 2023"))
    russia = next(p for p in paragraphs if p.startswith("Russia has cited"))
    # A correction: one paragraph moves up, a phrase is reworded, a sentence is cut.
    body = SEED.replace("\n\n" + pacts, "").replace(paragraphs[2], paragraphs[2] + "\n\n" + pacts)
    body = body.replace("a timeline or a roadmap", "a timeline or roadmap")
    body = body.replace(russia, russia.split(" Moscow views")[0])

    client = client_for(annotator)
    response = client.patch(detail(seed_article), {"body": body})
    assert response.status_code == 200, response.content
    # The change's ETag is the article's, as a GET gives it: the next change may send it.
    read = client.get(detail(seed_article))
    assert response["ETag"] == read["ETag"]
    assert "reanchoring" not in read.data
    report = response.data["reanchoring"]
    assert report["revision"] == 2
    assert report["counts"] == {"anchored": 1, "moved": 1, "fuzzy": 1, "orphaned": 1}
    assert report["spans"] == {
        "moved": [str(moved.pk)],
        "fuzzy": [str(edited.pk)],
        "orphaned": [str(lost.pk)],
    }
    states = dict(Span.objects.values_list("pk", "anchor_state"))
    assert states == {
        kept.pk: "anchored",
        moved.pk: "moved",
        edited.pk: "fuzzy",
        lost.pk: "orphaned",
    }
    edited.refresh_from_db()
    assert edited.quote == "refused to provide Ukraine with a timeline or roadmap"
    assert_every_span_is_placed(seed_article)


def test_a_sequence_of_corrections_never_misplaces_a_span(
    seed_article: Article, editor: Any, client_for: Any
) -> None:
    for quote in ["Jens Stoltenberg", "September 2022", "Olga Stefanishina", "Article 5"]:
        span_on(seed_article, quote)
    span_on(seed_article, "NATO", prefix="join ", suffix=", the alliance")
    client = client_for(editor)
    body = SEED
    corrections = [
        lambda b: "UPDATED 14 June: adds comment from the White House.\n\n" + b,  # insertion
        lambda b: b.replace(" – that’s an absolute minimum", ""),  # deletion after a span
        lambda b: b.replace("in September 2022", "in late September 2022"),  # rewrite around
        lambda b: b.replace("Olga Stefanishina", "Olha Stefanishyna"),  # a name respelt
        lambda b: b + "\n\n" + b.split("\n\n")[3],  # a duplicated paragraph
        lambda b: b.replace(b.split("\n\n")[4] + "\n\n", ""),  # a removed paragraph
        lambda b: b.replace("\n", "\r\n"),  # CRLF: no change at all
        lambda b: b.replace("Article 5 of the NATO Charter", "the NATO Charter"),  # span cut
    ]
    for correct in corrections:
        body = correct(body)
        response = client.patch(detail(seed_article), {"body": body})
        assert response.status_code == 200, response.content
        assert_every_span_is_placed(seed_article)
    seed_article.refresh_from_db()
    assert seed_article.revision == len(corrections)  # 1 + 8, but CRLF made no revision
    by_quote = {span.quote: span for span in seed_article.spans.all()}
    assert by_quote["Olha Stefanishyna"].anchor_state == "fuzzy"
    assert by_quote["Article 5"].anchor_state == "orphaned"
    # The duplicated paragraph did not pull its spans to the copy.
    stoltenberg = by_quote["Jens Stoltenberg"]
    assert stoltenberg.start == seed_article.body.index("Jens Stoltenberg")


def test_emoji_and_repeats(annotator: Any, client_for: Any, workspace: Any) -> None:
    body = "🇫🇷 Paris: prices up 👍🏽. Lyon: prices up 👍🏽. Nice: prices up 👍🏽."
    article = ArticleFactory(workspace=workspace, created_by=annotator, body=body)
    lyon = span_on(article, "prices up 👍🏽", prefix="Lyon: ")
    new_body = "🇩🇪 Berlin: prices flat. " + body.replace("Paris: prices up", "Paris: prices down")
    response = client_for(annotator).patch(detail(article), {"body": new_body})
    assert response.status_code == 200
    lyon.refresh_from_db()
    assert lyon.anchor_state == "anchored"
    assert new_body[lyon.start : lyon.end] == "prices up 👍🏽"
    assert new_body[lyon.start - 6 : lyon.start] == "Lyon: "
    assert lyon.start_utf16 == len(new_body[: lyon.start].encode("utf-16-le")) // 2


def test_nfd_text_is_the_same_revision_and_nfc_offsets_hold(
    annotator: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator, body="Café prices rose.")
    span = span_on(article, "prices rose")
    decomposed = "Cafe\u0301 prices rose. Bakeries followed."
    response = client_for(annotator).patch(detail(article), {"body": decomposed})
    assert response.data["reanchoring"]["counts"]["anchored"] == 1
    span.refresh_from_db()
    assert (span.start, span.end) == (5, 16)


def test_an_orphaned_span_keeps_its_claims_and_verdicts_and_is_listed(
    seed_article: Article, annotator: Any, editor: Any, client_for: Any
) -> None:
    lost = span_on(seed_article, "Moscow views NATO as a threat to its security")
    claim = ClaimFactory(workspace=seed_article.workspace, spans=[lost])
    verdict = VerdictFactory(claim=claim, published=True)
    body = SEED.replace("Moscow views NATO as a threat to its security", "Moscow objects")
    client = client_for(editor)
    assert client.patch(detail(seed_article), {"body": body}).status_code == 200

    listed = client.get(reverse("span-list"), {"anchor_state": "orphaned"})
    assert [span["id"] for span in listed.data["results"]] == [str(lost.pk)]
    assert listed.data["results"][0]["revision"] == 1
    assert client.get(reverse("span-list"), {"anchor_state": "fuzzy"}).data["count"] == 0
    assert list(Claim.objects.get(pk=claim.pk).spans.all()) == [lost]
    assert Verdict.objects.get(pk=verdict.pk).state == "published"
    # The W3C form names the revision its offsets refer to.
    annotation = client.get(reverse("span-detail", args=[lost.pk]), {"format": "w3c"}).json()
    first = ArticleRevision.objects.get(article=seed_article, number=1)
    assert annotation["target"]["state"]["id"] == f"urn:sha256:{first.body_sha256}"

    # Re-anchoring it by hand makes it current again.
    response = client_for(annotator).patch(
        reverse("span-detail", args=[lost.pk]), {"quote": "Moscow objects"}
    )
    assert response.status_code == 200, response.content
    assert (response.data["anchor_state"], response.data["revision"]) == ("anchored", 2)


def test_an_orphaned_span_is_found_again_when_its_passage_returns(
    seed_article: Article, annotator: Any, client_for: Any
) -> None:
    span = span_on(seed_article, "Moscow views NATO as a threat to its security")
    client = client_for(annotator)
    cut = SEED.replace(" Moscow views NATO as a threat to its security", "")
    client.patch(detail(seed_article), {"body": cut})
    span.refresh_from_db()
    assert span.anchor_state == "orphaned"
    response = client.patch(detail(seed_article), {"body": SEED + "\n\nUpdated."})
    assert response.data["reanchoring"]["counts"]["anchored"] == 1
    span.refresh_from_db()
    assert (span.anchor_state, span.revision) == ("anchored", 3)
    assert_every_span_is_placed(seed_article)


def test_a_fuzzy_span_keeps_its_old_quote_in_its_history(
    seed_article: Article, annotator: Any, client_for: Any
) -> None:
    span = span_on(seed_article, "Olga Stefanishina, Ukraine’s deputy prime minister")
    client = client_for(annotator)
    body = SEED.replace("Olga Stefanishina", "Olha Stefanishyna")
    client.patch(detail(seed_article), {"body": body}, HTTP_X_REQUEST_ID="fix-name")
    entries = client.get(reverse("span-history", args=[span.pk])).data["results"]
    latest = entries[0]
    assert latest["request_id"] == "fix-name"
    changes = {change["field"]: change for change in latest["changes"]}
    assert changes["quote"]["before"] == "Olga Stefanishina, Ukraine’s deputy prime minister"
    assert changes["quote"]["after"] == "Olha Stefanishyna, Ukraine’s deputy prime minister"
    assert changes["anchor_state"]["after"] == "fuzzy"

    # It stays fuzzy through later exact shifts, for review, until someone confirms it.
    report = client.patch(detail(seed_article), {"body": "Update. " + body}).data["reanchoring"]
    assert report["counts"]["anchored"] == 1
    span.refresh_from_db()
    assert span.anchor_state == "fuzzy"
    confirmed = client.patch(reverse("span-detail", args=[span.pk]), {"quote": span.quote})
    assert confirmed.data["anchor_state"] == "anchored"


def test_spans_created_after_a_change_refer_to_the_new_revision(
    seed_article: Article, annotator: Any, client_for: Any
) -> None:
    client = client_for(annotator)
    client.patch(detail(seed_article), {"body": "Correction. " + SEED})
    response = client.post(
        reverse("span-list"), {"article": str(seed_article.pk), "quote": "Jens Stoltenberg"}
    )
    assert response.status_code == 201
    assert (response.data["revision"], response.data["anchor_state"]) == (2, "anchored")


def test_a_failed_change_changes_nothing(
    seed_article: Article, annotator: Any, client_for: Any
) -> None:
    span = span_on(seed_article, "Jens Stoltenberg")
    response = client_for(annotator).patch(
        detail(seed_article), {"body": "Correction. " + SEED, "language": "not a language"}
    )
    assert response.status_code == 400
    assert error_fields(response) == {"language"}
    assert ArticleRevision.objects.filter(article=seed_article).count() == 1
    span.refresh_from_db()
    assert (span.start, span.revision) == (SEED.index("Jens Stoltenberg"), 1)


def test_put_revises_too(seed_article: Article, annotator: Any, client_for: Any) -> None:
    span_on(seed_article, "Jens Stoltenberg")
    response = client_for(annotator).put(
        detail(seed_article), {"title": TITLE, "body": "Correction. " + SEED}
    )
    assert response.status_code == 200, response.content
    assert response.data["reanchoring"]["counts"]["anchored"] == 1


def test_revisions_are_scoped_and_numbered(
    seed_article: Article, outsider: Any, annotator: Any, client_for: Any
) -> None:
    assert (
        client_for(outsider).get(reverse("article-revisions", args=[seed_article.pk])).status_code
        == 404
    )
    assert (
        client_for(outsider).get(reverse("article-revision", args=[seed_article.pk, 1])).status_code
        == 404
    )
    missing = client_for(annotator).get(reverse("article-revision", args=[seed_article.pk, 2]))
    assert missing.status_code == 404
    assert client_for(annotator).get(f"{detail(seed_article)}revisions/x/").status_code == 404


def test_revisions_list_in_a_fixed_number_of_queries(
    seed_article: Article,
    annotator: Any,
    client_for: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = client_for(annotator)
    url = reverse("article-revisions", args=[seed_article.pk])
    for number in range(2, 12):
        client.patch(detail(seed_article), {"body": f"Update {number}. " + SEED})
    # Token, article, count, page; and the test transaction's savepoint pair.
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.data["count"] == 11


def test_many_spans_are_saved_in_batches(annotator: Any, client_for: Any, workspace: Any) -> None:
    body = " ".join(f"w{index:04d}" for index in range(1200))
    article = ArticleFactory(workspace=workspace, created_by=annotator, body=body)
    Span.objects.bulk_create(
        Span(article=article, created_by=annotator, **anchor_at(body, at, at + 5).as_fields())
        for at in range(0, len(body), 6)
    )
    response = client_for(annotator).patch(detail(article), {"body": "Intro. " + body})
    assert response.data["reanchoring"]["counts"]["anchored"] == 1200
    assert_every_span_is_placed(article)
    assert set(Span.objects.values_list("start", flat=True)) == {
        at + 7 for at in range(0, len(body), 6)
    }
    assert Span.history.filter(history_type="~").count() == 1200


# --- Spans made from offsets read in an earlier revision -------------------------------------

CORRECTION = "Correction: an earlier version misdated the summit.\n\n"


@pytest.fixture
def corrected(seed_article: Article, editor: Any, client_for: Any) -> Article:
    """The seed article after a correction was prepended: revision 2."""
    response = client_for(editor).patch(detail(seed_article), {"body": CORRECTION + SEED})
    assert response.status_code == 200, response.content
    seed_article.refresh_from_db()
    return seed_article


def create_span(client: Any, article: Article, **fields: Any) -> Any:
    return client.post(reverse("span-list"), {"article": str(article.pk), **fields})


def test_offsets_of_an_earlier_revision_land_on_the_same_words(
    corrected: Article, annotator: Any, client_for: Any
) -> None:
    # The client computed these on the body it read before the correction.
    then = find_quote(SEED, "Jens Stoltenberg")
    response = create_span(
        client_for(annotator), corrected, start=then.start, end=then.end, revision=1
    )
    assert response.status_code == 201, response.content
    span = response.json()
    assert span["quote"] == "Jens Stoltenberg"
    assert (span["start"], span["revision"]) == (then.start + len(CORRECTION), 2)
    assert span["anchor_state"] == "anchored"
    assert corrected.body[span["start"] : span["end"]] == "Jens Stoltenberg"
    assert_every_span_is_placed(corrected)


def test_without_a_revision_offsets_mean_the_current_body(
    corrected: Article, annotator: Any, client_for: Any
) -> None:
    then = find_quote(SEED, "Jens Stoltenberg")
    response = create_span(client_for(annotator), corrected, start=then.start, end=then.end)
    assert response.status_code == 201
    assert response.json()["quote"] == corrected.body[then.start : then.end]
    assert response.json()["quote"] != "Jens Stoltenberg"


def test_a_quote_placed_in_an_earlier_revision_is_found_in_the_current_one(
    seed_article: Article, editor: Any, annotator: Any, client_for: Any
) -> None:
    # Where a quote repeats, the context given picks the occurrence in the revision read.
    words = SEED.split()
    repeated = next(word for word in words if len(word) > 4 and SEED.count(word) > 1)
    last = SEED.rindex(repeated)
    suffix = SEED[last + len(repeated) : last + len(repeated) + 20]
    client_for(editor).patch(detail(seed_article), {"body": CORRECTION + SEED})
    response = create_span(
        client_for(annotator), seed_article, quote=repeated, suffix=suffix, revision=1
    )
    assert response.status_code == 201, response.content
    assert response.json()["start"] == last + len(CORRECTION)


def test_utf16_offsets_of_an_earlier_revision(
    annotator: Any, editor: Any, client_for: Any, workspace: Any
) -> None:
    article = ArticleFactory(workspace=workspace, created_by=annotator, body="🙂 Hello there")
    client_for(editor).patch(detail(article), {"body": "📰🙂 Hello there"})
    # "Hello" is at UTF-16 offsets 3 to 8 in revision 1 (the emoji takes two units).
    response = create_span(
        client_for(annotator), article, start=3, end=8, offset_unit="utf16", revision=1
    )
    assert response.status_code == 201, response.content
    assert (response.json()["quote"], response.json()["start_utf16"]) == ("Hello", 5)


def test_a_lightly_edited_passage_is_fuzzy(
    annotator: Any, editor: Any, client_for: Any, workspace: Any
) -> None:
    body = "The minister said unemployment fell to three per cent in May."
    article = ArticleFactory(workspace=workspace, created_by=annotator, body=body)
    edited = body.replace("three per cent", "three percent")
    client_for(editor).patch(detail(article), {"body": edited})
    then = find_quote(body, "unemployment fell to three per cent")
    response = create_span(
        client_for(annotator), article, start=then.start, end=then.end, revision=1
    )
    assert response.status_code == 201, response.content
    assert response.json()["anchor_state"] == "fuzzy"
    assert response.json()["quote"] == "unemployment fell to three percent"


def test_a_passage_that_is_gone_is_a_conflict_and_no_span(
    annotator: Any, editor: Any, client_for: Any, workspace: Any
) -> None:
    body = "Opening line. The minister said unemployment fell to 3% in May. Closing line."
    article = ArticleFactory(workspace=workspace, created_by=annotator, body=body)
    client_for(editor).patch(detail(article), {"body": "Opening line. Closing line."})
    then = find_quote(body, "unemployment fell to 3% in May")
    response = create_span(
        client_for(annotator), article, start=then.start, end=then.end, revision=1
    )
    assert response.status_code == 409
    assert "no longer in the article" in response.json()["detail"]
    assert not Span.objects.exists()


@pytest.mark.parametrize("revision", [0, 3, "two"])
def test_a_revision_that_does_not_exist_is_refused(
    corrected: Article, annotator: Any, client_for: Any, revision: Any
) -> None:
    response = create_span(client_for(annotator), corrected, start=0, end=4, revision=revision)
    assert response.status_code == 400
    assert error_fields(response) == {"revision"}
    assert not Span.objects.exists()


def test_offsets_of_an_earlier_revision_outside_it_are_named(
    corrected: Article, annotator: Any, client_for: Any
) -> None:
    # Valid in the current body, past the end of revision 1.
    end = len(SEED) + 10
    response = create_span(client_for(annotator), corrected, start=end - 5, end=end, revision=1)
    assert response.status_code == 400
    assert error_fields(response) == {"end"}


def test_a_batch_may_mix_revisions(corrected: Article, annotator: Any, client_for: Any) -> None:
    then = find_quote(SEED, "Jens Stoltenberg")
    now = find_quote(corrected.body, "Correction")
    response = client_for(annotator).post(
        reverse("span-bulk"),
        [
            {"article": str(corrected.pk), "start": then.start, "end": then.end, "revision": 1},
            {"article": str(corrected.pk), "start": now.start, "end": now.end, "revision": 2},
            {"article": str(corrected.pk), "quote": "Correction"},
        ],
        format="json",
    )
    assert response.status_code == 201, response.content
    assert [span["quote"] for span in response.json()] == [
        "Jens Stoltenberg",
        "Correction",
        "Correction",
    ]
    assert_every_span_is_placed(corrected)


def test_a_span_can_be_moved_with_offsets_of_an_earlier_revision(
    corrected: Article, annotator: Any, client_for: Any
) -> None:
    span = span_on(corrected, "Correction")
    then = find_quote(SEED, "Jens Stoltenberg")
    response = client_for(annotator).patch(
        reverse("span-detail", args=[span.pk]),
        {"start": then.start, "end": then.end, "revision": 1},
    )
    assert response.status_code == 200, response.content
    assert response.json()["quote"] == "Jens Stoltenberg"
