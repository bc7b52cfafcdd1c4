from enum import StrEnum


class ClaimReviewTypeEnum(StrEnum):
    CLAIMREVIEW = "ClaimReview"

    def __str__(self) -> str:
        return str(self.value)
