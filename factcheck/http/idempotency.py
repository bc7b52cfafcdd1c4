"""``Idempotency-Key`` for API creates: a client may retry a POST without creating twice.

A POST under ``/api/v1/`` with an ``Idempotency-Key`` header from an authenticated user claims
the key (a row of :class:`~factcheck.http.models.IdempotencyKey`, unique per user and key) before
the view runs, and stores the view's response on it afterwards. A later request with the same
key gets, depending on the row:

- the same method, path and body (same fingerprint), first request finished: the stored
  response again, with ``Idempotent-Replayed: true``, and nothing is created;
- the same, first request still running: ``409``, to be retried later;
- the same, first request claimed the key longer ago than ``FACTCHECK_IDEMPOTENCY_LEASE_SECONDS``
  (the worker timeout) and never finished: its worker died with it (its transaction was rolled
  back), so the request runs anew;
- another method, path or body: ``422``;
- a row older than ``FACTCHECK_IDEMPOTENCY_TTL_HOURS``: as if there were none.

The middleware runs outside the request's transaction (``AtomicChangesMiddleware`` wraps only
the view), so the claim is committed at once and concurrent requests see it. Responses that say
"try again" (5xx, 409, 429) are not kept: the claim is released so that a retry runs anew.
"""

import hashlib
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.http.request import RawPostDataException
from django.utils import timezone
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.settings import api_settings

from factcheck.http.models import IdempotencyKey
from factcheck.http.problems import problem_response

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
API_PREFIX = "/api/v1/"
# Response headers kept with the response and sent again on a replay.
STORED_HEADERS = ("Content-Type", "Location", "ETag")
# Logging in is no creation, and its response (a token) must not be stored.
EXEMPT_PATHS = frozenset({"/api/v1/auth/token/"})
# Answers that tell the client to try again later are not replayed: the retry runs anew.
RETRYABLE_STATUSES = frozenset({409, 429})

_VALID_KEY = re.compile(r"[\x20-\x7e]{1,255}")
# A claim may vanish between a failed insert and the read of the row that made it fail (its
# request failed and released it); then claiming again is tried, a few times at most.
_CLAIM_ATTEMPTS = 3
_MISSING = object()


def idempotency_ttl() -> timedelta:
    """How long a key is remembered (``FACTCHECK_IDEMPOTENCY_TTL_HOURS``, 24 by default)."""
    return timedelta(hours=settings.FACTCHECK_IDEMPOTENCY_TTL_HOURS)


def idempotency_lease() -> timedelta:
    """How long a request may hold a key unfinished before the key counts as abandoned."""
    return timedelta(seconds=settings.FACTCHECK_IDEMPOTENCY_LEASE_SECONDS)


def delete_expired_idempotency_keys(now: datetime | None = None) -> int:
    """Delete the keys older than the TTL; return how many were deleted."""
    cutoff = (now or timezone.now()) - idempotency_ttl()
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def request_fingerprint(request: HttpRequest, body: bytes) -> str:
    """SHA-256 over the method, the path with its query string, and the raw body."""
    digest = hashlib.sha256()
    digest.update(request.method.encode("ascii") if request.method else b"")
    digest.update(b"\n")
    digest.update(request.get_full_path().encode("utf-8"))
    digest.update(b"\n")
    digest.update(body)
    return digest.hexdigest()


def _api_user(request: HttpRequest) -> Any:
    """The user as the API's authenticators see it (they run only inside the view), or None
    when authentication fails, which the view will answer itself.

    DRF's ``Request`` sets ``user`` and ``auth`` on the request it wraps; they are put back as
    they were, so that the view authenticates from the same state as without this middleware.
    """
    saved = {name: request.__dict__.get(name, _MISSING) for name in ("user", "auth")}
    try:
        classes = cast(
            "list[type[BaseAuthentication]]", api_settings.DEFAULT_AUTHENTICATION_CLASSES
        )
        authenticators = [cls() for cls in classes]
        return Request(request, authenticators=authenticators).user
    except APIException:
        return None
    finally:
        for name, value in saved.items():
            if value is _MISSING:
                request.__dict__.pop(name, None)
            else:
                setattr(request, name, value)


