from enum import StrEnum


class ImportResultStatusEnum(StrEnum):
    CREATED = "created"
    EXISTS = "exists"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
