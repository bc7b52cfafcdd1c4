from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublishedVerdict")


@_attrs_define
class PublishedVerdict:
    """
    Attributes:
        id (UUID):
        claim (UUID): The claim it was published on.
        rating (str):
        rating_label (str):
        published_at (datetime.datetime):
    """

    id: UUID
    claim: UUID
    rating: str
    rating_label: str
    published_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        claim = str(self.claim)

        rating = self.rating

        rating_label = self.rating_label

        published_at = self.published_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "claim": claim,
                "rating": rating,
                "rating_label": rating_label,
                "published_at": published_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        claim = UUID(d.pop("claim"))

        rating = d.pop("rating")

        rating_label = d.pop("rating_label")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        published_verdict = cls(
            id=id,
            claim=claim,
            rating=rating,
            rating_label=rating_label,
            published_at=published_at,
        )

        published_verdict.additional_properties = d
        return published_verdict

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
