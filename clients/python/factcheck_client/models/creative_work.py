from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.creative_work_type_enum import CreativeWorkTypeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreativeWork")


@_attrs_define
class CreativeWork:
    """An article the claim appears in.

    Attributes:
        type_ (CreativeWorkTypeEnum): * `CreativeWork` - CreativeWork
        url (str): The article's url, else its IRI in this API.
        headline (str):
        date_published (datetime.datetime | Unset):
    """

    type_: CreativeWorkTypeEnum
    url: str
    headline: str
    date_published: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        url = self.url

        headline = self.headline

        date_published: str | Unset = UNSET
        if not isinstance(self.date_published, Unset):
            date_published = self.date_published.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
                "url": url,
                "headline": headline,
            }
        )
        if date_published is not UNSET:
            field_dict["datePublished"] = date_published

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = CreativeWorkTypeEnum(d.pop("@type"))

        url = d.pop("url")

        headline = d.pop("headline")

        _date_published = d.pop("datePublished", UNSET)
        date_published: datetime.datetime | Unset
        if isinstance(_date_published, Unset):
            date_published = UNSET
        else:
            date_published = datetime.datetime.fromisoformat(_date_published)

        creative_work = cls(
            type_=type_,
            url=url,
            headline=headline,
            date_published=date_published,
        )

        creative_work.additional_properties = d
        return creative_work

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
