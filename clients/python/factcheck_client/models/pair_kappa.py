from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PairKappa")


@_attrs_define
class PairKappa:
    """
    Attributes:
        reviewer_a (str):
        reviewer_b (str):
        common_claims (int):
        kappa (float | None): Null when undefined.
    """

    reviewer_a: str
    reviewer_b: str
    common_claims: int
    kappa: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reviewer_a = self.reviewer_a

        reviewer_b = self.reviewer_b

        common_claims = self.common_claims

        kappa: float | None
        kappa = self.kappa

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reviewer_a": reviewer_a,
                "reviewer_b": reviewer_b,
                "common_claims": common_claims,
                "kappa": kappa,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewer_a = d.pop("reviewer_a")

        reviewer_b = d.pop("reviewer_b")

        common_claims = d.pop("common_claims")

        def _parse_kappa(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        kappa = _parse_kappa(d.pop("kappa"))

        pair_kappa = cls(
            reviewer_a=reviewer_a,
            reviewer_b=reviewer_b,
            common_claims=common_claims,
            kappa=kappa,
        )

        pair_kappa.additional_properties = d
        return pair_kappa

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
