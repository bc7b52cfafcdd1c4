from enum import StrEnum


class ClaimsListStatus(StrEnum):
    AGREED = "agreed"
    DISPUTED = "disputed"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    UNREVIEWED = "unreviewed"

    def __str__(self) -> str:
        return str(self.value)
