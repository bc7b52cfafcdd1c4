from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.annotation_page_type_enum import AnnotationPageTypeEnum
from ..models.web_annotation_context_enum import WebAnnotationContextEnum

if TYPE_CHECKING:
    from ..models.web_annotation import WebAnnotation


T = TypeVar("T", bound="AnnotationPage")


@_attrs_define
class AnnotationPage:
    """Every span of an article as one W3C AnnotationPage.

    Attributes:
        context (WebAnnotationContextEnum): * `http://www.w3.org/ns/anno.jsonld` - http://www.w3.org/ns/anno.jsonld
        type_ (AnnotationPageTypeEnum): * `AnnotationPage` - AnnotationPage
        id (str): The page's IRI.
        items (list[WebAnnotation]):
    """

    context: WebAnnotationContextEnum
    type_: AnnotationPageTypeEnum
    id: str
    items: list[WebAnnotation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        context = self.context.value

        type_ = self.type_.value

        id = self.id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@context": context,
                "type": type_,
                "id": id,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.web_annotation import WebAnnotation  # noqa: PLC0415

        d = dict(src_dict)
        context = WebAnnotationContextEnum(d.pop("@context"))

        type_ = AnnotationPageTypeEnum(d.pop("type"))

        id = d.pop("id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = WebAnnotation.from_dict(items_item_data)

            items.append(items_item)

        annotation_page = cls(
            context=context,
            type_=type_,
            id=id,
            items=items,
        )

        annotation_page.additional_properties = d
        return annotation_page

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
