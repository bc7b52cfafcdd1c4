from enum import StrEnum


class RoleEnum(StrEnum):
    ANNOTATOR = "annotator"
    EDITOR = "editor"
    REVIEWER = "reviewer"

    def __str__(self) -> str:
        return str(self.value)
