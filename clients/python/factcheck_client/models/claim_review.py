from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_review_type_enum import ClaimReviewTypeEnum
from ..models.schema_org_context_enum import SchemaOrgContextEnum

if TYPE_CHECKING:
    from ..models.organization import Organization
    from ..models.review_rating import ReviewRating
    from ..models.reviewed_claim import ReviewedClaim


T = TypeVar("T", bound="ClaimReview")


@_attrs_define
class ClaimReview:
    """A published fact-check as a schema.org ClaimReview.

    Attributes:
        context (SchemaOrgContextEnum): * `https://schema.org` - https://schema.org
        type_ (ClaimReviewTypeEnum): * `ClaimReview` - ClaimReview
        url (str): The fact-check's page.
        claim_reviewed (str):
        date_published (datetime.date):
        author (Organization): A schema.org node: its ``@type`` (and ``@context`` at the top) come first.
        review_rating (ReviewRating): A schema.org node: its ``@type`` (and ``@context`` at the top) come first.
        review_body (str):
        item_reviewed (ReviewedClaim): A schema.org node: its ``@type`` (and ``@context`` at the top) come first.
    """

    context: SchemaOrgContextEnum
    type_: ClaimReviewTypeEnum
    url: str
    claim_reviewed: str
    date_published: datetime.date
    author: Organization
    review_rating: ReviewRating
    review_body: str
    item_reviewed: ReviewedClaim
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        context = self.context.value

        type_ = self.type_.value

        url = self.url

        claim_reviewed = self.claim_reviewed

        date_published = self.date_published.isoformat()

        author = self.author.to_dict()

        review_rating = self.review_rating.to_dict()

        review_body = self.review_body

        item_reviewed = self.item_reviewed.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@context": context,
                "@type": type_,
                "url": url,
                "claimReviewed": claim_reviewed,
                "datePublished": date_published,
                "author": author,
                "reviewRating": review_rating,
                "reviewBody": review_body,
                "itemReviewed": item_reviewed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization import Organization  # noqa: PLC0415
        from ..models.review_rating import ReviewRating  # noqa: PLC0415
        from ..models.reviewed_claim import ReviewedClaim  # noqa: PLC0415

        d = dict(src_dict)
        context = SchemaOrgContextEnum(d.pop("@context"))

        type_ = ClaimReviewTypeEnum(d.pop("@type"))

        url = d.pop("url")

        claim_reviewed = d.pop("claimReviewed")

        date_published = datetime.date.fromisoformat(d.pop("datePublished"))

        author = Organization.from_dict(d.pop("author"))

        review_rating = ReviewRating.from_dict(d.pop("reviewRating"))

        review_body = d.pop("reviewBody")

        item_reviewed = ReviewedClaim.from_dict(d.pop("itemReviewed"))

        claim_review = cls(
            context=context,
            type_=type_,
            url=url,
            claim_reviewed=claim_reviewed,
            date_published=date_published,
            author=author,
            review_rating=review_rating,
            review_body=review_body,
            item_reviewed=item_reviewed,
        )

        claim_review.additional_properties = d
        return claim_review

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
