from rest_framework.renderers import JSONRenderer

from annotations.webannotation import PROFILE


class WebAnnotationRenderer(JSONRenderer):
    """W3C Web Annotation JSON-LD, chosen by ``Accept: application/ld+json; profile=...``."""

    media_type = f'application/ld+json; profile="{PROFILE}"'
    format = "w3c"