def _replay(row: IdempotencyKey) -> HttpResponse:
    headers = row.response_headers or {}
    response = HttpResponse(
        bytes(row.response_body),
        status=row.response_status,
        content_type=headers.get("Content-Type"),
    )
    for name in STORED_HEADERS:
        if name != "Content-Type" and name in headers:
            response[name] = headers[name]
    response[REPLAYED_HEADER] = "true"
    return response


class IdempotencyMiddleware:
    """Honours ``Idempotency-Key`` on API POSTs; see the module's docstring."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = request.headers.get(HEADER)
        if (
            key is None
            or request.method != "POST"
            or not request.path_info.startswith(API_PREFIX)
            or request.path_info in EXEMPT_PATHS
        ):
            return self.get_response(request)
        user = _api_user(request)
        if user is None or not user.is_authenticated:
            # Who asks comes first: the view answers 401 (keys are kept per user).
            return self.get_response(request)
        if not _VALID_KEY.fullmatch(key):
            return problem_response(
                400,
                "invalid-idempotency-key",
                f"The {HEADER} header must be 1 to 255 printable ASCII characters.",
            )
        try:
            body = request.body
        except (RequestDataTooBig, RawPostDataException):
            return self.get_response(request)

        claimed = self._claim(user, key, request_fingerprint(request, body))
        if not isinstance(claimed, IdempotencyKey):
            return claimed
        try:
            response = self.get_response(request)
        except BaseException:
            IdempotencyKey.objects.filter(pk=claimed.pk).delete()
            raise
        self._finish(claimed, response)
        return response

    def _claim(self, user: Any, key: str, fingerprint: str) -> IdempotencyKey | HttpResponse:
        """The new claim on the key, or the answer when another request holds it."""
        for _ in range(_CLAIM_ATTEMPTS):
            try:
                with transaction.atomic():
                    return IdempotencyKey.objects.create(
                        user=user, key=key, fingerprint=fingerprint
                    )
            except IntegrityError:
                pass
            row = IdempotencyKey.objects.filter(user=user, key=key).first()
            if row is None:
                continue  # Released meanwhile.
            now = timezone.now()
            expired = row.created_at < now - idempotency_ttl()
            if expired or (
                row.response_status is None
                and row.fingerprint == fingerprint
                and row.created_at < now - idempotency_lease()
            ):
                # Only this row, as it was read: a concurrent request may already have
                # claimed the key anew, or the first one finished meanwhile.
                IdempotencyKey.objects.filter(
                    pk=row.pk, created_at=row.created_at, response_status=row.response_status
                ).delete()
                continue
            if row.fingerprint != fingerprint:
                return problem_response(
                    422,
                    "idempotency-key-reused",
                    f"This {HEADER} was used for a different request (method, path or body). "
                    "Use a new key for a new request.",
                )
            if row.response_status is None:
                return self._in_progress()
            return _replay(row)
        # Claimed and released by others in turn each time: as good as in progress.
        return self._in_progress()

    def _in_progress(self) -> HttpResponse:
        response = problem_response(
            409,
            "idempotency-key-in-progress",
            f"A request with this {HEADER} is still being processed. Retry it later.",
        )
        response["Retry-After"] = "1"
        return response

    def _finish(self, claimed: IdempotencyKey, response: HttpResponseBase) -> None:
        """Store the response on the claim, or release the claim if a retry should run anew."""
        status = response.status_code
        if (
            status >= 500
            or status in RETRYABLE_STATUSES
            or not isinstance(response, HttpResponse)  # Streamed: its content cannot be kept.
        ):
            IdempotencyKey.objects.filter(pk=claimed.pk).delete()
            return
        IdempotencyKey.objects.filter(pk=claimed.pk).update(
            response_status=status,
            response_headers={name: response[name] for name in STORED_HEADERS if name in response},
            response_body=response.content,
        )
