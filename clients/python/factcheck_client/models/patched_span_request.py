from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offset_unit_enum import OffsetUnitEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedSpanRequest")


@_attrs_define
class PatchedSpanRequest:
    """Fields named in ``Meta.fixed_after_creation`` may be sent again on update, unchanged.

    Attributes:
        article (UUID | Unset): Id of the article; fixed at creation.
        start (int | Unset): First code point of the passage (inclusive).
        end (int | Unset): Code point just after the passage (exclusive).
        offset_unit (OffsetUnitEnum | Unset): * `code_point` - code_point
            * `utf16` - utf16
        quote (str | Unset): The exact passage. With start and end it must equal body[start:end]; without them the
            server finds it in the body.
        prefix (str | Unset): Text just before the quote. On input, chooses among repeats of the quote; returned as the
            32 characters before the span.
        suffix (str | Unset): Text just after the quote; the counterpart of prefix.
        note (str | Unset):
        revision (int | Unset): The article revision the offsets and quote refer to. On input, the revision your offsets
            (or the quote's place) were computed on, by default the current one: from an earlier one the passage is mapped
            to the current body, and `anchor_state` says how (`anchored`, `moved`, `fuzzy`; 409 if it is gone). On output,
            the current revision unless the span is orphaned.
    """

    article: UUID | Unset = UNSET
    start: int | Unset = UNSET
    end: int | Unset = UNSET
    offset_unit: OffsetUnitEnum | Unset = UNSET
    quote: str | Unset = UNSET
    prefix: str | Unset = UNSET
    suffix: str | Unset = UNSET
    note: str | Unset = UNSET
    revision: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        article: str | Unset = UNSET
        if not isinstance(self.article, Unset):
            article = str(self.article)

        start = self.start

        end = self.end

        offset_unit: str | Unset = UNSET
        if not isinstance(self.offset_unit, Unset):
            offset_unit = self.offset_unit.value

        quote = self.quote

        prefix = self.prefix

        suffix = self.suffix

        note = self.note

        revision = self.revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if article is not UNSET:
            field_dict["article"] = article
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if offset_unit is not UNSET:
            field_dict["offset_unit"] = offset_unit
        if quote is not UNSET:
            field_dict["quote"] = quote
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if suffix is not UNSET:
            field_dict["suffix"] = suffix
        if note is not UNSET:
            field_dict["note"] = note
        if revision is not UNSET:
            field_dict["revision"] = revision

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _article = d.pop("article", UNSET)
        article: UUID | Unset
        if isinstance(_article, Unset):
            article = UNSET
        else:
            article = UUID(_article)

        start = d.pop("start", UNSET)

        end = d.pop("end", UNSET)

        _offset_unit = d.pop("offset_unit", UNSET)
        offset_unit: OffsetUnitEnum | Unset
        if isinstance(_offset_unit, Unset):
            offset_unit = UNSET
        else:
            offset_unit = OffsetUnitEnum(_offset_unit)

        quote = d.pop("quote", UNSET)

        prefix = d.pop("prefix", UNSET)

        suffix = d.pop("suffix", UNSET)

        note = d.pop("note", UNSET)

        revision = d.pop("revision", UNSET)

        patched_span_request = cls(
            article=article,
            start=start,
            end=end,
            offset_unit=offset_unit,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            note=note,
            revision=revision,
        )

        patched_span_request.additional_properties = d
        return patched_span_request

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
