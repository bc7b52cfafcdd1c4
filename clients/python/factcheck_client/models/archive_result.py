from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_result_status_enum import ImportResultStatusEnum

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="ArchiveResult")


@_attrs_define
class ArchiveResult:
    """
    Attributes:
        index (int): The item's place in the archive, from 0: in the list (a DataFeed's `dataFeedElement`), or among the
            CSV rows after the header that are not blank.
        status (ImportResultStatusEnum): * `created` - created
            * `exists` - exists
            * `rejected` - rejected
        url (str): The fact-check's url; empty when rejected.
        claim (None | UUID): The claim made, or the one with this url; null if rejected.
        errors (list[FieldError]): Rejected items only: each field at fault, as `<index>.<field>` (a dotted path in the
            ClaimReview, or the CSV column), or `<index>` for the item as a whole.
    """

    index: int
    status: ImportResultStatusEnum
    url: str
    claim: None | UUID
    errors: list[FieldError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        status = self.status.value

        url = self.url

        claim: None | str
        if isinstance(self.claim, UUID):
            claim = str(self.claim)
        else:
            claim = self.claim

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
                "url": url,
                "claim": claim,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        status = ImportResultStatusEnum(d.pop("status"))

        url = d.pop("url")

        def _parse_claim(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_type_0 = UUID(data)

                return claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        claim = _parse_claim(d.pop("claim"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = FieldError.from_dict(errors_item_data)

            errors.append(errors_item)

        archive_result = cls(
            index=index,
            status=status,
            url=url,
            claim=claim,
            errors=errors,
        )

        archive_result.additional_properties = d
        return archive_result

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
