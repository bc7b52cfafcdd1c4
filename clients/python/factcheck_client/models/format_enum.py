from enum import StrEnum


class FormatEnum(StrEnum):
    TEXTPLAIN = "text/plain"

    def __str__(self) -> str:
        return str(self.value)
