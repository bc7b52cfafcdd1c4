from enum import StrEnum


class SearchType(StrEnum):
    ARTICLE = "article"
    CLAIM = "claim"

    def __str__(self) -> str:
        return str(self.value)
