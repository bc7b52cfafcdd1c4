from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_enum import ActionEnum

if TYPE_CHECKING:
    from ..models.change import Change


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """One recorded change of a row.

    Attributes:
        history_id (int):
        action (ActionEnum): * `created` - created
            * `changed` - changed
            * `deleted` - deleted
        at (datetime.datetime):
        user (None | str): Who made the change.
        request_id (str): The X-Request-ID of the request that made it.
        changes (list[Change]):
    """

    history_id: int
    action: ActionEnum
    at: datetime.datetime
    user: None | str
    request_id: str
    changes: list[Change]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        history_id = self.history_id

        action = self.action.value

        at = self.at.isoformat()

        user: None | str
        user = self.user

        request_id = self.request_id

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "history_id": history_id,
                "action": action,
                "at": at,
                "user": user,
                "request_id": request_id,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change import Change  # noqa: PLC0415

        d = dict(src_dict)
        history_id = d.pop("history_id")

        action = ActionEnum(d.pop("action"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_user(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user = _parse_user(d.pop("user"))

        request_id = d.pop("request_id")

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = Change.from_dict(changes_item_data)

            changes.append(changes_item)

        history_entry = cls(
            history_id=history_id,
            action=action,
            at=at,
            user=user,
            request_id=request_id,
            changes=changes,
        )

        history_entry.additional_properties = d
        return history_entry

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
