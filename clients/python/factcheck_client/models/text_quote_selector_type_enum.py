from enum import StrEnum


class TextQuoteSelectorTypeEnum(StrEnum):
    TEXTQUOTESELECTOR = "TextQuoteSelector"

    def __str__(self) -> str:
        return str(self.value)
