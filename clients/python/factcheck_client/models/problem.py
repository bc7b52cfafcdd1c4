from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.problem_type_enum import ProblemTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem document, the body of every error response.

    Attributes:
        type_ (ProblemTypeEnum): * `urn:factcheck:problem:authentication-failed` - urn:factcheck:problem:authentication-
            failed
            * `urn:factcheck:problem:bad-request` - urn:factcheck:problem:bad-request
            * `urn:factcheck:problem:conflict` - urn:factcheck:problem:conflict
            * `urn:factcheck:problem:idempotency-key-in-progress` - urn:factcheck:problem:idempotency-key-in-progress
            * `urn:factcheck:problem:idempotency-key-reused` - urn:factcheck:problem:idempotency-key-reused
            * `urn:factcheck:problem:invalid-idempotency-key` - urn:factcheck:problem:invalid-idempotency-key
            * `urn:factcheck:problem:length-required` - urn:factcheck:problem:length-required
            * `urn:factcheck:problem:method-not-allowed` - urn:factcheck:problem:method-not-allowed
            * `urn:factcheck:problem:not-acceptable` - urn:factcheck:problem:not-acceptable
            * `urn:factcheck:problem:not-authenticated` - urn:factcheck:problem:not-authenticated
            * `urn:factcheck:problem:not-found` - urn:factcheck:problem:not-found
            * `urn:factcheck:problem:parse-error` - urn:factcheck:problem:parse-error
            * `urn:factcheck:problem:permission-denied` - urn:factcheck:problem:permission-denied
            * `urn:factcheck:problem:precondition-failed` - urn:factcheck:problem:precondition-failed
            * `urn:factcheck:problem:request-too-large` - urn:factcheck:problem:request-too-large
            * `urn:factcheck:problem:server-error` - urn:factcheck:problem:server-error
            * `urn:factcheck:problem:throttled` - urn:factcheck:problem:throttled
            * `urn:factcheck:problem:unsupported-media-type` - urn:factcheck:problem:unsupported-media-type
            * `urn:factcheck:problem:validation-error` - urn:factcheck:problem:validation-error
        title (str): The HTTP status phrase.
        status (int): The HTTP status code.
        detail (str): What went wrong this time, for people.
        errors (list[FieldError] | Unset): Validation problems only: each field at fault.
    """

    type_: ProblemTypeEnum
    title: str
    status: int
    detail: str
    errors: list[FieldError] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        title = self.title

        status = self.status

        detail = self.detail

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ProblemTypeEnum(d.pop("type"))

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            errors=errors,
        )

        problem.additional_properties = d
        return problem

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
