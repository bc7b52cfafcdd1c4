"""Request-level plumbing shared by logging, history and clients."""

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from annotations.api.problems import problem_response

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


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than ``FACTCHECK_MAX_REQUEST_BYTES`` with 413 before
    anything reads it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.FACTCHECK_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return problem_response(
                413,
                "request_too_large",
                f"The request body is {length} bytes; the limit is {limit}.",
            )
        return self.get_response(request)
