"""A limit on wrong passwords per account, whatever the addresses they come from.

Rate limits by address do not stop a guesser who spreads guesses over many addresses. So
every failed login counts against its username (``FACTCHECK_LOGIN_MAX_FAILURES`` per window of
``FACTCHECK_LOGIN_WINDOW_MINUTES``), and once a username has used up its window, logging in
as it is refused until the window ends, even with the right password. Every way in is
covered: ``LoginLimitedModelBackend`` is the authentication backend behind the token
endpoint, the browsable API's login and the admin's.

Counts live in the shared cache (``annotations.ratelimit``); when it fails, logins are not
limited (logged) rather than refused.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from annotations import ratelimit

log = logging.getLogger(__name__)

_RETRY_AFTER_ATTRIBUTE = "_factcheck_login_retry_after"


def _rate() -> ratelimit.Rate:
    return ratelimit.Rate(
        settings.FACTCHECK_LOGIN_MAX_FAILURES, settings.FACTCHECK_LOGIN_WINDOW_MINUTES * 60
    )


def _name(username: str) -> str:
    # Case-folded, so that "Editor" and "editor" share a count; hashed, so that any username
    # makes a valid cache key.
    return "login-failures:" + hashlib.sha256(username.casefold().encode()).hexdigest()[:40]


def locked_for(username: str) -> int | None:
    """Seconds until logging in as ``username`` is allowed again, or None if it is now."""
    return ratelimit.exhausted(_name(username), _rate())


def record_failure(username: str) -> None:
    rate = _rate()
    if ratelimit.record(_name(username), rate) == rate.limit:
        log.warning(
            "Logins as %r are refused for the rest of a %s-minute window after %s failures.",
            username,
            settings.FACTCHECK_LOGIN_WINDOW_MINUTES,
            rate.limit,
        )


def retry_after(request: Any) -> int | None:
    """After a failed ``authenticate(request, …)``: the seconds to wait if it failed because
    the account is locked, else None."""
    return getattr(request, _RETRY_AFTER_ATTRIBUTE, None)


class LoginLimitedModelBackend(ModelBackend):
    """Django's username and password backend, refusing accounts that are locked."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if isinstance(username, str) and (wait := locked_for(username)) is not None:
            if request is not None:
                setattr(request, _RETRY_AFTER_ATTRIBUTE, wait)
            # Stops authenticate() from asking other backends; it reports a failure.
            raise PermissionDenied
        return super().authenticate(request, username, password, **kwargs)


def count_failed_login(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    """``user_login_failed`` receiver: the failure counts against the username tried."""
    username = credentials.get(get_user_model().USERNAME_FIELD, credentials.get("username"))
    if isinstance(username, str):
        record_failure(username)
