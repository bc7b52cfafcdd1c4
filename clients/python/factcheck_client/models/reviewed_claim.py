from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_type_enum import ClaimTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.claimant import Claimant
    from ..models.creative_work import CreativeWork


T = TypeVar("T", bound="ReviewedClaim")


@_attrs_define
class ReviewedClaim:
    """A schema.org node: its ``@type`` (and ``@context`` at the top) come first.

    Attributes:
        type_ (ClaimTypeEnum): * `Claim` - Claim
        author (Claimant | Unset): Who made the claim: an Organization when a word of the name is one such as Ministry,
            Party, Inc or Agency; else a Person.
        date_published (datetime.date | Unset): The claim date, when known.
        appearance (list[CreativeWork] | Unset): The articles the claim's spans are in, earliest published first.
        first_appearance (CreativeWork | Unset): An article the claim appears in.
    """

    type_: ClaimTypeEnum
    author: Claimant | Unset = UNSET
    date_published: datetime.date | Unset = UNSET
    appearance: list[CreativeWork] | Unset = UNSET
    first_appearance: CreativeWork | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        author: dict[str, Any] | Unset = UNSET
        if not isinstance(self.author, Unset):
            author = self.author.to_dict()

        date_published: str | Unset = UNSET
        if not isinstance(self.date_published, Unset):
            date_published = self.date_published.isoformat()

        appearance: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.appearance, Unset):
            appearance = []
            for appearance_item_data in self.appearance:
                appearance_item = appearance_item_data.to_dict()
                appearance.append(appearance_item)

        first_appearance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.first_appearance, Unset):
            first_appearance = self.first_appearance.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
            }
        )
        if author is not UNSET:
            field_dict["author"] = author
        if date_published is not UNSET:
            field_dict["datePublished"] = date_published
        if appearance is not UNSET:
            field_dict["appearance"] = appearance
        if first_appearance is not UNSET:
            field_dict["firstAppearance"] = first_appearance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claimant import Claimant  # noqa: PLC0415
        from ..models.creative_work import CreativeWork  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ClaimTypeEnum(d.pop("@type"))

        _author = d.pop("author", UNSET)
        author: Claimant | Unset
        if isinstance(_author, Unset):
            author = UNSET
        else:
            author = Claimant.from_dict(_author)

        _date_published = d.pop("datePublished", UNSET)
        date_published: datetime.date | Unset
        if isinstance(_date_published, Unset):
            date_published = UNSET
        else:
            date_published = datetime.date.fromisoformat(_date_published)

        _appearance = d.pop("appearance", UNSET)
        appearance: list[CreativeWork] | Unset = UNSET
        if _appearance is not UNSET:
            appearance = []
            for appearance_item_data in _appearance:
                appearance_item = CreativeWork.from_dict(appearance_item_data)

                appearance.append(appearance_item)

        _first_appearance = d.pop("firstAppearance", UNSET)
        first_appearance: CreativeWork | Unset
        if isinstance(_first_appearance, Unset):
            first_appearance = UNSET
        else:
            first_appearance = CreativeWork.from_dict(_first_appearance)

        reviewed_claim = cls(
            type_=type_,
            author=author,
            date_published=date_published,
            appearance=appearance,
            first_appearance=first_appearance,
        )

        reviewed_claim.additional_properties = d
        return reviewed_claim

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
