from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.web_annotation_context_enum import WebAnnotationContextEnum
from ..models.web_annotation_type_enum import WebAnnotationTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.annotation_target import AnnotationTarget
    from ..models.creator import Creator
    from ..models.linked_claim import LinkedClaim
    from ..models.textual_body import TextualBody


T = TypeVar("T", bound="WebAnnotation")


@_attrs_define
class WebAnnotation:
    """A span as a W3C Web Annotation.

    Attributes:
        type_ (WebAnnotationTypeEnum): * `Annotation` - Annotation
        id (str): The span's IRI in this API.
        created (datetime.datetime):
        modified (datetime.datetime):
        creator (Creator):
        body (list[LinkedClaim | TextualBody]):
        target (AnnotationTarget):
        context (WebAnnotationContextEnum | Unset): * `http://www.w3.org/ns/anno.jsonld` -
            http://www.w3.org/ns/anno.jsonld
    """

    type_: WebAnnotationTypeEnum
    id: str
    created: datetime.datetime
    modified: datetime.datetime
    creator: Creator
    body: list[LinkedClaim | TextualBody]
    target: AnnotationTarget
    context: WebAnnotationContextEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.textual_body import TextualBody  # noqa: PLC0415

        type_ = self.type_.value

        id = self.id

        created = self.created.isoformat()

        modified = self.modified.isoformat()

        creator = self.creator.to_dict()

        body = []
        for body_item_data in self.body:
            body_item: dict[str, Any]
            if isinstance(body_item_data, TextualBody):
                body_item = body_item_data.to_dict()
            else:
                body_item = body_item_data.to_dict()

            body.append(body_item)

        target = self.target.to_dict()

        context: str | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "created": created,
                "modified": modified,
                "creator": creator,
                "body": body,
                "target": target,
            }
        )
        if context is not UNSET:
            field_dict["@context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.annotation_target import AnnotationTarget  # noqa: PLC0415
        from ..models.creator import Creator  # noqa: PLC0415
        from ..models.linked_claim import LinkedClaim  # noqa: PLC0415
        from ..models.textual_body import TextualBody  # noqa: PLC0415

        d = dict(src_dict)
        type_ = WebAnnotationTypeEnum(d.pop("type"))

        id = d.pop("id")

        created = datetime.datetime.fromisoformat(d.pop("created"))

        modified = datetime.datetime.fromisoformat(d.pop("modified"))

        creator = Creator.from_dict(d.pop("creator"))

        body = []
        _body = d.pop("body")
        for body_item_data in _body:

            def _parse_body_item(data: object) -> LinkedClaim | TextualBody:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_annotation_body_type_0 = TextualBody.from_dict(data)

                    return componentsschemas_annotation_body_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_annotation_body_type_1 = LinkedClaim.from_dict(data)

                return componentsschemas_annotation_body_type_1

            body_item = _parse_body_item(body_item_data)

            body.append(body_item)

        target = AnnotationTarget.from_dict(d.pop("target"))

        _context = d.pop("@context", UNSET)
        context: WebAnnotationContextEnum | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = WebAnnotationContextEnum(_context)

        web_annotation = cls(
            type_=type_,
            id=id,
            created=created,
            modified=modified,
            creator=creator,
            body=body,
            target=target,
            context=context,
        )

        web_annotation.additional_properties = d
        return web_annotation

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
