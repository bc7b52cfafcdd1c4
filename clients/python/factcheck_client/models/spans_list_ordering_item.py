from enum import StrEnum


class SpansListOrderingItem(StrEnum):
    CREATED_AT = "created_at"
    START = "start"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-start"
    VALUE_3 = "-created_at"
    VALUE_5 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
