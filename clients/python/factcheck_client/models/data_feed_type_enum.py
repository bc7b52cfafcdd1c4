from enum import StrEnum


class DataFeedTypeEnum(StrEnum):
    DATAFEED = "DataFeed"

    def __str__(self) -> str:
        return str(self.value)
