from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reanchor_counts import ReanchorCounts
    from ..models.reanchor_spans import ReanchorSpans


T = TypeVar("T", bound="ReanchorReport")


@_attrs_define
class ReanchorReport:
    """What a change of body did to the article's spans.

    Attributes:
        revision (int): The revision the body change created.
        counts (ReanchorCounts):
        spans (ReanchorSpans):
    """

    revision: int
    counts: ReanchorCounts
    spans: ReanchorSpans
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        counts = self.counts.to_dict()

        spans = self.spans.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revision": revision,
                "counts": counts,
                "spans": spans,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reanchor_counts import ReanchorCounts  # noqa: PLC0415
        from ..models.reanchor_spans import ReanchorSpans  # noqa: PLC0415

        d = dict(src_dict)
        revision = d.pop("revision")

        counts = ReanchorCounts.from_dict(d.pop("counts"))

        spans = ReanchorSpans.from_dict(d.pop("spans"))

        reanchor_report = cls(
            revision=revision,
            counts=counts,
            spans=spans,
        )

        reanchor_report.additional_properties = d
        return reanchor_report

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
