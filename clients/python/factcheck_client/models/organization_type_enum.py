from enum import StrEnum


class OrganizationTypeEnum(StrEnum):
    ORGANIZATION = "Organization"

    def __str__(self) -> str:
        return str(self.value)
