from enum import StrEnum


class TextPositionSelectorTypeEnum(StrEnum):
    TEXTPOSITIONSELECTOR = "TextPositionSelector"

    def __str__(self) -> str:
        return str(self.value)
