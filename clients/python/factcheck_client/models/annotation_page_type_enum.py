from enum import StrEnum


class AnnotationPageTypeEnum(StrEnum):
    ANNOTATIONPAGE = "AnnotationPage"

    def __str__(self) -> str:
        return str(self.value)
