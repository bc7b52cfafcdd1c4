"""Token authentication that also reads the caller's roles, from the shared cache."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from annotations.workspaces import credentials
from annotations.workspaces.models import remember_roles


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication, with the user's roles in its workspaces (which every
    scoped request needs next) read with the user: from the shared cache, else in one query
    (``annotations.workspaces.credentials``).

    The token comes as ``Authorization: Token <key>`` (DRF's scheme) or ``Bearer <key>`` (the
    HTTP bearer scheme that Swagger UI and generated clients send a bare key with)."""

    keywords = (b"token", b"bearer")

    def authenticate(self, request: Any) -> tuple[Any, credentials.Credentials] | None:
        scheme, *rest = authentication.get_authorization_header(request).split() or [b""]
        if scheme.lower() not in self.keywords:
            return None
        if len(rest) != 1:
            raise exceptions.AuthenticationFailed(
                _("Invalid token header: give the scheme, one space, and the token.")
            )
        try:
            key = rest[0].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(
                _("Invalid token header: the token has invalid characters.")
            ) from exc
        return self.authenticate_credentials(key)

    def authenticate_credentials(self, key: str) -> tuple[Any, credentials.Credentials]:
        found = credentials.cached(key) or credentials.from_database(key)
        if found is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        user = found.as_user()
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        remember_roles(user, found.roles)
        # request.auth: the credentials the token stands for.
        return user, found
