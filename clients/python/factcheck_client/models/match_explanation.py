from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.match_stages import MatchStages
    from ..models.matched_term import MatchedTerm


T = TypeVar("T", bound="MatchExplanation")


@_attrs_define
class MatchExplanation:
    """
    Attributes:
        terms (list[MatchedTerm]): The terms shared, heaviest first.
        stages (MatchStages):
    """

    terms: list[MatchedTerm]
    stages: MatchStages
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)

        stages = self.stages.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "terms": terms,
                "stages": stages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_stages import MatchStages  # noqa: PLC0415
        from ..models.matched_term import MatchedTerm  # noqa: PLC0415

        d = dict(src_dict)
        terms = []
        _terms = d.pop("terms")
        for terms_item_data in _terms:
            terms_item = MatchedTerm.from_dict(terms_item_data)

            terms.append(terms_item)

        stages = MatchStages.from_dict(d.pop("stages"))

        match_explanation = cls(
            terms=terms,
            stages=stages,
        )

        match_explanation.additional_properties = d
        return match_explanation

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
