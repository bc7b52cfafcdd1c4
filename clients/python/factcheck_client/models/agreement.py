from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.krippendorff_alpha import KrippendorffAlpha
    from ..models.pair_kappa import PairKappa


T = TypeVar("T", bound="Agreement")


@_attrs_define
class Agreement:
    """Agreement between reviewers over submitted (and published) verdicts.

    Attributes:
        nominal (KrippendorffAlpha):
        ordinal (KrippendorffAlpha):
        pairs (list[PairKappa]): Cohen's kappa for each pair of reviewers.
    """

    nominal: KrippendorffAlpha
    ordinal: KrippendorffAlpha
    pairs: list[PairKappa]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nominal = self.nominal.to_dict()

        ordinal = self.ordinal.to_dict()

        pairs = []
        for pairs_item_data in self.pairs:
            pairs_item = pairs_item_data.to_dict()
            pairs.append(pairs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nominal": nominal,
                "ordinal": ordinal,
                "pairs": pairs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.krippendorff_alpha import KrippendorffAlpha  # noqa: PLC0415
        from ..models.pair_kappa import PairKappa  # noqa: PLC0415

        d = dict(src_dict)
        nominal = KrippendorffAlpha.from_dict(d.pop("nominal"))

        ordinal = KrippendorffAlpha.from_dict(d.pop("ordinal"))

        pairs = []
        _pairs = d.pop("pairs")
        for pairs_item_data in _pairs:
            pairs_item = PairKappa.from_dict(pairs_item_data)

            pairs.append(pairs_item)

        agreement = cls(
            nominal=nominal,
            ordinal=ordinal,
            pairs=pairs,
        )

        agreement.additional_properties = d
        return agreement

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
