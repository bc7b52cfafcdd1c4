from enum import StrEnum


class CreatorTypeEnum(StrEnum):
    PERSON = "Person"

    def __str__(self) -> str:
        return str(self.value)
