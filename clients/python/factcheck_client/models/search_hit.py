from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_hit_type_enum import SearchHitTypeEnum

T = TypeVar("T", bound="SearchHit")


@_attrs_define
class SearchHit:
    """
    Attributes:
        type_ (SearchHitTypeEnum): * `article` - article
            * `claim` - claim
        id (UUID):
        title (str): The article's title, or the claim's text.
        snippet (str): HTML: the text around the matched words (an article's body, a claim's text), escaped, the matched
            words in <mark>.
        score (float): Relevance; higher is better.
        language (str):
        date (datetime.date | None): The article's publication date, or the claim's date.
        publisher (str): The article's publisher; blank for claims.
    """

    type_: SearchHitTypeEnum
    id: UUID
    title: str
    snippet: str
    score: float
    language: str
    date: datetime.date | None
    publisher: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = str(self.id)

        title = self.title

        snippet = self.snippet

        score = self.score

        language = self.language

        date: None | str
        if isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        publisher = self.publisher

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "title": title,
                "snippet": snippet,
                "score": score,
                "language": language,
                "date": date,
                "publisher": publisher,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = SearchHitTypeEnum(d.pop("type"))

        id = UUID(d.pop("id"))

        title = d.pop("title")

        snippet = d.pop("snippet")

        score = d.pop("score")

        language = d.pop("language")

        def _parse_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date = _parse_date(d.pop("date"))

        publisher = d.pop("publisher")

        search_hit = cls(
            type_=type_,
            id=id,
            title=title,
            snippet=snippet,
            score=score,
            language=language,
            date=date,
            publisher=publisher,
        )

        search_hit.additional_properties = d
        return search_hit

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
