from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.source import Source


T = TypeVar("T", bound="Change")


@_attrs_define
class Change:
    """
    Attributes:
        field (str): The field's name; a relation's value is the related row's id or slug.
        before (bool | float | list[Source | str] | None | str): Null on creation.
        after (bool | float | list[Source | str] | None | str): Null on deletion.
    """

    field: str
    before: bool | float | list[Source | str] | None | str
    after: bool | float | list[Source | str] | None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.source import Source  # noqa: PLC0415

        field = self.field

        before: bool | float | list[dict[str, Any] | str] | None | str
        if isinstance(self.before, list):
            before = []
            for before_type_3_item_data in self.before:
                before_type_3_item: dict[str, Any] | str
                if isinstance(before_type_3_item_data, Source):
                    before_type_3_item = before_type_3_item_data.to_dict()
                else:
                    before_type_3_item = before_type_3_item_data
                before.append(before_type_3_item)

        else:
            before = self.before

        after: bool | float | list[dict[str, Any] | str] | None | str
        if isinstance(self.after, list):
            after = []
            for after_type_3_item_data in self.after:
                after_type_3_item: dict[str, Any] | str
                if isinstance(after_type_3_item_data, Source):
                    after_type_3_item = after_type_3_item_data.to_dict()
                else:
                    after_type_3_item = after_type_3_item_data
                after.append(after_type_3_item)

        else:
            after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source import Source  # noqa: PLC0415

        d = dict(src_dict)
        field = d.pop("field")

        def _parse_before(data: object) -> bool | float | list[Source | str] | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                before_type_3 = []
                _before_type_3 = data
                for before_type_3_item_data in _before_type_3:

                    def _parse_before_type_3_item(data: object) -> Source | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            before_type_3_item_type_1 = Source.from_dict(data)

                            return before_type_3_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(Source | str, data)

                    before_type_3_item = _parse_before_type_3_item(before_type_3_item_data)

                    before_type_3.append(before_type_3_item)

                return before_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | list[Source | str] | None | str, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> bool | float | list[Source | str] | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                after_type_3 = []
                _after_type_3 = data
                for after_type_3_item_data in _after_type_3:

                    def _parse_after_type_3_item(data: object) -> Source | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            after_type_3_item_type_1 = Source.from_dict(data)

                            return after_type_3_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(Source | str, data)

                    after_type_3_item = _parse_after_type_3_item(after_type_3_item_data)

                    after_type_3.append(after_type_3_item)

                return after_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | list[Source | str] | None | str, data)

        after = _parse_after(d.pop("after"))

        change = cls(
            field=field,
            before=before,
            after=after,
        )

        change.additional_properties = d
        return change

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
