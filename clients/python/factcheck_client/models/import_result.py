from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_result_status_enum import ImportResultStatusEnum

T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Attributes:
        index (int):
        id (str): The annotation's id, if it had one.
        status (ImportResultStatusEnum): * `created` - created
            * `exists` - exists
            * `rejected` - rejected
        span (None | UUID):
        reason (str): Why a rejected annotation was rejected.
    """

    index: int
    id: str
    status: ImportResultStatusEnum
    span: None | UUID
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        id = self.id

        status = self.status.value

        span: None | str
        if isinstance(self.span, UUID):
            span = str(self.span)
        else:
            span = self.span

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "id": id,
                "status": status,
                "span": span,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        id = d.pop("id")

        status = ImportResultStatusEnum(d.pop("status"))

        def _parse_span(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                span_type_0 = UUID(data)

                return span_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        span = _parse_span(d.pop("span"))

        reason = d.pop("reason")

        import_result = cls(
            index=index,
            id=id,
            status=status,
            span=span,
            reason=reason,
        )

        import_result.additional_properties = d
        return import_result

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
