"""A limit on wrong passwords per account, whatever the addresses they come from.

Rate limits by address do not stop a guesser who spreads guesses over many addresses. So
every login attempt takes a slot of its username's window (``FACTCHECK_LOGIN_MAX_FAILURES``
per ``FACTCHECK_LOGIN_WINDOW_MINUTES``) before the password is checked, and gives it back if
the password was right: only failures count, and concurrent guesses, in any number of
processes, can never get more than the limit checked. Once a window is full, logging in as
the username is refused until it ends, even with the right password. Every way in is covered:
``LoginLimitedModelBackend`` is the authentication backend behind the token endpoint, the
browsable API's login and the admin's.

Counts live in the shared cache (``factcheck.http.ratelimit``); when it fails, logins are not
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

from factcheck.http import ratelimit

log = logging.getLogger(__name__)

_RETRY_AFTER_ATTRIBUTE = "_factcheck_login_retry_after"


def failures_window(username: str) -> ratelimit.Window:
    rate = ratelimit.Rate(
        settings.FACTCHECK_LOGIN_MAX_FAILURES, settings.FACTCHECK_LOGIN_WINDOW_MINUTES * 60
    )
    # Case-folded, so that "Editor" and "editor" share a count; hashed, so that any username
    # makes a valid cache key.
    digest = hashlib.sha256(username.casefold().encode()).hexdigest()[:40]
    return ratelimit.Window(f"login-failures:{digest}", rate)


def retry_after(request: Any) -> int | None:
    """After a failed ``authenticate(request, …)``: the seconds to wait if it failed because
    the account is locked, else None."""
    return getattr(request, _RETRY_AFTER_ATTRIBUTE, None)


class LoginLimitedModelBackend(ModelBackend):
    """Django's username and password backend, within each account's limit of failures."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not isinstance(username, str):
            return None
        window = failures_window(username)
        taken = window.take()
        if taken is None:
            if request is not None:
                setattr(request, _RETRY_AFTER_ATTRIBUTE, window.seconds_left)
            # Stops authenticate() from asking other backends; it reports a failure.
            raise PermissionDenied
        user = super().authenticate(request, username, password, **kwargs)
        if user is not None:
            window.give_back()
        elif taken == window.rate.limit:
            log.warning(
                "Logins as %r are refused for %s seconds, after %s failures.",
                username,
                window.seconds_left,
                taken,
            )
        return user
