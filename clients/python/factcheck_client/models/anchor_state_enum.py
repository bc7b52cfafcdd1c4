from enum import StrEnum


class AnchorStateEnum(StrEnum):
    ANCHORED = "anchored"
    FUZZY = "fuzzy"
    MOVED = "moved"
    ORPHANED = "orphaned"

    def __str__(self) -> str:
        return str(self.value)
