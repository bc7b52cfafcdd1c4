from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rating_type_enum import RatingTypeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewRating")


@_attrs_define
class ReviewRating:
    """A schema.org node: its ``@type`` (and ``@context`` at the top) come first.

    Attributes:
        type_ (RatingTypeEnum): * `Rating` - Rating
        alternate_name (str): The rating's label.
        rating_value (int | Unset): Ordinal ratings only.
        best_rating (int | Unset): Ordinal ratings only.
        worst_rating (int | Unset): Ordinal ratings only.
    """

    type_: RatingTypeEnum
    alternate_name: str
    rating_value: int | Unset = UNSET
    best_rating: int | Unset = UNSET
    worst_rating: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        alternate_name = self.alternate_name

        rating_value = self.rating_value

        best_rating = self.best_rating

        worst_rating = self.worst_rating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
                "alternateName": alternate_name,
            }
        )
        if rating_value is not UNSET:
            field_dict["ratingValue"] = rating_value
        if best_rating is not UNSET:
            field_dict["bestRating"] = best_rating
        if worst_rating is not UNSET:
            field_dict["worstRating"] = worst_rating

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = RatingTypeEnum(d.pop("@type"))

        alternate_name = d.pop("alternateName")

        rating_value = d.pop("ratingValue", UNSET)

        best_rating = d.pop("bestRating", UNSET)

        worst_rating = d.pop("worstRating", UNSET)

        review_rating = cls(
            type_=type_,
            alternate_name=alternate_name,
            rating_value=rating_value,
            best_rating=best_rating,
            worst_rating=worst_rating,
        )

        review_rating.additional_properties = d
        return review_rating

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
