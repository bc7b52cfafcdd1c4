from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.archive_result import ArchiveResult


T = TypeVar("T", bound="ArchiveReport")


@_attrs_define
class ArchiveReport:
    """
    Attributes:
        created (int): How many items were created.
        exists (int): How many were there already.
        rejected (int): How many were rejected.
        results (list[ArchiveResult]): One per item, in order.
    """

    created: int
    exists: int
    rejected: int
    results: list[ArchiveResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        exists = self.exists

        rejected = self.rejected

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "exists": exists,
                "rejected": rejected,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.archive_result import ArchiveResult  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        exists = d.pop("exists")

        rejected = d.pop("rejected")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ArchiveResult.from_dict(results_item_data)

            results.append(results_item)

        archive_report = cls(
            created=created,
            exists=exists,
            rejected=rejected,
            results=results,
        )

        archive_report.additional_properties = d
        return archive_report

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
