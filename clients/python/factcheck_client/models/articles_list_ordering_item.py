from enum import StrEnum


class ArticlesListOrderingItem(StrEnum):
    CREATED_AT = "created_at"
    PUBLISHED_AT = "published_at"
    TITLE = "title"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-published_at"
    VALUE_7 = "-title"

    def __str__(self) -> str:
        return str(self.value)
