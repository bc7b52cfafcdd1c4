from enum import StrEnum


class ClaimantTypeEnum(StrEnum):
    ORGANIZATION = "Organization"
    PERSON = "Person"

    def __str__(self) -> str:
        return str(self.value)
