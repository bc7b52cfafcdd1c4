from enum import StrEnum


class TextualBodyTypeEnum(StrEnum):
    TEXTUALBODY = "TextualBody"

    def __str__(self) -> str:
        return str(self.value)
