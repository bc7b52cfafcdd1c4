from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.match_explanation import MatchExplanation
    from ..models.published_verdict import PublishedVerdict


T = TypeVar("T", bound="SimilarClaim")


@_attrs_define
class SimilarClaim:
    """A claim that reads like the text given, and its fact-check if it has one.

    Attributes:
        id (UUID):
        text (str):
        claimant (str):
        claim_date (datetime.date | None):
        group (None | UUID):
        score (float): How much of the claim the text holds, in [0, 1], each term weighed by its rarity: 1 when every
            word of the claim is in the text, whatever else it says.
        explanation (MatchExplanation):
        published_verdict (None | PublishedVerdict): The published verdict of the claim or of a claim linked to it; null
            if it was not checked.
    """

    id: UUID
    text: str
    claimant: str
    claim_date: datetime.date | None
    group: None | UUID
    score: float
    explanation: MatchExplanation
    published_verdict: None | PublishedVerdict
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.published_verdict import PublishedVerdict  # noqa: PLC0415

        id = str(self.id)

        text = self.text

        claimant = self.claimant

        claim_date: None | str
        if isinstance(self.claim_date, datetime.date):
            claim_date = self.claim_date.isoformat()
        else:
            claim_date = self.claim_date

        group: None | str
        if isinstance(self.group, UUID):
            group = str(self.group)
        else:
            group = self.group

        score = self.score

        explanation = self.explanation.to_dict()

        published_verdict: dict[str, Any] | None
        if isinstance(self.published_verdict, PublishedVerdict):
            published_verdict = self.published_verdict.to_dict()
        else:
            published_verdict = self.published_verdict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "text": text,
                "claimant": claimant,
                "claim_date": claim_date,
                "group": group,
                "score": score,
                "explanation": explanation,
                "published_verdict": published_verdict,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_explanation import MatchExplanation  # noqa: PLC0415
        from ..models.published_verdict import PublishedVerdict  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

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

        score = d.pop("score")

        explanation = MatchExplanation.from_dict(d.pop("explanation"))

        def _parse_published_verdict(data: object) -> None | PublishedVerdict:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                published_verdict_type_1 = PublishedVerdict.from_dict(data)

                return published_verdict_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublishedVerdict, data)

        published_verdict = _parse_published_verdict(d.pop("published_verdict"))

        similar_claim = cls(
            id=id,
            text=text,
            claimant=claimant,
            claim_date=claim_date,
            group=group,
            score=score,
            explanation=explanation,
            published_verdict=published_verdict,
        )

        similar_claim.additional_properties = d
        return similar_claim

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
