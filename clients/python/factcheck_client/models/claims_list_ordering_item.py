from enum import StrEnum


class ClaimsListOrderingItem(StrEnum):
    CLAIM_DATE = "claim_date"
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-claim_date"

    def __str__(self) -> str:
        return str(self.value)
