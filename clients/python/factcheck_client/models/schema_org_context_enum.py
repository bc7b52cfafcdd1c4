from enum import StrEnum


class SchemaOrgContextEnum(StrEnum):
    HTTPSSCHEMA_ORG = "https://schema.org"

    def __str__(self) -> str:
        return str(self.value)
