from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimRequest")


@_attrs_define
class ClaimRequest:
    """``workspace``: a slug, fixed at creation, defaulting to the user's only workspace.

    Attributes:
        text (str):
        workspace (str | Unset): Slug of the workspace. May be omitted by a user who belongs to exactly one.
        claimant (str | Unset):
        claim_date (datetime.date | None | Unset):
        language (str | Unset): BCP 47 tag of the claim's language; search stems its words by it.
        review_url (str | Unset): The published fact-check page, when it is not FACTCHECK_SITE_URL's.
        spans (list[UUID] | Unset): Ids of the spans where the claim appears; all in the claim's workspace.
    """

    text: str
    workspace: str | Unset = UNSET
    claimant: str | Unset = UNSET
    claim_date: datetime.date | None | Unset = UNSET
    language: str | Unset = UNSET
    review_url: str | Unset = UNSET
    spans: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        workspace = self.workspace

        claimant = self.claimant

        claim_date: None | str | Unset
        if isinstance(self.claim_date, Unset):
            claim_date = UNSET
        elif isinstance(self.claim_date, datetime.date):
            claim_date = self.claim_date.isoformat()
        else:
            claim_date = self.claim_date

        language = self.language

        review_url: str | Unset
        if isinstance(self.review_url, Unset):
            review_url = UNSET
        else:
            review_url = self.review_url

        spans: list[str] | Unset = UNSET
        if not isinstance(self.spans, Unset):
            spans = []
            for spans_item_data in self.spans:
                spans_item = str(spans_item_data)
                spans.append(spans_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if workspace is not UNSET:
            field_dict["workspace"] = workspace
        if claimant is not UNSET:
            field_dict["claimant"] = claimant
        if claim_date is not UNSET:
            field_dict["claim_date"] = claim_date
        if language is not UNSET:
            field_dict["language"] = language
        if review_url is not UNSET:
            field_dict["review_url"] = review_url
        if spans is not UNSET:
            field_dict["spans"] = spans

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        workspace = d.pop("workspace", UNSET)

        claimant = d.pop("claimant", UNSET)

        def _parse_claim_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_date_type_0 = datetime.date.fromisoformat(data)

                return claim_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        claim_date = _parse_claim_date(d.pop("claim_date", UNSET))

        language = d.pop("language", UNSET)

        def _parse_review_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        review_url = _parse_review_url(d.pop("review_url", UNSET))

        _spans = d.pop("spans", UNSET)
        spans: list[UUID] | Unset = UNSET
        if _spans is not UNSET:
            spans = []
            for spans_item_data in _spans:
                spans_item = UUID(spans_item_data)

                spans.append(spans_item)

        claim_request = cls(
            text=text,
            workspace=workspace,
            claimant=claimant,
            claim_date=claim_date,
            language=language,
            review_url=review_url,
            spans=spans,
        )

        claim_request.additional_properties = d
        return claim_request

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
