from collections.abc import Iterable

from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request


class ContentNegotiation(DefaultContentNegotiation):
    """DRF's negotiation, except that an explicit ``?format=`` wins over the Accept header.

    DRF would still match the chosen renderer against Accept, and a media type with
    parameters (the Web Annotation profile) never matches ``*/*``."""

    def select_renderer(
        self,
        request: Request,
        renderers: Iterable[BaseRenderer],
        format_suffix: str | None = None,
    ) -> tuple[BaseRenderer, str]:
        chosen = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if chosen:
            matching = self.filter_renderers(list(renderers), chosen)
            return matching[0], matching[0].media_type
        return super().select_renderer(request, renderers, format_suffix)
