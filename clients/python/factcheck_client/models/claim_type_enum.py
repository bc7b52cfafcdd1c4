from enum import StrEnum


class ClaimTypeEnum(StrEnum):
    CLAIM = "Claim"

    def __str__(self) -> str:
        return str(self.value)
