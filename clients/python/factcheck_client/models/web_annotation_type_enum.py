from enum import StrEnum


class WebAnnotationTypeEnum(StrEnum):
    ANNOTATION = "Annotation"

    def __str__(self) -> str:
        return str(self.value)
