"""Request-level plumbing shared by logging, history and clients."""

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse

from factcheck.http.problems import is_api_request, no_endpoint, problem_response

REQUEST_ID_HEADER = "X-Request-ID"
# A client's id is kept if it is a sane token; anything else is replaced.
ACCEPTABLE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,200}$")


class RequestIdMiddleware:
    """Give each request an id (the client's ``X-Request-ID`` if it sent a usable one) as
    ``request.id``, and return it in the response's ``X-Request-ID``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request.id = given if ACCEPTABLE_REQUEST_ID.match(given) else uuid.uuid4().hex  # type: ignore[attr-defined]
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.id  # type: ignore[attr-defined]
        return response


request_log = logging.getLogger("factcheck.request")


class RequestLogMiddleware:
    """Log one line per request: its id, method, path, status, duration and the number of
    SQL queries it ran (counted whether or not debug mode is on)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        queries = 0

        def count(execute: Callable[..., Any], *args: Any) -> Any:
            nonlocal queries
            queries += 1
            return execute(*args)

        started = time.perf_counter()
        with connection.execute_wrapper(count):
            response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        request_log.log(
            logging.WARNING if response.status_code >= 500 else logging.INFO,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": getattr(request, "id", ""),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(duration_ms, 2),
                "queries": queries,
            },
        )
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than ``FACTCHECK_MAX_REQUEST_BYTES`` with 413 before
    anything reads it, and a body of unknown length (chunked, where the server did not
    decode it: ``factcheck.wsgi``) with 411 rather than read it as empty."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.FACTCHECK_MAX_REQUEST_BYTES
        declared = request.META.get("CONTENT_LENGTH")
        if not declared and "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return problem_response(
                411,
                "length_required",
                "This server cannot read a chunked request body: send Content-Length.",
            )
        try:
            length = int(declared or 0)
        except ValueError:
            length = 0
        if length > limit:
            return problem_response(
                413,
                "request_too_large",
                f"The request body is {length} bytes; the limit is {limit}.",
            )
        return self.get_response(request)


class ApiNotFoundMiddleware:
    """Under /api/, a path that no route matches answers a problem document in debug mode too,
    where Django would answer its HTML debug page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.resolver_match is None
            and is_api_request(request)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return no_endpoint()
        return response


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicChangesMiddleware:
    """Run each request that may change data in one transaction of the default database,
    committed only when it succeeds: a response of 400 or more (an error the view handled
    as well as one it raised) rolls back everything the request did.

    Reads run without one. A transaction around a read cost PostgreSQL two more round trips
    (BEGIN, COMMIT) and held SQLite's write lock (``transaction_mode`` IMMEDIATE) for the
    whole request, queueing reads behind writes; and at READ COMMITTED, PostgreSQL's level
    here, each statement sees its own snapshot inside a transaction or out. Django's
    ``ATOMIC_REQUESTS`` cannot tell methods apart, so this replaces it. Placed last, it wraps
    the view alone, as ``ATOMIC_REQUESTS`` did."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 400:
                transaction.set_rollback(True)
        return response
