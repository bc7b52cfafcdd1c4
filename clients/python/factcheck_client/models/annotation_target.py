from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.target_state import TargetState
    from ..models.text_position_selector import TextPositionSelector
    from ..models.text_quote_selector import TextQuoteSelector


T = TypeVar("T", bound="AnnotationTarget")


@_attrs_define
class AnnotationTarget:
    """
    Attributes:
        source (str): The article's url, else its IRI in this API.
        selector (list[TextPositionSelector | TextQuoteSelector]):
        state (TargetState):
    """

    source: str
    selector: list[TextPositionSelector | TextQuoteSelector]
    state: TargetState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text_quote_selector import TextQuoteSelector  # noqa: PLC0415

        source = self.source

        selector = []
        for selector_item_data in self.selector:
            selector_item: dict[str, Any]
            if isinstance(selector_item_data, TextQuoteSelector):
                selector_item = selector_item_data.to_dict()
            else:
                selector_item = selector_item_data.to_dict()

            selector.append(selector_item)

        state = self.state.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "selector": selector,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_state import TargetState  # noqa: PLC0415
        from ..models.text_position_selector import TextPositionSelector  # noqa: PLC0415
        from ..models.text_quote_selector import TextQuoteSelector  # noqa: PLC0415

        d = dict(src_dict)
        source = d.pop("source")

        selector = []
        _selector = d.pop("selector")
        for selector_item_data in _selector:

            def _parse_selector_item(data: object) -> TextPositionSelector | TextQuoteSelector:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_annotation_selector_type_0 = TextQuoteSelector.from_dict(data)

                    return componentsschemas_annotation_selector_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_annotation_selector_type_1 = TextPositionSelector.from_dict(data)

                return componentsschemas_annotation_selector_type_1

            selector_item = _parse_selector_item(selector_item_data)

            selector.append(selector_item)

        state = TargetState.from_dict(d.pop("state"))

        annotation_target = cls(
            source=source,
            selector=selector,
            state=state,
        )

        annotation_target.additional_properties = d
        return annotation_target

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
