from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.linked_claim_purpose_enum import LinkedClaimPurposeEnum

T = TypeVar("T", bound="LinkedClaim")


@_attrs_define
class LinkedClaim:
    """A claim the span is cited by, as its IRI.

    Attributes:
        id (str): The claim's IRI in this API.
        purpose (LinkedClaimPurposeEnum): * `linking` - linking
    """

    id: str
    purpose: LinkedClaimPurposeEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        purpose = self.purpose.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "purpose": purpose,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        purpose = LinkedClaimPurposeEnum(d.pop("purpose"))

        linked_claim = cls(
            id=id,
            purpose=purpose,
        )

        linked_claim.additional_properties = d
        return linked_claim

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
