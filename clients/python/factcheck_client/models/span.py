from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.anchor_state_enum import AnchorStateEnum

T = TypeVar("T", bound="Span")


@_attrs_define
class Span:
    """Fields named in ``Meta.fixed_after_creation`` may be sent again on update, unchanged.

    Attributes:
        id (UUID):
        article (UUID): Id of the article; fixed at creation.
        start (int): First code point of the passage (inclusive).
        end (int): Code point just after the passage (exclusive).
        start_utf16 (int): start in UTF-16 code units, as JavaScript counts.
        end_utf16 (int): end in UTF-16 code units, as JavaScript counts.
        quote (str): The exact passage. With start and end it must equal body[start:end]; without them the server finds
            it in the body.
        prefix (str): Text just before the quote. On input, chooses among repeats of the quote; returned as the 32
            characters before the span.
        suffix (str): Text just after the quote; the counterpart of prefix.
        note (str):
        revision (int): The article revision the offsets and quote refer to. On input, the revision your offsets (or the
            quote's place) were computed on, by default the current one: from an earlier one the passage is mapped to the
            current body, and `anchor_state` says how (`anchored`, `moved`, `fuzzy`; 409 if it is gone). On output, the
            current revision unless the span is orphaned.
        anchor_state (AnchorStateEnum): * `anchored` - Anchored
            * `moved` - Moved
            * `fuzzy` - Fuzzy
            * `orphaned` - Orphaned
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    article: UUID
    start: int
    end: int
    start_utf16: int
    end_utf16: int
    quote: str
    prefix: str
    suffix: str
    note: str
    revision: int
    anchor_state: AnchorStateEnum
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        article = str(self.article)

        start = self.start

        end = self.end

        start_utf16 = self.start_utf16

        end_utf16 = self.end_utf16

        quote = self.quote

        prefix = self.prefix

        suffix = self.suffix

        note = self.note

        revision = self.revision

        anchor_state = self.anchor_state.value

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "article": article,
                "start": start,
                "end": end,
                "start_utf16": start_utf16,
                "end_utf16": end_utf16,
                "quote": quote,
                "prefix": prefix,
                "suffix": suffix,
                "note": note,
                "revision": revision,
                "anchor_state": anchor_state,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        article = UUID(d.pop("article"))

        start = d.pop("start")

        end = d.pop("end")

        start_utf16 = d.pop("start_utf16")

        end_utf16 = d.pop("end_utf16")

        quote = d.pop("quote")

        prefix = d.pop("prefix")

        suffix = d.pop("suffix")

        note = d.pop("note")

        revision = d.pop("revision")

        anchor_state = AnchorStateEnum(d.pop("anchor_state"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        span = cls(
            id=id,
            article=article,
            start=start,
            end=end,
            start_utf16=start_utf16,
            end_utf16=end_utf16,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            note=note,
            revision=revision,
            anchor_state=anchor_state,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
        )

        span.additional_properties = d
        return span

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
