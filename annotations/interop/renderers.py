from annotations.interop.webannotation import PROFILE
from factcheck.http.renderers import JSONLDRenderer


class WebAnnotationRenderer(JSONLDRenderer):
    """W3C Web Annotation JSON-LD, chosen by ``Accept: application/ld+json; profile=...``."""

    media_type = f'application/ld+json; profile="{PROFILE}"'
    format = "w3c"
