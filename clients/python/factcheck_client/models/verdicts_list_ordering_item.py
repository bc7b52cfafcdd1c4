from enum import StrEnum


class VerdictsListOrderingItem(StrEnum):
    CREATED_AT = "created_at"
    PUBLISHED_AT = "published_at"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-published_at"

    def __str__(self) -> str:
        return str(self.value)
