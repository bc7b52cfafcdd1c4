from enum import StrEnum


class CreativeWorkTypeEnum(StrEnum):
    CREATIVEWORK = "CreativeWork"

    def __str__(self) -> str:
        return str(self.value)
