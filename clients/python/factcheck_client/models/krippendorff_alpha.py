from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KrippendorffAlpha")


@_attrs_define
class KrippendorffAlpha:
    """
    Attributes:
        alpha (float | None): Null when undefined (too few ratings, or one value only).
        claims (int): Claims with two or more ratings.
        verdicts (int): The ratings of those claims.
    """

    alpha: float | None
    claims: int
    verdicts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alpha: float | None
        alpha = self.alpha

        claims = self.claims

        verdicts = self.verdicts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alpha": alpha,
                "claims": claims,
                "verdicts": verdicts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_alpha(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        alpha = _parse_alpha(d.pop("alpha"))

        claims = d.pop("claims")

        verdicts = d.pop("verdicts")

        krippendorff_alpha = cls(
            alpha=alpha,
            claims=claims,
            verdicts=verdicts,
        )

        krippendorff_alpha.additional_properties = d
        return krippendorff_alpha

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
