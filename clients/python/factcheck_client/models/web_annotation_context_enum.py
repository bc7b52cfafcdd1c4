from enum import StrEnum


class WebAnnotationContextEnum(StrEnum):
    HTTPWWW_W3_ORGNSANNO_JSONLD = "http://www.w3.org/ns/anno.jsonld"

    def __str__(self) -> str:
        return str(self.value)
