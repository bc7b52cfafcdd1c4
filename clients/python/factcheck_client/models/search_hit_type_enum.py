from enum import StrEnum


class SearchHitTypeEnum(StrEnum):
    ARTICLE = "article"
    CLAIM = "claim"

    def __str__(self) -> str:
        return str(self.value)
