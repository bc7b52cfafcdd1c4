from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ArticleRevisionDetail")


@_attrs_define
class ArticleRevisionDetail:
    """A body the article had.

    Attributes:
        number (int):
        created_at (datetime.datetime):
        created_by (str):
        body_sha256 (str):
        length (int): Length in code points.
        body (str):
    """

    number: int
    created_at: datetime.datetime
    created_by: str
    body_sha256: str
    length: int
    body: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        body_sha256 = self.body_sha256

        length = self.length

        body = self.body

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "created_at": created_at,
                "created_by": created_by,
                "body_sha256": body_sha256,
                "length": length,
                "body": body,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        body_sha256 = d.pop("body_sha256")

        length = d.pop("length")

        body = d.pop("body")

        article_revision_detail = cls(
            number=number,
            created_at=created_at,
            created_by=created_by,
            body_sha256=body_sha256,
            length=length,
            body=body,
        )

        article_revision_detail.additional_properties = d
        return article_revision_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
