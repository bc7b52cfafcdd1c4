from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReanchorSpans")


@_attrs_define
class ReanchorSpans:
    """
    Attributes:
        moved (list[UUID]):
        fuzzy (list[UUID]):
        orphaned (list[UUID]):
    """

    moved: list[UUID]
    fuzzy: list[UUID]
    orphaned: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        moved = []
        for moved_item_data in self.moved:
            moved_item = str(moved_item_data)
            moved.append(moved_item)

        fuzzy = []
        for fuzzy_item_data in self.fuzzy:
            fuzzy_item = str(fuzzy_item_data)
            fuzzy.append(fuzzy_item)

        orphaned = []
        for orphaned_item_data in self.orphaned:
            orphaned_item = str(orphaned_item_data)
            orphaned.append(orphaned_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "moved": moved,
                "fuzzy": fuzzy,
                "orphaned": orphaned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        moved = []
        _moved = d.pop("moved")
        for moved_item_data in _moved:
            moved_item = UUID(moved_item_data)

            moved.append(moved_item)

        fuzzy = []
        _fuzzy = d.pop("fuzzy")
        for fuzzy_item_data in _fuzzy:
            fuzzy_item = UUID(fuzzy_item_data)

            fuzzy.append(fuzzy_item)

        orphaned = []
        _orphaned = d.pop("orphaned")
        for orphaned_item_data in _orphaned:
            orphaned_item = UUID(orphaned_item_data)

            orphaned.append(orphaned_item)

        reanchor_spans = cls(
            moved=moved,
            fuzzy=fuzzy,
            orphaned=orphaned,
        )

        reanchor_spans.additional_properties = d
        return reanchor_spans

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
