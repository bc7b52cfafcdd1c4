from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimreviewsImportJsonBodyType0")


@_attrs_define
class ClaimreviewsImportJsonBodyType0:
    """A ClaimReview, or a DataFeed (`@type` `DataFeed`) whose `dataFeedElement` lists ClaimReviews.

    Attributes:
        context (Any | Unset): `https://schema.org`. Never fetched nor expanded: terms are read as schema.org's.
        type_ (Any | Unset): `ClaimReview` (or `DataFeed`, or a schema.org IRI of them); an item of another type is
            rejected.
        url (Any | Unset): Required. The fact-check's page: the claim's `review_url`, which makes importing idempotent.
        claim_reviewed (Any | Unset): Required. The claim's text.
        date_published (Any | Unset): Required. When the fact-check was published (ISO 8601 date or date-time): the
            verdict's `published_at`.
        review_rating (Any | Unset): Required: `{"alternateName": "False"}`, the name of the rating (matched to a
            rating's slug or label, case-insensitively; a new one is made outside the ordinal scale otherwise). Its other
            properties are not read.
        review_body (Any | Unset): The verdict's explanation.
        headline (Any | Unset): The title of the verdict's source (the fact-check); the explanation when there is no
            `reviewBody`.
        author (Any | Unset): The fact-checking Organization (`name`, `url`): the verdict's publisher (`publisher` is
            read when there is no `author`). Absent for this installation's own fact-checks.
        item_reviewed (Any | Unset): The Claim: its `author` (a Person or Organization, or a list of them: `name`) is
            the claimant, its `datePublished` the claim's date.
        in_language (Any | Unset): BCP 47 tag of the claim's language; `en` when absent.
        data_feed_element (list[Any] | Unset): A DataFeed's ClaimReviews (or DataFeedItems whose `item` is one).
        graph (list[Any] | Unset): ClaimReviews, as a JSON-LD graph.
    """

    context: Any | Unset = UNSET
    type_: Any | Unset = UNSET
    url: Any | Unset = UNSET
    claim_reviewed: Any | Unset = UNSET
    date_published: Any | Unset = UNSET
    review_rating: Any | Unset = UNSET
    review_body: Any | Unset = UNSET
    headline: Any | Unset = UNSET
    author: Any | Unset = UNSET
    item_reviewed: Any | Unset = UNSET
    in_language: Any | Unset = UNSET
    data_feed_element: list[Any] | Unset = UNSET
    graph: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        context = self.context

        type_ = self.type_

        url = self.url

        claim_reviewed = self.claim_reviewed

        date_published = self.date_published

        review_rating = self.review_rating

        review_body = self.review_body

        headline = self.headline

        author = self.author

        item_reviewed = self.item_reviewed

        in_language = self.in_language

        data_feed_element: list[Any] | Unset = UNSET
        if not isinstance(self.data_feed_element, Unset):
            data_feed_element = self.data_feed_element

        graph: list[Any] | Unset = UNSET
        if not isinstance(self.graph, Unset):
            graph = self.graph

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if context is not UNSET:
            field_dict["@context"] = context
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if url is not UNSET:
            field_dict["url"] = url
        if claim_reviewed is not UNSET:
            field_dict["claimReviewed"] = claim_reviewed
        if date_published is not UNSET:
            field_dict["datePublished"] = date_published
        if review_rating is not UNSET:
            field_dict["reviewRating"] = review_rating
        if review_body is not UNSET:
            field_dict["reviewBody"] = review_body
        if headline is not UNSET:
            field_dict["headline"] = headline
        if author is not UNSET:
            field_dict["author"] = author
        if item_reviewed is not UNSET:
            field_dict["itemReviewed"] = item_reviewed
        if in_language is not UNSET:
            field_dict["inLanguage"] = in_language
        if data_feed_element is not UNSET:
            field_dict["dataFeedElement"] = data_feed_element
        if graph is not UNSET:
            field_dict["@graph"] = graph

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        context = d.pop("@context", UNSET)

        type_ = d.pop("@type", UNSET)

        url = d.pop("url", UNSET)

        claim_reviewed = d.pop("claimReviewed", UNSET)

        date_published = d.pop("datePublished", UNSET)

        review_rating = d.pop("reviewRating", UNSET)

        review_body = d.pop("reviewBody", UNSET)

        headline = d.pop("headline", UNSET)

        author = d.pop("author", UNSET)

        item_reviewed = d.pop("itemReviewed", UNSET)

        in_language = d.pop("inLanguage", UNSET)

        data_feed_element = cast(list[Any], d.pop("dataFeedElement", UNSET))

        graph = cast(list[Any], d.pop("@graph", UNSET))

        claimreviews_import_json_body_type_0 = cls(
            context=context,
            type_=type_,
            url=url,
            claim_reviewed=claim_reviewed,
            date_published=date_published,
            review_rating=review_rating,
            review_body=review_body,
            headline=headline,
            author=author,
            item_reviewed=item_reviewed,
            in_language=in_language,
            data_feed_element=data_feed_element,
            graph=graph,
        )

        claimreviews_import_json_body_type_0.additional_properties = d
        return claimreviews_import_json_body_type_0

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
