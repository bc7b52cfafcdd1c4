from enum import StrEnum


class RatingTypeEnum(StrEnum):
    RATING = "Rating"

    def __str__(self) -> str:
        return str(self.value)
