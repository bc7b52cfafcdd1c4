from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_status_enum import ClaimStatusEnum

if TYPE_CHECKING:
    from ..models.similar_claim import SimilarClaim


T = TypeVar("T", bound="ClaimCreated")


@_attrs_define
class ClaimCreated:
    """A new claim, with the existing claims it may duplicate.

    Attributes:
        id (UUID):
        workspace (str): Slug of the workspace. May be omitted by a user who belongs to exactly one.
        text (str):
        claimant (str):
        claim_date (datetime.date | None):
        language (str): BCP 47 tag of the claim's language; search stems its words by it.
        review_url (str): The published fact-check page, when it is not FACTCHECK_SITE_URL's.
        spans (list[UUID]): Ids of the spans where the claim appears; all in the claim's workspace.
        articles (list[UUID]): Ids of the articles the claim's spans are in.
        group (None | UUID): Claims linked as the same claim share a group; null for a claim alone.
        status (ClaimStatusEnum): * `unreviewed` - Unreviewed
            * `in_review` - In review
            * `agreed` - Agreed
            * `disputed` - Disputed
            * `published` - Published
        verdict_count (int):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        similar_claims (list[SimilarClaim]): Existing claims of the workspace that match this one (likely duplicates:
            score at least FACTCHECK_DUPLICATE_SIMILARITY), best first; empty when none does.
    """

    id: UUID
    workspace: str
    text: str
    claimant: str
    claim_date: datetime.date | None
    language: str
    review_url: str
    spans: list[UUID]
    articles: list[UUID]
    group: None | UUID
    status: ClaimStatusEnum
    verdict_count: int
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    similar_claims: list[SimilarClaim]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        workspace = self.workspace

        text = self.text

        claimant = self.claimant

        claim_date: None | str
        if isinstance(self.claim_date, datetime.date):
            claim_date = self.claim_date.isoformat()
        else:
            claim_date = self.claim_date

        language = self.language

        review_url: str
        review_url = self.review_url

        spans = []
        for spans_item_data in self.spans:
            spans_item = str(spans_item_data)
            spans.append(spans_item)

        articles = []
        for articles_item_data in self.articles:
            articles_item = str(articles_item_data)
            articles.append(articles_item)

        group: None | str
        if isinstance(self.group, UUID):
            group = str(self.group)
        else:
            group = self.group

        status = self.status.value

        verdict_count = self.verdict_count

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        similar_claims = []
        for similar_claims_item_data in self.similar_claims:
            similar_claims_item = similar_claims_item_data.to_dict()
            similar_claims.append(similar_claims_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "workspace": workspace,
                "text": text,
                "claimant": claimant,
                "claim_date": claim_date,
                "language": language,
                "review_url": review_url,
                "spans": spans,
                "articles": articles,
                "group": group,
                "status": status,
                "verdict_count": verdict_count,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "similar_claims": similar_claims,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.similar_claim import SimilarClaim  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        workspace = d.pop("workspace")

        text = d.pop("text")

        claimant = d.pop("claimant")

        def _parse_claim_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_date_type_0 = datetime.date.fromisoformat(data)

                return claim_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        claim_date = _parse_claim_date(d.pop("claim_date"))

        language = d.pop("language")

        def _parse_review_url(data: object) -> str:
            return cast(str, data)

        review_url = _parse_review_url(d.pop("review_url"))

        spans = []
        _spans = d.pop("spans")
        for spans_item_data in _spans:
            spans_item = UUID(spans_item_data)

            spans.append(spans_item)

        articles = []
        _articles = d.pop("articles")
        for articles_item_data in _articles:
            articles_item = UUID(articles_item_data)

            articles.append(articles_item)

        def _parse_group(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_type_0 = UUID(data)

                return group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        group = _parse_group(d.pop("group"))

        status = ClaimStatusEnum(d.pop("status"))

        verdict_count = d.pop("verdict_count")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        similar_claims = []
        _similar_claims = d.pop("similar_claims")
        for similar_claims_item_data in _similar_claims:
            similar_claims_item = SimilarClaim.from_dict(similar_claims_item_data)

            similar_claims.append(similar_claims_item)

        claim_created = cls(
            id=id,
            workspace=workspace,
            text=text,
            claimant=claimant,
            claim_date=claim_date,
            language=language,
            review_url=review_url,
            spans=spans,
            articles=articles,
            group=group,
            status=status,
            verdict_count=verdict_count,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            similar_claims=similar_claims,
        )

        claim_created.additional_properties = d
        return claim_created

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
