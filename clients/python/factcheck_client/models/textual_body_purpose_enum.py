from enum import StrEnum


class TextualBodyPurposeEnum(StrEnum):
    COMMENTING = "commenting"

    def __str__(self) -> str:
        return str(self.value)
