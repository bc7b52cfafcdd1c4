"""WSGI entry point, for servers such as gunicorn: ``factcheck.wsgi:application``."""

import io
import os
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class ChunkedRequestBody:
    """Let Django read a chunked request body.

    Django reads a body only as far as ``Content-Length`` says, and a chunked body has none:
    it would be read as empty. Servers that decode chunking (gunicorn) mark their input
    ``wsgi.input_terminated``; such a body is read here, up to one byte past the size limit
    (``RequestSizeLimitMiddleware`` then answers 413), and given its length. Where the server
    does not decode it, the middleware answers 411.
    """

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if (
            not environ.get("CONTENT_LENGTH")
            and "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
            and environ.get("wsgi.input_terminated")
        ):
            body = environ["wsgi.input"].read(settings.FACTCHECK_MAX_REQUEST_BYTES + 1)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)


application = ChunkedRequestBody(get_wsgi_application())
