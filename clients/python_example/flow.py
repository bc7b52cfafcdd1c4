"""The whole annotation flow through the generated Python client (clients/python), type-checked
with ``mypy --strict``: no casts, no ``Unset`` checks on fields that are always there.

``PYTHONPATH=clients/python python clients/python_example/flow.py`` runs it against
``FACTCHECK_URL`` (default http://127.0.0.1:8000) with the demo users (``make run``).
"""

from __future__ import annotations

import os
import time

from factcheck_client import AuthenticatedClient, Client
from factcheck_client.api.articles import articles_annotations, articles_create
from factcheck_client.api.auth import auth_token
from factcheck_client.api.claims import claims_create
from factcheck_client.api.spans import spans_create, spans_partial_update, spans_retrieve
from factcheck_client.models import (
    Article,
    ArticleAnnotations,
    ArticleRequest,
    AuthToken,
    ClaimCreated,
    ClaimRequest,
    CredentialsRequest,
    OffsetUnitEnum,
    PatchedSpanRequest,
    Problem,
    Span,
    SpanRequest,
)

BASE_URL = os.environ.get("FACTCHECK_URL", "http://127.0.0.1:8000")


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"Failed: {what}")


def main() -> None:
    login = auth_token.sync(
        client=Client(base_url=BASE_URL),
        body=CredentialsRequest(username="demo-editor", password="demo-password"),
    )
    # A response is the documented type or the Problem: isinstance tells them apart.
    assert isinstance(login, AuthToken), login
    api = AuthenticatedClient(base_url=BASE_URL, token=login.token)

    body = "Fact-checkers 🧐 read it twice: the minister said unemployment fell to 3% in May."
    article = articles_create.sync(
        client=api, body=ArticleRequest(title=f"Python client {time.time()}", body=body)
    )
    assert isinstance(article, Article), article

    # Python counts code points, as the API does by default.
    passage = "unemployment fell to 3%"
    start = body.index(passage)
    span = spans_create.sync(
        client=api, body=SpanRequest(article=article.id, start=start, end=start + len(passage))
    )
    assert isinstance(span, Span), span
    check(body[span.start : span.end] == span.quote == passage, "code-point offsets")
    check(span.start_utf16 == span.start + 1, "UTF-16 counts the emoji twice")

    quoted = spans_create.sync(
        client=api,
        body=SpanRequest(
            article=article.id, quote="the minister", offset_unit=OffsetUnitEnum.UTF16
        ),
    )
    assert isinstance(quoted, Span), quoted
    check(body[quoted.start : quoted.end] == "the minister", "the quote found")

    claim = claims_create.sync(
        client=api, body=ClaimRequest(text="Unemployment fell to 3% in May.", spans=[span.id])
    )
    assert isinstance(claim, ClaimCreated), claim
    check(isinstance(claim.similar_claims, list), "the likely duplicates")

    one_shot = articles_annotations.sync(article.id, client=api)
    assert isinstance(one_shot, ArticleAnnotations), one_shot
    check(len(one_shot.spans) == 2 and len(one_shot.claims) == 1, "the one-shot view")

    read = spans_retrieve.sync_detailed(span.id, client=api)
    etag = read.headers["ETag"]
    again = spans_retrieve.sync_detailed(span.id, client=api, if_none_match=etag)
    check(again.status_code == 304, "304 Not Modified")
    changed = spans_partial_update.sync_detailed(
        span.id, client=api, body=PatchedSpanRequest(note="Checked."), if_match=etag
    )
    check(changed.status_code == 200, "a change with the current ETag")
    stale = spans_partial_update.sync(
        span.id, client=api, body=PatchedSpanRequest(note="Stale."), if_match=etag
    )
    assert isinstance(stale, Problem), stale
    check(stale.type_.value == "urn:factcheck:problem:precondition-failed", "412's problem")
    print(f"client flow passed: article {article.id}, spans {span.id} and {quoted.id}")


if __name__ == "__main__":
    main()
