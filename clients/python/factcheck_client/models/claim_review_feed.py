from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_feed_type_enum import DataFeedTypeEnum
from ..models.schema_org_context_enum import SchemaOrgContextEnum

if TYPE_CHECKING:
    from ..models.claim_review import ClaimReview


T = TypeVar("T", bound="ClaimReviewFeed")


@_attrs_define
class ClaimReviewFeed:
    """Every published fact-check, a page at a time, as a schema.org DataFeed.

    Attributes:
        context (SchemaOrgContextEnum): * `https://schema.org` - https://schema.org
        type_ (DataFeedTypeEnum): * `DataFeed` - DataFeed
        date_modified (datetime.datetime | None):
        count (int):
        next_ (None | str):
        previous (None | str):
        data_feed_element (list[ClaimReview]):
    """

    context: SchemaOrgContextEnum
    type_: DataFeedTypeEnum
    date_modified: datetime.datetime | None
    count: int
    next_: None | str
    previous: None | str
    data_feed_element: list[ClaimReview]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        context = self.context.value

        type_ = self.type_.value

        date_modified: None | str
        if isinstance(self.date_modified, datetime.datetime):
            date_modified = self.date_modified.isoformat()
        else:
            date_modified = self.date_modified

        count = self.count

        next_: None | str
        next_ = self.next_

        previous: None | str
        previous = self.previous

        data_feed_element = []
        for data_feed_element_item_data in self.data_feed_element:
            data_feed_element_item = data_feed_element_item_data.to_dict()
            data_feed_element.append(data_feed_element_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@context": context,
                "@type": type_,
                "dateModified": date_modified,
                "count": count,
                "next": next_,
                "previous": previous,
                "dataFeedElement": data_feed_element,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_review import ClaimReview  # noqa: PLC0415

        d = dict(src_dict)
        context = SchemaOrgContextEnum(d.pop("@context"))

        type_ = DataFeedTypeEnum(d.pop("@type"))

        def _parse_date_modified(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_modified_type_0 = datetime.datetime.fromisoformat(data)

                return date_modified_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        date_modified = _parse_date_modified(d.pop("dateModified"))

        count = d.pop("count")

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))

        def _parse_previous(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous = _parse_previous(d.pop("previous"))

        data_feed_element = []
        _data_feed_element = d.pop("dataFeedElement")
        for data_feed_element_item_data in _data_feed_element:
            data_feed_element_item = ClaimReview.from_dict(data_feed_element_item_data)

            data_feed_element.append(data_feed_element_item)

        claim_review_feed = cls(
            context=context,
            type_=type_,
            date_modified=date_modified,
            count=count,
            next_=next_,
            previous=previous,
            data_feed_element=data_feed_element,
        )

        claim_review_feed.additional_properties = d
        return claim_review_feed

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
