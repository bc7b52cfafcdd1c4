from enum import StrEnum


class VerdictsListState(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    SUBMITTED = "submitted"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
