from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedArticleRequest")


@_attrs_define
class PatchedArticleRequest:
    """``workspace``: a slug, fixed at creation, defaulting to the user's only workspace.

    Attributes:
        workspace (str | Unset): Slug of the workspace. May be omitted by a user who belongs to exactly one.
        url (None | str | Unset):
        title (str | Unset):
        publisher (str | Unset):
        byline (str | Unset):
        published_at (datetime.datetime | None | Unset):
        language (str | Unset):
        body (str | Unset): Stored in Unicode NFC with \\n line endings; offsets refer to it.
    """

    workspace: str | Unset = UNSET
    url: None | str | Unset = UNSET
    title: str | Unset = UNSET
    publisher: str | Unset = UNSET
    byline: str | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    language: str | Unset = UNSET
    body: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workspace = self.workspace

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        title = self.title

        publisher = self.publisher

        byline = self.byline

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        language = self.language

        body = self.body

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if workspace is not UNSET:
            field_dict["workspace"] = workspace
        if url is not UNSET:
            field_dict["url"] = url
        if title is not UNSET:
            field_dict["title"] = title
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if byline is not UNSET:
            field_dict["byline"] = byline
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if language is not UNSET:
            field_dict["language"] = language
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        workspace = d.pop("workspace", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        title = d.pop("title", UNSET)

        publisher = d.pop("publisher", UNSET)

        byline = d.pop("byline", UNSET)

        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        language = d.pop("language", UNSET)

        body = d.pop("body", UNSET)

        patched_article_request = cls(
            workspace=workspace,
            url=url,
            title=title,
            publisher=publisher,
            byline=byline,
            published_at=published_at,
            language=language,
            body=body,
        )

        patched_article_request.additional_properties = d
        return patched_article_request

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
