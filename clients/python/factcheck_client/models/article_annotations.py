from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.article import Article
    from ..models.claim import Claim
    from ..models.span import Span
    from ..models.verdict import Verdict


T = TypeVar("T", bound="ArticleAnnotations")


@_attrs_define
class ArticleAnnotations:
    """An article with everything annotated on it, for annotation UIs.

    Attributes:
        article (Article): ``workspace``: a slug, fixed at creation, defaulting to the user's only workspace.
        spans (list[Span]):
        claims (list[Claim]): The claims that cite the article's spans.
        verdicts (list[Verdict]): The verdicts on those claims.
    """

    article: Article
    spans: list[Span]
    claims: list[Claim]
    verdicts: list[Verdict]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        article = self.article.to_dict()

        spans = []
        for spans_item_data in self.spans:
            spans_item = spans_item_data.to_dict()
            spans.append(spans_item)

        claims = []
        for claims_item_data in self.claims:
            claims_item = claims_item_data.to_dict()
            claims.append(claims_item)

        verdicts = []
        for verdicts_item_data in self.verdicts:
            verdicts_item = verdicts_item_data.to_dict()
            verdicts.append(verdicts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "article": article,
                "spans": spans,
                "claims": claims,
                "verdicts": verdicts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.article import Article  # noqa: PLC0415
        from ..models.claim import Claim  # noqa: PLC0415
        from ..models.span import Span  # noqa: PLC0415
        from ..models.verdict import Verdict  # noqa: PLC0415

        d = dict(src_dict)
        article = Article.from_dict(d.pop("article"))

        spans = []
        _spans = d.pop("spans")
        for spans_item_data in _spans:
            spans_item = Span.from_dict(spans_item_data)

            spans.append(spans_item)

        claims = []
        _claims = d.pop("claims")
        for claims_item_data in _claims:
            claims_item = Claim.from_dict(claims_item_data)

            claims.append(claims_item)

        verdicts = []
        _verdicts = d.pop("verdicts")
        for verdicts_item_data in _verdicts:
            verdicts_item = Verdict.from_dict(verdicts_item_data)

            verdicts.append(verdicts_item)

        article_annotations = cls(
            article=article,
            spans=spans,
            claims=claims,
            verdicts=verdicts,
        )

        article_annotations.additional_properties = d
        return article_annotations

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
