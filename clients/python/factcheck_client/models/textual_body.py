from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.format_enum import FormatEnum
from ..models.textual_body_purpose_enum import TextualBodyPurposeEnum
from ..models.textual_body_type_enum import TextualBodyTypeEnum

T = TypeVar("T", bound="TextualBody")


@_attrs_define
class TextualBody:
    """The span's note.

    Attributes:
        type_ (TextualBodyTypeEnum): * `TextualBody` - TextualBody
        value (str):
        format_ (FormatEnum): * `text/plain` - text/plain
        purpose (TextualBodyPurposeEnum): * `commenting` - commenting
    """

    type_: TextualBodyTypeEnum
    value: str
    format_: FormatEnum
    purpose: TextualBodyPurposeEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        value = self.value

        format_ = self.format_.value

        purpose = self.purpose.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "value": value,
                "format": format_,
                "purpose": purpose,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = TextualBodyTypeEnum(d.pop("type"))

        value = d.pop("value")

        format_ = FormatEnum(d.pop("format"))

        purpose = TextualBodyPurposeEnum(d.pop("purpose"))

        textual_body = cls(
            type_=type_,
            value=value,
            format_=format_,
            purpose=purpose,
        )

        textual_body.additional_properties = d
        return textual_body

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
