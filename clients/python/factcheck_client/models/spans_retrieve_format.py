from enum import StrEnum


class SpansRetrieveFormat(StrEnum):
    JSON = "json"
    W3C = "w3c"

    def __str__(self) -> str:
        return str(self.value)
