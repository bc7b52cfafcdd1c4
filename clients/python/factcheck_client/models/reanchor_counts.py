from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReanchorCounts")


@_attrs_define
class ReanchorCounts:
    """
    Attributes:
        anchored (int): Spans whose passage the diff shifted exactly.
        moved (int): Spans whose quote was found elsewhere.
        fuzzy (int): Spans whose passage was lightly edited; their quote is now the new text.
        orphaned (int): Spans whose passage was not found; kept at their last revision.
    """

    anchored: int
    moved: int
    fuzzy: int
    orphaned: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anchored = self.anchored

        moved = self.moved

        fuzzy = self.fuzzy

        orphaned = self.orphaned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anchored": anchored,
                "moved": moved,
                "fuzzy": fuzzy,
                "orphaned": orphaned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anchored = d.pop("anchored")

        moved = d.pop("moved")

        fuzzy = d.pop("fuzzy")

        orphaned = d.pop("orphaned")

        reanchor_counts = cls(
            anchored=anchored,
            moved=moved,
            fuzzy=fuzzy,
            orphaned=orphaned,
        )

        reanchor_counts.additional_properties = d
        return reanchor_counts

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
