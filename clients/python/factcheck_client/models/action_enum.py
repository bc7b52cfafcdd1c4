from enum import StrEnum


class ActionEnum(StrEnum):
    CHANGED = "changed"
    CREATED = "created"
    DELETED = "deleted"

    def __str__(self) -> str:
        return str(self.value)
