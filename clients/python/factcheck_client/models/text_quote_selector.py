from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.text_quote_selector_type_enum import TextQuoteSelectorTypeEnum

T = TypeVar("T", bound="TextQuoteSelector")


@_attrs_define
class TextQuoteSelector:
    """
    Attributes:
        type_ (TextQuoteSelectorTypeEnum): * `TextQuoteSelector` - TextQuoteSelector
        exact (str): The span's quote.
        prefix (str): Up to 32 characters before it.
        suffix (str): Up to 32 characters after it.
    """

    type_: TextQuoteSelectorTypeEnum
    exact: str
    prefix: str
    suffix: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        exact = self.exact

        prefix = self.prefix

        suffix = self.suffix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "exact": exact,
                "prefix": prefix,
                "suffix": suffix,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = TextQuoteSelectorTypeEnum(d.pop("type"))

        exact = d.pop("exact")

        prefix = d.pop("prefix")

        suffix = d.pop("suffix")

        text_quote_selector = cls(
            type_=type_,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
        )

        text_quote_selector.additional_properties = d
        return text_quote_selector

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
