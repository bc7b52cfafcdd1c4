from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.source_request import SourceRequest


T = TypeVar("T", bound="VerdictRequest")


@_attrs_define
class VerdictRequest:
    """Fields named in ``Meta.fixed_after_creation`` may be sent again on update, unchanged.

    Attributes:
        claim (UUID): Id of the claim; fixed at creation.
        rating (str): Slug of a rating.
        explanation (str | Unset):
        sources (list[SourceRequest] | Unset): Where the evidence is.
    """

    claim: UUID
    rating: str
    explanation: str | Unset = UNSET
    sources: list[SourceRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim = str(self.claim)

        rating = self.rating

        explanation = self.explanation

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim": claim,
                "rating": rating,
            }
        )
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_request import SourceRequest  # noqa: PLC0415

        d = dict(src_dict)
        claim = UUID(d.pop("claim"))

        rating = d.pop("rating")

        explanation = d.pop("explanation", UNSET)

        _sources = d.pop("sources", UNSET)
        sources: list[SourceRequest] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = SourceRequest.from_dict(sources_item_data)

                sources.append(sources_item)

        verdict_request = cls(
            claim=claim,
            rating=rating,
            explanation=explanation,
            sources=sources,
        )

        verdict_request.additional_properties = d
        return verdict_request

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
