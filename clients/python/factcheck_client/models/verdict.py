from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verdict_state_enum import VerdictStateEnum

if TYPE_CHECKING:
    from ..models.source import Source


T = TypeVar("T", bound="Verdict")


@_attrs_define
class Verdict:
    """Fields named in ``Meta.fixed_after_creation`` may be sent again on update, unchanged.

    Attributes:
        id (UUID):
        claim (UUID): Id of the claim; fixed at creation.
        reviewer (str):
        rating (str): Slug of a rating.
        explanation (str):
        sources (list[Source]): Where the evidence is.
        state (VerdictStateEnum): * `draft` - Draft
            * `submitted` - Submitted
            * `published` - Published
            * `superseded` - Superseded
        submitted_at (datetime.datetime | None):
        published_at (datetime.datetime | None):
        publisher_name (str): Who published the fact-check, when not this installation (FACTCHECK_ORG_NAME): an imported
            ClaimReview's author.
        publisher_url (str): The publisher's site, with publisher_name; blank for your own fact-checks.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    claim: UUID
    reviewer: str
    rating: str
    explanation: str
    sources: list[Source]
    state: VerdictStateEnum
    submitted_at: datetime.datetime | None
    published_at: datetime.datetime | None
    publisher_name: str
    publisher_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        claim = str(self.claim)

        reviewer = self.reviewer

        rating = self.rating

        explanation = self.explanation

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        state = self.state.value

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        publisher_name = self.publisher_name

        publisher_url: str
        publisher_url = self.publisher_url

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "claim": claim,
                "reviewer": reviewer,
                "rating": rating,
                "explanation": explanation,
                "sources": sources,
                "state": state,
                "submitted_at": submitted_at,
                "published_at": published_at,
                "publisher_name": publisher_name,
                "publisher_url": publisher_url,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source import Source  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        claim = UUID(d.pop("claim"))

        reviewer = d.pop("reviewer")

        rating = d.pop("rating")

        explanation = d.pop("explanation")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = Source.from_dict(sources_item_data)

            sources.append(sources_item)

        state = VerdictStateEnum(d.pop("state"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        publisher_name = d.pop("publisher_name")

        def _parse_publisher_url(data: object) -> str:
            return cast(str, data)

        publisher_url = _parse_publisher_url(d.pop("publisher_url"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        verdict = cls(
            id=id,
            claim=claim,
            reviewer=reviewer,
            rating=rating,
            explanation=explanation,
            sources=sources,
            state=state,
            submitted_at=submitted_at,
            published_at=published_at,
            publisher_name=publisher_name,
            publisher_url=publisher_url,
            created_at=created_at,
            updated_at=updated_at,
        )

        verdict.additional_properties = d
        return verdict

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
