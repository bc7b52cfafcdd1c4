from enum import StrEnum


class LinkedClaimPurposeEnum(StrEnum):
    LINKING = "linking"

    def __str__(self) -> str:
        return str(self.value)
