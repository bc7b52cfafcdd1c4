from enum import StrEnum


class VerdictStateEnum(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    SUBMITTED = "submitted"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
