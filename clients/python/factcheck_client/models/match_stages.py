from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MatchStages")


@_attrs_define
class MatchStages:
    """
    Attributes:
        lexical (float): BM25 over the claim's text and claimant; the ranking's order when matching is lexical only.
        semantic (float | None): The cosine similarity, in [-1, 1], of the sentence vectors of the text and the claim,
            by the installation's embedding model; the order then fuses both stages' ranks (reciprocal rank fusion). Null
            when no model is configured (matching is lexical only) or the claim has no vector yet.
    """

    lexical: float
    semantic: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lexical = self.lexical

        semantic: float | None
        semantic = self.semantic

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lexical": lexical,
                "semantic": semantic,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lexical = d.pop("lexical")

        def _parse_semantic(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        semantic = _parse_semantic(d.pop("semantic"))

        match_stages = cls(
            lexical=lexical,
            semantic=semantic,
        )

        match_stages.additional_properties = d
        return match_stages

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
