from enum import StrEnum


class OffsetUnitEnum(StrEnum):
    CODE_POINT = "code_point"
    UTF16 = "utf16"

    def __str__(self) -> str:
        return str(self.value)
